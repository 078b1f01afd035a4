"""A series told over two sentences (``…2021년 97만명까지 줄었다. 이후 2022년 320만명으로
증가한 뒤…``) and the quarters of a count in 亿 against its year, in sentences written for these
tests (issue 16)."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity

BAD = (Severity.ERROR, Severity.WARNING)


def alarms(text: str, rule: str) -> list[str]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f.message for f in found if f.rule.startswith(rule) and f.severity in BAD]


KO = (
    "2025년 1월 31일\n\n방한 관광객은 2019년 1천650만명에서 2020년 232만명으로 급감한 데 이어 "
    "2021년 87만명까지 줄었다. 이후 2022년 310만명으로 {verb}한 뒤 2023년 1천73만명으로 "
    "늘어났다."
)
EN = (
    "Arrivals fell from 16.5 million visitors in 2019 to 0.87 million visitors in 2021. They "
    "then {verb} to 3.1 million visitors in 2022."
)


@pytest.mark.parametrize(("text", "right", "wrong"), [(KO, "증가", "감소"), (EN, "rose", "fell")])
def test_a_series_goes_on_in_the_next_sentence(text: str, right: str, wrong: str) -> None:
    assert alarms(text.format(verb=right), "trend") == []
    assert alarms(text.format(verb=wrong), "trend")


def test_a_next_sentence_that_does_not_go_on_is_no_series() -> None:
    text = KO.replace("이후 ", "").format(verb="감소")
    assert alarms(text, "trend") == []


TRIPS = (
    "2023年国内出游人次48.91亿，同比增长93.3%。\n\n分季度看，一季度国内出游人次12.16亿，同比增长"
    "46.5%；二季度国内出游人次11.68亿，同比增长86.9%；三季度国内出游人次{q3}亿，同比增长101.9%；"
    "四季度国内出游人次12.17亿，同比增长179.1%。"
)


def test_the_quarters_of_a_count_in_yi_add_up_to_its_year() -> None:
    assert alarms(TRIPS.format(q3="12.90"), "breakdown") == []
    assert alarms(TRIPS.format(q3="13.90"), "breakdown.periods")
