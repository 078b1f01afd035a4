"""The items of an 'of which' list (其中, 이 중, of this amount) go on past ';' and may follow the
sentence that states their whole; two or more items are checked against it. ko, zh, en;
sentences written for these tests."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

LISTS = {
    "zh-one-sentence": "1-7月，全国财政收入135663亿元，同比下降2.6%，其中，税收收入{x}亿元，"
    "同比下降5.5%；非税收入24598亿元，同比增长14%。",
    "zh-next-sentence": "1-7月，全国财政收入135663亿元，同比下降2.6%。其中，税收收入{x}亿元，"
    "同比下降5.5%；非税收入24598亿元，同比增长14%。",
    "ko-next-sentence": "올해 1~7월 국세 수입은 13조 5,663억 원이었다. 이 중 소득세는 {x}억 원, "
    "법인세는 2조 4,598억 원이었다.",
    "en-next-sentence": "Revenue for 2023 was $13,566 million. Of this amount, services were "
    "${x} million and products $2,459 million.",
}
SAME = {"zh": "111065", "ko": "11조 1,065", "en": "11,107"}
OFF = {"zh": "121065", "ko": "12조 1,065", "en": "12,107"}


def parts(text: str) -> list[Finding]:
    return [f for f in check(extract(from_text(text)), lang="en") if f.rule == "breakdown.parts"]


@pytest.mark.parametrize("case", LISTS)
def test_items_of_an_of_which_list_add_up_to_no_more_than_their_whole(case: str) -> None:
    lang = case[:2]
    template = LISTS[case]
    assert [f.severity for f in parts(template.format(x=SAME[lang]))] == [Severity.OK]
    assert [f.severity for f in parts(template.format(x=OFF[lang]))] == [Severity.ERROR]


@pytest.mark.parametrize(
    "text",
    [
        # changes after 其中 are no parts
        "年末总资产500亿元。其中，流动资产较上年末增加50亿元；非流动资产增加30亿元。",
        # a clause after ';' with a whole and a list of its own ends the items
        "收入100亿元，其中A业务60亿元；利润50亿元，其中B业务45亿元。",
    ],
)
def test_no_parts_from_changes_or_past_a_new_total(text: str) -> None:
    assert not [f for f in parts(text) if f.severity is Severity.ERROR]
