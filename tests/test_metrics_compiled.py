"""Compiled plans (metrics.compiled): the same answers as the Ibis path, for every metric and
filter shape; each shape compiled once; plans and store facts renewed when the store changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

import metrics_data
from sectorlens.errors import SectorlensError
from sectorlens.metrics import REGISTRY, compute, from_duckdb
from sectorlens.metrics.compiled import Compiled
from sectorlens.metrics.filters import FIELDS, parse_where
from sectorlens.metrics.plans import shape_of
from sectorlens.metrics.scope import Scope
from sectorlens.store import assign_company_keys

REPO = Path(__file__).resolve().parents[1]
# Filter shapes: none, an int range, a list with null, != with null, a date, a bool, a string,
# a company field; each a second time with other values (same shape: no new compilation).
SHAPES = [
    ([], []),
    (["year>=2017"], ["year>=2016"]),
    (["year>=2016", "year<=2017"], ["year>=2017", "year<=2018"]),
    (["province=Beijing,Shanghai"], ["province=Zhejiang,Guangdong"]),
    (["province!=Beijing,null"], ["province!=Shanghai,null"]),
    (["cluster=null", "round=a"], ["cluster=null", "round=b"]),
    (["deal_date>=2017-03-01"], ["deal_date>=2018-01-01"]),
    (["disclosed=true", "sector=vision"], ["disclosed=true", "sector=chip"]),
    (["implausible=true,false"], ["implausible=true,false"]),
    (["founded_year>=2016"], ["founded_year>=2017"]),
    (["founded<=2016-06-30", "city=Beijing"], ["founded<=2017-06-30", "city=Shanghai"]),
]
PARAMS: dict[str, list[dict[str, Any]]] = {
    "deals": [{}, {"as_of": "2018-06-30"}],
    "ytd": [{}, {"through": "06-30"}],
    "cagr": [{}, {"start": 2016, "end": 2017}],
    "reconcile": [{"period": "2017"}, {"period": "2016-2018", "measure": "deals"}],
}


@pytest.fixture
def store(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The metric fixture (CNY and USD deals, fixed rates), committed to its file."""
    metrics_data.fill(con)
    return con


def applies(metric: str, where: list[str]) -> bool:
    table = REGISTRY[metric].table
    return all(table in FIELDS[parse_where(w).field].tables for w in where)


def groupings(metric: str) -> list[list[str] | None]:
    m = REGISTRY[metric]
    out: list[list[str] | None] = [None]
    for b in m.by[:2]:
        if m.needs_grain and b not in ("year", "quarter", "month"):
            out.append(["year", b])
        elif [b] != list(m.default_by):
            out.append([b])
    return out


def ibis_answer(con: duckdb.DuckDBPyConnection, metric: str, **kw: Any) -> Any:
    try:
        return compute(from_duckdb(con), metric, **kw).table
    except SectorlensError as exc:
        return f"{type(exc).__name__}: {exc}"


def compiled_answer(
    compiled: Compiled, con: duckdb.DuckDBPyConnection, metric: str, **kw: Any
) -> Any:
    try:
        return compiled.compute(con, metric, **kw).table
    except SectorlensError as exc:
        return f"{type(exc).__name__}: {exc}"


def same(a: Any, b: Any) -> bool:
    """The same error, or the same schema and rows (in any order: ``deal_size`` by quarter
    sorts by quarter alone, so rows of one quarter come in DuckDB's order on either path)."""
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    rows = sorted(map(repr, a.to_pylist())) == sorted(map(repr, b.to_pylist()))
    return bool(a.schema.equals(b.schema, check_metadata=True)) and rows


@pytest.mark.parametrize("metric", list(REGISTRY))
def test_every_metric_and_filter_shape_answers_as_the_ibis_path(
    store: duckdb.DuckDBPyConnection, metric: str, tmp_path: Path
) -> None:
    compiled = Compiled(store, tmp_path / "plans")
    checked = 0
    for by in groupings(metric):
        for params in PARAMS.get(metric, [{}]):
            for i, (first, second) in enumerate(SHAPES):
                if not applies(metric, first):
                    continue
                currency = (None, "USD", "KRW")[i % 3]
                for where in (first, second):
                    kw = {"by": by, "where": where, "currency": currency, "params": params}
                    want = ibis_answer(store, metric, **kw)
                    got = compiled_answer(compiled, store, metric, **kw)
                    assert same(want, got), (metric, kw)
                    checked += 1
    assert checked >= 16
    # a second filter of the same shape reused the first one's plan
    assert compiled.cache.compiled < checked


