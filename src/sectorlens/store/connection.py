"""Opening the DuckDB store: default path, schema creation, clear errors."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import platformdirs

from sectorlens.errors import StoreError
from sectorlens.store.keys import assign_company_keys, derive_mid_amounts
from sectorlens.store.schema import CONVERTED_COLUMNS, SCHEMA_VERSION, TABLES, ddl

DB_ENV = "SECTORLENS_DB"


def default_db_path() -> Path:
    """The store used when no ``--db`` is given: ``$SECTORLENS_DB`` or a per-user data file."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("sectorlens")) / "sectorlens.duckdb"


def connect(
    path: Path | str | None = None,
    *,
    read_only: bool = False,
    on_upgrade: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open (creating on first use) the store at ``path``; StoreError says what is wrong.

    A store of an earlier schema opened for writing is upgraded; ``on_upgrade`` receives a
    one-line message saying so (the CLI prints it).
    """
    db = Path(path).expanduser() if path is not None else default_db_path()
    if str(db) == ":memory:":
        con = duckdb.connect(":memory:")
        quiet(con)
        ensure_schema(con)
        return con
    if db.is_dir():
        raise StoreError(f"store path {db} is a directory, not a DuckDB file")
    if read_only and not db.exists():
        raise StoreError(f"no store at {db}: run `sectorlens db init` first")
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the store's folder {db.parent}: {exc.strerror}") from exc
    try:
        con = duckdb.connect(str(db), read_only=read_only)
    except duckdb.IOException as exc:
        raise StoreError(
            lock_message(exc, db, read_only) or f"cannot open store {db}: {_first_line(exc)}"
        ) from exc
    except duckdb.Error as exc:
        raise StoreError(f"{db} is not a readable DuckDB store: {_first_line(exc)}") from exc
    quiet(con)
    if not read_only:
        note = ensure_schema(con)
        if note and on_upgrade is not None:
            on_upgrade(f"upgraded store {db}: {note}")
    else:
        _check_version(con, db)
    return con


def quiet(con: duckdb.DuckDBPyConnection) -> None:
    """No progress bar: DuckDB draws one on standard output for a statement over 2 s, and the
    library never prints (it broke `--format json` output and the benchmarks' JSON lines)."""
    con.execute("SET enable_progress_bar = false")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> str | None:
    """Create missing tables and record the schema version (idempotent).

    Returns a one-line note when an older store was upgraded, else None. The ECB rates are
    loaded by the first ingest (or the upgrade of a store with deals): a store of reference data
    alone needs none.
    """
    for statement in ddl():
        con.execute(statement)
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
        [str(SCHEMA_VERSION)],
    )
    note = _upgrade(con)
    _check_version(con, None)
    derive_mid_amounts(con)  # deals written by other tools since (a no-op scan otherwise)
    return note


def _upgrade(con: duckdb.DuckDBPyConnection) -> str | None:
    """Bring a store of an earlier schema version up to this one, step by step.

    1 → 2: integer company keys. 2 → 3: amounts stay in their stated currency; the amounts
    converted at ingest (``cny_*``, ``usd_*``, ``krw_*`` and their rates) are dropped, since
    metrics now convert at query time from ``fx_rates``. 3 → 4: each deal's midpoint
    (``amount_mid_x2``, derived from its stated amount) is stored beside it. 4 → 5: companies
    without the PRIMARY KEY index (the table is rebuilt; a load keeps ids unique).
    """
    found = first_row(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    if found is None or not found[0].isdigit() or int(found[0]) >= SCHEMA_VERSION:
        return None
    start = int(found[0])
    con.execute("BEGIN TRANSACTION")
    try:
        if start < 2:
            for table in ("companies", "deals"):
                con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS company_key BIGINT")
            assign_company_keys(con)
        if start < 3:
            for column in CONVERTED_COLUMNS:
                con.execute(f"ALTER TABLE deals DROP COLUMN IF EXISTS {column}")
            from sectorlens.store.rates import load_ecb_rates

            load_ecb_rates(con)
        if start < 4:
            con.execute("ALTER TABLE deals ADD COLUMN IF NOT EXISTS amount_mid_x2 DECIMAL(38, 6)")
            derive_mid_amounts(con)
        if start < 5:
            _rebuild_companies(con)
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if start >= 4:
        return f"schema {start} → {SCHEMA_VERSION}: companies kept without an in-memory index"
    if start >= 3:
        return f"schema {start} → {SCHEMA_VERSION}: each deal's midpoint amount stored beside it"
    return (
        f"schema {start} → {SCHEMA_VERSION}: amounts kept in their stated currency, "
        "converted at query time from the ECB rates in fx_rates"
    )


def _rebuild_companies(con: duckdb.DuckDBPyConnection) -> None:
    """The companies table of this schema (no PRIMARY KEY), its rows kept."""
    con.execute("ALTER TABLE companies RENAME TO _companies_before")
    con.execute(f"CREATE TABLE companies ({TABLES['companies']})")
    con.execute("INSERT INTO companies BY NAME SELECT * FROM _companies_before")
    con.execute("DROP TABLE _companies_before")


def _check_version(con: duckdb.DuckDBPyConnection, db: Path | None) -> None:
    try:
        rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    except duckdb.CatalogException as exc:
        raise StoreError(f"{db} is a DuckDB file but not a sectorlens store") from exc
    found = rows[0][0] if rows else "none"
    if found != str(SCHEMA_VERSION):
        hint = ""
        if found.isdigit() and int(found) < SCHEMA_VERSION:
            hint = f" (open it for writing once to upgrade it: sectorlens db init --db {db})"
        raise StoreError(
            f"store schema version {found}, this sectorlens expects {SCHEMA_VERSION}{hint}"
        )


def first_row(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> tuple[Any, ...] | None:
    """The first row of a small query, or None, read to the end so the connection stays usable.

    (DuckDB 2 keeps a result opened by ``fetchone`` pending until it is read to the end.)
    """
    rows = con.execute(sql, params or []).fetchall()
    return rows[0] if rows else None


_LOCK = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


def lock_message(exc: BaseException, db: Path, read_only: bool) -> str | None:
    """One line naming the process that holds ``db`` and what to do; None if not a lock error."""
    m = _LOCK.search(str(exc))
    if not m:
        return None
    pid = m.group(2)
    holder = _command_line(pid) or Path(m.group(1)).name
    if not read_only and "read-only mode" in str(exc):  # the holder only reads
        what = (
            "commands that only read (query, report, db status, serve) can run beside it; "
            "to write, stop it first"
        )
    else:  # the holder writes
        what = "wait for it to finish (or stop it), then run this again"
    return f"store {db} is in use by process {pid} ({holder}): {what}"


def _command_line(pid: str) -> str | None:
    """The command line of process ``pid`` (shortened), where the system shows it."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    words = [w for w in raw.decode("utf-8", "replace").split("\0") if w]
    if not words:
        return None
    if len(words) > 2 and words[1] == "-m":  # python -m sectorlens serve …
        words = words[2:]
    words[0] = Path(words[0]).name
    text = " ".join(" ".join(words).split())
    return text if len(text) <= 80 else text[:79] + "…"


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
