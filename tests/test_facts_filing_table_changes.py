"""Issue 16: a change column read from a table is trusted only where the table bears it out.

Long filings lay tables out the way SEC filings do (``$`` and ``)%`` in cells of their own, a
change column beside percent-of-sales columns). Each construction here is written for these
tests, in en and ko: the consistent table gives no error or warning, and the same table with
one cell changed does; a column that is not the change it seems gives no finding at all.
"""

from __future__ import annotations

from decimal import Decimal

from check_findings import BAD
from filing_tables import flagged, html_table, ok_then_bad
from sectorlens.facts import check, extract, from_text
from sectorlens.facts.read_html import read_html
from sectorlens.model import Kind, Severity

# --- a change column: current | prior | change, `(7` and `)%` in cells of their own ----------

QUARTERS = [
    "Three Months Ended / June 30, 2024",
    "Three Months Ended / June 30, 2023",
    "Three Months Ended / Change",
]


def _segments(east: str) -> str:
    return html_table(
        QUARTERS,
        [
            ("North", ["$4,100", "$3,800", "8%"]),
            ("East", ["2,950", "3,170", east]),
            ("South", ["1,400", "1,250", "12%"]),
            ("West", ["900", "905", "(1)%"]),
            ("Total net sales", ["$9,350", "$9,125", "2%"]),
        ],
        "Net sales by segment for the three months ended June 30, 2024 and 2023 (dollars in "
        "millions):",
    )


def test_a_change_column_after_current_and_prior_is_checked_row_by_row() -> None:
    found = ok_then_bad(_segments("(7)%"), _segments("(17)%"), "table.change")
    assert all(f.severity is Severity.ERROR for f in found)
    assert "-17%" in found[0].message


def test_a_closing_parenthesis_and_percent_cell_make_a_negative_percent() -> None:
    doc = read_html(_segments("(7)%").encode(), "t.html")
    rates = [m.fact.quantity for m in extract(doc).mentions if m.change is not None]
    assert Decimal(-7) in [q.value for q in rates]
    assert all(q.kind is Kind.PERCENT for q in rates)


def test_a_column_that_disagrees_on_most_rows_is_not_the_change_it_seems() -> None:
    # the third column holds each segment's share of sales, under a header that says change:
    # no row agrees with the levels, so the column was misread and nothing is reported
    page = html_table(
        QUARTERS,
        [
            ("North", ["$4,100", "$3,800", "44%"]),
            ("East", ["2,950", "3,170", "32%"]),
            ("South", ["1,400", "1,250", "15%"]),
            ("West", ["900", "905", "10%"]),
        ],
        "Net sales by segment (dollars in millions):",
    )
    assert flagged(page, "table.change") == []


def test_a_lone_change_row_gives_a_warning() -> None:
    page = html_table(
        QUARTERS,
        [("North", ["$4,100", "$3,800", "18%"])],
        "Net sales by segment (dollars in millions):",
    )
    found = flagged(page, "table.change")
    assert found and all(f.severity is Severity.WARNING for f in found)


# --- a change column beside percent-of-sales columns ----------------------------------------------


def _results(gross: str) -> str:
    year = "Year Ended / "
    return html_table(
        [
            f"{year}2024",
            f"{year}% of Net Sales",
            f"{year}2023",
            f"{year}% of Net Sales",
            f"{year}% Change",
        ],
        [
            ("Net sales", ["$5,200", "100.0%", "$4,800", "100.0%", "8.3%"]),
            ("Cost of sales", ["3,100", "59.6%", "2,950", "61.5%", "5.1%"]),
            ("Gross profit", ["2,100", "40.4%", "1,850", "38.5%", gross]),
            ("Selling, general and administrative", ["1,350", "26.0%", "1,300", "27.1%", "3.8%"]),
            ("Operating income", ["750", "14.4%", "550", "11.5%", "36.4%"]),
        ],
        "Results of operations (dollars in millions):",
    )


def test_a_change_column_beside_percent_of_sales_columns_is_the_amounts_change() -> None:
    found = ok_then_bad(_results("13.5%"), _results("23.5%"), "table.")
    assert [f.rule for f in found] == ["table.change"]


# --- Korean: the same construction ----------------------------------------------------------------


def _ko(change: str) -> str:
    return f"""(단위: 억원)

| 구분 | 2024년 | 2023년 | 증감률 |
|---|---:|---:|---:|
| 반도체 | 1,200 | 1,000 | 20.0% |
| 디스플레이 | 600 | 640 | {change} |
| 가전 | 450 | 400 | 12.5% |
| 합계 | 2,250 | 2,040 | 10.3% |
"""


def test_ko_change_column_after_current_and_prior() -> None:
    ok = check(extract(from_text(_ko("-6.3%"), fmt="md")), lang="ko")
    bad = check(extract(from_text(_ko("-16.3%"), fmt="md")), lang="ko")
    assert [f for f in ok if f.rule == "table.change" and f.severity in BAD] == []
    assert [f for f in bad if f.rule == "table.change" and f.severity is Severity.ERROR]


def _costs(tax: str) -> str:
    return html_table(
        QUARTERS,
        [
            ("Revenue", ["$4,100", "$3,800", "8%"]),
            ("Income tax expense", ["(4.9)", "(3.1)", tax]),
            ("Financial result", ["(0.5)", "(1.3)", "(61.5)%"]),
            ("Net income", ["1,400", "1,250", "12%"]),
        ],
        "Results for the three months ended June 30, 2024 and 2023 (dollars in millions):",
    )


def test_two_negative_levels_may_change_by_their_size() -> None:
    # an expense shown negative grew by its size (+58%); a loss that shrank fell by its size
    # (-61.5%); either way of stating a change of negative levels agrees, a third does not
    ok_then_bad(_costs("58.1%"), _costs("25.3%"), "table.change")
    assert flagged(_costs("(58.1)%"), "table.change") == []  # against the size of a loss
