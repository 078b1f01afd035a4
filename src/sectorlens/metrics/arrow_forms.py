"""Statements over a kept table answered in Arrow, without DuckDB planning them per request.

A server asks the same few kinds of question of its kept tables on every request — the cube's
cells under the filters summed per group, the loads behind them, the flagged deals — and with a
few thousand cells DuckDB spends a millisecond or two planning each statement for tens of
microseconds of work. A builder that makes one of these *forms* records it beside its
expression (:func:`record`); the compiled plan keeps the form (JSON) beside the statement's
SQL; a plan run on a store that cannot change (a server's, ``FixedResults``) answers it from an
in-memory Arrow copy of the kept table (:class:`ArrowTables`), with the request's filters.

The forms, each exactly what its SQL computes:

- ``sums``: the cells under the filters (plausible ones unless a filter names ``implausible``),
  summed per group (``GROUP BY``; a sum of no values is null, as in SQL);
- ``distinct``: the distinct values of one column of the rows under the filters;
- ``largest``: per currency, the rows under the filters: how many, the largest of
  ``coalesce(amount_low, amount_value, amount_high)``, and the company and date of that row
  (``argmax``: the first such row; a group without an amount: its first row).

Filters keep what :func:`sectorlens.metrics.filters.predicate` keeps (SQL's three-valued logic:
a row whose predicate is unknown is left out). A kept table above :data:`MAX_ROWS` rows is left
to DuckDB, which scans large tables in parallel.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from sectorlens.metrics.filters import IMPLAUSIBLE, Filter

if TYPE_CHECKING:
    import duckdb

MAX_ROWS = 200_000  # kept tables larger than this are summed by DuckDB
_TOO_LARGE = pa.table({})


def record(engine: Any, expr: Any, form: dict[str, Any]) -> None:
    """Note that ``expr`` (built on ``engine``) computes ``form`` (where the engine keeps forms:
    a compiling engine that names kept tables)."""
    forms = getattr(engine, "forms", None)
    if forms is not None:
        forms.append((expr, form))


def form_of(engine: Any, expr: Any) -> str:
    """The form recorded for ``expr`` as JSON text, or ``""``."""
    for made, form in getattr(engine, "forms", None) or ():
        if made is expr:
            return json.dumps(form, sort_keys=True)
    return ""


def kept_name(table: Any) -> str | None:
    """The name of a kept table (an Ibis table of the kept catalog), else None."""
    from sectorlens.metrics.store_facts import KEPT

    op = table.op()
    namespace = getattr(op, "namespace", None)
    if getattr(namespace, "catalog", None) != KEPT:
        return None
    return str(op.name)


class ArrowTables:
    """Kept tables of one store state as Arrow, read once each (thread-safe)."""

    def __init__(self) -> None:
        self._tables: dict[str, pa.Table] = {}
        self._lock = threading.Lock()

    def table(self, name: str, read: Callable[[], pa.Table]) -> pa.Table | None:
        """Kept table ``name`` (``read()`` the first time), or None when it is too large."""
        with self._lock:
            found = self._tables.get(name)
        if found is None:
            found = read()
            found = _TOO_LARGE if found.num_rows > MAX_ROWS else _whole_numbers(found)
            with self._lock:
                found = self._tables.setdefault(name, found)
        return None if found is _TOO_LARGE else found

    def answer(
        self,
        con: duckdb.DuckDBPyConnection,
        catalog: str,
        form_text: str,
        filters: Sequence[Filter],
        schema: pa.Schema,
    ) -> pa.Table | None:
        """The rows of the statement of form ``form_text`` (kept tables in ``catalog``) under
        ``filters`` in ``schema``, or None where Arrow does not answer it."""
        form = json.loads(form_text)
        name = str(form["table"])

        def read() -> pa.Table:
            return con.sql(f'SELECT * FROM "{catalog}"."main"."{name}"').to_arrow_table()

        table = self.table(f"{catalog}.{name}", read)
        if table is None:
            return None
        kind = form["kind"]
        if kind == "sums":
            return sums(table, filters, form["by"], form["sums"], schema)
        if kind == "distinct":
            return distinct(table, filters, form["column"], schema)
        if kind == "largest":
            return largest(table, filters, schema)
        return None


def _whole_numbers(table: pa.Table) -> pa.Table:
    """``table`` with its whole-number decimals (DuckDB's sums of counts are HUGEINT) as int64
    where the sum of all their magnitudes fits: summed as integers (no sum of any of its rows
    can overflow), they come out as the plan's BIGINT columns without a cast."""
    for i, f in enumerate(table.schema):
        if not (pa.types.is_decimal(f.type) and f.type.scale == 0):
            continue
        total = pc.sum(pc.abs(table.column(i))).as_py() or 0
        if total < 2**62:
            table = table.set_column(i, f.name, table.column(i).cast(pa.int64()))
    return table


def column(table: pa.Table, name: str) -> pa.ChunkedArray | pa.Array:
    """The values filter field ``name`` reads on ``table`` (``year`` and ``implausible`` derived
    from the deal's date and flags where the table does not hold them)."""
    i = table.schema.get_field_index(name)  # (column_names would list every name first)
    if i >= 0:
        return table.column(i)
    if name == "year":
        return pc.year(table.column("deal_date"))
    if name == "implausible":
        flags = table.column("flags").to_pylist()
        return pa.array([bool(f) and IMPLAUSIBLE in f for f in flags], pa.bool_())
    raise KeyError(name)


def predicate(col: Any, f: Filter) -> Any:
    """What :func:`sectorlens.metrics.filters.predicate` keeps, as an Arrow boolean mask with
    SQL's nulls (Kleene logic)."""
    values = [v for v in f.values if v is not None]
    has_null = len(values) != len(f.values)
    if f.op in ("=", "!="):
        parts = []
        if values:
            if len(values) == 1:
                parts.append(pc.equal(col, pa.scalar(values[0], col.type)))
            else:  # SQL IN: null when the value is null
                found = pc.is_in(col, value_set=pa.array(values, col.type))
                parts.append(pc.if_else(pc.is_null(col), pa.scalar(None, pa.bool_()), found))
        if has_null:
            parts.append(pc.is_null(col))
        pred = parts[0]
        for p in parts[1:]:
            pred = pc.or_kleene(pred, p)
        if f.op == "!=":
            return pc.invert(pred) if has_null else pc.or_kleene(pc.invert(pred), pc.is_null(col))
        return pred
    value = pa.scalar(f.values[0], col.type)
    compare = {">=": pc.greater_equal, "<=": pc.less_equal, ">": pc.greater, "<": pc.less}
    return compare[f.op](col, value)


def restrict(
    table: pa.Table, filters: Sequence[Filter], keep: Sequence[str], *, plausible: bool
) -> pa.Table:
    """The columns ``keep`` of the rows of ``table`` every filter keeps (without implausible
    ones when ``plausible`` and no filter names ``implausible``)."""
    masks = [predicate(column(table, f.field), f) for f in filters]
    if plausible and not any(f.field == "implausible" for f in filters):
        masks.append(pc.invert(column(table, "implausible")))
    out = table.select(list(dict.fromkeys(keep)))  # filtering costs a pass per column
    if not masks:
        return out
    mask = masks[0]
    for m in masks[1:]:
        mask = pc.and_kleene(mask, m)
    return out.filter(mask, null_selection_behavior="drop")


def _typed(columns: dict[str, Any], schema: pa.Schema) -> pa.Table:
    arrays = []
    for f in schema:
        col = columns[f.name]
        arrays.append(col if col.type == f.type else col.cast(f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def sums(
    table: pa.Table,
    filters: Sequence[Filter],
    by: Sequence[str],
    measures: dict[str, str],
    schema: pa.Schema,
) -> pa.Table:
    """The ``sums`` form: per group of ``by``, each measure (name → cube column) summed."""
    cols = list(dict.fromkeys(measures.values()))
    rows = restrict(table, filters, [*by, *cols], plausible=True)
    grouped = rows.group_by(list(by), use_threads=False)
    out = grouped.aggregate([(c, "sum") for c in cols])
    found = {b: out.column(b) for b in by}
    found.update({name: out.column(f"{c}_sum") for name, c in measures.items()})
    return _typed(found, schema)


def distinct(table: pa.Table, filters: Sequence[Filter], name: str, schema: pa.Schema) -> pa.Table:
    """The ``distinct`` form: the distinct values of column ``name`` under the filters."""
    rows = restrict(table, filters, [name], plausible=False)
    return _typed({name: pc.unique(rows.column(name).combine_chunks())}, schema)


def largest(table: pa.Table, filters: Sequence[Filter], schema: pa.Schema) -> pa.Table:
    """The ``largest`` form: per currency, the flagged deals under the filters, the largest
    amount and the company and date of its deal."""
    wanted = ("currency", "amount_low", "amount_value", "amount_high", "company_name", "deal_date")
    rows = restrict(table, filters, [*wanted, "flags"], plausible=False)
    rows = rows.filter(column(rows, "implausible"))
    amount = pc.coalesce(rows.column("amount_low"), rows.column("amount_value"))
    amount = pc.coalesce(amount, rows.column("amount_high"))
    groups: dict[Any, dict[str, Any]] = {}
    names = rows.column("company_name").to_pylist()
    dates = rows.column("deal_date").to_pylist()
    for i, (cur, value) in enumerate(
        zip(rows.column("currency").to_pylist(), amount.to_pylist(), strict=True)
    ):
        g = groups.get(cur)
        if g is None:
            groups[cur] = {"n": 1, "amount": value, "at": i}
            continue
        g["n"] += 1
        if value is not None and (g["amount"] is None or value > g["amount"]):
            g["amount"], g["at"] = value, i
    columns = {
        "currency": list(groups),
        "n": [g["n"] for g in groups.values()],
        "amount": [g["amount"] for g in groups.values()],
        "company_name": [names[g["at"]] for g in groups.values()],
        "deal_date": [dates[g["at"]] for g in groups.values()],
    }
    return pa.Table.from_pydict({f.name: columns[f.name] for f in schema}, schema=schema)
