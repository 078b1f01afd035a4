"""Relations a Korean clause states across its particles: an amount ending its clause in 로 before
its equivalent in won (``…달러로, 한화 약 …원``), and amounts moving ``에서 … 로`` in a sentence
that also speaks of a trend (``증가세``) without any rate."""

from __future__ import annotations

from check_findings import fires
from fact_mentions import one


def test_an_equivalent_in_won_after_the_clause_particle() -> None:
    said = (
        "2017년 세계 게임 시장 규모는 1,216억 달러로, 한화 약 137조 원에 달했다. "
        "2017년 국내 게임 수출액은 59억 2,300만 달러로, 한화 약 {} 원에 이르렀다."
    )
    m = one(said.format("6조 6,980억"), "59억 2,300만 달러")
    assert m.fact.quantity.equivalent is not None
    assert m.fact.quantity.equivalent.currency == "KRW"
    fires(said.format("6조 6,980억"), said.format("8조 6,980억"), "fx")


def test_amounts_move_in_a_sentence_that_names_a_trend_without_rates() -> None:
    said = "지난 10월 575억 달러에서 11월 564억 달러로 소폭 {}했지만 여전히 증가세를 유지하고 있다."
    fires(said.format("감소"), said.format("증가"), "trend")


def test_counts_in_industry_units_are_facts() -> None:
    text = "올 7월 기준 수주 잔량 1004척, 3677만CGT. 설비 용량은 2,500 MW로 늘었다."
    assert one(text, "3677만CGT").fact.quantity.unit == "CGT"
    assert one(text, "2,500 MW").fact.quantity.unit == "MW"


def test_each_respectively_list_of_a_sentence_is_a_breakdown_of_its_own() -> None:
    # (Korean: the second 각각 list is split off but not judged yet)
    zh = "1—2月，东、中、西部地区业务收入比重分别为72.6%、16.2%和11.2%，业务量比重分别为{}。"
    fires(zh.format("68.0%、21.3%和10.7%"), zh.format("68.0%、24.3%和10.7%"), "breakdown.sum")
