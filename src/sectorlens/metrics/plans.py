"""Compiled query plans: Ibis expressions compiled to DuckDB SQL once per shape, run with bound
parameters on plain DuckDB (no Ibis, no pandas at run time).

A *shape* is everything a query's SQL depends on except its filter values: the caller's key
(metric, grouping, currency, parameters, scope, the store facts the builders read) and, per
filter, its field, operator and how many values it has (``null`` and ``true``/``false`` are part
of the shape; strings, numbers and dates are parameters). The first request of a shape builds
the expressions with a sentinel in place of each filter value, compiles them and turns each
sentinel into a named parameter (``$p0``, ``$p1``, …); every later request binds its own values.

Plans live in memory and, when the cache has a folder, on disk as small JSON files named by a
hash of the shape and of the code that compiles it (sectorlens' version, the metrics package's
files, Ibis' version), so new code, a new store schema or a new deal currency never reuses an
old plan. A build that reads the store while building (``engine.execute``: e.g. the as-of date
a year-to-date window ends on) is *volatile*: its plan is kept only for that store state.

*Kept tables*: what a build reads that no filter changes (the rates of a target currency, one
row per currency and day) is named in the SQL as a table of ``"sl_kept"``, compiled beside the
plan and materialized once per store state in an in-memory database attached to the store's
DuckDB (``StoreFacts.build_kept``; at run time ``sl_kept_<state token>``), so a request joins a
small table instead of rebuilding it. An in-memory store (no state token) keeps none.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sectorlens.metrics.filters import FIELDS, Filter
from sectorlens.metrics.plan_cache import Plan, PlanCache, Statement

if TYPE_CHECKING:
    import duckdb
    import ibis.expr.types as ir

    from sectorlens.metrics.store_facts import StoreFacts

_NONCE = "q7sentinel"  # sentinel strings: 'q7sentinel_<k>_x'
_INT_BASE = 1_000_000_007  # sentinel numbers: _INT_BASE + 1000·k (outside every int field's range)
_DATE_BASE = 1000  # sentinel dates: <_DATE_BASE + k>-11-11 (MAKE_DATE(1000 + k, 11, 11))
Build = Callable[[Sequence[Filter], Any], "dict[str, ir.Table]"]


class Volatile(Exception):
    """A build read the store: its plan holds for this store state only."""


class FixedResults:
    """Results of statements without parameters, by SQL text, for a store that cannot change
    (a served store is opened read-only): the as-of date, the unfiltered default currency, …
    Only small results are kept (``max_bytes`` each, ``max_entries`` in all)."""

    def __init__(self, max_bytes: int = 256 * 1024, max_entries: int = 1024) -> None:
        from sectorlens.metrics.arrow_forms import ArrowTables

        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._results: dict[str, pa.Table] = {}
        self._lock = threading.Lock()
        # kept tables as Arrow: statements with an Arrow form are answered without DuckDB
        self.arrow = ArrowTables()

    def run(self, con: duckdb.DuckDBPyConnection, s: Statement) -> pa.Table:
        """The statement's rows, kept from an earlier run when there was one."""
        with self._lock:
            found = self._results.get(s.sql)
        if found is not None:
            return found
        table = execute(con, s, {})
        if table.get_total_buffer_size() <= self.max_bytes:
            with self._lock:
                if len(self._results) < self.max_entries:
                    self._results[s.sql] = table
        return table


def shape_of(filters: Sequence[Filter]) -> list[list[Any]]:
    """The filters with every bindable value replaced by its kind (what the SQL depends on)."""
    out = []
    for f in filters:
        kinds = [v if v is None or isinstance(v, bool) else FIELDS[f.field].kind for v in f.values]
        out.append([f.field, f.op, kinds])
    return out


def sentinels(filters: Sequence[Filter]) -> tuple[tuple[Filter, ...], dict[str, Any]]:
    """``filters`` with a sentinel in place of each bindable value, and the values by name."""
    out: list[Filter] = []
    values: dict[str, Any] = {}
    for f in filters:
        swapped = []
        for v in f.values:
            if v is None or isinstance(v, bool):
                swapped.append(v)
                continue
            k = len(values)
            values[f"p{k}"] = v
            swapped.append(_sentinel(FIELDS[f.field].kind, k))
        out.append(replace(f, values=tuple(swapped)))
    return tuple(out), values


def _sentinel(kind: str, k: int) -> Any:
    if kind == "int":
        return _INT_BASE + 1000 * k
    if kind == "date":
        return date(_DATE_BASE + k, 11, 11)
    return f"{_NONCE}_{k}_x"


