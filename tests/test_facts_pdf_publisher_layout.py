"""Publisher layouts in PDF (benchmarks/check_layout.py found them): paragraphs broken over
columns and pages, tables side by side in two columns, prose beside a chart, chart labels
aligned like a table, typesetters' hyphens, glyphs without a character, mixed fonts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sectorlens.facts import BlockKind, Document, check, extract, read_document
from sectorlens.facts.pdf_chars import size_of
from sectorlens.model import Severity

pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

W, H = 595, 842
LEFT, RIGHT = 40, 320  # the two columns' left edges; each 240 pt wide
FONT = "Helvetica"


def _font(lang: str) -> str:
    if lang == "en":
        return FONT
    name = {"ko": "HYSMyeongJo-Medium", "zh": "STSong-Light"}[lang]
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def _pdf(path: Path, pages: list[list[tuple[float, float, str]]], font: str = FONT) -> Document:
    """Each page's strings at (x, y from the top), in 9 pt; a running header and page number."""
    c = canvas.Canvas(str(path), pagesize=(W, H))
    for n, page in enumerate(pages, 1):
        c.setFont(FONT, 7)
        c.drawString(LEFT, H - 30, "Northfield Research Quarterly 2023")
        c.drawString(W / 2, 25, str(n))
        c.setFont(font, 9)
        for x, y, text in page:
            if x < 0:
                c.drawRightString(-x, H - y, text)
            else:
                c.drawString(x, H - y, text)
        c.showPage()
    c.save()
    return read_document(path)


def _column(x: float, top: float, lines: list[str]) -> list[tuple[float, float, str]]:
    return [(x, top + 12 * i, line) for i, line in enumerate(lines)]


def _alarms(doc: Document) -> list[Any]:
    return [f for f in check(extract(doc)) if f.severity in (Severity.ERROR, Severity.WARNING)]


# --- a paragraph broken over a page or a column ----------------------------------------------

EN_START = [
    "Our first category of derivatives consists of contracts",
    "written in 2004-2008 that required payments by us if",
    "there were bond defaults by companies included in certain",
]
EN_REST = ["high-yield indices; we received premiums of $3.4", "billion for them in total."]


def test_the_text_after_a_page_break_is_kept_and_joined_to_its_paragraph(tmp_path: Path) -> None:
    doc = _pdf(
        tmp_path / "p.pdf",
        [_column(LEFT, 780, EN_START), _column(LEFT, 60, [*EN_REST, "", "Next we turn to puts."])],
    )
    (para,) = [b for b in doc.blocks if "derivatives" in b.text]
    assert para.text.endswith("premiums of $3.4 billion for them in total.")
    assert "in certain high-yield indices" in para.text
    assert [f.quantity.value for f in extract(doc).facts if f.quantity.currency == "USD"] == [
        3_400_000_000
    ]


def test_a_new_paragraph_on_the_next_page_is_not_joined(tmp_path: Path) -> None:
    done = [*EN_START[:2], "there were bond defaults in the high-yield indices."]
    doc = _pdf(tmp_path / "p.pdf", [_column(LEFT, 780, done), _column(LEFT, 60, EN_REST)])
    texts = [b.text for b in doc.blocks]
    assert texts[-2].endswith("high-yield indices.")
    assert texts[-1].startswith("high-yield indices; we received")


KO_START = [
    "올해 DRAM 수요 증가율은 17.1%에 그쳤지만 내년에는",
    "서버 교체 수요와 고대역폭 메모리 수요가 함께 늘어나",
    "상승폭이 확대되는 부분이 고무적이며 가속기 탑재량도",
]
KO_REST = ["크게 늘어날 것으로 전망된다.", "업계의 설비투자는 소폭 증가할 것이다."]


def test_korean_text_at_the_top_of_the_next_column_goes_on_with_its_sentence(
    tmp_path: Path,
) -> None:
    filler = [f"왼쪽 단의 문장은 서버 수요의 회복을 길게 설명한다 {i}." for i in range(8)]
    right = [f"오른쪽 단의 문장도 메모리 가격의 흐름을 설명한다 {i}." for i in range(5)]
    page = _column(LEFT, 100, filler + KO_START) + _column(RIGHT, 100, KO_REST + right)
    doc = _pdf(tmp_path / "k.pdf", [page], font=_font("ko"))
    (para,) = [b for b in doc.blocks if "상승폭이 확대되" in b.text]
    # lines of Hangul join without a space unless the PDF has one (as in one column)
    assert "가속기 탑재량도크게 늘어날 것으로 전망된다." in para.text


