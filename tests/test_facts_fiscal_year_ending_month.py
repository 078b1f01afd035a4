"""Issue 16, session of 2026-12-07 (fifth): ``the fiscal year ending March 2012`` (the day left
out) is April 2011 to March 2012, and ``announced on November 1 last year`` dates an event, not the
figures after it. Texts of our own."""

from __future__ import annotations

from datetime import date

from fact_mentions import one, span

_FY = (date(2011, 4, 1), date(2012, 3, 31))
_FORECAST = (
    "We made upward revisions to our sales forecast for the fiscal year ending March 2012, which "
    "we announced on November 1 last year.\n"
    "Net sales are expected to fall 80.6 billion yen, or 5.1%, year on year to total 1.5 "
    "trillion yen.\n"
)


def test_a_fiscal_year_ending_a_month_without_its_day() -> None:
    text = "For the fiscal year ending March 2012, net sales were 1.5 trillion yen.\n"
    assert span(one(text, "1.5 trillion yen")) == _FY


def test_the_day_of_an_announcement_is_no_period_of_the_figures() -> None:
    assert span(one(_FORECAST, "80.6 billion yen")) == _FY
    assert span(one(_FORECAST, "5.1%")) == _FY
