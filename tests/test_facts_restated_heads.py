"""Issue 16: one metric under two heads the sentences name first is two figures, not one.

``직접투자 중 내국인 해외투자는 …`` and ``증권투자는 내국인 해외투자가 …``, ``出口中，机电产品…``
and ``进口中，机电产品…``: the same words measure two wholes' parts. Under one head, or where
only one sentence names a head, a disagreement still warns. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged

OPENING = {
    "ko": "금융계정은 53억달러 순자산 증가를 기록했다.\n\n",
    "zh": "一季度进出口总值9.5万亿元。\n\n",
}
TWO_HEADS = {
    "ko": (
        "직접투자 중 내국인 해외투자는 41억달러 증가하고, 외국인 국내투자는 1억달러 증가했다.\n\n"
        "증권투자는 내국인 해외투자가 35억달러 늘었으며, 외국인 국내투자는 18억달러 줄었다.\n"
    ),
    "zh": "出口中，机电产品3.2万亿元，增长5%。\n\n进口方面，机电产品2.8万亿元，增长3%。\n",
}
ONE_HEAD = {
    "ko": (
        "직접투자 중 내국인 해외투자는 41억달러 증가했다.\n\n"
        "한편 직접투자 중 내국인 해외투자는 35억달러 늘어 증가세를 이어갔다.\n"
    ),
    "zh": "出口中，机电产品3.2万亿元，增长5%。\n\n据统计，出口中，机电产品2.8万亿元，增长5%。\n",
}
NO_HEAD = {
    "ko": "내국인 해외투자는 41억달러 증가했다.\n\n증권투자는 내국인 해외투자가 35억달러 늘었다.\n",
    "zh": "机电产品出口3.2万亿元，增长5%。\n\n出口中，机电产品出口2.8万亿元，增长5%。\n",
}


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_one_metric_under_two_heads_is_two_figures(lang: str) -> None:
    assert flagged(OPENING[lang] + TWO_HEADS[lang], "restated") == []


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_one_metric_under_one_head_still_warns(lang: str) -> None:
    (found,) = flagged(OPENING[lang] + ONE_HEAD[lang], "restated")
    assert found.rule == "restated"


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_a_head_in_one_sentence_only_still_warns(lang: str) -> None:
    (found,) = flagged(OPENING[lang] + NO_HEAD[lang], "restated")
    assert found.rule == "restated"
