"""Ingest throughput and peak memory on 1,000,000 resampled real rows, next to DuckDB's read_csv.

    .venv/bin/python benchmarks/ingest.py [--rows 1000000 3000000] [--formats crunchbase itjuzi]
        [--what read_csv ingest cli] [--baseline OTHER/src] [--distinct-companies]

For each format, real rows of ../shared/data are resampled (seeded, with replacement) into an
export of N rows in a temporary folder, keeping the source's own encoding and line ends. Each
measurement runs in a fresh subprocess, so its peak RSS (ru_maxrss) is its own: ``sectorlens``'s
ingest into a new on-disk store, and, as the floor, DuckDB's ``read_csv`` of the same file into a
table of the same kind of store, both with the same DuckDB ``memory_limit`` (``--memory-limit``;
without one DuckDB keeps every block it wrote cached: its buffer pool, not the stream)
(``ignore_errors``: DuckDB refuses the Crunchbase file's Mac Roman
bytes otherwise; it repairs nothing, parses nothing, converts nothing — it is the floor).
A helper thread samples DuckDB's own memory during each run, so the peak RSS is shown split into
DuckDB's buffer pool (it caches blocks up to ``memory_limit``, so it grows towards the limit on a
larger file) and the rest: the streamed chunks, Arrow batches and caches of distinct values,
which stay flat. ``cli`` runs ``sectorlens ingest FILE --db STORE`` with the command's own
defaults (its memory limit chosen from the machine; no probe), through its entry point as a
user runs it: its peak RSS is the whole story. With ``--baseline OTHER/src`` the same command of
another checkout (e.g. main's) runs on the same file just before, so that the two compare on a
machine whose load changes.
Each run also reports its process CPU time (all threads) and rows per CPU second, which holds
on a loaded machine where wall-clock rates do not. Figures are printed; nothing is written to
the repository.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SECTORLENS_SHARED", REPO.parent / "shared")) / "data"

FORMATS = {
    # name: (file, encoding that maps bytes 1:1, line terminator of the export, header lines)
    "crunchbase": ("crunchbase_2013/crunchbase-rounds.csv", "latin-1", "\r"),
    "itjuzi": ("itjuzi/companies_820_2018-12-25.csv", "utf-8-sig", "\n"),
    "india": ("india_startup_funding/startup_funding.csv", "latin-1", "\r\n"),
}

# Both measurements share this: a helper thread samples, every 0.1 s, DuckDB's own memory
# (duckdb_memory(), through a second connection) and the RSS, so the peak of the process can be
# split into DuckDB's buffer pool (bounded by memory_limit) and the rest (Python, Arrow).
PROBE = """
import json, resource, sys, threading, time
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
class Probe:
    def __init__(self, con):
        self.cur, self.duck, self.rss, self.stop = con.cursor(), 0.0, 0.0, False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
    def run(self):
        while not self.stop:
            got = self.cur.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()
            self.duck = max(self.duck, (got[0][0] or 0) / 2**20)
            self.rss = max(self.rss, rss())
            time.sleep(0.1)
    def finish(self):
        self.stop = True
        self.thread.join()
        self.cur.close()
    def done(self, **out):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out.update(peak_mib=peak, duckdb_peak_mib=self.duck, other_peak_mib=self.rss - self.duck)
        print(json.dumps(out))
"""

INGEST = (
    PROBE
    + """
from pathlib import Path
from sectorlens.ingest import Context, ingest
from sectorlens.store import connect
ctx = Context.default()
con = connect(Path(sys.argv[2]))
if sys.argv[3]:
    con.execute(f"SET memory_limit = '{sys.argv[3]}'")
probe = Probe(con)
t, c = time.perf_counter(), time.process_time()
r = ingest(con, [Path(sys.argv[1])], context=ctx)[0]
probe.finish()
con.close()
dt, dc = time.perf_counter() - t, time.process_time() - c
probe.done(seconds=dt, cpu=dc, rows=r.rows_read, loaded=r.loaded, rejects=sum(r.rejects.values()))
"""
)

READ_CSV = (
    PROBE
    + """
import duckdb
con = duckdb.connect(sys.argv[2])
if sys.argv[3]:
    con.execute(f"SET memory_limit = '{sys.argv[3]}'")
