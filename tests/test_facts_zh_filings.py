"""Issue 16, session of 2026-12-07 (sixth): how Hong Kong filings write figures in Chinese: years
in Chinese digits (``二零二四年上半年``), last year's figure labelled in brackets after this year's
(``人民币385.4亿元（二零二四年上半年：人民币337.4亿元）``), and a change then the level it moved to
(``上升0.6%至26.3%``; ``增长5%至8%`` stays a range). Texts of our own."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from fact_mentions import mentions, one, span

_H1 = (date(2025, 1, 1), date(2025, 6, 30))
_H1_BEFORE = (date(2024, 1, 1), date(2024, 6, 30))


def test_a_year_in_chinese_digits_is_a_period() -> None:
    text = "二零二四年上半年，集团收入为人民币212.5亿元。"
    assert span(one(text, "212.5亿元")) == _H1_BEFORE


def test_the_bracketed_figure_is_last_years_and_the_one_before_it_this_years() -> None:
    text = (
        "二零二五年上半年，集团收入增长9.1%至人民币231.8亿元（二零二四年上半年：人民币212.5亿元）。"
    )
    assert span(one(text, "231.8亿元")) == _H1
    assert span(one(text, "212.5亿元")) == _H1_BEFORE


def test_a_change_then_the_level_it_moved_to_are_two_figures() -> None:
    values = {m.fact.quantity.value for m in mentions("经营溢利率上升0.6%至26.3%。")}
    assert values == {Decimal("0.6"), Decimal("26.3")}


def test_a_range_of_rates_stays_a_range() -> None:
    (m,) = mentions("预计收入增长5%至8%。")
    assert m.fact.quantity.value is None
    assert (m.fact.quantity.low, m.fact.quantity.high) == (Decimal(5), Decimal(8))


def test_a_date_in_chinese_digits_is_not_read_as_its_month() -> None:
    text = "截至二零二二年十二月三十一日止年度，集团收入为人民币278.8亿元。"
    assert span(one(text, "278.8亿元")) != (date(2022, 12, 1), date(2022, 12, 31))
