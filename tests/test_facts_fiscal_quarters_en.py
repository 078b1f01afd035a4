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
