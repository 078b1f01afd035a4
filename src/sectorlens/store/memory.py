"""DuckDB's memory limit for a load: chosen from the machine, or given (``--memory-limit``).

Without one DuckDB may use 80% of the machine's memory and keeps every block a load wrote
cached in it, so the peak RSS of an ingest grows with the file. A load streams: its blocks are
written to the store file as they fill and are not read again, so a small buffer pool costs it
nothing, and a larger one only lets the peak grow with the file (an itjuzi export through the
CLI with 512 MiB: 474 MiB peak RSS at 250k rows, 563 MiB at 1M). The default is an eighth of
the machine's memory (of the cgroup's limit, where one is set), at least 64 MiB and at most
256 MiB. While the rows stream in, the limit is at most ``STREAM_LIMIT`` (``streaming_limit``):
under 256 MiB DuckDB's cache of the blocks it had written still grew by ~44 MiB per million rows
(itjuzi through the CLI: 620 MiB peak RSS at 1M rows, 675 MiB at 3M). The checks at the end of
the load and the commit run under it too, and the limit comes back after the commit: with the
whole limit, DuckDB's cache of the blocks the checks read grew with the file (463 MiB peak RSS at
3M itjuzi rows, 382 at 1M). They fit since none of their joins hashes the deals (the rates they
join are Arrow tables of known size; ``ingest.checks``, ``store.plausibility``).
"""

from __future__ import annotations

import ctypes
import functools
import os
import re
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import duckdb

from sectorlens.errors import UsageError

MIN_LIMIT = 64 * 2**20  # DuckDB cannot load a batch with much less
FLOOR, CEILING = MIN_LIMIT, 256 * 2**20
STREAM_LIMIT = 128 * 2**20
_UNITS = {
    "b": 1,
    "kb": 10**3,
    "mb": 10**6,
    "gb": 10**9,
    "tb": 10**12,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes of a size such as ``512MB``, ``1GiB``, ``2.5GB``; UsageError in one line otherwise."""
    found = _SIZE.match(text)
    if found is None:
        raise UsageError(
            f"--memory-limit {text!r} is not a size: give a number and a unit, e.g. 512MB or 2GiB"
        )
    size = int(float(found.group(1)) * _UNITS[found.group(2).lower()])
    if size < MIN_LIMIT:
        raise UsageError(f"--memory-limit {text!r} is too small: at least {MIN_LIMIT >> 20}MiB")
    return size


def machine_memory() -> int | None:
    """Bytes of memory this process may use: the cgroup's limit, else the physical memory."""
    total = None
    with suppress(AttributeError, ValueError, OSError):
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = Path(path).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text.isdigit() and (total is None or int(text) < total):
            total = int(text)
    return total


def default_limit(total: int | None = None) -> int:
    """The memory limit of a load on a machine with ``total`` bytes (this one when None)."""
    total = machine_memory() if total is None else total
    if not total:
        return CEILING
    return max(FLOOR, min(CEILING, total // 8))


def limit_memory(con: duckdb.DuckDBPyConnection, limit: str | int | None = None) -> int:
    """Set DuckDB's memory limit of ``con``'s store: ``limit`` (a size text or bytes), else the
    machine's default. Returns the bytes set."""
    size = default_limit() if limit is None else limit
    if isinstance(size, str):
        size = parse_size(size)
    con.execute(f"SET memory_limit = '{max(1, size // 1024)}KiB'")
    return size


def streaming_limit(con: duckdb.DuckDBPyConnection) -> str | None:
    """Lower DuckDB's memory limit while a load streams in: to ``STREAM_LIMIT``, or half the
    limit where that is more (a larger ``--memory-limit`` still gives the stream more). Returns
    the setting to give back (``restore_limit``), None when it was left as it was."""
    found = con.execute("SELECT current_setting('memory_limit')").fetchone()
    text = "" if found is None else str(found[0])
    try:
        size = parse_size(text)
    except UsageError:
        return None  # below what a user may give, or no limit DuckDB names: left alone
    lower = max(STREAM_LIMIT, size // 2)
    if lower >= size:
        return None
    con.execute(f"SET memory_limit = '{lower // 1024}KiB'")
    return text


def restore_limit(con: duckdb.DuckDBPyConnection, text: str | None) -> None:
    """Give back the memory limit ``streaming_limit`` lowered (no-op for None)."""
    if text is not None:
        con.execute(f"SET memory_limit = '{text}'")


def single_thread(con: duckdb.DuckDBPyConnection) -> int | None:
    """Make DuckDB work on one thread while a load streams in; the setting to restore after.

    An insert from one Arrow stream gains nothing from more threads (the chunks are made in
    Python, one at a time); DuckDB's other threads cost a tenth of a load's CPU time in
    coordination (benchmarks/ingest.py). Queries over the whole store (the checks at the end of
    a load) should run after ``restore_threads``.
    """
    try:
        found = con.execute("SELECT current_setting('threads')").fetchone()
        con.execute("SET threads = 1")
    except duckdb.Error:
        return None
    return None if found is None else int(found[0])


def restore_threads(con: duckdb.DuckDBPyConnection, threads: int | None) -> None:
    """Give DuckDB back the threads ``single_thread`` took (no-op for None)."""
    if threads is not None:
        con.execute(f"SET threads = {int(threads)}")


#: DuckDB memory per thread for the checks at the end of a load (hash tables, sorts)
THREAD_MEMORY = 32 * 2**20


def checking_threads(con: duckdb.DuckDBPyConnection, threads: int | None) -> None:
    """Give the checks at the end of a load (queries over the whole store) the store's
    ``threads`` back, but at most one per ``THREAD_MEMORY`` of DuckDB's memory limit: each
    thread holds its own hash tables, and many of them under a small limit would spill or fail.
    """
    if threads is None:
        return
    found = con.execute("SELECT current_setting('memory_limit')").fetchone()
    try:
        limit = parse_size(str(found[0])) if found else None
    except UsageError:
        limit = None  # below the sizes a user may give: one thread
    cap = 1 if limit is None else max(1, limit // THREAD_MEMORY)
    con.execute(f"SET threads = {max(1, min(int(threads), cap))}")


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_heap() -> None:
    """Give the C heap's free pages back to the system (glibc; elsewhere nothing happens).

    A load frees its Arrow batches and csv rows on two threads, each with a malloc arena of its
    own; what they free stays mapped (fragmented: ~100 MiB at 1M itjuzi rows, ~200 at 3M) and
    counted in the peak RSS unless the heap is trimmed now and then.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
