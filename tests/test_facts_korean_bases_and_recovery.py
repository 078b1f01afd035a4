"""Two bases of comparison in one sentence (``2019년(7057만여명) 대비 … 2023년(5576만여명)
대비``) are no move from one to the other, and a recovery rate (``74.2%의 회복률``) is a level
against its base, not a change: sentences written for these tests (issue 16)."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity

BAD = (Severity.ERROR, Severity.WARNING)


def alarms(text: str) -> list[str]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f"{f.rule}: {f.message}" for f in found if f.severity in BAD]


TWO_BASES = (
    "2025년 1월 10일\n\n공항공사는 지난해 국제선 여객이 6120만5000명이라고 밝혔다.\n\n"
    "지난해 국제선 여객은 2019년(6010만명) 대비 {rate}%(110만명) 증가했고 "
    "2023년(4870만명) 대비 25.7%(1250만명) 늘었다."
)


def test_two_bases_of_comparison_are_no_move_between_them() -> None:
    assert alarms(TWO_BASES.format(rate="1.8")) == []


RECOVERY = (
    "2025년 1월 10일\n\n지역별 여객은 동남아(1903만명, 28.8%), 동북아(611만명, 9.1%) 순으로 "
    "나타났다. 회복이 가장 더뎠던 중국 노선은 2019년(1288만명) 대비 71.2%의 회복률을 기록했다."
)


def test_a_recovery_rate_is_no_growth_rate() -> None:
    assert alarms(RECOVERY) == []


def test_a_growth_rate_against_its_base_is_still_checked() -> None:
    text = (
        "2025년 1월 10일\n\n지난해 국제선 여객은 6120만5000명으로 2019년(6010만5000명) 대비 "
        "{rate}% 증가했다."
    )
    assert alarms(text.format(rate="1.8")) == []
    assert alarms(text.format(rate="4.8"))


SERIES = (
    "2025년 8월 1일\n\n국민 의료비는 1970년 635억원에서 2000년 24조1000억원, 2020년 "
    "155조2000억원, 2023년 193조4000억원에 이어 지난해 203조1000억원으로 {verb}했다."
)


def test_a_series_goes_on_from_the_level_it_follows() -> None:
    assert alarms(SERIES.format(verb="증가")) == []
    assert alarms(SERIES.format(verb="감소"))


def test_a_ranking_that_follows_one_name_with_another_is_no_move() -> None:
    text = "2025년 8월 1일\n\n점유율은 삼성전자 31%에 이어 애플이 25%로 증가했다."
    assert alarms(text) == []
