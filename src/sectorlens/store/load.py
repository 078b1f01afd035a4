"""Writing one load into the store: Arrow batches per table, inside the caller's transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from sectorlens.errors import StoreError
from sectorlens.store.schema import TABLES

DEFAULT_CHUNK_ROWS = 20_000
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


class LoadWriter:
    """Buffers rows per table and inserts them as Arrow tables every ``chunk_rows`` rows."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, *, chunk_rows: int = DEFAULT_CHUNK_ROWS
    ) -> None:
        self._con = con
        self._chunk = chunk_rows
        self._schemas: dict[str, pa.Schema] = {}
        self._buffers: dict[str, dict[str, list[Any]]] = {}
        self._counts: dict[str, int] = {}
        self.written: dict[str, int] = {}

    def add(self, table: str, row: dict[str, Any]) -> None:
        """Queue one row (missing columns are NULL); inserts when the table's buffer is full."""
        buffer = self._buffers.get(table)
        if buffer is None:
            schema = self._schemas[table] = table_schema(table)
            buffer = self._buffers[table] = {name: [] for name in schema.names}
            self._counts[table] = 0
        unknown = row.keys() - buffer.keys()
        if unknown:
            raise StoreError(f"no column {sorted(unknown)} in store table {table}")
        for name, values in buffer.items():
            values.append(row.get(name))
        self._counts[table] += 1
        if self._counts[table] >= self._chunk:
            self._flush(table)

    def flush(self) -> None:
        """Insert everything still buffered."""
        for table in list(self._buffers):
            self._flush(table)

    def _flush(self, table: str) -> None:
        buffer = self._buffers[table]
        if not self._counts[table]:
            return
        schema = self._schemas[table]
        try:
            batch = pa.table(
                [pa.array(buffer[name], type=schema.field(name).type) for name in schema.names],
                schema=schema,
            )
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise StoreError(f"cannot build a batch for {table}: {exc}") from exc
        self._con.register("_sectorlens_batch", batch)
        try:
            if table == "companies":
                # A company seen by an earlier load is described by the latest one.
                self._con.execute(
                    "INSERT OR REPLACE INTO companies BY NAME SELECT * FROM _sectorlens_batch"
                )
            elif table == "sources":
                self._con.execute(
                    "INSERT INTO sources BY NAME SELECT * FROM _sectorlens_batch "
                    "ON CONFLICT DO NOTHING"
                )
            else:
                self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _sectorlens_batch")
        except duckdb.Error as exc:
            raise StoreError(f"cannot insert into {table}: {str(exc).splitlines()[0]}") from exc
        finally:
            self._con.unregister("_sectorlens_batch")
        self.written[table] = self.written.get(table, 0) + self._counts[table]
        for values in buffer.values():
            values.clear()
        self._counts[table] = 0


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
    return con.execute(
        "SELECT load_id, path, finished_at FROM loads WHERE load_id = ?", [load_id]
    ).fetchone()


def columns(table: str) -> Iterable[str]:
    """The column names of a store table."""
    return table_schema(table).names
