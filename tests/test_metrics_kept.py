"""Kept tables of compiled plans (the rates of a store state and currency, materialized once):
the same answers as the Ibis path, which rebuilds the rates in every query; rebuilt when the
store's state changes, also for plans read back from disk; usable beside a read-only store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

import metrics_data
from sectorlens.metrics import compute, from_duckdb
from sectorlens.metrics.compiled import Compiled
from sectorlens.metrics.store_facts import KEPT

# Conversions through both rate paths: per-day rate lists (deals, amounts by year) and the
# joined rates with their fixing days (``fx``).
ASKS: list[tuple[str, dict[str, Any]]] = [
    ("deals", {"by": ["year"], "currency": "USD"}),
    ("deals", {"by": ["year", "province"], "currency": "KRW", "where": ["year>=2016"]}),
    ("shares", {"by": ["province"], "currency": "USD"}),
    ("fx", {"currency": "USD"}),
    ("fx", {"currency": "KRW", "where": ["year<=2017"]}),
]


@pytest.fixture
def store(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The metric fixture (CNY and USD deals, fixed rates), committed to its file."""
    metrics_data.fill(con)
    return con


def rows(table: Any) -> list[str]:
    return sorted(map(repr, table.to_pylist()))


def kept_catalogs(con: duckdb.DuckDBPyConnection) -> list[str]:
    found = con.execute(
        "SELECT database_name FROM duckdb_databases() WHERE starts_with(database_name, ?)",
        [f"{KEPT}_"],
    ).fetchall()
    return [str(name) for (name,) in found]


def answers(compiled: Compiled, con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    out = []
    for metric, kw in ASKS:
        got = compiled.compute(con, metric, **kw).table
        want = compute(from_duckdb(con), metric, **kw).table
        assert got.schema.equals(want.schema) and rows(got) == rows(want), (metric, kw)
        out.append(rows(got))
    return out


def test_kept_rates_answer_as_the_ibis_path_and_follow_the_store(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    folder = tmp_path / "plans"
    before = Compiled(store, folder)
    first = answers(before, store)
    assert kept_catalogs(store) == [before.facts.kept_catalog]
    ((tables,),) = store.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = ?",
        [before.facts.kept_catalog],
    ).fetchall()
    assert tables >= 2  # the rates by day and the lists of rates, per target currency
    plans = "".join(p.read_text() for p in folder.glob("*.json"))
    assert f'\\"{KEPT}\\".' in plans and before.facts.kept_catalog not in plans
    again = answers(before, store)  # the kept tables are read, not rebuilt
    assert again == first and kept_catalogs(store) == [before.facts.kept_catalog]

    # the store's rates change: USD is worth half as much
    store.execute("UPDATE fx_rates SET per_eur = per_eur * 2, eur_per = eur_per / 2")
    store.execute(
        "UPDATE fx_rates SET per_eur = per_eur / 2, eur_per = eur_per * 2 WHERE currency <> 'USD'"
    )
    store.execute("CHECKPOINT")
    after = Compiled(store, folder)
    assert after.facts.token != before.facts.token
    second = answers(after, store)  # checked against the Ibis path on the new rates
    assert after.cache.compiled == 0  # the plans came from disk, bound to the new state
    assert second[0] != first[0] and second[3] != first[3]
    assert kept_catalogs(store) == [after.facts.kept_catalog]  # the old state's are dropped


def test_kept_rates_beside_a_read_only_store(db_path: Path, tmp_path: Path) -> None:
    from sectorlens.store import connect

    with connect(db_path) as con:
        metrics_data.fill(con)
    ro = duckdb.connect(str(db_path), read_only=True)
    try:
        compiled = Compiled(ro, tmp_path / "plans", static=True)
        cursors = [ro.cursor(), ro.cursor()]  # the server's pool: one DuckDB, many cursors
        for cur in cursors:
            answers(compiled, cur)
        assert kept_catalogs(ro) == [compiled.facts.kept_catalog]
    finally:
        ro.close()


def test_an_in_memory_store_keeps_nothing() -> None:
    from sectorlens.store import connect

    con = connect(":memory:")
    try:
        metrics_data.fill(con)
        compiled = Compiled(con, None)
        answers(compiled, con)
        assert kept_catalogs(con) == []  # no state token: the rates are built in each query
    finally:
        con.close()
