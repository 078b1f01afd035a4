"""Issue 16, session of 2026-12-07 (second): a whole's rate of change recomputed from its parts'
levels and rates, where the parts add up to the whole (``其中``, ``Of this amount``, ``이 중``).
Texts of our own."""

from __future__ import annotations

from check_findings import checked, fires, flagged

_ZH = (
    "今年前2个月,我国进出口总值5.44万亿元,比去年同期{way}32.2%。其中,出口3.06万亿元,同比增长"
    "{exports}%;进口2.38万亿元,同比增长14.5%。"
)
_EN = (
    "Trade was $5.44 trillion, {way} 32.2% from a year earlier. Of this amount, exports were "
    "$3.06 trillion, up {exports}%, and imports $2.38 trillion, up 14.5%."
)
_KO = (
    "수출입은 5440억 달러로 32.2% {way}했다. 이 중 수출은 3060억 달러로 {exports}% 증가했고, "
    "수입은 2380억 달러로 14.5% 증가했다."
)


def test_a_whole_that_fell_while_its_parts_grew_is_an_error() -> None:
    for text, up, down in ((_ZH, "增长", "下降"), (_EN, "up", "down"), (_KO, "증가", "감소")):
        ok, bad = text.format(way=up, exports="50.1"), text.format(way=down, exports="50.1")
        fires(ok, bad, "breakdown")


def test_a_part_rate_changed_is_caught_through_the_whole() -> None:
    bad = _ZH.format(way="增长", exports="80.1")
    assert [f.rule for f in flagged(bad)] == ["breakdown.rates"]


def test_the_rates_agree_within_rounding() -> None:
    ok = _EN.format(way="up", exports="50.1")
    assert checked(ok, "breakdown.rates") == [
        "Trade: its parts and their rates give +32.13%, as stated (+32.2%)."
    ]


def test_a_part_without_its_own_rate_says_nothing_of_the_whole() -> None:
    text = (
        "Trade was $5.44 trillion, down 32.2% from a year earlier. Of this amount, exports were "
        "$3.06 trillion, up 50.1%, and imports $2.38 trillion."
    )
    assert checked(text, "breakdown.rates") == []


def test_month_on_month_rates_of_the_parts_are_not_the_whole_s_year_on_year() -> None:
    text = (
        "今年3月,我国进出口总值5.44万亿元,比去年同期下降32.2%。其中,出口3.06万亿元,环比增长50.1%;"
        "进口2.38万亿元,环比增长14.5%。"
    )
    assert checked(text, "breakdown.rates") == []


def test_a_whole_rate_a_fraction_of_a_point_off_is_no_alarm() -> None:
    text = (
        "2021年1-3月,纺织服装累计出口额为4233.3亿元,增长33.8%,其中纺织品出口额为2068.1亿元,增长"
        "30.6%,服装出口额为2165.2亿元,增长37.5%。"
    )
    assert flagged(text) == []
    assert len(checked(text, "breakdown.rates")) == 1  # said, as information
