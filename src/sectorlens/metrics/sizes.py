"""How big rounds are: mean and median three ways, and the stage mix per year.

Deal size is shown four ways side by side (see ``common``): disclosed exact amounts only, the low
and the high end of ranges, and the midpoint — always with the share of undisclosed deals beside
it, since a mean over the disclosed third of the deals says little about the other two thirds.
Medians are the exact mean of the two middle values (the one middle value for an odd count),
rounded half-up to the cent once, so every engine gives the same digits. The median of midpoints
is half the median of the doubled midpoints (``low + high`` for a range, twice the point
otherwise): the doubled values are exact sums, while halving every row would need a rescaling
DECIMAL cast per row (the costliest per-row step on DuckDB).
"""

from __future__ import annotations

from decimal import Context
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sectorlens._lazy import lazy_module
from sectorlens.metrics.common import (
    ARROW_AMOUNT,
    ARROW_MONEY2,
    ARROW_PCT,
    EXACT_TYPE,
    MEASURES,
    amounts,
    amounts_of,
    cents,
    converted,
    deals,
    dim_type,
    group_columns,
    half,
    mid_sum,
    output_dims,
    pct,
    ratio,
    rows_of,
    sort_key,
    times_rate,
    to_arrow,
)
from sectorlens.metrics.rate_lookup import with_rate
from sectorlens.metrics.registry import Query

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")

_STATS = ("measure", "n", "total", "lower", "upper")
_KIND = "kind:"  # measure rows of deal counts per amount kind
_EXACT = Context(prec=80)  # sums of two DECIMAL(38, 6) amounts


def build_deal_size(q: Query, engine: Any) -> dict[str, ir.Table]:
    """Per group and measure: deal counts, count and sum of amounts, the two middle amounts.

    In two levels, as ``deals`` by period: first the deals per amount class (group, kind,
    qualifier and amounts: a few hundred rows however many deals, since amounts repeat), then
    each measure from those classes: its count, exact sum (amount × deals) and the two middle
    amounts, found by the running count of deals in amount order. The median is their mean,
    taken exactly in ``finish``. A median per row (QUANTILE_CONT) over 10M deals sorts every
    amount, four times over; the classes group them once.
    """
    t = deals(q, engine)
    groups = group_columns(t, q.by)
    keys = list(groups)
    classes = _classes(t, q, engine, groups)
    a = amounts_of(classes, classes.value, classes.low, classes.high)
    parts = [
        classes.select(
            *keys,
            measure=ibis.literal(m),
            x=a["mid_x2" if m == "mid" else m].cast(EXACT_TYPE),
            n_=classes.n_,
        )
        for m in MEASURES
    ]
    x = ibis.union(*parts)
    x = x.filter(x.x.notnull())
    per = [*keys, "measure"]
    v = x.group_by(*per, "x").aggregate(n_=x.n_.sum())
    running = ibis.window(group_by=per, order_by=v.x, rows=(None, 0))
    v = v.mutate(before=v.n_.sum().over(running), all_=v.n_.sum().over(group_by=per))
    # the lower middle is the first amount whose running count reaches half the deals,
    # the upper middle the first to pass it (the same amount when the count is odd)
    stats = v.group_by(*per).aggregate(
        n=v.n_.sum(),
        total=(v.x * v.n_).sum().cast(EXACT_TYPE),
        lower=v.x.min(where=2 * v.before >= v.all_),
        upper=v.x.min(where=2 * v.before > v.all_),
    )
    null = ibis.null(EXACT_TYPE)
    kinds = (
        classes.group_by(*keys, measure=_KIND + classes.kind_)
        .aggregate(n=classes.n_.sum())
        .mutate(total=null, lower=null, upper=null)
    )
    columns = [*per, "n", "total", "lower", "upper"]
    return {"rows": stats.select(*columns).union(kinds.select(*columns))}


def _classes(t: ir.Table, q: Query, engine: Any, groups: dict[str, ir.Value]) -> ir.Table:
    """The deals ``t`` per group, kind, qualifier and converted amounts (``value``, ``low``,
    ``high``), with their number ``n_``.

    Grouped before converting: per stated amounts, currency and, for a currency other than the
    query's, day (the rate's); then each class row is converted (:func:`with_rate`). Deals in
    the query's currency need no day, so most classes stay as few as the amounts; the same
    products as converting each deal, a product per class instead of three per deal.
    """
    target = q.currency
    if all(c == target for c in engine.deal_currencies()):
        amounts = {"value": t.amount_value, "low": t.amount_low, "high": t.amount_high}
        return t.group_by(
            **groups, kind_=t.amount_kind, amount_qualifier=t.amount_qualifier, **amounts
        ).aggregate(n_=t.count())
    day = ibis.ifelse(t.currency == target, ibis.null("date"), t.deal_date)
    p = t.group_by(
        **groups,
        kind_=t.amount_kind,
        amount_qualifier=t.amount_qualifier,
        value=t.amount_value,
        low=t.amount_low,
        high=t.amount_high,
        fx_cur_=t.currency,
        fx_day_=day,
    ).aggregate(n_=t.count())
    r = with_rate(p, q, engine, currency="fx_cur_", day="fx_day_")
    return r.select(
        *groups,
        "kind_",
        "amount_qualifier",
        value=times_rate(r.value, r.fx_rate),
        low=times_rate(r.low, r.fx_rate),
        high=times_rate(r.high, r.fx_rate),
        n_=r.n_,
    )


