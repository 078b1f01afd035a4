"""Extraction quality on the seed report against a hand-labelled set, and speed.

Run: ``.venv/bin/python benchmarks/extract.py [SEED_TEXT]`` (default ../shared/seed/…).
Prints precision and recall of money, percent and count facts with correct values (and unit,
currency, stated equivalent), subject agreement, and the same figures in the same run for the
named baseline: the same candidate spans and parser applied line by line, without joining lines
across breaks, figure-label runs or sentence context.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sectorlens.facts import extract, read_document
from sectorlens.facts.candidates import quantity_spans
from sectorlens.facts.readers import Document
from sectorlens.model import Fact, Kind
from sectorlens.parse import parse

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "seed_facts.csv"
SEED = ROOT.parent / "shared" / "seed" / "china_ai_industry_2021.ko.txt"
KINDS = ("money", "percent", "count")


@dataclass(frozen=True)
class Item:
    """One fact reduced to what is compared."""

    line: int
    kind: str
    value: Decimal | None
    low: Decimal | None
    unit: str
    equivalent: Decimal | None
    subject: str


def _dec(text: str | None) -> Decimal | None:
    return Decimal(text) if text else None


def load_gold(path: Path = GOLD) -> list[Item]:
    """The labelled facts (comment lines start with #)."""
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [
            Item(
                int(r["line"]),
                r["kind"],
                _dec(r["value"]),
                _dec(r["low"]),
                r["unit"],
                _dec(r["equivalent"]),
                r["subject"],
            )
            for r in rows
        ]


def _item(f: Fact) -> Item:
    q = f.quantity
    eq = q.equivalent.value if q.equivalent is not None else None
    low = q.low if q.value is None else None  # exact values carry low = high = value
    return Item(f.line, q.kind.value, q.value, low, q.currency or q.unit or "", eq, f.subject or "")


def _same_value(a: Item, b: Item) -> bool:
    return (
        a.kind == b.kind
        and a.value == b.value
        and a.low == b.low
        and a.unit == b.unit
        and a.equivalent == b.equivalent
    )


def score(gold: list[Item], found: list[Item]) -> dict[str, tuple[int, int, int]]:
    """Per kind: (correct, found, labelled); a found fact counts once, on its line."""
    unused = list(gold)
    correct = dict.fromkeys(KINDS, 0)
    for item in found:
        match = next((g for g in unused if g.line == item.line and _same_value(g, item)), None)
        if match is not None:
            unused.remove(match)
            correct[item.kind] += 1
    return {
        k: (correct[k], sum(1 for f in found if f.kind == k), sum(1 for g in gold if g.kind == k))
        for k in KINDS
    }


def subjects(gold: list[Item], found: list[Item]) -> tuple[int, int, int]:
    """(exact, overlapping, matched facts): subject agreement on correctly read facts."""

    def norm(s: str) -> str:
        return "".join(s.split())

    exact = overlap = n = 0
    for item in found:
        g = next((g for g in gold if g.line == item.line and _same_value(g, item)), None)
        if g is None:
            continue
        n += 1
        a, b = norm(item.subject), norm(g.subject)
        exact += a == b
        overlap += bool(a) and (a in b or b in a)
    return exact, overlap, n


def baseline(doc: Document) -> list[Item]:
    """Candidate spans parsed line by line: no joining, no figure runs, no subjects."""
    out = []
    for number, line in enumerate(doc.lines, start=1):
        for _, span in quantity_spans(line):
            q = parse(span.text)
            if q.kind in (Kind.MONEY, Kind.PERCENT, Kind.COUNT):
                fact = Fact(q, None, line, number, (0, 0))
                out.append(_item(fact))
    return out


def _report(name: str, table: dict[str, tuple[int, int, int]]) -> None:
    total = [sum(v[i] for v in table.values()) for i in range(3)]
    print(f"\n{name}")
    print(
        f"  {'kind':8} {'correct':>7} {'found':>6} {'labelled':>8} {'precision':>9} {'recall':>7}"
    )
    for kind, (c, f, g) in [*table.items(), ("all", tuple(total))]:
        p = f"{c / f:.1%}" if f else "–"
        r = f"{c / g:.1%}" if g else "–"
        print(f"  {kind:8} {c:7} {f:6} {g:8} {p:>9} {r:>7}")


def _time(fn: object, doc: Document, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(doc)  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    """Print quality and speed figures."""
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    if not seed.exists():
        sys.exit(f"seed text not found at {seed} (pass its path)")
    doc = read_document(seed)
    gold = load_gold()
    extraction = extract(doc)
    found = [_item(f) for f in extraction.facts if f.quantity.kind.value in KINDS]
    _report("sectorlens.facts.extract", score(gold, found))
    exact, overlap, n = subjects(gold, found)
    print(f"  subjects on correctly read facts: exact {exact}/{n}, overlapping {overlap}/{n}")
    missed = [g for g in gold if not any(g.line == f.line and _same_value(g, f) for f in found)]
    for g in missed:
        print(f"  missed: line {g.line} {g.kind} {g.value or g.low} {g.unit} ({g.subject})")
    wrong = [f for f in found if not any(g.line == f.line and _same_value(g, f) for g in gold)]
    for f in wrong:
        print(f"  not labelled / wrong: line {f.line} {f.kind} {f.value or f.low} {f.unit}")
    if extraction.unparsed:
        print(f"  candidates the parser could not read: {len(extraction.unparsed)}")
    _report("baseline: line-by-line candidates + parse", score(gold, baseline(doc)))
    t_full, t_base = _time(extract, doc), _time(baseline, doc)
    lines = len(doc.lines)
    print(
        f"\nspeed (median of 7, {lines} lines, parse cache warm): extract {t_full * 1000:.1f} ms "
        f"({lines / t_full:,.0f} lines/s); baseline {t_base * 1000:.1f} ms; "
        f"ratio {t_full / t_base:.1f}x"
    )


if __name__ == "__main__":
    main()
