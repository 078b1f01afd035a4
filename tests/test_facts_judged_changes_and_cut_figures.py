"""A change told by better or worse (``improved by 6.2 percentage points`` of a ratio that is
better lower), a figure written short (``수출액은 9조원`` of 9조5409억원) and a whole stated as a
bound, in sentences written for these tests (issue 16)."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def findings(text: str, rule: str, lang: str = "en") -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang=lang)
    return [f for f in found if f.rule.startswith(rule)]


def flagged(text: str, rule: str) -> list[Finding]:
    return [f for f in findings(text, rule) if f.severity in BAD]


RATIO = "The insurer's combined ratio improved by {pp} percentage points to 88.1% from 93.4%."


def test_improved_by_points_gives_the_size_of_a_move_not_its_direction() -> None:
    assert flagged(RATIO.format(pp="5.3"), "derived") == []
    assert [f.severity for f in findings(RATIO.format(pp="5.3"), "derived")] == [Severity.OK]
    assert flagged(RATIO.format(pp="3.3"), "derived")


CUT = (
    "2022년 의료기기 매출이 31조원을 넘어섰다. 이 중 국내 매출액은 24조원, 수출액은 {short}조원을 "
    "차지했다.\n\n보고서에 따르면 2022년 전체 매출액은 약 31조420억원을 기록했으며 이 중 국내 "
    "매출액은 24조3300억원, 수출액은 6조7120억원을 나타냈다."
)


def test_a_figure_written_short_agrees_with_the_figure_in_full() -> None:
    assert flagged(CUT.format(short="6"), "restated") == []
    assert flagged(CUT.format(short="5"), "restated")


def test_a_whole_stated_as_a_bound_is_shown_as_written_never_as_zero() -> None:
    messages = [f.message for f in findings(CUT.format(short="6"), "breakdown", lang="ko")]
    assert messages and not any("전체 0" in m for m in messages)
