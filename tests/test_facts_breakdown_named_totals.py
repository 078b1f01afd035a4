"""Issue 16: totals of several measures side by side are not a breakdown of the last one.

``资产总计105.7万亿元…；负债合计59.6万亿元…；所有者权益合计46.1万亿元``: each amount is named as the
total of a measure of its own, and the last is not the sum of the others. A total of the items
listed (``三者合计``, ``세 업종 합계``, ``합계``) still sums them. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged

TOTALS = {
    "zh": (
        "2月末，规模以上工业企业资产总计105.7万亿元，同比增长7.4%；负债合计59.6万亿元，增长6%；"
        "所有者权益合计46.1万亿元，增长9.3%；资产负债率为56.3%。"
    ),
    "ko": (
        "3월 말 상장사의 자산총계는 3250조원으로 7.4% 늘었고, 부채총계는 1840조원, "
        "자본총계는 1410조원이었다."
    ),
    "en": (
        "At year end, total assets were $105.7 billion, total liabilities were $59.6 billion "
        "and total equity was $46.1 billion."
    ),
}
ITEMS = {
    "zh": (
        "2月末，制造业资产合计80万亿元，采矿业资产合计10万亿元，电力业资产合计15.7万亿元，"
        "三者资产合计110.7万亿元。"
    ),
    "ko": (
        "3월 말 제조업 자산총계는 1250조원, 서비스업 자산총계는 810조원, 건설업 자산총계는 "
        "420조원으로 세 업종 합계 2380조원이었다."
    ),
    "zh-plain": (
        "2月末，甲类企业资产12.5万亿元，乙类企业资产8.1万亿元，丙类企业资产4.2万亿元，"
        "合计23.8万亿元。"
    ),
    "ko-plain": (
        "3월 말 상장사의 자산은 제조업 1250조원, 서비스업 810조원, 건설업 420조원으로 "
        "합계 2380조원이었다."
    ),
}


@pytest.mark.parametrize("lang", TOTALS)
def test_totals_of_several_measures_are_no_breakdown(lang: str) -> None:
    assert flagged(TOTALS[lang], "breakdown") == []


@pytest.mark.parametrize("key", ITEMS)
def test_a_total_of_the_items_listed_still_sums_them(key: str) -> None:
    (found,) = flagged(ITEMS[key], "breakdown")
    assert found.rule == "breakdown.parts"
