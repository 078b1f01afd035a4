"""The document model: blocks, headings, tables with headers, locators, sentences, per format."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.facts import BlockKind, Document, from_text, read_document
from sectorlens.facts.coverage import Status, inventory, resolve
from sectorlens.facts.document import Block
from sectorlens.facts.sentences import split_sentences


def _kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in doc.blocks]


def _one(doc: Document, kind: BlockKind) -> Block:
    (block,) = [b for b in doc.blocks if b.kind is kind]
    return block


# --- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "성장률은 3.5%였다. 내년에는 4.2%로 본다.",
            ["성장률은 3.5%였다.", "내년에는 4.2%로 본다."],
        ),
        ("产值增长3.5%。出口下降1.2%！进口呢？", ["产值增长3.5%。", "出口下降1.2%！", "进口呢？"]),
        (
            "GDP rose 3.5% in Q1, e.g. in Ontario. It fell 1.2% (est.) in Q2.",
            ["GDP rose 3.5% in Q1, e.g. in Ontario.", "It fell 1.2% (est.) in Q2."],
        ),
        # spaces lost: a Korean sentence end is still one; 3.5 is still one number
        (
            "매출은 3.5조원이었다.영업이익은 1.2조원이다.",
            ["매출은 3.5조원이었다.", "영업이익은 1.2조원이다."],
        ),
    ],
)
def test_sentences_end_at_ko_zh_en_ends_but_not_inside_numbers(
    text: str, expected: list[str]
) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


# --- plain text ------------------------------------------------------------------------------


def test_text_paragraphs_by_blank_lines_wrapped_lines_joined_and_mapped_back() -> None:
    text = (
        "1) 투자 동향\n\n"
        "2020년 투자 금액은 1468억 3700만 위\n안으로 늘었다. 건수는 723건이다.\n\n"
        "• 베이징이 32.5%를 차지한다.\n"
        "• 상하이는 21.8%다.\n"
    )
    doc = from_text(text)
    assert [b.kind for b in doc.blocks] == [
        BlockKind.LIST_ITEM,  # "1)" starts a list item (its marker is kept apart)
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
    ]
    para = doc.blocks[1]
    assert para.text == "2020년 투자 금액은 1468억 3700만 위안으로 늘었다. 건수는 723건이다."
    assert [s.text for s in para.sentences] == [
        "2020년 투자 금액은 1468억 3700만 위안으로 늘었다.",
        "건수는 723건이다.",
    ]
    start = para.text.index("1468억")
    end = para.text.index("위안") + 2
    a, b = para.doc_span(start, end)
    assert doc.text[a:b] == "1468억 3700만 위\n안"
    assert doc.locate(doc.text.index("723건")).sentence == 1  # type: ignore[union-attr]
    assert [b.marker for b in doc.blocks] == ["1)", None, "•", "•"]


def test_text_without_line_breaks_is_split_into_sentences() -> None:
    sentences = [
        f"{year}年全球市场规模为{year - 1900}.5亿美元，同比增长{year % 7}.5%。"
        for year in range(2001, 2041)
    ]
    doc = from_text("".join(sentences))
    (block,) = doc.blocks
    assert [s.text for s in block.sentences] == sentences


def test_text_lone_short_line_is_a_heading_and_tab_lines_a_table() -> None:
    doc = from_text("시장 개요\n\n지역\t2020\t2021\n서울\t1,234\t1,456\n부산\t321\t350\n")
    heading, table_block = doc.blocks
    assert heading.kind is BlockKind.HEADING
    table = table_block.table
    assert table is not None and (table.rows, table.cols) == (3, 3)
    assert table.header_rows == 1 and table.header_cols == 1
    cell = table.cell(1, 2)
    assert cell is not None and cell.text == "1,456"
    assert table.column_header(2) == "2021" and table.row_header(1) == "서울"
    a, b = table_block.doc_span(cell.start, cell.end)
    assert doc.text[a:b] == "1,456"


def test_text_table_set_in_columns_with_spaces() -> None:
    text = (
        "Revenue by region\n\n"
        "                    2022        2023\n"
        "Seoul              1,234       1,456\n"
        "Busan                321\n"
        "Total              1,555       1,806\n\n"
        "Prose  with  double  spaces  is  not  a  table.\n"
    )
    doc = from_text(text)
    table_block = _one(doc, BlockKind.TABLE)
    table = table_block.table
    assert table is not None
    assert [[c.text for c in table.row(r)] for r in range(table.rows)] == [
        ["", "2022", "2023"],
        ["Seoul", "1,234", "1,456"],
        ["Busan", "321", ""],
        ["Total", "1,555", "1,806"],
    ]
    assert table.header_rows == 1 and table.header_cols == 1
    cell = table.cell(3, 2)
    assert cell is not None
    a, b = table_block.doc_span(cell.start, cell.end)
    assert doc.text[a:b] == "1,806"
    assert doc.blocks[-1].kind is BlockKind.PARAGRAPH


# --- Markdown --------------------------------------------------------------------------------

MARKDOWN = """---
title: "2025.6 月报"
summary: 销量同比增长36.9%
---

