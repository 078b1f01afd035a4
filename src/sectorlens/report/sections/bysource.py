"""Sections over several publishers at once: ``by_source`` (one figure per year, publisher by
publisher, in one currency, with a reconciliation per year) and ``target_status`` (each target
against the latest published figure: met or not, and when)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sectorlens.fx import FxError
from sectorlens.metrics.editions import publisher
from sectorlens.metrics.reference import bounds, select, whole_years
from sectorlens.model import Observation, Qualifier, Status, Target
from sectorlens.report.blocks import Finding, Note, Table
from sectorlens.report.blocks import Section as Sec
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.fmt import significant
from sectorlens.report.sections.common import (
    aside,
    in_quote,
    period_text,
    qualified,
    target_as_obs,
    value_text,
)

_SHOWN = (Status.ACTUAL, Status.ESTIMATE)


def by_source(ctx: ReportContext, cfg: dict[str, Any], done: list[Sec]) -> Sec:
    """A year × publisher table in one currency at each year's ECB rate, and why they differ."""
    sec = Sec(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt = ctx.words.say, ctx.fmt
    quote = str(cfg.get("currency") or ctx.home_currency)
    first, last = (int(y) for y in cfg.get("years") or (1, 9999))
    by = str(cfg.get("by") or "segment")
    found = [
        o
        for o in _selected(ctx, cfg)
        if o.status in _SHOWN
        and whole_years(o.period_start, o.period_end)
        and o.period_start
        and o.period_end
        and o.period_start.year == o.period_end.year
        and first <= o.period_start.year <= last
    ]
    if not found:
        return sec

    def column(o: Observation) -> str:
        if by == "series":  # one column per publisher and measure
            return f"{publisher(o)}|{o.metric}"
        return publisher(o) if by == "publisher" else str(getattr(o, by, None) or publisher(o))

    def shown(value: Decimal, o: Observation) -> str:
        if o.unit == "money":  # a converted figure is approximate: four significant digits
            converted = o.currency is not None and o.currency != quote
            return fmt.money(significant(value, 4) if converted else value, quote)
        return fmt.count(value, o.unit, ctx.labels.unit(o.unit))

    cols = list(dict.fromkeys(column(o) for o in sorted(found, key=lambda o: o.obs_id)))
    cols.sort(key=lambda c: min(o.period_start or date.max for o in found if column(o) == c))
    names = {c: _column_name(ctx, found, c, column) for c in cols}
    money = any(o.unit == "money" for o in found)
    years = sorted({o.period_start.year for o in found if o.period_start})
    if cfg.get("years"):  # every year of the range: a year without any figure is a gap, shown
        years = list(range(first, last + 1))
    rows, recon = [], []
    for year in years:
        cells, values = [], []
        for c in cols:
            here = [o for o in found if column(o) == c and o.period_start.year == year]  # type: ignore[union-attr]
            if not here:
                cells.append("—")
                continue
            obs = here[0]
            conv = in_quote(ctx, obs, quote)
            if conv is None:
                cells.append(value_text(ctx, obs, equivalent=False))
                continue
            text = qualified(ctx, obs, shown(conv, obs))
            if obs.currency and obs.currency != quote:
                text += f" ({value_text(ctx, obs, equivalent=False)})"
            cells.append(text)
            values.append((conv, obs))
        rows.append((str(year), *cells))
        if len(values) >= 2:
            hi = max(values, key=lambda v: v[0])
            lo = min(values, key=lambda v: v[0])
            sentence = say(
                "bysource.spread",
                year=year,
                n=len(values),
                low=shown(lo[0], lo[1]),
                low_name=names[column(lo[1])],
                high=shown(hi[0], hi[1]),
                high_name=names[column(hi[1])],
                ratio=fmt.ratio(hi[0] / lo[0]) if lo[0] else "—",
                converted=any(o.currency not in (None, quote) for _, o in values),
            )
            why = _why(ctx, cfg, quote, year, hi[1], lo[1], [v[1] for v in values], names, column)
            recon.append((str(year), str(len(values)), fmt.ratio(hi[0] / lo[0]), why))
            if hi[0] != lo[0]:  # sources that agree are no finding; the latest year first
                sec.findings.insert(0, Finding(sentence, cites_of(*(v[1] for v in values))))
    sec.blocks.append(
        Table(
            (say("col.period"), *(names[c] for c in cols)),
            tuple(rows),
            (False, *([True] * len(cols))),
            caption=say("bysource.caption", currency=fmt.currency_name(quote)) if money else None,
            cites=cites_of(*found),
        )
    )
    if recon:
        sec.blocks.append(
            Table(
                (say("col.period"), say("bysource.n"), say("bysource.ratio"), say("bysource.why")),
                tuple(recon),
                (False, True, True, False),
                caption=say("bysource.recon_caption"),
            )
        )
    defs = [f"{names[c]}: {about}" for c in cols if (about := _about(ctx, found, c, column, by))]
    if defs:
        sec.blocks.append(Note(say("bysource.definitions", items="; ".join(defs)), "warning"))
    if money:
        sec.blocks.append(Note(say("bysource.currency", currency=fmt.currency_name(quote))))
    if cfg.get("years"):
        sec.blocks.append(Note(say("bysource.gaps", first=first, last=last, what=sec.title)))
    borrowed = [o for o in found if o.obs_id not in {x.obs_id for x in ctx.ref.observations}]
    if borrowed:
        subjects = ", ".join(dict.fromkeys(str(b["subject"]) for b in cfg.get("baseline") or []))
        names_b = ", ".join(dict.fromkeys(names[column(o)] for o in borrowed))
        sec.blocks.append(
            Note(
                say("bysource.baseline", what=sec.title, names=names_b, subjects=subjects),
                cites=cites_of(*borrowed),
            )
        )
    return sec


def _selected(ctx: ReportContext, cfg: dict[str, Any]) -> list[Observation]:
    """The section's observations: ``where`` (one clause or a list) on this subject, plus any
    ``baseline`` clauses on the subjects it is compared with (``compare_with``)."""
    clauses = cfg["where"] if isinstance(cfg["where"], list) else [cfg["where"]]
    out = [o for where in clauses for o in select(ctx.ref.observations, where)]
    for extra in cfg.get("baseline") or []:
        other = ctx.baselines.get(str(extra["subject"]))
        if other is not None:
            out += select(other.observations, extra["where"])
    return list({o.obs_id: o for o in out}.values())


def _why(
    ctx: ReportContext,
    cfg: dict[str, Any],
    quote: str,
    year: int,
    hi: Observation,
    lo: Observation,
    shown: list[Observation],
    names: dict[str, str],
    column: Any,
) -> str:
    """Why one year's figures differ: definition (measure and coverage of the highest and the
    lowest), and currency (which figures were converted, at what rate)."""
    say, fmt = ctx.words.say, ctx.fmt
    by = str(cfg.get("by") or "segment")
    parts = []
    if hi is lo or (hi.value == lo.value and hi.currency == lo.currency):
        parts.append(say("bysource.agree"))
    for obs in () if parts else (hi, lo):
        if about := _about(ctx, [obs], column(obs), column, by):
            parts.append(say("bysource.counts", name=names[column(obs)], about=about))
        else:
            parts.append(say("bysource.unstated", name=names[column(obs)]))
    if hi.metric != lo.metric:
        parts.append(
            say(
                "bysource.measures",
                high=ctx.labels.metric(hi.metric),
                low=ctx.labels.metric(lo.metric),
            )
        )
    converted = sorted(
        {o.currency for o in shown if o.unit == "money" and o.currency and o.currency != quote}
    )
    for currency in converted:
        try:
            conv = fmt.convert(Decimal(1), currency, quote, date(year, 1, 1), date(year, 12, 31))
        except FxError:
            continue
        rate = fmt.rate(conv.rate, conv.rate.base, conv.rate.quote)
        parts.append(
            say("bysource.converted", currency=fmt.currency_name(currency), rate=rate, year=year)
        )
    if not converted and any(o.unit == "money" for o in shown):
        parts.append(say("bysource.same_currency", currency=fmt.currency_name(quote)))
    return " ".join(parts)


def _column_name(ctx: ReportContext, found: list[Observation], col: str, column: Any) -> str:
    obs = next(o for o in found if column(o) == col)
    if "|" in col:  # by series: the measure and its publisher
        who = publisher(obs)
        who = ctx.labels.cite_as(who, who)
        return ctx.words.say("bysource.series_name", who=who, metric=ctx.labels.metric(obs.metric))
    if obs.segment_type and obs.segment == col:
        return ctx.labels.segment(obs.segment_type, col)
    return ctx.labels.cite_as(col, col)


def _about(ctx: ReportContext, found: list[Observation], col: str, column: Any, by: str) -> str:
    obs = next(o for o in found if column(o) == col)
    if by == "segment" and obs.segment_type:
        return ctx.labels.segment_about(obs.segment_type, col)
    return ""


def target_status(ctx: ReportContext, cfg: dict[str, Any], done: list[Sec]) -> Sec:
    """Each target due by ``year``: the latest figure, whether and when it passed the target."""
    sec = Sec(cfg["id"], ctx.loc(cfg["title"]))
    say = ctx.words.say
    year = int(cfg["year"])
    actuals: dict[str, dict[str, Any]] = cfg.get("actuals") or {}
    rows = []
    for target in sorted(ctx.ref.targets, key=lambda t: (t.target_date, t.target_id)):
        if target.target_date.year > year or target.value is None:
            continue
        where = actuals.get(target.metric)
        found = []
        if where is not None:
            found = sorted(
                (
                    o
                    for o in select(ctx.ref.observations, where)
                    if o.status in _SHOWN and o.period_end and bounds(o) is not None
                ),
                key=lambda o: (o.period_end, o.obs_id),
            )
        goal = qualified(ctx, target_as_obs(target), _target_text(ctx, target))
        if not found:
            status = say("target.no_figure")
            rows.append(
                (str(target.target_date.year), ctx.labels.metric(target.metric), goal, "—", status)
            )
            sec.findings.append(
                Finding(
                    say(
                        "target.sentence_none",
                        metric=ctx.labels.metric(target.metric),
                        target=goal,
                        year=target.target_date.year,
                    ),
                    (target.source_id,),
                )
            )
            continue
        latest = found[-1]
        passing = next((o for o in found if _passes(o, target)), None)
        by_whom = ctx.labels.cite_as(publisher(latest), publisher(latest))
        latest_value = value_text(ctx, latest, equivalent=False)
        latest_text = aside(latest_value, f"{period_text(ctx, latest)}, {by_whom}")
        if passing is not None:
            who = ctx.labels.cite_as(publisher(passing), publisher(passing))
            when = period_text(ctx, passing)
            on_time = passing.period_end is not None and passing.period_end <= target.target_date
            status = say("target.met", when=when, who=who, on_time=on_time)
        else:
            status = say("target.not_met")
        rows.append(
            (
                str(target.target_date.year),
                ctx.labels.metric(target.metric),
                goal,
                latest_text,
                status,
            )
        )
        caveat = ctx.labels.text("targets", target.target_id, "note", target.note) or ""
        sentence = say(
            "target.sentence",
            metric=ctx.labels.metric(target.metric),
            target=goal,
            year=target.target_date.year,
            latest=latest_value,
            latest_period=period_text(ctx, latest),
            by=by_whom,
            status=status,
        )
        sec.findings.append(
            Finding(sentence, (*cites_of(latest, *(o for o in [passing] if o)), target.source_id))
        )
        if caveat:
            sec.blocks.append(
                Note(
                    say(
                        "target.caveat",
                        metric=ctx.labels.metric(target.metric),
                        year=target.target_date.year,
                        caveat=caveat,
                    ),
                    cites=(target.source_id,),
                )
            )
    if rows:
        sec.blocks.insert(
            0,
            Table(
                (
                    say("col.by"),
                    say("target.what"),
                    say("col.target"),
                    say("target.latest"),
                    say("target.status"),
                ),
                tuple(rows),
                (False, False, True, False, False),
            ),
        )
    return sec


def _target_text(ctx: ReportContext, target: Target) -> str:
    value = target.value or Decimal(0)
    if target.unit == "money" and target.currency:
        return ctx.fmt.money(value, target.currency)
    if target.unit == "percent":
        return ctx.fmt.pct(value)
    return ctx.fmt.count(value, target.unit, ctx.labels.unit(target.unit))


def _passes(obs: Observation, target: Target) -> bool:
    """True when the figure's lower end reaches the target (an "at most" figure never does)."""
    ends = bounds(obs)
    if ends is None or target.value is None or obs.qualifier is Qualifier.AT_MOST:
        return False
    if target.currency and obs.currency != target.currency:
        return False
    return ends[0] >= target.value
