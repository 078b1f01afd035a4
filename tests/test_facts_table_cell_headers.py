"""Issue 16: the subject and period of a table cell's fact from its headers — column measures
and periods, a table continued without its header, indented rows, relative column headers,
two header levels, a short caption.

Every table here is written for these tests (ko, zh, en).
"""

from __future__ import annotations

from datetime import date

import pytest

from sectorlens.facts import from_text
from sectorlens.facts.read_html import read_html
from sectorlens.facts.table_context import column_period, day_of, measure_of
from table_cell_facts import cells, span

# --- column measures and periods read from a header -----------------------------------------------


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
        ("2020年度", None),  # a fiscal year: no 度 left over as the measure
        ("营业收入 2020 年度", "营业收入"),
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


# --- a table continued without its header; indented rows ------------------------------------------

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


# --- relative column headers, two header levels, a short caption ----------------------------------


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
