"""The document model of plain text: sentences, paragraphs, list items, headings and tables."""

from __future__ import annotations

import pytest

from document_blocks import one_block
from sectorlens.facts import BlockKind, from_text
from sectorlens.facts.sentences import split_sentences

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "发布时间：2024-08-31 10:30 本周乘用车零售销量为42万辆。",
            ["发布时间：2024-08-31 10:30", "本周乘用车零售销量为42万辆。"],
        ),
        ("보도시점 2023. 12. 8. 수출은 5% 늘었다.", ["보도시점 2023. 12. 8.", "수출은 5% 늘었다."]),
        ("Published: March 3, 2024 Sales rose 5%.", ["Published: March 3, 2024", "Sales rose 5%."]),
        # a cue word inside a sentence is no dateline
        ("The release date was 2024-03-03 and sales rose 5%.", None),
    ],
)
def test_a_dateline_that_opens_a_paragraph_is_its_own_sentence(
    text: str, expected: list[str] | None
) -> None:
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == (expected or [text])


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
    table_block = one_block(doc, BlockKind.TABLE)
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
