"""Cold-process timing of ``sectorlens report`` on the bundled data (goals: HTML under 3 s,
with the PDF under 5 s).

Each round runs, as fresh processes and interleaved so machine noise hits all alike:
``sectorlens version`` (interpreter + CLI start-up); ``sectorlens report`` (HTML and Markdown)
into a store that already holds the reference data, once with the chart cache off (every chart
rendered by vl-convert: the honest cold figure) and once with a warm chart cache; the same
with ``--format all`` (the PDF typeset by Typst too, cache off); and ``sectorlens report`` on a
store that does not exist yet (creates it and loads the data, cache off). Wall time and the
CPU time of the process and its children (the chart workers) are both recorded.

With ``--baseline-src DIR`` (the ``src`` folder of another checkout, e.g. a worktree of main)
every command also runs on that code in the same round (``PYTHONPATH=DIR``), and the table
compares the two. Then one in-process run of this checkout, cache off, split into phases.

    .venv/bin/python benchmarks/report.py [--rounds 7] [--lang ko] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 3.0
GOAL_PDF_S = 5.0
COMMANDS = ("version", "report", "report, warm cache", "report + PDF", "report, new store")


def _run(args: list[str], src: str | None = None, **env: str) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, children included) of one ``sectorlens`` process."""
    extra = {"PYTHONPATH": src} if src else {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sectorlens", *args],
        check=True,
        capture_output=True,
        env={**os.environ, "SECTORLENS_CACHE": "off", **extra, **env},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _phases(lang: str, work: Path) -> dict[str, float]:
    """One in-process run, as the CLI does it, split into import / store / build / charts+files."""
    out: dict[str, float] = {}
    t = time.perf_counter()
    from sectorlens.report import build_report, write_report
    from sectorlens.report.chartrender import ChartRenderer
    from sectorlens.store import connect, ensure_reference

    out["import"] = time.perf_counter() - t
    t = time.perf_counter()
    renderer = ChartRenderer()
    out["start chart workers"] = time.perf_counter() - t
    t = time.perf_counter()
    con = connect(work / "phases.duckdb")
    ensure_reference(con)
    out["store (create + load)"] = time.perf_counter() - t
    t = time.perf_counter()
    built = build_report(con, lang, on_chart=lambda c: renderer.prefetch(c.spec, None))
    out["build sections (charts start)"] = time.perf_counter() - t
    t = time.perf_counter()
    with renderer:
        files = write_report(built, work / "phases-out", cache_dir=None, renderer=renderer)
    out["rest of charts + HTML/MD + data"] = time.perf_counter() - t
    t = time.perf_counter()
    from sectorlens.report.pdf import write_pdf
    from sectorlens.report.render import report_view

    charts = {p.stem for p in files.charts if p.suffix == ".svg"}
    write_pdf(report_view(built), files.out, charts)
    out["PDF (Typst)"] = time.perf_counter() - t
    con.close()
    return out


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--lang", default="ko")
    parser.add_argument("--baseline-src", type=Path, help="src folder of the code to compare")
    opts = parser.parse_args()
    codes: dict[str, str | None] = {"this": None}
    if opts.baseline_src:
        codes["baseline"] = str(opts.baseline_src.resolve())
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db, cache = work / "warm.duckdb", str(work / "chart-cache")
        _run(["db", "init", "--db", str(db)])
        for code, src in codes.items():  # prime the chart caches (one per code: keys may differ)
            _run(["report", "--lang", opts.lang, "--out", str(work / "prime"), "--db", str(db)],
                 src, SECTORLENS_CACHE=f"{cache}-{code}")  # fmt: skip
        times: dict[tuple[str, str], list[tuple[float, float]]] = {
            (code, name): [] for code in codes for name in COMMANDS
        }
        for i in range(opts.rounds):
            out = ["--lang", opts.lang, "--out", str(work / f"out{i}")]
            for code, src in codes.items():
                new_db = str(work / f"n{i}-{code}.duckdb")
                runs = {
                    "version": _run(["version"], src),
                    "report": _run(["report", *out, "--db", str(db)], src),
                    "report, warm cache": _run(
                        ["report", *out, "--db", str(db)], src, SECTORLENS_CACHE=f"{cache}-{code}"
                    ),
                }
                if code == "this":  # (the baseline may predate the PDF)
                    runs["report + PDF"] = _run(
                        ["report", *out, "--db", str(db), "--format", "all"], src
                    )
                runs |= {
                    "report, new store": _run(["report", *out], src, SECTORLENS_DB=new_db),
                }
                for name, value in runs.items():
                    times[(code, name)].append(value)
        phases = _phases(opts.lang, work)
    load_after = os.getloadavg()

    print(f"sectorlens report --lang {opts.lang}, cold processes, {opts.rounds} rounds interleaved")
    print(f"load average (1/5/15 min) before {load_before}, after {load_after}; 2 cores shared")
    head = f"{'code':<9} {'command':<19} {'median s':>9} {'min s':>6} {'max s':>6} {'CPU s':>6}"
    print(head + (f" {'÷ baseline':>10}" if len(codes) > 1 else ""))
    for (code, name), values in times.items():
        if not values:
            continue
        walls = [w for w, _ in values]
        med = statistics.median(walls)
        cpu = statistics.median(c for _, c in values)
        line = f"{code:<9} {name:<19} {med:>9.2f} {min(walls):>6.2f} {max(walls):>6.2f} {cpu:>6.2f}"
        if code != "baseline" and times.get(("baseline", name)):
            base = statistics.median(w for w, _ in times[("baseline", name)])
            line += f" {med / base:>10.2f}"
        print(line)
    for name, goal in (
        ("report", GOAL_S),
        ("report, warm cache", GOAL_S),
        ("report + PDF", GOAL_PDF_S),
    ):
        value = statistics.median(w for w, _ in times[("this", name)])
        verdict = "meets" if value < goal else "misses"
        print(f"goal < {goal:.0f} s: median {name} {value:.2f} s {verdict} it")
    print("in-process phases of one run of this code (s):")
    for name, value in phases.items():
        print(f"  {name:<28} {value:6.2f}")


if __name__ == "__main__":
    main()
