"""Sections over a time series: ``series`` (e.g. market size) and ``outlook`` (against targets)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sectorlens.metrics.reference import bounds, by_period, cagr, select, years_between
from sectorlens.model import Observation, Status, Target
from sectorlens.report import charts
from sectorlens.report.blocks import Chart, Finding, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.sections.common import (
    RateLog,
    axis,
    missing_years,
    period_text,
    qualified,
    status_suffix,
    status_word,
    target_as_obs,
    value_text,
)


def _points(ctx: ReportContext, where: dict[str, Any]) -> list[Observation]:
    found = select(ctx.ref.observations, where)
    return [
        o
        for o in by_period(found)
        if bounds(o) is not None and o.period_end and o.status is not Status.TARGET
    ]


def growth_sentence(ctx: ReportContext, first: Observation, last: Observation) -> str | None:
    """``X grew from A in P1 to B in P2: k times in n years, a CAGR of g``.

    From a published range the multiple and the CAGR are ranges: from the highest start to the
    lowest end, and from the lowest start to the highest end.
    """
    start, end = bounds(first), bounds(last)
    if not (start and end and first.period_end and last.period_end) or min(*start, *end) <= 0:
        return None
    years = years_between(first.period_end, last.period_end)
    if years <= 0:
        return None
    fmt = ctx.fmt
    low, high = end[0] / start[1], end[1] / start[0]
    ranged = low != high
    times = (
        fmt.ratio(low)
        if not ranged
        else ctx.words.say("units.times", value=f"{fmt.number(low, 2)}–{fmt.number(high, 2)}")
    )
    g_low, g_high = cagr(start[1], end[0], years), cagr(start[0], end[1], years)
    rate = fmt.pct_of(g_low) if not ranged else f"{fmt.number(g_low * 100, 1)}–{fmt.pct_of(g_high)}"
    return ctx.words.say(
        "series.growth",
        metric=ctx.labels.metric(first.metric),
        p1=period_text(ctx, first),
        p2=period_text(ctx, last),
        v1=value_text(ctx, first, equivalent=False) + status_suffix(ctx, first),
        v2=value_text(ctx, last, equivalent=False) + status_suffix(ctx, last),
        up=sum(end) >= sum(start),
        times=times,
        years=fmt.years(years),
        cagr=rate,
        ranged=ranged,
    )


def series(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """A metric over time: table, growth sentence and a column chart."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    points = _points(ctx, cfg["where"])
    if not points:
        sec.blocks.append(Note(ctx.words.say("common.no_data")))
        return sec
    rates = RateLog()
    metric = ctx.labels.metric(points[0].metric)
    # a year missing between published years is shown as such (a gap), never hidden
    gaps = missing_years((o.period_start, o.period_end) for o in points)
    keyed = [
        (
            o.period_start or date.min,
            (period_text(ctx, o), value_text(ctx, o, rates=rates), status_word(ctx, o)),
        )
        for o in points
    ]
    no_data = ctx.words.say("report.no_data")
    keyed += [(date(y, 1, 1), (ctx.words.say("period.year", y=y), "—", no_data)) for y in gaps]
    keyed.sort(key=lambda k: k[0])
    rows = tuple(row for _, row in keyed)
    cites = cites_of(*points)
    columns = (ctx.words.say("col.period"), metric, ctx.words.say("col.status"))
    sec.blocks.append(Table(columns, rows, (False, True, False), cites=cites))
    sentence = growth_sentence(ctx, points[0], points[-1]) if len(points) > 1 else None
    if sentence:
        sec.blocks.append(Paragraph(sentence, cites))
        sec.findings.append(Finding(sentence, cites))
    money = points[0].unit == "money" and points[0].currency
    y_title, unit = axis(ctx, points[0])
    data = []
    for o in points:
        low, high = bounds(o) or (Decimal(0), Decimal(0))
        places = 1 if money else None
        label = ctx.fmt.number(low / unit, places)
        if high != low:
            label += "–" + ctx.fmt.number(high / unit, places)
        data.append(
            {
                "period": period_text(ctx, o),
                "value": float(low / unit),
                "high": float(high / unit),
                "label": label,
                "status": status_word(ctx, o),
            }
        )
    ranged = any(d["high"] != d["value"] for d in data)
    for d in data if not ranged else ():
        del d["high"]  # (points only: the chart is a plain column chart)
    statuses = [str(s) for s in dict.fromkeys(d["status"] for d in data)]
    chart = charts.columns(
        data,
        x="period",
        y="value",
        text="label",
        x_title="",
        y_title=y_title,
        color="status",
        color_domain=statuses,
        color_title=ctx.words.say("col.status"),
        y2="high" if ranged else None,
        domain=[row[0] for row in rows],
    )
    title = ctx.words.say("chart.series_title", metric=metric)
    sec.blocks.append(
        Chart(cfg["id"], title, charts.spec(chart, title=title, font=ctx.font), cites)
    )
    if note := rates.note(ctx):
        sec.blocks.append(note)
    return sec


