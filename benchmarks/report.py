"""Cold-process timing of ``sectorlens report`` on the bundled data (goal: under 3 s).

Each round runs, as fresh processes and interleaved so machine noise hits all alike:
the baseline ``sectorlens version`` (interpreter + CLI start-up); ``sectorlens report`` into a
store that already holds the reference data, once with the chart cache off (every chart
rendered by vl-convert) and once with a warm chart cache; and ``sectorlens report`` on a store
that does not exist yet (creates it and loads the data, cache off). Then one in-process run,
cache off, split into phases.

    .venv/bin/python benchmarks/report.py [--rounds 7] [--lang ko]
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

GOAL_S = 3.0


def _run(args: list[str], **env: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sectorlens", *args],
        check=True,
        capture_output=True,
        env={**os.environ, "SECTORLENS_CACHE": "off", **env},
    )
    return time.perf_counter() - start


def _phases(lang: str, work: Path) -> dict[str, float]:
    """One in-process run split into import / store / build / charts+files."""
    out: dict[str, float] = {}
    t = time.perf_counter()
    from sectorlens.report import build_report, write_report
    from sectorlens.store import connect, ensure_reference

    out["import"] = time.perf_counter() - t
    t = time.perf_counter()
    con = connect(work / "phases.duckdb")
    ensure_reference(con)
    out["store (create + load)"] = time.perf_counter() - t
    t = time.perf_counter()
    built = build_report(con, lang)
    out["build sections (incl. FX)"] = time.perf_counter() - t
    t = time.perf_counter()
    write_report(built, work / "phases-out", cache_dir=None)
    out["charts + HTML/MD"] = time.perf_counter() - t
    con.close()
    return out


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--lang", default="ko")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db, cache = work / "warm.duckdb", str(work / "chart-cache")
        _run(["db", "init", "--db", str(db)])
        _run(["report", "--lang", opts.lang, "--out", str(work / "prime"), "--db", str(db)],
             SECTORLENS_CACHE=cache)  # fmt: skip
        names = ("version (baseline)", "report", "report, warm cache", "report, new store")
        times: dict[str, list[float]] = {name: [] for name in names}
        for i in range(opts.rounds):
            out = ["--lang", opts.lang, "--out", str(work / f"out{i}")]
            times[names[0]].append(_run(["version"]))
            times[names[1]].append(_run(["report", *out, "--db", str(db)]))
            times[names[2]].append(_run(["report", *out, "--db", str(db)], SECTORLENS_CACHE=cache))
            times[names[3]].append(_run(["report", *out], SECTORLENS_DB=str(work / f"n{i}.duckdb")))
        phases = _phases(opts.lang, work)

    base = statistics.median(times["version (baseline)"])
    print(f"sectorlens report --lang {opts.lang}, cold processes, {opts.rounds} rounds interleaved")
    print(f"{'command':<22} {'median s':>9} {'min s':>7} {'max s':>7} {'× baseline':>11}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:<22} {med:>9.2f} {min(values):>7.2f} {max(values):>7.2f} {med / base:>11.1f}")
    for name in ("report", "report, warm cache"):
        value = statistics.median(times[name])
        verdict = "meets" if value < GOAL_S else "misses"
        print(f"goal < {GOAL_S:.0f} s: median {name} {value:.2f} s {verdict} it")
    print("in-process phases of one run (s):")
    for name, value in phases.items():
        print(f"  {name:<28} {value:6.2f}")


if __name__ == "__main__":
    main()
