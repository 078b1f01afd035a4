"""Issue 16, session of 2026-12-07 (fifth): Korean shares listed after the share they carry on.

``세계 조선시장 점유율 한국 37%. 일본 32.5%, EU 15.5%, 중국 12.2%.``: a figure whose subject is one
word naming a thing takes the share the sentence before named (not its owner named with 의, nor a
company in Latin letters), also under a section heading; a sentence that is nothing but names and
shares, after one that ends with a name and its share, carries that list on. Texts of our own.
"""

from __future__ import annotations

from check_findings import findings, fires
from fact_mentions import one

_LIST = "세계 조선시장 점유율 한국 37%. 일본 {japan}, EU 15.5%, 중국 12.2%."


def test_a_thing_takes_the_share_named_before() -> None:
    text = _LIST.format(japan="32.5%")
    assert one(text, "32.5%").fact.subject == "일본 세계 조선시장 점유율"
    under = "조선업 현황\n\n" + text
    assert one(under, "32.5%").fact.subject == "일본 세계 조선시장 점유율 · 조선업 현황"


def test_the_share_lent_leaves_the_owner_before_it() -> None:
    text = "2018년 중국의 점유율은 45%였다. 홍콩 30.1%, 대만 10%."
    assert one(text, "30.1%").fact.subject == "홍콩 점유율"


def test_a_change_takes_no_share() -> None:
    text = "반도체 수출 비중은 20%였다. 자동차는 12% 증가했다."
    assert "비중" not in (one(text, "12%").fact.subject or "")


def test_a_list_of_shares_only_carries_on_the_sentence_before() -> None:
    fires(_LIST.format(japan="32.5%"), _LIST.format(japan="42.5%"), "breakdown.continued")


def test_a_list_after_a_sentence_that_ends_otherwise_is_its_own() -> None:
    text = "세계 조선시장 점유율은 한국이 37%로 1위를 지켰다. 일본 42.5%, EU 15.5%, 중국 12.2%."
    assert findings(text, "breakdown.continued") == []
