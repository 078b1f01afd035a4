"""Writing one load into the store: Arrow batches per table, inside the caller's transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from sectorlens.errors import StoreError
from sectorlens.store.companies import keyed, new_companies
from sectorlens.store.connection import first_row
from sectorlens.store.keys import MID_X2_SQL, assign_company_keys, keys_for
from sectorlens.store.schema import TABLES

# Tables are inserted once DEFAULT_CHUNK_ROWS rows of them are queued (rows given one by one are
# turned into Arrow every CONVERT_ROWS rows): DuckDB writes an insert of at least one row group
# (122,880 rows) of an open transaction straight to the database file, while smaller inserts
# stay in memory until the commit. So memory stays flat however large the file is.
CONVERT_ROWS = 5_000
DEFAULT_CHUNK_ROWS = 122_880
_COLUMN = re.compile(r"^\s*(\w+)\s+([A-Z]+(?:\s*\(\s*\d+\s*,\s*\d+\s*\))?(?:\[\])?)", re.M)


def _arrow_type(sql_type: str) -> pa.DataType:
    sql = sql_type.replace(" ", "")
    if sql.endswith("[]"):
        return pa.list_(_arrow_type(sql[:-2]))
    if sql.startswith("DECIMAL"):
        precision, scale = (int(x) for x in sql[8:-1].split(","))
        return pa.decimal128(precision, scale)
    simple: dict[str, pa.DataType] = {
        "VARCHAR": pa.string(),
        "DATE": pa.date32(),
        "BOOLEAN": pa.bool_(),
        "BIGINT": pa.int64(),
        "INTEGER": pa.int32(),
        "TIMESTAMP": pa.timestamp("us"),
    }
    try:
        return simple[sql]
    except KeyError:
        raise StoreError(f"store schema type {sql_type} has no Arrow equivalent") from None


def table_schema(table: str) -> pa.Schema:
    """The Arrow schema of a store table, read from ``schema.TABLES``."""
    return pa.schema([(name, _arrow_type(sql)) for name, sql in _COLUMN.findall(TABLES[table])])


#: id columns that get the load's id as a prefix (``<load_id>/<row ref>``)
LOAD_PREFIXED = {"deals": "deal_id", "observations": "obs_id"}
#: tables whose rows get their ``company_key`` as they are inserted (store.keys)
KEYED = frozenset({"deals", "companies"})


class LoadWriter:
    """Collects Arrow tables per store table and inserts them once ``chunk_rows`` rows are in.

    Inserts run on one helper thread (DuckDB releases the GIL while it works), so the next chunk
    is prepared while the previous one is written; only one insert is ever in flight, and the
    connection is used by one thread at a time. Use it as a context manager, or call ``close``.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        load_id: str,
        *,
        chunk_rows: int = DEFAULT_CHUNK_ROWS,
    ) -> None:
        self._con = con
        self._load_id = load_id
        self._chunk = chunk_rows
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._pending: dict[str, list[pa.Table]] = {}
        self._counts: dict[str, int] = {}
        self._plans: dict[tuple[str, tuple[str, ...]], str] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sectorlens-insert")
        self._inflight: Future[None] | None = None
        self.written: dict[str, int] = {}
        self._keyed_before = False  # rows other writers stored without a company key

    def __enter__(self) -> LoadWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Wait for the insert in flight (its error is raised here) and stop the helper."""
        try:
            self._wait()
        finally:
            self._worker.shutdown(wait=True)

    def _wait(self) -> None:
        inflight, self._inflight = self._inflight, None
        if inflight is not None:
            inflight.result()

    def add(self, table: str, row: dict[str, Any]) -> None:
        """Queue one row (missing columns are NULL, ``load_id`` is set); inserts when full."""
        rows = self._rows.setdefault(table, [])
        rows.append(row)
        if len(rows) >= min(self._chunk, CONVERT_ROWS):
            self._convert(table)

    def add_table(self, table: str, data: pa.Table) -> None:
        """Queue the rows of an Arrow table whose columns are columns of store table ``table``."""
        if not data.num_rows:
            return
        target = table_schema(table)
        unknown = [n for n in data.column_names if n not in target.names]
        if unknown:
            raise StoreError(f"no column {sorted(unknown)} in store table {table}")
        schema = pa.schema(
            [_as_stored(target.field(n), data.schema.field(n)) for n in data.column_names]
        )
        try:
            data = data.cast(schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
            raise StoreError(f"cannot build a batch for {table}: {exc}") from exc
        pending = self._pending.setdefault(table, [])
        if pending and pending[0].schema != data.schema:
            self._insert(table)
            pending = self._pending.setdefault(table, [])
        pending.append(data)
        self._counts[table] = self._counts.get(table, 0) + data.num_rows
        if self._counts[table] >= self._chunk:
            self._insert(table)

    def flush(self) -> None:
        """Insert everything still buffered, and wait until it is written."""
        for table in list(self._rows):
            self._convert(table)
        for table in list(self._pending):
            self._insert(table)
        self._wait()

    def _convert(self, table: str) -> None:
        rows = self._rows.get(table)
        if not rows:
            return
        names = [n for n in dict.fromkeys(k for row in rows for k in row) if n != "load_id"]
        target = table_schema(table)
        unknown = [n for n in names if n not in target.names]
        if unknown:
            raise StoreError(f"no column {sorted(unknown)} in store table {table}")
        # Decimals go through text: Arrow converts Python Decimals slowly, text casts exactly
        fields = [target.field(n) for n in names]
        as_text = [
            pa.field(f.name, pa.string()) if pa.types.is_decimal(f.type) else f for f in fields
        ]
        decimals = [f.name for f in fields if pa.types.is_decimal(f.type)]
        for row in rows:
            for name in decimals:
                value = row.get(name)
                if value is not None:
                    row[name] = str(value)
        try:
            data = pa.Table.from_pylist(rows, schema=pa.schema(as_text))
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise StoreError(f"cannot build a batch for {table}: {exc}") from exc
        self._rows[table] = []
        self.add_table(table, data)

    def _plan(self, table: str, names: tuple[str, ...]) -> str:
        key = (table, names)
        found = self._plans.get(key)
        if found is not None:
            return found
        schema = table_schema(table)
        prefixed = LOAD_PREFIXED.get(table)

        # a deal's midpoint is derived as it is inserted (no update of the load at its end)
        derived = (
            {"amount_mid_x2": MID_X2_SQL}
            if table == "deals" and {"amount_low", "amount_high", "amount_value"} <= set(names)
            else {}
        )

        def expression(name: str) -> str:
            if name == "load_id":
                return "$load_id"
            if name == prefixed:
                return f"$load_id || '/' || {name}"
            if name in derived and name not in names:
                return derived[name]
            return name

        columns = [n for n in schema.names if n in names or n == "load_id" or n in derived]
        select = ", ".join(expression(name) for name in columns)
        # a source already present stays as it is (companies: see companies.new_companies)
        conflict = " ON CONFLICT DO NOTHING" if table == "sources" else ""
        found = (
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} "
            f"FROM _sectorlens_batch{conflict}"
        )
        self._plans[key] = found
        return found

    def _insert(self, table: str) -> None:
        pending = self._pending.pop(table, [])
        self._counts[table] = 0
        if not pending:
            return
        schema = pending[0].schema
        if table in KEYED and "company_id" in schema.names and "company_key" not in schema.names:
            schema = schema.append(pa.field("company_key", pa.int64()))
        sql = self._plan(table, tuple(schema.names))
        self.written[table] = self.written.get(table, 0) + sum(t.num_rows for t in pending)
        self._wait()  # one insert in flight at a time; its error surfaces here
        self._inflight = self._worker.submit(self._run, table, sql, schema, pending)

    def _run(self, table: str, sql: str, schema: pa.Schema, tables: list[pa.Table]) -> None:
        keys = None
        if "company_key" in schema.names and "company_key" not in tables[0].schema.names:
            try:  # the batch's companies get their keys now (new ones registered)
                keys = keys_for(
                    self._con, pa.chunked_array([t.column("company_id") for t in tables])
                )
            except duckdb.Error as exc:
                raise StoreError(f"cannot key the companies of {table}: {exc}") from exc

        if table == "companies":
            if not self._keyed_before:  # rows of other writers are replaced by key, like ours
                assign_company_keys(self._con)
                self._keyed_before = True
            tables = [new_companies(self._con, self._load_id, pa.concat_tables(tables), keys)]

        def drain() -> Iterator[pa.RecordBatch]:
            while tables:
                data = tables.pop(0)
                if keys is not None:
                    data = data.append_column("company_key", keyed(data, keys))
                yield from data.to_batches()

        # A registered Arrow table stays referenced until the transaction ends; a reader that
        # gives its batches away as DuckDB consumes them lets their memory go at once.
        reader = pa.RecordBatchReader.from_batches(schema, drain())
        self._con.register("_sectorlens_batch", reader)
        try:
            self._con.execute(sql, {"load_id": self._load_id})
        except duckdb.Error as exc:
            raise StoreError(f"cannot insert into {table}: {str(exc).splitlines()[0]}") from exc
        finally:
            self._con.unregister("_sectorlens_batch")


def single_thread(con: duckdb.DuckDBPyConnection) -> int | None:
    """Make DuckDB work on one thread while a load streams in; the setting to restore after.

    An insert from one Arrow stream gains nothing from more threads (the chunks are made in
    Python, one at a time); DuckDB's other threads cost a tenth of a load's CPU time in
    coordination (benchmarks/ingest.py). Queries over the whole store (the checks at the end of
    a load) should run after ``restore_threads``.
    """
    try:
        found = con.execute("SELECT current_setting('threads')").fetchone()
        con.execute("SET threads = 1")
    except duckdb.Error:
        return None
    return None if found is None else int(found[0])


def restore_threads(con: duckdb.DuckDBPyConnection, threads: int | None) -> None:
    """Give DuckDB back the threads ``single_thread`` took (no-op for None)."""
    if threads is not None:
        con.execute(f"SET threads = {int(threads)}")


#: DuckDB memory per thread for the checks at the end of a load (hash tables, sorts)
THREAD_MEMORY = 32 * 2**20


def checking_threads(con: duckdb.DuckDBPyConnection, threads: int | None) -> None:
    """Give the checks at the end of a load (queries over the whole store) the store's
    ``threads`` back, but at most one per ``THREAD_MEMORY`` of DuckDB's memory limit: each
    thread holds its own hash tables, and many of them under a small limit would spill or fail.
    """
    if threads is None:
        return
    from sectorlens.errors import SectorlensError
    from sectorlens.store.memory import parse_size

    found = con.execute("SELECT current_setting('memory_limit')").fetchone()
    try:
        limit = parse_size(str(found[0])) if found else None
    except SectorlensError:
        limit = None  # below the sizes a user may give: one thread
    cap = 1 if limit is None else max(1, limit // THREAD_MEMORY)
    con.execute(f"SET threads = {max(1, min(int(threads), cap))}")


def _as_stored(stored: pa.Field, given: pa.Field) -> pa.Field:
    """The type a column travels in: the store's, or a dictionary of it (DuckDB takes both)."""
    if pa.types.is_dictionary(given.type) and given.type.value_type == stored.type:
        return stored.with_type(given.type)
    return stored


