"""The document model of a PDF drawn here: running headers, headings, tables, columns, pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from document_blocks import one_block
from sectorlens.facts import BlockKind, Document, read_document

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
    table_block = one_block(pdf_doc, BlockKind.TABLE)
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
