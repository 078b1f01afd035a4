"""Companies as a load writes them: one row per company id, the latest load's.

The id is kept unique here rather than by a PRIMARY KEY, whose index stayed in memory (about
67 MiB per million companies; a load of a million companies could not commit under a 256 MiB
memory limit). Store schema 5.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from sectorlens.errors import StoreError


def new_companies(
    con: duckdb.DuckDBPyConnection, load_id: str, data: pa.Table, keys: pa.Table | None
) -> pa.Table:
    """The rows of ``data`` that describe a company this load has not stored yet (its first
    row in the file does), after deleting the rows earlier loads stored for them.

    What a PRIMARY KEY's ``INSERT OR REPLACE`` did, without its index in memory: one scan of
    the stored integer keys per batch. A company named again in the same load is skipped
    rather than deleted and inserted again (a deleted row is held until the commit).
    """
    data = first_of_each(data)
    given = (
        data.column("company_key")
        if keys is None
        else pa.chunked_array([keyed(data, keys)], pa.int64())
    )
    named = pa.table({"company_key": given.cast(pa.int64())})
    con.register("_sectorlens_named", named)
    try:
        found = con.sql(
            "SELECT company_key, load_id = $load AS here FROM companies "
            "WHERE company_key IN (SELECT company_key FROM _sectorlens_named)",
            params={"load": load_id},
        ).to_arrow_table()
        elsewhere = found.filter(pc.invert(found.column("here")))
        if elsewhere.num_rows:
            con.register("_sectorlens_named", elsewhere.select(["company_key"]))
            con.execute(
                "DELETE FROM companies WHERE load_id <> $load AND company_key IN "
                "(SELECT company_key FROM _sectorlens_named)",
                {"load": load_id},
            )
    except duckdb.Error as exc:
        raise StoreError(f"cannot replace companies: {str(exc).splitlines()[0]}") from exc
    finally:
        con.unregister("_sectorlens_named")
    here = found.filter(found.column("here")).column("company_key")
    if not len(here):
        return data
    return data.filter(pc.invert(pc.is_in(given, value_set=here.combine_chunks())))


def first_of_each(data: pa.Table) -> pa.Table:
    """``data`` with one row per company id: its first."""
    ids = data.column("company_id")
    if pc.count_distinct(ids).as_py() == data.num_rows:
        return data
    if pa.types.is_dictionary(ids.type):
        ids = ids.cast(ids.type.value_type)
    rows = pa.table({"id": ids, "at": pa.array(range(data.num_rows), pa.int64())})
    first = rows.group_by("id", use_threads=False).aggregate([("at", "min")]).column("at_min")
    return data.take(pc.take(first, pc.sort_indices(first)))


def keyed(data: pa.Table, keys: pa.Table) -> pa.Array:
    """The ``company_key`` of each row of ``data`` from ``keys`` (null without a company id)."""
    ids = data.column("company_id").combine_chunks()
    if pa.types.is_dictionary(ids.type):
        ids = ids.cast(ids.type.value_type)
    at = pc.index_in(ids, value_set=keys.column("company_id"))
    return keys.column("company_key").combine_chunks().take(at)


class SpilledIds:
    """The company ids a load has claimed beyond its recent set (``sources.seen.Spill``): a
    temporary table on a connection of its own, in the store's memory-limited buffer pool (it
    spills to disk), gone when closed. Ids are matched by a 64-bit hash column first, so a
    look-up scans integers, then by the id itself."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._cursor: duckdb.DuckDBPyConnection | None = con.cursor()
        self._cursor.execute(
            "CREATE OR REPLACE TEMP TABLE _sectorlens_seen (h BIGINT NOT NULL, id VARCHAR NOT NULL)"
        )

    def _con(self) -> duckdb.DuckDBPyConnection:
        if self._cursor is None:
            raise StoreError("the load's company ledger is closed")
        return self._cursor

    def add(self, ids: Sequence[str]) -> None:
        """Remember ``ids``."""
        con = self._con()
        con.register("_sectorlens_ids", _hashed(ids))
        try:
            con.execute("INSERT INTO _sectorlens_seen SELECT h, id FROM _sectorlens_ids")
        finally:
            con.unregister("_sectorlens_ids")

    def find(self, ids: Sequence[str]) -> set[str]:
        """The ``ids`` remembered so far."""
        con = self._con()
        con.register("_sectorlens_ids", _hashed(ids))
        try:
            rows = con.execute(
                "SELECT s.id FROM _sectorlens_seen s JOIN _sectorlens_ids i ON s.h = i.h"
            ).fetchall()
        finally:
            con.unregister("_sectorlens_ids")
        wanted = set(ids)
        return {i for (i,) in rows if i in wanted}

    def close(self) -> None:
        """Drop the table and release the connection."""
        if self._cursor is not None:
            with suppress(duckdb.Error):
                self._cursor.execute("DROP TABLE IF EXISTS _sectorlens_seen")
            self._cursor.close()
            self._cursor = None


def _hashed(ids: Sequence[str]) -> pa.Table:
    """``ids`` with a 64-bit hash each (Python's: stable within the process, which is enough)."""
    hashes = [hash(i) for i in ids]  # a 64-bit signed integer on a 64-bit build
    return pa.table({"h": pa.array(hashes, pa.int64()), "id": pa.array(list(ids), pa.string())})