def finish_deal_size(results: dict[str, pa.Table], q: Query) -> pa.Table:
    """Means from exact sums, medians to the cent, the undisclosed share beside them."""
    dims = output_dims(q.by)
    keys = [k for k in results["rows"].column_names if k not in _STATS]
    groups: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = {}
    for r in results["rows"].to_pylist():
        groups.setdefault(tuple(r[k] for k in keys), {})[r["measure"]] = r
    out = []
    for key, by in groups.items():
        row = dict(zip(keys, key, strict=True))
        kinds = {m[len(_KIND) :]: r["n"] for m, r in by.items() if m.startswith(_KIND)}
        count = {
            "deals": sum(kinds.values()),
            "undisclosed": kinds.get("undisclosed", 0),
            "unparsed": kinds.get("unparsed", 0),
        }
        row.update(
            count,
            undisclosed_share_pct=pct(count["undisclosed"], count["deals"]),
            currency=q.currency,
        )
        for m in MEASURES:
            s = by.get(m) or {"n": 0, "total": None, "lower": None, "upper": None}
            # mid: sums and middles are of doubled midpoints
            twice = m == "mid"
            row[f"{m}_n"] = s["n"]
            row[f"{m}_mean"] = ratio(half(s["total"]) if twice else s["total"], s["n"])
            middle = None if s["lower"] is None else half(_EXACT.add(s["lower"], s["upper"]))
            row[f"{m}_median"] = cents(half(middle) if twice else middle)
        out.append(row)
    out.sort(key=lambda r: tuple(sort_key(r[d]) for d in dims))
    schema: list[tuple[str, Any]] = [(d, dim_type(d)) for d in dims]
    schema += [
        ("deals", pa.int64()),
        ("undisclosed", pa.int64()),
        ("undisclosed_share_pct", ARROW_PCT),
        ("unparsed", pa.int64()),
    ]
    for m in MEASURES:
        schema += [
            (f"{m}_n", pa.int64()),
            (f"{m}_mean", ARROW_MONEY2),
            (f"{m}_median", ARROW_MONEY2),
        ]
    schema.append(("currency", pa.string()))
    return to_arrow(out, schema)


def stage_order() -> dict[str, int]:
    """Canonical round codes in stage order (from the parse package, when it defines them)."""
    import sectorlens.parse as parse

    stages = getattr(parse, "ROUND_STAGES", ())
    return {code: i for i, code in enumerate(stages, start=1)}


def build_stage_mix(q: Query, engine: Any) -> dict[str, ir.Table]:
    """Deals and mid amounts per year and canonical round."""
    t = converted(deals(q, engine), q, engine)
    a = amounts(t)
    rows = t.group_by(year=t.deal_date.year(), round=t["round"]).aggregate(
        deals=t.count(), **mid_sum(a, "amount_mid")
    )
    return {"rows": rows}


def finish_stage_mix(results: dict[str, pa.Table], q: Query) -> pa.Table:
    """Each round's share of its year's deals and amount, rounds in stage order."""
    order = stage_order()
    rows = rows_of(results)
    deals_by_year: dict[Any, int] = {}
    amount_by_year: dict[Any, Any] = {}
    for r in rows:
        deals_by_year[r["year"]] = deals_by_year.get(r["year"], 0) + r["deals"]
        if r["amount_mid"] is not None:
            amount_by_year[r["year"]] = amount_by_year.get(r["year"], 0) + r["amount_mid"]
    out = [
        {
            **r,
            "stage_order": order.get(r["round"]),
            "deal_share_pct": pct(r["deals"], deals_by_year[r["year"]]),
            "amount_share_pct": pct(r["amount_mid"], amount_by_year.get(r["year"])),
            "currency": q.currency,
        }
        for r in rows
    ]
    out.sort(key=lambda r: (sort_key(r["year"]), sort_key(r["stage_order"]), sort_key(r["round"])))
    schema = [
        ("year", pa.int32()),
        ("round", pa.string()),
        ("stage_order", pa.int32()),
        ("deals", pa.int64()),
        ("deal_share_pct", ARROW_PCT),
        ("amount_mid", ARROW_AMOUNT),
        ("amount_share_pct", ARROW_PCT),
        ("currency", pa.string()),
    ]
    return to_arrow(out, schema)
