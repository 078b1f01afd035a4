"""Equivalents as news converts them (issue 16): at a rate rounded to its third digit, and to a
round figure (``7600만유로(1000억원)``). Sentences written for these tests."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)
NEWS = (
    "2020년 5월 1일\n\n노키아는 올해 1분기 49억1300만유로(6조6100억원) 매출, 7600만유로(1000억원) "
    "영업손실을 기록했다. 순손실은 5억2400만유로(7100억원)였고, 현금은 37억5700만유로(5조400억원)"
    "였다."
)


def consistent(text: str) -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f for f in found if f.rule == "fx.consistent"]


def test_equivalents_rounded_as_news_rounds_them_are_one_rate() -> None:
    found = consistent(NEWS)
    assert [f.severity for f in found] == [Severity.OK]


def test_an_equivalent_a_fifth_off_the_others_is_still_found() -> None:
    found = consistent(NEWS.replace("7100억원", "9100억원"))
    assert any(f.severity in BAD for f in found)
