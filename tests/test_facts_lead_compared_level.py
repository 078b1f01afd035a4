"""A news story's lead dates the paragraphs after it with the period it states, not with the
level a change is measured against (``4.8 percent above June 2009``); ko and zh leads, whose
comparisons are marked by 대비/比, still date their paragraphs (sentences written for these
tests)."""

from __future__ import annotations

from sectorlens.facts import extract, from_text
from sectorlens.model import Fact


def fact(text: str, value: str) -> Fact:
    (found,) = [f for f in extract(from_text(text, fmt="txt")).facts if f.quantity.input == value]
    return found


def test_a_level_compared_with_in_the_lead_dates_no_paragraph() -> None:
    text = (
        "Published: July 14, 2010\n\n"
        "Retail sales were $360.2 billion, 4.8 percent above June 2009.\n\n"
        "Nonstore retailers were up 12.1 percent.\n"
    )
    f = fact(text, "12.1 percent")
    assert f.period is None or f.period.start.year == 2010


def test_a_period_the_lead_states_still_dates_the_paragraph_after_it() -> None:
    text = (
        "Published: August 3, 2023\n\n"
        "In the second quarter of 2023, revenue was $5.2 billion, up 8 percent.\n\n"
        "Services revenue was $1.1 billion.\n"
    )
    f = fact(text, "$1.1 billion")
    assert f.period is not None
    assert (f.period.start.isoformat(), f.period.end.isoformat()) == ("2023-04-01", "2023-06-30")


def test_korean_and_chinese_leads_still_date_their_paragraphs() -> None:
    ko = (
        "입력 2023.08.03\n\n올해 2분기 매출은 5조2000억원으로 전년 동기 대비 8% 늘었다.\n\n"
        "서비스 매출은 1조1000억원이었다.\n"
    )
    zh = (
        "发布时间：2023-08-03\n\n今年二季度营业收入52亿元，比上年同期增长8%。\n\n服务收入11亿元。\n"
    )
    for text, value in ((ko, "1조1000억원"), (zh, "11亿元")):
        f = fact(text, value)
        assert f.period is not None
        assert (f.period.start.isoformat(), f.period.end.isoformat()) == (
            "2023-04-01",
            "2023-06-30",
        )
