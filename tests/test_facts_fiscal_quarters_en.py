"""Issue 16, gaps16i: English fiscal quarters named with their year first or ended on a stated
day (``fiscal 2009 first quarter``, ``third fiscal quarter, which ended on December 31, 2008``).

Each case is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from sectorlens.facts import extract, from_text
from sectorlens.facts.context import named_periods
from sectorlens.facts.fiscal import Fiscal, fiscal_calendar


def _periods(text: str) -> dict[str, tuple[date, date]]:
    ex = extract(from_text(text))
    return {
        f.quantity.input: (f.period.start, f.period.end) for f in ex.facts if f.period is not None
    }


def test_a_quarter_which_ended_on_a_day_states_the_calendar_of_the_fiscal_year_named() -> None:
    text = (
        "FISCAL YEAR 2011 THIRD QUARTER HIGHLIGHTS\n\n"
        "Net income was $12.0 million for the third fiscal quarter, which ended on "
        "December 31, 2010."
    )
    assert fiscal_calendar(text) == Fiscal(3, 0)
    assert _periods(text)["$12.0 million"] == (date(2010, 10, 1), date(2010, 12, 31))


def test_a_first_quarter_ended_with_the_year_before_the_quarter() -> None:
    text = (
        "Globex announced results for the first quarter ended February 2, 2013. "
        "Further cuts were made in the 2013 first quarter."
    )
    assert fiscal_calendar(text) == Fiscal(10, 0)  # ends late October or early November


def test_a_quarter_ended_without_a_fiscal_year_named_states_no_calendar() -> None:
    assert fiscal_calendar("Net income for the third quarter, which ended on May 31, 2012.") is None
    # a calendar-year company: no fiscal calendar to assume
    text = "Sales in the fiscal 2012 second quarter, which ended June 30, 2012, rose 4%."
    assert fiscal_calendar(text) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("fiscal 2012 first quarter", date(2012, 1, 1), date(2012, 3, 31)),
        ("FISCAL YEAR 2012 THIRD QUARTER", date(2012, 7, 1), date(2012, 9, 30)),
        ("the 2012 second quarter", date(2012, 4, 1), date(2012, 6, 30)),
        ("FY12 fourth quarter", date(2012, 10, 1), date(2012, 12, 31)),
    ],
)
def test_a_year_then_its_quarter_is_that_quarter_not_the_year(
    text: str, start: date, end: date
) -> None:
    (n,) = named_periods(text, None)
    assert (n.period.start, n.period.end) == (start, end)


def test_a_year_then_its_quarter_in_a_stated_fiscal_calendar() -> None:
    text = (
        "Initech reports results for its third fiscal quarter, which ended on "
        "December 31, 2010.\n\n"
        "In the fiscal 2011 first quarter, revenue was $310 million."
    )
    assert _periods(text)["$310 million"] == (date(2010, 4, 1), date(2010, 6, 30))


def test_a_fiscal_year_alone_stays_a_year() -> None:
    (n,) = named_periods("fiscal 2012 results", None)
    assert (n.period.start, n.period.end) == (date(2012, 1, 1), date(2012, 12, 31))


# --- what dates the figures after such a statement --------------------------------------------

RELEASE = (
    "Initech Announces Higher Third Quarter Earnings\n\n"
    "February 03, 2011\n\n"
    "AUSTIN, Texas, Feb. 3 -- FISCAL YEAR 2011 THIRD QUARTER HIGHLIGHTS\n"
    "  • Revenues up 9% to $410 million.\n"
    "  • Operating income up $4 million to $52 million.\n\n"
    "Initech reported net income of $31.5 million for its third fiscal quarter, which ended on "
    "December 31, 2010, compared to $28.0 million, or $0.91 per diluted share, last year. "
    "The quarter reflected higher volumes in every region. "
    "Selling costs fell by $3 million.\n"
)


def test_a_lead_in_after_the_dateline_dates_the_list_under_it() -> None:
    got = _periods(RELEASE)
    assert got["$410 million"] == (date(2010, 10, 1), date(2010, 12, 31))
    assert got["$52 million"] == (date(2010, 10, 1), date(2010, 12, 31))


def test_the_date_line_is_no_section_period() -> None:
    text = "Initech Announces Results\n\nFebruary 03, 2011\n\nSelling costs fell by $3 million.\n"
    ex = extract(from_text(text))
    (fact,) = ex.facts
    assert fact.period is not None
    assert "period not stated" in " ".join(fact.quantity.assumptions)  # the document's day


def test_a_comparison_after_an_or_clause_keeps_its_year_to_itself() -> None:
    got = _periods(RELEASE)
    assert got["$31.5 million"] == (date(2010, 10, 1), date(2010, 12, 31))
    # the quarter, not the year the comparison named: passed on past 'The quarter …'
    assert got["$3 million"] == (date(2010, 10, 1), date(2010, 12, 31))


def test_a_list_after_a_paragraph_with_figures_takes_no_lead_in() -> None:
    # the year of a paragraph that states a figure of its own is that figure's, not the list's
    text = "Revenue for fiscal 2010 was $1.2 billion.\n\n  • Revenues up 9% to $410 million.\n"
    assert "$410 million" not in _periods(text)
    lead_in = (
        "WASHINGTON, March 3 -- Highlights of fiscal 2010 results\n"
        "  • Revenues up 9% to $410 million.\n"
        "  • Net income of $3 million.\n"
    )
    got = _periods(lead_in)
    assert got["$410 million"] == got["$3 million"] == (date(2010, 1, 1), date(2010, 12, 31))


_Q3 = (date(2010, 10, 1), date(2010, 12, 31))
_OPENS = "Initech reports results for its third fiscal quarter, which ended on December 31, 2010. "


def test_the_year_of_a_comparison_is_not_passed_on() -> None:
    text = (
        _OPENS + "Net income was $31.5 million for the quarter, compared to $28.0 million, "
        "or $0.91 per diluted share, last year. Selling costs fell by $3 million.\n"
    )
    got = _periods(text)
    assert got["$3 million"] == _Q3
    assert got["$28.0 million"] != _Q3  # last year's figure, not this quarter's


def test_the_quarter_as_a_subject_names_the_quarter_in_context() -> None:
    text = (
        _OPENS + "Net income was $31.5 million in the third fiscal quarter. "
        "The quarter reflected higher volumes in every region. Selling costs fell by $3 million.\n"
    )
    assert _periods(text)["$3 million"] == _Q3
    # 'the quarter of' names another quarter: no reference to the one in context
    (n,) = named_periods("the third quarter of 2009", None)
    assert n.period.start == date(2009, 7, 1)
