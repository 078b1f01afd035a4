"""Issue 16, session of 2026-12-07: results tables as companies print them, read on tables
nobody tuned ``check`` on and written here as tables of our own: amounts with their own scale
(``£678.3m``), years down the side with a change row, a unit stated on a section row, a region
list that ends in a three-letter name, footnote marks after a year, and the month a streak
started."""

from __future__ import annotations

from check_findings import fires, flagged
from fact_mentions import cells, mentions, one_cell, span

_RESULTS = (
    "| | 2014 | 2013 | Change |\n|---|---|---|---|\n"
    "| Revenue | £678.3m | £689.4m | -2% |\n"
    "| Profit before taxation | £144.8m | £145.7m | {change} |\n"
)


def test_an_amount_with_its_own_scale_is_read_in_full() -> None:
    revenue = one_cell(_RESULTS.format(change="-1%"), "678300000")
    assert revenue.fact.quantity.currency == "GBP"
    fires(_RESULTS.format(change="-1%"), _RESULTS.format(change="+1%"), "table.change")


def test_a_scale_letter_without_a_currency_is_not_read_as_a_scale() -> None:
    table = "| | 2014 | 2013 |\n|---|---|---|\n| Pipeline | 12m | 10m |\n"
    assert all(m.fact.quantity.value != 12_000_000 for m in cells(table))


_BY_REGION = (
    "| First Half | Asia / AMET / RUB | The Americas | Europe | Total |\n"
    "|---|---|---|---|---|\n"
    "| Turnover (€ million) | | | | |\n"
    "| 2018 | 11,735 | 8,083 | 6,534 | 26,352 |\n"
    "| 2019 | 12,195 | 8,141 | 5,790 | 26,126 |\n"
    "| Change (%) | 3.9 | 0.7 | {europe} | (0.9) |\n"
    "| Operating profit (€ million) | | | | |\n"
    "| 2018(b) | 2,274 | 1,172 | 1,083 | 4,529 |\n"
    "| 2019 | 2,339 | 1,270 | 980 | 4,589 |\n"
)


def test_a_unit_on_a_section_row_is_the_unit_of_the_rows_under_it() -> None:
    table = _BY_REGION.format(europe="(11.4)")
    asia = one_cell(table, "11735000000")  # € million, not roubles: RUB names a region
    assert asia.fact.quantity.currency == "EUR"
    profit = one_cell(table, "2274000000")  # (b) marks a footnote: no billions
    assert profit.fact.quantity.currency == "EUR"
    assert flagged(table, "table") == []


def test_a_change_row_is_checked_against_the_two_years_above_it() -> None:
    fires(_BY_REGION.format(europe="(11.4)"), _BY_REGION.format(europe="(8.4)"), "table.change")


def test_the_month_a_streak_started_is_not_the_period_of_the_figure_before_it() -> None:
    text = (
        "반도체는 지난해 대비 24% 증가한 104억6000만달러로 2021년 5월 이후 10개월 연속 "
        "100억달러를 넘어섰다."
    )
    (chips,) = [m for m in mentions(text) if m.fact.quantity.input.startswith("104억")]
    assert chips.fact.period is None or chips.fact.period.start.month != 5, span(chips)


_TWO_CHANGES = (
    "| | 2023 | 2022 | Change (Reported) | Change (Like-for-like) |\n|---|---|---|---|---|\n"
    "| Revenue | £2,323.0m | £2,008.5m | {reported} | +14.4% |\n"
    "| Operating profit | £146.5m | £140.6m | +4.2% | +3.0% |\n"
)


def test_a_change_on_another_basis_is_not_the_change_of_the_two_levels() -> None:
    fires(_TWO_CHANGES.format(reported="+15.7%"), _TWO_CHANGES.format(reported="+17.5%"), "table")
