"""Typesetting for benchmarks/check_layout.py: a document model's blocks as items, written as
a Markdown original and as a publisher-like PDF (typst, ``benchmarks/layout.typ``): running
header, page numbers, tables without rules with a bold total row and their scale line, footnotes
with markers, and a chart of each table's first row."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sectorlens.facts import BlockKind, Document
from sectorlens.facts import lexicon as lx
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
