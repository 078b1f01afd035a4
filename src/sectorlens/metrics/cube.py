"""Pre-aggregated deals (*cubes*): exact counts and sums per year and every low-cardinality deal
field, kept once per store state (see ``store_facts``: kept tables), so that the dashboard's
counts and sums read a few thousand rows instead of every deal.

Two kept tables, built by an engine that keeps cubes (a compiled plan's on a store file that
a server holds, ``Compiled(static=True)``: the first use of a cube costs about one pass over
the deals, so a single command reads the deals instead):

- the *money cube* of a target currency: per cell of year, geography (not the city),
  segment, round, stated currency, amount kind and qualifier, disclosure, load, source format
  and the implausible flag, the measures of ``timeseries.deal_aggregates`` (deals, disclosed,
  undisclosed, unparsed, the exact, low, high and doubled midpoint sums and their counts;
  prefixed ``m_``).
  Each cell is one class of amounts of that function, so its class sums are the deals path's
  own: the deals are converted at their own day's rate (sums per currency and day × that day's
  rate, see ``common.by_day``), sums of exact products, and summing cells gives the very digits
  of summing the deals.
- the *field cube*: the same fields without amounts (``n`` deals per cell), independent of the
  currency (the loads behind an answer).

A query reads a cube only when everything it groups and filters by is a cube field (``year``,
not the day; not the city; not a company field); anything else — medians, percentiles,
quarters, months, distinct companies, ``deal_date`` filters — reads the deals table as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sectorlens._lazy import lazy_module
from sectorlens.metrics import filters
from sectorlens.metrics.filters import Filter
from sectorlens.metrics.registry import DIMENSIONS, Query

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")

# the deal fields a cube keeps as they are (besides year, the implausible flag and k_low/k_high)
# (not the city: the dashboard neither filters nor groups by it, and it can multiply the cells)
FIELDS = (
    *(d for d in DIMENSIONS if d != "city"),
    "currency",
    "amount_kind",
    "amount_qualifier",
    "disclosed",
    "load_id",
)
DERIVED = ("year", "implausible")  # filter fields a cube holds as columns of their own
M = "m_"  # the prefix of a money cube's measures (``m_deals``, ``m_amount_low``, …)


def class_sums(p: ir.Table, groups: list[str], prefix: str = "") -> ir.Table:
    """The second level of ``timeseries.deal_aggregates`` over class rows ``p`` (per group and
    amount class: ``n``, ``n_value``, ``value``, ``low``, ``high`` and the class columns
    ``k_kind``, ``k_disclosed``, ``k_exact``, ``k_low``, ``k_high``), each measure named with
    ``prefix`` (a cube keeps them beside fields of the same names)."""
    both = p.k_low & p.k_high
    aggs = {
        "deals": p.n.sum(),
        "disclosed": _count(p, p.k_disclosed),
        "undisclosed": _count(p, p.k_kind == "undisclosed"),
        "unparsed": _count(p, p.k_kind == "unparsed"),
        "amount_exact": p.value.sum(where=p.k_exact),
        "n_exact": ibis.ifelse(p.k_exact, p.n_value, 0).sum(),
        "amount_low": ibis.ifelse(p.k_low, p.low, p.value).sum(),
        "n_low": ibis.ifelse(p.k_low, p.n, p.n_value).sum(),
        "amount_high": ibis.ifelse(p.k_high, p.high, p.value).sum(),
        "n_high": ibis.ifelse(p.k_high, p.n, p.n_value).sum(),
        "amount_mid__x2": ibis.ifelse(both, p.low + p.high, p.value + p.value).sum(),
        "n_mid": ibis.ifelse(both, p.n, p.n_value).sum(),
    }
    return p.group_by(*groups).aggregate(**{prefix + k: v for k, v in aggs.items()})


CLASS_MEASURES = (
    "deals",
    "disclosed",
    "undisclosed",
    "unparsed",
    "amount_exact",
    "n_exact",
    "amount_low",
    "n_low",
    "amount_high",
    "n_high",
    "amount_mid__x2",
    "n_mid",
)


def _count(p: ir.Table, cond: ir.BooleanValue) -> ir.IntegerValue:
    """The deals of the class rows where ``cond`` holds (0, not null, when none do)."""
    return ibis.ifelse(cond, p.n, 0).sum()


def covers(engine: Any, by: Sequence[str], where: Sequence[Filter]) -> bool:
    """Whether a cube can answer a query grouped by ``by`` under ``where`` on ``engine`` (a
    scope reads country, sector and year: cube fields)."""
    if not getattr(engine, "cubes", False) or engine.name != "duckdb":
        return False
    known = {*FIELDS, *DERIVED}
    return all(b in known and b != "implausible" for b in by) and all(
        f.field in known for f in where
    )


def _restrict(t: ir.Table, q: Query, *, plausible: bool = True) -> ir.Table:
    """The cube cells of the query's scope and filters (without implausible deals unless a
    filter names ``implausible``, as ``common.deals``; all of them when not ``plausible``)."""
    if q.scope is not None:
        t = q.scope.apply(t, year=t.year)
    filters.check_fields(q.where, "deals")
    preds = [filters.predicate(t[f.field], f) for f in q.where]
    if plausible and not any(f.field == "implausible" for f in q.where):
        preds.append(~t.implausible)
    return t.filter(*preds) if preds else t


def money_cube(q: Query, engine: Any) -> ir.Table:
    """The money cube of ``q.currency`` (see the module docstring), as a kept table."""
    from sectorlens.metrics.common import by_day

    t = engine.table("deals")
    keys: dict[str, ir.Value] = {f: t[f] for f in FIELDS}
    keys["year"] = t.deal_date.year().cast("int32")  # as Ibis types it (no cast per query)
    keys["implausible"] = filters.column(t, "implausible")
    keys["has_low"] = t.amount_low.notnull()
    keys["has_high"] = t.amount_high.notnull()
    sums = {"value": t.amount_value, "low": t.amount_low, "high": t.amount_high}
    bare = Query(currency=q.currency)  # the cube depends on the currency alone
    p = by_day(t, bare, engine, keys, sums, {"n": t.count()}, collapse=True)
    # each row of p is one class of amounts (kind, disclosed, qualifier, known ends): the class
    # sums per cell, as the deals path sums its class rows per group
    p = p.mutate(
        k_kind=p.amount_kind,
        k_disclosed=p.disclosed,
        k_exact=(p.amount_qualifier == "exact").fill_null(False),
        k_low=p.has_low & p.fx_known,
        k_high=p.has_high & p.fx_known,
    )
    cells = class_sums(p, [*FIELDS, *DERIVED], prefix=M)
    kept: ir.Table = engine.keep(("cube", q.currency, *engine.deal_currencies()), cells)
    return kept


def field_cube(engine: Any) -> ir.Table:
    """The field cube (deals per cell of the cube's fields), as a kept table."""
    t = engine.table("deals")
    cells = t.group_by(
        *FIELDS, year=t.deal_date.year().cast("int32"), implausible=filters.column(t, "implausible")
    ).aggregate(n=t.count())
    kept: ir.Table = engine.keep(("field_cube",), cells)
    return kept


def cube_deals(q: Query, engine: Any) -> ir.Table:
    """The money cube's cells of ``q`` (scope, filters, plausible deals): per cell the measures
    of ``timeseries.deal_aggregates`` named with the prefix :data:`M`."""
    return _restrict(money_cube(q, engine), q)


def cube_sums(q: Query, engine: Any, by: Sequence[str], measures: Sequence[str]) -> ir.Table:
    """The money cube's cells of ``q`` summed per group of ``by``: each of ``measures`` under
    its own name (an Arrow form, see ``arrow_forms``, where no scope applies)."""
    from sectorlens.metrics import arrow_forms  # pyarrow.compute: not on a compiled query's path

    kept = money_cube(q, engine)
    c = _restrict(kept, q)
    rows = c.group_by(*by).aggregate(**sums(c, measures))
    name = arrow_forms.kept_name(kept)
    if name is not None and q.scope is None and by:
        form = {"kind": "sums", "table": name, "by": list(by), "sums": {m: M + m for m in measures}}
        arrow_forms.record(engine, rows, form)
    return rows


def sums(c: ir.Table, measures: Sequence[str]) -> dict[str, ir.Value]:
    """The sums of a money cube's ``measures`` over its cells ``c``, under their own names."""
    return {m: c[M + m].sum() for m in measures}


def loads_behind(engine: Any, table: str, where: Sequence[Filter]) -> ir.Table:
    """The load ids of the rows of ``table`` under ``where`` (every row: in or out of any
    scope, flagged or not): from the field cube where it covers the filters."""
    if table == "deals" and covers(engine, (), where):
        from sectorlens.metrics import arrow_forms

        kept = field_cube(engine)
        t = _restrict(kept, Query(where=tuple(where)), plausible=False)
        found = t.select("load_id").distinct()
        name = arrow_forms.kept_name(kept)
        if name is not None:
            form = {"kind": "distinct", "table": name, "column": "load_id"}
            arrow_forms.record(engine, found, form)
        return found
    t = filters.apply(engine.table(table), where, table)
    return t.select("load_id").distinct()


__all__ = [
    "FIELDS",
    "covers",
    "cube_deals",
    "cube_sums",
    "field_cube",
    "loads_behind",
    "money_cube",
]
