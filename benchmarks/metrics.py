"""Benchmark: every report metric on N synthetic deals — Ibis on DuckDB vs raw SQL vs pandas.

    .venv/bin/python benchmarks/metrics.py [--deals 10000000] [--repeat 3] [--folder DIR]
        [--baseline-src OTHER/src] [--skip pandas] [--skip sql]

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

``--skip pandas`` (or ``sql``) leaves that implementation out (it is neither run nor compared,
and its goals are not judged): pandas takes most of the time at 10M, so compare Ibis with the
baseline repeatedly with ``--skip pandas`` and run pandas once at the end. Without pandas, its
frames are not loaded either.

``plans`` is the path ``sectorlens query`` and the dashboard take (``metrics/compiled.py``): the
same Ibis SQL compiled once per query shape and run with bound values on plain DuckDB; its
first run compiles, so with ``--repeat`` ≥ 2 its best time is the warm plan. ``ibis`` builds and
compiles the expression on every call, as ``compute()`` does.

Goals: Ibis within 1.3× of the baseline's Ibis (judged for both paths), pandas at least 5×
slower than Ibis, Ibis total under 5 s at 10M. Wall and CPU seconds (all threads of the
process) are both printed: on a shared machine the CPU ratio is the steadier one.
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


_PLANS: dict[int, Any] = {}


def plans(con: duckdb.DuckDBPyConnection) -> Any:
    """One set of compiled plans per connection, kept in memory only (no cache folder)."""
    from sectorlens.metrics.compiled import Compiled

    if id(con) not in _PLANS:
        _PLANS[id(con)] = Compiled(con, None)
    return _PLANS[id(con)]


def bench_one(
    label: str,
    name: str,
    request: dict[str, Any],
    con: duckdb.DuckDBPyConnection,
    frames: tuple[Any, Any, Any],
    repeat: int,
    baseline: Baseline | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[dict[str, float], dict[str, float], dict[str, Any]]:
    """Best time and last result of each implementation of one report metric."""
    metric = REGISTRY[name]
    query = metric.query(**request)
    runs: dict[str, Callable[[], pa.Table]] = {
        # a fresh engine per run: nothing (not even table schemas) carries over between runs
        "ibis": lambda: compute(from_duckdb(con), name, **request).table,
        # the path `sectorlens query` and the dashboard take: each query shape compiled once
        # (its first run here compiles; best of --repeat is the warm plan), run on plain DuckDB
        "plans": lambda: plans(con).compute(con, name, **request).table,
        "sql": lambda: metric.finish(
            {k: con.sql(s).to_arrow_table() for k, s in RAW_SQL[label].items()}, query
        ),
        "pandas": lambda: metric.finish(PANDAS[label](*frames), query),
    }
    runs = {k: v for k, v in runs.items() if k not in skip}
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
    ap.add_argument(
        "--skip",
        action="append",
        choices=["pandas", "sql"],
        default=[],
        help="leave an implementation out (repeatable): e.g. run pandas once, not every time",
    )
    args = ap.parse_args()
    skip = frozenset(args.skip)
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
    frames: tuple[Any, Any, Any] = (None, None, None)
    if "pandas" not in skip:
        load_start = time.perf_counter()
        frames = (
            con.sql(f"SELECT {DEAL_COLUMNS} FROM deals").df(),
            con.sql("SELECT company_key, founded FROM companies").df(),
            con.sql(RATES).df(),
        )
        load = time.perf_counter() - load_start
        print(
            f"pandas frames loaded in {load:.1f} s (not counted below); "
            f"{len(frames[0]):,} deals, {len(frames[1]):,} companies\n"
        )

    baseline = Baseline(args.baseline_src, path) if args.baseline_src else None
    impls = [i for i in ("ibis", "plans", "sql", "pandas") if i not in skip]
    impls += ["baseline"] if baseline is not None else []
    # (title, numerator, denominator) of the ratio columns shown
    ratios = [
        r
        for r in (("ibis/sql", "ibis", "sql"), ("pd/ibis", "pandas", "ibis"))
        if r[1] in impls and r[2] in impls
    ]
    if baseline is not None:
        ratios += [("ibis/bef", "ibis", "baseline"), ("plan/bef", "plans", "baseline")]
    names = {
        "ibis": "ibis",
        "plans": "plans",
        "sql": "raw SQL",
        "pandas": "pandas",
        "baseline": "before",
    }
    header = f"{'metric':<24}" + "".join(f"{names[i]:>9}" for i in impls)
    header += "".join(f"{title:>10}" for title, _, _ in ratios)

    def row(title: str, t: dict[str, float]) -> str:
        line = f"{title:<24}" + "".join(f"{t[i]:>9.3f}" for i in impls)
        return line + "".join(f"{t[a] / t[b]:>10.2f}" for _, a, b in ratios)

    print(header)
    print("-" * len(header))
    totals = dict.fromkeys(impls, 0.0)
    cpu_totals = dict(totals)
    problems = []
    per_metric_cpu: list[tuple[str, dict[str, float]]] = []
    for label, name, request in REPORT:
        times, cpus, results = bench_one(
            label, name, request, con, frames, args.repeat, baseline, skip
        )
        if baseline is not None and not _agree_rows(results["ibis"], results["baseline"]):
            problems.append(f"{label}: Ibis and the baseline's results differ")
        if not _agree(results["ibis"], results["plans"], exact=True):
            problems.append(f"{label}: Ibis and its compiled plan's results differ")
        if "sql" in results and not _agree(results["ibis"], results["sql"], exact=True):
            problems.append(f"{label}: Ibis and raw SQL results differ")
        if "pandas" in results and not _agree(results["ibis"], results["pandas"], exact=False):
            problems.append(f"{label}: Ibis and pandas results differ")
        for impl in totals:
            totals[impl] += times[impl]
            cpu_totals[impl] += cpus[impl]
        print(row(label, times))
        per_metric_cpu.append((label, cpus))
    print("-" * len(header))
    print(row("all report metrics", totals))
    print(row("  CPU s (all threads)", cpu_totals))
    print(f"\nCPU seconds (all threads) per metric\n{header}\n{'-' * len(header)}")
    for label, cpus in per_metric_cpu:
        print(row(label, cpus))
    if baseline is not None:
        baseline.close()
    load = os.getloadavg()
    print(
        f"\nwall seconds, best of {args.repeat} interleaved runs; {args.deals:,} deals; "
        f"load average now {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on "
        f"{os.cpu_count()} cores (other agents share them: absolute times are noisy)"
    )
    goals = [(f"Ibis total < 5 s: {totals['ibis']:.2f} s", totals["ibis"] < 5)]
    for kind, t in (("wall", totals), ("CPU", cpu_totals)):
        if "pandas" in t:
            goals.append(
                (
                    f"pandas ≥ 5× Ibis ({kind}): {t['pandas'] / t['ibis']:.1f}×",
                    t["pandas"] >= 5 * t["ibis"],
                )
            )
        if "sql" in t:
            goals.append(
                (
                    f"Ibis ≤ 1.3× raw SQL ({kind}): {t['ibis'] / t['sql']:.2f}×",
                    t["ibis"] <= 1.3 * t["sql"],
                )
            )
        if "baseline" in t:
            goals.append(
                (
                    f"Ibis ≤ 1.3× the baseline's Ibis ({kind}): {t['ibis'] / t['baseline']:.2f}×",
                    t["ibis"] <= 1.3 * t["baseline"],
                )
            )
            goals.append(
                (
                    f"plans ≤ 1.3× the baseline's Ibis ({kind}): {t['plans'] / t['baseline']:.2f}×",
                    t["plans"] <= 1.3 * t["baseline"],
                )
            )
    for text, ok in goals:
        print(f"  {'met ' if ok else 'MISSED'} {text}")
    if not problems:
        print(f"  all of {', '.join(impls)} agree on every metric")
    for p in problems:
        print(f"  RESULT MISMATCH: {p}")
    con.close()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
