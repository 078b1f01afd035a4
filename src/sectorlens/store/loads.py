"""The loads of a store: list them, find a file's earlier loads, drop one with what it added."""

from __future__ import annotations

import errno
import json
import os
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from sectorlens.errors import StoreError
from sectorlens.store.connection import first_row

#: tables whose rows carry the load that added them
LOADED_TABLES = ("deals", "companies", "rejects", "observations", "sources", "policies", "targets")


@dataclass(frozen=True, slots=True)
class Load:
    """One ``loads`` row: the file, its format and encoding, its counts and times."""

    load_id: str
    source_format: str
    path: str
    started_at: datetime
    finished_at: datetime | None
    rows_read: int
    deals: int
    companies: int
    observations: int
    rejects: int
    options: dict[str, Any]


def list_loads(con: duckdb.DuckDBPyConnection) -> list[Load]:
    """Every load of the store, oldest first."""
    rows = con.execute(
        "SELECT load_id, source_format, path, started_at, finished_at, rows_read, deals, "
        "companies, observations, rejects, options FROM loads ORDER BY started_at, load_id"
    ).fetchall()
    out = []
    for row in rows:
        try:
            options = json.loads(row[10]) if row[10] else {}
        except ValueError:
            options = {}
        rows_read, deals, companies, observations, rejects = (int(v or 0) for v in row[5:10])
        out.append(
            Load(
                str(row[0]),
                str(row[1]),
                str(row[2]),
                row[3],
                row[4],
                rows_read,
                deals,
                companies,
                observations,
                rejects,
                options if isinstance(options, dict) else {},
            )
        )
    return out


def loads_of_file(con: duckdb.DuckDBPyConnection, path: str, sha256: str) -> list[str]:
    """Load ids of earlier loads of the same file (same path, or the same content elsewhere)."""
    rows = con.execute(
        "SELECT load_id FROM loads WHERE (path = ? OR file_sha256 = ?) "
        "AND load_id NOT IN (SELECT value FROM meta WHERE key = 'reference_load') "
        "ORDER BY started_at",
        [path, sha256],
    ).fetchall()
    return [str(r[0]) for r in rows]


def drop_loads(con: duckdb.DuckDBPyConnection, load_ids: list[str]) -> dict[str, int]:
    """Delete the loads and every row they added, inside the caller's transaction.

    Returns the rows removed per table. A company another load had also named goes with the load
    that stored it last (companies keep the latest load's row).
    """
    removed: dict[str, int] = {}
    for table in LOADED_TABLES:
        row = con.execute(
            f"DELETE FROM {table} WHERE load_id IN (SELECT unnest(?::VARCHAR[]))", [load_ids]
        ).fetchone()
        removed[table] = int(row[0]) if row else 0
    con.execute("DELETE FROM loads WHERE load_id IN (SELECT unnest(?::VARCHAR[]))", [load_ids])
    return removed


def drop_load(con: duckdb.DuckDBPyConnection, load_id: str) -> dict[str, int]:
    """Remove one load and everything it added, atomically; StoreError when there is no such
    load or it is the reference data set."""
    if first_row(con, "SELECT 1 FROM loads WHERE load_id = ?", [load_id]) is None:
        raise StoreError(f"no load {load_id!r} in the store; `sectorlens db loads` lists them")
    reference = first_row(con, "SELECT value FROM meta WHERE key = 'reference_load'")
    if reference is not None and reference[0] == load_id:
        raise StoreError(
            f"{load_id} is the reference data set; reload it with `sectorlens db init --force`"
        )
    con.begin()
    try:
        removed = drop_loads(con, [load_id])
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return removed


def no_space(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) says the disk is full."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, OSError) and seen.errno == errno.ENOSPC:
            return True
        text = str(seen).lower()
        if "no space left" in text or "disk is full" in text or "not enough space" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class StoreSize:
    """The size of the store file before a load, to give back what a failed load grew it by.

    After a rollback DuckDB keeps the blocks the load added (free, but allocated: the file stays
    grown, and on a full disk stays full). Every block in use when the load began lies below the
    size the file had then, and the blocks above it held only the rolled-back rows, which DuckDB
    never reads again; so the file is cut back to that size (DuckDB extends it when it reuses
    those free blocks). Done only when the disk was full.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        row = first_row(
            con, "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        )
        self.path = Path(row[0]) if row and row[0] else None
        self.before = self._size()
        self.full = False  # set when the load failed for want of space

    def _size(self) -> int | None:
        try:
            return self.path.stat().st_size if self.path is not None else None
        except OSError:
            return None

    def restore(self) -> None:
        """After a load that failed on a full disk (and was rolled back): cut the file back."""
        if not self.full or self.before is None or self.path is None:
            return
        now = self._size()
        if now is not None and now > self.before:
            with suppress(OSError):
                os.truncate(self.path, self.before)


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
