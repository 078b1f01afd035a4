"""Listed shares that name only their items take the whole of their list: the whole stated
before 'of which' (이 중, 其中, of which), or the topic the sentence opens with (…을 살펴보면,
…中，); a dimension (by …, 从…看, …별로) is no whole. ko, zh, en; sentences written for
these tests."""

from __future__ import annotations

import pytest

from sectorlens.facts import extract, from_text


def subjects(text: str) -> dict[str, str | None]:
    return {m.fact.quantity.input: m.fact.subject for m in extract(from_text(text)).mentions}


@pytest.mark.parametrize(
    ("text", "share", "whole"),
    [
        (
            "수도권에 전국 창업 건수의 61.2%가 몰려 있으며, 이 중 서울이 35.1%, 경기 20.3%다.",
            "35.1%",
            "창업 건수",
        ),
        ("全国新增企业中，东部地区占58.2%，其中广东占12.4%、江苏占9.8%。", "12.4%", "新增企业"),
        ("Sales grew to $12 billion, of which Asia was 45% and Europe 30%.", "45%", "Sales"),
        ("수출 구성을 살펴보면, 메모리가 61.3%, 시스템 반도체가 30.2%다.", "61.3%", "수출 구성"),
    ],
)
def test_a_listed_share_names_the_whole_of_its_list(text: str, share: str, whole: str) -> None:
    subject = subjects(text)[share] or ""
    assert whole.lower() in subject.lower()


@pytest.mark.parametrize(
    ("text", "share", "unwanted"),
    [
        # one share after the topic: no list, nothing inferred
        ("수출 구성을 살펴보면, 메모리가 61.3%로 가장 컸다.", "61.3%", "수출 구성"),
        # 在…中 is 'in the course of', no whole
        ("在此过程中，华东地区占45.2%，华南地区占20.1%。", "45.2%", "过程"),
        # a dimension names how the whole is cut, not the whole
        ("从地区看，华东地区占45.2%，华南地区占20.1%。", "45.2%", "· 地区"),
        ("By product line, servers were 45% and storage 30% of sales.", "45%", "product line"),
        ("업종별로 살펴보면, 자동차가 22.1%, IT가 18.1%였다.", "22.1%", "업종"),
        # rates of change after the marker are changes of the items, not their shares
        ("매출은 1조 원이었고, 이 중 해외는 12% 늘었다.", "12%", "매출 ·"),
    ],
)
def test_no_whole_without_a_list_or_for_a_change(text: str, share: str, unwanted: str) -> None:
    assert unwanted not in (subjects(text)[share] or "")
