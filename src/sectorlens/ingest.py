"""Ingest: files → adapter → normalized tables → store, one atomic, idempotent load per file.

A file is read in chunks of rows; the adapter turns each chunk into deal and company tables
(normalized column by column) and rejects. Every input row ends in exactly one disposition,
counted in ``loads``: a deal row, a company row, an observation row or a reject (rows_read =
deals + companies + observations + rejects). A row that yields a company *and* its round
(itjuzi) is a deal row; its company is still stored. A deal already in the store from an earlier
load (same company, date, round and amount — the same export in another format, or again in a
later export) is a ``duplicate_deal`` reject naming the stored deal; its company is still stored.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from sectorlens.errors import InputError, SectorlensError, UsageError
from sectorlens.fx import FxRates
from sectorlens.model import Company, Deal, Observation, Reject, Source
from sectorlens.sources import ADAPTERS, Adapter, GenericAdapter, Options, load_mapping
from sectorlens.sources.base import Batch
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.gazetteer import Gazetteer
from sectorlens.sources.normalize import Normalizer, Tally
from sectorlens.sources.readers import CHUNK_ROWS, FileInfo, inspect, open_table
from sectorlens.sources.taxonomy import Taxonomy
from sectorlens.store.load import (
    DEFAULT_CHUNK_ROWS,
    LoadWriter,
    StoredDeals,
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
            with _fewer_collections():
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


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run Python's cycle collector less often while a file loads, as it was afterwards.

    The csv reader allocates a list per row, freed by reference counting as soon as its chunk is
    done; the collector's frequent passes over them find nothing and cost a tenth of the time.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 100_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


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
    reading = min(chunk_rows, CHUNK_ROWS)
    adapter = cls(norm, Options(today=today, mapping=mapping, chunk_rows=reading))
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
    _header, chunks = adapter.extract(info, report)
    if preview:
        _run(adapter, chunks, result, None, None, preview)
        return result
    assert con is not None
    stored = StoredDeals(con, label)
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
            _run(adapter, chunks, result, writer, stored, 0)
            writer.flush()
        finish_load(con, load_id, _counts(result))
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        stored.close()
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
    chunks: Iterator[Chunk],
    result: LoadResult,
    writer: LoadWriter | None,
    stored: StoredDeals | None,
    sample: int,
) -> None:
    raws = _RawRows()
    for chunk in chunks:
        result.rows_read += len(chunk)
        batch = adapter.transform(chunk)
        _dedupe(batch, stored)
        _dispose(batch, result, writer, sample, raws)
    for record in adapter.finish():
        if isinstance(record, Source) and writer is not None:
            writer.add("sources", _source_row(record))


def _dedupe(batch: Batch, stored: StoredDeals | None) -> None:
    """A deal already in the store (from an earlier load, e.g. the same export in another
    format) is not stored again: its row is a ``duplicate_deal`` reject naming the stored deal."""
    if stored is None or batch.deals is None:
        return
    found = stored.find(batch.deals)
    if found:
        for k, deal_id in found.items():
            batch.rejects[batch.deal_rows[k]] = ("duplicate_deal", f"same deal as {deal_id}")
        keep = [k for k in range(batch.deals.num_rows) if k not in found]
        batch.deals = batch.deals.take(pa.array(keep, pa.int64()))
        batch.deal_rows = [batch.deal_rows[k] for k in keep]


class _RawRows:
    """The JSON text of rejected rows (a reject's raw row); a row repeated in a file, say a
    company named again, is encoded once."""

    def __init__(self, limit: int = 10_000) -> None:
        self._done: dict[tuple[str, ...], str] = {}
        self._limit = limit

    def __call__(self, chunk: Chunk, i: int) -> str:
        key = chunk.cells_of(i)
        found = None if key is None else self._done.get(key)
        if found is None:
            found = json.dumps(chunk.values_of(i), ensure_ascii=False, default=str)
            if key is not None:
                if len(self._done) >= self._limit:
                    self._done.clear()  # bounded memory; the text does not depend on it
                self._done[key] = found
        return found


def _dispose(
    batch: Batch, result: LoadResult, writer: LoadWriter | None, sample: int, raws: _RawRows
) -> None:
    chunk = batch.chunk
    rejects = batch.rejects
    deals = {r for r in batch.deal_rows if r not in rejects}
    companies = {r for r in batch.company_rows if r not in rejects and r not in deals}
    observations = {r for r in batch.observation_rows if r not in rejects}
    observations -= deals | companies
    counted = len(rejects) + len(deals) + len(companies) + len(observations)
    if counted != len(chunk) or any(i >= len(chunk) for i in rejects):
        raise SectorlensError(
            f"rows from {_first_ref(batch)} on: {len(chunk)} rows but {counted} dispositions"
        )
    result.deals += len(deals)
    result.companies += len(companies)
    result.observations += len(observations)
    for reason, _detail in rejects.values():
        result.rejects[reason] += 1
    if len(result.sample) < sample or len(result.sample_rejects) < sample:
        _take_samples(batch, result, sample)
    if writer is None:
        return
    if batch.deals is not None:
        writer.add_table("deals", batch.deals)
    if batch.companies is not None:
        writer.add_table("companies", batch.companies)
    for record in batch.records:
        if isinstance(record, Source):
            writer.add("sources", _source_row(record))
        else:
            writer.add("observations", _observation_row(record))
    if rejects:
        rows = sorted(rejects)
        raw = [raws(chunk, i) for i in rows]
        table = {
            "row_ref": [chunk.refs[i] for i in rows],
            "reason": [rejects[i][0] for i in rows],
            "detail": [rejects[i][1] for i in rows],
            "raw": raw,
        }
        writer.add_table("rejects", pa.table(table, schema=_REJECTS))


_REJECTS = pa.schema([(name, pa.string()) for name in ("row_ref", "reason", "detail", "raw")])


def _first_ref(batch: Batch) -> str:
    """The first row reference of a batch, to name it in an error."""
    return batch.chunk.refs[0] if len(batch.chunk) else "an empty chunk"


def _take_samples(batch: Batch, result: LoadResult, sample: int) -> None:
    found: list[tuple[int, int, Deal | Company | Observation]] = []
    if batch.companies is not None:
        for k, fields in enumerate(batch.companies.slice(0, sample).to_pylist()):
            company = Company(fields["company_id"], fields["name"], fields["row_ref"], fields)
            found.append((batch.company_rows[k], 0, company))
    if batch.deals is not None:
        for k, fields in enumerate(batch.deals.slice(0, sample).to_pylist()):
            deal = Deal(fields["deal_id"], fields["row_ref"], fields["company_id"], fields)
            found.append((batch.deal_rows[k], 1, deal))
    found.extend((0, 2, r) for r in batch.records[:sample] if isinstance(r, Observation))
    for _row, _kind, record in sorted(found, key=lambda x: (x[0], x[1])):
        if len(result.sample) < sample:
            result.sample.append(record)
    for i, (reason, detail) in sorted(batch.rejects.items()):
        if len(result.sample_rejects) >= sample:
            break
        chunk = batch.chunk
        result.sample_rejects.append(Reject(chunk.refs[i], reason, chunk.values_of(i), detail))


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
