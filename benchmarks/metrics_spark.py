"""Benchmark: every report metric on the Spark engine (local mode) beside DuckDB, same store.

    .venv/bin/python benchmarks/metrics_spark.py --store STORE.duckdb [--parquet DIR]
        [--repeat 2] [--spark-master local[2]] [--spark-conf KEY=VALUE ...]
    .venv/bin/python benchmarks/metrics_spark.py --deals 1000000 [--folder DIR]

The store is a synthetic one of benchmarks/metrics_gen.py (``--store`` names one, else it is
generated once into ``--folder`` as benchmarks/metrics.py does). Spark reads the store's tables as
Parquet: ``--parquet DIR`` (exported there first when DIR holds no export), else the export
cached beside the store, exactly as ``sectorlens query --engine spark`` does. The Spark session
runs with its defaults (no driver memory set unless ``--spark-conf`` sets it). Each metric runs
``--repeat`` times per engine, interleaved; the best and the first time are printed. Results of the
two engines must be identical (schema and every value, Decimal for Decimal) — the benchmark
fails otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from metrics_gen import cached_store
from metrics_impl import REPORT
from sectorlens.metrics import compute, from_duckdb
from sectorlens.metrics.spark import cached_export, export_parquet, spark_engine

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SECTORLENS_SHARED", REPO.parent / "shared")) / "data"


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _store(args: argparse.Namespace) -> Path:
    if args.store is not None:
        if not args.store.exists():
            raise SystemExit(f"no store {args.store}")
        return Path(args.store)
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} is absent: the benchmark resamples the shared itjuzi data")
    path, _ = cached_store(args.folder, args.deals, SHARED)
    return path


def _parquet(store: Path, folder: Path | None) -> tuple[Path, str]:
    """The Parquet folder Spark reads and how it came to be (timed when written now)."""
    if folder is None:
        took, (found, reused) = _timed(
            lambda: cached_export(store, lambda: duckdb.connect(str(store), read_only=True))
        )
        return found, "cache beside the store, " + ("reused" if reused else f"written {took:.1f} s")
    if (folder / "deals.parquet").exists():
        return folder, "given, reused"
    with duckdb.connect(str(store), read_only=True) as con:
        took, _ = _timed(lambda: export_parquet(con, folder))
    return folder, f"exported {took:.1f} s"


def main() -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="a store of metrics_gen.py")
    ap.add_argument("--deals", type=int, default=1_000_000)
    ap.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "sectorlens-bench")
    ap.add_argument("--parquet", type=Path, help="Parquet folder (default: cache beside store)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--spark-master", default="local[2]")
    ap.add_argument("--spark-conf", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    conf = dict(item.split("=", 1) for item in args.spark_conf)

    store = _store(args)
    con = duckdb.connect(str(store), read_only=True)
    deals = con.execute("SELECT count(*) FROM deals").fetchall()[0][0]
    print(f"store: {store} ({os.path.getsize(store) / 2**20:.0f} MiB, {deals:,} deals)")
    folder, how = _parquet(store, args.parquet)
    size = sum(p.stat().st_size for p in folder.glob("*.parquet")) / 2**20
    print(f"parquet: {folder} ({how}; {size:.0f} MiB)")
    took, spark = _timed(lambda: spark_engine(folder, master=args.spark_master, conf=conf))
    print(f"spark session {args.spark_master} {conf or '(defaults)'} started in {took:.1f} s\n")

    header = f"{'metric':<24}{'duckdb':>9}{'spark':>9}{'spark 1st':>11}{'spark/duck':>12}  result"
    print(header)
    print("-" * len(header))
    totals = {"duckdb": 0.0, "spark": 0.0, "first": 0.0}
    problems = []
    for label, name, request in REPORT:
        best = {"duckdb": float("inf"), "spark": float("inf")}
        first = None
        results: dict[str, Any] = {}
        for _ in range(args.repeat):  # interleaved, so a noisy moment hits both
            wall, results["duckdb"] = _timed(
                lambda n=name, r=request: compute(from_duckdb(con), n, **r).table
            )
            best["duckdb"] = min(best["duckdb"], wall)
            wall, results["spark"] = _timed(lambda n=name, r=request: compute(spark, n, **r).table)
            best["spark"] = min(best["spark"], wall)
            first = wall if first is None else first
        same = results["spark"].schema == results["duckdb"].schema and (
            results["spark"].to_pylist() == results["duckdb"].to_pylist()
        )
        if not same:
            problems.append(label)
        totals["duckdb"] += best["duckdb"]
        totals["spark"] += best["spark"]
        totals["first"] += first or 0.0
        print(
            f"{label:<24}{best['duckdb']:>9.3f}{best['spark']:>9.3f}{first or 0.0:>11.3f}"
            f"{best['spark'] / best['duckdb']:>12.1f}  "
            f"{'identical' if same else 'DIFFERENT'} ({results['duckdb'].num_rows} rows)"
        )
    print("-" * len(header))
    print(
        f"{'all report metrics':<24}{totals['duckdb']:>9.3f}{totals['spark']:>9.3f}"
        f"{totals['first']:>11.3f}{totals['spark'] / totals['duckdb']:>12.1f}"
    )
    spark.close()
    con.close()
    load = os.getloadavg()
    print(
        f"\nwall seconds, best of {args.repeat} interleaved runs (spark 1st: its first run); "
        f"{deals:,} deals; load average now {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on "
        f"{os.cpu_count()} cores (shared: absolute times are noisy)"
    )
    for label in problems:
        print(f"  RESULT MISMATCH: {label}: Spark and DuckDB differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
