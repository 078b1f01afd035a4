"""False alarms of ``check`` on fresh Chinese and Korean text (issue 16, fa16g_cjk): a level
whose last group is padded with zeros (``152조3000억원``) is rounded, so a growth rate or a
change worked out from the unrounded figures is no contradiction; a stated change that the
levels cannot give still fires. Sentences written for these tests."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def flagged(text: str, rule: str = "") -> list[Finding]:
    found = check(extract(from_text(text, fmt="md")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


# 147조4381억 + 4조9012억 = 152조3393억, printed 152조3000억; 4조9012억 / 147조4381억 = 3.32%.
PADDED_KO = (
    "발행일: 2023-11-16\n\n"
    "3분기 상장사 총매출액은 152조3000억원으로 2분기 147조4381억원보다 {rate}({change}) 늘었다.\n"
)


def test_zeros_padding_the_eok_group_after_jo_are_rounding() -> None:
    assert not flagged(PADDED_KO.format(rate="3.32%", change="4조9012억원"), "derived")


def test_a_change_the_padded_level_cannot_give_still_fires() -> None:
    found = flagged(PADDED_KO.format(rate="3.32%", change="5조9012억원"), "derived")
    assert [f.rule for f in found] == ["derived.change"]


def test_a_growth_rate_the_padded_level_cannot_give_still_fires() -> None:
    found = flagged(PADDED_KO.format(rate="4.32%", change="4조9012억원"), "derived")
    assert [f.rule for f in found] == ["derived.growth"]


# 1万4738亿 + 4901亿 = 1万9639亿, printed 1万9600亿; 4901亿 / 1万4738亿 = 33.25%.
PADDED_ZH = (
    "发布时间：2023年11月16日。\n\n三季度营业收入为1万9600亿元，比二季度的1万4738亿元增长{rate}。\n"
)


def test_zeros_padding_the_yi_group_after_wan_are_rounding() -> None:
    assert not flagged(PADDED_ZH.format(rate="33.25%"), "derived")


def test_a_growth_rate_the_padded_zh_level_cannot_give_still_fires() -> None:
    assert [f.rule for f in flagged(PADDED_ZH.format(rate="38.25%"), "derived")] == [
        "derived.growth"
    ]


# --- amounts per head and medians: groups' figures are no parts of the whole's --------------

NOT_ADDITIVE = {
    "zh-median": "上半年，全国居民人均可支配收入中位数16850元，增长5.2%。"
    "其中，城镇居民人均可支配收入中位数23900元，增长4.1%；农村居民人均可支配收入中位数9120元，"
    "增长6.3%。\n",
    "zh-per-head": "上半年，全国居民人均可支配收入20150元，增长5.0%。"
    "其中，城镇居民人均可支配收入26900元，增长4.4%；农村居民人均可支配收入10980元，增长6.5%。\n",
    "ko-per-head": "2023년 전국 1인당 가처분소득은 2,150만원이었다. 이 중 도시 1인당 가처분소득은 "
    "2,480만원, 농촌 1인당 가처분소득은 1,420만원이었다.\n",
    "en-median": "The median household income was $74,580 in 2022. Of this, the median income of "
    "married-couple households was $108,000 and that of other households was $52,000.\n",
}


def test_medians_and_other_populations_amounts_per_head_are_not_summed() -> None:
    for name, text in NOT_ADDITIVE.items():
        assert not flagged(text, "breakdown"), name


ADDITIVE = {
    # the parts of one population's amount per head: 11950 + 3235 + 1780 + 4768 = 21733
    "zh": "上半年，全国居民人均可支配收入20733元，增长5.4%。其中，人均工资性收入11950元，"
    "人均经营净收入3235元，人均财产净收入1780元，人均转移净收入4768元。\n",
    # 320 + 90 + 112 = 522
    "ko": "2023년 가구당 월평균 소득은 502만원이었다. 이 중 근로소득 320만원, 사업소득 90만원, "
    "이전소득 112만원이었다.\n",
}


def test_parts_of_one_populations_amount_per_head_still_fire() -> None:
    for name, text in ADDITIVE.items():
        assert [f.rule for f in flagged(text, "breakdown")] == ["breakdown.parts"], name
