"""Fixtures for the ingest tests: shared reference data and a helper to load files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sectorlens.ingest import Context, LoadResult, ingest

TODAY = date(2026, 1, 1)


@pytest.fixture(scope="session")
def ctx() -> Context:
    """ECB rates, gazetteer and taxonomy, read once for the whole run."""
    return Context.default()


Load = Callable[..., LoadResult]


@pytest.fixture
def load(con: duckdb.DuckDBPyConnection, ctx: Context) -> Load:
    """Ingest one file into the test store and return its result."""

    def run(path: Path, source: str = "auto", **kwargs: object) -> LoadResult:
        return ingest(con, [path], source=source, context=ctx, today=TODAY, **kwargs)[0]  # type: ignore[arg-type]

    return run


def scalar(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> object:
    """The single value a query returns."""
    row = con.execute(sql, list(params)).fetchone()
    assert row is not None
    return row[0]
