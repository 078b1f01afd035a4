"""Issue 16: facts read from table cells — subject (row path and column measure), period
(column header, balance day, change column, note in a cell) and unit (scale headers, counters).

Every table here is written for these tests (ko, zh, en; Markdown, HTML and a PDF drawn here).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sectorlens.facts import extract, from_text, read_document
from sectorlens.facts.document import Document
from sectorlens.facts.read_html import read_html
from sectorlens.facts.table_context import column_period, counter_of, day_of, measure_of
from sectorlens.model import Fact


def cells(doc: Document) -> dict[str, Fact]:
    """The table facts of ``doc`` by the text of their cell."""
    out: dict[str, Fact] = {}
    for m in extract(doc).mentions:
        if m.cell is not None:
            out[m.fact.sentence.rsplit(": ", 1)[-1]] = m.fact
    return out


def span(f: Fact) -> tuple[str, str]:
    assert f.period is not None
    return f.period.start.isoformat(), f.period.end.isoformat()


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


def test_zh_a_unit_header_scales_the_tables_money() -> None:
    text = (
        "表 1 主要财务数据（单位：亿元）\n\n| 项目 | 2023 年 | 2024 年 |\n|---|---|---|\n"
        "| 营业收入 | 120.5 | 150.2 |\n"
    )
    got = cells(from_text(text, fmt="md"))
    assert got["150.2"].quantity.value == 15_020_000_000
    assert got["150.2"].quantity.currency == "CNY"


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


# --- helpers: what must not fire ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("新能源汽车销量（万辆）", ("万", "辆")),
        ("판매량(천 대)", ("thousand", "대")),
        ("Bit shipments (Bil Gb)", ("billion", "Gb")),
        ("매출액 (억원)", None),  # money: the table's scale rules read it
        ("Revenue (in millions)", None),
        ("Weight (kg)", None),
        ("价格（万元 / 吨）", None),
    ],
)
def test_counter_units(label: str, want: tuple[str, str] | None) -> None:
    assert counter_of(label) == want


@pytest.mark.parametrize(
    ("header", "want"),
    [
        ("Underwriting Profit 2010 (in millions)", "Underwriting Profit"),
        ("December 31, / 2022 / (In millions)", None),
        ("2025 年 5 月", None),
        ("3Q24F", None),
        ("% Change", None),
        ("Three Months Ended April 30, 2023 / Compared to Three Months Ended April 30, 2022", None),
        ("변경 전 / 3Q24F", "변경 전"),
    ],
)
def test_column_measures(header: str, want: str | None) -> None:
    assert measure_of(header) == want


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("Year Ended December 31, / 2022", "2022-01-01", "2022-12-31"),
        ("December 31, / 2022", "2022-12-31", "2022-12-31"),
        ("As of March 31, 2024", "2024-03-31", "2024-03-31"),
        ("2024 年末", "2024-12-31", "2024-12-31"),
        ("2023년 말", "2023-12-31", "2023-12-31"),
        ("Three Months Ended April 30, 2023", "2023-02-01", "2023-04-30"),
        ("2Q24", "2024-04-01", "2024-06-30"),
    ],
)
def test_column_periods(header: str, start: str, end: str) -> None:
    got = column_period(header, None)
    assert got is not None and (got.start.isoformat(), got.end.isoformat()) == (start, end)


def test_an_ambiguous_numeric_date_is_no_day() -> None:
    assert day_of("5/6/24") is None
    assert day_of("12/31/10") == date(2010, 12, 31)
    assert day_of("31/12/2010") == date(2010, 12, 31)


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


# --- a table printed without its unit, repeating figures stated with one ------------------------

KO_BORROW = """## 요약

| 결산기 | 2023 | 2024 |
|---|---|---|
| 매출액 (십억원) | 4,210 | 5,330 |
| 영업이익 (십억원) | 610 | 880 |

## 분기 실적

