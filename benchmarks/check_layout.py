"""A differential layout test of ``sectorlens check``: each real text is typeset as a publisher-like
PDF and checked beside its Markdown original; what the PDF adds or loses is caused by the layout.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/check_layout.py [FILE|DIR ...] [--tune]
[--extra DIR] [--layout two|wide|one] [--keep DIR] [-v]``

Texts: files or folders given as arguments, ``--extra DIR`` (every .txt/.md/.html/.pdf, the
language from ``_ko_``/``_zh_``/``_en_`` in the name, else from the text) and with ``--tune`` the
tune-half documents of ``../shared/data/reports`` (``tests/facts_eval/docs.yaml``; the held-out
half is never read). Each text is read into the document model; from its blocks one Markdown
original and one PDF per layout are written (typst, ``benchmarks/layout.typ``): two columns with
tables in the column (``two``), two columns with tables across the page (``wide``), one column
(``one``); a running header with a publisher's name and a year, page numbers in the footer,
tables without rules (a bold total row where the table has one, its scale line above it),
footnotes with markers, and after each table a chart of its first row (axis ticks, years, data
labels: present in the PDF only, as in a real report whose text carries the chart's caption but
not its picture). Both are checked; printed per rule: the error and warning findings the PDF has
and the original does not (layout-caused false alarms; the same rule pairing the same values is
the same finding whatever its locators), the findings the PDF lost, and the facts (value, unit)
lost or added. ``-v`` lists them. Nothing is written into the repository (``--keep DIR`` keeps
the written files there). It prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_stress import SHARED, Source, extra_sources, source_of, tune_sources
from layout_typeset import FONTS, LAYOUTS, markdown, structure, typeset
from sectorlens.facts import check, extract, read_document
from sectorlens.facts import lexicon as lx
from sectorlens.fx import FxRates
from sectorlens.model import Fact, Finding, Severity


def _value(f: Fact) -> str:
    q = f.quantity
    v = q.value if q.value is not None else q.low if q.low is not None else q.high
    if v is None:
        return "?"
    return f"{Decimal(v).normalize():f}"


def finding_key(f: Finding) -> tuple[str, tuple[str, ...]]:
    """A finding as the rule and the values it paired (its locators left out)."""
    return f.rule, tuple(sorted(_value(x) for x in f.facts)) or tuple(sorted(f.values))


def fact_keys(facts: Iterable[Fact]) -> Counter[tuple[str, str]]:
    """The facts as (value, unit) pairs."""
    return Counter((_value(f), f.quantity.unit or f.quantity.currency or "") for f in facts)


@dataclass
class Outcome:
    """What one PDF added and lost against its original."""

    name: str
    layout: str
    added: list[Finding]
    lost: list[Finding]
    facts_lost: Counter[tuple[str, str]]
    facts_added: Counter[tuple[str, str]]
    facts: int


def _alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def compare(md: Path, pdf: Path, fx: FxRates, layout: str, name: str) -> Outcome:
    """Check both files and compare their findings and facts."""
    a = extract(read_document(md))
    b = extract(read_document(pdf))
    fa, fb = _alarms(check(a, fx=fx)), _alarms(check(b, fx=fx))
    ka = {finding_key(f) for f in fa}
    kb = {finding_key(f) for f in fb}
    ca, cb = fact_keys(a.facts), fact_keys(b.facts)
    return Outcome(
        name,
        layout,
        [f for f in fb if finding_key(f) not in ka],
        [f for f in fa if finding_key(f) not in kb],
        ca - cb,
        cb - ca,
        sum(ca.values()),
    )


def sources_of(paths: list[Path]) -> list[Source]:
    """Files and folders given as arguments."""
    out: list[Source] = []
    for p in paths:
        if p.is_dir():
            out += extra_sources(p)
        else:
            out.append(source_of(p))
    return out


def run(sources: list[Source], layouts: list[str], folder: Path, fx: FxRates) -> list[Outcome]:
    """Typeset and check every source in every layout."""
    outcomes = []
    for s in sources:
        try:
            doc = read_document(s.path)
        except (OSError, ValueError) as exc:
            print(f"skipped {s.name}: {exc}", file=sys.stderr)
            continue
        lang = s.lang or lx.language(doc.text[:20000])
        lang = lang if lang in FONTS else "en"
        items = structure(doc, lang)
        if not items:
            continue
        stem = Path(s.name).stem
        title = stem.split("_", 1)[-1].replace("-", " ")
        md = folder / f"{stem}.md"
        md.write_text(markdown(title, items), encoding="utf-8")
        for layout in layouts:
            pdf = folder / f"{stem}.{layout}.pdf"
            try:
                typeset(title, lang, items, layout, pdf)
            except Exception as exc:
                print(f"skipped {s.name} ({layout}): {exc}", file=sys.stderr)
                continue
            outcomes.append(compare(md, pdf, fx, layout, s.name))
    return outcomes


def report(outcomes: list[Outcome], verbose: bool) -> None:
    """Print the differences per rule, then per document."""
    added = Counter((f.rule, f.severity.value) for o in outcomes for f in o.added)
    lost = Counter((f.rule, f.severity.value) for o in outcomes for f in o.lost)
    print(f"== {len(outcomes)} PDFs")
    print("  findings the PDF adds (layout-caused false alarms) by rule:")
    for (rule, sev), n in sorted(added.items()):
        print(f"    {rule:28} {sev:8} {n}")
    print("  findings the PDF lost by rule:")
    for (rule, sev), n in sorted(lost.items()):
        print(f"    {rule:28} {sev:8} {n}")
    facts = sum(o.facts for o in outcomes)
    fl = sum(sum(o.facts_lost.values()) for o in outcomes)
    fa = sum(sum(o.facts_added.values()) for o in outcomes)
    print(f"  facts of the originals {facts}, lost in the PDF {fl}, added by the PDF {fa}")
    print(f"  added {sum(added.values())}, lost {sum(lost.values())}")
    for o in outcomes:
        n_lost = sum(o.facts_lost.values())
        n_add = sum(o.facts_added.values())
        print(
            f"  {o.name:48} {o.layout:4} +{len(o.added)} -{len(o.lost)} findings,"
            f" facts -{n_lost} +{n_add} of {o.facts}"
        )
        if not verbose:
            continue
        for f in o.added:
            print(f"    ADDED {f.rule} {f.severity.value}: {f.message[:200]}")
            for q in f.quotes[:3]:
                print(f"          | {q[:160]}")
        for f in o.lost:
            print(f"    LOST  {f.rule} {f.severity.value}: {f.message[:160]}")
        if o.facts_lost:
            print(f"    facts lost: {sorted(o.facts_lost.elements())[:30]}")
        if o.facts_added:
            print(f"    facts added: {sorted(o.facts_added.elements())[:30]}")


def main(argv: list[str] | None = None) -> int:
    """Typeset the texts, check both versions, print the differences."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", type=Path, nargs="*", help="texts or folders of texts")
    ap.add_argument("--tune", action="store_true", help="the tune-half documents too")
    ap.add_argument("--extra", type=Path, action="append", default=[], help="a folder of texts")
    ap.add_argument("--layout", choices=LAYOUTS, action="append", help="only these layouts")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared material folder")
    ap.add_argument("--keep", type=Path, help="write the files here (outside the repository)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the differences")
    args = ap.parse_args(argv)
    sources = sources_of([*args.paths, *args.extra])
    if args.tune:
        if not (args.shared / "data" / "reports").is_dir():
            print(
                f"{args.shared / 'data' / 'reports'} is absent: use --shared DIR", file=sys.stderr
            )
            return 2
        sources += tune_sources(shared=args.shared)
    if not sources:
        ap.error("no texts: give files, folders, --extra DIR or --tune")
    fx = FxRates()
    layouts = args.layout or list(LAYOUTS)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report(run(sources, layouts, args.keep, fx), args.verbose)
        return 0
    with tempfile.TemporaryDirectory(prefix="sectorlens-layout-") as tmp:
        report(run(sources, layouts, Path(tmp), fx), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
