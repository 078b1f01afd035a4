"""The document model on real reports in ../shared/data/reports (expectations checked by eye)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.facts import BlockKind, Document, read_document

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def reports(shared_data: Path) -> Path:
    path = shared_data / "reports"
    if not path.is_dir():
        pytest.skip(f"{path} is absent (external data lives in ../shared, not in the repository)")
    return path


def _rows(doc: Document, page: int) -> list[list[str]]:
    return [
        [c.text for c in b.table.row(r)]
        for b in doc.blocks
        if b.page == page and b.table is not None
        for r in range(b.table.rows)
    ]


def test_intel_release_first_page_table_and_page_furniture(reports: Path) -> None:
    doc = read_document(reports / "en_intel-q1-2023-earnings-release.pdf")
    assert doc.pages == 15
    (table_block,) = [b for b in doc.blocks if b.page == 1 and b.table is not None]
    table = table_block.table
    assert table is not None and table.header_rows == 2 and table.header_cols == 1
    row = next(r for r in _rows(doc, 1) if r[0] == "Gross Margin")
    assert row == [
        "Gross Margin",
        "34.2%",
        "50.4%",
        "down 16.2 ppts",
        "38.4%",
        "53.1%",
        "down 14.7 ppts",
    ]
    assert table.column_header(1) == "GAAP / Q1 2023"
    assert table.column_header(4) == "Non-GAAP / Q1 2023"
    # "Intel/Page 2" … "Intel/Page 15" run at the top of every page after the first
    assert "Intel/Page" not in doc.text
    assert sum(1 for d in doc.dropped if d.text.startswith("Intel/Page")) == 14
    first = next(b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM)
    assert first.marker == "•"
    assert first.text == "First-quarter revenue of $11.7 billion, down 36% year over year (YoY)."


def test_income_statement_table_has_its_period_headers(reports: Path) -> None:
    doc = read_document(reports / "en_intel-q1-2023-earnings-release.pdf")
    block = next(b for b in doc.blocks if b.table is not None and "Net revenue" in b.text)
    table = block.table
    assert table is not None and block.page == 6
    assert table.column_header(1) == "Three Months Ended / Apr 1, 2023"
    assert [c.text for c in table.row(2)] == ["Net revenue", "$11,715", "$18,353"]


def test_spri_korean_brief_reads_in_order_with_superscripts_apart(reports: Path) -> None:
    doc = read_document(reports / "ko_spri-ai-brief-2023-12.pdf")
    page4 = [b for b in doc.blocks if b.page == 4]
    texts = [b.text for b in page4]
    assert page4[0].kind is BlockKind.HEADING
    assert texts[0] == "미국, 안전하고 신뢰할 수 있는 AI 개발과 사용에 관한 행정명령 발표"
    assert texts[1] == "KEY Contents"
    order = [
        next(i for i, t in enumerate(texts) if t.startswith(start))
        for start in (
            "미국 바이든 대통령이 ‘안전하고",
            "바이든 대통령, AI 행정명령 통해",
            "미국 바이든 대통령이 2023년 10월 30일",
        )
    ]
    assert order == sorted(order)
    # 10 with a superscript 26 is a power of ten, not the number 1026
    assert "△10^26 플롭스" in doc.text and "1026 플롭스" not in doc.text
    assert "SPRi AI Brief" not in doc.text  # the running header is dropped


def test_mirae_first_page_sidebar_and_summary_are_separate(reports: Path) -> None:
    doc = read_document(reports / "ko_miraeasset-skhynix-2q24-review.pdf")
    rows = _rows(doc, 1)
    assert ["52주 최고가(원)", "241,000"] in rows
    assert ["매출액 (십억원)", "44,622", "32,766", "68,338", "98,611", "101,855"] in rows
    assert ["결산기 (12월)", "2022", "2023", "2024F", "2025F", "2026F"] in rows
    summary = next(b for b in doc.blocks if b.text.startswith("실적 전망 및 밸류에이션"))
    assert "목표주가를 기존 240,000원에서 260,000원으로 8% 상향한다." in summary.text
    # the sidebar's labels are not mixed into the summary column
    for sidebar in ("투자의견(유지)", "목표주가(상향)", "52주 최고가"):
        assert sidebar not in summary.text


def test_nvidia_10k_hidden_xbrl_header_is_not_text_and_tables_keep_headers(
    reports: Path,
) -> None:
    doc = read_document(reports / "en_nvidia-10k-fy2024.htm")
    # the hidden ix:header carries the CIK and XBRL durations: none of it is read
    for hidden in ("0001045810", "P3Y", "TrdArrDuration"):
        assert hidden not in doc.text
    block = next(b for b in doc.blocks if b.table is not None and "Data Center" in b.text)
    table = block.table
    assert table is not None
    row = next(r for r in range(table.rows) if table.row(r)[0].text == "Data Center")
    assert [c.text for c in table.row(row)] == ["Data Center", "$47,525", "$15,005", "$10,613"]
    assert "Jan 28, 2024" in table.column_header(1)
    assert "Item 1. Business" in [h.text for h in doc.headings()]
    assert sum(1 for b in doc.blocks if b.table is not None) == 66


def test_jsp_page_html_heading_and_one_long_line_of_text(reports: Path) -> None:
    html = read_document(reports / "zh_korea-it-exports-2011-05.html")
    assert [(h.level, h.text) for h in html.headings()] == [
        (1, "韩IT产品5月对华出口增5.6%达61.7亿美元")
    ]
    assert "<%" not in html.text
    text = read_document(reports / "zh_guoyuan-semiconductor-deep-2020-06.txt")
    (block,) = text.blocks
    raw = (reports / "zh_guoyuan-semiconductor-deep-2020-06.txt").read_text(encoding="utf-8")
    assert len(block.sentences) >= raw.count("。")
    assert all(s.text == block.text[s.start : s.end] for s in block.sentences)


def test_markdown_reports_front_matter_and_pipe_tables(reports: Path) -> None:
    gator = read_document(reports / "zh_gator-auto-industry-monthly-2025-06.md")
    assert gator.blocks[0].kind is BlockKind.FRONT_MATTER
    berkshire = read_document(reports / "en_berkshire-letter-2010.md")
    table = next(b.table for b in berkshire.blocks if b.table is not None)
    assert table.header_rows == 1 and table.header_cols == 1
    assert [c.text for c in table.row(1)] == ["1965", "23.8", "10.0", "13.8"]
    assert table.column_header(1).startswith("Annual Percentage Change in Per-Share Book Value")
