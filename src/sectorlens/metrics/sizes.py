"""How big rounds are: mean and median three ways, and the stage mix per year.

Deal size is shown four ways side by side (see ``common``): disclosed exact amounts only, the low
and the high end of ranges, and the midpoint — always with the share of undisclosed deals beside
it, since a mean over the disclosed third of the deals says little about the other two thirds.
Medians interpolate between the two middle values; they are rounded to the cent (Spark computes
the interpolation in floating point, so two engines agree to the cent, not beyond). The median of
midpoints is half the median of the doubled midpoints (``low + high`` for a range, twice the point
otherwise): the doubled values are exact sums, while halving every row would need a rescaling
DECIMAL cast per row (the costliest part of this metric on DuckDB).
"""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir
import pyarrow as pa

from sectorlens.metrics.common import (
    AMOUNT_TYPE,
    ARROW_AMOUNT,
    ARROW_MONEY2,
    ARROW_PCT,
    MEASURES,
    amounts,
    cents,
    deals,
    dim_type,
    group_columns,
    half,
    mid_sum,
    pct,
    ratio,
    rows_of,
    sort_key,
    to_arrow,
)
from sectorlens.metrics.registry import Query


def build_deal_size(q: Query, engine: Any) -> dict[str, ir.Table]:
    """Per group: deal counts, and count, sum and median of each of the four amounts."""
    t = deals(q, engine)
    a = amounts(t, q.currency)
    aggs: dict[str, ir.Value] = {
        "deals": t.count(),
        "undisclosed": t.count(where=t.amount_kind == "undisclosed"),
        "unparsed": t.count(where=t.amount_kind == "unparsed"),
    }
    for m in MEASURES:
        if m == "mid":
            aggs["mid_n"] = a["mid_x2"].count()
            aggs.update(mid_sum(a, "mid_sum"))
            aggs["mid_median_x2"] = a["mid_x2"].median().cast(AMOUNT_TYPE)
        else:
            aggs[f"{m}_n"] = a[m].count()
            aggs[f"{m}_sum"] = a[m].sum()
            aggs[f"{m}_median"] = a[m].median().cast(AMOUNT_TYPE)
    groups = group_columns(t, q.by)
    rows = t.group_by(**groups).aggregate(**aggs) if groups else t.aggregate(**aggs)
    return {"rows": rows}


def finish_deal_size(results: dict[str, pa.Table], q: Query) -> pa.Table:
    """Means from exact sums, medians to the cent, the undisclosed share beside them."""
    dims = list(q.by)
    out = []
    for r in rows_of(results):
        row = {d: r[d] for d in dims}
        row.update(
            deals=r["deals"],
            undisclosed=r["undisclosed"],
            undisclosed_share_pct=pct(r["undisclosed"], r["deals"]),
            unparsed=r["unparsed"],
            currency=q.currency,
        )
        r["mid_median"] = half(r["mid_median_x2"])
        for m in MEASURES:
            row[f"{m}_n"] = r[f"{m}_n"]
            row[f"{m}_mean"] = ratio(r[f"{m}_sum"], r[f"{m}_n"])
            row[f"{m}_median"] = cents(r[f"{m}_median"])
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
    t = deals(q, engine)
    a = amounts(t, q.currency)
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
