"""``cross_source``: one metric from two sources, money converted at the period's ECB rate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sectorlens.errors import InputError
from sectorlens.fx import FxError
from sectorlens.metrics.reference import covered_sum, select, whole_years
from sectorlens.model import Observation
from sectorlens.report import charts
from sectorlens.report.blocks import Chart, Finding, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.fmt import significant
from sectorlens.report.sections.common import aside, in_quote, money_axis, scale, value_text


def _multi_year(obs: Observation) -> bool:
    return bool(
        obs.period_start and obs.period_end and obs.period_start.year != obs.period_end.year
    )


def cross_source(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """The same metric from two sources, money converted at the period's ECB average rate."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt = ctx.words.say, ctx.fmt
    quote = str(cfg.get("currency") or ctx.home_currency)
    if not quote:
        raise InputError(f"section {cfg['id']!r}: name the `currency` money is compared in")
    chart_rows: list[dict[str, Any]] = []
    for comp in cfg["comparisons"]:
        label = ctx.loc(comp["label"])
        base = sorted(
            (o for o in select(ctx.ref.observations, comp["base"]) if not o.equivalent_of),
            key=lambda o: (_multi_year(o), o.period_start or date.min, o.obs_id),
        )
        other = select(ctx.ref.observations, comp["other"])
        if not base or not other:
            continue
        base_name = ctx.labels.cite_as(base[0].source_id, base[0].source_id)
        other_name = ctx.labels.cite_as(other[0].source_id, other[0].source_id)
        rows = []
        used: list[Observation] = []
        for b in base:
            if not (b.period_start and b.period_end and b.value):
                continue
            exact = next(
                (
                    o
                    for o in other
                    if (o.period_start, o.period_end) == (b.period_start, b.period_end)
                ),
                None,
            )
            summed = covered_sum(other, b.period_start, b.period_end) if exact is None else None
            if exact is not None and exact.value:
                parts = [exact]
            elif summed is not None:
                parts = summed[1]
            else:
                continue
            # each part in the comparison currency at its own period's rate (never relabelled)
            converted = [in_quote(ctx, o, quote) for o in parts]
            if any(v is None for v in converted):
                continue
            other_value = sum((v for v in converted if v is not None), Decimal(0))
            if not other_value:
                continue
            used += [b, *parts]
            base_value, rate_text = b.value, ""
            if b.unit == "money" and b.currency and b.currency != quote:
                try:
                    conv = fmt.convert(b.value, b.currency, quote, b.period_start, b.period_end)
                except FxError:
                    continue
                base_value = conv.result.amount
                rate_text = fmt.rate(1 / conv.rate.rate, quote, b.currency)
            money = b.unit == "money"
            published = [
                value_text(ctx, o, equivalent=False)
                for o in parts
                if o.unit == "money" and o.currency and o.currency != quote
            ]
            if not money:
                other_text = fmt.count(other_value, b.unit, ctx.labels.unit(b.unit))
            elif published:  # converted: an approximate equivalent, the published figure beside
                other_text = fmt.money(significant(other_value, 4), quote)
                other_text += f" ({' + '.join(published)})"
            else:
                other_text = fmt.money(other_value, quote)
            base_conv = fmt.money(significant(base_value, 4), quote) if money else "—"
            ratio = base_value / other_value
            summed_note = " " + say("cross.summed", n=len(parts)) if len(parts) > 1 else ""
            rows.append(
                (
                    fmt.period(b.period_start, b.period_end),
                    value_text(ctx, b, equivalent=False),
                    base_conv + (f" ({rate_text})" if rate_text else ""),
                    other_text + summed_note,
                    fmt.ratio(ratio),
                )
            )
            if money and len(parts) == 1:
                chart_rows += [
                    {
                        "period": fmt.period(b.period_start, b.period_end),
                        "value": float(base_value / scale(ctx)),
                        "label": fmt.number(base_value / scale(ctx), 1),
                        "source": base_name,
                    },
                    {
                        "period": fmt.period(b.period_start, b.period_end),
                        "value": float(other_value / scale(ctx)),
                        "label": fmt.number(other_value / scale(ctx), 1),
                        "source": other_name,
                    },
                ]
            sentence = say(
                "cross.sentence",
                period=fmt.period(b.period_start, b.period_end),
                metric=label,
                base=base_name,
                base_value=base_conv if money else value_text(ctx, b),
                other=other_name,
                other_value=other_text,
                ratio=fmt.ratio(ratio),
                money=money,
                rate=rate_text,
            )
            if b is base[-1] or len(parts) > 1:
                sec.findings.append(Finding(sentence, cites_of(b, *parts)))
        if not rows:
            continue
        columns = (
            say("col.period"),
            aside(label, base_name),
            say("cross.converted", currency=quote),
            other_name,
            say("col.ratio"),
        )
        sec.blocks.append(
            Table(
                columns,
                tuple(rows),
                (False, True, True, True, True),
                caption=label,
                cites=cites_of(*used),
            )
        )
        segment = next((o.segment for o in other if o.segment), None)
        if segment and not base[0].segment:
            seg_label = ctx.labels.segment(other[0].segment_type, segment)
            sec.blocks.append(
                Note(
                    say("cross.definitions", base=base_name, other=other_name, segment=seg_label),
                    "warning",
                )
            )
    if chart_rows:
        chart = charts.columns(
            chart_rows,
            x="period",
            y="value",
            text="label",
            x_title="",
            y_title=money_axis(ctx, quote),
            color="source",
            color_domain=list(dict.fromkeys(r["source"] for r in chart_rows)),
            color_title="",
            offset="source",
        )
        title = say("chart.cross_title", currency=quote)
        sec.blocks.append(Chart(cfg["id"], title, charts.spec(chart, title=title, font=ctx.font)))
    if ctx_cfg := cfg.get("context"):
        _context(ctx, sec, ctx_cfg, quote)
    return sec


