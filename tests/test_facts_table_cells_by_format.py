"""Issue 16: facts read from the cells of one worked table per format — an en and a zh
Markdown table, a ko HTML page, a PDF drawn here — each for subject, period and unit.

Every table here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.facts import from_text, read_document
from sectorlens.facts.read_html import read_html
from table_cell_facts import cells, span

# --- Markdown: a column measure, a yearend balance, a scale header with a currency sign --------

FLOAT_MD = """Results of the insurance units:

| Unit | Underwriting Profit 2024 (in millions) | Underwriting Profit 2023 (in millions) \
| Yearend Float 2024 (in millions) |
|---|---:|---:|---:|
| North Re | $ 310 | $ 290 | $ 9,100 |
| Harbor Auto | 120 | 95 | 4,020 |

**Balance Sheet 12/31/24 (in $ millions)**

| Assets | Amt. |
|---|---:|
| Cash | $ 1,250 |
| Total assets | $ 3,400 |
"""


def test_a_cells_subject_is_the_column_measure_and_its_row_label() -> None:
    got = cells(from_text(FLOAT_MD, fmt="md"))
    assert got["$ 310"].subject == "Underwriting Profit · North Re"
    assert span(got["$ 310"]) == ("2024-01-01", "2024-12-31")
    assert got["95"].subject == "Underwriting Profit · Harbor Auto"
    assert span(got["95"]) == ("2023-01-01", "2023-12-31")


def test_a_yearend_column_is_a_balance_on_the_last_day() -> None:
    got = cells(from_text(FLOAT_MD, fmt="md"))
    assert got["4,020"].subject == "Float · Harbor Auto"
    assert span(got["4,020"]) == ("2024-12-31", "2024-12-31")
    assert got["4,020"].quantity.value == 4_020_000_000


def test_a_caption_with_a_day_and_in_dollar_millions_dates_and_scales_the_table() -> None:
    got = cells(from_text(FLOAT_MD, fmt="md"))
    total = got["$ 3,400"]
    assert total.quantity.value == 3_400_000_000 and total.quantity.currency == "USD"
    assert span(total) == ("2024-12-31", "2024-12-31")


# --- Markdown in Chinese: counters with a scale, a period note in a cell, a change column ------

ZH_MD = """关键数据汇总表

| 指标 | 2024 年 | 2025 年 5 月 | 同比变化 |
|---|---|---|---|
| 乘用车销量（万辆） | 2150.30 | 180.20 | +12.50% |
| 某公司归母净利润（百万元） | -120.40 | 35.60（Q1） | +8.00%（Q1） |
| 储能装机量（GWh） | 300.10 | 25.70 | +40.20% |
"""


def test_zh_a_scale_in_a_counter_unit_applies_to_the_row() -> None:
    got = cells(from_text(ZH_MD, fmt="md"))
    assert got["2150.30"].quantity.value == 21_503_000
    assert got["2150.30"].quantity.unit == "辆"
    assert span(got["180.20"]) == ("2025-05-01", "2025-05-31")


def test_zh_a_period_note_in_a_cell_dates_it_within_its_column_year() -> None:
    got = cells(from_text(ZH_MD, fmt="md"))
    assert got["35.60（Q1）"].quantity.value == 35_600_000
    assert span(got["35.60（Q1）"]) == ("2025-01-01", "2025-03-31")
    assert span(got["-120.40"]) == ("2024-01-01", "2024-12-31")


def test_zh_a_change_column_takes_the_latest_period_of_its_levels() -> None:
    got = cells(from_text(ZH_MD, fmt="md"))
    assert span(got["+40.20%"]) == ("2025-05-01", "2025-05-31")


# --- HTML in Korean: a unit line, section rows, a price in won in its own cell -----------------

KO_HTML = """<html><body>
<p>(단위: 억 원)</p>
<table>
<tr><th>구분</th><th>2023년</th><th>2024년</th></tr>
<tr><td>매출액</td><td></td><td></td></tr>
<tr><td>국내</td><td>1,200</td><td>1,350</td></tr>
<tr><td>해외</td><td>800</td><td>950</td></tr>
<tr><td>합계</td><td>2,000</td><td>2,300</td></tr>
<tr><td>영업이익</td><td></td><td></td></tr>
<tr><td>국내</td><td>150</td><td>170</td></tr>
</table>
<table>
<tr><th>항목</th><th>값</th></tr>
<tr><td>현재주가</td><td>208,500원</td></tr>
<tr><td>상승여력</td><td>24.7%</td></tr>
</table>
</body></html>"""


def test_ko_a_section_row_without_values_is_part_of_its_rows_subject() -> None:
    got = cells(read_html(KO_HTML.encode(), "t.html"))
    assert got["1,350"].subject == "매출액 · 국내"
    assert got["170"].subject == "영업이익 · 국내"
    assert got["1,350"].quantity.value == 135_000_000_000
    assert got["1,350"].quantity.currency == "KRW"


def test_ko_a_total_row_closes_its_section() -> None:
    got = cells(read_html(KO_HTML.encode(), "t.html"))
    assert got["2,300"].subject == "매출액 · 합계"


def test_ko_a_cell_with_its_own_currency_word_is_read_and_not_scaled() -> None:
    got = cells(read_html(KO_HTML.encode(), "t.html"))
    assert got["208,500원"].quantity.value == 208_500
    assert got["208,500원"].quantity.currency == "KRW"


# --- PDF: headers above a section label, indented rows, the dollar cells aligned ----------------


def _segment_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 9)
    c.drawString(40, 780, "The following table summarizes revenue and operating income by segment.")
    c.drawRightString(330, 750, "Year Ended")
    c.drawRightString(300, 738, "December 31,")
    c.drawRightString(400, 738, "December 31,")
    c.drawRightString(300, 726, "2024")
    c.drawRightString(400, 726, "2023")
    c.drawRightString(350, 714, "(In millions)")
    rows = [
        (40, "Net revenue:", None, None),
        (55, "Cloud", "$ 2,410", "$ 1,980"),
        (55, "Devices", "1,130", "1,240"),
        (40, "Total net revenue", "$ 3,540", "$ 3,220"),
        (40, "Operating income (loss):", None, None),
        (55, "Cloud", "$ 610", "$ 450"),
        (55, "Devices", "(35)", "20"),
        (40, "Total operating income", "$ 575", "$ 470"),
    ]
    for i, (x, label, a, b) in enumerate(rows):
        y = 700 - 13 * i
        c.drawString(x, y, label)
        for right, value in ((300, a), (400, b)):
            if value is None:
                continue
            if value.startswith("$ "):
                c.drawString(right - 60, y, "$")
                value = value[2:]
            c.drawRightString(right, y, value)
    c.drawString(40, 580, "Cloud revenue grew on higher demand for hosted services.")
    c.showPage()
    c.save()


def test_pdf_segment_table_rows_take_their_section_and_their_own_columns_year(
    tmp_path: Path,
) -> None:
    pytest.importorskip("reportlab")
    path = tmp_path / "segments.pdf"
    _segment_pdf(path)
    got = cells(read_document(path))
    assert got["$2,410"].subject == "Net revenue · Cloud"
    assert span(got["$2,410"]) == ("2024-01-01", "2024-12-31")
    assert span(got["$1,980"]) == ("2023-01-01", "2023-12-31")
    assert got["$2,410"].quantity.value == 2_410_000_000
    assert got["(35)"].subject == "Operating income (loss) · Devices"
    assert got["(35)"].quantity.value == -35_000_000
    assert got["$3,540"].subject == "Total net revenue"  # a total is no item of the row above
