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
import yaml

from sectorlens.errors import InputError, StoreError
from sectorlens.model import Observation, Policy, Qualifier, Source, Status, Target
from sectorlens.store.connection import first_row
from sectorlens.store.rates import load_dataset_rates
from sectorlens.store.refdata import ReferenceData, read_reference, reference_digest
from sectorlens.store.subject import bundled_subjects

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
    con: duckdb.DuckDBPyConnection,
    directory: Path | None = None,
    *,
    force: bool = False,
    current: bool = True,
) -> ReferenceLoad:
    """Load a data set (default: the default bundled one) unless the same content is loaded.

    A store holds several data sets (subjects); loading one replaces only an earlier load of
    the same data set. ``current`` makes it the store's current subject (the one ``report``
    builds without ``--subject``); the first data set of a store always becomes current.
    """
    data = read_reference(directory)
    loaded = _loaded(con)
    previous = loaded.get(data.dataset_id)
    if previous and previous["sha256"] == data.sha256 and not force:
        if current:
            _set_meta(con, {"reference_load": previous["load_id"]})
        return ReferenceLoad(
            previous["load_id"], data.dataset_id, data.sha256, False, _counts(data)
        )
    _check_ids(con, data, {v["load_id"] for k, v in loaded.items() if k != data.dataset_id})
    load_id = f"ref-{data.sha256[:10]}-{uuid.uuid4().hex[:8]}"
    started = _now()
    con.execute("BEGIN TRANSACTION")
    try:
        if previous:
            for table in _TABLES:
                con.execute(f"DELETE FROM {table} WHERE load_id = ?", [previous["load_id"]])
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
        meta = {_presentation_key(data.dataset_id): _json(data.presentation)}
        was_current = _current(con)
        if current or was_current is None or was_current["dataset_id"] == data.dataset_id:
            meta |= {"reference_load": load_id, "reference_sha256": data.sha256}
        _set_meta(con, meta)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return ReferenceLoad(load_id, data.dataset_id, data.sha256, True, _counts(data))


def ensure_reference(
    con: duckdb.DuckDBPyConnection, subject: str | None = None
) -> ReferenceLoad | None:
    """Make sure the store holds ``subject`` (default: its current one), up to date.

    A bundled subject is loaded when missing and reloaded when its files changed; a store whose
    current data set is not bundled is left alone. Returns the load when one happened.
    """
    if subject is None:
        now = _current(con)
        if now is None:
            return load_reference(con)
        subject = now["dataset_id"]
    loaded = _loaded(con).get(subject)
    bundled = bundled_subjects().get(subject)
    if bundled is None:
        if loaded is None:
            raise StoreError(
                f"the store holds no subject {subject!r} and none is bundled "
                f"(bundled: {', '.join(bundled_subjects())}); "
                "load it with `sectorlens db init --data DIR`"
            )
        return None
    for other in companions(bundled):  # subjects this one is compared with come along
        if other != subject and other in bundled_subjects():
            other_loaded = _loaded(con).get(other)
            if other_loaded is None or other_loaded["sha256"] != reference_digest(
                bundled_subjects()[other]
            ):
                load_reference(con, bundled_subjects()[other], current=False)
    if loaded is not None and loaded["sha256"] == reference_digest(bundled):
        return None  # the bundled files are byte for byte the loaded ones: nothing to read
    return load_reference(con, bundled, current=_current(con) is None)


def companions(directory: Path) -> tuple[str, ...]:
    """The subjects a data set's ``subject.yaml`` names in ``compare_with`` (loaded with it)."""
    path = directory / "subject.yaml"
    if not path.exists():
        return ()
    spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    others = spec.get("compare_with") or () if isinstance(spec, dict) else ()
    return tuple(str(o) for o in ([others] if isinstance(others, str) else others))


def reference_needed(con: duckdb.DuckDBPyConnection, subject: str | None = None) -> bool:
    """Whether :func:`ensure_reference` would write (a read-only connection is enough to ask)."""
    if subject is None:
        now = _current(con)
        if now is None:
            return True
        subject = now["dataset_id"]
    bundled = bundled_subjects().get(subject)
    if bundled is None:
        return False  # not bundled: loaded or not, nothing to write (ensure names a missing one)
    held = _loaded(con)
    for name in (subject, *companions(bundled)):
        found, folder = held.get(name), bundled_subjects().get(name)
        if folder is not None and (found is None or found["sha256"] != reference_digest(folder)):
            return True
    return False


def subject_folders(con: duckdb.DuckDBPyConnection) -> list[Path]:
    """The folders of the data sets the store holds that still exist (their worlds apply to
    ingest: sector taxonomy, places, clusters)."""
    loaded = {v["load_id"] for v in _loaded(con).values()}
    rows = con.execute("SELECT load_id, path FROM loads WHERE source_format = ?", [FORMAT])
    return [
        Path(p)
        for lid, p in rows.fetchall()
        if lid in loaded and (Path(p) / "subject.yaml").is_file()
    ]


