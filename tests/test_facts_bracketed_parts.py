"""Issue 16, session of 2026-12-07 (third): parts listed in brackets right after their whole
(``76조4589억(일반계정 54조2597억, 특별계정 22조1992억)``), and Korean amounts in 조/억 written
without their unit, read as the numbers they write (not before a word that may be their unit);
a CAGR over a stated fraction of years (6.4년간) uses that span. Texts of our own."""

from __future__ import annotations

from decimal import Decimal

from check_findings import fires, flagged
from fact_mentions import mentions, one

KO = "2023년 3분기 수입보험료는 76조4589억(일반계정 54조2597억, 특별계정 22조1992억)으로 집계됐다."
ZH = "2023年公司营业收入120亿元（其中A业务80亿元、B业务40亿元），同比增长5%。"
EN = "In 2023, revenue was $9.5 billion (US $6.1 billion, International $3.4 billion)."


def test_a_korean_amount_without_its_unit_is_the_number_it_writes() -> None:
    q = one(KO, "54조2597억").fact.quantity
    assert (q.kind.value, q.value, q.currency) == ("number", Decimal("54259700000000"), None)


def test_parts_in_brackets_over_their_whole_are_flagged() -> None:
    fires(KO, KO.replace("54조2597억", "56조2597억"), "breakdown.parts")
    fires(ZH, ZH.replace("A业务80亿元", "A业务90亿元"), "breakdown.parts")
    fires(EN, EN.replace("US $6.1 billion", "US $7.1 billion"), "breakdown.parts")


def test_parts_in_brackets_short_of_their_whole_may_leave_items_out() -> None:
    assert flagged(KO.replace("54조2597억", "50조2597억"), "breakdown") == []


def test_a_bracket_of_shares_or_of_one_amount_lists_no_parts() -> None:
    for text in (
        "2023년 매출은 100억원(국내 60%, 해외 40%)이었다.",
        "2023년 매출은 100억원(전년 90억원)이었다.",
    ):
        assert flagged(text, "breakdown") == [], text


def test_a_korean_amount_before_a_word_that_may_be_its_unit_is_not_read_bare() -> None:
    text = "2018년 담배 판매량은 34억 갑, 목표 총액은 1,000억 루피였다."
    got = {m.fact.quantity.input: m.fact.quantity.kind.value for m in mentions(text)}
    assert got == {"1,000억 루피": "money"}


def test_a_cagr_over_a_stated_fraction_of_years_uses_that_span() -> None:
    ok = (
        "2025년 목표 총액 1000억 달러에 도달하려면 약정액이 2019년 7월 10일 312억 3200만 달러 "
        "기준으로 6.4년간 연평균 19.9%씩 성장해야 한다."
    )
    assert flagged(ok, "derived") == []
    fires(ok, ok.replace("연평균 19.9%", "연평균 25.9%"), "derived")
