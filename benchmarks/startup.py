"""Cold start-up of ``sectorlens query``: wall seconds of a fresh process per answer.

Run: .venv/bin/python benchmarks/startup.py [--runs N] [--baseline PYTHONPATH]

A store of the real itjuzi export (../shared/data) is built once in a temporary folder; the
query's plan is compiled by a first, untimed run (as any second query of a shape finds it),
then ``python -m sectorlens query deals --by year`` runs ``--runs`` times, each a process of its
own, and the minimum and median wall times print. ``--baseline`` (a PYTHONPATH, e.g. an
unpacked ``git archive`` of another commit's ``src`` and, colon-separated, a folder with another
typer) is timed alternately with this tree, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SECTORLENS_SHARED", REPO.parent / "shared"))
EXPORT = SHARED / "data" / "itjuzi" / "companies_820_2018-12-25.csv"
QUERY = ["query", "deals", "--by", "year"]


def _run(pythonpath: str, args: list[str], cache: Path) -> float:
    env = {**os.environ, "PYTHONPATH": pythonpath, "SECTORLENS_CACHE": str(cache)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sectorlens", *args], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    """Build the store, time the cold queries, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", help="PYTHONPATH of the version to compare with")
    opts = parser.parse_args()
    if not EXPORT.is_file():
        sys.exit(f"error: {EXPORT} not found (set SECTORLENS_SHARED)")
    trees = {"this tree": str(REPO / "src")}
    if opts.baseline:
        trees["baseline"] = opts.baseline
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store.duckdb"
        _run(trees["this tree"], ["ingest", str(EXPORT), "--db", str(store)], Path(tmp))
        args = [*QUERY, "--db", str(store)]
        times: dict[str, list[float]] = {name: [] for name in trees}
        for name, path in trees.items():  # compile each version's plan, untimed
            _run(path, args, Path(tmp) / name)
        for _ in range(opts.runs):
            for name, path in trees.items():
                times[name].append(_run(path, args, Path(tmp) / name))
    print(f"cold `sectorlens {' '.join(QUERY)}` on a store of {EXPORT.name}, {opts.runs} runs")
    for name, values in times.items():
        print(f"  {name:<10} min {min(values):.3f} s  median {statistics.median(values):.3f} s")
    if "baseline" in times:
        ratio = statistics.median(times["this tree"]) / statistics.median(times["baseline"])
        print(f"  median ratio this tree / baseline: {ratio:.2f}")


if __name__ == "__main__":
    main()