probe = Probe(con)
t, c = time.perf_counter(), time.process_time()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar = true, header = true, "
            "ignore_errors = true)",
            [sys.argv[1]])
n = con.execute("SELECT count(*) FROM t").fetchone()[0]
probe.finish()
con.close()
dt, dc = time.perf_counter() - t, time.process_time() - c
probe.done(seconds=dt, cpu=dc, rows=n)
"""
)

# The command line as a user runs it (``sectorlens ingest FILE --db STORE``: the program's entry
# point and its defaults, no memory limit given), in this process so that the peak RSS is the
# command's own; the rows come from the store it wrote.
CLI = """
import json, resource, sys, time
import duckdb
from sectorlens.cli import run
t, c = time.perf_counter(), time.process_time()
sys.argv = ["sectorlens", "ingest", sys.argv[1], "--db", sys.argv[2]]
try:
    run()
except SystemExit as exc:
    if exc.code:
        sys.exit(exc.code)
dt, dc = time.perf_counter() - t, time.process_time() - c
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
con = duckdb.connect(sys.argv[4], read_only=True)
rows = con.execute("SELECT sum(rows_read) FROM loads WHERE rows_read IS NOT NULL").fetchone()[0]
con.close()
print(json.dumps(dict(seconds=dt, cpu=dc, rows=rows, peak_mib=peak)))
"""


RUNS = {
    "read_csv": ("duckdb read_csv", READ_CSV),
    "ingest": ("sectorlens ingest", INGEST),
    "cli": ("sectorlens CLI", CLI),
}


# the column naming the company, per format (made distinct by ``--distinct-companies``)
COMPANY_COLUMN = {"crunchbase": 0, "itjuzi": 0, "india": 2}


def build(name: str, rows: int, folder: Path, seed: int = 2021, distinct: bool = False) -> Path:
    """Write an export of ``rows`` rows resampled from the real file of format ``name``
    (``distinct``: each row's company renamed with its row number, as in a real export of that
    size, where most rows are other companies; resampled, a few hundred companies repeat)."""
    source, encoding, terminator = FORMATS[name]
    text = (SHARED / source).read_bytes().decode(encoding)
    records = list(csv.reader(io.StringIO(text, newline="")))
    header, body = records[0], records[1:]
    sample = random.Random(seed).choices(body, k=rows)
    if distinct:
        at = COMPANY_COLUMN[name]
        sample = [[*r[:at], f"{r[at]}{i}", *r[at + 1 :]] for i, r in enumerate(sample)]
    out = folder / f"{name}-{rows}{'-distinct' if distinct else ''}{Path(source).suffix}"
    with out.open("w", encoding="latin-1" if encoding == "latin-1" else "utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator=terminator)
        writer.writerow(header)
        writer.writerows(sample)
    return out


def run(
    script: str, path: Path, db: Path, memory_limit: str, src: Path | None = None
) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter (importing sectorlens from ``src``, else this
    checkout's) and return what it printed."""
    for old in (db, db.with_name(db.name + ".wal")):
        if old.exists():
            old.unlink()
    args = [str(path), str(db)] if script is CLI else [str(path), str(db), memory_limit]
    env = dict(os.environ, PYTHONPATH=str(src or REPO / "src"))
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
    )
    if done.returncode:
        sys.exit(f"measurement failed:\n{done.stderr}")
    last = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
    return json.loads(last)  # type: ignore[no-any-return]


