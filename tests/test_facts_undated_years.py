"""Issue 16, session of 2026-12-07 (fourth): in a document that states no date, 작년/去年/last
year count from the year after the latest year their own sentence names for its figures (a year
compared with is one before them; a record year or a target names none); a period right before
the value it is compared with (``전년 15조6000억 원보다``) dates that value only; ``전년과
비교하면`` is a comparison. Texts of our own."""

from __future__ import annotations

from datetime import date

from fact_mentions import one, span
from sectorlens.facts.dateline import year_after_named


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def test_last_year_is_the_year_a_report_named_in_its_sentence_is_about() -> None:
    text = (
        "금융감독원이 발표한 '2019년 국내은행 영업실적'에 따르면 지난해 국내 은행의 "
        "당기순이익은 14조4000억 원으로 전년 15조6000억 원보다 1조2000억 원 감소했다.\n"
        "이자이익은 40조7000억 원으로 전년보다 2000억 원 증가했다."
    )
    assert span(one(text, "14조4000억 원")) == _year(2019)
    assert span(one(text, "15조6000억 원")) == _year(2018)  # the value compared with
    assert span(one(text, "40조7000억 원")) == _year(2019)  # not the year compared with
    assert "the document states no date" in one(text, "14조4000억 원").fact.quantity.assumptions[0]


def test_a_year_compared_with_is_before_last_year() -> None:
    text = (
        "작년 화장품 수출액은 중국이 28억 달러로 가장 많았으나, 규모는 2022년 대비 23.1% "
        "감소했다. 작년 북미 수출액은 13억 달러였다."
    )
    assert span(one(text, "28억 달러")) == _year(2023)
    assert span(one(text, "13억 달러")) == _year(2023)


def test_record_years_targets_and_other_sentences_name_no_now() -> None:
    assert year_after_named("지난해 여객 수는 역대 최고치인 2019년 수준을 넘었다.") is None
    assert year_after_named("지난해 매출은 2030년까지 두 배로 늘린다는 목표다.") is None
    assert year_after_named("Sales rose last year. The last such loss was in 2022.") is None
    # the figures' own year: 去年 counts from it
    assert year_after_named("2011年第三季度，投资额为12亿美元，去年全年为50亿美元。") == 2011
    assert year_after_named("점유율은 2010년 5.4%에서 지난해 23.7%로 늘었다.") == 2012
    assert year_after_named("去年销量比2020年增长10%。") == 2022


def test_a_document_with_a_date_counts_from_its_date() -> None:
    text = "2025년 1월 10일\n지난해 항공 여객 수는 1억 2005만명으로 2019년 수준을 넘었다."
    assert span(one(text, "1억 2005만명")) == _year(2024)


def test_jeonnyeongwa_bigyohamyeon_is_the_year_compared_with() -> None:
    text = (
        "2017년 게임 수출액은 59억 달러로 집계됐다. 전년과 비교하면 중화권의 비중이 22.9% "
        "상승했다. 수입 역시 78.4% 증가해 2억 6,291만 달러를 기록했다."
    )
    assert span(one(text, "22.9%")) == _year(2017)
    assert span(one(text, "2억 6,291만 달러")) == _year(2017)


def test_a_year_compared_with_through_its_value_or_in_english_is_before_last_year() -> None:
    assert (
        year_after_named("지난해 상반기 투자액은 2020년 상반기 4256억원보다 두 배 늘었다.") == 2022
    )
    assert year_after_named("Attendance was about the same last year as it was in 2015.") == 2017
    assert year_after_named("与正常年份相比，比如2019年同期，今年前两个月比去年增长。") == 2021


def test_chinese_sentences_are_apart_without_spaces() -> None:
    # the year of the first sentence is no year of the second's 去年
    assert (
        year_after_named("2018年春节档总票房56.5亿元。今年大年初一票房打破了去年的纪录。") is None
    )


def test_a_quarter_of_a_guessed_year_carries_the_guess() -> None:
    text = (
        "작년 화장품 수출액은 2022년 대비 6.4% 늘었다. 올해도 이어져 1분기 화장품 수출액은 "
        "23억 달러로 최대를 기록했다."
    )
    q = one(text, "23억 달러").fact.quantity
    assert span(one(text, "23억 달러")) == (date(2024, 1, 1), date(2024, 3, 31))
    assert any("the document states no date" in a for a in q.assumptions)