def test_a_column_ending_with_a_full_sentence_is_not_joined_to_the_next(tmp_path: Path) -> None:
    left = [f"The left column tells the story of the year in line {i}." for i in range(8)]
    right = [f"the right column starts a new thought in line {i} here." for i in range(8)]
    doc = _pdf(tmp_path / "c.pdf", [_column(LEFT, 100, left) + _column(RIGHT, 100, right)])
    texts = [b.text for b in doc.blocks if "column" in b.text]
    assert texts == [" ".join(left), " ".join(right)]


# --- tables and charts in two columns --------------------------------------------------------

PROSE = {
    False: (
        [f"Revenue grew in every region of the group, line {i}." for i in range(5)],
        [f"Costs were held flat across the divisions, line {i}." for i in range(5)],
    ),
    True: (
        [f"集团各地区的营业收入均实现增长，第{i}行。" for i in range(5)],
        [f"各事业部的费用基本持平，控制良好，第{i}行。" for i in range(5)],
    ),
}
PROSE_L, PROSE_R = PROSE[False]


def _two_tables(zh: bool = False) -> list[tuple[float, float, str]]:
    left = [("Segment", "2023", "2022"), ("Cloud", "412", "380"), ("Devices", "300", "290")]
    left += [("Total", "712", "670")]
    right = [("Cost item", "2023", "2022"), ("Staff", "263", "291"), ("Rent", "73", "94")]
    right += [("Total", "336", "385")]
    if zh:
        left = [("分部", "2023年", "2022年"), ("云业务", "412", "380"), ("终端", "300", "290")]
        left += [("合计", "712", "670")]
        right = [("费用", "2023年", "2022年"), ("人工", "263", "291"), ("租金", "73", "94")]
        right += [("合计", "336", "385")]
    prose_l, prose_r = PROSE[zh]
    out = _column(LEFT, 100, prose_l) + _column(RIGHT, 100, prose_r)
    for i, ((a, b, c), (d, e, f)) in enumerate(zip(left, right, strict=True)):
        y = 180 + 12 * i
        out += [(LEFT, y, a), (-(LEFT + 170), y, b), (-(LEFT + 230), y, c)]
        out += [(RIGHT, y, d), (-(RIGHT + 170), y, e), (-(RIGHT + 230), y, f)]
    return out + _column(LEFT, 260, prose_l) + _column(RIGHT, 260, prose_r)


@pytest.mark.parametrize("zh", [False, True])
def test_two_tables_side_by_side_in_two_columns_are_two_tables(tmp_path: Path, zh: bool) -> None:
    doc = _pdf(tmp_path / "t.pdf", [_two_tables(zh)], font=_font("zh") if zh else FONT)
    tables = [b.table for b in doc.blocks if b.table is not None]
    assert len(tables) == 2
    assert all(t.cols == 3 and t.rows == 4 for t in tables)
    assert tables[1].cells[3].text == ("人工" if zh else "Staff")
    assert _alarms(doc) == []


def test_a_table_across_both_columns_stays_one_table(tmp_path: Path) -> None:
    rows = [
        ("Region", "2021", "2022", "2023", "2024"),
        ("Seoul", "1,234", "1,456", "1,500", "1,620"),
    ]
    rows += [("Busan", "321", "350", "380", "400"), ("Total", "1,555", "1,806", "1,880", "2,020")]
    page = _column(LEFT, 100, PROSE_L) + _column(RIGHT, 100, PROSE_R)
    for i, row in enumerate(rows):
        y = 180 + 12 * i
        page.append((LEFT, y, row[0]))
        page += [(-(200 + 90 * k), y, v) for k, v in enumerate(row[1:])]
    page += _column(LEFT, 260, PROSE_L) + _column(RIGHT, 260, PROSE_R)
    doc = _pdf(tmp_path / "w.pdf", [page])
    (table,) = [b.table for b in doc.blocks if b.table is not None]
    assert (table.rows, table.cols) == (4, 5)


KO_PROSE = [
    "내년 시장 상황은 더욱 우호적이다. 수요 증가율은",
    "23.0%로 전망되며 올해 증가율 17.1%보다 높다.",
    "수요 증가의 주요 동력원은 서버 수요 회복과 함께",
    "고대역폭 메모리 수요의 강세가 이어지는 것이다.",
    "그래픽 메모리 수요도 85.5% 늘어날 것으로 보인다.",
]


