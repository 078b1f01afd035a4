"""The PySpark engine: the store's metric tables copied into a local Spark session.

Imported only when ``--engine spark`` is asked for, so Spark's start-up (seconds, a JVM) never
touches the default DuckDB path. Needs the ``sectorlens[spark]`` extra and Java 17.
"""

from __future__ import annotations

import shutil
from typing import Any

import duckdb
import pyarrow as pa

from sectorlens.errors import SectorlensError
from sectorlens.metrics.engine import METRIC_TABLES, Engine


class SparkUnavailable(SectorlensError):
    """PySpark or Java is missing."""


def spark_available() -> str | None:
    """None when the Spark engine can run here, else the reason it cannot."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'sectorlens[spark]')"
    if shutil.which("java") is None:
        return "no `java` on PATH (Spark needs Java 17)"
    return None


def start_session(master: str = "local[2]") -> Any:
    """A local SparkSession tuned for small result sets (UTC, few shuffle partitions, no UI)."""
    reason = spark_available()
    if reason:
        raise SparkUnavailable(f"the spark engine is unavailable: {reason}")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master(master)
        .appName("sectorlens-metrics")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "false")
        # an amount × a rate keeps all 18 decimal places, as on DuckDB (see metrics.common)
        .config("spark.sql.decimalOperations.allowPrecisionLoss", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def spark_engine(
    con: duckdb.DuckDBPyConnection, *, master: str = "local[2]", session: Any = None
) -> Engine:
    """Copy the metric tables of ``con`` into Spark views and return an engine over them."""
    import ibis

    own = session is None
    spark = start_session(master) if own else session
    spark.conf.set("spark.sql.decimalOperations.allowPrecisionLoss", "false")
    cursor = con.cursor()  # its own result state: the caller's connection may hold one open
    for name in METRIC_TABLES:
        arrow = cursor.sql(f"SELECT * FROM {name}").to_arrow_table()  # names are constants
        if arrow.num_rows == 0:  # PySpark cannot convert a column without any chunk
            arrow = pa.Table.from_arrays(
                [pa.array([], f.type) for f in arrow.schema], schema=arrow.schema
            )
        spark.createDataFrame(arrow).createOrReplaceTempView(name)
    cursor.close()
    backend = ibis.pyspark.connect(spark)
    return SparkEngine(backend, "spark", spark.stop if own else None)


class SparkEngine(Engine):
    """Executes through Spark's own Arrow collection (``toArrow``), not through pandas."""

    def execute(self, expr: Any) -> Any:
        """Run ``expr`` on Spark and return an Arrow table of the expression's schema."""
        sql = self.backend.compile(expr)
        arrow = self.backend._session.sql(sql).toArrow()
        schema = expr.schema().to_pyarrow()
        if arrow.num_rows == 0:
            return schema.empty_table()
        return arrow.cast(schema)
