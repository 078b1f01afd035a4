"""What a store holds: table counts, loads and the reference data set."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from sectorlens.store.connection import first_row
from sectorlens.store.schema import TABLES


@dataclass(frozen=True, slots=True)
class LoadInfo:
    """One row of the ``loads`` table."""

    load_id: str
    source_format: str
    path: str
    started_at: datetime
    rows_read: int | None
    deals: int | None
    companies: int | None
    rejects: int | None
    dataset_id: str | None


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """Counts per table, the loads and the current reference data set of a store."""

    schema_version: str
    counts: dict[str, int]
    loads: tuple[LoadInfo, ...]
    reference_load: str | None


def store_status(con: duckdb.DuckDBPyConnection) -> StoreStatus:
    """Summarize the store behind ``con``."""
    counts = {}
    for table in TABLES:
        row = first_row(con, f"SELECT count(*) FROM {table}")
        counts[table] = int(row[0]) if row else 0
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    loads = []
    for row in con.execute(
        "SELECT load_id, source_format, path, started_at, rows_read, deals, companies, rejects, "
        "options FROM loads ORDER BY started_at, load_id"
    ).fetchall():
        options = json.loads(row[8]) if row[8] else {}
        dataset = options.get("dataset_id") if isinstance(options, dict) else None
        load_id, fmt, path, started, rows, deals, companies, rejects = row[:8]
        loads.append(
            LoadInfo(load_id, fmt, path, started, rows, deals, companies, rejects, dataset)
        )
    return StoreStatus(
        schema_version=meta.get("schema_version", "?"),
        counts=counts,
        loads=tuple(loads),
        reference_load=meta.get("reference_load"),
    )
