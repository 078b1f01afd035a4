"""Building a report from the store: data set → sections → a language-neutral ``Report``."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from sectorlens.fx import FxRates
from sectorlens.metrics.editions import History, histories, latest
from sectorlens.model import Source, Status
from sectorlens.report.blocks import Chart, Cover, Paragraph, Section
from sectorlens.report.context import Labels, ReportContext
from sectorlens.report.fmt import Formatter
from sectorlens.report.fonts import FALLBACK, chart_font, cjk_font
from sectorlens.report.numbering import number_blocks
from sectorlens.report.sections import build_sections
from sectorlens.report.sections.notes import findings
from sectorlens.report.wording import Wording
from sectorlens.store.connection import first_row
from sectorlens.store.reference import StoredReference, loaded_subjects, stored_reference
from sectorlens.store.subject import reader_currency
from sectorlens.store.subject import scope as subject_scope

if TYPE_CHECKING:
    from sectorlens.metrics import Scope


@dataclass
class Report:
    """A built report, ready to be rendered (HTML, Markdown, PDF).

    Reading order: ``cover``, ``summary`` (the numbered key findings), ``intro`` (about this
    report), then the numbered ``sections``.
    """

    lang: str
    title: str
    subtitle: str
    intro: list[Paragraph]
    sections: list[Section]
    context: ReportContext
    footer: str
    warnings: list[str] = field(default_factory=list)
    cover: Cover | None = None
    summary: Section | None = None


def has_deals(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the store holds ingested deals (the report then gains its deal sections)."""
    row = first_row(con, "SELECT count(*) FROM (SELECT 1 FROM deals LIMIT 1)")
    return bool(row and row[0])


def _deal_loads(
    con: duckdb.DuckDBPyConnection, ref: StoredReference, words: Wording
) -> tuple[str, ...]:
    """Cite every ingest load with deals in the subject's scope: one source entry each."""
    countries = list(subject_scope(ref.presentation.get("subject") or {}).countries)
    if not countries:
        return ()
    rows = con.execute(
        "SELECT l.load_id, l.path, l.source_format, l.finished_at, count(*) FROM deals d "
        "JOIN loads l USING (load_id) "
        f"WHERE d.country IN ({', '.join('?' * len(countries))}) "
        "GROUP BY ALL ORDER BY l.finished_at, l.load_id",
        countries,
    ).fetchall()
    out = []
    for load_id, path, source_format, finished, deals in rows:
        sid = f"load_{load_id}"
        ref.sources[sid] = Source(
            source_id=sid,
            title=Path(str(path)).name,
            publisher=str(source_format),
            published=finished.date() if finished else None,
            note=words.say("report.load_note", load=load_id, deals=f"{deals:,}"),
        )
        name = f"{source_format}: {Path(str(path)).name}"
        ref.presentation.setdefault("cite_as", {})[sid] = {words.lang: name}
        out.append(sid)
    return tuple(out)


def _scope_text(words: Wording, scope: Scope) -> str:
    """``countries: CN; years: 2014–2021`` in the report's language."""
    parts = []
    if scope.countries:
        parts.append(words.say("ingested.scope.countries", codes=", ".join(scope.countries)))
    if scope.sectors:
        parts.append(words.say("ingested.scope.sectors", codes=", ".join(scope.sectors)))
    if scope.years is not None:
        parts.append(words.say("ingested.scope.years", first=scope.years[0], last=scope.years[1]))
    return "; ".join(parts)


def _implausible_note(con: duckdb.DuckDBPyConnection, ctx: ReportContext) -> str | None:
    """``N deals with implausible amounts left out (largest: …)``, or None when there are none."""
    from sectorlens.metrics.scope import implausible_deals
    from sectorlens.store.plausibility import market_years, year_spans

    assert ctx.deals is not None
    found = implausible_deals(ctx.deals, ctx.scope)
    if not found.count:
        return None
    fmt = ctx.fmt
    top = found.largest[0] if found.largest else None
    largest = ""
    if top is not None and top["amount"] is not None:
        when = top["deal_date"].year if top["deal_date"] else ctx.words.say("ingested.unknown")
        money = fmt.money(Decimal(top["amount"]), str(top["currency"]))
        largest = f"{money}, {top['company_name']}, {when}"
    years = [y.year for y in market_years(con, ctx.ref.dataset_id)]
    return ctx.words.say(
        "ingested.implausible",
        n=fmt.count(Decimal(found.count), "deals"),
        largest=largest,
        kept=ctx.include_implausible,
        market=year_spans(years) if years else "",
    )