| 구분 | 4Q23 | 1Q24 | 2023 | 2024 |
|---|---|---|---|---|
| 매출액 | 1,100 | 1,250 | 4,210 | 5,330 |
| 메모리 | 700 | 820 | 2,600 | 3,400 |
| 영업이익 | 150 | 190 | 610 | 880 |
| 영업이익률 | 13.6 | 15.2 | 14.5 | 16.5 |
"""


def test_ko_a_bare_table_takes_the_unit_of_the_figures_it_repeats() -> None:
    ex = extract(from_text(KO_BORROW, fmt="md"))
    last = max(m.cell[0] for m in ex.mentions if m.cell is not None)
    quarterly = {
        (m.cell[1], m.cell[2]): m.fact.quantity
        for m in ex.mentions
        if m.cell is not None and m.cell[0] == last
    }
    q1 = quarterly[(1, 2)]  # 매출액 1Q24
    assert (q1.value, q1.currency) == (1_250_000_000_000, "KRW")
    assert q1.assumptions and "unit" in q1.assumptions[-1]
    assert quarterly[(2, 1)].value == 700_000_000_000  # 메모리: an amount row too
    margin = quarterly[(4, 1)]  # 영업이익률: a rate keeps its bare number
    assert str(margin.value) == "13.6" and margin.currency is None and not margin.assumptions


def test_en_one_repeated_figure_or_a_disagreement_borrows_nothing() -> None:
    one = """Summary (in $ millions)

| Item | 2023 | 2024 |
|---|---|---|
| Revenue | 4,210 | 5,330 |

Quarterly detail

| Item | Q4 2023 | 2024 |
|---|---|---|
| Revenue | 1,100 | 5,330 |
| Units shipped | 900 | 4,100 |
"""
    ex = extract(from_text(one, fmt="md"))
    last = max(m.cell[0] for m in ex.mentions if m.cell is not None)
    bare = [m.fact.quantity for m in ex.mentions if m.cell is not None and m.cell[0] == last]
    assert bare and all(q.currency is None and not q.assumptions for q in bare)


def test_zh_a_unit_stated_for_the_bare_table_itself_is_kept() -> None:
    text = """表 1（单位：亿元）

| 项目 | 2023 年 | 2024 年 |
|---|---|---|
| 营业收入 | 120.5 | 150.2 |
| 净利润 | 10.1 | 12.3 |

表 2（单位：万元）

| 项目 | 2023 年 | 2024 年 |
|---|---|---|
| 营业收入 | 120.5 | 150.2 |
| 净利润 | 10.1 | 12.3 |
"""
    ex = extract(from_text(text, fmt="md"))
    last = max(m.cell[0] for m in ex.mentions if m.cell is not None)
    second = [m.fact.quantity for m in ex.mentions if m.cell is not None and m.cell[0] == last]
    assert {q.value for q in second} == {1_205_000, 1_502_000, 101_000, 123_000}


SPLIT_HTML = """<html><body>
<table>
<tr><th>결산기 (12월)</th><th>2023</th><th>2024F</th></tr>
<tr><td>매출액 (십억원)</td><td>4,210</td><td>5,330</td></tr>
</table>
<table>
<tr><td>EPS (원)</td><td>3,063</td><td>4,120</td></tr>
<tr><td>ROE (%)</td><td>3.6</td><td>9.1</td></tr>
</table>
<p>주: 실적 기준.</p>
<table>
<tr><td>거래량</td><td>1,200</td></tr>
<tr><td>거래대금</td><td>3,400</td></tr>
</table>
</body></html>"""


def test_ko_a_table_continued_without_its_header_takes_the_one_above() -> None:
    got = cells(read_html(SPLIT_HTML.encode(), "t.html"))
    assert span(got["4,120"]) == ("2024-01-01", "2024-12-31")
    assert span(got["3,063"]) == ("2023-01-01", "2023-12-31")
    assert got["4,120"].quantity.value == 4_120  # per share: the scale of the table is not its


def test_a_table_after_text_or_of_another_width_keeps_no_borrowed_header() -> None:
    got = cells(read_html(SPLIT_HTML.encode(), "t.html"))
    assert got["1,200"].period is None  # no header, no date in the document


EN_HTML = """<html><body>
<p>Segment results (in millions)</p>
<table>
<tr><th></th><th colspan="2">Year Ended</th></tr>
<tr><th></th><th>Jan 28, 2024</th><th>Jan 29, 2023</th></tr>
<tr><td>Revenue</td><td>$ 9,100</td><td>$ 7,200</td></tr>
<tr><td style="padding-left:12pt">Compute</td><td>6,000</td><td>4,500</td></tr>
<tr><td style="padding-left:12pt">Graphics</td><td>3,100</td><td>2,700</td></tr>
<tr><td>Operating income</td><td>2,400</td><td>1,900</td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;Compute</td><td>1,800</td><td>1,300</td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;Graphics</td><td>600</td><td>600</td></tr>
<tr><td>Capital expenditures</td><td>(300)</td><td>(250)</td></tr>
<tr><td style="padding-left:12pt">Net cash used in investing activities</td><td>(310)</td>\
<td>(260)</td></tr>
</table>
</body></html>"""


def test_en_html_indented_rows_sit_under_the_row_above_and_year_ended_spans_columns() -> None:
    got = cells(read_html(EN_HTML.encode(), "t.html"))
    assert got["6,000"].subject == "Segment results · Revenue · Compute"
    assert got["1,800"].subject == "Segment results · Operating income · Compute"
    assert got["2,400"].subject == "Segment results · Operating income"
    # one row set in under a figure is its subtotal, not its item
    assert got["(310)"].subject == "Segment results · Net cash used in investing activities"
    assert span(got["6,000"]) == ("2023-01-29", "2024-01-28")
    assert got["4,500"].quantity.value == 4_500_000_000


def test_table_header_numbers_are_accounted_for_and_amounts_in_labels_stay_unread() -> None:
    from sectorlens.facts import extraction_coverage

    text = """| 항목 | 2023년 | 2024년 |
