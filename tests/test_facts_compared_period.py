"""Issue 16: a period after a compared value is the comparison's (``33.5 percent compared to
34.9 percent last year``), as is one after ``comparable to`` (``comparable to the prior year at
43.8 percent``); the sentence's own period still dates the figure. A quarter's rate and the
fiscal year's are then not one figure restated. Texts written for these tests.
"""

from __future__ import annotations

from datetime import date

from check_findings import flagged
from fact_mentions import one, span

Q4 = (
    "In the fourth quarter of 2007 gross margins were comparable to the prior year at 43.8 "
    "percent; selling expenses were 29.0 percent of revenues versus 30.8 percent last year and "
    "the effective tax rate was {r} percent compared to 34.9 percent last year."
)
YEAR = (
    "For the fiscal year, the effective tax rate was 32.2 percent compared to 35.0 percent last "
    "year."
)
QUARTER = (date(2007, 10, 1), date(2007, 12, 31))


def test_comparable_to_the_prior_year_is_the_comparison_s_period() -> None:
    assert span(one(Q4.format(r="33.5"), "43.8 percent")) == QUARTER


def test_last_year_after_a_compared_value_dates_only_that_value() -> None:
    text = Q4.format(r="33.5")
    assert span(one(text, "33.5 percent")) == QUARTER
    assert span(one(text, "34.9 percent")) != QUARTER


def test_the_quarter_s_rate_and_the_year_s_are_not_restated() -> None:
    assert flagged(f"{Q4.format(r='33.5')}\n\n{YEAR}", "restated") == []


def test_the_quarter_s_rate_stated_twice_still_disagrees() -> None:
    again = "In the fourth quarter of 2007 the effective tax rate was 35.5 percent."
    found = flagged(f"{Q4.format(r='33.5')}\n\n{again}", "restated")
    assert found and "33.5%" in found[0].message and "35.5%" in found[0].message
