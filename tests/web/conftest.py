"""Web fixtures: the test store, the app, a test client and a live server on loopback."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_data import REPORT_TEXT, build_store, build_wide_store

from sectorlens.web import Settings, create_app

CHROMIUM = Path("/usr/bin/chromium")
BASE_URL = "http://localhost"  # a loopback Host: the app answers 400 to other names
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web tests' store file (see web_data.py)."""
    return build_store(tmp_path_factory.mktemp("web") / "store.duckdb")


@pytest.fixture(scope="session")
def reference_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small report text for the checker (see web_data.REPORT_TEXT)."""
    path = tmp_path_factory.mktemp("report") / "report.ko.txt"
    path.write_text(REPORT_TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def web_app(web_store: Path, reference_text: Path) -> Iterator[FastAPI]:
    """One app over the test store for the whole session."""
    app = create_app(web_store, Settings(reference_text=reference_text))
    yield app
    app.state.site.close()


@pytest.fixture(scope="session")
def client(web_app: FastAPI) -> TestClient:
    """A test client (no lifespan: the session fixture closes the app)."""
    return TestClient(web_app, base_url=BASE_URL)


@pytest.fixture(scope="session")
def live_server(web_app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    yield from _serve(web_app)


@pytest.fixture(scope="session")
def wide_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second server over the wide store (1960–2025, trillions, 23 stages)."""
    app = create_app(build_wide_store(tmp_path_factory.mktemp("wide") / "wide.duckdb"))
    try:
        yield from _serve(app)
    finally:
        app.state.site.close()


def _serve(app: FastAPI) -> Iterator[str]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is absent (apt-get install chromium)"
        if os.environ.get("SECTORLENS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"SECTORLENS_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
