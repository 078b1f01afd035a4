"""``deals_by_period``: deal count and amount per period, partial periods marked."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from sectorlens.errors import InputError
from sectorlens.metrics.reference import (
    bounds,
    change,
    is_partial,
    remainder,
    runs,
    select,
    whole_years,
)
from sectorlens.model import Observation
from sectorlens.report import charts
from sectorlens.report.blocks import Chart, Finding, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.fmt import significant
from sectorlens.report.sections.common import (
    RateLog,
    missing_years,
    money_axis,
    period_columns,
    scale,
    value_text,
)

Key = tuple[date, date]


def _by_key(observations: list[Observation]) -> dict[Key, Observation]:
    """Observations by period; two for one period are an error naming both (never last-wins)."""
    out: dict[Key, Observation] = {}
    for o in observations:
        if not (o.period_start and o.period_end) or bounds(o) is None or o.equivalent_of:
            continue
        key = (o.period_start, o.period_end)
        if key in out:
            raise InputError(
                f"observations {out[key].obs_id!r} and {o.obs_id!r} both match one period of a "
                "section's where: name the field that tells them apart (segment, status, locator)"
            )
        out[key] = o
    return out


def _multi_year(obs: Observation) -> bool:
    return bool(
        obs.period_start and obs.period_end and obs.period_start.year != obs.period_end.year
    )


def _years_text(ctx: ReportContext, years: tuple[int, ...]) -> str:
    parts = []
    for a, b in runs(years):
        parts.append(ctx.fmt.period(date(a, 1, 1), date(b, 12, 31)))
    return ", ".join(parts)


def deals_by_period(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """Deal count and amount per period; partial periods marked; untemized years derived."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt = ctx.words.say, ctx.fmt
    counts = _by_key(select(ctx.ref.observations, cfg["count"]))
    amounts = _by_key(select(ctx.ref.observations, cfg["amount"]))
    keys = sorted(set(counts) | set(amounts), key=lambda k: (k[0].year != k[1].year, k[0], k[1]))
    if not keys:
        sec.blocks.append(Note(say("common.no_data")))
        return sec
    rates = RateLog()
    rows = []
    gaps = missing_years(k for k in keys if k[0].year == k[1].year)
    gap_keys = [(date(y, 1, 1), date(y, 12, 31)) for y in gaps]
    for key in sorted([*keys, *gap_keys], key=lambda k: (k[0].year != k[1].year, k[0], k[1])):
        if key in gap_keys:  # a year without a figure between published years: shown as such
            rows.append((fmt.period(*key), "—", "—", "", say("report.no_data")))
            continue
        c, a = counts.get(key), amounts.get(key)
        avg = ""
        if c and a and c.value and a.value and a.currency:
            avg = fmt.money(significant(a.value / c.value), a.currency)
        flag = say("deals.partial") if is_partial(*key) else ""
        if key[0].year != key[1].year:
            flag = say("deals.total")
        rows.append(
            (
                fmt.period(*key),
                value_text(ctx, c) if c else "—",
                value_text(ctx, a, rates=rates) if a else "—",
                avg,
                flag,
            )
        )
    for key in keys:
        c, a = counts.get(key), amounts.get(key)
        rest_c = remainder(c, list(counts.values())) if c else None
        rest_a = remainder(a, list(amounts.values())) if a else None
        if rest_c and rest_a and rest_c.years:
            rows.append(
                (
                    _years_text(ctx, rest_c.years),
                    fmt.count(rest_c.value, rest_c.total.unit),
                    fmt.money(rest_a.value, rest_a.total.currency or ""),
                    fmt.money(significant(rest_a.value / rest_c.value), rest_a.total.currency or "")
                    if rest_c.value
                    else "",
                    say("deals.derived"),
                )
            )
            sentence = say(
                "deals.remainder",
                years=_years_text(ctx, rest_c.years),
                total_period=fmt.period(*key),
                count=fmt.count(rest_c.value, rest_c.total.unit),
                amount=fmt.money(rest_a.value, rest_a.total.currency or ""),
            )
            sec.blocks.append(Note(sentence, cites=cites_of(c, a) if c and a else ()))
    all_obs = [*counts.values(), *amounts.values()]
    cites = cites_of(*all_obs)
    columns = tuple(say(f"col.{k}") for k in ("period", "deals", "amount", "average", "note"))
    sec.blocks.insert(0, Table(columns, tuple(rows), (False, True, True, True, False), cites=cites))

    for key in (k for k in keys if k[0].year != k[1].year):
        c, a = counts.get(key), amounts.get(key)
        if c and a and c.value and a.value:
            sentence = say(
                "deals.total_sentence",
                period=fmt.period(*key),
                count_metric=ctx.labels.metric(c.metric),
                amount_metric=ctx.labels.metric(a.metric),
                count=value_text(ctx, c),
                amount=value_text(ctx, a),
                average=fmt.money(significant(a.value / c.value), a.currency or ""),
            )
            sec.blocks.append(Paragraph(sentence, cites_of(c, a)))
            sec.findings.append(Finding(sentence, cites_of(c, a)))
    annual = [k for k in keys if whole_years(*k) and k[0].year == k[1].year]
    for old, new in itertools.pairwise(annual):
        change_text = _compare(ctx, "deals.change", counts, amounts, old, new)
        if change_text:
            sec.blocks.append(Paragraph(change_text, cites))
    for part in (k for k in keys if is_partial(*k)):
        earlier = [k for k in annual if k[1] < part[0]]
        if earlier:
            partial_text = _compare(
                ctx, "deals.partial_vs_year", counts, amounts, earlier[-1], part
            )
            if partial_text:
                sec.blocks.append(Paragraph(partial_text, cites))
                sec.findings.append(Finding(partial_text, cites))
    if note := rates.note(ctx):
        sec.blocks.append(note)

    chart_keys = [k for k in keys if k[0].year == k[1].year]
    domain = [fmt.period(*k) for k in sorted([*chart_keys, *gap_keys])]
    unit = scale(ctx)
    kinds = [say("deals.full_year"), say("deals.partial")]
    amount_rows, count_rows = [], []
    for key in chart_keys:
        kind = kinds[1] if is_partial(*key) else kinds[0]
        if (a := amounts.get(key)) and a.value is not None:
            amount_rows.append(
                {
                    "period": fmt.period(*key),
                    "value": float(a.value / unit),
                    "label": fmt.number(a.value / unit, 1),
                    "kind": kind,
                }
            )
        if (c := counts.get(key)) and c.value is not None:
            count_rows.append(
                {
                    "period": fmt.period(*key),
                    "value": float(c.value),
                    "label": fmt.number(c.value),
                    "kind": kind,
                }
            )
    currency = next((a.currency for a in amounts.values() if a.currency), ctx.home_currency)
    left = period_columns(amount_rows, money_axis(ctx, currency), kinds, domain)
    right = period_columns(count_rows, say("col.deals"), kinds, domain)
    title = say("chart.deals_title")
    spec = charts.spec(charts.hconcat(left, right), title=title, font=ctx.font)
    sec.blocks.append(Chart(cfg["id"], title, spec, cites))
    return sec


def _compare(
    ctx: ReportContext,
    key: str,
    counts: dict[Key, Observation],
    amounts: dict[Key, Observation],
    old: Key,
    new: Key,
) -> str | None:
    fmt = ctx.fmt
    c0, c1, a0, a1 = counts.get(old), counts.get(new), amounts.get(old), amounts.get(new)
    if not (c0 and c1 and a0 and a1 and c0.value and c1.value and a0.value and a1.value):
        return None
    currency = a1.currency or ""
    return ctx.words.say(
        key,
        old=fmt.period(*old),
        new=fmt.period(*new),
        c0=value_text(ctx, c0),
        c1=value_text(ctx, c1),
        a0=fmt.money(a0.value, currency),
        a1=fmt.money(a1.value, currency),
        dc=fmt.signed_pct_of(change(c0.value, c1.value)),
        da=fmt.signed_pct_of(change(a0.value, a1.value)),
        more=a1.value > a0.value,
        share=fmt.pct_of(a1.value / a0.value),
        fewer=c1.value < c0.value,
        bigger=a1.value / c1.value > a0.value / c0.value,
        avg0=fmt.money(significant(a0.value / c0.value), currency),
        avg1=fmt.money(significant(a1.value / c1.value), currency),
    )
