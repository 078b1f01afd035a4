"""Issue 16: a total read from a table is trusted only where the table bears it out.

Long filings lay tables out the way SEC filings do (subtotal lines without a label,
``Subtotal`` rows under section labels, stacked restatements, ``As restated`` columns,
per-share rows under a per-share heading). Each construction here is written for these tests,
in en and zh: the consistent table gives no error or warning, and the same table with one cell
changed does. A misread structure (rows that are not items of the total) gives no finding.
"""

from __future__ import annotations

from decimal import Decimal

from check_findings import BAD
from filing_tables import flagged, html_table, ok_then_bad
from sectorlens.facts import check, extract, from_text
from sectorlens.facts.read_html import read_html
from sectorlens.model import Severity

# --- subtotal rows under section labels ---------------------------------------------------


def _levels(agency: str) -> str:
    return html_table(
        ["Adjusted Cost", "Unrealized Losses", "Fair Value"],
        [
            ("Cash", ["$1,200", "$—", "$1,200"]),
            ("Level 1:", []),
            ("Money market funds", ["640", "—", "640"]),
            ("Mutual funds", ["310", "(12)", "298"]),
            ("Subtotal", ["950", "(12)", "938"]),
            ("Level 2:", []),
            ("Treasury securities", ["5,400", "(210)", "5,190"]),
            ("Agency securities", ["2,100", "(95)", agency]),
            ("Corporate debt securities", ["7,300", "(400)", "6,900"]),
            ("Subtotal", ["14,800", "(705)", "14,095"]),
            ("Total", ["$16,950", "$(717)", "$16,233"]),
        ],
        "Cash and marketable securities by level (in millions):",
    )


def test_a_subtotal_row_adds_up_its_section() -> None:
    ok_then_bad(_levels("2,005"), _levels("2,305"), "table.total")


# --- an unlabelled subtotal line inside a statement of income ------------------------------


def _income(selling: str) -> str:
    return html_table(
        ["Thirteen Weeks Ended / May 4, 2024", "Thirteen Weeks Ended / April 29, 2023"],
        [
            ("NET SALES", ["$251,200", "$262,400"]),
            ("COST OF SALES", ["131,900", "136,700"]),
            ("Gross profit", ["119,300", "125,700"]),
            ("OPERATING EXPENSES:", []),
            ("Selling", [selling, "60,300"]),
            ("General and administrative", ["11,800", "11,200"]),
            ("", ["73,900", "71,500"]),
            ("INCOME FROM OPERATIONS", ["45,400", "54,200"]),
        ],
        "CONDENSED STATEMENTS OF INCOME (Amounts in Thousands Except Per Share Amounts)",
    )


def test_an_unlabelled_subtotal_line_is_a_total_where_its_other_columns_add_up() -> None:
    ok_then_bad(_income("62,100"), _income("64,100"), "table.total")


def test_thirteen_weeks_ended_is_a_thirteen_week_period() -> None:
    doc = read_html(_income("62,100").encode(), "t.html")
    got = {m.fact.sentence.rsplit(": ", 1)[-1]: m.fact for m in extract(doc).mentions}
    period = got["$251,200"].period
    assert period is not None
    assert (period.start.isoformat(), period.end.isoformat()) == ("2024-02-04", "2024-05-04")
    assert got["$251,200"].quantity.value == Decimal(251_200_000)


# --- restatements: stacked rows and an As restated column ----------------------------------


def _stacked(restated: str) -> str:
    return html_table(
        ["March 31, 2021", "December 31, 2020"],
        [
            ("Total liabilities", []),
            ("As Previously Reported", ["$812.4", "$790.2"]),
            ("Adjustments", ["14.6", "11.3"]),
            ("As Restated", [restated, "$801.5"]),
        ],
        "Restatement of the balance sheets (in millions):",
    )


def test_a_stacked_restatement_adds_its_adjustment() -> None:
    ok_then_bad(_stacked("$827.0"), _stacked("$829.0"), "table.total")


def _restated_column(tax: str) -> str:
    return html_table(
        [
            "Six Months Ended June 30, 2022 / As Previously Reported",
            "Six Months Ended June 30, 2022 / Correction",
            "Six Months Ended June 30, 2022 / As Restated",
        ],
        [
            ("Other income (expense), net", ["$(3,120)", "$(1,440)", "$(4,560)"]),
            ("Loss before income taxes", ["(18,300)", "(1,440)", "(19,740)"]),
            ("Income tax benefit", ["(4,010)", tax, "(3,520)"]),
            ("Net loss", ["$(14,290)", "$(1,930)", "$(16,220)"]),
        ],
        "Effects of the restatement (in thousands):",
    )


def test_an_as_restated_column_is_the_sum_of_the_columns_before_it() -> None:
    ok_then_bad(_restated_column("490"), _restated_column("590"), "table.total")


