"""Issue 16: a Chinese sentence ended by an ASCII '.' with the next one run on to it.

Releases copied from the web end Chinese sentences with ``.`` and, the line breaks joined
without a space (Chinese needs none), the next sentence follows at once: ``增长8.3%.按经营单位
所在地分…``. The ``.`` after a Han character, a percent sign or a closer and before a Han
character ends the sentence; a decimal point never does. Otherwise the ``其中`` sentence swallows
the breakdowns that follow and their items are summed as its parts. Texts written for these
tests.
"""

from __future__ import annotations

import pytest

from check_findings import findings, flagged
from sectorlens.facts.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长8.3%.按地区分，东部增长2.1%.", ["增长8.3%.", "按地区分，东部增长2.1%."]),
        (
            "营收12亿元（同比）.其中，海外收入3.5亿元.",
            ["营收12亿元（同比）.", "其中，海外收入3.5亿元."],
        ),
        ("利润总额增长.分行业看", ["利润总额增长.", "分行业看"]),
        ("매출은 3.5%.\n반면 이익은 2.1%.", ["매출은 3.5%.", "반면 이익은 2.1%."]),
        ("增长8.3.按", ["增长8.3.按"]),  # a number, not a sentence end
        ("Co.Ltd 3.5%.Next", ["Co.Ltd 3.5%.Next"]),
    ],
)
def test_an_ascii_full_stop_between_han_characters_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


RETAIL = (
    "2024年1-2月份, 社会消费品零售总额235969亿元, 同比名义增长3.7%. "
    "其中, 限额以上单位消费品零售额90854亿元, 增长1.6%.\n"
    "按经营单位所在地分, 1-2月份, 城镇消费品零售额{a}亿元, 同比增长3.6%; "
    "乡村消费品零售额31017亿元, 增长4.5%.\n"
    "按消费类型分, 1-2月份, 餐饮收入25228亿元, 同比增长7.9%; 商品零售210741亿元, 增长3.2%.\n"
)


def test_breakdowns_after_an_of_which_sentence_are_not_its_parts() -> None:
    text = RETAIL.format(a="204952")
    assert flagged(text, "breakdown") == []
    assert len(findings(text, "breakdown.by")) == 2  # both dimensions checked


def test_a_breakdown_after_an_of_which_sentence_still_fires() -> None:
    (found,) = flagged(RETAIL.format(a="214952"), "breakdown")
    assert found.rule == "breakdown.by"