def _target_text(ctx: ReportContext, target: Target, rates: RateLog) -> str:
    if target.value is None:
        return "—"
    fake = Observation(
        obs_id=target.target_id,
        metric=target.metric,
        value=target.value,
        unit=target.unit,
        source_id=target.source_id,
        period_start=target.target_date.replace(month=1, day=1),
        period_end=target.target_date,
        qualifier=target.qualifier,
        currency=target.currency,
    )
    return value_text(ctx, fake, rates=rates)


def outlook(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """Targets, the growth needed to reach them, and progress on counted targets."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt = ctx.words.say, ctx.fmt
    rates = RateLog()
    policies = {p.policy_id: p for p in ctx.ref.policies}
    precision = ctx.ref.presentation.get("issued_precision", {})
    targets = list(ctx.ref.targets)
    rows = []
    for t in targets:
        policy = policies.get(t.policy_id or "")
        policy_text = ""
        if policy:
            title = policy.title_ko if ctx.lang == "ko" and policy.title_ko else policy.title_en
            issued = fmt.issued(policy.issued, precision.get(policy.policy_id, "day"))
            policy_text = f"{title} ({issued})"
        definition = ctx.labels.text("targets", t.target_id, "definition", t.definition) or ""
        rows.append(
            (
                say("period.year", y=t.target_date.year),
                ctx.labels.metric(t.metric),
                _target_text(ctx, t, rates),
                definition,
                policy_text,
            )
        )
    columns = tuple(say(f"col.{c}") for c in ("by", "target", "value", "definition", "policy"))
    target_cites = tuple(dict.fromkeys(t.source_id for t in targets))
    sec.blocks.append(
        Table(columns, tuple(rows), (False, False, True, False, False), cites=target_cites)
    )

    series_points = _points(ctx, cfg["series"])
    chart_rows: list[dict[str, Any]] = []
    y_title, unit = axis(ctx, series_points[0]) if series_points else ("", Decimal(1))
    for target_metric, series_metric in (cfg.get("compare") or {}).items():
        for target in (t for t in targets if t.metric == target_metric and t.value):
            chart_rows += _growth_needed(ctx, sec, target, series_metric, series_points, unit)
    for metric, where in (cfg.get("progress") or {}).items():
        _progress(ctx, sec, metric, where, targets)
    if chart_rows:
        names = list(dict.fromkeys(r["series"] for r in chart_rows))
        chart = charts.lines(
            chart_rows,
            x="year",
            y="value",
            series="series",
            series_domain=names,
            x_title="",
            y_title=y_title,
            dashed=names[1:],
            text="label",
        )
        title = say("chart.outlook_title")
        sec.blocks.append(Chart(cfg["id"], title, charts.spec(chart, title=title, font=ctx.font)))
    if note := rates.note(ctx):
        sec.blocks.append(note)
    return sec


def _growth_needed(
    ctx: ReportContext,
    sec: Section,
    target: Target,
    series_metric: str,
    points: list[Observation],
    unit: Decimal,
) -> list[dict[str, Any]]:
    say, fmt = ctx.words.say, ctx.fmt
    points = [o for o in points if o.metric == series_metric and o.currency == target.currency]
    if not points or target.value is None:
        return []
    actuals = [o for o in points if o.status is Status.ACTUAL]
    bases = list(dict.fromkeys([*actuals[-1:], points[-1]]))
    target_text = qualified_target(ctx, target)
    series_name = ctx.labels.metric(series_metric)
    rows = [
        {
            "year": o.period_end.year if o.period_end else 0,
            "value": float((o.value or 0) / unit),
            "series": series_name,
            "label": fmt.number((o.value or 0) / unit, 1),
        }
        for o in points
    ]
    rows.append(
        {
            "year": target.target_date.year,
            "value": float(target.value / unit),
            "series": say("chart.target", metric=ctx.labels.metric(target.metric)),
            "label": fmt.number(target.value / unit, 0),
        }
    )
    history = None
    if len(points) > 1 and points[0].value and points[-1].value and points[-1].period_end:
        span = years_between(points[0].period_end or points[-1].period_end, points[-1].period_end)
        if span > 0:
            history = cagr(points[0].value, points[-1].value, span)
    cites = (*cites_of(*points), target.source_id)
    needs = []  # (base, growth needed, years): one sentence, the earlier base as an aside
    for base in bases:
        if not base.value or not base.period_end:
            continue
        years = years_between(base.period_end, target.target_date)
        if years <= 0:
            continue
        need = cagr(base.value, target.value, years)
        needs.append((base, need, years))
        path_name = say("chart.path", period=period_text(ctx, base))
        for step in range(int(years) + 1):
            value = base.value * (1 + need) ** step
            rows.append(
                {
                    "year": base.period_end.year + step,
                    "value": float(value / unit),
                    "series": path_name,
                    "label": "",
                }
            )
    if needs:
        base, need, years = needs[-1]
        assert base.value is not None
        alt = None
        if len(needs) > 1:
            other, other_need, other_years = needs[0]
            alt = {
                "period": period_text(ctx, other),
                "value": value_text(ctx, other, equivalent=False) + status_suffix(ctx, other),
                "need": fmt.pct_of(other_need),
                "years": fmt.years(other_years),
                "share": fmt.pct_of((other.value or Decimal(0)) / target.value),
            }
        sentence = say(
            "outlook.need",
            target=target_text,
            year=target.target_date.year,
            metric=series_name,
            base_period=period_text(ctx, base),
            base_value=value_text(ctx, base, equivalent=False) + status_suffix(ctx, base),
            need=fmt.pct_of(need),
            years=fmt.years(years),
            share=fmt.pct_of(base.value / target.value),
            history=fmt.pct_of(history) if history is not None else None,
            faster=history is not None and need > history,
            alt=alt,
        )
        sec.blocks.append(Paragraph(sentence, cites))
        if base is points[-1]:
            sec.findings.append(Finding(sentence, cites))
    if target.metric != series_metric:
        definition = ctx.labels.text("targets", target.target_id, "definition", target.definition)
        sec.blocks.append(
            Note(
                say(
                    "outlook.definition_differs",
                    target=ctx.labels.metric(target.metric),
                    definition=definition or "",
                    series=series_name,
                ),
                "warning",
            )
        )
    return rows


def qualified_target(ctx: ReportContext, target: Target) -> str:
    """A target value with its qualifier (``4,000억 위안 이상``)."""
    assert target.value is not None
    fake = Observation(
        obs_id=target.target_id,
        metric=target.metric,
        value=target.value,
        unit=target.unit,
        source_id=target.source_id,
        qualifier=target.qualifier,
        currency=target.currency,
    )
    return ctx.labels.metric(target.metric) + " " + value_text(ctx, fake, equivalent=False)


def _progress(
    ctx: ReportContext, sec: Section, metric: str, where: dict[str, Any], targets: list[Target]
) -> None:
    say, fmt = ctx.words.say, ctx.fmt
    found = [o for o in select(ctx.ref.observations, where) if o.value is not None]
    if not found:
        return
    latest_day = max(o.period_end for o in found if o.period_end)
    parts = [o for o in found if o.period_end == latest_day]
    total = sum((o.value for o in parts if o.value is not None), Decimal(0))
    unit_label = ctx.labels.unit(parts[0].unit)
    split = ", ".join(
        say(
            "outlook.split_item",
            name=ctx.labels.segment(o.segment_type, o.segment),
            value=fmt.number(o.value or Decimal(0)),
            one=o.value == 1,
        )
        for o in parts
        if o.segment
    )
    cites = cites_of(*parts)
    for target in (t for t in targets if t.metric == metric and t.value):
        assert target.value is not None
        sentence = say(
            "outlook.progress",
            metric=ctx.labels.metric(metric),
            when=fmt.period(latest_day, latest_day),
            total=fmt.count(total, parts[0].unit, unit_label),
            split=split,
            target=qualified(
                ctx, target_as_obs(target), fmt.count(target.value, target.unit, unit_label)
            ),
            year=target.target_date.year,
            gap=fmt.count(max(target.value - total, Decimal(0)), target.unit, unit_label),
            share=fmt.pct_of(total / target.value),
        )
        sec.blocks.append(Paragraph(sentence, (*cites, target.source_id)))
        sec.findings.append(Finding(sentence, (*cites, target.source_id)))