def build_report(
    con: duckdb.DuckDBPyConnection,
    lang: str = "ko",
    *,
    fx: FxRates | None = None,
    font: str | None = None,
    on_chart: Callable[[Chart], None] | None = None,
    subject: str | None = None,
    include_implausible: bool = False,
    today: date | None = None,
) -> Report:
    """Build the report of a data set in the store (default: its current one), in ``lang``.

    Deals flagged ``implausible_amount`` are left out of the deal sections (a note says how
    many, and the largest) unless ``include_implausible``.

    ``on_chart`` is called with each chart as soon as its section is built, so that rendering
    can start while the rest of the report is being built. ``today`` is the cover's date
    (default: ``build_date()``).
    """
    words = Wording(lang)
    ref = stored_reference(con, subject)
    # every edition is kept in the store; the report uses the latest and notes each revision
    n_obs = len(ref.observations)
    revised = [h for h in histories(ref.observations, ref.sources.values()) if h.revised]
    ref = replace(ref, observations=tuple(latest(ref.observations, ref.sources.values())))
    spec = ref.presentation.get("subject") or {}
    labels = Labels(ref.presentation, lang)
    reader = reader_currency(spec, lang)
    fmt = Formatter(words, fx or FxRates(), reader)
    ctx = ReportContext(ref, words, fmt, labels, spec, font=font or chart_font())
    n_sources = len(ref.sources)
    _add_baselines(con, ctx)
    ctx.include_implausible = include_implausible
    if has_deals(con):
        from sectorlens.metrics import Scope, from_duckdb  # Ibis only when there are deals
        from sectorlens.metrics.scope import scope_counts

        ctx.deals = from_duckdb(con)
        ctx.deal_sources = _deal_loads(con, ref, words)
        ctx.scope = Scope.from_subject(spec)
        counts = scope_counts(ctx.deals, ctx.scope)
        if counts.left_out:
            reasons = [
                words.say(f"ingested.out_of.{r}", n=fmt.count(Decimal(n), "deals"))
                for r, n in counts.out.items()
                if n
            ]
            ctx.scope_note = words.say(
                "ingested.out_of_scope",
                kept=fmt.count(Decimal(counts.in_scope), "deals"),
                total=fmt.count(Decimal(counts.total), "deals"),
                scope=_scope_text(words, ctx.scope),
                reasons=", ".join(reasons),
            )
        ctx.implausible_note = _implausible_note(con, ctx)
    warnings = []
    if font is None and cjk_font() is None:
        warnings.append(words.say("report.font_warning"))
        ctx.font = FALLBACK

    def charts_of(section: Section) -> None:
        section.conversions = fmt.take_conversions()  # the rates behind its figures (chart data)
        for block in section.blocks:
            if on_chart is not None and isinstance(block, Chart):
                on_chart(block)

    left_out: list[tuple[str, str]] = []
    sections = build_sections(
        ctx, list(spec.get("sections") or []), on_section=charts_of, left_out=left_out
    )
    # the key findings come first, as the summary; a ``findings`` section is not repeated
    kinds = {str(c.get("id")): str(c.get("kind")) for c in spec.get("sections") or []}
    titled = next((c for c in spec.get("sections") or [] if c.get("kind") == "findings"), None)
    summary_cfg = {
        "id": "summary",
        "title": titled.get("title") if titled else {lang: words.say("report.summary")},
        "per_section": (titled or {}).get("per_section"),
    }
    body = [s for s in sections if kinds.get(s.section_id) != "findings"]
    refs = number_blocks(body, words)
    summary = findings(ctx, summary_cfg, body, refs)
    base_id = str(spec.get("base_source") or "")
    base = ref.sources.get(base_id)
    base_title = labels.text("sources", base_id, "title", base.title if base else base_id) or ""
    if lang == "ko" and base:
        base_title = base.title
    values = {"base": base_title, "n_obs": n_obs, "n_sources": n_sources}
    # the data set's own opening (``intro`` in subject.yaml), else a generic one
    opening = ctx.loc(spec.get("intro"))
    for key, value in values.items():
        opening = opening.replace("{" + key + "}", str(value))
    parts = [opening or words.say("report.intro", **values)]
    home = fmt.currency_name(ctx.home_currency) if ctx.home_currency else ""
    if home and reader and reader != ctx.home_currency:
        parts.append(words.say("report.intro_money", home=home, reader=fmt.currency_name(reader)))
    elif home:
        parts.append(words.say("report.intro_home", home=home))
    parts.append(words.say("report.intro_cites"))
    intro = [Paragraph(" ".join(parts), (base_id,) if base else ())]
    intro += [_revision(ctx, h) for h in revised]
    for reason in ("deals", "data"):
        titles = [title for title, why in left_out if why == reason]
        if titles:
            intro.append(
                Paragraph(words.say(f"report.left_out_{reason}", titles=", ".join(titles)))
            )
    title = ctx.loc(spec.get("title")) or ref.dataset_id
    return Report(
        lang=lang,
        title=title,
        subtitle=ctx.loc(spec.get("subtitle")),
        intro=intro,
        sections=body,
        context=ctx,
        footer=words.say("report.footer", dataset=ref.dataset_id),
        warnings=warnings,
        cover=_cover(ctx, title, base_title if base else "", n_obs, today or build_date()),
        summary=summary,
    )