def test_prose_beside_a_charts_numbers_is_prose_and_the_ticks_are_figure_labels(
    tmp_path: Path,
) -> None:
    font = _font("ko")
    left = [f"왼쪽 단은 반도체 업황을 길게 설명하는 문장이다 {i}." for i in range(4)]
    right = [f"오른쪽 단도 메모리 가격의 흐름을 설명하는 문장 {i}." for i in range(4)]
    page = _column(LEFT, 80, left) + _column(RIGHT, 80, right)
    page += _column(LEFT, 140, KO_PROSE)
    # the chart in the right column: ticks at the left, data labels over the bars, years below
    for i, (tick, label) in enumerate([("20,000", "12,430"), ("", "11,306"), ("10,000", "9,066")]):
        if tick:
            page.append((RIGHT, 140 + 12 * i, tick))
        page.append((RIGHT + 60 + 40 * i, 140 + 12 * i, label))
    page.append((RIGHT, 176, "0"))
    page += [(RIGHT + 60 + 40 * i, 190, f"{2022 + i}년") for i in range(3)]
    page += _column(LEFT, 220, left) + _column(RIGHT, 220, right)
    doc = _pdf(tmp_path / "c.pdf", [page], font=font)
    assert not [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    (para,) = [b for b in doc.blocks if "우호적" in b.text]
    assert para.text.startswith(KO_PROSE[0]) and para.text.endswith(KO_PROSE[-1])
    assert "20,000" not in para.text and len(para.sentences) == 4
    labels = [b.text for b in doc.blocks if b.kind is BlockKind.FIGURE_LABELS]
    assert any("12,430" in t for t in labels)
    assert _alarms(doc) == []


def test_a_grid_of_bare_numbers_is_figure_labels_and_a_labelled_grid_a_table(
    tmp_path: Path,
) -> None:
    page = [(LEFT, 100, "Figure 1. Revenue by year")]
    for i, (tick, a, b) in enumerate([("3,000", "2,969", "2,495"), ("2,000", "2,362", "1,980")]):
        page += [(LEFT, 120 + 12 * i, tick), (-(LEFT + 120), 120 + 12 * i, a)]
        page.append((-(LEFT + 200), 120 + 12 * i, b))
    page += [(LEFT, 200, "Revenue"), (-(LEFT + 120), 200, "2,969"), (-(LEFT + 200), 200, "2,495")]
    page += [(LEFT, 212, "Costs"), (-(LEFT + 120), 212, "2,362"), (-(LEFT + 200), 212, "1,980")]
    doc = _pdf(tmp_path / "g.pdf", [page])
    kinds = [b.kind for b in doc.blocks if "2,969" in b.text]
    assert kinds == [BlockKind.FIGURE_LABELS, BlockKind.TABLE]
    assert [f.quantity.value for f in extract(doc).facts].count(2969) == 1


# --- words and characters --------------------------------------------------------------------


def test_a_typesetters_hyphen_is_removed_and_a_compounds_kept(tmp_path: Path) -> None:
    lines = [
        "Net income in the prior year period was $74.4 mil-",
        "lion, and our year-over-year growth rate was year-",
        "over-year the fastest; the Non-",
        "GAAP margin was 15.8% in the fourth quarter of 2022.",
    ]
    doc = _pdf(tmp_path / "h.pdf", [_column(LEFT, 100, lines)])
    (para,) = [b for b in doc.blocks if "Net income" in b.text]
    assert "$74.4 million," in para.text
    assert "year-over-year the fastest" in para.text and "Non-GAAP margin" in para.text
    assert 74_400_000 in [f.quantity.value for f in extract(doc).facts]


def test_a_glyph_without_a_character_does_not_shift_the_rest_of_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2.raw as raw

    path = tmp_path / "u.pdf"
    _pdf(path, [[(LEFT, 100, "• Sales rose 12.5% to $930.9 million in 2022.")]])
    real = raw.FPDFText_GetUnicode

    def unicode(handle: Any, i: int) -> int:
        code = real(handle, i)
        return 0 if code == ord("•") else code  # the bullet's glyph maps to no character

    monkeypatch.setattr(raw, "FPDFText_GetUnicode", unicode)
    doc = read_document(path)
    assert "Sales rose 12.5% to $930.9 million in 2022." in doc.text


def test_a_latin_fonts_short_box_takes_the_fontsize_of() -> None:
    assert size_of(7.5, 11.0) == 11.0  # Liberation beside Noto CJK, both 11 pt
    assert size_of(10.7, 11.0) == 11.0
    assert size_of(9.0, 1.0) == 9.0  # a font set at 1 pt and scaled by the text matrix
    assert size_of(5.0, 20.0) == 5.0  # a nominal size far above the glyphs is not taken


@pytest.mark.parametrize("caption", ["Figure 1. Domestic sales", "그림 1. 국내 매출 추이"])
def test_a_figure_caption_ends_the_table_above_it(tmp_path: Path, caption: str) -> None:
    rows = [("Region", "2022", "2023"), ("Domestic", "600", "700"), ("Overseas", "400", "500")]
    rows += [("Total", "1,000", "1,200")]
    page = []
    for i, row in enumerate(rows):
        page += [(LEFT, 100 + 12 * i, row[0]), (-200, 100 + 12 * i, row[1])]
        page.append((-260, 100 + 12 * i, row[2]))
    page.append((LEFT, 160, caption))
    # the chart: a tick and a data label on one line, aligned with the table's columns
    page += [(LEFT, 176, "1,000"), (-200, 176, "700"), (LEFT, 188, "500"), (-260, 188, "600")]
    page += [(LEFT, 200, "0"), (-200, 212, "2022"), (-260, 212, "2023")]
    doc = _pdf(tmp_path / "f.pdf", [page], font=_font("ko") if "그림" in caption else FONT)
    (table,) = [b.table for b in doc.blocks if b.table is not None]
    assert (table.rows, table.cols) == (4, 3)
    assert [b.kind for b in doc.blocks if b.text.startswith(caption[:4])] == [BlockKind.CAPTION]


@pytest.mark.parametrize(
    ("lang", "head", "wrapped"),
    [
        ("en", ("", "2023", "2022", "Change from"), "prior year"),
        ("ko", ("", "2023년", "2022년", "전년 대비"), "증감률"),
        ("zh", ("", "2023年", "2022年", "比上年"), "增减"),
    ],
)
def test_a_wrapped_header_cell_goes_on_in_its_own_column(
    tmp_path: Path, lang: str, head: tuple[str, ...], wrapped: str
) -> None:
    rows = [head, ("Revenue", "1,200", "1,000", "20.0%"), ("Costs", "900", "800", "12.5%")]
    page = []
    for i, row in enumerate(rows):
        y = 100 + 12 * i + (12 if i else 0)
        page += [(LEFT, y, row[0])] if row[0] else []
        page += [(-(200 + 70 * k), y, v) for k, v in enumerate(row[1:])]
    page.append((-340, 112, wrapped))  # the last header cell's second line
    doc = _pdf(tmp_path / "h.pdf", [page], font=_font(lang))
    (table,) = [b.table for b in doc.blocks if b.table is not None]
    assert table.column_header(1) == head[1]
    assert table.column_header(2) == head[2]
    assert wrapped in table.column_header(3) and head[3] in table.column_header(3)


NOTES = {
    "en": ("Operating income rose to $141.5 million in the quarter.", "Sales grew 10.3% in 2022."),
    "ko": ("영업이익과 순이익은 큰 폭의 상승세를 보였다.", "총매출액은 4.04% 늘어났다."),
    "zh": ("公司实现营业收入133亿元，比上年增长44.25%。", "营业利润3.80亿元。"),
}


@pytest.mark.parametrize(
    ("lang", "fonts"),
    [
        ("en", ()),  # typst's own serif: superscript glyphs of the font (OpenType sups)
        ("en", ("Liberation Serif",)),  # no sups: a smaller raised digit, after a made-up break
        ("ko", ("Liberation Serif", "Noto Serif CJK KR")),
        ("zh", ("Liberation Serif", "Noto Serif CJK SC")),
    ],
)
def test_a_typesetters_footnote_marker_is_a_mark_not_part_of_the_text(
    tmp_path: Path, lang: str, fonts: tuple[str, ...]
) -> None:
    typst = pytest.importorskip("typst")
    from sectorlens.report.fonts import cjk_font

    if lang != "en" and cjk_font() is None:
        pytest.skip("no CJK font installed for typst (fonts-noto-cjk)")
    first, second = NOTES[lang]
    font = f"#set text(font: ({', '.join(repr(f).replace(chr(39), chr(34)) for f in fonts)},))"
    source = (
        "#set page(width: 320pt, height: 200pt, margin: 20pt)\n"
        + (font if fonts else "")
        + f"\n#set text(size: 9.5pt)\n{first}#footnote[Unaudited.] {second}\n"
    ).replace("$", "\\$")
    path = tmp_path / "fn.pdf"
    path.write_bytes(typst.compile(source.encode(), format="pdf"))
    doc = read_document(path)
    squeezed = "".join(doc.text.split())  # typst spaces Latin digits apart from Han text
    assert "".join((first + second).split()) in squeezed
    assert ("1", "footnote mark") in [(d.text, d.reason) for d in doc.dropped]
