"""Issue 16, session of 2026-12-07 (second): a results table whose change columns name the
quarter without its year (``Q4 % Change``) beside ``Q4 2014 $m``, headers that are a period and
a unit only, and a list mark ``·`` before a sentence. Texts of our own."""

from __future__ import annotations

from datetime import date

from fact_mentions import mentions, one_cell, span

_REGIONS = (
    "Regional Revenue\n\n"
    "| | Q4 2014 $m | Q4 2013 $m | Q4 % Change | FY 2014 $m | FY 2013 $m | FY % Change |\n"
    "|---|---|---|---|---|---|---|\n"
    "| Europe | 1,713 | 1,822 | (6) | 6,638 | 6,658 | - |\n"
    "| Japan | 543 | 668 | (19) | 2,227 | 2,485 | (10) |\n"
)


def test_a_quarter_change_column_is_of_the_quarter_of_the_latest_year() -> None:
    europe = one_cell(_REGIONS, "-6")
    assert span(europe) == (date(2014, 10, 1), date(2014, 12, 31))
    japan_year = one_cell(_REGIONS, "-10")
    assert span(japan_year) == (date(2014, 1, 1), date(2014, 12, 31))


def test_a_header_of_a_period_and_a_unit_names_no_measure() -> None:
    europe = one_cell(_REGIONS, "1713000000")
    assert europe.fact.subject == "Regional Revenue · Europe"


def test_a_list_mark_is_no_part_of_the_subject() -> None:
    text = "Regional Revenue\n\n· Revenue in Japan was down 9% in the fourth quarter of 2014.\n"
    (m,) = mentions(text)
    assert m.fact.subject == "Revenue in Japan"


_HALVES = (
    "| First Half | Asia | Europe | Total |\n|---|---|---|---|\n"
    "| Turnover (€ million) | | | |\n"
    "| 2018 | 11,735 | 6,534 | 18,269 |\n"
    "| 2019 | 12,195 | 5,790 | 17,985 |\n"
)


def test_rows_of_years_under_a_corner_naming_a_half_are_that_half() -> None:
    asia = one_cell(_HALVES, "11735000000")
    assert span(asia) == (date(2018, 1, 1), date(2018, 6, 30))
    plain = _HALVES.replace("First Half", "Region")
    assert span(one_cell(plain, "11735000000")) == (date(2018, 1, 1), date(2018, 12, 31))
