"""The state one app holds (never module-global): the store, the query runner, rates, settings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from sectorlens.fx import FxRates
from sectorlens.metrics.compiled import Compiled
from sectorlens.store import connect
from sectorlens.web.runner import QueryRunner

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Settings:
    """Limits and options of one server."""

    timeout: float = 5.0  # seconds a query may run
    row_cap: int = 10_000  # rows a response may carry
    workers: int = 4  # pooled read-only cursors
    threads: int = 0  # threads answering queries (0: one per CPU core, at most `workers`)
    cache_bytes: int = 256 * 2**20  # memory for cached answers (the store cannot change)
    reference_text: Path | None = None  # the reference report's text, for the checker's findings
    allowed_hosts: tuple[str, ...] = ()  # Host names served besides the loopback names


class Site:
    """What every request of one app shares: the read-only store and its runner."""

    def __init__(
        self, store: Path | str | duckdb.DuckDBPyConnection | None, settings: Settings
    ) -> None:
        self.settings = settings
        if isinstance(store, duckdb.DuckDBPyConnection):
            self.con, self._owns = store, False
        else:
            self.con, self._owns = connect(store, read_only=True), True
        self.runner = QueryRunner(
            self.con,
            workers=settings.workers,
            threads=settings.threads,
            timeout=settings.timeout,
            cache_bytes=settings.cache_bytes,
        )
        self._fx: FxRates | None = None
        self._once: dict[str, Any] = {}
        self._lock = threading.Lock()
        # each (metric, grouping, filter shape, currency) compiled once, run with bound values
        self.compiled = Compiled(self.con, static=True)

    @property
    def fx(self) -> FxRates:
        """ECB rates, loaded on first use (only some metrics convert at request time)."""
        with self._lock:
            if self._fx is None:
                self._fx = FxRates()
            return self._fx

    def once(self, key: str, make: Callable[[], T]) -> T:
        """``make()`` computed once per app and kept (for derived data of the immutable store)."""
        with self._lock:
            if key in self._once:
                return self._once[key]
        value = make()
        with self._lock:
            return self._once.setdefault(key, value)

    def close(self) -> None:
        """Release the cursors (and the connection, when this site opened it)."""
        self.runner.close()
        if self._owns:
            self.con.close()
