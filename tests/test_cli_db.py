"""``sectorlens db init`` / ``db status`` and their errors."""

from __future__ import annotations

from pathlib import Path


def test_db_init_then_again(cli, db_path: Path) -> None:
    first = cli("db", "init")
    assert first.exit_code == 0, first.stderr
    assert "loaded reference data set cn_ai_2021" in first.stdout
    assert db_path.exists()
    second = cli("db", "init", "--db", str(db_path))
    assert second.exit_code == 0
    assert "nothing changed" in second.stdout


def test_db_status_counts_tables_and_loads(cli, db_path: Path) -> None:
    cli("db", "init")
    result = cli("db", "status")
    assert result.exit_code == 0, result.stderr
    assert f"store: {db_path}" in result.stdout
    lines = dict(line.split(None, 1) for line in result.stdout.splitlines() if "  " in line)
    assert lines["observations"].strip() != "0"
    assert "loads: 1" in result.stdout
    assert "reference" in result.stdout


def test_db_status_without_a_store_is_one_line(cli, tmp_path: Path) -> None:
    result = cli("db", "status", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: no store at")


def test_corrupt_store_is_one_line(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    for args in (("db", "status"), ("db", "init")):
        result = cli(*args, "--db", str(bad))
        assert result.exit_code == 1
        assert result.stderr.startswith("error: ")
        assert result.stderr.strip().count("\n") == 0
        assert "Traceback" not in result.stderr
