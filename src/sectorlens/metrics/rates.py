"""Which exchange rates converted the deals: per stated currency, the rates and fixing days used.

Every converted figure can say where it came from: this metric lists, for the query's deals and
currency, each stated currency's deals, how many were converted (a deal in the target currency
counts as converted at rate 1) and how many could not be (no date, or no rate on or before that
day), and the range of rates and fixing days (``fx_fixed_on``: the older of the two ECB or data
set fixings crossed through EUR) that converted them.
"""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir
import pyarrow as pa

from sectorlens.metrics.common import converted, deals, sort_key, to_arrow
from sectorlens.metrics.registry import Query


def build_rates(q: Query, engine: Any) -> dict[str, ir.Table]:
    """Per stated currency: deals with an amount, converted ones, rate and fixing-day ranges."""
    t = converted(deals(q, engine), q, engine, fixings=True)
    t = t.filter(t.amount_kind == "money")
    ok = t.fx_rate.notnull()
    rows = t.group_by(original_currency=t.currency).aggregate(
        deals=t.count(),
        converted=t.count(where=ok),
        first_fixing=t.fx_fixed_on.min(),
        last_fixing=t.fx_fixed_on.max(),
        min_rate=t.fx_rate.min(),
        max_rate=t.fx_rate.max(),
    )
    return {"rows": rows}


def finish_rates(results: dict[str, pa.Table], q: Query) -> pa.Table:
    """One row per stated currency, with the deals left unconverted."""
    out = []
    for r in results["rows"].to_pylist():
        out.append({**r, "not_converted": r["deals"] - r["converted"], "currency": q.currency})
    out.sort(key=lambda r: sort_key(r["original_currency"]))
    schema = [
        ("original_currency", pa.string()),
        ("deals", pa.int64()),
        ("converted", pa.int64()),
        ("not_converted", pa.int64()),
        ("min_rate", pa.decimal128(38, 12)),
        ("max_rate", pa.decimal128(38, 12)),
        ("first_fixing", pa.date32()),
        ("last_fixing", pa.date32()),
        ("currency", pa.string()),
    ]
    return to_arrow(out, schema)
