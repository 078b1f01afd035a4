"""The store's Parquet export for the Spark engine: types kept, the cache follows the store, and
Spark's failures are one line (the last ones start a JVM: marked ``spark``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import metrics_data
from sectorlens.metrics.engine import METRIC_TABLES
from sectorlens.metrics.spark import (
    cache_folder,
    cached_export,
    export_parquet,
    spark_available,
    spark_failure,
)
from sectorlens.store import connect

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(db_path: Path) -> Path:
    """The hand-made metrics store, closed."""
    con = connect(db_path)
    metrics_data.fill(con)
    con.close()
    return db_path


def _types(schema: pa.Schema) -> list[tuple[str, pa.DataType]]:
    """Column names and types (Parquet keeps no NOT NULL flag and names list items itself)."""
    return [
        (f.name, pa.list_(f.type.value_type) if pa.types.is_list(f.type) else f.type)
        for f in schema
    ]


def test_export_round_trip_keeps_types_and_rows(store: Path, tmp_path: Path) -> None:
    con = connect(store, read_only=True)
    try:
        written = export_parquet(con, tmp_path / "out")
        assert [w.table for w in written] == list(METRIC_TABLES)
        for item in written:
            expected = con.sql(f"SELECT * FROM {item.table}").to_arrow_table()
            actual = pq.read_table(item.path)
            assert item.rows == expected.num_rows
            assert _types(actual.schema) == _types(expected.schema), item.table
            assert actual.to_pylist() == expected.to_pylist(), item.table
    finally:
        con.close()
    deals = pq.read_schema(tmp_path / "out" / "deals.parquet")
    assert str(deals.field("amount_value").type) == "decimal128(38, 6)"
    assert str(deals.field("deal_date").type) == "date32[day]"
    assert not list((tmp_path / "out").glob(".*"))  # no part files left behind


def test_cache_is_reused_until_the_store_changes(store: Path) -> None:
    opened: list[int] = []

    def open_store() -> Any:
        opened.append(1)
        return connect(store, read_only=True)

    first, reused = cached_export(store, open_store)
    assert not reused and first.parent == cache_folder(store)
    assert pq.read_metadata(first / "deals.parquet").num_rows == len(metrics_data.DEALS)
    again, reused = cached_export(store, open_store)
    assert reused and again == first and len(opened) == 1

    con = connect(store)
    con.execute("DELETE FROM deals WHERE deal_id = 'd01'")
    con.close()
    changed, reused = cached_export(store, open_store)
    assert not reused and changed != first and len(opened) == 2
    assert pq.read_metadata(changed / "deals.parquet").num_rows == len(metrics_data.DEALS) - 1
    assert not first.exists()  # the export of the earlier state is gone
    assert [p.name for p in cache_folder(store).iterdir()] == [changed.name]


def test_db_export_says_what_it_wrote(store: Path, tmp_path: Path, cli: Callable[..., Any]) -> None:
    out = tmp_path / "parquet"
    result = cli("db", "export", "--parquet", str(out), "--db", str(store))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"store: {store}"
    deals = next(line for line in lines if line.startswith("deals "))
    assert f"{len(metrics_data.DEALS)} rows → {out / 'deals.parquet'}" in deals
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in METRIC_TABLES)


def test_spark_options_need_the_spark_engine(store: Path, cli: Callable[..., Any]) -> None:
    result = cli("query", "deals", "--spark-master", "local[1]", "--db", str(store))
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --spark-master needs --engine spark"
    result = cli("query", "deals", "--engine", "spark", "--spark-conf", "nokey", "--db", str(store))
    assert result.exit_code == 2
    assert "--spark-conf takes KEY=VALUE" in result.stderr


def test_java_errors_become_one_line() -> None:
    class FakeJavaError(Exception):
        pass

    text = "An error occurred while calling o41.sql.\n: java.lang.OutOfMemoryError: Java heap space"
    message = str(spark_failure(FakeJavaError(text + "\n\tat org.apache.spark.X(X.java:1)")))
    assert "\n" not in message
    assert message.startswith("Spark ran out of memory (java.lang.OutOfMemoryError: Java heap")
    assert "spark.driver.memory" in message


def _sectorlens(*args: str) -> subprocess.CompletedProcess[str]:
    """The real program in a process of its own (a new JVM: --spark-master is honoured)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        [sys.executable, "-m", "sectorlens", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


@pytest.mark.spark
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            ("--spark-master", "nope://host", "--parquet", "EXPORTED"),
            "error: Spark could not start: ",
        ),
        (("--parquet", "MISSING"), "error: spark: [PATH_NOT_FOUND] Path does not exist: "),
    ],
    ids=["bad-master", "missing-parquet"],
)
def test_spark_failures_are_one_line(
    store: Path, tmp_path: Path, options: tuple[str, ...], expected: str
) -> None:
    reason = spark_available()
    if reason:
        if os.environ.get("SECTORLENS_REQUIRE_SPARK"):
            pytest.fail(f"SECTORLENS_REQUIRE_SPARK is set but {reason}")
        pytest.skip(reason)
    with connect(store, read_only=True) as con:
        export_parquet(con, tmp_path / "exported")
    names = {"MISSING": str(tmp_path / "missing"), "EXPORTED": str(tmp_path / "exported")}
    options = tuple(names.get(o, o) for o in options)
    result = _sectorlens("query", "deals", "--engine", "spark", *options, "--db", str(store))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr  # nothing from the JVM, no traceback
    assert result.stderr.startswith(expected), result.stderr
