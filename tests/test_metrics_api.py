"""The filter grammar, the registry's validation, and ``sectorlens query``."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

import metrics_data
from sectorlens.errors import UsageError
from sectorlens.metrics import REGISTRY, compute, describe, from_duckdb, make_filter, parse_where
from sectorlens.metrics.filters import Filter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("province=Beijing", Filter("province", "=", ("Beijing",))),
        (" year >= 2014 ", Filter("year", ">=", (2014,))),
        ("round=A,B+", Filter("round", "=", ("A", "B+"))),
        ("cluster=null", Filter("cluster", "=", (None,))),
        ("disclosed=false", Filter("disclosed", "=", (False,))),
        ("deal_date<2018-07-01", Filter("deal_date", "<", (date(2018, 7, 1),))),
        ("sector!=vision", Filter("sector", "!=", ("vision",))),
    ],
)
def test_where_clauses_parse_into_typed_filters(text: str, expected: Filter) -> None:
    assert parse_where(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1=1; DROP TABLE deals", "cannot read filter"),
        ("province = 'x' OR 1=1 --", None),  # a plain string value, never SQL
        ("name=Alpha", "unknown filter field"),
        ("year>=twenty", "whole number"),
        ("deal_date>2018-13-01", "date YYYY-MM-DD"),
        ("year>=2014,2015", "whole number"),
        ("province=", "needs a value"),
        ("year>null", "null only works"),
        ("disclosed=maybe", "true or false"),
    ],
)
def test_bad_where_clauses_are_usage_errors(text: str, message: str | None) -> None:
    if message is None:
        assert parse_where(text).values == ("'x' OR 1=1 --",)
        return
    with pytest.raises(UsageError, match=message):
        parse_where(text)


def test_make_filter_takes_query_parameter_parts() -> None:
    assert make_filter("province", "=", ["Beijing", "Shanghai"]).values == ("Beijing", "Shanghai")
    with pytest.raises(UsageError, match="exactly one value"):
        make_filter("year", ">=", ["2014", "2015"])


@pytest.fixture
def engine(con: duckdb.DuckDBPyConnection):  # type: ignore[no-untyped-def]
    metrics_data.fill(con)
    return from_duckdb(con)


def test_an_injection_attempt_is_a_value_that_matches_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    result = compute(engine, "shares", by=["province"], where=["province=x' OR '1'='1"])
    assert result.table.num_rows == 0


def test_not_equal_keeps_unknown_values_and_null_is_matchable(engine) -> None:  # type: ignore[no-untyped-def]
    kept = compute(engine, "deals", where=["province!=Beijing"]).to_pylist()
    assert sum(r["deals"] for r in kept) == 7  # 12 − 5 Beijing deals, d10 (unknown) kept
    unknown = compute(engine, "deals", where=["province=null"]).to_pylist()
    assert [(r["period"], r["deals"]) for r in unknown] == [("2017", 1)]


@pytest.mark.parametrize(
    ("name", "kwargs", "message"),
    [
        ("nope", {}, "unknown metric"),
        ("shares", {"by": ["investors"]}, "cannot be grouped by"),
        ("deals", {"by": ["year", "month"]}, "choose one of"),
        ("deals", {"by": ["year", "city", "sector"]}, "1 to 2 --by"),
        (
            "shares",
            {"currency": "XYZ"},
            r"currency .XYZ. in this store; known: CNY, USD, EUR, KRW \(4 in all\)",
        ),
        ("shares", {"currency": "US dollar"}, "ISO 4217"),
        ("cagr", {"params": {"start": "x"}}, "whole number"),
        ("deals", {"params": {"bogus": 1}}, "no parameter"),
        ("reconcile", {"params": {"measure": "both", "period": "2018"}}, "one of amount"),
        ("reconcile", {}, "parameter period is required"),
        ("reconcile", {"params": {"period": "2019-2018"}}, "ends before"),
        ("ytd", {"params": {"through": "02-30"}}, "MM-DD"),
        ("cohorts", {"where": ["round=A"]}, "does not apply to companies"),
    ],
)
def test_requests_are_validated(engine, name: str, kwargs: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match=message):
        compute(engine, name, **kwargs)


def test_every_metric_describes_itself_for_the_web() -> None:
    described = {d["name"]: d for d in describe()}
    assert list(described) == list(REGISTRY)
    assert described["shares"]["by"][:3] == ["province", "city", "cluster"]
    assert "round" in described["deals"]["filters"]
    assert "round" not in described["cohorts"]["filters"]
    assert described["cagr"]["params"][0] == {
        "name": "start",
        "type": "int",
        "help": "first year",
        "default": None,
        "choices": [],
    }
    json.dumps(described)  # JSON-ready


# --- the CLI ---------------------------------------------------------------------------------


@pytest.fixture
def store(db_path: Path) -> Path:
    from sectorlens.store import connect

    con = connect(db_path)
    metrics_data.fill(con)
    con.close()
    return db_path


def test_query_prints_a_table(store: Path, cli: Callable) -> None:
    result = cli("query", "shares", "--by", "city", "--where", "year>=2018", "--db", str(store))
    assert result.exit_code == 0, result.stderr
    assert "Shenzhen" in result.stdout and "where year>=2018" in result.stdout


def test_query_csv_and_json(store: Path, cli: Callable) -> None:
    csv_out = cli("query", "growth", "--format", "csv", "--currency", "KRW", "--db", str(store))
    assert csv_out.exit_code == 0, csv_out.stderr
    lines = csv_out.stdout.splitlines()
    assert lines[0].startswith("year,partial,deals,deals_yoy_pct")
    assert lines[2].startswith("2017,false,4,100.0000,11050000000.000000,")  # 65M CNY × 170
    js = json.loads(cli("query", "concentration", "--format", "json", "--db", str(store)).stdout)
    assert js["meta"]["by"] == ["province"]
    assert js["rows"][0]["hhi"] == "3057.85"  # decimals travel as exact strings


def test_query_writes_parquet_and_xlsx(store: Path, cli: Callable, tmp_path: Path) -> None:
    pq_path = tmp_path / "deals.parquet"
    result = cli(
        "query",
        "deals",
        "--by",
        "quarter",
        "--format",
        "parquet",
        "--out",
        str(pq_path),
        "--db",
        str(store),
    )
    assert result.exit_code == 0, result.stderr
    table = pq.read_table(pq_path)
    assert sum(table.column("deals").to_pylist()) == 12
    openpyxl = pytest.importorskip("openpyxl")
    xlsx = tmp_path / "size.xlsx"
    assert (
        cli(
            "query", "deal_size", "--format", "xlsx", "--out", str(xlsx), "--db", str(store)
        ).exit_code
        == 0
    )
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.cell(1, 1).value == "year" and sheet.cell(2, 1).value == 2016


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "deals", "--where", "year>=x"], "whole number"),
        (["query", "deals", "--format", "pdf"], "unknown format"),
        (["query", "deals", "--format", "parquet"], "give --out"),
        (["query", "deals", "--engine", "flink"], "unknown engine"),
        (["query", "deals", "--param", "as_of"], "NAME=VALUE"),
    ],
)
def test_query_errors_are_one_line(
    store: Path, cli: Callable, args: list[str], message: str
) -> None:
    result = cli(*args, "--db", str(store))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_without_a_store_says_so(cli: Callable, tmp_path: Path) -> None:
    result = cli("query", "deals", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1 and "no store" in result.stderr


def test_queries_run_on_a_read_only_connection(store: Path) -> None:
    from sectorlens.metrics import open_engine

    with open_engine(store) as engine:
        assert compute(engine, "deals").table.num_rows == 3
        with pytest.raises(duckdb.Error, match="read-only"):
            engine.backend.con.execute("DELETE FROM deals")


def test_query_lists_metrics(cli: Callable) -> None:
    result = cli("query", "--list")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(REGISTRY)
