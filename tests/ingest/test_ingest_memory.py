"""Flat ingest memory: DuckDB's memory limit for a load (chosen from the machine, or given)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from sectorlens.errors import UsageError
from sectorlens.ingest import Context
from sectorlens.store import memory
from sectorlens.store.memory import (
    checking_threads,
    default_limit,
    limit_memory,
    parse_size,
    restore_limit,
    streaming_limit,
)

MiB = 2**20
ITJUZI = (
    "公司名称,工商名称,公司网址,成立时间,地点,运营状态,行业,子行业,融资时间,轮次,融资金额,投资方\n"
    "公司甲,,,,北京-海淀区,,硬件,机器人,2018-01-02,A轮,100万人民币,-\n"
)


@pytest.mark.parametrize(
    ("text", "size"),
    [("512MB", 512 * 10**6), ("1GiB", 2**30), ("2.5gb", 25 * 10**8), (" 300 MiB ", 300 * MiB)],
)
def test_sizes_are_read_with_their_units(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lots", "is not a size"),
        ("512", "is not a size"),  # a unit is required: bytes or megabytes?
        ("-1GB", "is not a size"),
        ("1MB", "is too small"),
    ],
)
def test_a_bad_size_is_one_usage_error(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_size(text)


@pytest.mark.parametrize(
    ("total", "limit"),
    [
        (None, 256 * MiB),  # memory unknown: the ceiling (DuckDB's own default is larger)
        (256 * MiB, 64 * MiB),  # a tiny container: the floor
        (1536 * MiB, 192 * MiB),  # an eighth
        (64 * 2**30, 256 * MiB),  # a large one: the ceiling (the load streams)
    ],
)
def test_the_default_limit_follows_the_machine(
    total: int | None, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memory, "machine_memory", lambda: total)
    assert default_limit() == limit


def test_this_machine_has_a_default_within_bounds() -> None:
    assert memory.FLOOR <= default_limit() <= memory.CEILING


def test_the_limit_is_set_on_duckdb(monkeypatch: pytest.MonkeyPatch) -> None:
    con = duckdb.connect()
    assert limit_memory(con, "300MiB") == 300 * MiB
    assert con.execute("SELECT current_setting('memory_limit')").fetchone() == ("300.0 MiB",)
    monkeypatch.setattr(memory, "machine_memory", lambda: 1536 * MiB)
    assert limit_memory(con) == 192 * MiB
    assert con.execute("SELECT current_setting('memory_limit')").fetchone() == ("192.0 MiB",)


def test_cli_ingest_sets_the_limit_given_or_the_default(
    tmp_path: Path, cli: Callable[..., object], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(ITJUZI, "utf-8")
    seen: list[object] = []

    def spy(con: duckdb.DuckDBPyConnection, limit: str | int | None = None) -> int:
        seen.append(limit)
        return limit_memory(con, limit)

    monkeypatch.setattr(memory, "limit_memory", spy)
    first = cli("ingest", str(path), "--db", str(tmp_path / "a.duckdb"))
    second = cli("ingest", str(path), "--db", str(tmp_path / "b.duckdb"), "--memory-limit", "1GB")
    assert (first.exit_code, second.exit_code) == (0, 0)  # type: ignore[attr-defined]
    assert seen == [None, 10**9]  # the machine's default, then the one given


@pytest.mark.parametrize("value", ["lots", "10MB"])
def test_cli_bad_memory_limit_is_one_line_and_opens_nothing(
    value: str, tmp_path: Path, cli: Callable[..., object]
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(ITJUZI, "utf-8")
    db = tmp_path / "store.duckdb"
    result = cli("ingest", str(path), "--db", str(db), "--memory-limit", value)
    assert result.exit_code != 0  # type: ignore[attr-defined]
    assert f"--memory-limit '{value}'" in result.stderr  # type: ignore[attr-defined]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr  # type: ignore[attr-defined]
    assert not db.exists()


@pytest.mark.parametrize(
    ("limit", "threads", "expected"),
    [("128MiB", 16, 4), ("1GiB", 16, 16), ("1GiB", 2, 2), ("64MiB", 8, 2), ("10MB", 8, 1)],
)
def test_end_of_load_checks_get_a_thread_per_32_mib(
    limit: str, threads: int, expected: int
) -> None:
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{limit}'")
    checking_threads(con, threads)
    assert con.execute("SELECT current_setting('threads')").fetchone() == (expected,)
    checking_threads(con, None)  # nothing to give back: unchanged
    assert con.execute("SELECT current_setting('threads')").fetchone() == (expected,)


def test_cli_ingest_has_arrow_allocate_through_malloc_unless_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pyarrow as pa

    from sectorlens.cli.ingest import _system_allocator

    before = pa.default_memory_pool()
    try:
        pa.set_memory_pool(pa.mimalloc_memory_pool())
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "mimalloc")
        _system_allocator()  # the user's choice stands
        assert pa.default_memory_pool().backend_name == "mimalloc"
        monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL")
        _system_allocator()
        assert pa.default_memory_pool().backend_name == "system"
    finally:
        pa.set_memory_pool(before)


@pytest.mark.parametrize(
    ("limit", "streaming", "back"),
    [
        ("256MiB", "128.0 MiB", "256.0 MiB"),  # lowered while the rows stream, then given back
        ("2GiB", "1.0 GiB", "2.0 GiB"),  # a larger limit given: half of it for the stream
        ("100MiB", "100.0 MiB", "100.0 MiB"),  # already below: left alone
    ],
)
def test_a_load_streams_under_a_lower_limit_and_gets_its_own_back(
    limit: str, streaming: str, back: str
) -> None:
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{limit}'")
    previous = streaming_limit(con)
    assert con.execute("SELECT current_setting('memory_limit')").fetchone() == (streaming,)
    restore_limit(con, previous)
    assert con.execute("SELECT current_setting('memory_limit')").fetchone() == (back,)


def test_end_of_load_checks_and_commit_run_under_the_streaming_limit(
    tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sectorlens.ingest import run
    from sectorlens.store import connect

    # with the whole limit back, DuckDB's cache of the blocks the checks read grew with the
    # file until the commit (itjuzi through the CLI: 463 MiB peak at 3M rows, 382 at 1M)
    path = tmp_path / "export.csv"
    path.write_text(ITJUZI, "utf-8")
    con = connect(tmp_path / "store.duckdb")
    con.execute("SET memory_limit = '256MiB'")
    seen: list[object] = []
    flag = run.flag_implausible

    def spy(con: duckdb.DuckDBPyConnection, load_id: str) -> int:
        seen.extend(con.execute("SELECT current_setting('memory_limit')").fetchall())
        return flag(con, load_id)

    monkeypatch.setattr(run, "flag_implausible", spy)
    finish = run.finish_load

    def spy_finish(con: duckdb.DuckDBPyConnection, *args: object) -> None:
        seen.extend(con.execute("SELECT current_setting('memory_limit')").fetchall())
        finish(con, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "finish_load", spy_finish)
    (result,) = run.ingest(con, [path], context=ctx)
    assert result.deals == 1
    assert seen == [("128.0 MiB",), ("128.0 MiB",)]
    assert con.execute("SELECT current_setting('memory_limit')").fetchone() == ("256.0 MiB",)
    con.close()


def _resident_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MiB


@pytest.mark.skipif(
    memory._malloc_trim() is None or not Path("/proc/self/statm").exists(),
    reason="glibc's malloc_trim and /proc are Linux-only",
)
def test_release_heap_gives_freed_memory_back() -> None:
    # 64 MiB of blocks the C heap serves (above pymalloc's sizes, below malloc's mmap
    # threshold), all freed but the last, which pins the heap's top: free() keeps the rest mapped
    blocks = [bytearray(4096) for _ in range(16_384)]
    last = blocks[-1]
    del blocks
    before = _resident_mib()
    memory.release_heap()
    after = _resident_mib()
    assert last is not None
    assert before - after > 32, (before, after)


def test_release_heap_is_harmless_without_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    memory.release_heap()  # no C library function: nothing happens, nothing raised
    assert memory._malloc_trim() is None


def test_rows_of_small_batches_leave_memory_as_row_groups_fill(tmp_path: Path) -> None:
    import pyarrow as pa

    from sectorlens.store import connect
    from sectorlens.store.load import DEFAULT_CHUNK_ROWS, LoadWriter

    # Under a memory limit DuckDB does not keep the full row groups (122,880 rows) of an open
    # transaction in memory, whatever the size of the inserts that filled them: batches need not
    # be row groups (a batch of a row group held ~120 MiB of Arrow, outside any limit, at 1M
    # itjuzi rows). Without a limit, three row groups stayed: 62 MiB
    assert DEFAULT_CHUNK_ROWS < 122_880
    rows = 3 * 122_880
    raw = "x" * 120
    con = connect(tmp_path / "store.duckdb")
    con.execute("SET memory_limit = '128MiB'")
    con.begin()
    with LoadWriter(con, "load-1") as writer:
        for start in range(0, rows, 4096):
            n = min(4096, rows - start)
            refs = [f"L{start + i}" for i in range(n)]
            table = {"row_ref": refs, "reason": ["empty_row"] * n, "raw": [raw + r for r in refs]}
            writer.add_table("rejects", pa.table(table))
        writer.flush()
    held = con.execute(
        "SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'"
    ).fetchone()
    assert con.execute("SELECT count(*) FROM rejects").fetchone() == (rows,)
    con.commit()
    con.close()
    # three row groups of ~130-byte rows are ~48 MiB: at most about one is still held
    assert held is not None and held[0] < 24 * MiB, held
