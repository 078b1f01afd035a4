"""Company founding cohorts: how many companies each founding year produced and what they raised."""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir
import pyarrow as pa

from sectorlens.metrics import filters
from sectorlens.metrics.common import (
    ARROW_AMOUNT,
    ARROW_PCT,
    amounts,
    dim_type,
    mid_sum,
    pct,
    rows_of,
    sort_key,
    to_arrow,
)
from sectorlens.metrics.registry import Query


def build_cohorts(q: Query, engine: Any) -> dict[str, ir.Table]:
    """Companies per founding year (and dimension), joined with their deals' counts and sums."""
    c = filters.apply(engine.table("companies"), q.where, "companies")
    d = engine.table("deals")
    d = d.filter(d.company_id.notnull())
    a = amounts(d, q.currency)
    per_company = d.group_by("company_id").aggregate(n_deals=d.count(), **mid_sum(a, "raised"))
    j = c.left_join(per_company, c.company_id == per_company.company_id)
    groups: dict[str, ir.Value] = {"founded_year": j.founded.year()}
    for b in q.by:
        groups[b] = j[b]
    rows = j.group_by(**groups).aggregate(
        companies=j.count(),
        funded=j.count(where=j.n_deals > 0),
        deals=j.n_deals.sum(),
        amount_mid__lh=j.raised__lh.sum(),
        amount_mid__pt=j.raised__pt.sum(),
    )
    return {"rows": rows}


def finish_cohorts(results: dict[str, pa.Table], q: Query) -> pa.Table:
    """Cohorts in founding order with the share of companies that raised at least one round."""
    dims = list(q.by)
    out = [
        {
            **r,
            "deals": r["deals"] or 0,
            "funded_share_pct": pct(r["funded"], r["companies"]),
            "currency": q.currency,
        }
        for r in rows_of(results)
    ]
    out.sort(key=lambda r: (sort_key(r["founded_year"]), *(sort_key(r[d]) for d in dims)))
    schema = [
        ("founded_year", pa.int32()),
        *[(d, dim_type(d)) for d in dims],
        ("companies", pa.int64()),
        ("funded", pa.int64()),
        ("funded_share_pct", ARROW_PCT),
        ("deals", pa.int64()),
        ("amount_mid", ARROW_AMOUNT),
        ("currency", pa.string()),
    ]
    return to_arrow(out, schema)
