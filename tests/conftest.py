"""Shared fixtures: the external data folder, a fresh store, a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from sectorlens.store import connect

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SECTORLENS_SHARED", REPO.parent / "shared")).resolve()


@pytest.fixture(scope="session", autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Rendered charts and compiled query plans go to a folder of this test run, not to the
    user's cache (unless ``$SECTORLENS_CACHE`` is set already)."""
    if os.environ.get("SECTORLENS_CACHE") is not None:
        yield
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SECTORLENS_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (external data lives in ../shared, not in the repository)")
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; the test skips with a clear reason where it is absent."""
    return _need(SHARED / "data")


@pytest.fixture(scope="session")
def seed_text_path() -> Path:
    """The seed report's text; the test skips with a clear reason where it is absent."""
    return _need(SHARED / "seed" / "china_ai_industry_2021.ko.txt")


@pytest.fixture(scope="module")
def fx() -> object:
    """The ECB reference rates the package ships (a test module may define its own)."""
    from sectorlens.fx import FxRates

    return FxRates()


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store path in a temporary folder, also set as ``$SECTORLENS_DB``."""
    path = tmp_path / "store.duckdb"
    monkeypatch.setenv("SECTORLENS_DB", str(path))
    return path


@pytest.fixture
def con(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh, empty store with the schema created."""
    connection = connect(db_path)
    yield connection
    connection.close()


@dataclass
class CliResult:
    """What one CLI run printed and returned."""

    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``sectorlens ARGS...`` in-process through ``main`` (the real error handling)."""
    from sectorlens.cli import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        else:  # pragma: no cover - main always exits
            code = 0
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return run