def stored_subjects(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The data sets the store holds: their load id by data-set id."""
    return {k: v["load_id"] for k, v in sorted(_loaded(con).items())}


def stored_reference(con: duckdb.DuckDBPyConnection, subject: str | None = None) -> StoredReference:
    """Read a loaded data set back as records (default: the store's current subject)."""
    now = _current(con)
    if subject is None:
        if now is None:
            raise StoreError("the store holds no reference data: run `sectorlens db init` first")
        subject = now["dataset_id"]
    found = _loaded(con).get(subject)
    if found is None:
        held = ", ".join(_loaded(con)) or "none"
        raise StoreError(f"the store holds no subject {subject!r} (it holds: {held})")
    load_id = found["load_id"]
    meta = first_row(con, "SELECT value FROM meta WHERE key = ?", [_presentation_key(subject)])
    if meta is None:  # a store written before it held several subjects
        meta = first_row(con, "SELECT value FROM meta WHERE key = 'reference'")
    presentation = json.loads(meta[0]) if meta else {}
    return StoredReference(
        dataset_id=subject,
        load_id=load_id,
        sources={s.source_id: s for s in _read_sources(con, load_id)},
        observations=tuple(_read_observations(con, load_id)),
        policies=tuple(_read_policies(con, load_id)),
        targets=tuple(_read_targets(con, load_id)),
        presentation=presentation,
    )


def _presentation_key(dataset_id: str) -> str:
    return f"reference:{dataset_id}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _set_meta(con: duckdb.DuckDBPyConnection, meta: dict[str, str]) -> None:
    for key, value in meta.items():
        con.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def _check_ids(con: duckdb.DuckDBPyConnection, data: ReferenceData, others: set[str]) -> None:
    """Ids are unique across the data sets of a store: a clash is named, never overwritten."""
    if not others:
        return
    ids = {
        "sources": ("source_id", [s.source_id for s in data.sources]),
        "observations": ("obs_id", [o.obs_id for o in data.observations]),
        "policies": ("policy_id", [p.policy_id for p in data.policies]),
        "targets": ("target_id", [t.target_id for t in data.targets]),
    }
    marks = ", ".join("?" * len(others))
    for table, (column, keys) in ids.items():
        if not keys:
            continue
        row = first_row(
            con,
            f"SELECT {column} FROM {table} WHERE load_id IN ({marks}) "
            f"AND {column} IN ({', '.join('?' * len(keys))}) ORDER BY 1 LIMIT 1",
            [*sorted(others), *keys],
        )
        if row is not None:
            raise InputError(
                f"{data.directory}: {column} {row[0]!r} is already used by another data set "
                "in this store (ids must be unique across subjects)"
            )


def loaded_subjects(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """Ids of the data sets the store holds."""
    return tuple(_loaded(con))


def _loaded(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """The newest load of every data set in the store, by data-set id."""
    rows = con.execute(
        "SELECT load_id, file_sha256, options FROM loads WHERE source_format = ? "
        "ORDER BY started_at",
        [FORMAT],
    ).fetchall()
    live = {r[0] for r in con.execute("SELECT DISTINCT load_id FROM observations").fetchall()}
    out: dict[str, dict[str, str]] = {}
    for load_id, sha, options in rows:
        if load_id not in live:
            continue  # replaced by a later load of the same data set
        dataset = str(json.loads(options or "{}").get("dataset_id"))
        out[dataset] = {"load_id": load_id, "sha256": sha, "dataset_id": dataset}
    return out


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


def _dicts(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _dec(value: Decimal | None) -> Decimal | None:
    # DECIMAL(38, 6) comes back with six trailing zeros; keep the value, drop the padding.
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _read_sources(con: duckdb.DuckDBPyConnection, load_id: str) -> list[Source]:
    rows = _dicts(
        con,
        "SELECT * EXCLUDE (load_id) FROM sources WHERE load_id = ? ORDER BY source_id",
        [load_id],
    )
    return [Source(**r) for r in rows]


def _read_observations(con: duckdb.DuckDBPyConnection, load_id: str) -> list[Observation]:
    out = []
    for r in _dicts(
        con,
        "SELECT * EXCLUDE (load_id) FROM observations WHERE load_id = ? ORDER BY obs_id",
        [load_id],
    ):
        for key in ("value", "low", "high"):
            r[key] = _dec(r[key])
        r["qualifier"] = Qualifier(r["qualifier"])
        r["status"] = Status(r["status"])
        r["cites"] = tuple(r["cites"] or ())
        out.append(Observation(**r))
    return out


def _read_policies(con: duckdb.DuckDBPyConnection, load_id: str) -> list[Policy]:
    rows = _dicts(
        con,
        "SELECT * EXCLUDE (load_id) FROM policies WHERE load_id = ? ORDER BY issued, policy_id",
        [load_id],
    )
    return [Policy(**r) for r in rows]


def _read_targets(con: duckdb.DuckDBPyConnection, load_id: str) -> list[Target]:
    out = []
    for r in _dicts(
        con,
        "SELECT * EXCLUDE (load_id) FROM targets WHERE load_id = ? ORDER BY target_date, target_id",
        [load_id],
    ):
        r["value"] = _dec(r["value"])
        r["qualifier"] = Qualifier(r["qualifier"])
        out.append(Target(**r))
    return out
