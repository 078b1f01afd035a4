"""Issue 16, second pass: how facts are dated and named — fiscal calendars, spans ended on a
stated day, column headers set above a table, datelines, subjects — and list items read as
sentences.

Each case is written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged as bad
from sectorlens.facts import extract, from_text
from sectorlens.model import Severity

# --- fiscal calendars, spans ending on a stated day, spans across years ---------------------------

FISCAL = (
    "Acme Corp reports results for its second quarter fiscal 2025 ended July 31, 2024.\n\n"
    "Second quarter revenue was $5.0 billion. Full year FY25 revenue guidance is $21 billion."
)


def _periods(text: str) -> dict[str, tuple[str, str]]:
    ex = extract(from_text(text))
    return {
        f.quantity.input: (f.period.start.isoformat(), f.period.end.isoformat())
        for f in ex.facts
        if f.period is not None
    }


def test_a_stated_fiscal_calendar_dates_fiscal_years_and_bare_quarters() -> None:
    got = _periods(FISCAL)
    assert got["$5.0 billion"] == ("2024-05-01", "2024-07-31")
    assert got["$21 billion"] == ("2024-02-01", "2025-01-31")


def test_without_a_stated_calendar_a_fiscal_year_stays_the_calendar_year() -> None:
    got = _periods("Full year FY25 revenue guidance is $21 billion. Q1 revenue was $4 billion.")
    assert got["$21 billion"] == ("2025-01-01", "2025-12-31")


def test_two_different_fiscal_statements_give_no_calendar() -> None:
    from sectorlens.facts.fiscal import fiscal_calendar

    assert fiscal_calendar(FISCAL) is not None
    both = FISCAL + " The first quarter fiscal 2025 ended March 31, 2024."
    assert fiscal_calendar(both) is None
    assert fiscal_calendar("Results for the fiscal year 2023 ended December 31, 2023.") is None


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("Three Months Ended April 30, 2023", "2023-02-01", "2023-04-30"),
        ("Six months ended June 30, 2022", "2022-01-01", "2022-06-30"),
        ("Year Ended January 28, 2024", "2023-01-29", "2024-01-28"),
        ("Year Ended / Jan 28, 2024", "2023-01-29", "2024-01-28"),  # two header rows joined
        ("Three Months / Ended April 30, / 2023", "2023-02-01", "2023-04-30"),
    ],
)
def test_months_ended_a_day_is_the_span_before_it(header: str, start: str, end: str) -> None:
    from sectorlens.facts.context import named_periods

    (n,) = named_periods(header, None)
    assert (n.period.start.isoformat(), n.period.end.isoformat()) == (start, end)


def test_a_bare_year_after_a_span_ended_names_the_same_span_that_year() -> None:
    from sectorlens.facts.context import named_periods

    a, b = named_periods("Three Months Ended April 30, 2023\n2022", None)
    assert (b.period.start.isoformat(), b.period.end.isoformat()) == ("2022-02-01", "2022-04-30")
    assert a.period.end.isoformat() == "2023-04-30"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("From 2012년 1월~2023년 6월 투자 금액은 7,862억 위안이다.", "2012-01-01", "2023-06-30"),
        ("Jan 2012 to Jun 2023, the fund raised USD 5 bn.", "2012-01-01", "2023-06-30"),
        ("2019年3月5日至2020年2月10日，融资金额为50亿元。", "2019-03-05", "2020-02-10"),
    ],
)
def test_a_span_from_one_month_or_day_to_another_is_one_period(
    text: str, start: str, end: str
) -> None:
    ex = extract(from_text(text))
    money = [f for f in ex.facts if f.quantity.currency]
    assert money and money[0].period is not None
    assert (money[0].period.start.isoformat(), money[0].period.end.isoformat()) == (start, end)


# --- a table with its column headers and unit line set above it ------------------------------

SET_APART = """Statements of Operations (in millions, except per share data) (Unaudited)

Three Months Ended April 30, 2023

2022

Revenues:

