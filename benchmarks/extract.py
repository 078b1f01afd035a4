"""Extraction speed on every real document and on 1 MB of text; quality on the labelled seed.

Run: ``.venv/bin/python benchmarks/extract.py [--speed | --quality] [--repeat N] [SEED_TEXT]``.

Speed (``--speed``): for every document in ../shared/data/reports/ (``$SECTORLENS_SHARED`` in
place of ../shared where set) and a synthetic 1 MB text (ko/zh/en sentences with numbers, built
here from a fixed seed), the time to read the document into blocks, the time to extract its facts,
facts per second and the coverage counts; goals: a 15-page PDF read and extracted under 2 s, 1 MB
of text under 3 s.

Quality (``--quality``): precision and recall of money, percent and count facts on the seed
report with correct values (and unit, currency, stated equivalent), subject agreement, and the
same figures for the named baseline: the same candidate spans and parser applied line by line,
without joining lines across breaks, figure-label runs or sentence context.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sectorlens.facts import extract, extraction_coverage, from_text, read_document
from sectorlens.facts.candidates import quantity_spans
from sectorlens.facts.readers import Document
from sectorlens.model import Fact, Kind
from sectorlens.parse import parse

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "seed_facts.csv"
SHARED = Path(os.environ.get("SECTORLENS_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "china_ai_industry_2021.ko.txt"
REPORTS = SHARED / "data" / "reports"
GOAL_PDF_15_PAGES = 2.0
GOAL_1MB_TEXT = 3.0
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


def quality(seed: Path) -> None:
    """Print quality figures on the labelled seed and the speed against the baseline."""
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


_SENTENCES = (
    "2021년 {region}의 AI 투자 금액은 {a}억 {b}00만 위안으로 전년 대비 {p}.{q}% 증가했다.",
    "{year}年{region}人工智能企业数量达到{a}家，同比增长{p}.{q}%，占全国的{q}{p}%。",
    "Revenue in {region} rose {p}.{q}% to ${a}.{b} million in {year}, up from ${b}.{a} million.",
    "이 중 {region}이 {p}.{q}%, 나머지 지역이 {q}.{p}%를 차지하며 모두 {a}건의 거래가 있었다.",
    "Operating margin was {p}.{q} percent, down {q} points from {year}; {a} deals closed.",
)
# Sentences without numbers, so that the density is that of real reports (about one number
# per 50-80 characters, as in the seed and the Berkshire letter), not one every 25.
_PROSE = (
    "중국 정부는 인공지능 산업의 발전을 국가 전략으로 삼고 관련 정책을 꾸준히 내놓고 있다.",
    "业内人士认为，产业链上下游的协同仍是行业发展的关键。",
    "Management expects demand to remain resilient as customers continue to invest.",
    "이러한 흐름은 지역별 산업 구조의 차이에서 비롯된 것으로 보인다.",
    "The company continued to invest in research and development across its segments.",
)
PROSE_SHARE = 0.65  # gives one number per ~45 characters, the density of the seed report
_REGIONS = ("서울", "北京", "Ontario", "부산", "上海", "Bavaria", "경기", "深圳")


def synthetic_text(size: int = 1_000_000, seed: int = 16) -> str:
    """About ``size`` bytes (UTF-8) of ko/zh/en paragraphs with numbers (deterministic)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(
            rng.choice(_PROSE)
            if rng.random() < PROSE_SHARE
            else rng.choice(_SENTENCES).format(
                region=rng.choice(_REGIONS),
                year=rng.randint(2015, 2024),
                a=rng.randint(1, 9999),
                b=rng.randint(1, 99),
                p=rng.randint(1, 99),
                q=rng.randint(0, 9),
            )
            for _ in range(rng.randint(2, 6))
        )
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def _timed(fn: object, arg: object, repeat: int) -> tuple[float, float, object]:
    """Median wall-clock and CPU seconds of ``fn(arg)``, and its result."""
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn(arg)  # type: ignore[operator]
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), out


def speed(repeat: int) -> None:
    """Print read and extraction time, facts/s and coverage for every document."""
    docs: list[tuple[str, object]] = []
    if REPORTS.is_dir():
        docs.extend((p.name, p) for p in sorted(REPORTS.iterdir()) if p.name != "README.md")
    else:
        print(f"{REPORTS} is absent: only the synthetic text is timed")
    text = synthetic_text()
    n_bytes, n_numbers = len(text.encode()), sum(ch.isdigit() for ch in text)
    docs.append((f"synthetic text ({n_bytes / 1e6:.2f} MB, {len(text):,} chars)", text))
    print(f"synthetic text: {n_bytes:,} bytes, {len(text):,} characters, {n_numbers:,} digits")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"median of {repeat} run(s) each; load average {load:.1f} (cpu s: this process only)")
    print(
        f"{'document':48} {'pages':>5} {'blocks':>6} {'tables':>6} {'read s':>7} "
        f"{'extract s':>9} {'total s':>7} {'cpu s':>6} {'facts':>6} {'facts/s':>8} {'numbers':>7} "
        f"{'in facts':>8} {'ignored':>7} {'unparsed':>8}"
    )
    for name, source in docs:

        def read(src: object) -> Document:
            return from_text(src) if isinstance(src, str) else read_document(src)  # type: ignore[arg-type]

        t_read, c_read, doc = _timed(read, source, repeat)
        assert isinstance(doc, Document)
        t_extract, c_extract, extraction = _timed(extract, doc, repeat)
        counts = extraction_coverage(extraction).counts()  # type: ignore[arg-type]
        n_facts = len(extraction.facts)  # type: ignore[attr-defined]
        total = t_read + t_extract
        tables = sum(1 for b in doc.blocks if b.table is not None)
        goal = ""
        if doc.pages is not None and doc.pages <= 15:
            goal = "ok" if total < GOAL_PDF_15_PAGES else f"OVER {GOAL_PDF_15_PAGES} s"
        elif isinstance(source, str):
            goal = "ok" if total < GOAL_1MB_TEXT else f"OVER {GOAL_1MB_TEXT} s"
        print(
            f"{name[:48]:48} {doc.pages or '':>5} {len(doc.blocks):6} {tables:6} "
            f"{t_read:7.2f} {t_extract:9.2f} {total:7.2f} {c_read + c_extract:6.2f} {n_facts:6} "
            f"{n_facts / total if total else 0:8.0f} {counts['numbers']:7} {counts['fact']:8} "
            f"{sum(counts['ignored'].values()):7} {sum(counts['unparsed'].values()):8} {goal}"
        )


def main() -> None:
    """Print speed and/or quality figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("seed", nargs="?", type=Path, default=SEED, help="the seed report's text")
    ap.add_argument("--speed", action="store_true", help="only the per-document speed table")
    ap.add_argument("--quality", action="store_true", help="only the seed quality figures")
    ap.add_argument("--repeat", type=int, default=1, help="runs per document (median)")
    args = ap.parse_args()
    if not args.quality:
        speed(max(1, args.repeat))
    if not args.speed:
        if not args.seed.exists():
            raise SystemExit(f"seed text not found at {args.seed} (pass its path)")
        quality(args.seed)


if __name__ == "__main__":
    main()
