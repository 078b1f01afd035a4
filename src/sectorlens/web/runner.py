"""Running web queries on the read-only store: a pool of cursors, a time limit, a result cache.

Each request borrows one cursor (its own DuckDB connection to the same database) wrapped in an
Ibis engine, so concurrent requests never share a connection. The dashboard's and the API's
query routes run on a few threads of their own (:meth:`QueryRunner.call`: one per CPU core, at
most one per cursor), which take the requests in the order they came. (Handed to the event
loop's thread pool instead, every request got a thread that waited for a cursor and for the
interpreter's lock among twenty others: which one ran next was left to chance, so a request
could wait for many that came after it — a slow tail — and each hand-over woke a thread.)
One watchdog thread interrupts a query that runs past the time limit (a timer thread per
request cost a thread start each). The store is opened read-only, and DuckDB lets no other
process write to a file while it is open, so results cannot go stale while the server runs:
identical requests are answered from an LRU cache bounded in bytes (:func:`size_of` estimates
an answer's size: Arrow buffers, strings and containers), not in entries, so a few large
answers cannot fill the memory.
"""

from __future__ import annotations

import asyncio
import os
import queue
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import duckdb
import ibis.expr.types as ir
import orjson
import pyarrow as pa

from sectorlens.errors import SectorlensError
from sectorlens.metrics import Engine, from_duckdb

T = TypeVar("T")


class QueryTimeout(SectorlensError):
    """A query ran past the server's time limit and was interrupted."""


class Busy(SectorlensError):
    """Every connection stayed busy for the whole time limit."""