|---|---|---|
| 52주 최고가(원) | 241,000 | 250,000 |
| Operating expenses (including $1,362 of depreciation) | 62,225 | 59,509 |
"""
    cov = extraction_coverage(extract(from_text(text, fmt="md")))
    status = {t.text: (t.status.value if t.status else None, t.reason) for t in cov.tokens}
    assert status["2023"] == ("ignored", "period")
    assert status["52"] == ("ignored", "row label")
    assert status["241,000"] == ("fact", None)
    assert status["1,362"][0] == "unparsed"


@pytest.mark.parametrize(
    ("text", "cell", "start", "end"),
    [
        (
            "2020年主要会计数据\n\n| 项目 | 本期 | 上年同期 | 本期比上年同期增减(%) |\n"
            "|---|---|---|---|\n| 营业收入（亿元） | 15.3 | 11.2 | 36.6 |\n",
            "11.2",
            "2019-01-01",
            "2019-12-31",
        ),
        (
            "2020年主要会计数据\n\n| 项目 | 本期 | 上年同期 | 本期比上年同期增减(%) |\n"
            "|---|---|---|---|\n| 营业收入（亿元） | 15.3 | 11.2 | 36.6 |\n",
            "36.6",
            "2020-01-01",
            "2020-12-31",
        ),
        (
            "2023년 재무상태표 (단위: 억 원)\n\n| 과목 | 당기말 | 전기말 |\n|---|---|---|\n"
            "| 자산총계 | 5,200 | 4,900 |\n",
            "4,900",
            "2022-12-31",
            "2022-12-31",
        ),
        (
            "Fiscal 2024 results\n\n| Item | Current year | Prior year |\n|---|---|---|\n"
            "| Revenue | 120 | 100 |\n",
            "100",
            "2023-01-01",
            "2023-12-31",
        ),
    ],
)
def test_relative_column_headers_count_from_the_period_the_caption_names(
    text: str, cell: str, start: str, end: str
) -> None:
    assert span(cells(from_text(text, fmt="md"))[cell]) == (start, end)


def test_relative_column_headers_without_a_dated_caption_stay_undated() -> None:
    text = "| Item | Current year | Prior year |\n|---|---|---|\n| Revenue | 120 | 100 |\n"
    assert cells(from_text(text, fmt="md"))["100"].period is None


UNIT_COLUMN = """환경 성과

