"""The store: creation, schema, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.errors import StoreError
from sectorlens.store import SCHEMA_VERSION, TABLES, connect


def test_connect_creates_every_table(db_path: Path) -> None:
    con = connect(db_path)
    names = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert set(TABLES) <= names
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (
        str(SCHEMA_VERSION),
    )


def test_connect_twice_is_idempotent(db_path: Path) -> None:
    connect(db_path).close()
    con = connect(db_path)
    assert con.execute("SELECT count(*) FROM meta").fetchone() == (1,)


def test_read_only_on_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*db init"):
        connect(tmp_path / "absent.duckdb", read_only=True)


def test_corrupt_file_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"bad\.duckdb"):
        connect(bad)


def test_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="not a sectorlens store"):
        connect(other, read_only=True)


def test_directory_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        connect(tmp_path)
