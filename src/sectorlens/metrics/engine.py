"""Where metrics run: the DuckDB store read-only through Ibis, or the same tables on PySpark."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sectorlens._lazy import lazy_module
from sectorlens.errors import UsageError

if TYPE_CHECKING:
    import duckdb
    import ibis
    import ibis.expr.types as ir
    import pyarrow as pa
else:
    ibis = lazy_module("ibis")

ENGINES = ("duckdb", "spark")
# The tables metrics read; the Spark engine reads only these (as Parquet).
METRIC_TABLES = ("deals", "companies", "observations", "fx_rates", "sources")


class Engine:
    """An Ibis backend holding the store's tables; execute expressions into Arrow."""

    def __init__(self, backend: Any, name: str, close: Callable[[], None] | None = None) -> None:
        self.backend = backend
        self.name = name
        self._close = close
        # Ibis reads a table's schema from the catalog on every call (~5-10 ms for deals, most of
        # a small metric's overhead); the store's schema is fixed, so one read per engine.
        self._tables: dict[str, ir.Table] = {}
        self._currencies: list[str] | None = None
        self._deal_currencies: list[str] | None = None
        self._default: str | None = None

    def table(self, name: str) -> ir.Table:
        """The store table ``name`` as an Ibis table."""
        if name not in self._tables:
            self._tables[name] = self.backend.table(name)
        return self._tables[name]

    def currencies(self) -> list[str]:
        """The currencies the store's ``fx_rates`` can convert into (read once)."""
        if self._currencies is None:
            fx = self.table("fx_rates")
            found = self.execute(fx.select("currency").distinct()).column(0).to_pylist()
            self._currencies = sorted(c for c in found if c)
        return self._currencies

    def deal_currencies(self) -> list[str]:
        """The currencies the store's deals are stated in (read once: the store is read-only
        while an engine is open)."""
        if self._deal_currencies is None:
            t = self.table("deals")
            found = self.execute(t.select("currency").distinct()).column(0).to_pylist()
            self._deal_currencies = sorted(c for c in found if c)
        return self._deal_currencies

    def default_currency(self, scope: Any = None) -> str:
        """The scope's currency, else the most common currency of its deals, else EUR."""
        if scope is not None and scope.currency:
            return str(scope.currency)
        if scope is None and self._default is not None:
            return self._default
        rows = self.execute(top_currency(self, scope)).to_pylist()
        found = str(rows[0]["currency"]) if rows else "EUR"
        if scope is None:
            self._default = found
        return found

    def execute(self, expr: ir.Table) -> pa.Table:
        """Run ``expr`` and return its rows as an Arrow table."""
        return self.backend.to_pyarrow(expr)

    def close(self) -> None:
        """Release the connection (and the Spark session this engine started)."""
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def top_currency(engine: Any, scope: Any = None) -> ir.Table:
    """The most common currency of the deals in ``scope`` (a row ``currency``, ``n``; none
    when no deal states one)."""
    t = engine.table("deals")
    if scope is not None:
        t = scope.apply(t)
    t = t.filter(t.currency.notnull())
    top = t.group_by("currency").aggregate(n=t.count()).order_by([ibis.desc("n"), "currency"])
    return top.limit(1)


class DuckDBTables:
    """The store's tables as Ibis tables, compiled to DuckDB SQL and run on one connection.

    What the engine needs of an Ibis backend (``table``, ``to_pyarrow``) with only Ibis'
    compiler: Ibis' own DuckDB backend imports pandas for its converters, and that was half a
    second of every ``sectorlens query``.
    """

    name = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def table(self, name: str) -> ir.Table:
        """An Ibis table with the store table's schema (read from the catalog)."""
        from ibis.backends.sql.datatypes import DuckDBType

        rows = self.con.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
            [name],
        ).fetchall()
        if not rows:
            raise UsageError(f"the store has no table {name!r}")
        schema = {c: DuckDBType.from_string(t, nullable=n == "YES") for c, t, n in rows}
        return ibis.table(ibis.schema(schema), name=name)

    def to_pyarrow(self, expr: ir.Table) -> pa.Table:
        """Run ``expr`` and return its rows in the expression's Arrow schema."""
        sql = str(ibis.to_sql(expr, dialect="duckdb"))
        table = self.con.sql(sql).to_arrow_table()
        return expr.__pyarrow_result__(table)


def _check_store(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse deals without their derived midpoint, once per store state: the store's facts
    (``store_facts``) are read, and checked, only when the store has changed since."""
    from sectorlens.metrics.store_facts import load_facts, query_cache_dir

    load_facts(con, query_cache_dir())


def from_duckdb(con: duckdb.DuckDBPyConnection) -> Engine:
    """Wrap an open store connection (the caller keeps ownership and closes it)."""
    _check_store(con)
    return Engine(DuckDBTables(con), "duckdb")


def open_engine(
    db: Path | str | None,
    engine: str = "duckdb",
    *,
    spark_master: str = "local[2]",
    spark_conf: Mapping[str, str] | None = None,
    parquet: str | Path | None = None,
    on_note: Callable[[str], None] | None = None,
) -> Engine:
    """Open the store read-only on ``engine`` (``duckdb`` or ``spark``).

    On Spark the tables are read as Parquet: from ``parquet`` (a folder written by
    ``sectorlens db export``, any URI Spark reads) or from the store's cached export beside it.
    """
    from sectorlens.store import connect

    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "duckdb":
        con = connect(db, read_only=True)
        try:
            _check_store(con)
        except BaseException:
            con.close()
            raise
        return Engine(DuckDBTables(con), "duckdb", con.close)
    from sectorlens.metrics.spark import open_spark  # pyspark stays off the default path
    from sectorlens.store import default_db_path

    path = Path(db).expanduser() if db is not None else default_db_path()
    return open_spark(
        path,
        lambda: connect(path, read_only=True),
        parquet=parquet,
        master=spark_master,
        conf=spark_conf,
        on_note=on_note,
    )
