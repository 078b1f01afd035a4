"""Strings per second of sectorlens.parse on the real amount columns of ../shared/data.

Run: .venv/bin/python benchmarks/parse.py [--repeat N]

Three figures for sectorlens: "uncached" (every string read from scratch, the per-string cost),
"cold" (one pass over the real distribution starting from empty caches, so repeats hit the
cache) and "warm" (caches full). On the subsets they accept, jionlp.parse_money and cn2an.cn2an
("smart" mode) are timed on the same strings in the same run; ratios are sectorlens / other.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sectorlens.model import Kind
from sectorlens.parse import clear_caches, parse_money, parse_number
from sectorlens.parse._core import only, read_quantity

SHARED = Path(os.environ.get("SECTORLENS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
Pair = tuple[str, str | None]


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    return list(csv.DictReader(io.StringIO(raw.replace("\r\n", "\n").replace("\r", "\n"))))


def amount_columns(data: Path) -> dict[str, list[Pair]]:
    """Every amount cell of the shared datasets (repeats kept), each with its column currency."""
    itjuzi = _csv(data / "itjuzi" / "companies_820_2018-12-25.csv")
    cb = data / "crunchbase_2013"
    cset_path = data / "cset" / "amplyfi_investments_zh_usd.jsonl"
    cset = [json.loads(line) for line in cset_path.read_text(encoding="utf-8").splitlines()]
    india = _csv(data / "india_startup_funding" / "startup_funding.csv")
    nsf = [
        v
        for table in ("1942", "1974", "6208")
        for row in _csv(data / "nsf_sei" / table / "data.csv")
        for k, v in row.items()
        if k.startswith("field_")
    ]

    def col(rows: list[dict[str, str]], name: str, cur: str | None) -> list[Pair]:
        return [(r[name], cur) for r in rows]

    return {
        "itjuzi 融资金额": col(itjuzi, "融资金额", None),
        "itjuzi 融资总额": col(itjuzi, "融资总额", "CNY"),
        "itjuzi 估值": col(itjuzi, "估值", None),
        "crunchbase raised_amount_usd": col(
            _csv(cb / "crunchbase-rounds.csv"), "raised_amount_usd", "USD"
        ),
        "crunchbase funding_total_usd": col(
            _csv(cb / "crunchbase-companies.csv"), "funding_total_usd", "USD"
        ),
        "crunchbase price_amount": col(
            _csv(cb / "crunchbase-acquisitions.csv"), "price_amount", "USD"
        ),
        "cset amount": [(str(r["amount"]), r.get("currency")) for r in cset],
        "india AmountInUSD": col(india, "AmountInUSD", "USD"),
        "nsf_sei values": [(v, "USD") for v in nsf],
    }


def _best(fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None) -> float:
    best = float("inf")
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def ours_rates(pairs: Sequence[Pair], repeat: int) -> tuple[float, float, float]:
    """(uncached, cold, warm) strings/second of parse_money over ``pairs``."""
    raw = read_quantity.__wrapped__

    def uncached() -> None:
        for s, cur in pairs:
            only(raw(s, cur, True), Kind.MONEY)

    def cached() -> None:
        for s, cur in pairs:
            parse_money(s, default_currency=cur)

    n = len(pairs)
    u = _best(uncached, repeat)
    c = _best(cached, repeat, before=clear_caches)
    cached()
    w = _best(cached, repeat)
    return n / u, n / c, n / w


def _accepts(fn: Callable[[str], object], s: str) -> bool:
    try:
        fn(s)
    except Exception:  # the libraries signal "cannot read" by raising anything
        return False
    return True


def _rate(fn: Callable[[str], object], strings: Sequence[str], repeat: int) -> float:
    def run() -> None:
        for s in strings:
            fn(s)

    return len(strings) / _best(run, repeat)


def compare(
    name: str,
    other: Callable[[str], object],
    ours: Callable[[str], object],
    strings: Sequence[str],
    repeat: int,
) -> None:
    """Time ``other`` and ours (uncached and cached) on the strings ``other`` accepts."""
    subset = [s for s in strings if _accepts(other, s)]
    if not subset:
        print(f"  {name}: accepts none of these strings")
        return
    theirs = _rate(other, subset, repeat)
    clear_caches()
    uncached = _rate(lambda s: ours(s, True), subset, repeat)
    clear_caches()
    cold = _rate(lambda s: ours(s, False), subset, 1)
    warm = _rate(lambda s: ours(s, False), subset, repeat)
    print(
        f"  vs {name} on {len(subset):,} strings it accepts ({len(set(subset)):,} distinct): "
        f"{name} {theirs:,.0f}/s; sectorlens uncached {uncached:,.0f}/s "
        f"(x{uncached / theirs:.1f}), cold {cold:,.0f}/s (x{cold / theirs:.1f}), "
        f"warm {warm:,.0f}/s (x{warm / theirs:.1f})"
    )


def main() -> int:
    """Print strings/second per column and overall, and the ratios against jionlp and cn2an."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    data = SHARED / "data"
    if not data.exists():
        print(f"{data} is absent: nothing to measure", file=sys.stderr)
        return 1
    columns = amount_columns(data)
    every = [p for pairs in columns.values() for p in pairs]
    print(
        f"{len(every):,} amount strings ({len({s for s, _ in every}):,} distinct), "
        f"best of {args.repeat}"
    )
    u, c, w = ours_rates(every, args.repeat)
    print(
        f"sectorlens parse_money, all columns: uncached {u:,.0f}/s, cold {c:,.0f}/s, "
        f"warm {w:,.0f}/s"
    )
    for name, pairs in columns.items():
        u, c, w = ours_rates(pairs, args.repeat)
        print(f"  {name} ({len(pairs):,}): uncached {u:,.0f}/s, cold {c:,.0f}/s, warm {w:,.0f}/s")

    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import cn2an  # type: ignore[import-untyped]
        import jionlp  # type: ignore[import-untyped]

    raw = read_quantity.__wrapped__

    def money(s: str, uncached: bool) -> object:
        return only(raw(s, None, True), Kind.MONEY) if uncached else parse_money(s)

    def number(s: str, uncached: bool) -> object:
        return only(raw(s, None, False), Kind.NUMBER) if uncached else parse_number(s)

    print("comparisons (same strings, same run):")
    for name, pairs in columns.items():
        strings = [s for s, _ in pairs]
        print(f" {name}:")
        compare("jionlp.parse_money", jionlp.parse_money, money, strings, args.repeat)
        compare("cn2an.cn2an", lambda s: cn2an.cn2an(s, "smart"), number, strings, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
