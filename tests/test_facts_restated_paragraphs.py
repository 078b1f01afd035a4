"""Issue 16: an undated figure stated in two paragraphs that open with other periods.

A release states a segment's quarter in one paragraph (``Second-quarter net sales …``) and its
half year in the next (``Through six months, …``); the sentences that follow date nothing
themselves, and their figures are two periods' figures, not one figure restated. Where both
paragraphs open with the same period, the figure is one and a disagreement still warns.
Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged
from sectorlens.model import Severity

TEXT = {
    "en": (
        "Retail Segment\n"
        "Second-quarter net sales for the Retail segment increased 11 percent to $3.4 billion. "
        "Segment operating profit of $837 million was up {a} percent.\n\n"
        "{p} Retail segment net sales increased 11 percent to $6.4 billion. "
        "Segment operating profit of $1.6 billion was up {b} percent.\n"
    ),
    "ko": (
        "소매 부문\n"
        "2분기 소매 부문 매출은 3조 4000억 원으로 11% 증가했다. "
        "부문 영업이익은 8370억 원으로 {a}% 늘었다.\n\n"
        "{p} 소매 부문 매출은 6조 4000억 원으로 11% 증가했다. "
        "부문 영업이익은 1조 6000억 원으로 {b}% 늘었다.\n"
    ),
    "zh": (
        "零售板块\n"
        "二季度零售板块净销售额增长11%，达到34亿美元。板块营业利润为8.37亿美元，增长{a}%。\n\n"
        "{p}零售板块净销售额增长11%，达到64亿美元。板块营业利润为16亿美元，增长{b}%。\n"
    ),
}
OTHER_PERIOD = {"en": "Through six months,", "ko": "상반기", "zh": "上半年"}
SAME_PERIOD = {"en": "In the second quarter,", "ko": "2분기", "zh": "二季度"}


@pytest.mark.parametrize("lang", TEXT)
def test_undated_figures_under_paragraphs_of_two_periods_are_two_figures(lang: str) -> None:
    text = TEXT[lang].format(a="24", b="22", p=OTHER_PERIOD[lang])
    assert flagged(text, "restated") == []


@pytest.mark.parametrize("lang", TEXT)
def test_undated_figures_under_paragraphs_of_one_period_still_warn(lang: str) -> None:
    assert flagged(TEXT[lang].format(a="24", b="24", p=SAME_PERIOD[lang]), "restated") == []
    hits = flagged(TEXT[lang].format(a="24", b="22", p=SAME_PERIOD[lang]), "restated")
    assert len(hits) == 1 and hits[0].severity is Severity.WARNING
    assert {"24", "22"} <= set(hits[0].values)