| 구분 | 단위 | 2022 | 2023 |
|---|---|---|---|
| 매출액 | 억 원 | 1,250 | 1,380 |
| 온실가스 배출량 | tCO2eq | 52,300 | 49,800 |
| 재활용률 | % | 71.5 | 74.2 |
| 임직원 수 | 명 | 1,020 | 1,045 |
"""


def test_ko_a_unit_column_gives_each_row_its_unit() -> None:
    got = cells(from_text(UNIT_COLUMN, fmt="md"))
    assert got["1,380"].quantity.value == 138_000_000_000
    assert got["1,380"].quantity.currency == "KRW"
    assert got["49,800"].quantity.unit == "tCO2eq"
    assert got["74.2"].quantity.kind.value == "percent"
    assert got["1,045"].quantity.value == 1_045 and got["1,045"].quantity.unit == "명"
    assert span(got["1,045"]) == ("2023-01-01", "2023-12-31")
    assert "억 원" not in got  # the unit cells are no facts


@pytest.mark.parametrize(
    ("unit_line", "value", "currency"),
    [
        ("($ in millions)", 1_250_000_000, "USD"),
        ("(in $ millions)", 1_250_000_000, "USD"),
        ("(In millions of U.S. dollars)", 1_250_000_000, "USD"),
        ("(단위: 억 원)", 125_000_000_000, "KRW"),
        ("(단위: 백만원)", 1_250_000_000, "KRW"),
        ("单位：亿元", 125_000_000_000, "CNY"),
        ("单位：万元", 12_500_000, "CNY"),
    ],
)
def test_scale_headers_apply_to_their_tables_cells(
    unit_line: str, value: int, currency: str
) -> None:
    text = f"{unit_line}\n\n| Item | 2024 |\n|---|---|\n| Sales | 1,250 |\n"
    q = cells(from_text(text, fmt="md"))["1,250"].quantity
    assert (q.value, q.currency) == (value, currency)


def test_a_scale_header_does_not_reach_the_next_table_after_a_heading() -> None:
    text = (
        "(단위: 억 원)\n\n| 항목 | 2024 |\n|---|---|\n| 매출 | 1,250 |\n\n## 인력\n\n"
        "| 항목 | 2024 |\n|---|---|\n| 직원 | 1,300 |\n"
    )
    q = cells(from_text(text, fmt="md"))["1,300"].quantity
    assert q.value == 1_300 and q.currency is None


TWO_LEVEL_MD = """| Insurance unit | Underwriting Profit | | Yearend Float | |
|---|---:|---:|---:|---:|
| | 2024 | 2023 | 2024 | 2023 |
| North Re | $ 310 | $ 290 | $ 9,100 | $ 8,800 |
| Harbor Auto | 120 | 95 | 4,020 | 3,900 |
"""


def test_a_pipe_table_with_two_header_levels_spreads_the_upper_one() -> None:
    got = cells(from_text("(in millions)\n\n" + TWO_LEVEL_MD, fmt="md"))
    assert "2024" not in got  # the sub-header row is no row of figures
    assert got["95"].subject == "Underwriting Profit · Harbor Auto"
    assert span(got["95"]) == ("2023-01-01", "2023-12-31")
    assert got["3,900"].subject == "Float · Harbor Auto"
    assert span(got["3,900"]) == ("2023-12-31", "2023-12-31")


@pytest.mark.parametrize(
    ("text", "cell", "subject"),
    [
        (
            "표 2. 지역별 매출\n\n| 지역 | 2023 | 2024 |\n|---|---|---|\n| 수도권 | 410 | 455 |\n",
            "455",
            "지역별 매출 · 수도권",
        ),
        (
            "三、分地区营业收入\n\n| 地区 | 2023 年 | 2024 年 |\n|---|---|---|\n"
            "| 华东 | 120 | 150 |\n",
            "150",
            "分地区营业收入 · 华东",
        ),
        (
            "Table 4: Revenue by region\n\n| Region | 2023 | 2024 |\n|---|---|---|\n"
            "| Europe | 1,951 | 2,210 |\n",
            "2,210",
            "Revenue by region · Europe",
        ),
        (
            "Revenue grew in every region, as the table below shows.\n\n"
            "| Region | 2023 | 2024 |\n|---|---|---|\n| Europe | 1,951 | 2,210 |\n",
            "2,210",
            "Europe",  # a sentence above the table is no caption
        ),
    ],
)
def test_a_short_caption_names_what_a_table_without_a_measure_header_measures(
    text: str, cell: str, subject: str
) -> None:
    assert cells(from_text(text, fmt="md"))[cell].subject == subject