# 汽车行业月报

## 一、产销

5月汽车销量**274.8万辆**，同比增长11.2%，详见[协会](http://example.org/a/209)。

- 乘用车销量240万辆
- 商用车销量34.8万辆

| 维度 | 数值 |
|---|---|
| 出口 | 54.6万辆 |
| 新能源 | 130.7万辆 |
"""


def test_markdown_front_matter_headings_lists_tables_and_markup(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read_document(path)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [
        BlockKind.FRONT_MATTER,
        BlockKind.HEADING,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.TABLE,
    ]
    assert "summary: 销量同比增长36.9%" in doc.blocks[0].text
    assert [b.level for b in doc.blocks[1:3]] == [1, 2]
    assert doc.blocks[3].text == "5月汽车销量274.8万辆，同比增长11.2%，详见协会。"
    assert [(d.text, d.reason) for d in doc.dropped] == [
        ("http://example.org/a/209", "link target")
    ]
    table = doc.blocks[6].table
    assert table is not None and table.header_rows == 1
    assert [c.text for c in table.row(1)] == ["出口", "54.6万辆"]
    # the compatibility text keeps the source's offsets
    assert len(doc.text) == len(MARKDOWN)


def test_markdown_with_an_html_table_reads_its_cells() -> None:
    md = (
        "# T\n\n<table>\n<tr><th>Region</th><th>2023</th></tr>\n"
        "<tr><td>Seoul</td><td>1,234</td></tr>\n</table>\n\nAfter.\n"
    )
    doc = from_text(md, fmt="md")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.TABLE, BlockKind.PARAGRAPH]
    block = doc.blocks[1]
    assert block.table is not None and block.table.header_rows == 1
    cell = block.table.cell(1, 1)
    assert cell is not None and cell.text == "1,234"
    a, b = block.doc_span(cell.start, cell.end)
    assert doc.text[a:b] == "1,234"


# --- HTML ------------------------------------------------------------------------------------

HTML = """<%@ page contentType="text/html; charset=UTF-8" %>
<!DOCTYPE html>
<html><head><title>t</title><style>p{color:red}</style><script>var x = 99;</script></head>
<body>
<div style="display:none"><ix:header><ix:hidden>0001045810</ix:hidden></ix:header></div>
<h1>Annual results</h1>
<h2>Revenue</h2>
<p>Revenue rose <b>12%</b> to $<span>1,234</span> million.<sup>1</sup> Margins held.</p>
<div>Seoul</div><div>Busan</div>
<p hidden>secret 777</p>
<table>
  <thead><tr><th></th><th colspan="3">Year</th></tr>
  <tr><th></th><th colspan="2">2023</th><th>2022</th></tr></thead>
  <tbody><tr><td>Data Center</td><td>$</td><td>47,525</td><td>15,005</td></tr>
  <tr><td>Gaming</td><td colspan="2">10,447</td><td>9,067</td></tr></tbody>
</table>
<svg><g><text>0</text><text>50</text><text>100</text></g><text>Revenue by year</text></svg>
<ul><li>First item 3.5%</li><li><p>Second item</p></li></ul>
</body></html>
"""


def test_html_blocks_headings_hidden_parts_tables_and_chart_labels(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_text(HTML, encoding="utf-8")
    doc = read_document(path)
    for absent in ("0001045810", "var x", "color:red", "777", "<%", "page contentType"):
        assert absent not in doc.text
    headings = [(b.level, b.text) for b in doc.headings()]
    assert headings == [(1, "Annual results"), (2, "Revenue")]
    texts = [b.text for b in doc.blocks]
    assert "Revenue rose 12% to $1,234 million. Margins held." in texts
    assert "Seoul" in texts and "Busan" in texts  # block elements are not glued together
    assert ("1", "footnote mark") in [(d.text, d.reason) for d in doc.dropped]
    table = _one(doc, BlockKind.TABLE).table
    assert table is not None
    assert table.header_rows == 2 and table.header_cols == 1
    assert [c.text for c in table.row(2)] == ["Data Center", "$47,525", "15,005"]
    assert [c.text for c in table.row(3)] == ["Gaming", "10,447", "9,067"]
    assert table.column_header(1) == "Year / 2023"
    labels = _one(doc, BlockKind.FIGURE_LABELS)
    assert not labels.prose and labels.text.split("\n") == ["0", "50", "100", "Revenue by year"]
    # the line-based extractor does not see chart labels
    assert "100" not in "\n".join(doc.lines)
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == ["First item 3.5%", "Second item"]


# --- DOCX ------------------------------------------------------------------------------------


def test_docx_heading_styles_lists_and_tables(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("시장 동향", level=1)
    d.add_heading("지역별", level=2)
    d.add_paragraph("서울이 41.25%를 차지한다. 부산은 12.5%다.")
    d.add_paragraph("첫째 항목", style="List Bullet")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["지역", "2020", "2021"], ["서울", "1,234", "1,456"], ["부산", "321", "350"]]
    ):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    path = tmp_path / "r.docx"
    d.save(str(path))
    doc = read_document(path)
    assert [(b.kind, b.level) for b in doc.blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.LIST_ITEM, None),
        (BlockKind.TABLE, None),
    ]
    assert len(doc.blocks[2].sentences) == 2
    t = doc.blocks[4].table
    assert t is not None and t.header_rows == 1 and t.header_cols == 1
    assert t.column_header(1) == "2020" and t.row_header(2) == "부산"


# --- PDF -------------------------------------------------------------------------------------

LEFT = [
    "The left column opens the story of the year and",
    "keeps going for several lines so that it reads",
    "like a real column of prose in a newsletter with",
    "two columns on one page of the quarterly report.",
    "Left column ends here with its final sentence.",
]
RIGHT = [
    "The right column starts only after the left one",
    "is finished and goes on for several lines too so",
    "that a reader reading across would mix the two",
    "columns into nonsense sentences on every line.",
    "Right column ends here with its final sentence.",
]


def _write_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in (1, 2, 3):
        c.setFont("Helvetica", 8)
        c.drawString(40, 815, "ACME Corp Quarterly Review")
        c.drawString(290, 25, str(page))
        if page == 1:
            c.setFont("Helvetica-Bold", 18)
            c.drawString(40, 760, "Results overview")
            c.setFont("Helvetica", 10)
            c.drawString(40, 730, "Revenue grew in every region this quarter.")
            # superscripts: a power of ten, then a footnote mark after a word
            c.drawString(40, 714, "Models trained with 10")
            x = 40 + c.stringWidth("Models trained with 10", "Helvetica", 10)
            c.setFont("Helvetica", 6)
            c.drawString(x, 718, "26")
            x += c.stringWidth("26", "Helvetica", 6)
            c.setFont("Helvetica", 10)
            c.drawString(x, 714, " operations need reporting")
            x += c.stringWidth(" operations need reporting", "Helvetica", 10)
            c.setFont("Helvetica", 6)
            c.drawString(x, 718, "1")
            c.setFont("Helvetica", 10)
            c.drawString(x + 4, 714, ".")
            rows = [
                ("Region", "2022", "2023"),
                ("Seoul", "1,234", "1,456"),
                ("Busan", "321", "350"),
            ]
            rows += [("Total", "1,555", "1,806")]
            for i, (label, a, b) in enumerate(rows):
                y = 660 - 16 * i
                c.drawString(40, y, label)
                c.drawRightString(300, y, a)
                c.drawRightString(400, y, b)
            c.drawString(40, 560, "The table above shows revenue by region in KRW billion.")
        elif page == 2:
            c.setFont("Helvetica", 10)
            for i, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
                c.drawString(40, 760 - 14 * i, left)
                c.drawString(320, 760 - 14 * i, right)
        else:
            c.setFont("Helvetica", 10)
            c.drawString(40, 760, "The third page closes the review.")
        c.showPage()
    c.save()


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    pytest.importorskip("reportlab")
    path = tmp_path_factory.mktemp("pdf") / "r.pdf"
    _write_pdf(path)
    return read_document(path)


def test_pdf_running_header_and_page_numbers_are_dropped(pdf_doc: Document) -> None:
    assert pdf_doc.pages == 3
    assert "ACME Corp" not in pdf_doc.text
    reasons = [(d.reason, d.page) for d in pdf_doc.dropped]
    for page in (1, 2, 3):
        assert ("running header", page) in reasons
        assert ("page number", page) in reasons


def test_pdf_heading_superscripts_and_pages(pdf_doc: Document) -> None:
    heading = pdf_doc.blocks[0]
    assert (heading.kind, heading.text, heading.page, heading.level) == (
        BlockKind.HEADING,
        "Results overview",
        1,
        1,
    )
    assert "Models trained with 10^26 operations need reporting." in pdf_doc.text
    assert ("1", "footnote mark", 1) in [(d.text, d.reason, d.page) for d in pdf_doc.dropped]
    last = pdf_doc.blocks[-1]
    assert last.page == 3 and last.text == "The third page closes the review."


def test_pdf_table_found_with_header_row_and_cells(pdf_doc: Document) -> None:
    table_block = _one(pdf_doc, BlockKind.TABLE)
    table = table_block.table
    assert table is not None and table_block.page == 1
    assert [[c.text for c in table.row(r)] for r in range(table.rows)] == [
        ["Region", "2022", "2023"],
        ["Seoul", "1,234", "1,456"],
        ["Busan", "321", "350"],
        ["Total", "1,555", "1,806"],
    ]
    assert table.header_rows == 1 and table.header_cols == 1
    loc = table_block.locate(table_block.text.index("1,456"))
    assert (loc.page, loc.row, loc.col) == (1, 1, 2)


def test_pdf_two_columns_are_read_one_after_the_other(pdf_doc: Document) -> None:
    page2 = [b.text for b in pdf_doc.blocks if b.page == 2]
    assert page2 == [" ".join(LEFT), " ".join(RIGHT)]


def test_pdf_three_columns_are_read_left_to_right(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    columns = [
        [f"Column {name} line {i} says something about the year." for i in range(1, 7)]
        for name in ("one", "two", "three")
    ]
    path = tmp_path / "three.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont("Helvetica", 9)
    for x, lines in zip((30, 300, 570), columns, strict=True):
        for i, line in enumerate(lines):
            c.drawString(x, 520 - 12 * i, line)
    c.showPage()
    c.save()
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == [" ".join(lines) for lines in columns]


# --- coverage --------------------------------------------------------------------------------


def test_every_number_is_counted_with_a_status() -> None:
    text = (
        "1. 매출은 2020년 1,234억 원이었다. 문의: 02-1234-5678\n\n"
        "2. 점유율은 32.5%다. 종목코드 005930.\n\n"
        "알 수 없는 숫자 77이 있다.\n"
    )
    doc = from_text(text)
    tokens = inventory(doc)
    assert [t.text for t in tokens] == [
        "1", "2020", "1,234", "02", "1234", "5678", "2", "32.5", "005930", "77",
    ]  # fmt: skip
    fact_a = doc.text.index("1,234억 원")
    fact_b = doc.text.index("32.5%")
    period = doc.text.index("2020년")
    cov = resolve(
        tokens,
        facts=[(fact_a, fact_a + len("1,234억 원")), (fact_b, fact_b + 5)],
        periods=[(period, period + 5)],
    )
    by_text = {t.text: (t.status, t.reason) for t in cov.tokens}
    assert by_text["1"] == (Status.IGNORED, "list index")
    assert by_text["2020"] == (Status.IGNORED, "period")
    assert by_text["1,234"] == (Status.FACT, None)
    assert by_text["5678"] == (Status.IGNORED, "phone number")
    assert by_text["005930"] == (Status.IGNORED, "stock code")
    assert by_text["77"] == (Status.UNPARSED, "not read as a quantity")
    counts = cov.counts()
    assert counts["numbers"] == len(tokens) == 10
    assert counts["fact"] + sum(counts["ignored"].values()) + sum(counts["unparsed"].values()) == 10
    loc = next(t.locator for t in cov.tokens if t.text == "77")
    assert loc is not None and loc.block == 2 and loc.sentence == 0


def test_section_and_figure_numbers_are_ignored_with_their_reason() -> None:
    doc = from_text(
        "3.2 Market size\n\n그림 3에 따르면 목표 30%를 넘었다. 代表2020年的数据见表1。\n"
    )
    by_text = {t.text: t.reason for t in inventory(doc)}
    assert by_text == {
        "3.2": "section number",
        "3": "figure or table number",
        "30": None,
        "2020": None,
        "1": "figure or table number",
    }


def test_extract_json_reports_coverage_counts(tmp_path: Path, cli: object) -> None:
    import json

    path = tmp_path / "r.txt"
    path.write_text(
        "서울이 41.25%, 부산이 12.5%를 차지한다. 전화 02-1234-5678.\n", encoding="utf-8"
    )
    result = cli("extract", "--json", str(path))  # type: ignore[operator]
    assert result.exit_code == 0
    coverage = json.loads(result.stdout)["coverage"]
    assert coverage == {"numbers": 5, "fact": 2, "ignored": {"phone number": 3}, "unparsed": {}}
