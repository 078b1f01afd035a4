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
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_stress import SHARED, Source, extra_sources, tune_sources
from sectorlens.facts import BlockKind, Document, check, extract, read_document
from sectorlens.facts import lexicon as lx
from sectorlens.fx import FxRates
from sectorlens.model import Fact, Finding, Severity
from sectorlens.report.fonts import cjk_font

TEMPLATE = Path(__file__).resolve().parent / "layout.typ"
LAYOUTS = ("two", "wide", "one")
FONTS = {
    "ko": ["Liberation Serif", "Noto Serif CJK KR"],
    "zh": ["Liberation Serif", "Noto Serif CJK SC"],
    "en": ["Liberation Serif", "Noto Serif CJK KR"],
}
PUBLISHER = {"ko": "한빛리서치 산업분석", "zh": "华信证券研究所", "en": "Northfield Research"}
PAGES = {"ko": "- {n} -", "zh": "第 {n} 页 共 {total} 页", "en": "Page {n} of {total}"}
NOTES = {
    "ko": ["주: 반올림으로 인해 합계가 일치하지 않을 수 있음", "자료: 각 사 공시, 당사 정리"],
    "zh": ["注：因四舍五入，合计数与各分项之和可能存在尾差", "资料来源：公司公告，本所整理"],
    "en": [
        "Totals may not add up because of rounding.",
        "Source: company filings, Northfield Research.",
    ],
}
FIGURE = {"ko": "그림 {n}. {label} 추이", "zh": "图{n}：{label}走势", "en": "Figure {n}. {label}"}
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
_SCALE = re.compile(r"단위|单位|in (?:millions|thousands|billions)|\(\$|in \$", re.I)
_TOTAL = re.compile(r"total|합계|총계|소계|合计|总计|小计", re.I)
_NUM = re.compile(r"^\(?[-−△▲+]?\$?\d[\d,]*(?:\.\d+)?\)?%?$")


@dataclass
class Item:
    """One block of the typeset document."""

    kind: str
    text: str = ""
    level: int = 2
    note: str | None = None
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 1
    total_row: bool = False
    chart: dict[str, Any] | None = None
    lead: str = ""  # lines set above the table (its scale, its period), kept with it


def fonts_installed(lang: str) -> bool:
    """True when typst can set the language's script (a CJK font for ko and zh)."""
    return lang == "en" or cjk_font() is not None


def _number(text: str) -> float | None:
    t = text.strip()
    if not _NUM.match(t):
        return None
    neg = t.startswith(("(", "-", "−", "△"))
    v = float(re.sub(r"[^\d.]", "", t) or "nan")
    return -v if neg else v


