"""Issue 16: a percent followed by the share it is (``a 7.5 percent market share``) is the
level's share of a market, not the change between the two levels of the sentence; the change
stated with it is still recomputed. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged
from sectorlens.model import Severity

TEXT = {
    "en": (
        "Acme finished second with $39.91 billion and a 7.5 percent market share, a drop of "
        "{r} percent compared to the $63.82 billion of 2022."
    ),
    "zh": "甲公司以399.1亿美元和7.5%的市场份额位居第二，比2022年的638.2亿美元下降{r}%。",
    "ko": (
        "갑사는 399억1000만 달러, 점유율 7.5%로 2위였으며 2022년 638억2000만 달러보다 "
        "{r}% 감소했다."
    ),
}


@pytest.mark.parametrize("lang", TEXT)
def test_a_market_share_beside_two_levels_is_not_their_change(lang: str) -> None:
    assert flagged(TEXT[lang].format(r="37.5"), "derived") == []


@pytest.mark.parametrize("lang", TEXT)
def test_the_stated_drop_beside_the_share_is_still_recomputed(lang: str) -> None:
    (f,) = flagged(TEXT[lang].format(r="27.5"), "derived.growth")
    assert f.severity is Severity.ERROR and "27.5%" in f.message and "+7.5%" not in f.message