def _placeholders(sql: str, count: int) -> tuple[str, tuple[str, ...]]:
    """``sql`` with the sentinels of ``count`` values as ``$p<k>``; ValueError when a sentinel
    appears in a form this does not know (the caller then runs without a plan)."""
    used = []
    for k in range(count):
        forms = (
            (f"'{_NONCE}_{k}_x'", f"$p{k}"),
            (f"MAKE_DATE({_DATE_BASE + k}, 11, 11)", f"CAST($p{k} AS DATE)"),
        )
        found = False
        for text, param in forms:
            if text in sql:
                sql, found = sql.replace(text, param), True
        number = re.compile(rf"(?<![\w.]){_INT_BASE + 1000 * k}(?![\w.])")
        if number.search(sql):
            sql, found = number.sub(f"$p{k}", sql), True
        if found:
            used.append(f"p{k}")
    if _NONCE in sql:
        raise ValueError("a filter value reached the SQL in a form with no parameter")
    return sql, tuple(used)


def shape_key(
    parts: Mapping[str, Any], filters: Sequence[Filter], facts: StoreFacts, code: str
) -> str:
    """The hash naming a shape: the caller's ``parts``, the filters' shape, the ``code`` that
    compiles it and the store facts every builder may read (schemas, deal currencies)."""
    doc = {
        "code": code,
        "schema": facts.schema_hash,
        "deal_currencies": facts.deal_currencies(),
        "kept": facts.token is not None,  # whether plans read kept tables (see build_kept)
        "cubes": facts.cubes,  # whether they read kept cubes (metrics.cube)
        "filters": shape_of(filters),
        **parts,
    }
    text = json.dumps(doc, sort_keys=True, default=repr, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def run_plan(
    con: duckdb.DuckDBPyConnection,
    facts: StoreFacts,
    cache: PlanCache,
    parts: Mapping[str, Any],
    filters: Sequence[Filter],
    build: Build,
    fixed: FixedResults | None = None,
) -> dict[str, pa.Table]:
    """The results of ``build(filters, engine)`` on ``con``: from the shape's plan, compiled
    (with Ibis) the first time the shape is asked for (``fixed``: where statements without
    parameters keep their results, for a store that cannot change)."""
    key = shape_key(parts, filters, facts, cache.code)
    plan = cache.get(key)
    if plan is not None and plan.volatile:
        plan = cache.get(f"{key}-{facts.token}") if facts.token else None
    _, values = sentinels(filters)
    if plan is None:
        plan = compile_plan(con, facts, filters, build)
        if plan is None:  # a form the placeholders do not know: Ibis, as before
            return _direct(con, facts, filters, build)
        cache.compiled += 1
        if plan.volatile:
            cache.put(key, Plan((), volatile=True))
            if facts.token:
                cache.put(f"{key}-{facts.token}", plan, disk=facts.persistent)
        else:
            cache.put(key, plan)
    if plan.kept:
        plan = _bound(cache, key, plan, facts)
    try:
        return _results(con, plan, values, fixed, filters, facts)
    except Exception as e:  # a kept table not yet built for this store state on this DuckDB
        import duckdb

        if not plan.kept or not isinstance(e, duckdb.CatalogException):
            raise
        facts.build_kept(con, plan.kept, again=True)
        return _results(con, plan, values, fixed, filters, facts)


def _results(
    con: duckdb.DuckDBPyConnection,
    plan: Plan,
    values: Mapping[str, Any],
    fixed: FixedResults | None,
    filters: Sequence[Filter],
    facts: StoreFacts,
) -> dict[str, pa.Table]:
    out = {}
    for s in plan.statements:
        table = None
        if fixed is None:
            table = execute(con, s, values)
        elif not s.params:
            table = fixed.run(con, s)
        elif s.form and facts.token is not None:  # kept tables in Arrow: no DuckDB planning
            table = fixed.arrow.answer(con, facts.kept_catalog, s.form, filters, s.schema)
        out[s.name] = table if table is not None else execute(con, s, values)
    return out


def _bound(cache: PlanCache, key: str, plan: Plan, facts: StoreFacts) -> Plan:
    """``plan`` with its SQL naming the kept tables of ``facts``' store state (kept in memory
    by state)."""
    bound_key = f"{key}@{facts.token}"
    found = cache.get_memory(bound_key)
    if found is None:
        statements = tuple(replace(s, sql=facts.bind_kept(s.sql)) for s in plan.statements)
        found = replace(plan, statements=statements)
        cache.put(bound_key, found, disk=False)
    return found


def execute(con: duckdb.DuckDBPyConnection, s: Statement, values: Mapping[str, Any]) -> pa.Table:
    """Run one statement with its parameters; the rows in the statement's Arrow schema."""
    params = {p: values[p] for p in s.params}
    submit = _submit()
    table = None
    if submit is not None:
        with contextlib.suppress(TypeError, AttributeError):  # a DuckDB whose runner differs
            table = submit(con, s.sql, params or None, "arrow").arrow_table()
    if table is None:
        table = con.sql(s.sql, params=params or None).to_arrow_table()
    return conform(table, s.schema)


@functools.cache
def _submit() -> Callable[..., Any] | None:
    """DuckDB's one-statement runner under ``con.sql`` (``duckdb._seam.submit``, DuckDB 2), or
    None where there is none. ``con.sql(text)`` first tokenizes the text in Python, parses and
    binds it to describe a relation, then runs it (parsing and binding again): for the few
    milliseconds a plan's statement takes, a third of the time. The submit runs it once."""
    try:
        from duckdb import _seam
    except ImportError:
        return None
    submit = getattr(_seam, "submit", None)
    return submit if callable(submit) else None


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` cast column by column to ``schema`` (what Ibis does with DuckDB's Arrow)."""
    if table.schema == schema:
        return table
    arrays = [
        col if col.type == f.type else col.cast(f.type)
        for col, f in zip(table.columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def compile_plan(
    con: duckdb.DuckDBPyConnection, facts: StoreFacts, filters: Sequence[Filter], build: Build
) -> Plan | None:
    """Build the expressions with sentinel filter values and compile them (None: a sentinel
    reached the SQL in a form :func:`_placeholders` does not know)."""
    import ibis

    from sectorlens.metrics.arrow_forms import form_of

    swapped, values = sentinels(filters)
    engine = facts.ibis_engine(con)
    exprs = build(swapped, engine)
    kept = tuple(
        (name, facts.kept_sql(name, functools.partial(_sql, expr)))
        for name, expr in (engine.kept or {}).items()
    )
    if kept:
        facts.build_kept(con, kept)
    statements = []
    for name, expr in exprs.items():
        sql = str(ibis.to_sql(expr, dialect="duckdb"))
        schema = expr.schema().to_pyarrow()
        sql = _typed(con, sql, schema, facts.bind_kept)
        try:
            sql, params = _placeholders(sql, len(values))
        except ValueError:
            return None
        statements.append(Statement(name, sql, params, schema, form_of(engine, expr)))
    return Plan(tuple(statements), volatile=engine.read_store, kept=kept)


def _sql(expr: ir.Table) -> str:
    import ibis

    return str(ibis.to_sql(expr, dialect="duckdb"))


_DUCK_TYPES = {
    pa.int8(): "TINYINT",
    pa.int16(): "SMALLINT",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.string(): "VARCHAR",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
}


def _duck_type(typ: pa.DataType) -> str | None:
    if pa.types.is_decimal(typ):
        return f"DECIMAL({typ.precision},{typ.scale})"
    return _DUCK_TYPES.get(typ)


def _typed(
    con: duckdb.DuckDBPyConnection, sql: str, schema: pa.Schema, bind: Callable[[str], str]
) -> str:
    """``sql`` whose columns DuckDB already returns in ``schema``'s types: a column of another
    type (a sum of counts is HUGEINT, a year BIGINT) is cast in SQL, so that running the plan
    needs no Arrow cast (and no ``pyarrow.compute``). Left as it is when the query orders its
    rows or a type has no DuckDB spelling here (:func:`conform` casts those in Arrow). ``bind``
    names the kept tables of the store state in the SQL DuckDB describes."""
    if _orders_rows(sql):
        return sql
    rel = con.sql(bind(sql))
    found = [str(t) for t in rel.types]
    if list(rel.columns) != schema.names:
        return sql
    wanted = [_duck_type(f.type) for f in schema]
    if any(w is None for w in wanted) or found == wanted:
        return sql
    quoted = ['"' + n.replace('"', '""') + '"' for n in schema.names]
    cols = [
        q if have == want else f"CAST({q} AS {want}) AS {q}"
        for q, have, want in zip(quoted, found, wanted, strict=True)
    ]
    return f"SELECT {', '.join(cols)} FROM ({sql}) AS typed"


def _orders_rows(sql: str) -> bool:
    """Whether the outermost query of ``sql`` has an ORDER BY (one inside parentheses, such as
    an ordered aggregate's, does not order the rows)."""
    depth, quote, upper = 0, "", sql.upper()
    for i, c in enumerate(sql):
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0 and upper.startswith("ORDER BY", i):
            return True
    return False


def _direct(
    con: duckdb.DuckDBPyConnection, facts: StoreFacts, filters: Sequence[Filter], build: Build
) -> dict[str, pa.Table]:
    engine = facts.ibis_engine(con, keep=False)
    return {name: engine.execute(expr) for name, expr in build(filters, engine).items()}
