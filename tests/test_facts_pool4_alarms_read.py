"""Issue 16, session of 2026-12-07 (fifth): readings that had made alarms on clean published text
(the pool proxy4, read this session). One zero ending a whole amount may be rounding (``1030억원
대비 2.6% 증가한 1050억원``); ``여성 한 명이`` is no level; percentages of two named totals and a
capacity factor are no shares of one whole. Texts of our own."""

from __future__ import annotations

from check_findings import fires

_SALES = "이 기간 영업익은 전년 1분기 1030억원 대비 {rate} 증가한 1050억원이다."


def test_one_zero_ending_an_amount_may_be_rounding() -> None:
    fires(_SALES.format(rate="2.6%"), _SALES.format(rate="5.6%"), "derived.growth")


def test_one_in_words_is_no_level() -> None:
    ok = (
        "여성 한 명이 평생 낳을 것으로 예상되는 평균 출생아 수(합계출산율)은 1.17으로 전년의 "
        "1.24명에서 0.07명(-5.6%) 줄었다."
    )
    bad = "한 해 출생아는 1.17명으로 전년의 1.24명에서 0.17명 줄었다."
    fires(ok, bad, "derived")


_SHEET = (
    "Data as of the end of 2021, except where noted.\n\n"
    "Total operable reactors 93\n"
    "Total annual net electricity generation 778,188 million kilowatthours\n"
    "Nuclear percentage of total annual electricity generation 18.9%\n"
    "Net summer electricity generation capacity 95.55 million kilowatts\n"
    "Nuclear share of total U.S. utility-scale electricity net summer generation capacity 8.3%\n"
    "Nuclear average annual capacity factor {factor}\n"
)


def test_percentages_of_two_totals_and_a_capacity_factor_are_no_breakdown() -> None:
    bad = (
        "Data as of the end of 2021.\n\n"
        "Nuclear share of total generation 58.9%\nCoal share of total generation 48.3%\n"
    )
    fires(_SHEET.format(factor="92.7%"), bad, "breakdown")