| Item | | |
|---|---:|---:|
| Product | $ 700 | $ 600 |
| Services | 300 | 300 |
| Total revenues | 1,000 | 900 |
| Diluted net income per share | $ 0.20 | $ 0.03 |
| Shares used in computing diluted net income per share | 988 | 1,001 |

In the three months ended April 30, 2023, total revenues were $1.0 billion,
an increase of {x}% Y/Y, and 12% in constant currency.
"""


def test_column_periods_and_unit_line_above_a_table_apply_to_its_cells() -> None:
    ex = extract(from_text(SET_APART.format(x=11), fmt="md"))
    cells = {f.quantity.input: f for f in ex.facts if " | " in f.sentence}
    assert cells["USD 700 million"].period is not None
    assert cells["USD 700 million"].period.start.isoformat() == "2023-02-01"
    assert cells["USD 600 million"].period is not None
    assert cells["USD 600 million"].period.end.isoformat() == "2022-04-30"
    assert "USD 0.20" in cells  # per share: not scaled to millions
    assert "988" in cells  # a count of shares: no currency


def test_a_yoy_rate_is_recomputed_from_the_table_and_constant_currency_is_not() -> None:
    assert bad(SET_APART.format(x=11), fmt="md") == []
    (f,) = bad(SET_APART.format(x=-11).replace("increase of -11%", "decrease of 11%"), fmt="md")
    assert f.rule == "derived.growth" and f.severity is Severity.WARNING
    assert "-11%" in f.message and "+11.11%" in f.message


# --- layout and dates -------------------------------------------------------------------------


def test_a_dateline_dates_the_document_not_the_section_below_it() -> None:
    from sectorlens.facts.dateline import is_dateline

    assert is_dateline("发布时间：2011-06-09 发布人：-")
    assert is_dateline("Published: May 31, 2023")
    assert not is_dateline("2023년 매출 현황")


def test_a_month_and_day_without_year_is_that_day_of_the_context_year() -> None:
    from sectorlens.facts.context import named_periods

    (n,) = named_periods("6 月 11 日价格 6.08 万元", 2025)
    assert n.period.start == n.period.end and n.period.start.isoformat() == "2025-06-11"
    assert named_periods("6 月 31 日", 2025) == ()


def test_list_items_are_sentences_of_their_own() -> None:
    text = (
        "Acme Reports Results\n\n"
        "- Revenue of $8.25 Billion for the quarter, up 11% Year-Over-Year with strong demand\n"
        "- Operating Margin of 27.6% for the quarter, a record for the company in any quarter\n"
        "- Guidance of $9 Billion for the full year, up about 10% on the current year\n"
    )
    ex = extract(from_text(text, fmt="md"))
    texts = {s.text.strip() for s in ex.layout.sentences}
    assert any(t.startswith("Operating Margin of 27.6%") for t in texts)


# --- subjects ----------------------------------------------------------------------------------


def _subjects(text: str, fmt: str = "txt") -> dict[str, str | None]:
    return {f.quantity.input: f.subject for f in extract(from_text(text, fmt=fmt)).facts}


def test_an_english_subject_stops_at_its_verb() -> None:
    got = _subjects("Since 1965, book value has grown from $19 to $95,453.")
    assert got["$19"] == "book value"


def test_a_change_without_words_of_its_own_takes_the_metric_of_its_level() -> None:
    got = _subjects("Gaming net revenue of $6.8 billion in 2022 increased by 21% from 2021.")
    assert got["21%"] is not None and "net revenue" in got["21%"]


def test_a_year_labelled_table_row_is_named_by_its_column() -> None:
    text = "| Year | Book value per share |\n|---|---:|\n| 2009 | 84,487 |\n| 2010 | 95,453 |\n"
    got = _subjects(text, fmt="md")
    assert got["95453"] == "Book value per share"


def test_a_connective_left_of_a_change_word_is_no_metric() -> None:
    from sectorlens.facts.scope import metric_of

    assert metric_of("上升至") is None
    assert metric_of("进口量") == "进口量"
