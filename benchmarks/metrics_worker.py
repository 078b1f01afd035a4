"""The metrics benchmark's worker: the report metrics with the sectorlens found on its path.

    PYTHONPATH=OTHER/src python benchmarks/metrics_worker.py STORE

``benchmarks/metrics.py --baseline-src OTHER/src`` starts it so that another checkout's code
(the previous commit's) runs on the same store in the same rounds. It reads a metric label per
line on stdin and answers one JSON line: wall and CPU seconds of that metric, measured here as
the parent measures its own, and the result rows (values as text).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from metrics_impl import REPORT
from sectorlens.metrics import compute, from_duckdb


def main() -> int:
    """Answer metric labels from stdin until it closes."""
    con = duckdb.connect(sys.argv[1], read_only=True)
    requests = {label: (name, request) for label, name, request in REPORT}
    for line in sys.stdin:
        name, request = requests[line.strip()]
        wall, cpu = time.perf_counter(), time.process_time()
        # a fresh engine per run, as the parent does: nothing carries over between runs
        table = compute(from_duckdb(con), name, **request).table
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        answer = {"wall": wall, "cpu": cpu, "columns": table.column_names}
        answer["rows"] = [
            [None if v is None else str(v) for v in r.values()] for r in table.to_pylist()
        ]
        print(json.dumps(answer), flush=True)
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
