"""Benchmark: every report metric on N synthetic deals — Ibis on DuckDB vs raw SQL vs pandas.

    .venv/bin/python benchmarks/metrics.py [--deals 10000000] [--repeat 3] [--folder DIR]
        [--baseline-src OTHER/src]

The synthetic store (deals resampled from ../shared/data/itjuzi, see metrics_gen) is generated
once into ``--folder`` and reused. Amounts are converted into CNY at query time by all three
(each deal at the rate of its day, from the store's ``fx_rates``). Each metric runs ``--repeat``
times per implementation, interleaved, and the best time counts. All three implementations end
in the same Decimal ``finish`` step; their results are compared before any figure is printed.

With ``--baseline-src``, another checkout's Ibis code runs the same metrics on the same store
in the same rounds, in a worker process (metrics_worker.py), and its results are compared with
ours (to the rounding of one deal's conversion). The code before conversion at query time read
amounts converted at ingest from the store's ``cny_*`` columns (the store carries them for it):

    git archive 4612fc9 src | tar -x -C /tmp/before   # the commit before query-time conversion
    .venv/bin/python benchmarks/metrics.py --baseline-src /tmp/before/src --repeat 1

Goals: Ibis within 1.3× of the baseline's Ibis, pandas at least 5× slower than Ibis, Ibis total
under 5 s at 10M. Wall and CPU seconds (all threads of the process) are both printed: on a
shared machine the CPU ratio is the steadier one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from metrics_gen import cached_store
from metrics_impl import DEAL_COLUMNS, PANDAS, RATES, RAW_SQL, REPORT
from sectorlens.metrics import REGISTRY, compute, from_duckdb

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SECTORLENS_SHARED", REPO.parent / "shared")) / "data"


def _timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds of this process (all threads) and the result of ``fn()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, Decimal | float | int) and not isinstance(a, bool):
        a, b = Decimal(a), Decimal(b)
        return abs(a - b) <= max(abs(a), abs(b)) * Decimal("1e-9") + Decimal("0.01")
    return bool(a == b)


def _agree(x: pa.Table, y: pa.Table, exact: bool) -> bool:
    if x.column_names != y.column_names or x.num_rows != y.num_rows:
        return False
    if exact:
        return x.to_pylist() == y.to_pylist()
    return all(
        _close(a, b)
        for rx, ry in zip(x.to_pylist(), y.to_pylist(), strict=True)
        for a, b in zip(rx.values(), ry.values(), strict=True)
    )


class Baseline:
    """Another checkout's metrics code in a worker process (see metrics_worker.py)."""

    def __init__(self, src: Path, store: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(src)}
        worker = Path(__file__).resolve().parent / "metrics_worker.py"
        self.proc = subprocess.Popen(
            [sys.executable, str(worker), str(store)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def run(self, label: str) -> tuple[float, float, list[dict[str, Any]]]:
        """Wall and CPU seconds of metric ``label`` in the worker, and its rows."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(label + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the baseline worker stopped (see its error above)")
        answer = json.loads(line)
        rows = [dict(zip(answer["columns"], r, strict=True)) for r in answer["rows"]]
        return answer["wall"], answer["cpu"], rows

    def close(self) -> None:
        """End the worker."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def _agree_rows(ours: pa.Table, theirs: list[dict[str, Any]]) -> bool:
    """Our rows and the baseline's (as text) agree, amounts to a deal's conversion rounding."""
    mine = ours.to_pylist()
    if len(mine) != len(theirs):
        return False
    for a, b in zip(mine, theirs, strict=True):
        for key, x in a.items():
            y = b.get(key)
            if isinstance(x, Decimal | int | float) and not isinstance(x, bool) and y is not None:
                if not _close(x, Decimal(y)):
                    return False
            elif (None if x is None else str(x)) != y:
                return False
    return True


def bench_one(
    label: str,
    name: str,
    request: dict[str, Any],
    con: duckdb.DuckDBPyConnection,
    frames: tuple[Any, Any, Any],
    repeat: int,
    baseline: Baseline | None = None,
) -> tuple[dict[str, float], dict[str, float], dict[str, Any]]:
    """Best time and last result of each implementation of one report metric."""
    metric = REGISTRY[name]
    query = metric.query(**request)
    runs: dict[str, Callable[[], pa.Table]] = {
        # a fresh engine per run: nothing (not even table schemas) carries over between runs
        "ibis": lambda: compute(from_duckdb(con), name, **request).table,
        "sql": lambda: metric.finish(
            {k: con.sql(s).to_arrow_table() for k, s in RAW_SQL[label].items()}, query
        ),
        "pandas": lambda: metric.finish(PANDAS[label](*frames), query),
    }
    names = [*runs, *(["baseline"] if baseline is not None else [])]
    times = dict.fromkeys(names, float("inf"))
    cpus = dict.fromkeys(names, float("inf"))
    results: dict[str, Any] = {}
    for _ in range(repeat):  # interleaved, so a noisy moment hits all of them
        for impl, fn in runs.items():
            wall, cpu, results[impl] = _timed(fn)
            times[impl] = min(times[impl], wall)
            cpus[impl] = min(cpus[impl], cpu)
        if baseline is not None:
            wall, cpu, results["baseline"] = baseline.run(label)
            times["baseline"] = min(times["baseline"], wall)
            cpus["baseline"] = min(cpus["baseline"], cpu)
    return times, cpus, results


def main() -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deals", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "sectorlens-bench")
    ap.add_argument(
        "--baseline-src",
        type=Path,
        help="another checkout's src folder whose Ibis metrics run beside ours (e.g. main's)",
    )
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"{SHARED} is absent: the benchmark resamples the shared itjuzi data")
        return 1
    start = time.perf_counter()
    path, reused = cached_store(args.folder, args.deals, SHARED)
    made = time.perf_counter() - start
    print(
        f"store: {path} ({'reused' if reused else f'generated in {made:.1f} s'}), "
        f"{os.path.getsize(path) / 2**20:.0f} MiB, cores: {os.cpu_count()}"
    )

    con = duckdb.connect(str(path), read_only=True)
    load_start = time.perf_counter()
    deals_df = con.sql(f"SELECT {DEAL_COLUMNS} FROM deals").df()
    companies_df = con.sql("SELECT company_key, founded FROM companies").df()
    rates_df = con.sql(RATES).df()
    load = time.perf_counter() - load_start
    print(
        f"pandas frames loaded in {load:.1f} s (not counted below); "
        f"{len(deals_df):,} deals, {len(companies_df):,} companies\n"
    )

    baseline = Baseline(args.baseline_src, path) if args.baseline_src else None
    header = f"{'metric':<24}{'ibis':>9}{'raw SQL':>9}{'pandas':>9}{'ibis/sql':>10}{'pd/ibis':>9}"
    if baseline is not None:
        header += f"{'before':>9}{'ibis/bef':>10}"
    print(header)
    print("-" * len(header))
    totals = {"ibis": 0.0, "sql": 0.0, "pandas": 0.0}
    if baseline is not None:
        totals["baseline"] = 0.0
    cpu_totals = dict(totals)
    problems = []
    for label, name, request in REPORT:
        times, cpus, results = bench_one(
            label, name, request, con, (deals_df, companies_df, rates_df), args.repeat, baseline
        )
        if baseline is not None and not _agree_rows(results["ibis"], results["baseline"]):
            problems.append(f"{label}: Ibis and the baseline's results differ")
        if not _agree(results["ibis"], results["sql"], exact=True):
            problems.append(f"{label}: Ibis and raw SQL results differ")
        if not _agree(results["ibis"], results["pandas"], exact=False):
            problems.append(f"{label}: Ibis and pandas results differ")
        for impl in totals:
            totals[impl] += times[impl]
            cpu_totals[impl] += cpus[impl]
        line = (
            f"{label:<24}{times['ibis']:>9.3f}{times['sql']:>9.3f}{times['pandas']:>9.3f}"
            f"{times['ibis'] / times['sql']:>10.2f}{times['pandas'] / times['ibis']:>9.1f}"
        )
        if baseline is not None:
            line += f"{times['baseline']:>9.3f}{times['ibis'] / times['baseline']:>10.2f}"
        print(line)
    print("-" * len(header))
    for title, t in (("all report metrics", totals), ("  CPU s (all threads)", cpu_totals)):
        line = (
            f"{title:<24}{t['ibis']:>9.3f}{t['sql']:>9.3f}{t['pandas']:>9.3f}"
            f"{t['ibis'] / t['sql']:>10.2f}{t['pandas'] / t['ibis']:>9.1f}"
        )
        if baseline is not None:
            line += f"{t['baseline']:>9.3f}{t['ibis'] / t['baseline']:>10.2f}"
        print(line)
    if baseline is not None:
        baseline.close()
    load = os.getloadavg()
    print(
        f"\nwall seconds, best of {args.repeat} interleaved runs; {args.deals:,} deals; "
        f"load average now {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on "
        f"{os.cpu_count()} cores (other agents share them: absolute times are noisy)"
    )
    goals = [
        (f"Ibis total < 5 s: {totals['ibis']:.2f} s", totals["ibis"] < 5),
        (
            f"pandas ≥ 5× Ibis: {totals['pandas'] / totals['ibis']:.1f}×",
            totals["pandas"] >= 5 * totals["ibis"],
        ),
        (
            f"Ibis ≤ 1.3× raw SQL: {totals['ibis'] / totals['sql']:.2f}×",
            totals["ibis"] <= 1.3 * totals["sql"],
        ),
    ]
    if baseline is not None:
        goals.append(
            (
                f"Ibis ≤ 1.3× the baseline's Ibis: {totals['ibis'] / totals['baseline']:.2f}×",
                totals["ibis"] <= 1.3 * totals["baseline"],
            )
        )
    for text, ok in goals:
        print(f"  {'met ' if ok else 'MISSED'} {text}")
    for p in problems:
        print(f"  RESULT MISMATCH: {p}")
    con.close()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
