"""Arrow forms (metrics.arrow_forms): a served store answers the cube's sums, the loads behind
and the flagged deals from in-memory copies of its kept tables, and the filters keep there
exactly the rows DuckDB's predicates keep (nulls included); large kept tables stay in DuckDB."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from sectorlens.metrics import arrow_forms, from_duckdb
from sectorlens.metrics import plans as plans_module
from sectorlens.metrics.compiled import Compiled
from sectorlens.metrics.filters import make_filter, predicate
from test_metrics_cube import rows
from test_metrics_cube import store as store  # the same fixture: the metrics data plus odd deals

# a column of each kind with nulls, and the clauses of every operator on it
VALUES = {
    "province": (pa.string(), ["A", "B", None, "C", "B", None, "AB"]),
    "year": (pa.int32(), [2014, None, 2016, 2017, 2015, 2016, None]),
    "disclosed": (pa.bool_(), [True, False, None, True, None, False, True]),
}
CLAUSES = {
    "province": ["A", "B,C", "null", "A,null", "B", "AB,C,null"],
    "year": ["2016", "2015,2017", "null", "2016,null"],
    "disclosed": ["true", "false", "null", "true,null"],
}


def _clauses() -> list[Any]:
    out = []
    for field, values in CLAUSES.items():
        for value, op in itertools.product(values, ("=", "!=")):
            out.append(make_filter(field, op, value))
        if field != "disclosed":
            for op in (">=", "<=", ">", "<"):
                out.append(make_filter(field, op, values[0].split(",")[0]))
    return out


def test_the_filters_keep_what_duckdb_keeps() -> None:
    import ibis

    table = pa.table({k: pa.array(v, t) for k, (t, v) in VALUES.items()})
    table = table.append_column("i", pa.array(range(table.num_rows)))
    con = duckdb.connect()
    con.register("t", table)
    t = ibis.duckdb.from_connection(con).table("t")
    checked = 0
    for f in _clauses():
        want = con.sql(str(ibis.to_sql(t.filter(predicate(t[f.field], f)).select("i"))))
        kept = arrow_forms.restrict(table, [f], ["i"], plausible=False)
        assert sorted(kept.column("i").to_pylist()) == sorted(r[0] for r in want.fetchall()), f
        checked += 1
    assert checked == 36


def test_derived_fields_keep_what_duckdb_keeps() -> None:
    """``year`` from the deal's date and ``implausible`` from its flags (a flagged-deals table)."""
    from datetime import date

    import ibis

    from sectorlens.metrics import filters

    days = [date(2015, 3, 1), None, date(2016, 12, 31), date(2016, 1, 1), date(2017, 6, 30)]
    flags = [["implausible_amount"], None, [], ["other", "implausible_amount"], ["other"]]
    table = pa.table(
        {
            "deal_date": pa.array(days, pa.date32()),
            "flags": pa.array(flags, pa.list_(pa.string())),
            "i": pa.array(range(len(days))),
        }
    )
    con = duckdb.connect()
    con.register("t", table)
    t = ibis.duckdb.from_connection(con).table("t")
    clauses = [
        "year=2016",
        "year!=2016",
        "year>=2016",
        "year=null",
        "deal_date>=2016-01-01",
        "deal_date<2016-12-31",
        "deal_date!=2016-01-01,null",
        "implausible=true",
        "implausible=false",
        "implausible=true,false",
    ]
    for text in clauses:
        f = filters.parse_where(text)
        want = con.sql(str(ibis.to_sql(filters.apply(t, [f], "deals").select("i"))))
        kept = arrow_forms.restrict(table, [f], ["i"], plausible=False)
        assert sorted(kept.column("i").to_pylist()) == sorted(r[0] for r in want.fetchall()), f


def _count_duckdb(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    ran: list[str] = []
    execute = plans_module.execute

    def counting(con: Any, s: Any, values: Any) -> Any:
        ran.append(s.name)
        return execute(con, s, values)

    monkeypatch.setattr(plans_module, "execute", counting)
    return ran


def test_a_served_store_answers_the_forms_without_duckdb(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sectorlens.metrics.scope import implausible_clauses, implausible_expr

    con = duckdb.connect(str(store), read_only=True)
    try:
        compiled = Compiled(con, tmp_path / "plans", static=True)
        where = ["year>=2016", "province!=Beijing,null"]
        warm = ["year>=1990", "province!=Nowhere,null"]  # the same shape: compiled once
        compiled.compute(con, "shares", by=["province"], where=warm, currency="USD")
        ran = _count_duckdb(monkeypatch)
        got = compiled.compute(con, "shares", by=["province"], where=where, currency="USD")
        assert ran == []  # the cube's sums, from Arrow
        plain = Compiled(con, tmp_path / "plain")  # a command's: no kept tables, no forms
        want = plain.compute(con, "shares", by=["province"], where=where, currency="USD")
        assert got.table.num_rows > 0 and rows(got.table) == rows(want.table)
        assert got.table.schema.equals(want.table.schema)
        clauses = implausible_clauses(["year>=2010"])
        found = compiled.run(
            con,
            {"kind": "implausible-test"},
            clauses,
            lambda w, engine: {"rows": implausible_expr(engine, None, w)},
        )["rows"]
        engine = from_duckdb(con)
        assert found.num_rows == 1 and rows(found) == rows(
            engine.execute(implausible_expr(engine, None, clauses))
        )
        forms = {s.form for p in compiled.cache._plans.values() for s in p.statements if s.form}
        kinds = {json.loads(f)["kind"] for f in forms}
        assert kinds == {"sums", "largest"}
    finally:
        con.close()


def test_a_kept_table_too_large_for_arrow_runs_in_duckdb(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(arrow_forms, "MAX_ROWS", 0)
    con = duckdb.connect(str(store), read_only=True)
    try:
        compiled = Compiled(con, tmp_path / "plans", static=True)
        ran = _count_duckdb(monkeypatch)
        got = compiled.compute(con, "deals", by=["year"], where=["year>=2016"], currency="CNY")
        assert "rows" in ran
        plain = Compiled(con, tmp_path / "plain")
        want = plain.compute(con, "deals", by=["year"], where=["year>=2016"], currency="CNY")
        assert rows(got.table) == rows(want.table)
    finally:
        con.close()


def test_whole_number_decimals_become_integers_only_where_no_sum_can_overflow() -> None:
    small = pa.array([1, 2, None], pa.decimal128(38, 0))
    huge = pa.array([2**62, 2**62, 1], pa.decimal128(38, 0))
    money = pa.array([1, 2, 3], pa.decimal128(38, 6))
    table = arrow_forms._whole_numbers(pa.table({"n": small, "big": huge, "m": money}))
    assert table.schema.field("n").type == pa.int64()
    assert table.column("n").to_pylist() == [1, 2, None]
    assert table.schema.field("big").type == huge.type
    assert table.schema.field("m").type == money.type
