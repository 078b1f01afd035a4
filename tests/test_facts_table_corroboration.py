"""Issue 16: a relation read from a table is trusted only where the table bears it out.

Long filings lay tables out the way SEC filings do (``$`` and ``)%`` in cells of their own,
subtotal lines without a label, ``Subtotal`` rows under section labels, stacked restatements,
``As restated`` columns, per-share rows under a per-share heading). Each construction here is
written for these tests, in en, ko and zh: the consistent table gives no error or warning, and
the same table with one cell changed does. A misread structure (rows that are not items of the
total, a column that is not the change it seems) gives no finding at all.
"""

from __future__ import annotations

from decimal import Decimal

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.read_html import read_html
from sectorlens.model import Finding, Kind, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def _td(v: str) -> str:
    """One value as a filing writes it: ``$`` | number | ``)`` or ``%`` in cells of their own."""
    sign = "$" if v.startswith("$") else ""
    v = v.lstrip("$")
    tail = ""
    if v.endswith("%"):
        v, tail = v[:-1], "%"
    if v.endswith(")"):
        v, tail = v[:-1], ")" + tail
    return f"<td>{sign}</td><td>{v}</td><td>{tail}</td>"


def html_table(head: list[str], rows: list[tuple[str, list[str]]], before: str = "") -> str:
    """A filing-style HTML table: a header row of column names (``A / B`` spans two header
    rows), then label rows; an empty value list is a section label."""
    top = [h.split(" / ")[0] if " / " in h else "" for h in head]
    low = [h.split(" / ")[-1] for h in head]
    lines = [f"<html><body><p>{before}</p><table>"]
    if any(top):
        lines.append("<tr><td></td>" + "".join(f'<td colspan="3">{t}</td>' for t in top) + "</tr>")
    lines.append("<tr><td></td>" + "".join(f'<td colspan="3">{t}</td>' for t in low) + "</tr>")
    for label, values in rows:
        cells = "".join(_td(v) if v else "<td></td><td></td><td></td>" for v in values)
        lines.append(f"<tr><td>{label}</td>{cells}</tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines)


def findings(page: str, rule: str = "table.") -> list[Finding]:
    doc = read_html(page.encode(), "t.html")
    return [f for f in check(extract(doc), lang="en") if f.rule.startswith(rule)]


def flagged(page: str, rule: str = "table.") -> list[Finding]:
    return [f for f in findings(page, rule) if f.severity in BAD]


def ok_then_bad(ok: str, bad: str, rule: str = "table.") -> list[Finding]:
    assert flagged(ok, rule) == [], ok
    found = flagged(bad, rule)
    assert found, bad
    return found


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


# --- Korean and Chinese: the same constructions ---------------------------------------------


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


# --- prose of long filings: a level's share is not a change; one whole per period ------------


def prose_flagged(text: str, rule: str) -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


def test_a_share_set_after_a_level_with_or_is_not_its_change() -> None:
    ok = (
        "Services net sales were $24.2 billion in the third quarter, or 28% of total net "
        "sales, compared to $21.2 billion, or 26%, a year ago."
    )
    bad = "Services net sales grew to $24.2 billion, or 24%, from $21.2 billion a year ago."
    assert prose_flagged(ok, "derived.") == []
    assert prose_flagged(bad, "derived.growth")


MARGINS = "\n\n".join(
    [
        "Services net sales were $24.2 billion in the third quarter of 2024, or 28% of total "
        "net sales.",
        "Research and development expense was $8.0 billion in the third quarter of 2024, or 9% "
        "of net sales.",
        "Selling, general and administrative expense was $6.3 billion in the third quarter of "
        "2024, or {sga}% of net sales.",
        "Research and development expense was $23.6 billion in the first nine months of 2024, "
        "or 8% of net sales.",
    ]
)


def test_shares_of_sales_imply_one_whole_per_period() -> None:
    # the nine months' 8% implies nine months' sales, not the quarter's: no finding; a
    # quarter's share the other quarter's shares contradict is
    assert prose_flagged(MARGINS.format(sga=7), "breakdown.share_of") == []
    assert prose_flagged(MARGINS.format(sga=17), "breakdown.share_of")


def test_to_a_level_from_the_measure_of_another_is_a_growth_pair() -> None:
    text = (
        "Net sales for the 13-week fiscal quarter ended May 4, 2024 decreased {x} percent to "
        "$251.2 million from net sales of $262.4 million for the prior year 13-week fiscal "
        "quarter ended April 29, 2023."
    )
    assert prose_flagged(text.format(x="4.3"), "derived.") == []
    assert prose_flagged(text.format(x="6.3"), "derived.growth")
    # a source of revenue after the level is no earlier level
    other = (
        "Revenue increased 8 percent to $5.0 billion, driven by revenue from sales of cloud "
        "services of $1.2 billion."
    )
    assert prose_flagged(other, "derived.") == []


def test_a_share_after_or_without_a_comma_is_the_amounts_share() -> None:
    text = (
        "Net sales for the fourth quarter were $612.0 million while operating income was "
        "$36.1 million or {x} percent of net sales."
    )
    assert prose_flagged(text.format(x="5.9"), "breakdown.") == []
    assert prose_flagged(text.format(x="6.9"), "breakdown.share_of")


def test_a_short_name_stated_first_is_the_whole_not_a_later_segments_name() -> None:
    text = (
        "- Net revenues for fiscal year 2023 were $87.83 million, a decrease of 38.2% from "
        "$142.23 million in fiscal year 2022.\n"
        "- The Publishing division generated 2% of net revenues from national chain bookstores.\n"
        "- PaperPie net revenues decreased by $54.5 million, or 42.2%, to $74.5 million for the "
        "fiscal year ended February 28, 2023, compared to $129.0 million for the previous year."
    )
    assert prose_flagged(text, "restated") == []
    again = text + "\n- Net revenues for fiscal year 2023 were $85.83 million."
    assert prose_flagged(again, "restated")