def test_a_shape_is_compiled_once_and_kept_on_disk(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    folder = tmp_path / "plans"
    compiled = Compiled(store, folder)
    compiled.compute(store, "shares", by=["province"], where=["year>=2014"])
    first = compiled.cache.compiled  # the metric's plan and the default currency's
    for year in (2015, 2016, 2017, 2018):
        compiled.compute(store, "shares", by=["province"], where=[f"year>={year}"])
    assert first == 2 and compiled.cache.compiled == first
    assert list(folder.glob("*.json"))
    fresh = Compiled(store, folder)  # another process: the plan is read from disk
    got = fresh.compute(store, "shares", by=["province"], where=["year>=2017"]).table
    assert fresh.cache.compiled == 0
    want = compute(from_duckdb(store), "shares", by=["province"], where=["year>=2017"]).table
    assert same(want, got)
    # another shape (two values instead of one) is compiled
    fresh.compute(store, "shares", by=["province"], where=["round=a,b"])
    assert fresh.cache.compiled == 1


def test_filter_values_are_parameters_not_sql_text(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    folder = tmp_path / "plans"
    compiled = Compiled(store, folder)
    hostile = "x' OR 1=1 --"
    got = compiled.compute(store, "deals", where=[f"province={hostile}"]).table
    assert sum(got.column("deals").to_pylist()) == 0
    text = "".join(p.read_text() for p in folder.glob("*.json"))
    assert hostile not in text and "$p0" in text
    assert shape_of([parse_where("province=a,null")]) == [["province", "=", ["str", None]]]


def test_plans_and_facts_follow_the_store(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    before = Compiled(store, folder)
    ytd = before.compute(store, "ytd").table  # the as-of day is read while building (volatile)
    assert before.facts.deal_currencies() == ["CNY", "USD"]
    store.execute(
        "INSERT INTO deals (deal_id, load_id, row_ref, source_format, company_id, deal_date,"
        " round, amount_kind, amount_qualifier, disclosed, currency, amount_value)"
        " VALUES ('d13', 'L2', 'd13', 'fixture', 'c2', '2019-02-01', 'c', 'money', 'exact',"
        " true, 'KRW', 1000000000)"
    )
    assign_company_keys(store)
    store.execute("CHECKPOINT")
    after = Compiled(store, folder)  # the store changed: its facts are read again
    assert after.facts.token != before.facts.token
    assert after.facts.deal_currencies() == ["CNY", "KRW", "USD"]
    for metric, kw in (("ytd", {}), ("deals", {"currency": "USD"}), ("shares", {})):
        want = compute(from_duckdb(store), metric, **kw).table
        got = after.compute(store, metric, **kw).table
        assert same(want, got), metric
    assert not same(ytd, after.compute(store, "ytd").table)


def test_scope_and_default_currency_as_the_ibis_path(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    from sectorlens.metrics.scope import scope_counts

    compiled = Compiled(store, tmp_path / "plans")
    engine = from_duckdb(store)
    for scope in (None, Scope("s", ("CN",), ("vision",), (2016, 2017)), Scope("t", ("US",))):
        assert compiled.default_currency(store, scope) == engine.default_currency(scope)
        if scope is not None:
            assert compiled.scope_counts(store, scope) == scope_counts(engine, scope)
        want = compute(engine, "deals", scope=scope).table
        assert same(want, compiled.compute(store, "deals", scope=scope).table)
    assert compiled.facts.defaults  # kept with the store facts


def test_an_in_memory_store_works_without_a_cache_folder() -> None:
    from sectorlens.store import connect

    con = connect(":memory:")
    try:
        metrics_data.fill(con)
        compiled = Compiled(con, None)
        assert compiled.facts.token is None
        for metric in ("deals", "ytd", "shares"):
            want = compute(from_duckdb(con), metric).table
            assert same(want, compiled.compute(con, metric).table)
    finally:
        con.close()


def test_query_needs_neither_ibis_nor_pandas_once_compiled(db_path: Path, tmp_path: Path) -> None:
    """``sectorlens query`` in its own process: the second run of a shape imports no Ibis."""
    from sectorlens.store import connect

    with connect(db_path) as con:
        metrics_data.fill(con)
    env = {"SECTORLENS_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(REPO / "src")}
    probe = (
        "import sys\n"
        "from sectorlens.cli import run\n"
        "sys.argv = ['sectorlens', *sys.argv[1:]]\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('ibis' in sys.modules, 'pandas' in sys.modules, file=sys.stderr)\n"
        "heavy = ('numpy', 'pydantic', 'pyarrow.compute', 'altair', 'jinja2')\n"
        "print('loaded:', *[m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    args = ["query", "deals", "--by", "year", "--where", "year>=2016", "--db", str(db_path)]
    first = subprocess.run(
        [sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True, check=True
    )
    args[5] = "year>=2017"  # the same shape, another value
    second = subprocess.run(
        [sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True, check=True
    )
    assert "True False\nloaded:" in first.stderr  # compiled with Ibis the first time
    # the start-up budget (issue 14: under 0.5 s cold) is these libraries not loaded:
    # numpy and pandas (pyarrow's shim), pydantic (typer >= 0.28 validates options with it),
    # pyarrow.compute (Arrow forms, the server's)
    assert second.stderr.strip().endswith("False False\nloaded:"), second.stderr
    assert "2017" in second.stdout and "2016" not in second.stdout
