"""CLI exports that cannot run formulas, bounded filters, and reading beside a running server."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import metrics_data

FORMULA = '=HYPERLINK("http://example.invalid","x")'
HOSTILE = (FORMULA, "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "\t=1")


@pytest.fixture
def store(db_path: Path) -> Path:
    from sectorlens.store import connect

    con = connect(db_path)
    metrics_data.fill(con)
    # five cities whose names are formulas
    for deal, city in zip(("d01", "d03", "d05", "d07", "d09"), HOSTILE, strict=True):
        con.execute("UPDATE deals SET city = ? WHERE deal_id = ?", [city, deal])
    con.close()
    return db_path


def test_query_csv_neutralizes_formula_cells(store: Path, cli: Callable) -> None:
    result = cli("query", "shares", "--by", "city", "--format", "csv", "--db", str(store))
    assert result.exit_code == 0, result.stderr
    cities = [row["city"] for row in csv.DictReader(io.StringIO(result.stdout))]
    for hostile in HOSTILE:
        assert "'" + hostile in cities and hostile not in cities


def test_query_xlsx_writes_text_never_formulas(store: Path, cli: Callable, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "cities.xlsx"
    args = ("query", "shares", "--by", "city", "--format", "xlsx", "--out", str(out))
    assert cli(*args, "--db", str(store)).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert set(HOSTILE) <= texts  # kept as they are, as text
    deals = [c.value for c in sheet[1]].index("deals") + 1
    numbers = [c for c in cells if c.column == deals and c.row > 1]
    assert numbers and all(c.data_type == "n" for c in numbers)  # numbers stay numbers


@pytest.mark.parametrize(
    "clause",
    ["year>=99999999999999999999999", "year<=-1", "founded_year=1" + "9" * 5000, "year=0"],
)
def test_out_of_range_filter_numbers_are_one_line(store: Path, cli: Callable, clause: str) -> None:
    result = cli("query", "deals", "--where", clause, "--db", str(store))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "from 1 to 9999" in result.stderr and "Traceback" not in result.stderr


def test_an_int_parameter_out_of_range_is_one_line(store: Path, cli: Callable) -> None:
    result = cli("query", "cagr", "--param", "start=" + "9" * 30, "--db", str(store))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "parameter start is from 1 to 9999" in result.stderr


def _hold(db: Path, read_only: bool) -> subprocess.Popen[str]:
    """Another process holding the store (as `sectorlens serve` or an ingest would)."""
    code = (
        "import sys, duckdb\n"
        f"con = duckdb.connect({str(db)!r}, read_only={read_only})\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


@pytest.fixture
def reference_store(db_path: Path, cli: Callable) -> Iterator[Path]:
    assert cli("db", "init").exit_code == 0
    from sectorlens.store import connect

    con = connect(db_path)
    metrics_data.fill(con)
    con.close()
    yield db_path


def test_read_only_commands_run_while_a_server_holds_the_store(
    reference_store: Path, cli: Callable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECTORLENS_CACHE", "off")
    monkeypatch.setenv("SECTORLENS_CHART_WORKERS", "0")
    server = _hold(reference_store, read_only=True)
    try:
        assert cli("db", "status").exit_code == 0
        result = cli("query", "deals", "--by", "year", "--format", "csv")
        assert result.exit_code == 0 and result.stdout.startswith("period,")
        report = cli("report", "--lang", "en", "--out", str(tmp_path / "r"))
        assert report.exit_code == 0, report.stderr
        assert (tmp_path / "r" / "index.html").is_file()
        # writing is refused in one line that names the holder and what to do
        init = cli("db", "init", "--force")
        assert init.exit_code == 1 and len(init.stderr.strip().splitlines()) == 1
        assert f"process {server.pid}" in init.stderr and "stop it" in init.stderr
        assert "-readonly" not in init.stderr and "duckdb.org" not in init.stderr
    finally:
        server.communicate("", timeout=30)


def test_a_writer_holding_the_store_is_named(reference_store: Path, cli: Callable) -> None:
    writer = _hold(reference_store, read_only=False)
    try:
        result = cli("query", "deals")
        assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
        assert f"in use by process {writer.pid}" in result.stderr
        assert "wait for it to finish" in result.stderr and "-readonly" not in result.stderr
    finally:
        writer.communicate("", timeout=30)


def test_serve_announces_its_address_only_once_listening(web_store_for_cli: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sectorlens",
            "serve",
            "--db",
            str(web_store_for_cli),
            "--port",
            "0",
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        started = time.monotonic()
        url = line.split(" on ", 1)[1].split(" ")[0]
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")
        import urllib.request

        # it answers at once: the line came after the socket was listening
        with urllib.request.urlopen(url + "healthz", timeout=10) as response:
            assert response.status == 200
        assert time.monotonic() - started < 10
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_serve_on_a_port_in_use_is_one_line(web_store_for_cli: Path, cli: Callable) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli("serve", "--db", str(web_store_for_cli), "--port", str(port))
    assert result.exit_code == 2 and "cannot listen" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture
def web_store_for_cli(db_path: Path) -> Path:
    from sectorlens.store import connect

    con = connect(db_path)
    metrics_data.fill(con)
    con.close()
    return db_path
