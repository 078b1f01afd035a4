"""The document model of Markdown, HTML and DOCX: blocks, headings, lists, tables, dropped parts."""

from __future__ import annotations

from pathlib import Path

from document_blocks import one_block
from sectorlens.facts import BlockKind, from_text, read_document

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
    table = one_block(doc, BlockKind.TABLE).table
    assert table is not None
    assert table.header_rows == 2 and table.header_cols == 1
    assert [c.text for c in table.row(2)] == ["Data Center", "$47,525", "15,005"]
    assert [c.text for c in table.row(3)] == ["Gaming", "10,447", "9,067"]
    assert table.column_header(1) == "Year / 2023"
    labels = one_block(doc, BlockKind.FIGURE_LABELS)
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