def _context(ctx: ReportContext, sec: Section, cfg: dict[str, Any], quote: str) -> None:
    say, fmt = ctx.words.say, ctx.fmt
    found = [o for o in select(ctx.ref.observations, cfg["where"]) if o.value is not None]
    geos = [*cfg.get("geographies", []), cfg.get("total")]
    table: dict[int, dict[str, Decimal]] = {}
    for o in found:
        if o.geography in geos and o.period_start and whole_years(o.period_start, o.period_end):
            value = in_quote(ctx, o, quote)  # in the comparison currency, never relabelled
            if value is not None:
                table.setdefault(o.period_start.year, {})[o.geography or ""] = value
    if not table:
        return
    total = cfg.get("total")
    first_geo = cfg["geographies"][0]
    rows = []
    for year in sorted(table):
        values = table[year]
        share = ""
        if total in values and first_geo in values and values[total]:
            share = fmt.pct_of(values[first_geo] / values[total])
        rows.append(
            (str(year), *(fmt.money(values[g], quote) if g in values else "—" for g in geos), share)
        )
    columns = (
        say("col.year"),
        *(ctx.labels.geography(g) for g in geos),
        say(
            "cross.share_of", geo=ctx.labels.geography(first_geo), total=ctx.labels.geography(total)
        ),
    )
    name = ctx.labels.cite_as(found[0].source_id, found[0].source_id)
    segment = ctx.labels.segment(found[0].segment_type, found[0].segment)
    caption = say(
        "cross.context_caption",
        source=name,
        metric=ctx.labels.metric(found[0].metric),
        segment=segment,
    )
    sec.blocks.append(
        Table(
            columns,
            tuple(rows),
            (False, *(True for _ in geos), True),
            caption=caption,
            cites=cites_of(*found),
        )
    )
    years = sorted(table)
    last = years[-1]
    if total in table[last] and first_geo in table[last]:
        peak = max(years, key=lambda y: table[y].get(first_geo, Decimal(0)))
        sentence = say(
            "cross.context_sentence",
            source=name,
            geo=ctx.labels.geography(first_geo),
            year=last,
            value=fmt.money(table[last][first_geo], quote),
            total=ctx.labels.geography(total),
            share=fmt.pct_of(table[last][first_geo] / table[last][total]),
            peak=peak,
            peak_value=fmt.money(table[peak][first_geo], quote),
        )
        sec.blocks.append(Paragraph(sentence, cites_of(*found)))
        sec.findings.append(Finding(sentence, cites_of(*found)))
