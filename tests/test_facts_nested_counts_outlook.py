"""Fresh-text false alarms (issue 16, lead, session 7): a count taken from a part of a counted
whole is no second part of it; a company's outlook restates none of its reported figures.

Texts written for these tests in the style of results news and earnings releases.
"""

from __future__ import annotations

import pytest
from tests.check_findings import flagged
from tests.fact_mentions import one

NESTED = {
    "zh": "上半年，全市{w}家上市企业中，7家企业净利润实现同比增长，更有4家企业的净利润超过1亿元。",
    "ko": "상장사 {w}곳 가운데 7곳은 순이익이 늘었고, 이 중 4곳은 순이익이 1억 원을 넘었다.",
}
APART = {
    "zh": "全市{w}家上市企业中，7家企业净利润增长，4家企业净利润下降。",
    "ko": "상장사 {w}곳 가운데 7곳은 순이익이 늘었고, 4곳은 순이익이 줄었다.",
}


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_a_count_of_a_part_is_not_added_to_the_parts(lang: str) -> None:
    assert flagged(NESTED[lang].format(w=8), "breakdown.count") == []


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_parts_apart_over_their_whole_still_fire(lang: str) -> None:
    assert flagged(APART[lang].format(w=11), "breakdown.count") == []
    assert flagged(APART[lang].format(w=8), "breakdown.count")


OUTLOOK = (
    "The company's results for the third quarter of its fiscal 2018 are in. Net income was "
    "$838 million. Gross margin was 59.5%, up half a percentage point.\n\n"
    "For the fourth quarter of its fiscal 2018, the company {verb} revenue of $2.65 billion and "
    "gross margin of 59.7 percent, plus or minus half a percentage point."
)


def test_an_outlook_is_no_restatement_of_the_quarter_reported() -> None:
    text = OUTLOOK.format(verb="expects")
    assert one(text, "59.7 percent").estimate and not one(text, "59.5%").estimate
    assert flagged(text, "restated") == []
    # what made the pair before: read as reported, the two margins are one figure's
    assert not one(OUTLOOK.format(verb="posted"), "59.7 percent").estimate
