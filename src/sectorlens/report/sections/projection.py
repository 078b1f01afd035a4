"""``projection``: one publisher's yearly series carried forward to a year with a stated method.

Each configured series is projected on its own (``sectorlens.metrics.projection``): its inputs
are listed, the projected years go to their own table and chart layer marked as a projection,
and nothing projected is ever added to the data set or to a table of published figures.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sectorlens.metrics.projection import NotProjectable, Projection, first_year_reaching
from sectorlens.metrics.projection import growth_band as band_of
from sectorlens.metrics.reference import select
from sectorlens.model import Observation
from sectorlens.report import charts
from sectorlens.report.blocks import Chart, Finding, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.fmt import significant
from sectorlens.report.sections.common import axis, period_text, status_word, value_text


def projection(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """Each configured series projected to ``until`` from its own observed growth rates."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say = ctx.words.say
    until = int(cfg["until"])
    sec.blocks.append(Paragraph(say("projection.method", until=until)))
    for item in cfg.get("series") or []:
        label = ctx.loc(item["label"])
        levels = select(ctx.ref.observations, item["where"])
        growth = select(ctx.ref.observations, item["growth"]) if item.get("growth") else []
        try:
            proj = band_of(levels, growth, until=until)
        except NotProjectable:
            sec.blocks.append(Note(say("projection.too_few", label=label), cites=cites_of(*levels)))
            continue
        _one(ctx, sec, cfg["id"], label, proj, until)
    sec.blocks.append(Note(say("projection.caveat"), "warning"))
    return sec


def _one(
    ctx: ReportContext, sec: Section, section_id: str, label: str, proj: Projection, until: int
) -> None:
    say, fmt = ctx.words.say, ctx.fmt
    base = proj.base
    cites = cites_of(*proj.levels, *proj.growth)
    inputs = [
        (period_text(ctx, o), value_text(ctx, o, equivalent=False), status_word(ctx, o))
        for o in proj.levels
    ]
    by_id = {o.obs_id: o for o in proj.growth}
    for rate in proj.rates:
        if rate.published:
            obs = by_id[rate.obs_ids[0]]
            kind = say("projection.published_rate", status=status_word(ctx, obs))
            inputs.append((period_text(ctx, obs), fmt.pct(rate.value * 100, 1), kind))
        else:
            span = f"{rate.first}–{rate.last}"
            inputs.append((span, fmt.pct(rate.value * 100, 1), say("projection.cagr")))
    sec.blocks.append(
        Table(
            (say("col.period"), say("projection.input"), say("projection.kind")),
            tuple(inputs),
            (False, True, False),
            caption=say("projection.inputs_caption", label=label),
            cites=cites,
        )
    )

    def money(value: Decimal) -> str:
        shown = significant(value, 4)
        if base.unit == "money" and base.currency:
            return fmt.money(shown, base.currency)
        return fmt.count(shown, base.unit, ctx.labels.unit(base.unit))

    word = say("status.projection")
    rows = tuple(
        (str(p.year), money(p.low), money(p.central), money(p.high), word) for p in proj.points
    )
    rates = {
        "low": fmt.pct(proj.low_rate * 100, 1),
        "mid": fmt.pct(proj.central_rate * 100, 1),
        "high": fmt.pct(proj.high_rate * 100, 1),
    }
    sec.blocks.append(
        Table(
            (
                say("col.year"),
                say("projection.low", rate=rates["low"]),
                say("projection.central", rate=rates["mid"]),
                say("projection.high", rate=rates["high"]),
                say("col.status"),
            ),
            rows,
            (False, True, True, True, False),
            caption=say("projection.table_caption", label=label, until=until),
            cites=cites,
        )
    )
    chart_id = f"{section_id}_{proj.publisher}_{base.metric}"
    sec.blocks.append(_chart(ctx, chart_id, label, proj))
    last = proj.points[-1] if proj.points else None
    if last is None:
        return
    lower = say("projection.lower_bound") if proj.lower_bound_inputs else ""
    sentence = say(
        "projection.sentence",
        label=label,
        base=value_text(ctx, base, equivalent=False),
        base_year=period_text(ctx, base),
        until=until,
        low=money(last.low),
        central=money(last.central),
        high=money(last.high),
        low_rate=rates["low"],
        mid=rates["mid"],
        high_rate=rates["high"],
        lower=lower,
    )
    sec.blocks.append(Paragraph(sentence, cites))
    sec.findings.append(Finding(sentence, cites))
    for target in ctx.ref.targets:
        if not _comparable(target.metric, target.currency, target.unit, base):
            continue
        year = target.target_date.year
        if target.value is None or not (proj.points[0].year <= year <= until):
            continue
        if (base.value or Decimal(0)) >= target.value:
            continue  # already passed by a published figure: the target section says so
        high, low = first_year_reaching(proj, target.value)
        text = say(
            "projection.target",
            label=label,
            target=fmt.money(target.value, target.currency)
            if target.currency
            else fmt.number(target.value),
            year=year,
            high=high or "",
            low=low or "",
        )
        sec.blocks.append(Paragraph(text, (*cites, target.source_id)))
        sec.findings.append(Finding(text, (*cites, target.source_id)))


def _comparable(metric: str, currency: str | None, unit: str, base: Observation) -> bool:
    return metric == base.metric and unit == base.unit and currency == base.currency


def _chart(ctx: ReportContext, chart_id: str, label: str, proj: Projection) -> Chart:
    say, fmt = ctx.words.say, ctx.fmt
    y_title, div = axis(ctx, proj.base)
    actual, projected = say("projection.actual"), say("projection.projected")
    rows: list[dict[str, Any]] = []
    for o in proj.levels:
        value = (o.value or Decimal(0)) / div
        year = o.period_start.year if o.period_start else 0
        rows.append(
            {"year": year, "value": float(value), "low": float(value), "high": float(value),
             "series": actual, "label": fmt.number(value, 0)}
        )  # fmt: skip
    start = (proj.base.value or Decimal(0)) / div
    base_year = proj.base.period_start.year if proj.base.period_start else 0
    rows.append(
        {
            "year": base_year,
            "value": float(start),
            "low": float(start),
            "high": float(start),
            "series": projected,
            "label": "",
        }
    )  # fmt: skip  (the dashed line starts at the latest actual)
    for p in proj.points:
        rows.append(
            {"year": p.year, "value": float(p.central / div), "low": float(p.low / div),
             "high": float(p.high / div), "series": projected, "label": ""}
        )  # fmt: skip
    rows[-1]["label"] = fmt.number(proj.points[-1].central / div, 0) if proj.points else ""
    spec = charts.projection(
        rows,
        x="year",
        y="value",
        low="low",
        high="high",
        series="series",
        actual=actual,
        projected=projected,
        x_title="",
        y_title=y_title,
        text="label",
    )
    title = say("projection.chart_title", label=label[:1].upper() + label[1:])
    return Chart(
        chart_id,
        title,
        charts.spec(spec, title=title, font=ctx.font),
        cites=cites_of(*proj.levels, *proj.growth),
    )