#: what makes two deals the same deal, whatever file or format they came from: the company, the
#: day, the round, the amount's bounds and currency. Deals without a date are never the same as
#: a deal of another load (two undated rounds are one only when every field is identical within
#: one file, which a file's rows are kept as they are)
_SAME_DEAL = """
    d.company_id = k.company_id
    AND k.deal_date IS NOT NULL AND d.deal_date = k.deal_date
    AND coalesce(d.round, d.round_raw) IS NOT DISTINCT FROM coalesce(k.round, k.round_raw)
    AND d.amount_kind = k.amount_kind
    AND d.amount_low IS NOT DISTINCT FROM k.amount_low
    AND d.amount_high IS NOT DISTINCT FROM k.amount_high
    AND d.amount_qualifier IS NOT DISTINCT FROM k.amount_qualifier
    AND d.currency IS NOT DISTINCT FROM k.currency
"""
_IDENTITY = (
    "company_id",
    "deal_date",
    "date_raw",
    "round",
    "round_raw",
    "amount_kind",
    "amount_low",
    "amount_high",
    "amount_qualifier",
    "currency",
)


class StoredDeals:
    """Finds deals already in the store from earlier loads (a twin export, a re-export).

    It reads through a connection of its own, so it sees committed loads only — never the rows of
    the load in progress, which the writer inserts meanwhile on the load's own connection.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        source_format: str,
        *,
        exclude: list[str] | None = None,
    ) -> None:
        self._source = source_format
        self._exclude = list(exclude or [])  # loads being replaced: not compared with
        self._cursor: duckdb.DuckDBPyConnection | None = con.cursor()
        found = self._cursor.execute(
            "SELECT 1 FROM deals WHERE source_format = ? "
            "AND load_id NOT IN (SELECT unnest(?::VARCHAR[])) LIMIT 1",
            [source_format, self._exclude],
        ).fetchall()
        if not found:  # nothing to compare with (a first load): skip every lookup
            self.close()

    def close(self) -> None:
        """Release the lookup connection."""
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None

    def find(self, deals: pa.Table) -> dict[int, str]:
        """For the rows of ``deals`` that are already stored: row number → stored ``deal_id``."""
        if self._cursor is None or not deals.num_rows:
            return {}
        keys = deals.select(list(_IDENTITY)).append_column(
            "i", pa.array(range(deals.num_rows), pa.int64())
        )
        self._cursor.register("_sectorlens_keys", keys)
        try:
            rows = self._cursor.execute(
                f"SELECT k.i, min(d.deal_id) FROM _sectorlens_keys k JOIN deals d ON {_SAME_DEAL}"
                " WHERE d.source_format = ? AND d.load_id NOT IN (SELECT unnest(?::VARCHAR[]))"
                " GROUP BY k.i",
                [self._source, self._exclude],
            ).fetchall()
        finally:
            self._cursor.unregister("_sectorlens_keys")
        return {int(i): str(deal_id) for i, deal_id in rows}


def start_load(
    con: duckdb.DuckDBPyConnection,
    *,
    load_id: str,
    source_format: str,
    path: str,
    file_sha256: str,
    options: str | None,
) -> None:
    """Insert the ``loads`` row of a load that is starting (and the ECB rates, on the first)."""
    from sectorlens.store.rates import load_ecb_rates

    load_ecb_rates(con)  # deals are converted at query time from these
    con.execute(
        "INSERT INTO loads (load_id, source_format, path, file_sha256, started_at, options) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [load_id, source_format, path, file_sha256, datetime.now(), options],
    )


def finish_load(con: duckdb.DuckDBPyConnection, load_id: str, counts: dict[str, int]) -> None:
    """Record the counts of a finished load."""
    con.execute(
        "UPDATE loads SET finished_at = ?, rows_read = ?, deals = ?, companies = ?, "
        "observations = ?, rejects = ? WHERE load_id = ?",
        [
            datetime.now(),
            counts.get("rows_read", 0),
            counts.get("deals", 0),
            counts.get("companies", 0),
            counts.get("observations", 0),
            counts.get("rejects", 0),
            load_id,
        ],
    )


def existing_load(con: duckdb.DuckDBPyConnection, load_id: str) -> tuple[Any, ...] | None:
    """The ``loads`` row of ``load_id`` if that exact load is already in the store."""
    return first_row(
        con, "SELECT load_id, path, finished_at FROM loads WHERE load_id = ?", [load_id]
    )


def columns(table: str) -> Iterable[str]:
    """The column names of a store table."""
    return table_schema(table).names
