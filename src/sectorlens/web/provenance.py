"""What stands behind a response: the loads (ingest runs) and the published sources it rests on."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

import duckdb
import pyarrow as pa

from sectorlens.metrics import Filter, Metric, cube
from sectorlens.metrics.compiled import Compiled
from sectorlens.web.output import json_value
from sectorlens.web.runner import Lease

Remember = Callable[[Hashable, Callable[[], Any]], Any]  # a cache: (key, make) → value
_LOAD_COLUMNS = (
    "load_id",
    "source_format",
    "path",
    "file_sha256",
    "finished_at",
    "rows_read",
    "deals",
    "companies",
    "rejects",
)
_SOURCE_COLUMNS = ("source_id", "title", "publisher", "published", "url", "language", "licence")
# Result columns that hold a source id (the reconcile metric names its observations' sources).
SOURCE_COLUMNS = ("source", "source_id")


def behind(
    compiled: Compiled,
    lease: Lease,
    metric: Metric,
    where: Sequence[Filter],
    table: pa.Table,
    all_loads: Mapping[str, dict[str, Any]] | None = None,
    remember: Remember | None = None,
) -> dict[str, Any]:
    """``{"loads": […], "sources": […]}`` behind ``metric``'s rows for filters ``where``.

    The load ids under the filters come from a compiled plan (one query; ``remember``, when
    given, keeps them per table and filters: every chart of one dashboard view has the same);
    their rows from ``all_loads`` (every load of the store, read once) when given.
    """

    def loads_under() -> list[str]:
        found = compiled.run(
            lease.con,
            {"kind": "loads_behind", "table": metric.table},
            where,
            lambda w, engine: {"loads": cube.loads_behind(engine, metric.table, w)},
        )
        return [str(i) for i in found["loads"].column("load_id").to_pylist() if i]

    key = ("loads_behind", metric.table, tuple(where))
    load_ids = remember(key, loads_under) if remember is not None else loads_under()
    source_ids: set[str] = set()
    for name in SOURCE_COLUMNS:
        if name in table.column_names:
            source_ids.update(v for v in table.column(name).to_pylist() if v)
    sources = source_rows(lease.con, source_ids)
    obs_loads = {s.pop("load_id") for s in sources} - {None}
    ids = [*load_ids, *obs_loads]
    if all_loads is None:
        loads = load_rows(lease.con, ids)
    else:
        loads = [all_loads.get(i, {"load_id": i}) for i in sorted({i for i in ids if i})]
    return {"loads": loads, "sources": sources}


def every_load(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """Every row of ``loads`` (as :func:`load_rows` gives them), by load id."""
    ids = [row[0] for row in con.execute("SELECT load_id FROM loads").fetchall()]
    return {row["load_id"]: row for row in load_rows(con, ids)}


def load_rows(con: duckdb.DuckDBPyConnection, ids: Iterable[str | None]) -> list[dict[str, Any]]:
    """The ``loads`` rows of ``ids`` (file name only, never the server's path), by load id."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return []
    cols = ", ".join(_LOAD_COLUMNS)
    cur = con.execute(
        f"SELECT {cols} FROM loads WHERE load_id IN (SELECT unnest(?)) ORDER BY load_id", [wanted]
    )
    found = {}
    for row in cur.fetchall():
        record = {k: json_value(v) for k, v in zip(_LOAD_COLUMNS, row, strict=True)}
        record["file"] = PurePath(str(record.pop("path"))).name
        found[record["load_id"]] = record
    # A load id without a loads row (reference data, hand-made stores) is still cited.
    return [found.get(i, {"load_id": i}) for i in wanted]


def source_rows(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The ``sources`` rows of ``ids`` with their load id, by source id."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    cols = ", ".join((*_SOURCE_COLUMNS, "load_id"))
    cur = con.execute(
        f"SELECT {cols} FROM sources WHERE source_id IN (SELECT unnest(?)) ORDER BY source_id",
        [wanted],
    )
    return [
        {k: json_value(v) for k, v in zip((*_SOURCE_COLUMNS, "load_id"), row, strict=True)}
        for row in cur.fetchall()
    ]
