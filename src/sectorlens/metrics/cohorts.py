"""Company founding cohorts: how many companies each founding year produced and what they raised."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sectorlens.metrics import filters
from sectorlens.metrics.common import (
    ARROW_AMOUNT,
    ARROW_PCT,
    amounts,
    converted,
    dim_type,
    mid_sum,
    pct,
    rows_of,
    sort_key,
    to_arrow,
)
from sectorlens.metrics.registry import Query

if TYPE_CHECKING:
    import ibis.expr.types as ir


def build_cohorts(q: Query, engine: Any) -> dict[str, ir.Table]:
    """Companies per founding year; their deals, amounts and how many companies raised nothing.

    One join instead of a semi-join plus a join: the filtered companies are left-joined to the
    deals, so a company without deals yields exactly one row whose deal columns are null. Per
    cohort that counts the unfunded companies (funded = companies − unfunded, in ``finish``)
    beside the deals and their amounts. Cohort keys are the company's own fields. Companies and
    deals join on the integer ``company_key`` (see store.schema).
    """
    c = engine.table("companies")
    d = engine.table("deals")
    if q.scope is not None:
        c, d = q.scope.apply_companies(c), q.scope.apply(d)
    c = filters.apply(c, q.where, "companies")
    d = converted(d, q, engine)
    keys = {"founded_year": c.founded.year(), **{b: c[b] for b in q.by}}
    companies = c.group_by(**keys).aggregate(companies=c.count())
    money = ["fx_exact", "fx_lo", "fx_hi", "fx_mid_x2"]
    cohort = c.select(cohort_company=c.company_key, **keys)
    raised = d.select(*money, deal_company=d.company_key)
    j = cohort.left_join(raised, cohort.cohort_company == raised.deal_company)
    a = amounts(j)
    deals = j.group_by(*keys).aggregate(
        unfunded=j.count(where=j.deal_company.isnull()),
        deals=j.deal_company.count(),
        **mid_sum(a, "amount_mid"),
    )
    return {"companies": companies, "deals": deals}


def finish_cohorts(results: dict[str, pa.Table], q: Query) -> pa.Table:
    """Cohorts in founding order with the share of companies that raised at least one round."""
    dims = list(q.by)
    keys = ["founded_year", *dims]
    raised = {tuple(r[k] for k in keys): r for r in rows_of(results, "deals")}
    out = []
    for r in rows_of(results, "companies"):
        d = raised.get(tuple(r[k] for k in keys), {})
        funded = r["companies"] - d.get("unfunded", r["companies"])
        out.append(
            {
                **r,
                "funded": funded,
                "deals": d.get("deals", 0),
                "amount_mid": d.get("amount_mid"),
                "funded_share_pct": pct(funded, r["companies"]),
                "currency": q.currency,
            }
        )
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
