"""The API from compiled plans: the library's answers under filters, one compilation per query
shape, the loads behind each answer, and an answer cache bounded in bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from sectorlens.metrics import compute, from_duckdb
from sectorlens.metrics.filters import apply, parse_all
from sectorlens.metrics.output import cell_text
from sectorlens.web.runner import QueryRunner, size_of

REQUESTS = [
    ("deals", [("by", "year"), ("where", "year>=2017"), ("currency", "USD")]),
    ("deals", [("by", "year"), ("where", "year>=2016"), ("currency", "USD")]),
    ("shares", [("by", "province"), ("where", "round=a,b"), ("where", "year<=2018")]),
    ("shares", [("by", "province"), ("where", "round=angel,seed"), ("where", "year<=2017")]),
    ("segments", [("by", "sector"), ("where", "deal_date>=2017-01-01"), ("currency", "KRW")]),
    ("deal_size", [("where", "province!=Beijing,null")]),
    ("cohorts", [("where", "founded_year>=2016")]),
]


def _library(store: Path, name: str, query: list[tuple[str, str]]) -> tuple[list[Any], list[str]]:
    """The rows ``compute`` gives on the Ibis path and the loads under the filters."""
    by = [v for k, v in query if k == "by"] or None
    where = [v for k, v in query if k == "where"]
    currency = dict(query).get("currency")
    con = duckdb.connect(str(store), read_only=True)
    try:
        engine = from_duckdb(con)
        table = compute(engine, name, by=by, where=where, currency=currency).table
        base = "companies" if name == "cohorts" else "deals"
        t = apply(engine.table(base), parse_all(where), base)
        loads = engine.execute(t.select("load_id").distinct()).column(0).to_pylist()
    finally:
        con.close()
    rows = [{k: cell_text(v) for k, v in r.items()} for r in table.to_pylist()]
    return rows, sorted(x for x in loads if x)


@pytest.mark.parametrize(("name", "query"), REQUESTS)
def test_filtered_answers_are_the_library_s(
    client: TestClient, web_store: Path, name: str, query: list[tuple[str, str]]
) -> None:
    got = client.get(f"/api/{name}.json", params=query)
    assert got.status_code == 200, got.text
    rows, loads = _library(web_store, name, query)
    text = [
        {k: "" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for k, v in r}
        for r in (row.items() for row in got.json()["rows"])
    ]
    assert text == rows
    assert [x["load_id"] for x in got.json()["loads"]] == loads


def test_each_query_shape_is_compiled_once(web_app: FastAPI, client: TestClient) -> None:
    compiled = web_app.state.site.compiled
    client.get("/api/shares.json", params=[("by", "city"), ("where", "year>=2014")])
    before = compiled.cache.compiled
    for year in range(2015, 2020):  # new filter values, the same shape
        answer = client.get("/api/shares.json", params=[("by", "city"), ("where", f"year>={year}")])
        assert answer.status_code == 200
    assert compiled.cache.compiled == before


def test_the_answer_cache_keeps_within_its_byte_budget() -> None:
    con = duckdb.connect()
    runner = QueryRunner(con, workers=1, cache_bytes=200_000)
    try:
        made: list[int] = []

        def table(i: int) -> pa.Table:
            made.append(i)
            return pa.table({"x": pa.array(range(i * 10_000, i * 10_000 + 5_000), pa.int64())})

        one = size_of(table(0))
        assert 40_000 <= one <= 50_000  # 5,000 int64 values and the table's overhead
        made.clear()
        for i in range(10):
            runner.remember(("t", i), lambda i=i: table(i))
            assert runner.cached_bytes <= runner.cache_bytes
        assert runner.cached_bytes >= runner.cache_bytes - one  # full, not emptied
        runner.remember(("t", 9), lambda: table(9))  # the latest is kept
        runner.remember(("t", 0), lambda: table(0))  # the oldest was dropped: made again
        assert made == [*range(10), 0]
        big = pa.table({"x": pa.array(range(100_000), pa.int64())})
        assert runner.remember(("big",), lambda: big) is big
        assert ("big",) not in runner._cache  # larger than the whole budget: not kept
        assert runner.cached_bytes <= runner.cache_bytes
    finally:
        runner.close()
        con.close()


def test_size_of_counts_nested_answers() -> None:
    table = pa.table({"x": pa.array(range(1000), pa.int64())})
    answer = {"table": table, "meta": {"where": ["year>=2014"]}, "loads": [{"load_id": "L1"}]}
    assert size_of(answer) > size_of(table) >= 8000
    assert size_of([answer, answer]) < 2 * size_of(answer)  # the same object counted once


def test_size_of_plain_data_is_at_least_what_python_holds_of_it() -> None:
    import sys

    rows = [{"load_id": f"L{i}", "file": "x" * 40, "deals": i} for i in range(50)]
    held = sys.getsizeof(rows) + sum(
        sys.getsizeof(r) + sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in r.items())
        for r in rows
    )
    assert held <= size_of(rows) <= 10 * held
    assert size_of({"rows": rows, "raw": b"x" * 1000}) >= held + 1000  # bytes: item by item


def test_warm_answers_the_first_view_before_any_request(
    web_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``serve`` does before listening: the first view's plans compiled and its kept
    tables (the cubes of the default currency) built; its charts then compile nothing."""
    from sectorlens.web import Settings, create_app
    from sectorlens.web.report_routes import warm

    monkeypatch.setenv("SECTORLENS_CACHE", str(tmp_path))  # no plan kept by earlier tests
    app = create_app(web_store, Settings())
    site = app.state.site
    try:
        warm(site)
        compiled = site.compiled.cache.compiled
        assert compiled >= 5  # the charts' plans, the loads behind them
        ((kept,),) = site.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = ?",
            [site.compiled.facts.kept_catalog],
        ).fetchall()
        assert kept >= 2  # the money cube of the default currency and the field cube
        client = TestClient(app, base_url="http://127.0.0.1")
        for chart in ("deals_by_year", "by_region", "by_sector", "by_round"):
            assert client.get(f"/api/charts/{chart}.json").status_code == 200
        assert site.compiled.cache.compiled == compiled
    finally:
        site.close()
