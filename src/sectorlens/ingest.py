"""Ingest: files → adapter → normalized records → store, one atomic, idempotent load per file.

Every input row ends in exactly one disposition, counted in ``loads``: a deal row, a company row,
an observation row or a reject (rows_read = deals + companies + observations + rejects). A row
that yields a company *and* its round (itjuzi) is a deal row; its company is still stored.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from sectorlens.errors import InputError, SectorlensError, UsageError
from sectorlens.fx import FxRates
from sectorlens.model import Company, Deal, Observation, Reject, Source
from sectorlens.sources import ADAPTERS, Adapter, GenericAdapter, Options, load_mapping
from sectorlens.sources.base import Record
from sectorlens.sources.gazetteer import Gazetteer
from sectorlens.sources.normalize import Normalizer, Tally
from sectorlens.sources.readers import FileInfo, RawRow, inspect, open_table
from sectorlens.sources.taxonomy import Taxonomy
from sectorlens.store.load import (
    DEFAULT_CHUNK_ROWS,
    LoadWriter,
    existing_load,
    finish_load,
    start_load,
)

ProgressFn = Callable[[Path, int, int], None]
"""Called with (path, bytes done, bytes total) while a file is read."""


@dataclass
class LoadResult:
    """What one file's ingest did (or, in preview, would do)."""

    path: Path
    load_id: str
    source_format: str
    status: str  # loaded | skipped | preview
    rows_read: int = 0
    deals: int = 0
    companies: int = 0
    observations: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    tally: Tally = field(default_factory=Tally)
    sample: list[Deal | Company | Observation] = field(default_factory=list)
    sample_rejects: list[Reject] = field(default_factory=list)
    previous_path: str | None = None

    @property
    def loaded(self) -> int:
        """Rows that became deals, companies or observations."""
        return self.deals + self.companies + self.observations


@dataclass(frozen=True)
class Context:
    """Reference data shared by all loads of one run (read once)."""

    fx: FxRates
    gazetteer: Gazetteer
    taxonomy: Taxonomy

    @classmethod
    def default(cls) -> Context:
        """The bundled ECB rates, gazetteer and sector taxonomy."""
        return cls(FxRates(), Gazetteer.load(), Taxonomy.load())


def ingest(
    con: duckdb.DuckDBPyConnection | None,
    paths: Sequence[Path],
    *,
    source: str = "auto",
    preview: int = 0,
    progress: ProgressFn | None = None,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
    today: date | None = None,
    context: Context | None = None,
) -> list[LoadResult]:
    """Ingest ``paths`` (each its own transaction); with ``preview`` > 0 nothing is written."""
    if not paths:
        raise UsageError("no input files given")
    if not preview and con is None:
        raise UsageError("a store connection is needed unless previewing")
    mapping = _mapping(source)
    ctx = context or Context.default()
    results: list[LoadResult] = []
    for path in paths:
        try:
            result = _ingest_one(
                con,
                Path(path),
                source,
                mapping,
                ctx,
                preview=preview,
                progress=progress,
                chunk_rows=chunk_rows,
                today=today or date.today(),
            )
        except SectorlensError as exc:
            if not results or preview:
                raise
            done = ", ".join(f"{r.path} ({r.status})" for r in results)
            raise type(exc)(f"{exc} — earlier files are in the store: {done}") from exc
        results.append(result)
    return results


def _mapping(source: str) -> dict[str, Any] | None:
    if source.endswith(".toml"):
        return load_mapping(Path(source))
    if source != "auto" and source not in ADAPTERS:
        known = ", ".join(["auto", *ADAPTERS, "MAPPING.toml"])
        raise UsageError(f"unknown --source {source!r}; choose one of {known}")
    return None


def choose_adapter(path: Path, info: FileInfo, source: str) -> type[Adapter]:
    """The adapter class for ``path``: named, a mapping, or detected from the header."""
    if source.endswith(".toml"):
        return GenericAdapter
    if source != "auto":
        return ADAPTERS[source]
    header, _ = open_table(path, info)
    for cls in ADAPTERS.values():
        if cls.detect(header, path):
            return cls
    shown = ", ".join(header[:8]) + (" …" if len(header) > 8 else "")
    raise InputError(
        f"{path}: cannot tell the export format from its header ({shown}); "
        "pass --source NAME or a mapping file --source MAPPING.toml"
    )


