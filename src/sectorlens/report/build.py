"""Building a report from the store: data set → sections → a language-neutral ``Report``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

import duckdb

from sectorlens.fx import FxRates
from sectorlens.report.blocks import Chart, Paragraph, Section
from sectorlens.report.context import Labels, ReportContext
from sectorlens.report.fmt import Formatter
from sectorlens.report.fonts import FALLBACK, chart_font, cjk_font
from sectorlens.report.sections import build_sections
from sectorlens.report.wording import Wording
from sectorlens.store.connection import first_row
from sectorlens.store.reference import stored_reference

if TYPE_CHECKING:
    from sectorlens.metrics import Scope


@dataclass
class Report:
    """A built report, ready to be rendered as HTML and Markdown."""

    lang: str
    title: str
    subtitle: str
    intro: list[Paragraph]
    sections: list[Section]
    context: ReportContext
    footer: str
    warnings: list[str] = field(default_factory=list)


def has_deals(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the store holds ingested deals (the report then gains its deal sections)."""
    row = first_row(con, "SELECT count(*) FROM (SELECT 1 FROM deals LIMIT 1)")
    return bool(row and row[0])


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


def build_report(
    con: duckdb.DuckDBPyConnection,
    lang: str = "ko",
    *,
    fx: FxRates | None = None,
    font: str | None = None,
    on_chart: Callable[[Chart], None] | None = None,
) -> Report:
    """Build the report of the reference data set in the store, in ``lang`` (ko or en).

    ``on_chart`` is called with each chart as soon as its section is built, so that rendering
    can start while the rest of the report is being built.
    """
    words = Wording(lang)
    ref = stored_reference(con)
    subject = ref.presentation.get("subject") or {}
    labels = Labels(ref.presentation, lang)
    reader = str(subject.get("reader_currency") or "USD")
    fmt = Formatter(words, fx or FxRates(), reader)
    ctx = ReportContext(ref, words, fmt, labels, subject, font=font or chart_font())
    if has_deals(con):
        from sectorlens.metrics import Scope, from_duckdb  # Ibis only when there are deals
        from sectorlens.metrics.scope import scope_counts

        ctx.deals = from_duckdb(con)
        ctx.scope = Scope.from_subject(subject)
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
    warnings = []
    if font is None and cjk_font() is None:
        warnings.append(words.say("report.font_warning"))
        ctx.font = FALLBACK

    def charts_of(section: Section) -> None:
        for block in section.blocks:
            if on_chart is not None and isinstance(block, Chart):
                on_chart(block)

    sections = build_sections(ctx, list(subject.get("sections") or []), on_section=charts_of)
    base_id = str(subject.get("base_source") or "")
    base = ref.sources.get(base_id)
    base_title = labels.text("sources", base_id, "title", base.title if base else base_id) or ""
    if lang == "ko" and base:
        base_title = base.title
    intro = Paragraph(
        words.say(
            "report.intro",
            base=base_title,
            n_obs=len(ref.observations),
            n_sources=len(ref.sources),
            home=fmt.currency_name(ctx.home_currency),
            reader=fmt.currency_name(reader),
        ),
        (base_id,) if base else (),
    )
    return Report(
        lang=lang,
        title=ctx.loc(subject.get("title")) or ref.dataset_id,
        subtitle=ctx.loc(subject.get("subtitle")),
        intro=[intro],
        sections=sections,
        context=ctx,
        footer=words.say("report.footer", dataset=ref.dataset_id),
        warnings=warnings,
    )
