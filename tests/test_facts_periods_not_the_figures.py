"""Issue 16, session of 2026-12-07 (sixth): periods named near a figure that are not its period:
``compared with the end of the first quarter of 2022`` (the comparison's), ``up 12 per cent on
EUR900m in 2021`` (the figure the change is taken on), ``at constant 2021 exchange rates`` (a
basis), ``(EUR41.5m in 2021)`` (an aside's figure). Texts of our own."""

from __future__ import annotations

from datetime import date

from fact_mentions import one, span

_LEAD = "Acme Widget Company second-quarter 2022 results.\n\n"


def test_compared_with_the_end_of_a_quarter_is_the_comparison() -> None:
    text = (
        _LEAD + "- Deferred revenue rose by $12 million compared with the end of the first quarter "
        "of 2022, bringing the total to $90 million\n"
    )
    assert span(one(text, "$12 million")) == (date(2022, 4, 1), date(2022, 6, 30))


def test_the_end_of_a_quarter_named_alone_is_the_figures_own() -> None:
    text = _LEAD + "- At the end of the first quarter of 2022 deferred revenue was $78 million\n"
    assert span(one(text, "$78 million")) == (date(2022, 1, 1), date(2022, 3, 31))


_CEMENT = (
    "Acme Cement announced revenues in 2022 totalling EUR1008m, up 12 per cent on EUR900m in 2021. "
)


def test_the_year_of_the_figure_a_change_is_taken_on_dates_nothing_after() -> None:
    text = _CEMENT + "Its order book grew to EUR310m, up 4 per cent compared to the previous year."
    assert span(one(text, "EUR310m")) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_year_of_exchange_rates_is_no_period() -> None:
    text = _CEMENT + "At constant 2021 exchange rates revenue would have been EUR1090m."
    assert span(one(text, "EUR1090m")) == (date(2022, 1, 1), date(2022, 12, 31))


def test_the_year_of_an_asides_figure_dates_only_that_figure() -> None:
    text = _CEMENT + "After EUR45.2m of depreciation (EUR41.5m in 2021), EBIT reached EUR120.4m."
    assert span(one(text, "EUR120.4m")) == (date(2022, 1, 1), date(2022, 12, 31))
    assert span(one(text, "EUR41.5m")) == (date(2021, 1, 1), date(2021, 12, 31))


def test_an_aside_that_only_dates_the_figure_still_dates_it() -> None:
    text = "문화부의 '2020년 광고산업조사(2019년 기준)'에 따르면 국내 광고산업 규모는 18조원이었다."
    assert span(one(text, "18조원")) == (date(2019, 1, 1), date(2019, 12, 31))