def _ingest_one(
    con: duckdb.DuckDBPyConnection | None,
    path: Path,
    source: str,
    mapping: dict[str, Any] | None,
    ctx: Context,
    *,
    preview: int,
    progress: ProgressFn | None,
    chunk_rows: int,
    today: date,
) -> LoadResult:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    info = inspect(path)
    cls = choose_adapter(path, info, source)
    norm = Normalizer(ctx.fx, ctx.gazetteer, ctx.taxonomy)
    adapter = cls(norm, Options(today=today, mapping=mapping))
    label = getattr(adapter, "label", adapter.name)
    digest = hashlib.sha256(f"{info.sha256}:{adapter.fingerprint()}".encode()).hexdigest()
    load_id = f"{label}-{digest[:16]}"
    result = LoadResult(path, load_id, label, "preview" if preview else "loaded", tally=norm.tally)
    if not preview:
        assert con is not None
        found = existing_load(con, load_id)
        if found is not None:
            result.status, result.previous_path = "skipped", str(found[1])
            return result
    report = None if progress is None else (lambda done: progress(path, done, info.size))
    _header, rows = adapter.extract(info, report)
    if preview:
        _run(adapter, rows, result, None, preview)
        return result
    assert con is not None
    con.begin()
    try:
        options = json.dumps({"source": source, "fingerprint": adapter.fingerprint()})
        start_load(
            con,
            load_id=load_id,
            source_format=label,
            path=str(path.resolve()),
            file_sha256=info.sha256,
            options=options,
        )
        with LoadWriter(con, load_id, chunk_rows=chunk_rows) as writer:
            _run(adapter, rows, result, writer, 0)
            writer.flush()
        finish_load(con, load_id, _counts(result))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    if progress is not None:
        progress(path, info.size, info.size)
    return result


def _counts(result: LoadResult) -> dict[str, int]:
    return {
        "rows_read": result.rows_read,
        "deals": result.deals,
        "companies": result.companies,
        "observations": result.observations,
        "rejects": sum(result.rejects.values()),
    }


def _run(
    adapter: Adapter,
    rows: Any,
    result: LoadResult,
    writer: LoadWriter | None,
    sample: int,
) -> None:
    seen_companies: set[str] = set()
    for row in rows:
        result.rows_read += 1
        records = _dedupe(adapter.transform(row), row, seen_companies)
        _dispose(records, row, result, writer, sample)
    for record in adapter.finish():
        if isinstance(record, Source) and writer is not None:
            writer.add("sources", _source_row(record))


def _dedupe(records: list[Record], row: RawRow, seen: set[str]) -> list[Record]:
    """A company already loaded from this file is not stored twice."""
    out: list[Record] = []
    for record in records:
        if isinstance(record, Company):
            if record.company_id in seen:
                if not any(isinstance(r, Deal) for r in records):
                    return [Reject(row.ref, "duplicate_company", row.values, record.company_id)]
                continue
            seen.add(record.company_id)
        out.append(record)
    return out


def _dispose(
    records: list[Record],
    row: RawRow,
    result: LoadResult,
    writer: LoadWriter | None,
    sample: int,
) -> None:
    if writer is not None and len(records) == 1 and records[0].__class__ is Deal:
        result.deals += 1  # the common case, kept short
        writer.add("deals", records[0].fields)
        if len(result.sample) < sample:
            result.sample.append(records[0])
        return
    rejects = [r for r in records if isinstance(r, Reject)]
    if rejects or not any(isinstance(r, Deal | Company | Observation) for r in records):
        reject = rejects[0] if rejects else Reject(row.ref, "no_record", row.values)
        result.rejects[reject.reason] += 1
        if len(result.sample_rejects) < max(sample, 0):
            result.sample_rejects.append(reject)
        if writer is not None:
            writer.add("rejects", _reject_row(reject))
        return
    kinds = {type(r) for r in records}
    if Deal in kinds:
        result.deals += 1
    elif Company in kinds:
        result.companies += 1
    else:
        result.observations += 1
    for record in records:
        if isinstance(record, Source):
            if writer is not None:
                writer.add("sources", _source_row(record))
            continue
        assert isinstance(record, Deal | Company | Observation)
        if len(result.sample) < sample:
            result.sample.append(record)
        if writer is None:
            continue
        if isinstance(record, Deal):
            writer.add("deals", record.fields)
        elif isinstance(record, Company):
            writer.add("companies", record.fields)
        else:
            writer.add("observations", _observation_row(record))


def _reject_row(reject: Reject) -> dict[str, Any]:
    raw = (
        reject.raw
        if isinstance(reject.raw, str)
        else json.dumps(reject.raw, ensure_ascii=False, default=str)
    )
    return {
        "row_ref": reject.row_ref,
        "reason": reject.reason,
        "detail": reject.detail,
        "raw": raw,
    }


def _observation_row(obs: Observation) -> dict[str, Any]:
    return {
        "obs_id": obs.obs_id,
        "metric": obs.metric,
        "value": obs.value,
        "low": obs.low,
        "high": obs.high,
        "qualifier": obs.qualifier.value,
        "unit": obs.unit,
        "currency": obs.currency,
        "period_start": obs.period_start,
        "period_end": obs.period_end,
        "geography": obs.geography,
        "segment_type": obs.segment_type,
        "segment": obs.segment,
        "status": obs.status.value,
        "source_id": obs.source_id,
        "locator": obs.locator,
        "equivalent_of": obs.equivalent_of,
        "note": obs.note,
    }


def _source_row(source: Source) -> dict[str, Any]:
    return {
        "source_id": source.source_id,
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published,
        "url": source.url,
        "language": source.language,
        "licence": source.licence,
        "note": source.note,
    }
