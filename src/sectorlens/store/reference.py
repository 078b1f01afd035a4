"""Loading a reference data set into the store, idempotently, and reading it back."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from sectorlens.errors import StoreError
from sectorlens.model import Observation, Policy, Qualifier, Source, Status, Target
from sectorlens.store.connection import first_row
from sectorlens.store.rates import load_dataset_rates
from sectorlens.store.refdata import ReferenceData, read_reference, reference_digest

FORMAT = "reference"
_TABLES = ("observations", "targets", "policies", "sources")


@dataclass(frozen=True, slots=True)
class ReferenceLoad:
    """The outcome of loading a data set: its load id and whether anything changed."""

    load_id: str
    dataset_id: str
    sha256: str
    loaded: bool
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class StoredReference:
    """A reference data set as read back from the store."""

    dataset_id: str
    load_id: str
    sources: dict[str, Source]
    observations: tuple[Observation, ...]
    policies: tuple[Policy, ...]
    targets: tuple[Target, ...]
    presentation: dict[str, Any]


def load_reference(
    con: duckdb.DuckDBPyConnection, directory: Path | None = None, *, force: bool = False
) -> ReferenceLoad:
    """Load the data set (default: bundled) unless the same content is already loaded."""
    data = read_reference(directory)
    current = _current(con)
    if current and current["sha256"] == data.sha256 and not force:
        return ReferenceLoad(current["load_id"], data.dataset_id, data.sha256, False, _counts(data))
    load_id = f"ref-{data.sha256[:10]}-{uuid.uuid4().hex[:8]}"
    started = _now()
    con.execute("BEGIN TRANSACTION")
    try:
        old = "SELECT load_id FROM loads WHERE source_format = ?"
        for table in _TABLES:
            con.execute(f"DELETE FROM {table} WHERE load_id IN ({old})", [FORMAT])
        _insert(con, data, load_id)
        load_dataset_rates(con, data.directory, f"dataset:{data.dataset_id}")
        options = {"dataset_id": data.dataset_id, "files": list(data.files), **_counts(data)}
        con.execute(
            "INSERT INTO loads (load_id, source_format, path, file_sha256, started_at, "
            "finished_at, rows_read, deals, companies, rejects, options) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
            [load_id, FORMAT, str(data.directory), data.sha256, started, _now(), data.rows,
             json.dumps(options)],
        )  # fmt: skip
        meta = {
            "reference_load": load_id,
            "reference_sha256": data.sha256,
            "reference": json.dumps(data.presentation, ensure_ascii=False, default=str),
        }
        for key, value in meta.items():
            con.execute(
                "INSERT INTO meta VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return ReferenceLoad(load_id, data.dataset_id, data.sha256, True, _counts(data))


def ensure_reference(con: duckdb.DuckDBPyConnection) -> ReferenceLoad | None:
    """Load the bundled data set into a store that has none, or refresh an outdated copy of it.

    A store holding another data set is left alone (returns None).
    """
    current = _current(con)
    if current is None:
        return load_reference(con)
    if current["sha256"] == reference_digest():
        return None  # the bundled files are byte for byte the loaded ones: nothing to read
    data = read_reference()
    if current["dataset_id"] == data.dataset_id and current["sha256"] != data.sha256:
        return load_reference(con)
    return None


def reference_needed(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether :func:`ensure_reference` would write (a read-only connection is enough to ask)."""
    current = _current(con)
    if current is None:
        return True
    if current["sha256"] == reference_digest():
        return False
    data = read_reference()
    return current["dataset_id"] == data.dataset_id and current["sha256"] != data.sha256


def stored_reference(con: duckdb.DuckDBPyConnection) -> StoredReference:
    """Read the loaded reference data set back as records."""
    current = _current(con)
    if current is None:
        raise StoreError("the store holds no reference data: run `sectorlens db init` first")
    meta = first_row(con, "SELECT value FROM meta WHERE key = 'reference'")
    presentation = json.loads(meta[0]) if meta else {}
    return StoredReference(
        dataset_id=current["dataset_id"],
        load_id=current["load_id"],
        sources={s.source_id: s for s in _read_sources(con)},
        observations=tuple(_read_observations(con)),
        policies=tuple(_read_policies(con)),
        targets=tuple(_read_targets(con)),
        presentation=presentation,
    )


def _current(con: duckdb.DuckDBPyConnection) -> dict[str, str] | None:
    row = first_row(
        con,
        "SELECT l.load_id, l.file_sha256, l.options FROM meta m JOIN loads l "
        "ON l.load_id = m.value WHERE m.key = 'reference_load'",
    )
    if row is None:
        return None
    options = json.loads(row[2] or "{}")
    return {"load_id": row[0], "sha256": row[1], "dataset_id": str(options.get("dataset_id"))}


def _counts(data: ReferenceData) -> dict[str, int]:
    return {
        "sources": len(data.sources),
        "observations": len(data.observations),
        "policies": len(data.policies),
        "targets": len(data.targets),
    }


_ROWS_PER_INSERT = 500


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _insert(con: duckdb.DuckDBPyConnection, data: ReferenceData, load_id: str) -> None:
    rows: dict[str, list[dict[str, Any]]] = {
        "sources": [{**_fields(s), "load_id": load_id} for s in data.sources],
        "observations": [
            {**_fields(o), "cites": list(o.cites), "load_id": load_id} for o in data.observations
        ],
        "policies": [{**_fields(p), "load_id": load_id} for p in data.policies],
        "targets": [{**_fields(t), "load_id": load_id} for t in data.targets],
    }
    for table, records in rows.items():
        if not records:
            continue
        cols = list(records[0])
        one = f"({', '.join('?' * len(cols))})"
        # Many rows per statement: DuckDB's executemany runs one statement per row.
        for start in range(0, len(records), _ROWS_PER_INSERT):
            chunk = records[start : start + _ROWS_PER_INSERT]
            values = ", ".join([one] * len(chunk))
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES {values}"
            con.execute(sql, [r[c] for r in chunk for c in cols])


def _fields(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in record.__slots__:
        value = getattr(record, name)
        out[name] = value.value if isinstance(value, Qualifier | Status) else value
    return out


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _dec(value: Decimal | None) -> Decimal | None:
    # DECIMAL(38, 6) comes back with six trailing zeros; keep the value, drop the padding.
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _read_sources(con: duckdb.DuckDBPyConnection) -> list[Source]:
    rows = _dicts(con, "SELECT * EXCLUDE (load_id) FROM sources ORDER BY source_id")
    return [Source(**r) for r in rows]


def _read_observations(con: duckdb.DuckDBPyConnection) -> list[Observation]:
    out = []
    for r in _dicts(con, "SELECT * EXCLUDE (load_id) FROM observations ORDER BY obs_id"):
        for key in ("value", "low", "high"):
            r[key] = _dec(r[key])
        r["qualifier"] = Qualifier(r["qualifier"])
        r["status"] = Status(r["status"])
        r["cites"] = tuple(r["cites"] or ())
        out.append(Observation(**r))
    return out


def _read_policies(con: duckdb.DuckDBPyConnection) -> list[Policy]:
    rows = _dicts(con, "SELECT * EXCLUDE (load_id) FROM policies ORDER BY issued, policy_id")
    return [Policy(**r) for r in rows]


def _read_targets(con: duckdb.DuckDBPyConnection) -> list[Target]:
    out = []
    for r in _dicts(con, "SELECT * EXCLUDE (load_id) FROM targets ORDER BY target_date, target_id"):
        r["value"] = _dec(r["value"])
        r["qualifier"] = Qualifier(r["qualifier"])
        out.append(Target(**r))
    return out
