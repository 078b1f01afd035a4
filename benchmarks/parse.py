"""Strings per second of sectorlens.parse on the real amount columns of ../shared/data.

Run: .venv/bin/python benchmarks/parse.py [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sectorlens.parse import clear_caches, parse_money

SHARED = Path(os.environ.get("SECTORLENS_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    return list(csv.DictReader(io.StringIO(raw.replace("\r\n", "\n").replace("\r", "\n"))))


def amount_columns(data: Path) -> dict[str, tuple[list[str], str | None]]:
    """Every amount cell of the shared datasets (repeats kept), with the column's currency."""
    itjuzi = _csv(data / "itjuzi" / "companies_820_2018-12-25.csv")
    cb = data / "crunchbase_2013"
    cset_path = data / "cset" / "amplyfi_investments_zh_usd.jsonl"
    cset = [json.loads(line) for line in cset_path.read_text(encoding="utf-8").splitlines()]
    nsf = [
        v
        for table in ("1942", "1974", "6208")
        for row in _csv(data / "nsf_sei" / table / "data.csv")
        for k, v in row.items()
        if k.startswith("field_")
    ]
    return {
        "itjuzi 融资金额": ([r["融资金额"] for r in itjuzi], None),
        "itjuzi 融资总额": ([r["融资总额"] for r in itjuzi], "CNY"),
        "itjuzi 估值": ([r["估值"] for r in itjuzi], None),
        "crunchbase raised_amount_usd": (
            [r["raised_amount_usd"] for r in _csv(cb / "crunchbase-rounds.csv")],
            "USD",
        ),
        "crunchbase funding_total_usd": (
            [r["funding_total_usd"] for r in _csv(cb / "crunchbase-companies.csv")],
            "USD",
        ),
        "crunchbase price_amount": (
            [r["price_amount"] for r in _csv(cb / "crunchbase-acquisitions.csv")],
            "USD",
        ),
        "cset amount": ([str(r["amount"]) for r in cset], None),
        "india AmountInUSD": (
            [r["AmountInUSD"] for r in _csv(data / "india_startup_funding/startup_funding.csv")],
            "USD",
        ),
        "nsf_sei values": (nsf, "USD"),
    }


def rate(fn: Callable[[str], object], strings: list[str], repeat: int) -> float:
    """Best strings/second over ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for s in strings:
            fn(s)
        best = min(best, time.perf_counter() - start)
    return len(strings) / best if best > 0 else float("inf")


def main() -> int:
    """Print strings/second, cold and warm cache, per column and overall."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    data = SHARED / "data"
    if not data.exists():
        print(f"{data} is absent: nothing to measure", file=sys.stderr)
        return 1
    columns = amount_columns(data)
    every: list[tuple[str, str | None]] = [(s, cur) for ss, cur in columns.values() for s in ss]
    print(f"{len(every)} strings ({len({s for s, _ in every})} distinct)")

    def ours(pair: tuple[str, str | None]) -> object:
        return parse_money(pair[0], default_currency=pair[1])

    cold = []
    for _ in range(args.repeat):
        clear_caches()
        start = time.perf_counter()
        for pair in every:
            ours(pair)
        cold.append(time.perf_counter() - start)
    warm = rate(ours, every, args.repeat)  # type: ignore[arg-type]
    print(f"sectorlens parse_money, all columns: cold {len(every) / min(cold):,.0f}/s, ", end="")
    print(f"warm {warm:,.0f}/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