def test_per_share_rows_under_a_per_share_heading_keep_their_bare_numbers() -> None:
    page = html_table(
        ["As Previously Reported", "Correction", "As Restated"],
        [
            ("Net loss", ["$(14,290)", "$(1,930)", "$(16,220)"]),
            ("Net loss per common stock share:", []),
            ("Basic", ["$(0.41)", "$(0.06)", "$(0.47)"]),
        ],
        "Effects of the restatement (in thousands, except per share amounts):",
    )
    doc = read_html(page.encode(), "t.html")
    values = {m.fact.quantity.value for m in extract(doc).mentions}
    assert Decimal("-0.47") in values
    assert Decimal(-16_220_000) in values


# --- a misread structure: rows that come close to a total but never add up ---------------


def test_a_total_that_no_column_adds_up_exactly_gives_no_finding() -> None:
    # a roll-forward written with closures as positive numbers: 443 + 4 + 2 is near 445 but
    # the rows are not items of the total, and no column adds up exactly
    page = html_table(
        ["2024", "2023"],
        [
            ("Stores at beginning of year", ["443", "440"]),
            ("Opened", ["4", "6"]),
            ("Closed", ["2", "3"]),
            ("Total stores at end of year", ["445", "443"]),
        ],
        "Store count:",
    )
    assert flagged(page, "table.total") == []


def test_a_total_row_corroborated_by_another_column_is_an_error() -> None:
    page = html_table(
        ["2024", "2023"],
        [
            ("Americas", ["1,200", "1,100"]),
            ("Europe", ["800", "760"]),
            ("Asia", ["500", "470"]),
            ("Total", ["2,520", "2,330"]),
        ],
        "Revenue by region (in millions):",
    )
    found = flagged(page, "table.total")
    assert [f.severity for f in found] == [Severity.ERROR]


# --- quarterly amounts add up to the year, per-share amounts need not -----------------------------


def _quarters(q4: str) -> str:
    return html_table(
        ["First Quarter", "Second Quarter", "Third Quarter", "Fourth Quarter", "Total Year"],
        [
            ("Net sales", ["$2,500", "$2,600", "$2,550", q4, "$10,500"]),
            ("Net income", ["300", "320", "310", "370", "1,300"]),
            ("Earnings per share — diluted", ["$0.74", "$0.80", "$0.78", "$0.93", "$3.21"]),
        ],
        "Quarterly results (in millions, except per share amounts):",
    )


def test_quarterly_amounts_per_share_need_not_add_up_to_the_year() -> None:
    # per-share amounts are computed on each quarter's shares: 0.74 + 0.80 + 0.78 + 0.93 is
    # not 3.21, and no reader takes that for an error; the amounts above them do add up
    found = ok_then_bad(_quarters("$2,850"), _quarters("$2,950"), "table.total")
    assert all("per share" not in f.message for f in found)


# --- Chinese: the same construction ---------------------------------------------------------------


def _zh(item: str) -> str:
    return f"""单位：亿元

| 项目 | 2024年 | 2023年 |
|---|---:|---:|
| 营业成本 | 320 | 300 |
| 销售费用 | 45 | 40 |
| 管理费用 | {item} | 30 |
| 小计 | 400 | 370 |
"""


def test_zh_subtotal_row_adds_up_its_items() -> None:
    ok = check(extract(from_text(_zh("35"), fmt="md")), lang="en")
    bad = check(extract(from_text(_zh("55"), fmt="md")), lang="en")
    assert [f for f in ok if f.rule == "table.total" and f.severity in BAD] == []
    assert [f for f in bad if f.rule == "table.total" and f.severity in BAD]


# --- a company named like a currency --------------------------------------------------------

VENDORS = """Revenue of the three largest suppliers (in millions):

| Company | 2022 | 2021 |
|---|---:|---:|
| Intel | 63,054 | 79,024 |
| AMD | 23,601 | 16,434 |
| Other | 1,200 | 1,100 |
| Total | 87,855 | 96,558 |
"""


def test_a_row_label_that_reads_like_a_currency_code_is_a_name() -> None:
    doc = from_text(VENDORS, fmt="md")
    facts = [m.fact for m in extract(doc).mentions if m.cell is not None]
    assert all(f.quantity.currency != "AMD" for f in facts)
    amd = [f for f in facts if f.quantity.value == Decimal(23_601_000_000)]
    assert amd and "AMD" in (amd[0].subject or "")
    assert [f for f in check(extract(doc), lang="en") if f.severity in BAD] == []


def test_a_currency_code_set_apart_in_a_row_label_is_the_rows_currency() -> None:
    text = VENDORS.replace("| AMD |", "| Royalties (EUR) |")
    facts = [m.fact for m in extract(from_text(text, fmt="md")).mentions if m.cell is not None]
    assert {f.quantity.currency for f in facts if f.quantity.value == 23_601_000_000} == {"EUR"}
