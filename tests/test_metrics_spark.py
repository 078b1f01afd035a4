"""Every metric on DuckDB and on PySpark over the same store (read by Spark as the Parquet
``export_parquet`` writes) gives identical results.

Skipped (with the reason) where pyspark or Java is absent; ``make test-spark`` installs the
``[spark]`` extra and sets ``SECTORLENS_REQUIRE_SPARK=1`` so that there a skip is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import metrics_data
from sectorlens.fx import FxRates
from sectorlens.metrics import REGISTRY, Engine, Scope, compute, from_duckdb
from sectorlens.store import connect

pytestmark = [
    pytest.mark.spark,
    # PySpark leaves the local socket it collects results through for the GC to close.
    pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning"),
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning"
    ),
]

# Every metric, with each of its grouping options once (and a filter or two).
CASES: list[tuple[str, dict[str, Any]]] = [
    ("deals", {}),
    ("deals", {"by": ["quarter", "province"], "currency": "USD"}),
    ("deals", {"by": ["month"], "where": ["disclosed=true"]}),
    ("ytd", {}),
    ("ytd", {"params": {"through": "06-30"}, "currency": "KRW"}),
    ("shares", {"by": ["province"]}),
    ("shares", {"by": ["city"], "where": ["year>=2017"]}),
    ("shares", {"by": ["cluster"]}),
    ("concentration", {"by": ["province"]}),
    ("concentration", {"by": ["cluster"], "currency": "USD"}),
    ("segments", {"by": ["sector"]}),
    ("segments", {"by": ["chain_layer"]}),
    ("stage_mix", {}),
    ("deal_size", {}),
    ("deal_size", {"by": []}),
    ("deal_size", {"by": ["round"], "currency": "USD"}),
    ("growth", {}),
    ("cagr", {"params": {"start": 2016, "end": 2018}}),
    ("cohorts", {}),
    ("cohorts", {"by": ["sector"], "where": ["province!=Shanghai"]}),
    ("reconcile", {"params": {"period": "2018"}}),
    ("reconcile", {"params": {"period": "2016-2018", "measure": "deals"}}),
    ("fx", {"currency": "USD"}),
    ("fx", {"currency": "KRW", "where": ["year>=2017"]}),
    ("shares", {"by": ["province"], "scope": Scope(countries=("CN",), years=(2017, 2018))}),
    (
        "deal_size",
        {"by": ["year"], "currency": "EUR", "scope": Scope(countries=("CN",), years=(2016, 2017))},
    ),
]


def _reason() -> str | None:
    from sectorlens.metrics.spark import spark_available

    return spark_available()


@pytest.fixture(scope="module", params=["fixture", "itjuzi"])
def engines(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Engine, Engine]]:
    """One store on DuckDB and on a local Spark: the hand-made fixture (plus a reference
    observation), then the itjuzi export as ``sectorlens ingest`` loads it."""
    reason = _reason()
    if reason:
        if os.environ.get("SECTORLENS_REQUIRE_SPARK"):
            pytest.fail(f"SECTORLENS_REQUIRE_SPARK is set but {reason}")
        pytest.skip(reason)
    from sectorlens.metrics.spark import export_parquet, spark_engine

    folder = tmp_path_factory.mktemp("spark")
    if request.param == "itjuzi":
        from test_metrics_itjuzi import ingest_store

        con = connect(ingest_store(request.getfixturevalue("shared_data"), folder))
    else:
        con = connect(folder / "store.duckdb")
        metrics_data.fill(con)
        con.execute(
            "INSERT INTO sources (source_id, title, published)"
            " VALUES ('seed', 'A report', '2019-03-01')"
        )
        con.execute(
            "INSERT INTO observations (obs_id, metric, value, unit, currency, period_start,"
            " period_end, source_id) VALUES ('o1', 'investment_amount', 40000000, 'USD',"
            " 'USD', '2018-01-01', '2018-12-31', 'seed')"
        )
    export_parquet(con, folder / "parquet")
    spark = spark_engine(folder / "parquet")
    try:
        yield from_duckdb(con), spark
    finally:
        spark.close()
        con.close()


def test_the_cases_cover_every_metric() -> None:
    assert {name for name, _ in CASES} == set(REGISTRY)


@pytest.mark.parametrize(
    ("name", "kwargs"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)]
)
def test_duckdb_and_spark_agree(
    engines: tuple[Engine, Engine], name: str, kwargs: dict[str, Any]
) -> None:
    duck, spark = engines
    fx = FxRates() if name == "reconcile" else None
    expected = compute(duck, name, fx=fx, **kwargs).table
    actual = compute(spark, name, fx=fx, **kwargs).table
    assert expected.num_rows > 0 or name == "reconcile"
    assert actual.schema == expected.schema
    assert actual.to_pylist() == expected.to_pylist()


def test_spark_reads_the_exported_types(engines: tuple[Engine, Engine]) -> None:
    """Parquet keeps every column's type: DECIMAL(38,6) amounts, DECIMAL(24,18) rates, dates,
    lists, booleans and BIGINT keys are the same Ibis types on Spark as on DuckDB."""
    duck, spark = engines
    for name in ("deals", "companies", "observations", "fx_rates", "sources"):
        theirs = {k: t.copy(nullable=True) for k, t in spark.table(name).schema().items()}
        ours = {k: t.copy(nullable=True) for k, t in duck.table(name).schema().items()}
        assert theirs == ours, name
    assert str(spark.table("fx_rates").schema()["eur_per"]) == "decimal(24, 18)"


def test_query_cli_on_the_spark_engine(
    request: pytest.FixtureRequest,
    engines: tuple[Engine, Engine],
    db_path: Path,
    cli: Callable[..., Any],
) -> None:
    """Last in the module: closing the CLI's engine stops the (shared, getOrCreate) session."""
    if request.node.callspec.params["engines"] != "fixture":
        pytest.skip("the CLI runs once, on the fixture store")
    con = connect(db_path)
    metrics_data.fill(con)
    con.close()
    args = ("query", "growth", "--engine", "spark", "--format", "csv", "--db", str(db_path))
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2].startswith("2017,false,4,100.0000,")
    cache = db_path.with_name(db_path.name + ".parquet")
    assert f"exported the store to Parquet in {cache}" in result.stderr
    again = cli(*args)  # the store is unchanged: its export is read again, not rewritten
    assert again.exit_code == 0, again.stderr
    assert "(store unchanged)" in again.stderr
    assert again.stdout == result.stdout
