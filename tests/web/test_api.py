"""The HTTP API: every metric by suffix, provenance, limits, errors, CSV safety, headers."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import duckdb
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_data import FORMULA_NAME

from sectorlens.errors import StoreError
from sectorlens.metrics import REGISTRY, compute, describe, from_duckdb
from sectorlens.metrics.output import cell_text, safe_cell
from sectorlens.web import CSP, Settings, create_app
from sectorlens.web.runner import QueryRunner, QueryTimeout, Watchdog


def _expected(store: Path, name: str, **request: object) -> list[dict[str, object]]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        table = compute(from_duckdb(con), name, **request).table  # type: ignore[arg-type]
    finally:
        con.close()
    return [{k: cell_text(v) for k, v in row.items()} for row in table.to_pylist()]


def _as_text(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [
        {
            k: "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)
            for k, v in r.items()
        }
        for r in rows
    ]


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_metric_answers_json_and_csv_with_the_library_s_rows(
    client: TestClient, web_store: Path, name: str
) -> None:
    params = {"period": "2018"} if name == "reconcile" else {}
    expected = _expected(web_store, name, params=params)
    query = "?period=2018" if params else ""
    plain, as_json = client.get(f"/api/{name}{query}"), client.get(f"/api/{name}.json{query}")
    assert plain.status_code == as_json.status_code == 200, plain.text
    assert plain.json() == as_json.json()
    assert _as_text(as_json.json()["rows"]) == expected
    as_csv = client.get(f"/api/{name}.csv{query}")
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert rows == [{k: safe_cell(str(v)) for k, v in r.items()} for r in expected]


def test_query_parameters_are_those_of_sectorlens_query(
    client: TestClient, web_store: Path
) -> None:
    url = "/api/deals.json?by=year&by=province&where=year>=2017&where=sector=vision&currency=USD"
    doc = client.get(url).json()
    assert doc["meta"]["by"] == ["year", "province"]
    assert doc["meta"]["where"] == ["year>=2017", "sector=vision"]
    assert doc["meta"]["currency"] == "USD"
    expected = _expected(
        web_store,
        "deals",
        by=["year", "province"],
        where=["year>=2017", "sector=vision"],
        currency="USD",
    )
    assert _as_text(doc["rows"]) == expected
    # a declared parameter by its name, like the CLI's --param NAME=VALUE
    by_name = client.get("/api/cagr.json?start=2016&end=2018").json()
    assert {r["start_year"] for r in by_name["rows"]} == {2016}


def test_each_answer_names_the_loads_and_sources_behind_it(client: TestClient) -> None:
    doc = client.get("/api/shares.json?by=province").json()
    assert [load["load_id"] for load in doc["loads"]] == ["L1"]
    load = doc["loads"][0]
    assert load["file"] == "deals.csv" and load["file_sha256"] == "ab12"
    assert "path" not in load and "/secret" not in str(doc)  # never the server's own paths
    # reconciliation rows cite the published sources they come from
    rec = client.get("/api/reconcile.json?period=2018").json()
    cited = {r["source"] for r in rec["rows"] if r["kind"] != "deals"}  # deal rows: a format
    assert cited and cited <= {s["source_id"] for s in rec["sources"]}
    assert all(s["title"] for s in rec["sources"])
    # filters narrow the loads: no deal passes, so no load stands behind the answer
    empty = client.get("/api/shares.json?by=province&where=year>=2100").json()
    assert empty["rows"] == [] and empty["loads"] == []
    head = client.get("/api/shares.csv?by=province")
    assert head.headers["x-sectorlens-loads"] == "L1"


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/shares?by=year", 422, "by"),
        ("/api/deals?by=city", 400, "needs one of year, quarter, month"),
        ("/api/deals?where=bogus", 400, "cannot read filter"),
        ("/api/deals?where=year>=abc", 400, "year takes a whole number"),
        ("/api/deals?where=nosuch=1", 400, "unknown filter field 'nosuch'"),
        ("/api/deals?where=YEAR>=2014", 400, "cannot read filter"),
        ("/api/deals?where=deal_date>=2018-02-30", 400, "deal_date takes a date"),
        ("/api/deals?currency=XYZ", 404, "no exchange rates for currency 'XYZ'"),
        ("/api/deals?currency=EURO", 422, "currency"),
        ("/api/deals?subject=../x", 422, "subject"),
        ("/api/deals?subject=nope", 404, "unknown subject 'nope'"),
        ("/api/cagr?start=abc", 422, "start"),
        ("/api/cagr?start=2018&end=2016", 404, "end year after the start year"),
        ("/api/deals?as_of=yesterday", 400, "as_of"),
        ("/api/deals?as_of=2018-02-29", 400, "as_of"),
        ("/api/reconcile?period=someday", 400, "period"),
        ("/api/reconcile?period=2018-2014", 404, "ends before it starts"),
        ("/api/reconcile", 422, "period"),
        ("/api/ytd?through=02-30", 400, "through"),
        ("/api/nosuchmetric", 404, "Not Found"),
        ("/api/companies/nobody", 404, "no company"),
        ("/api/companies?limit=0", 422, "limit"),
    ],
)
def test_bad_parameters_get_a_4xx_with_a_clear_message(
    client: TestClient, url: str, status: int, message: str
) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert message in response.json()["error"]


def test_metric_list_is_the_registry_description(client: TestClient) -> None:
    assert client.get("/api/metrics").json() == {"metrics": describe()}


def test_openapi_schema_declares_every_metric_with_its_choices(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for name in REGISTRY:
        for suffix in ("", ".json", ".csv"):
            assert f"/api/{name}{suffix}" in schema["paths"]
    params = {p["name"]: p for p in schema["paths"]["/api/shares.json"]["get"]["parameters"]}
    assert "shares_by" in str(params["by"]["schema"])
    by_enum = schema["components"]["schemas"]["shares_by"]["enum"]
    assert by_enum == list(REGISTRY["shares"].by)
    assert {"where", "currency"} <= params.keys()


def test_row_cap_cuts_long_answers_and_says_so(web_store: Path) -> None:
    app = create_app(web_store, Settings(row_cap=2))
    try:
        client = TestClient(app, base_url="http://localhost")
        doc = client.get("/api/shares.json?by=province").json()
        assert len(doc["rows"]) == 2 and doc["meta"]["truncated"] is True
        assert client.get("/api/shares.csv?by=province").headers["x-sectorlens-truncated"] == "true"
        assert len(client.get("/api/companies.json?limit=50").json()["rows"]) == 2
    finally:
        app.state.site.close()


def test_the_watchdog_runs_due_actions_once_and_never_disarmed_ones() -> None:
    dog = Watchdog()
    fired: list[str] = []
    first = dog.arm(0.05, lambda: fired.append("first"))
    dropped = dog.arm(0.05, lambda: fired.append("dropped"))
    dog.arm(0.2, lambda: fired.append("later"))
    dog.disarm(dropped)
    deadline = time.monotonic() + 10
    while len(fired) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    dog.disarm(first)  # already ran: nothing happens
    time.sleep(0.1)
    dog.stop()
    assert fired == ["first", "later"]
    dog.arm(0.01, lambda: fired.append("after stop"))  # a stopped watchdog runs nothing
    time.sleep(0.1)
    assert fired == ["first", "later"]


def test_the_watchdog_runs_deadlines_beyond_its_poll_on_time_without_being_woken() -> None:
    dog = Watchdog(poll=0.1)
    fired: dict[str, float] = {}
    start = time.monotonic()
    dog.arm(5, lambda: None)  # the thread sleeps one poll at most
    time.sleep(0.05)
    # armed while the thread sleeps: later than its wake-up (no wake), then earlier (woken)
    dog.arm(0.35, lambda: fired.setdefault("far", time.monotonic() - start))
    dog.arm(0.01, lambda: fired.setdefault("near", time.monotonic() - start))
    deadline = time.monotonic() + 10
    while len(fired) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    dog.stop()
    assert set(fired) == {"far", "near"}
    assert fired["near"] < fired["far"]
    assert fired["far"] >= 0.4 - 0.001  # never early (armed 0.05 s after the start)


def test_a_query_past_the_time_limit_is_interrupted_and_the_cursor_lives_on() -> None:
    con = duckdb.connect(":memory:")
    runner = QueryRunner(con, workers=1, timeout=0.3)
    slow = "SELECT count(*) FROM range(100000000000) a"
    with pytest.raises(QueryTimeout, match="longer than the server's limit"):
        runner.run(lambda lease: lease.con.execute(slow).fetchall())
    assert runner.run(lambda lease: lease.con.execute("SELECT 42").fetchall()) == [(42,)]
    runner.close()
    con.close()


def test_time_limit_gives_503_not_500(web_store: Path) -> None:
    # (a limit a first, uncached request meets even on a loaded machine; the slow query never ends)
    app = create_app(web_store, Settings(timeout=2.0))
    try:
        client = TestClient(app, base_url="http://localhost")
        site = app.state.site
        slow = "SELECT count(*) FROM range(100000000000) a"
        with pytest.raises(QueryTimeout):
            site.runner.run(lambda lease: lease.con.execute(slow).fetchall())
        assert client.get("/api/deals.json").status_code == 200
    finally:
        app.state.site.close()


def test_the_store_is_opened_read_only(web_app: FastAPI) -> None:
    with pytest.raises(duckdb.Error, match="read-only"):
        web_app.state.site.con.execute("DELETE FROM deals")


def test_a_missing_store_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="sectorlens db init"):
        create_app(tmp_path / "none.duckdb")


def test_csv_cells_that_could_be_formulas_are_neutralized(client: TestClient) -> None:
    text = client.get("/api/companies.csv").text
    names = [row["name"] for row in csv.DictReader(io.StringIO(text))]
    assert "'" + FORMULA_NAME in names and FORMULA_NAME not in names
    for cell, safe in [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("-12.5", "-12.5"),  # a number stays a number
        ("+3", "+3"),
        ("plain", "plain"),
    ]:
        assert safe_cell(cell) == safe


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/deals.json", "/api/deals.csv", "/static/app.css", "/api/nope"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP
        assert headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


def test_company_api_gives_rounds_with_their_loads(client: TestClient) -> None:
    doc = client.get("/api/companies/c1.json").json()
    assert doc["company"]["name"] == "Alpha"
    assert [r["deal_id"] for r in doc["rounds"]] == ["d01", "d02", "d12"]
    assert [load["load_id"] for load in doc["loads"]] == ["L1"]
    rounds = list(csv.DictReader(io.StringIO(client.get("/api/companies/c1.csv").text)))
    assert [r["deal_id"] for r in rounds] == ["d01", "d02", "d12"]
    found = client.get("/api/companies.json?q=alp").json()
    assert [r["company_id"] for r in found["rows"]] == ["c1"] and found["total"] == 1
