"""Running web queries on the read-only store: a pool of cursors, a time limit, a result cache.

Each request borrows one cursor (its own DuckDB connection to the same database) wrapped in an
Ibis engine, so concurrent requests never share a connection. A timer interrupts a query that
runs past the time limit. The store is opened read-only, and DuckDB lets no other process write
to a file while it is open, so results cannot go stale while the server runs: identical requests
are answered from a small LRU cache.
"""

from __future__ import annotations

import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import duckdb
import ibis.expr.types as ir

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


@dataclass(frozen=True, slots=True)
class Lease:
    """What a query function gets: an Ibis engine and the raw cursor under it."""

    engine: Engine
    con: duckdb.DuckDBPyConnection


class QueryRunner:
    """Runs functions of a :class:`Lease` with a time limit; caches results by key."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        *,
        workers: int = 4,
        timeout: float = 5.0,
        cache_size: int = 512,
    ) -> None:
        self.timeout = timeout
        self._pool: queue.Queue[Lease] = queue.Queue()
        for _ in range(max(1, workers)):
            cursor = con.cursor()
            self._pool.put(Lease(_StaticEngine(cursor), cursor))
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def run(self, fn: Callable[[Lease], T]) -> T:
        """``fn(lease)`` on a free cursor, interrupted after the time limit."""
        try:
            lease = self._pool.get(timeout=self.timeout)
        except queue.Empty:
            raise Busy(
                f"the server is busy: no free connection within {self.timeout:g} s"
            ) from None
        guard = threading.Lock()
        running = [True]

        def interrupt() -> None:
            with guard:  # never interrupt the cursor once it is back in the pool
                if running[0]:
                    lease.con.interrupt()

        timer = threading.Timer(self.timeout, interrupt)
        timer.daemon = True
        timer.start()
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
            timer.cancel()
            self._pool.put(lease)

    def cached(self, key: Hashable, fn: Callable[[Lease], T]) -> T:
        """``run(fn)``, or the result kept from an earlier call with the same ``key``."""
        return self.remember(key, lambda: self.run(fn))

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, or the value kept (LRU) from an earlier call with the same ``key``."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = make()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    def close(self) -> None:
        """Close every pooled cursor."""
        while True:
            try:
                lease = self._pool.get_nowait()
            except queue.Empty:
                return
            lease.engine.close()
            lease.con.close()
