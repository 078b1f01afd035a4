"""The layout benchmark: one Markdown original and one typeset PDF per layout from a text's
blocks, compared finding by finding (the same rule pairing the same values is one finding)."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import check_layout as cl
import layout_typeset as lt
from sectorlens.facts import BlockKind, from_text, read_document
from sectorlens.model import Fact, Finding, Kind, Quantity, Severity

TEXT = """# 실적 요약

2023년 매출액은 1,200억원으로 전년 대비 20.0% 늘었다.

(단위: 억원)

| 구분 | 2022년 | 2023년 |
|---|---|---|
| 국내 | 600 | 700 |
| 해외 | 400 | 500 |
| 합계 | 1,000 | 1,200 |
"""


def _finding(line: int, *values: str) -> Finding:
    facts = tuple(
        Fact(Quantity(input=v, kind=Kind.COUNT, value=Decimal(v)), None, "", line, (0, 1))
        for v in values
    )
    return Finding("table.total", Severity.ERROR, "", lines=(line,), facts=facts)


def test_the_original_keeps_the_blocks_and_the_chart_only_its_caption() -> None:
    items = lt.structure(from_text(TEXT, "r.md", "md"), "ko")
    kinds = [it.kind for it in items]
    assert kinds == ["heading", "paragraph", "table", "caption", "chart"]
    table = items[2]
    assert table.lead == "(단위: 억원)" and table.total_row
    chart = items[4].chart
    assert chart is not None and chart["labels"] == ["600", "700"]
    md = lt.markdown("실적", items)
    assert "(단위: 억원)\n\n| 구분 | 2022년 | 2023년 |" in md
    assert "그림 1. 국내 추이" in md and "0\n" not in md.split("그림 1.")[1]


def test_a_finding_is_its_rule_and_values_whatever_its_locators() -> None:
    assert cl.finding_key(_finding(3, "700", "500")) == cl.finding_key(_finding(9, "500", "700"))
    assert cl.finding_key(_finding(3, "700")) != cl.finding_key(_finding(3, "701"))


def test_a_typeset_pdf_reads_back_with_its_table_and_chart_labels(tmp_path: Path) -> None:
    pytest.importorskip("typst")
    if not lt.fonts_installed("ko"):
        pytest.skip("no CJK font installed for typst (fonts-noto-cjk)")
    items = lt.structure(from_text(TEXT, "r.md", "md"), "ko")
    pdf = tmp_path / "r.pdf"
    lt.typeset("실적", "ko", items, "one", pdf)
    doc = read_document(pdf)
    (table,) = [b.table for b in doc.blocks if b.table is not None]
    assert table.rows == 4 and table.cols == 3
    assert any(b.kind is BlockKind.FIGURE_LABELS for b in doc.blocks)
