"""Issue 16, false alarms of fresh real text (fa16j): an 'of which' list ends where its clauses
stop naming one more part — at a clause whose figure is not read (``马存栏2708匹``) or that names a
total of its own (``水产品总产量``) — and a level a share passed (``50%를 넘어선``, ``突破50%``,
``topped 50%``) is no share of the breakdown. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import checked, fires, flagged

# --- the list past ';' ends at a clause it cannot read, or at a total of its own (lists past ';'
# are written in Chinese and English; Korean runs them in sentences) ----------------------------

HERDS = (
    "年末大牲畜存栏40202头。其中:黄牛存栏28510头;奶牛存栏{c}头;马存栏2708匹;生猪存栏32029头;"
    "羊存栏20409只。\n"
)


def test_parts_past_an_unread_item_are_not_summed() -> None:
    text = HERDS.format(c="8984")
    assert flagged(text, "breakdown") == [], text
    assert any("not itemized" in m for m in checked(text, "breakdown.parts")), text


def test_read_parts_over_the_whole_still_fire() -> None:
    assert flagged(HERDS.format(c="18984"), "breakdown.parts")


@pytest.mark.parametrize(
    "text",
    [
        "上半年，肉类产量138.18万吨，增长3.8%，其中猪肉产量65.58万吨，增长4.0%；水产品总产量"
        "446.67万吨，增长4.5%。\n",
        "Meat output was 138 thousand tons, of which pork output was 66 thousand tons; total "
        "fishery output was 447 thousand tons.\n",
    ],
)
def test_a_clause_naming_its_own_total_ends_the_list(text: str) -> None:
    assert flagged(text, "breakdown") == [], text


def test_parts_past_semicolons_still_fire() -> None:
    ok = "其中，税收收入111065亿元，同比下降5.5%；非税收入24598亿元，同比增长14%。\n"
    whole = "全年一般公共预算收入135663亿元。"
    fires(whole + ok, whole + ok.replace("24598", "34598"), "breakdown.parts")


# --- a level passed is no share -------------------------------------------------------------

PASSED = {
    "ko": "농가 고령인구 비율은 2023년 {s}%로 처음 50%를 넘어선 후 빠르게 늘고 있다.\n",
    "zh": "农户中老年人口比重2023年为{s}%，首次突破50%，此后继续上升。\n",
    "en": "The share of older farmers was {s}% in 2023, having topped 50% for the first time.\n",
}


@pytest.mark.parametrize("lang", list(PASSED))
def test_a_level_passed_is_no_share(lang: str) -> None:
    assert flagged(PASSED[lang].format(s="52.6"), "breakdown.sum") == []


@pytest.mark.parametrize(
    "text",
    [
        "가구 유형은 2인 가구가 57.5%, 1인 가구가 41.7%, 3인 가구가 12.1%를 차지했다.\n",
        "户型构成中，二人户占57.5%，一人户占41.7%，三人户占12.1%。\n",
        "Two-person households accounted for 57.5%, one-person households for 41.7% and "
        "three-person households for 12.1%.\n",
    ],
)
def test_shares_of_one_whole_over_100_still_fire(text: str) -> None:
    assert flagged(text, "breakdown.sum"), text
