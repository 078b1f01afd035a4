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