class _StaticEngine(Engine):
    """An engine that looks each table's schema up once (the served store cannot change)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        base = from_duckdb(con)
        super().__init__(base.backend, base.name)
        self._tables: dict[str, ir.Table] = {}

    def table(self, name: str) -> ir.Table:
        """The store table ``name`` (cached Ibis expression)."""
        if name not in self._tables:
            self._tables[name] = super().table(name)
        return self._tables[name]


class Watchdog:
    """One daemon thread that runs actions whose deadline passed (started on first use).

    The thread sleeps until the earliest deadline, but never longer than ``poll`` seconds, so
    that arming a deadline further away than its next wake-up needs no wake-up of the thread
    (a thread switch per request otherwise); each wake-up then sleeps until the deadlines it
    finds, so none runs late.
    """

    def __init__(self, poll: float = 0.5) -> None:
        self._cond = threading.Condition()
        self._due: dict[int, tuple[float, Callable[[], None]]] = {}
        self._count = 0
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._poll = poll
        self._wakes_at: float | None = None  # when the sleeping thread wakes (None: not asleep)

    def arm(self, seconds: float, action: Callable[[], None]) -> int:
        """Run ``action`` in ``seconds`` unless :meth:`disarm` is called first; its token."""
        with self._cond:
            self._count += 1
            at = time.monotonic() + seconds
            # woken only when this deadline comes before the thread's own next wake-up
            wake = self._wakes_at is None or at < self._wakes_at
            self._due[self._count] = (at, action)
            if self._thread is None and not self._stopped:
                self._thread = threading.Thread(
                    target=self._run, name="sectorlens-query-watchdog", daemon=True
                )
                self._thread.start()
            if wake:
                self._cond.notify()
            return self._count

    def disarm(self, token: int) -> None:
        """Forget the action of ``token`` (nothing when it already ran)."""
        with self._cond:
            self._due.pop(token, None)

    def stop(self) -> None:
        """End the thread (armed actions are dropped)."""
        with self._cond:
            self._stopped = True
            self._due.clear()
            self._cond.notify()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=5)

    def _run(self) -> None:
        with self._cond:
            while not self._stopped:
                now = time.monotonic()
                for token in [t for t, (at, _) in self._due.items() if at <= now]:
                    self._due.pop(token)[1]()
                nxt = min((at for at, _ in self._due.values()), default=now + self._poll)
                self._wakes_at = min(nxt, now + self._poll)
                self._cond.wait(max(0.0, self._wakes_at - now))
                self._wakes_at = None


@dataclass(frozen=True, slots=True)
class Lease:
    """What a query function gets: an Ibis engine and the raw cursor under it."""

    engine: Engine
    con: duckdb.DuckDBPyConnection


class QueryRunner:
    """Runs functions of a :class:`Lease` with a time limit; caches results by key.

    ``workers`` cursors; ``threads`` threads for :meth:`call` (0: one per CPU core, at most
    ``workers``, so that a request on a thread never waits for a cursor).
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        *,
        workers: int = 4,
        threads: int = 0,
        timeout: float = 5.0,
        cache_bytes: int = 256 * 2**20,
    ) -> None:
        self.timeout = timeout
        self._pool: queue.Queue[Lease] = queue.Queue()
        for _ in range(max(1, workers)):
            cursor = con.cursor()
            self._pool.put(Lease(_StaticEngine(cursor), cursor))
        self._cache: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self.cache_bytes = cache_bytes
        self.cached_bytes = 0  # the estimated size of what the cache holds now
        self._lock = threading.Lock()
        self._watchdog = Watchdog()
        self._threads_n = max(1, threads or min(workers, os.cpu_count() or 1))
        self._executor: ThreadPoolExecutor | None = None

    async def call(self, fn: Callable[[], T]) -> T:
        """``fn()`` on one of the runner's threads, requests served in the order they came;
        :class:`Busy` when it waited for a thread longer than the time limit."""
        queued = time.monotonic()

        def job() -> T:
            if time.monotonic() - queued > self.timeout:
                raise self._busy()
            return fn()

        return await asyncio.get_running_loop().run_in_executor(self._pool_of_threads(), job)

    def _pool_of_threads(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self._threads_n, "sectorlens-query")
            return self._executor

    def peek(self, key: Hashable) -> Any | None:
        """The value kept for ``key`` (counted as a use), or None."""
        with self._lock:
            found = self._cache.get(key)
            if found is None:
                return None
            self._cache.move_to_end(key)
            return found[0]

    def _busy(self) -> Busy:
        return Busy(f"the server is busy: no free connection within {self.timeout:g} s")

    def run(self, fn: Callable[[Lease], T]) -> T:
        """``fn(lease)`` on a free cursor, interrupted after the time limit."""
        try:
            lease = self._pool.get(timeout=self.timeout)
        except queue.Empty:
            raise self._busy() from None
        guard = threading.Lock()
        running = [True]

        def interrupt() -> None:
            with guard:  # never interrupt the cursor once it is back in the pool
                if running[0]:
                    lease.con.interrupt()

        token = self._watchdog.arm(self.timeout, interrupt)
        try:
            return fn(lease)
        except duckdb.InterruptException:
            raise QueryTimeout(
                f"the query ran longer than the server's limit of {self.timeout:g} s; "
                "narrow the filters"
            ) from None
        finally:
            with guard:
                running[0] = False
            self._watchdog.disarm(token)
            self._pool.put(lease)

    def cached(self, key: Hashable, fn: Callable[[Lease], T]) -> T:
        """``run(fn)``, or the result kept from an earlier call with the same ``key``."""
        return self.remember(key, lambda: self.run(fn))

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, or the value kept (LRU, within the byte budget) from an earlier call with
        the same ``key``. A value larger than the whole budget is not kept."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key][0]
        value = make()
        size = size_of(value)
        if size > self.cache_bytes:
            return value
        with self._lock:
            if key in self._cache:
                self.cached_bytes -= self._cache.pop(key)[1]
            self._cache[key] = (value, size)
            self.cached_bytes += size
            while self.cached_bytes > self.cache_bytes:
                _, (_, dropped) = self._cache.popitem(last=False)
                self.cached_bytes -= dropped
        return value

    def close(self) -> None:
        """Close every pooled cursor (and stop the watchdog)."""
        self._watchdog.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        while True:
            try:
                lease = self._pool.get_nowait()
            except queue.Empty:
                return
            lease.engine.close()
            lease.con.close()


# Python objects of plain data hold about 5 to 8 times the bytes of their compact JSON
JSON_FACTOR = 8


def size_of(value: Any, _seen: set[int] | None = None) -> int:
    """An estimate of the memory ``value`` holds: Arrow tables by their buffers, plain data
    (dictionaries and lists that JSON can hold) by :data:`JSON_FACTOR` times their JSON,
    other containers by their items (each object counted once)."""
    if value is None or isinstance(value, str | bytes | int | float):  # no parts: no recursion
        return sys.getsizeof(value)
    seen = _seen if _seen is not None else set()
    if id(value) in seen:
        return 0
    seen.add(id(value))
    if isinstance(value, pa.Table | pa.RecordBatch | pa.Array | pa.ChunkedArray):
        return int(value.get_total_buffer_size()) + 256
    if isinstance(value, dict | list):
        try:  # plain data (what JSON holds): sized by its JSON, a hundred times faster
            return sys.getsizeof(value) + JSON_FACTOR * len(orjson.dumps(value))
        except TypeError:  # something else inside (an Arrow table, …): item by item
            pass
    size = sys.getsizeof(value)
    if isinstance(value, dict):
        size += sum(size_of(k, seen) + size_of(v, seen) for k, v in value.items())
    elif isinstance(value, list | tuple | set | frozenset):
        size += sum(size_of(v, seen) for v in value)
    return size
