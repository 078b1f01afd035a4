"""Writing one load into the store: Arrow batches per table, inside the caller's transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import duckdb
import pyarrow as pa

from sectorlens.errors import StoreError
from sectorlens.store.companies import keyed, new_companies
from sectorlens.store.keys import MID_X2_SQL, assign_company_keys, keys_for
from sectorlens.store.memory import release_heap
from sectorlens.store.schema import TABLES

# Tables are inserted once DEFAULT_CHUNK_ROWS rows of them are queued (rows given one by one are
# turned into Arrow every CONVERT_ROWS rows). DuckDB (2.0) keeps the rows an open transaction
# appends in its own buffer pool, which a load bounds by a memory limit (store.memory): full row
# groups (122,880 rows) leave it, whatever the size of the inserts that filled them
# (tests/ingest/test_ingest_memory.py), so a batch need not be a row group. Batches of a row
# group held up to ~120 MiB of Arrow (1M itjuzi rows), outside any limit, twice over (one
# queued, one in flight).
CONVERT_ROWS = 5_000
DEFAULT_CHUNK_ROWS = 32_768
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
            release_heap()  # the batch's memory, and the chunks' the main thread freed meanwhile


def _as_stored(stored: pa.Field, given: pa.Field) -> pa.Field:
    """The type a column travels in: the store's, or a dictionary of it (DuckDB takes both)."""
    if pa.types.is_dictionary(given.type) and given.type.value_type == stored.type:
        return stored.with_type(given.type)
    return stored


def columns(table: str) -> Iterable[str]:
    """The column names of a store table."""
    return table_schema(table).names
