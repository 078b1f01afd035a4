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
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from sectorlens.errors import InputError, SectorlensError, StoreError, UsageError
from sectorlens.fx import FxRates
from sectorlens.ingest.checks import check_format, flag_implausible, screen
from sectorlens.ingest.dispositions import RawRows, dedupe, dispose, source_row
from sectorlens.ingest.text import printable
from sectorlens.model import Company, Deal, Observation, Reject, Source
from sectorlens.sources import ADAPTERS, Adapter, GenericAdapter, Options, load_mapping
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.gazetteer import Gazetteer
from sectorlens.sources.normalize import Normalizer, Tally
from sectorlens.sources.readers import CHUNK_ROWS, FileInfo, inspect, open_table
from sectorlens.sources.seen import SeenIds
from sectorlens.sources.taxonomy import Taxonomy
from sectorlens.store import assign_company_keys
from sectorlens.store.companies import SpilledIds
from sectorlens.store.load import DEFAULT_CHUNK_ROWS, LoadWriter
from sectorlens.store.loads import (
    StoreSize,
    drop_loads,
    existing_load,
    finish_load,
    loads_of_file,
    no_space,
    start_load,
)
from sectorlens.store.memory import (
    checking_threads,
    release_heap,
    restore_limit,
    restore_threads,
    single_thread,
    streaming_limit,
)
from sectorlens.store.plausibility import flag_above_market, implausible_count, uncovered_years
from sectorlens.store.reference import subject_folders
from sectorlens.store.stored_deals import StoredDeals
from sectorlens.subjects import world_directories

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
    encoding: str = "utf-8"  # how the text was decoded, e.g. "gb18030 (detected)"
    implausible: int = 0  # deals flagged implausible_amount (kept, left out of aggregates)
    above_market: dict[str, int] = field(default_factory=dict)  # of them, per subject's market
    no_market: dict[str, dict[int, int]] = field(default_factory=dict)  # years without a figure
    replaced: list[str] = field(default_factory=list)  # earlier loads of the file, removed

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
    def default(cls, subjects: Sequence[Path] = ()) -> Context:
        """ECB rates, and the places and sector taxonomies of the bundled subjects and of the
        data-set folders ``subjects`` (those a store holds)."""
        folders = world_directories(subjects)
        return cls(FxRates(), Gazetteer.load(subjects=folders), Taxonomy.load(subjects=folders))


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
    encoding: str | None = None,
    replace: bool = False,
) -> list[LoadResult]:
    """Ingest ``paths`` (each its own transaction); with ``preview`` > 0 nothing is written.

    ``encoding`` forces the text encoding of every file (else detected); ``replace`` removes the
    earlier loads of the same file (same path) in the same transaction as the new load."""
    if not paths:
        raise UsageError("no input files given")
    if not preview and con is None:
        raise UsageError("a store connection is needed unless previewing")
    mapping = _mapping(source)
    ctx = context or Context.default(subject_folders(con) if con is not None else ())
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
                    encoding=encoding,
                    replace=replace,
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
    header, _ = open_table(path, info)
    if source != "auto":
        named = ADAPTERS[source]
        if not named.detect(header, path):
            shown = printable(", ".join(header[:8]) + (" …" if len(header) > 8 else ""))
            raise InputError(
                f"{printable(str(path))}: this does not look like an {source} export (its header: "
                f"{shown}); try `--source auto` or a mapping (--source MAPPING.toml)"
            )
        return named
    for cls in ADAPTERS.values():
        if cls.detect(header, path):
            return cls
    shown = printable(", ".join(header[:8]) + (" …" if len(header) > 8 else ""))
    raise InputError(
        f"{printable(str(path))}: cannot tell the export format from its header ({shown}); "
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
    encoding: str | None = None,
    replace: bool = False,
) -> LoadResult:
    if not path.is_file():
        raise InputError(f"{printable(str(path))}: no such file")
    forced = encoding or (mapping or {}).get("source", {}).get("encoding")
    info = inspect(path, forced)
    cls = choose_adapter(path, info, source)
    norm = Normalizer(ctx.fx, ctx.gazetteer, ctx.taxonomy)
    reading = min(chunk_rows, CHUNK_ROWS)
    adapter = cls(norm, Options(today=today, mapping=mapping, chunk_rows=reading, encoding=forced))
    label = getattr(adapter, "label", adapter.name)
    settings = f"{adapter.fingerprint()}:{info.encoding.name}" if forced else adapter.fingerprint()
    digest = hashlib.sha256(f"{info.sha256}:{settings}".encode()).hexdigest()
    load_id = f"{label}-{digest[:16]}"
    result = LoadResult(path, load_id, label, "preview" if preview else "loaded", tally=norm.tally)
    result.encoding = info.encoding.label
    earlier: list[str] = []
    if not preview:
        assert con is not None
        found = existing_load(con, load_id)
        if replace:
            earlier = loads_of_file(con, str(path.resolve()), info.sha256)
        elif found is not None:
            result.status, result.previous_path = "skipped", str(found[1])
            return result
    report = None if progress is None else (lambda done: progress(path, done, info.size))
    _header, chunks = adapter.extract(info, report)
    if preview:
        _run(adapter, chunks, result, None, None, preview)
        return result
    assert con is not None
    size = StoreSize(con)
    stored = StoredDeals(con, label, exclude=earlier)
    ledger = SpilledIds(con)  # the load's company ids beyond a bounded set (sources.seen)
    adapter.seen = SeenIds(ledger)
    con.begin()
    threads = single_thread(con)
    limit = streaming_limit(con)  # DuckDB's cache of written blocks would grow with the file
    try:
        if earlier:
            drop_loads(con, earlier)
            result.replaced = earlier
        options = json.dumps(
            {
                "source": source,
                "fingerprint": adapter.fingerprint(),
                "encoding": info.encoding.label,
                **adapter.load_options(),
            },
            ensure_ascii=False,
        )
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
        # the checks below read the whole store beside the transaction's rows DuckDB holds,
        # under the streaming limit still (with the whole limit, DuckDB's cache of the blocks
        # they read grew with the file until the commit); the C heap the stream freed goes back
        # to the system first, so that the two peaks do not add up
        release_heap()
        checking_threads(con, threads)
        result.implausible = flag_implausible(con, load_id)
        result.above_market = flag_above_market(con, load_id=load_id)
        result.no_market = uncovered_years(con, load_id)
        if result.above_market:
            result.implausible = implausible_count(con, load_id)
        assign_company_keys(con)
        finish_load(con, load_id, _counts(result))
        con.commit()
        restore_threads(con, threads)
        threads = None
    except BaseException as exc:
        _rollback(con)
        with suppress(duckdb.Error):  # the limit the user gave, for the message below
            restore_limit(con, limit)
            limit = None
        if no_space(exc):
            size.full = True
            raise StoreError(
                f"no space left on {size.path or 'the store device'}; the store is unchanged"
            ) from exc
        if isinstance(exc, duckdb.OutOfMemoryException):
            raise StoreError(
                f"the load needs more memory than DuckDB's limit ({_memory_limit(con)}): give "
                "a larger --memory-limit; the store is unchanged"
            ) from exc
        if isinstance(exc, duckdb.Error):
            raise StoreError(
                f"the load failed in the store ({str(exc).splitlines()[0]}); the store is unchanged"
            ) from exc
        raise
    finally:
        with suppress(duckdb.Error):  # after the rollback, when the load failed
            restore_threads(con, threads)
        with suppress(duckdb.Error):
            restore_limit(con, limit)
        stored.close()
        ledger.close()
        size.restore()
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
    raws = RawRows()
    for chunk in chunks:
        result.rows_read += len(chunk)
        batch = adapter.transform(chunk)
        screen(batch, adapter.norm)
        dedupe(batch, stored)
        dispose(batch, result, writer, sample, raws)
    check_format(result.source_format, result.rows_read, result.rejects, str(result.path))
    for record in adapter.finish():
        if isinstance(record, Source) and writer is not None:
            writer.add("sources", source_row(record))


def _memory_limit(con: duckdb.DuckDBPyConnection) -> str:
    """DuckDB's memory limit as it names it (``96.0 MiB``), or "unknown"."""
    with suppress(duckdb.Error):
        found = con.execute("SELECT current_setting('memory_limit')").fetchone()
        if found:
            return str(found[0])
    return "unknown"


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    with suppress(duckdb.Error):  # the transaction may be gone (DuckDB aborts it on some errors)
        con.rollback()
