"""CLI output that survives pipes at any width, and the CLI a newcomer meets."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import metrics_data
from sectorlens import __version__


@pytest.fixture(params=["40", "200"], ids=["COLUMNS=40", "COLUMNS=200"])
def columns(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", request.param)
    return str(request.param)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store under a very long folder path (paths must not wrap either)."""
    deep = tmp_path.joinpath(*["a-rather-long-folder-name-for-paths"] * 6)
    deep.mkdir(parents=True)
    path = deep / "store.duckdb"
    monkeypatch.setenv("SECTORLENS_DB", str(path))
    from sectorlens.store import connect

    con = connect(path)
    metrics_data.fill(con)
    con.execute("UPDATE deals SET province = 'CN-BJ' WHERE province = 'Beijing'")
    con.close()
    return path


def test_parse_never_wraps_a_reading(cli: Callable, columns: str) -> None:
    result = cli("parse", "861억1000만 위안(16조원)", "数千万人民币")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.endswith("86110000000 CNY (= 16000000000000 KRW)") for line in lines)
    assert len(lines) == 3  # header and one line per input


def test_query_tables_are_readable_and_never_wrap(cli: Callable, store: Path, columns: str) -> None:
    result = cli("query", "deals", "--by", "year")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [line for line in lines if line.startswith("2017")]
    assert len(rows) == 1  # one line per row, whatever the width
    assert "65,000,000" in rows[0] and "65000000.000000" not in rows[0]
    header = next(line for line in lines if line.startswith("period"))
    assert "undisclosed_share_pct" in header  # a long column name stays whole
    raw = cli("query", "deals", "--by", "year", "--raw")
    assert "65000000.000000" in raw.stdout


def test_ingest_summary_stays_one_line_at_a_long_path(
    cli: Callable, store: Path, columns: str
) -> None:
    exports = store.parent / "exports-folder-with-a-long-name"
    exports.mkdir()
    export = exports / "pitch_deals.csv"
    repo = Path(__file__).resolve().parents[1]
    export.write_bytes((repo / "examples/ingest/pitch_deals.csv").read_bytes())
    mapping = str(repo / "examples/ingest/pitch_mapping.toml")
    result = cli("ingest", str(exports), "--source", mapping)  # a folder: its files
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(str(export)) and "rows read" in first


def test_ingest_of_an_empty_folder_is_one_line(cli: Callable, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "s.duckdb"))
    assert result.exit_code == 2 and "no files" in result.stderr


def test_filters_take_the_labels_users_see(cli: Callable, store: Path) -> None:
    by_code = cli("query", "shares", "--by", "round", "--where", "round=a,b", "--format", "csv")
    by_label = cli("query", "shares", "--by", "round", "--where", "round=A,B", "--format", "csv")
    korean = cli(
        "query", "shares", "--by", "round", "--where", "round=시리즈 A,B", "--format", "csv"
    )
    assert by_label.exit_code == 0, by_label.stderr
    assert by_label.stdout == by_code.stdout == korean.stdout
    assert len(by_code.stdout.splitlines()) == 3  # header, a, b
    places = [
        cli("query", "deals", "--where", f"province={name}", "--format", "csv").stdout
        for name in ("CN-BJ", "Beijing", "北京", "베이징")
    ]
    assert places[0].count("\n") > 1 and all(p == places[0] for p in places)


def test_a_value_that_matches_nothing_lists_the_known_ones(cli: Callable, store: Path) -> None:
    result = cli("query", "deals", "--where", "round=Z")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "no deals with round=Z" in result.stderr and "a (Series A)" in result.stderr


def test_version_flag(cli: Callable) -> None:
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == __version__


def test_help_shows_flags_and_arguments_plainly() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sectorlens", "check", "--help"],
        capture_output=True,
        text=True,
        env={"COLUMNS": "120", "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
        check=True,
    ).stdout
    assert "<bool>" not in out and "{file}" not in out
    assert "Usage: sectorlens check [OPTIONS] FILE" in out and "--json" in out


def test_query_process_loads_no_pandas(store: Path) -> None:
    code = (
        "import sys\n"
        "from sectorlens.cli import run\n"
        f"sys.argv = ['sectorlens', 'query', 'deals', '--by', 'year', '--db', {str(store)!r}]\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('pandas loaded' if 'pandas' in sys.modules else 'no pandas')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("no pandas") and "2017" in out.stdout
