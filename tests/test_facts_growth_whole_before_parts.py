"""Issue 16, session of 2026-12-07 (fourth): a whole with its parts in brackets, then the level it
grew from (``1억 2005만명(국내선 …, 국제선 …)으로 전년(1억 50만명)보다 19.5% 증가``): the rate
is the whole's, never the last part's. The level a document's day-dated sentence compares with
(``전년``) is the year before its own year, not a day. Texts of our own."""

from __future__ import annotations

from datetime import date

from check_findings import checked, fires, flagged
from fact_mentions import one, span

_TEXT = (
    "2025년 1월 10일\n지난해 국내 공항을 이용한 항공 여객 수는 1억 2005만 8371명(국내선 "
    "3113만명, 국제선 8892만명)으로 전년(1억 50만명)보다 19.5% 증가한 것으로 집계됐다."
)


def test_the_rate_after_parts_in_brackets_is_the_wholes() -> None:
    assert flagged(_TEXT, "derived") == []
    assert flagged(_TEXT, "trend") == []
    assert checked(_TEXT, "derived.growth") != []
    fires(_TEXT, _TEXT.replace("19.5% 증가", "29.5% 증가"), "derived.growth")


def test_a_level_in_brackets_of_its_own_is_still_paired() -> None:
    text = (
        "2025년 1월 10일\n지난해 항공 여객 수(1억 2005만 8371명)는 전년(1억 50만명)보다 "
        "19.5% 증가했다."
    )
    fires(text, text.replace("19.5% 증가", "29.5% 증가"), "derived.growth")


def test_the_year_before_of_a_dated_document_is_a_year() -> None:
    assert span(one(_TEXT, "1억 50만명")) == (date(2023, 1, 1), date(2023, 12, 31))
