"""The PySpark engine: the store's metric tables read as Parquet by Spark, never through Python.

The store's tables are exported once with DuckDB's ``COPY … (FORMAT parquet)`` — to a folder
the user names (``sectorlens db export --parquet DIR``, any URI Spark can read for a cluster:
``s3a://``, ``abfss://``, ``hdfs://``) or to a cache beside the store, keyed by the store's file
state so that a changed store is exported again. Spark registers ``spark.read.parquet`` views over
them: the data goes from files to executors, the driver only plans and collects the (small)
answers. Imported only when ``--engine spark`` is asked for; needs the ``sectorlens[spark]`` extra
and Java 17.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import duckdb

from sectorlens.errors import SectorlensError, UsageError
from sectorlens.metrics.engine import METRIC_TABLES, Engine

# Bumped when what an export writes changes, so that older caches are not read.
EXPORT_VERSION = 1
DEFAULT_MASTER = "local[2]"
# Defaults for a local session; ``--spark-conf`` overrides any of them.
SESSION_DEFAULTS: dict[str, str] = {
    "spark.sql.shuffle.partitions": "4",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.ansi.enabled": "false",
    # an amount × a rate keeps all 18 decimal places, as on DuckDB (see metrics.common)
    "spark.sql.decimalOperations.allowPrecisionLoss": "false",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    # a Java error is reported as one line (SparkError), not with the JVM's stack
    "spark.sql.pyspark.jvmStacktrace.enabled": "false",
}


# The SQL settings identical results depend on, set on a session the caller passes in too.
RESULT_SETTINGS = (
    "spark.sql.session.timeZone",
    "spark.sql.ansi.enabled",
    "spark.sql.decimalOperations.allowPrecisionLoss",
)


class SparkUnavailable(SectorlensError):
    """PySpark or Java is missing."""


class SparkError(SectorlensError):
    """Spark failed: a bad master URL, a missing Parquet folder, out of memory, …"""


@dataclass(frozen=True)
class Exported:
    """One table written as Parquet: its name, rows and file."""

    table: str
    rows: int
    path: Path


def spark_available() -> str | None:
    """None when the Spark engine can run here, else the reason it cannot."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'sectorlens[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no `java` on PATH and no JAVA_HOME (Spark needs Java 17)"
    return None