def main() -> None:
    """Build the exports, measure, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[250_000, 1_000_000])
    parser.add_argument(
        "--formats", nargs="+", default=["crunchbase", "itjuzi"], choices=sorted(FORMATS)
    )
    parser.add_argument(
        "--memory-limit",
        default="256MB",
        help="DuckDB memory_limit of read_csv's and ingest's stores ('' for DuckDB's default; "
        "the cli run uses the command's own)",
    )
    parser.add_argument(
        "--what", nargs="+", default=["read_csv", "ingest"], choices=sorted(RUNS), help="runs"
    )
    parser.add_argument(
        "--distinct-companies",
        action="store_true",
        help="rename each row's company with its row number (a real export's many companies)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="SRC",
        help="another checkout's src folder (e.g. /work/main/src): its CLI is measured on the "
        "same file just before this one's (ratios hold on a loaded machine; times do not)",
    )
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} is absent: the benchmark resamples the shared real data")
    print(
        f"DuckDB memory_limit: {args.memory_limit or 'default'}. peak = peak RSS of the process; "
        "duckdb = peak of DuckDB's own memory (buffer pool);\nrest = peak RSS less DuckDB's "
        "(Python, Arrow). x floor = how many times slower than read_csv in the same run.\n"
        f"cpu s = process CPU time, all threads; rows/cpu-s = rows per CPU second. Load average "
        f"at the start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)."
    )
    print(
        f"{'format':<11} {'rows':>9} {'what':<28} {'seconds':>8} {'rows/s':>9} {'x floor':>7} "
        f"{'cpu s':>7} {'rows/cpu-s':>10} {'peak MiB':>9} {'duckdb':>7} {'rest':>6} {'load':>5}"
    )
    seen: dict[tuple[str, str, int], dict[str, Any]] = {}  # (format, label, rows) → figures
    with tempfile.TemporaryDirectory(prefix="sectorlens-bench-") as tmp:
        folder = Path(tmp)
        for name in args.formats:
            for rows in args.rows:
                path = build(name, rows, folder, distinct=args.distinct_companies)
                floor = None
                for what in args.what:
                    label, script = RUNS[what]
                    codes: list[tuple[str, Path | None]] = [("", None)]
                    if args.baseline and what == "cli":  # the other code first, then this one
                        codes.insert(0, (" (baseline)", args.baseline))
                    got: dict[str, Any] = {}
                    for suffix, src in codes:
                        got = run(script, path, folder / "bench.duckdb", args.memory_limit, src)
                        floor = _line(name, rows, label + suffix, got, floor, what)
                        seen[(name, label + suffix, rows)] = got
                path.unlink()
    _summary(seen, args.rows)


def _summary(seen: dict[tuple[str, str, int], dict[str, Any]], sizes: list[int]) -> None:
    """Per format and code: the peak RSS at each size and its growth (flat: the same peak
    however large the file), and against the baseline run just before on the same file: the
    ratio of rows per CPU second and of wall-clock rows/s."""
    if not seen:
        return
    print("\nsummary: peak MiB by rows (growth from the smallest file to the largest); vs baseline")
    for name, label in dict.fromkeys((n, lab) for n, lab, _ in seen):
        runs = [seen[(name, label, n)] for n in sizes if (name, label, n) in seen]
        peaks = " / ".join(f"{r['peak_mib']:.0f}" for r in runs)
        growth = runs[-1]["peak_mib"] - runs[0]["peak_mib"]
        line = f"{name:<11} {label:<28} peak {peaks} MiB (growth {growth:+.0f} MiB)"
        base = label + " (baseline)"
        for n in sizes:
            this, other = seen.get((name, label, n)), seen.get((name, base, n))
            if this is None or other is None:
                continue
            cpu = (this["rows"] / this["cpu"]) / (other["rows"] / other["cpu"])
            wall = other["seconds"] / this["seconds"]
            peak = this["peak_mib"] / other["peak_mib"]
            line += f"; {n:,} rows: rows/cpu-s x{cpu:.2f}, rows/s x{wall:.2f}, peak x{peak:.2f}"
        print(line)


def _line(
    name: str, rows: int, label: str, got: dict[str, Any], floor: float | None, what: str
) -> float | None:
    """Print one measurement; the read_csv floor's rate (rows/s) once known."""
    rate = got["rows"] / got["seconds"]
    floor = floor or (rate if what == "read_csv" else None)
    split = (
        f"{got['duckdb_peak_mib']:>7.0f} {got['other_peak_mib']:>6.0f}"
        if "duckdb_peak_mib" in got
        else f"{'':>7} {'':>6}"
    )
    times = f"{floor / rate:>7.1f}" if floor else f"{'':>7}"
    print(
        f"{name:<11} {rows:>9,} {label:<28} {got['seconds']:>8.1f} "
        f"{rate:>9,.0f} {times} {got['cpu']:>7.1f} "
        f"{got['rows'] / got['cpu']:>10,.0f} {got['peak_mib']:>9.0f} {split} "
        f"{os.getloadavg()[0]:>5.2f}",
        flush=True,
    )
    return floor


if __name__ == "__main__":
    main()
