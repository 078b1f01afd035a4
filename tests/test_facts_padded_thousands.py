"""Issue 16: an amount whose last group writes its thousands as a word is rounded like one in
digits.

``2조2천700억원`` is ``2조2700억원`` rounded to 100억, as ``3조7700억 원`` is: a rate computed from
the two (-40.0%) may be any the rounded amounts allow, not only the one their printed values
give (-39.79%). Texts written for these tests.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from check_findings import flagged
from fact_mentions import one
from sectorlens.facts.rules.pair_words import level_bounds

TEXT = {
    "ko": (
        "IM 부문은 전분기보다 50.3% 증가한 2조2천700억원의 영업이익을 냈다. "
        "그러나 지난해 같은 기간(3조7700억 원)보다는 {r}%나 줄었다."
    ),
    "zh": "该部门营业利润为2亿2千700万元，比上年同期的3亿7700万元下降{r}%。",
}


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("영업이익은 2조2천700억원이다.", "2조2천700억원", "2265000000000", "2275000000000"),
        ("利润为2亿2千700万元。", "2亿2千700万元", "226500000", "227500000"),
    ],
)
def test_a_group_with_its_thousands_in_words_is_rounded_as_written(
    text: str, value: str, low: str, high: str
) -> None:
    assert level_bounds(one(text, value).fact.quantity) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize("lang", TEXT)
def test_a_rate_the_rounded_amounts_allow_is_no_error(lang: str) -> None:
    assert flagged(TEXT[lang].format(r="40.0"), "derived") == []


@pytest.mark.parametrize("lang", TEXT)
def test_a_rate_the_rounded_amounts_do_not_allow_still_fires(lang: str) -> None:
    (found,) = flagged(TEXT[lang].format(r="42.0"), "derived")
    assert found.rule == "derived.growth"
