"""The store: creation, schema, clear errors."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from sectorlens.errors import StoreError
from sectorlens.metrics import compute, from_duckdb
from sectorlens.store import SCHEMA_VERSION, TABLES, LoadWriter, assign_company_keys, connect


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


def _company(con: duckdb.DuckDBPyConnection, company_id: str, load_id: str) -> None:
    """A companies row written as another tool would (a later one replaces it)."""
    con.execute("DELETE FROM companies WHERE company_id = ?", [company_id])
    con.execute(
        "INSERT INTO companies (company_id, load_id, row_ref, source_format, name) "
        "VALUES (?, ?, 'r', 'fixture', ?)",
        [company_id, load_id, company_id],
    )


def _deal(con: duckdb.DuckDBPyConnection, deal_id: str, company_id: str | None) -> None:
    con.execute(
        "INSERT INTO deals (deal_id, load_id, row_ref, source_format, company_id, amount_kind,"
        " disclosed) VALUES (?, 'L', 'r', 'fixture', ?, 'undisclosed', false)",
        [deal_id, company_id],
    )


def _keys(con: duckdb.DuckDBPyConnection, table: str) -> dict[str | None, int | None]:
    return dict(con.execute(f"SELECT company_id, company_key FROM {table}").fetchall())


def test_company_keys_are_dense_shared_and_kept_across_loads(db_path: Path) -> None:
    con = connect(db_path)
    _company(con, "b", "L1")
    _company(con, "a", "L1")
    _deal(con, "d1", "b")
    _deal(con, "d2", "c")  # a round of a company without a companies row still gets a key
    _deal(con, "d3", None)
    assign_company_keys(con)
    assert _keys(con, "companies") == {"a": 1, "b": 2}  # new ids in id order
    assert _keys(con, "deals") == {"b": 2, "c": 3, None: None}
    # a later load: company b again (replaced), a new company d, another round of a
    _company(con, "b", "L2")
    _company(con, "d", "L2")
    _deal(con, "d4", "a")
    assign_company_keys(con)
    assert _keys(con, "companies") == {"a": 1, "b": 2, "d": 4}
    assert con.execute("SELECT company_key FROM deals WHERE deal_id = 'd4'").fetchone() == (1,)
    assert sorted(con.execute("SELECT * FROM company_keys").fetchall()) == [
        ("a", 1),
        ("b", 2),
        ("c", 3),
        ("d", 4),
    ]


def test_a_schema_1_store_is_upgraded_with_company_keys(db_path: Path) -> None:
    raw = duckdb.connect(str(db_path))
    for name, cols in TABLES.items():
        if name != "company_keys":  # schema 1: no registry and no company_key columns
            cols = cols.replace(",\n        company_key BIGINT", "")
            raw.execute(f"CREATE TABLE {name} ({cols})")
    raw.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    _company(raw, "a", "L1")
    _deal(raw, "d1", "a")
    raw.close()
    with pytest.raises(StoreError, match="open it for writing once to upgrade it"):
        connect(db_path, read_only=True)
    con = connect(db_path)
    assert _keys(con, "companies") == {"a": 1} and _keys(con, "deals") == {"a": 1}
    con.close()
    con = connect(db_path, read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (
        str(SCHEMA_VERSION),
    )
    (segment,) = compute(from_duckdb(con), "segments", by=["sector"]).to_pylist()
    assert segment["companies"] == 1


def _written(con: duckdb.DuckDBPyConnection, load_id: str, rows: list[tuple[str, str]]) -> None:
    """Companies ``(id, name)`` written by a load, in one batch of two rows at most."""
    with LoadWriter(con, load_id, chunk_rows=2) as writer:
        for company_id, name in rows:
            writer.add(
                "companies",
                {"company_id": company_id, "row_ref": name, "source_format": "t", "name": name},
            )
        writer.flush()


def _names(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    return con.execute("SELECT company_id, name, load_id FROM companies ORDER BY 1").fetchall()


def test_a_load_replaces_companies_without_an_index(db_path: Path) -> None:
    con = connect(db_path)
    # a company named twice in one batch and again in a later batch: its first row describes it
    _written(con, "L1", [("a", "a1"), ("a", "a2"), ("b", "b1"), ("a", "a3")])
    assert _names(con) == [("a", "a1", "L1"), ("b", "b1", "L1")]
    _company(con, "c", "X")  # written by another tool, without a key
    _written(con, "L2", [("b", "b2"), ("c", "c2"), ("d", "d2")])
    assert _names(con) == [
        ("a", "a1", "L1"),
        ("b", "b2", "L2"),
        ("c", "c2", "L2"),
        ("d", "d2", "L2"),
    ]
    assert _keys(con, "companies") == {"a": 1, "b": 2, "c": 3, "d": 4}
    # no index on companies: its memory would grow with the store (schema 5)
    indexes = con.execute(
        "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'companies' "
        "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
    ).fetchall()
    assert indexes == [(0,)]


def test_a_schema_4_store_loses_the_companies_index_and_keeps_its_rows(db_path: Path) -> None:
    raw = duckdb.connect(str(db_path))
    for name, cols in TABLES.items():
        if name == "companies":
            cols = cols.replace("company_id VARCHAR NOT NULL", "company_id VARCHAR PRIMARY KEY")
        raw.execute(f"CREATE TABLE {name} ({cols})")
    raw.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    _company(raw, "a", "L1")
    raw.close()
    notes: list[str] = []
    con = connect(db_path, on_upgrade=notes.append)
    assert len(notes) == 1 and "schema 4 → 5" in notes[0]
    assert _names(con) == [("a", "a", "L1")]
    _written(con, "L2", [("a", "a2")])
    assert _names(con) == [("a", "a2", "L2")]


def test_a_store_connection_draws_no_progress_bar(db_path: Path) -> None:
    # DuckDB draws one on standard output for a statement over 2 s; the library never prints
    for con in (connect(db_path), connect(":memory:")):
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchall() == [(False,)]
        con.close()