def build_date() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def _cover(ctx: ReportContext, title: str, base: str, n_obs: int, today: date) -> Cover:
    """Title, subtitle, edition, date, what the data run up to and the brief it rebuilds."""
    say, fmt, spec = ctx.words.say, ctx.fmt, ctx.subject
    lines: list[tuple[str, str]] = []
    if edition := ctx.loc(spec.get("edition")):
        lines.append((say("report.cover.edition"), edition))
    lines.append((say("report.cover.date"), fmt.issued(today, "day")))
    ends = [
        o.period_end
        for o in ctx.ref.observations
        if o.period_end and o.status in (Status.ACTUAL, Status.ESTIMATE)
    ]
    if ends:
        period = fmt.issued(max(ends), "month")
        value = say(
            "report.cover.data_as_of_value",
            period=period,
            n_sources=len(ctx.ref.sources),
            n_obs=n_obs,
        )
        lines.append((say("report.cover.data_as_of"), value))
    if base:
        lines.append((say("report.cover.based_on"), base))
    return Cover(title=title, subtitle=ctx.loc(spec.get("subtitle")), lines=tuple(lines))


def _add_baselines(con: duckdb.DuckDBPyConnection, ctx: ReportContext) -> None:
    """Read the subjects named in ``compare_with`` that the store holds (their sources become
    citable in this report); a missing one is simply absent (its ``changes`` section says so)."""
    others = ctx.subject.get("compare_with") or ()
    for other in [others] if isinstance(others, str) else others:
        if other not in loaded_subjects(con):
            continue
        base = stored_reference(con, str(other))
        base = replace(base, observations=tuple(latest(base.observations, base.sources.values())))
        ctx.baselines[str(other)] = base
        for sid, source in base.sources.items():
            ctx.ref.sources.setdefault(sid, source)
        cite_as = ctx.ref.presentation.setdefault("cite_as", {})
        for sid, names in (base.presentation.get("cite_as") or {}).items():
            cite_as.setdefault(sid, names)
        labels = ctx.ref.presentation.setdefault("labels", {})
        for kind, entries in (base.presentation.get("labels") or {}).items():
            mine = labels.setdefault(kind, {})
            for key, value in (entries or {}).items():
                if isinstance(value, dict) and isinstance(mine.get(key), dict):
                    mine[key] = {**value, **mine[key]}  # e.g. segment types: both sets of codes
                else:
                    mine.setdefault(key, value)
        texts = ctx.ref.presentation.setdefault("text", {}).setdefault("sources", {})
        for sid, fields in ((base.presentation.get("text") or {}).get("sources") or {}).items():
            texts.setdefault(sid, fields)
    ctx.labels = Labels(ctx.ref.presentation, ctx.lang)


def _revision(ctx: ReportContext, history: History) -> Paragraph:
    """``P's figure for X was first published as A (date), later as B (date); B is used.``"""
    from sectorlens.report.sections.common import period_text, value_text

    first, last = history.editions[0], history.editions[-1]
    words, fmt = ctx.words, ctx.fmt
    who = first.obs.cites[0] if first.obs.cites else first.obs.source_id
    text = words.say(
        "report.revision" if history.dated else "report.revision_undated",
        publisher=ctx.labels.cite_as(who, who),
        metric=ctx.labels.metric(first.obs.metric),
        period=period_text(ctx, first.obs),
        old=value_text(ctx, first.obs, equivalent=False),
        new=value_text(ctx, last.obs, equivalent=False),
        old_date=fmt.period(first.as_of, first.as_of) if first.as_of else "",
        new_date=fmt.period(last.as_of, last.as_of) if last.as_of else "",
    )
    return Paragraph(text, tuple(dict.fromkeys(e.obs.source_id for e in history.editions)))