def _chart(rows: list[list[str]], header_rows: int) -> dict[str, Any] | None:
    """Axis ticks, x labels and data labels of the table's first numeric row."""
    if not rows or header_rows < 1:
        return None
    head = rows[header_rows - 1][1:]
    for row in rows[header_rows:]:
        values = [_number(c) for c in row[1:]]
        if len(values) >= 2 and all(v is not None and v >= 0 for v in values):
            vals = [v for v in values if v is not None][:5]
            top = max(vals) or 1.0
            step = 10 ** max(len(str(int(top))) - 1, 0)
            ticks = [f"{i * step:,.0f}" for i in range(int(top // step) + 2)][:5]
            return {
                "label": row[0],
                "x": head[: len(vals)],
                "labels": row[1 : 1 + len(vals)],
                "heights": [round(44 * v / top, 1) for v in vals],
                "ticks": ticks,
            }
    return None


def _leads(item: Item) -> bool:
    """A paragraph set with the table below it: its scale, or a short line (its period)."""
    if item.kind != "paragraph" or item.note is not None or len(item.text) > 200:
        return False
    return bool(_SCALE.search(item.text)) or (
        len(item.text) <= 80 and not item.text.rstrip().endswith(lx.TERMINAL)
    )


def structure(doc: Document, lang: str) -> list[Item]:
    """The document's blocks as items, with footnotes and a chart after each table."""
    items: list[Item] = []
    paragraphs = figures = 0
    notes = NOTES[lang]
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            items.append(Item("heading", block.text, level=block.level or 2))
        elif block.kind in (BlockKind.PARAGRAPH, BlockKind.FRONT_MATTER, BlockKind.FOOTNOTE):
            if _SCALE.search(block.text) and len(block.text) <= 40:
                items.append(Item("scale", block.text))  # set with the table below it
                continue
            paragraphs += 1
            note = None
            if paragraphs % 4 == 2 and any(ch.isdigit() for ch in block.text):
                note = notes[(paragraphs // 4) % len(notes)]
            items.append(Item("paragraph", block.text, note=note))
        elif block.kind is BlockKind.LIST_ITEM:
            items.append(Item("list_item", block.text))
        elif block.kind is BlockKind.CAPTION:
            items.append(Item("caption", block.text))
        elif block.kind is BlockKind.TABLE and block.table is not None:
            t = block.table
            grid = [["" for _ in range(t.cols)] for _ in range(t.rows)]
            for cell in t.cells:
                grid[cell.row][cell.col] = " ".join(cell.text.split())
            grid = [r for r in grid if any(r)]
            if len(grid) < 2 or t.cols < 2:
                continue
            total = bool(_TOTAL.search(grid[-1][0]))
            lead: list[str] = []  # a scale line and short lines above: they go with the table
            while items and len(lead) < 2 and (items[-1].kind == "scale" or _leads(items[-1])):
                lead.insert(0, items.pop().text)
            lead_text = "\n".join(lead)
            items.append(
                Item(
                    "table",
                    rows=grid,
                    header_rows=max(t.header_rows, 1),
                    total_row=total,
                    lead=lead_text,
                )
            )
            chart = _chart(grid, max(t.header_rows, 1))
            if chart is not None:
                figures += 1
                label = FIGURE[lang].format(n=figures, label=chart["label"])
                items.append(Item("caption", label))
                items.append(Item("chart", chart=chart))
    return items


def markdown(title: str, items: Iterable[Item]) -> str:
    """The Markdown original: the same blocks without page furniture and chart labels."""
    out = [f"# {title}", ""]
    notes: list[str] = []
    for it in items:
        if it.kind == "heading":
            out += [f"{'#' * min(it.level + 1, 6)} {it.text}", ""]
        elif it.kind == "paragraph":
            mark = ""
            if it.note is not None:
                notes.append(it.note)
                mark = f"[^{len(notes)}]"
            out += [it.text + mark, ""]
        elif it.kind == "list_item":
            out.append(f"- {it.text}")
        elif it.kind in ("caption", "scale"):
            out += [it.text, ""]
        elif it.kind == "table":
            rows = [[c.replace("|", "/") for c in r] for r in it.rows]
            for line in it.lead.splitlines():
                out += [line, ""]
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            out.append("")
    out += [""] + [f"[^{i}]: {n}" for i, n in enumerate(notes, 1)]
    return "\n".join(out) + "\n"


def running_year(text: str) -> str:
    """The year the text names most often (the running header's year)."""
    years = Counter(_YEAR.findall(text))
    return years.most_common(1)[0][0] if years else "2024"


def typeset(title: str, lang: str, items: list[Item], layout: str, out: Path) -> None:
    """Write the PDF of ``items`` in ``layout``."""
    import typst

    blocks = []
    for it in items:
        if it.kind == "chart" and it.chart is not None:
            blocks.append({"kind": "chart", **it.chart})
        elif it.kind == "table":
            width = max(len(r) for r in it.rows)
            rows = [r + [""] * (width - len(r)) for r in it.rows]
            blocks.append(
                {
                    "kind": "table",
                    "rows": rows,
                    "header_rows": it.header_rows,
                    "total_row": it.total_row,
                    "lead": it.lead,
                }
            )
        else:
            blocks.append({"kind": it.kind, "text": it.text, "level": it.level, "note": it.note})
    text = " ".join(it.text for it in items)
    data = {
        "title": title,
        "lang": lang,
        "layout": layout,
        "fonts": [*FONTS[lang], *([cjk_font()] if cjk_font() else [])],
        "publisher": PUBLISHER[lang],
        "running": f"{title[:40]} · {running_year(text)}",
        "page_format": PAGES[lang],
        "blocks": blocks,
    }
    compiler = typst.Compiler(root=str(TEMPLATE.parent))
    pdf = compiler.compile(
        input=TEMPLATE.read_bytes(),
        format="pdf",
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
    )
    assert isinstance(pdf, bytes)
    out.write_bytes(pdf)


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
            m = re.search(r"(?:^|_)(ko|zh|en)(?:_|$)", p.stem)
            out.append(Source(p.name, m.group(1) if m else "", p))
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
