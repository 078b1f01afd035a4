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
from sectorlens.store.connection import first_row
from sectorlens.store.schema import TABLES

# Rows are turned into Arrow every CONVERT_ROWS rows (small Python buffers) and inserted once a
# table has DEFAULT_CHUNK_ROWS of them: DuckDB writes an insert of at least one row group
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


_QUOTES = ("cny", "usd", "krw")

#: columns the store computes while inserting: converted amounts are amount × rate, rounded to
#: the amount scale (one vectorised multiplication instead of nine Decimal ones per Python row)
COMPUTED: dict[str, dict[str, str]] = {
    "deals": {
        f"{q}_{part}": f"CAST(amount_{part} * {q}_rate AS DECIMAL(38, 6))"
        for q in _QUOTES
        for part in ("value", "low", "high")
    },
}
#: id columns that get the load's id as a prefix (``<load_id>/<row ref>``)
LOAD_PREFIXED = {"deals": "deal_id", "observations": "obs_id"}


class LoadWriter:
    """Buffers rows per table and inserts them as Arrow tables every ``chunk_rows`` rows.

    Inserts run on one helper thread (DuckDB releases the GIL while it works), so the next batch
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
        self._batches: dict[str, list[pa.RecordBatch]] = {}
        self._batched: dict[str, int] = {}
        self._plans: dict[str, tuple[pa.Schema, str]] = {}
        self._decimals: dict[str, frozenset[str]] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sectorlens-insert")
        self._pending: Future[None] | None = None
        self.written: dict[str, int] = {}

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
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def add(self, table: str, row: dict[str, Any]) -> None:
        """Queue one row (missing columns are NULL, ``load_id`` is set); inserts when full."""
        rows = self._rows.get(table)
        if rows is None:
            rows = self._rows[table] = []
            self._plans[table] = self._plan(table)
            self._decimals[table] = frozenset(
                f.name for f in table_schema(table) if pa.types.is_decimal(f.type)
            )
        rows.append(row)
        if len(rows) >= min(self._chunk, CONVERT_ROWS):
            self._convert(table)
            if self._batched[table] >= self._chunk:
                self._insert_batches(table)

    def flush(self) -> None:
        """Insert everything still buffered, and wait until it is written."""
        for table in list(self._rows):
            self._convert(table)
            self._insert_batches(table)
        self._wait()

    def _plan(self, table: str) -> tuple[pa.Schema, str]:
        schema = table_schema(table)
        computed = COMPUTED.get(table, {})
        # Decimals travel as text and are cast by DuckDB: Arrow's conversion of Python Decimal
        # objects costs ~30 µs a value, text ~1 µs, and the cast is exact.
        batch = pa.schema(
            [
                pa.field(f.name, pa.string() if pa.types.is_decimal(f.type) else f.type)
                for f in schema
                if f.name != "load_id" and f.name not in computed
            ]
        )
        casts = ", ".join(
            f"CAST({f.name} AS DECIMAL({f.type.precision}, {f.type.scale})) AS {f.name}"
            for f in schema
            if pa.types.is_decimal(f.type) and f.name in batch.names
        )
        source = (
            f"(SELECT * REPLACE ({casts}) FROM _sectorlens_batch)" if casts else "_sectorlens_batch"
        )
        prefixed = LOAD_PREFIXED.get(table)

        def expression(name: str) -> str:
            if name == "load_id":
                return "$load_id"
            if name == prefixed:
                return f"$load_id || '/' || {name}"
            return computed.get(name, name)

        select = ", ".join(expression(name) for name in schema.names)
        columns = ", ".join(schema.names)
        # the latest load describes a company; a source already present stays as it is
        verb = "INSERT OR REPLACE INTO" if table == "companies" else "INSERT INTO"
        conflict = " ON CONFLICT DO NOTHING" if table == "sources" else ""
        return batch, f"{verb} {table} ({columns}) SELECT {select} FROM {source}{conflict}"

    def _convert(self, table: str) -> None:
        rows = self._rows[table]
        if not rows:
            return
        schema = self._plans[table][0]
        names = schema.names
        unknown = rows[0].keys() - set(table_schema(table).names)
        if unknown:
            raise StoreError(f"no column {sorted(unknown)} in store table {table}")
        decimals = [name for name in names if name in self._decimals[table]]
        for row in rows:
            for name in decimals:
                value = row.get(name)
                if value is not None:
                    row[name] = str(value)
        try:
            # one C++ pass over the dicts (faster than per-column Python lists)
            batch = pa.RecordBatch.from_struct_array(pa.array(rows, type=pa.struct(schema)))
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise StoreError(f"cannot build a batch for {table}: {exc}") from exc
        self._batches.setdefault(table, []).append(batch)
        self._batched[table] = self._batched.get(table, 0) + len(rows)
        self._rows[table] = []

    def _insert_batches(self, table: str) -> None:
        batches = self._batches.get(table)
        if not batches:
            return
        schema, sql = self._plans[table]
        self.written[table] = self.written.get(table, 0) + self._batched[table]
        self._batches[table], self._batched[table] = [], 0
        self._wait()  # one insert in flight at a time; its error surfaces here
        self._pending = self._worker.submit(self._insert, table, sql, schema, batches)

    def _insert(
        self, table: str, sql: str, schema: pa.Schema, batches: list[pa.RecordBatch]
    ) -> None:
        def drain() -> Iterator[pa.RecordBatch]:
            while batches:
                yield batches.pop(0)

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


def start_load(
    con: duckdb.DuckDBPyConnection,
    *,
    load_id: str,
    source_format: str,
    path: str,
    file_sha256: str,
    options: str | None,
) -> None:
    """Insert the ``loads`` row of a load that is starting."""
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