def export_parquet(
    con: duckdb.DuckDBPyConnection, folder: Path, tables: tuple[str, ...] = METRIC_TABLES
) -> list[Exported]:
    """Write each of ``tables`` to ``folder/NAME.parquet`` with DuckDB (types kept: DECIMAL(p,s),
    DATE, lists); each file is written beside and renamed into place, never half-written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {folder}: {exc.strerror}") from exc
    done = []
    for name in tables:  # names are constants of the store schema, never user text
        target = folder / f"{name}.parquet"
        part = folder / f".{name}.parquet.{os.getpid()}.part"
        quoted = str(part).replace("'", "''")
        try:
            rows = con.execute(
                f"COPY {name} TO '{quoted}' (FORMAT parquet, COMPRESSION zstd)"
            ).fetchall()
            os.replace(part, target)
        except (duckdb.Error, OSError) as exc:
            part.unlink(missing_ok=True)
            raise UsageError(f"cannot export {name} to {target}: {_first_line(exc)}") from exc
        done.append(Exported(name, int(rows[0][0]) if rows else 0, target))
    return done


def store_state(db: Path) -> str:
    """A key for the store file's current state (size and modification time of the file and of
    its write-ahead log): any write to the store changes it."""
    parts = [f"v{EXPORT_VERSION}", ",".join(METRIC_TABLES)]
    for path in (db, db.with_name(db.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def cache_folder(db: Path) -> Path:
    """The folder beside the store that holds its cached Parquet export."""
    return db.with_name(db.name + ".parquet")


def cached_export(
    db: Path, open_store: Callable[[], duckdb.DuckDBPyConnection]
) -> tuple[Path, bool]:
    """The Parquet export of the store ``db`` in its cache folder, written now unless the
    store is unchanged since the last one; returns the folder and whether it was reused.
    Exports of earlier store states are removed."""
    root = cache_folder(db)
    key = store_state(db)
    folder = root / key
    if (folder / "_COMPLETE").exists():
        return folder, True
    part = root / f".{key}.{os.getpid()}.part"
    try:
        root.mkdir(exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"cannot write the store's Parquet export beside it ({root}: {exc.strerror}); "
            "write one elsewhere with `sectorlens db export --parquet DIR` and pass --parquet DIR"
        ) from exc
    con = open_store()
    try:
        export_parquet(con, part)
    finally:
        con.close()
    (part / "_COMPLETE").write_text(f"{db}\n", encoding="utf-8")
    try:
        part.rename(folder)
    except OSError:  # another process exported the same state first: use theirs
        shutil.rmtree(part, ignore_errors=True)
        if not (folder / "_COMPLETE").exists():
            raise
    for old in root.iterdir():
        if old.name != key and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return folder, False


def parquet_uri(location: str | Path) -> str:
    """A Parquet folder as Spark reads it: URIs (``s3a://…``) as given, local paths absolute."""
    text = str(location)
    if "://" in text or text.startswith("file:"):
        return text.rstrip("/")
    return str(Path(text).expanduser().resolve())


def _first_line(exc: BaseException) -> str:
    """The message of ``exc`` without stacks: for a Java error, the exception line."""
    text = str(exc)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in lines:  # Py4JJavaError: "An error occurred while calling o33.x.\n: java.…"
        if line.startswith(": "):
            return line[2:].strip()
    return lines[0] if lines else type(exc).__name__


def spark_failure(exc: BaseException) -> SparkError:
    """A Spark, Py4J or Java error as one line that says what to do where it can."""
    line = _first_line(exc)
    if "OutOfMemoryError" in line or "Java heap space" in line:
        return SparkError(
            f"Spark ran out of memory ({line}); give it more with "
            "--spark-conf spark.driver.memory=4g (local mode) or run on a cluster (--spark-master)"
        )
    if "JAVA_GATEWAY_EXITED" in line or "Java gateway process exited" in line:
        return SparkError(
            f"Spark could not start its Java process ({line}); check Java 17, JAVA_HOME and "
            "the --spark-master / --spark-conf values"
        )
    return SparkError(f"spark: {line}")


@contextlib.contextmanager
def spark_errors(jvm_log: IO[bytes] | None = None) -> Iterator[None]:
    """Turn errors raised by Spark, Py4J or the JVM into one-line :class:`SparkError`; where
    the JVM died before answering, the exception it printed (in ``jvm_log``) is the line."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    try:
        yield
    except (PySparkException, Py4JError, RuntimeError, OSError, ValueError) as exc:
        if not isinstance(exc, PySparkException | Py4JError) and not type(
            exc
        ).__module__.startswith(("pyspark", "py4j")):
            raise
        failure = spark_failure(exc)
        said = _jvm_exception(jvm_log) if jvm_log is not None else None
        if said and "JAVA_GATEWAY_EXITED" in str(exc):
            failure = SparkError(f"Spark could not start: {said}")
        raise failure from None


@contextlib.contextmanager
def _jvm_output() -> Iterator[IO[bytes]]:
    """While a session starts, file descriptor 2 points to a temporary file, so that the JVM
    launched now writes its banner, logs and stack traces there (for the whole of its life)
    rather than on the user's terminal; the file is read back when the start fails."""
    with tempfile.TemporaryFile(prefix="sectorlens-spark-") as log:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(log.fileno(), 2)
        try:
            yield log
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _jvm_exception(log: IO[bytes]) -> str | None:
    """The last ``…Exception: message`` line the JVM printed, if any."""
    log.seek(0)
    found = None
    for raw in log.read(1 << 20).decode("utf-8", "replace").splitlines():
        line = raw.strip()
        if line.startswith("at ") or ": " not in line:
            continue
        head = line.split(": ", 1)[0].removeprefix('Exception in thread "main" ')
        if head.endswith(("Exception", "Error")):
            found = line.removeprefix('Exception in thread "main" ')
    return found


def start_session(master: str = DEFAULT_MASTER, conf: Mapping[str, str] | None = None) -> Any:
    """A SparkSession at ``master`` with the local defaults, then ``conf`` (wins over them)."""
    reason = spark_available()
    if reason:
        raise SparkUnavailable(f"the spark engine is unavailable: {reason}")
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName("sectorlens-metrics")
    for key, value in {**SESSION_DEFAULTS, **(conf or {})}.items():
        builder = builder.config(key, value)
    with _jvm_output() as jvm_log, spark_errors(jvm_log):
        session = builder.getOrCreate()
        session.sparkContext.setLogLevel("ERROR")
    return session


def spark_engine(
    parquet: str | Path,
    *,
    master: str = DEFAULT_MASTER,
    conf: Mapping[str, str] | None = None,
    session: Any = None,
) -> Engine:
    """An engine whose metric tables are Spark views over ``parquet/NAME.parquet``."""
    import ibis

    base = parquet_uri(parquet)
    own = session is None
    spark = start_session(master, conf) if own else session
    try:
        with spark_errors():
            if not own:  # a session of the caller's (a notebook, a job): what results need
                for key in RESULT_SETTINGS:
                    spark.conf.set(key, SESSION_DEFAULTS[key])
            for name in METRIC_TABLES:
                spark.read.parquet(f"{base}/{name}.parquet").createOrReplaceTempView(name)
            backend = ibis.pyspark.connect(spark)
    except BaseException:
        if own:
            spark.stop()
        raise
    return SparkEngine(backend, "spark", spark.stop if own else None)


def open_spark(
    db: Path,
    open_store: Callable[[], duckdb.DuckDBPyConnection],
    *,
    parquet: str | Path | None = None,
    master: str = DEFAULT_MASTER,
    conf: Mapping[str, str] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> Engine:
    """The Spark engine over ``parquet``, else over the store's cached export (written first
    when the store changed); ``on_note`` hears which folder is read."""
    if parquet is None:
        start = time.perf_counter()
        folder, reused = cached_export(db, open_store)
        if on_note is not None:
            if reused:
                on_note(f"spark reads the store's Parquet export in {folder} (store unchanged)")
            else:
                took = time.perf_counter() - start
                on_note(f"exported the store to Parquet in {folder} ({took:.1f} s); spark reads it")
        parquet = folder
    return spark_engine(parquet, master=master, conf=conf)


class SparkEngine(Engine):
    """Executes through Spark's own Arrow collection (``toArrow``), not through pandas."""

    def execute(self, expr: Any) -> Any:
        """Run ``expr`` on Spark and return an Arrow table of the expression's schema."""
        sql = self.backend.compile(expr)
        with spark_errors():
            arrow = self.backend._session.sql(sql).toArrow()
        schema = expr.schema().to_pyarrow()
        if arrow.num_rows == 0:
            return schema.empty_table()
        return arrow.cast(schema)
