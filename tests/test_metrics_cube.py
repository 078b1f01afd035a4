"""The kept cubes (pre-aggregated deals per store state): every metric, grouping and filter
shape they answer gives the very answer of the deals-table path (Ibis, no kept tables), in
every currency, with deals in a currency without rates, without a currency, outside the
rates' days, flagged implausible and from several loads; shapes a cube cannot answer still
read the deals; the loads behind an answer and the flagged deals come from kept tables too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

import metrics_data
from sectorlens.metrics import compute, from_duckdb
from sectorlens.metrics.compiled import Compiled
from sectorlens.metrics.filters import parse_all
from sectorlens.metrics.scope import Scope
from sectorlens.web.provenance import behind

BY = {
    "deals": [["year"], ["year", "province"], ["round", "year"]],
    "shares": [["province"], ["round"], ["source_format"]],
    "concentration": [["sector"]],
    "segments": [["sector"], ["chain_layer"]],
}
WHERE = [
    [],
    ["year>=2017"],
    ["year>=2016", "year<=2017"],
    ["province=Beijing,Shanghai"],
    ["province!=Beijing,null", "year>2015"],
    ["round=a,b"],
    ["sector=null"],
    ["implausible=true,false"],
    ["implausible=true"],
    ["currency=USD"],
    ["amount_kind!=undisclosed", "disclosed=true"],
    ["load_id=L2"],
]
CURRENCIES = ["CNY", "USD", "KRW", "EUR"]


def rows(table: Any) -> list[str]:
    return sorted(map(repr, table.to_pylist()))


def odd_deals(con: duckdb.DuckDBPyConnection) -> None:
    """Deals the cube must count as the deals path does: a currency without rates, no
    currency, a day before the rates, an implausible amount, a second load."""
    copies = {  # new deal: (the deal it copies, its changed columns as SQL values)
        "x1": ("d05", {"currency": "'XYZ'"}),
        "x2": ("d09", {"currency": "NULL"}),
        "x3": ("d03", {"deal_date": "DATE '2014-05-05'", "currency": "'USD'"}),
        "x4": ("d06", {"flags": "['implausible_amount']"}),
        "x5": ("d02", {"load_id": "'L2'", "currency": "'KRW'"}),
        "x6": ("d11", {"deal_date": "NULL", "currency": "'USD'"}),
    }
    for new, (old, changes) in copies.items():
        replaced = ", ".join(f"{value} AS {column}" for column, value in changes.items())
        con.execute(
            f"INSERT INTO deals SELECT * REPLACE ('{new}' AS deal_id, {replaced}) "
            "FROM deals WHERE deal_id = ?",
            [old],
        )
    con.execute("CHECKPOINT")


@pytest.fixture
def store(db_path: Path) -> Path:
    from sectorlens.store import connect

    with connect(db_path) as con:
        metrics_data.fill(con)
        odd_deals(con)
    return db_path


def kept_tables(con: duckdb.DuckDBPyConnection, catalog: str) -> int:
    ((n,),) = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = ?", [catalog]
    ).fetchall()
    return int(n)


def same(compiled: Compiled, con: duckdb.DuckDBPyConnection, metric: str, **kw: Any) -> None:
    got = compiled.compute(con, metric, **kw).table
    want = compute(from_duckdb(con), metric, **kw).table
    assert got.schema.equals(want.schema), (metric, kw)
    assert rows(got) == rows(want), (metric, kw)


def test_the_cube_answers_as_the_deals_path(store: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    try:
        compiled = Compiled(con, tmp_path / "plans", static=True)
        asked = 0
        for metric, groupings in BY.items():
            for j, by in enumerate(groupings):
                for i, where in enumerate(WHERE):
                    # every currency without filters (first grouping); each filter in one
                    every = not where and j == 0
                    for currency in CURRENCIES if every else [CURRENCIES[(i + j) % 4]]:
                        same(compiled, con, metric, by=by, where=where, currency=currency)
                        asked += 1
        assert asked == 9 * len(WHERE) + 4 * 3
        # the plans read the cubes: one money cube per currency and the rates beside them
        assert kept_tables(con, compiled.facts.kept_catalog) >= len(CURRENCIES) * 2
        sql = " ".join(s.sql for p in compiled.cache._plans.values() for s in p.statements)
        assert '"deals"' in sql  # the companies of segments are counted on the deals
        assert "bitstring_agg" in sql.lower() and '"m_deals"' in sql
    finally:
        con.close()


def test_shapes_a_cube_cannot_answer_read_the_deals(store: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    try:
        compiled = Compiled(con, tmp_path / "plans", static=True)
        for metric, kw in [
            ("deals", {"by": ["quarter"]}),
            ("deals", {"by": ["year"], "where": ["deal_date>=2017-03-01"]}),
            ("shares", {"by": ["province"], "where": ["deal_date<2018-01-01"]}),
            ("shares", {"by": ["city"], "where": ["year>=2017"]}),
            ("deals", {"by": ["year"], "where": ["city=Beijing"]}),
            ("deal_size", {"by": ["year"]}),
            ("growth", {}),
        ]:
            for currency in ("CNY", "USD"):
                same(compiled, con, metric, currency=currency, **kw)
    finally:
        con.close()


def test_a_scope_on_the_cube(store: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    try:
        compiled = Compiled(con, tmp_path / "plans", static=True)
        for scope in (
            Scope("s", countries=("CN",), years=(2016, 2017)),
            Scope("t", sectors=("vision", "chip"), currency="USD"),
        ):
            for metric, by in (("deals", ["year"]), ("shares", ["province"]), ("segments", None)):
                got = compiled.compute(con, metric, by=by, scope=scope, where=["year>=2016"])
                want = compute(from_duckdb(con), metric, by=by, scope=scope, where=["year>=2016"])
                assert rows(got.table) == rows(want.table), (metric, scope)
    finally:
        con.close()


class _Lease:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.engine = from_duckdb(con)


def test_loads_behind_from_the_field_cube(store: Path, tmp_path: Path) -> None:
    from sectorlens.metrics import get_metric

    con = duckdb.connect(str(store), read_only=True)
    try:
        kept = Compiled(con, tmp_path / "plans", static=True)
        plain = Compiled(con, tmp_path / "plain")  # not a server's: reads the deals
        deals = get_metric("deals")
        seen = set()
        for where in WHERE:
            clauses = parse_all(where)
            table = kept.compute(con, "deals", by=["year"], where=where).table
            got = behind(kept, _Lease(con), deals, clauses, table)  # type: ignore[arg-type]
            want = behind(plain, _Lease(con), deals, clauses, table)  # type: ignore[arg-type]
            assert got == want, where
            seen.add(tuple(load["load_id"] for load in got["loads"]))
        assert ("L1", "L2") in seen and ("L2",) in seen  # the filters change the loads
    finally:
        con.close()


def test_implausible_deals_from_a_kept_table(store: Path, tmp_path: Path) -> None:
    from sectorlens.metrics.scope import implausible_clauses, implausible_expr

    con = duckdb.connect(str(store), read_only=True)
    try:
        compiled = Compiled(con, tmp_path / "plans", static=True)
        for where in (["year>=2018"], ["province=Guangdong"], ["year<=2017"]):
            clauses = implausible_clauses(where)
            got = compiled.run(
                con,
                {"kind": "implausible-test"},
                clauses,
                lambda w, engine: {"rows": implausible_expr(engine, None, w)},
            )["rows"]
            engine = from_duckdb(con)
            want = engine.execute(implausible_expr(engine, None, clauses))
            assert rows(got) == rows(want), where
        sql = " ".join(s.sql for p in compiled.cache._plans.values() for s in p.statements)
        assert "sl_kept" in sql and "flags" in sql
    finally:
        con.close()


@pytest.mark.shared
def test_the_cube_on_a_store_of_two_exports(shared_data: Path, tmp_path: Path) -> None:
    """itjuzi (CNY, undisclosed and ranged amounts) and CSET (USD) in one store."""
    from sectorlens.cli import main

    db = tmp_path / "two.duckdb"
    for export in ("itjuzi/companies_820_2018-12-25.csv", "cset/amplyfi_investments_zh_usd.jsonl"):
        path = shared_data / export
        if not path.exists():
            pytest.skip(f"{path} is absent")
        try:
            main(["ingest", str(path), "--db", str(db)])
        except SystemExit as e:
            assert not e.code
    con = duckdb.connect(str(db), read_only=True)
    try:
        compiled = Compiled(con, tmp_path / "plans", static=True)
        for metric, by, where in (
            ("deals", ["year"], ["year>=2014", "year<=2017"]),
            ("deals", ["year", "round"], ["province!=CN-BJ,null"]),
            ("shares", ["province"], ["year>=2010"]),
            ("shares", ["round"], ["province=CN-SH,CN-GD", "year<=2016"]),
            ("concentration", ["province"], []),
            ("segments", ["sector"], ["year>=2015"]),
        ):
            for currency in ("CNY", "USD") if metric == "deals" else ("KRW", "EUR"):
                same(compiled, con, metric, by=by, where=where, currency=currency)
    finally:
        con.close()
