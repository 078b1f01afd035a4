"""The query routes' turn-taking: requests served in the order they came, on at most the
runner's threads, a kept chart answer without a thread, and Busy past the time limit."""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import duckdb
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from sectorlens.web.runner import Busy, QueryRunner

T = TypeVar("T")


def _run(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``asyncio.run(main())`` on a thread of its own (a test before may leave an event loop
    running on this one, as Playwright's synchronous API does)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(main())).result(timeout=60)


def _runner(threads: int, timeout: float = 5.0) -> tuple[QueryRunner, duckdb.DuckDBPyConnection]:
    con = duckdb.connect(":memory:")
    return QueryRunner(con, workers=threads, threads=threads, timeout=timeout), con


def test_requests_run_in_the_order_they_came() -> None:
    runner, con = _runner(1)
    started: list[int] = []
    gate = threading.Event()

    def job(i: int) -> int:
        if i == 0:
            gate.wait(5)  # the others queue up meanwhile
        started.append(i)
        return i * 10

    async def main() -> list[int]:
        calls = []
        for i in range(8):
            calls.append(asyncio.ensure_future(runner.call(functools.partial(job, i))))
            await asyncio.sleep(0)  # each one queued before the next comes
        await asyncio.sleep(0.05)
        gate.set()
        return list(await asyncio.gather(*calls))

    try:
        assert _run(main) == [i * 10 for i in range(8)]
        assert started == list(range(8))
    finally:
        runner.close()
        con.close()


def test_no_more_requests_run_at_once_than_there_are_threads() -> None:
    runner, con = _runner(2)
    running, most = [0], [0]
    lock = threading.Lock()

    def job() -> str:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        return threading.current_thread().name

    async def main() -> list[str]:
        return list(await asyncio.gather(*(runner.call(job) for _ in range(10))))

    try:
        names = _run(main)
        assert most[0] <= 2
        assert len(set(names)) <= 2
    finally:
        runner.close()
        con.close()


def test_a_request_that_waited_past_the_time_limit_is_busy_and_never_runs() -> None:
    runner, con = _runner(1, timeout=0.2)
    ran: list[str] = []

    def slow() -> str:
        time.sleep(0.5)
        ran.append("slow")
        return "slow"

    def late() -> str:
        ran.append("late")
        return "late"

    async def main() -> list[Any]:
        first = asyncio.ensure_future(runner.call(slow))
        await asyncio.sleep(0)
        second = asyncio.ensure_future(runner.call(late))
        return list(await asyncio.gather(first, second, return_exceptions=True))

    try:
        first, second = _run(main)
        assert first == "slow"
        assert isinstance(second, Busy) and "busy" in str(second)
        assert ran == ["slow"]
        # the thread lives on: the next request runs
        assert _run(lambda: runner.call(late)) == "late"
    finally:
        runner.close()
        con.close()


def test_an_error_in_the_thread_reaches_the_caller() -> None:
    runner, con = _runner(1)

    def broken() -> None:
        raise ValueError("no such thing")

    try:
        with pytest.raises(ValueError, match="no such thing"):
            _run(lambda: runner.call(broken))
    finally:
        runner.close()
        con.close()


def test_peek_gives_a_kept_value_only() -> None:
    runner, con = _runner(1)
    try:
        assert runner.peek(("k",)) is None
        assert runner.remember(("k",), lambda: b"kept") == b"kept"
        assert runner.peek(("k",)) == b"kept"
        assert runner.peek(("other",)) is None
    finally:
        runner.close()
        con.close()


def test_a_kept_chart_answer_is_served_without_a_thread(
    web_app: FastAPI, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "/api/charts/deals_by_year.json?where=year>=2016&currency=USD&lang=en"
    first = client.get(url)
    assert first.status_code == 200

    async def no_thread(_fn: Any) -> Any:
        raise AssertionError("a kept answer went to a thread")

    monkeypatch.setattr(web_app.state.site.runner, "call", no_thread)
    again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    # a new filter combination is not kept: it goes to a thread
    with pytest.raises(AssertionError, match="went to a thread"):
        client.get(url.replace("2016", "2017"))
