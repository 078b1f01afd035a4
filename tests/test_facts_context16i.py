"""Subjects and periods from the grammar around a number (issue 16, facts16i): spans of months
and days written as 首7月 or 7월 1∼10일, a fiscal quarter's end stated without its year, 연간,
a point a record is counted from, and Korean relative clauses before a number."""

from __future__ import annotations

from datetime import date

from fact_mentions import one, span
from sectorlens.facts.fiscal import Fiscal, fiscal_calendar

# -- periods: spans of months and days ---------------------------------------------------------


def test_zh_first_months_written_with_shou_or_qian() -> None:
    text = "2025-08-15\n\n首7月固定资产投资28万亿元，同比增长1.6%。前5個月出口3万亿元。"
    assert span(one(text, "28万亿元")) == (date(2025, 1, 1), date(2025, 7, 31))
    assert span(one(text, "3万亿元")) == (date(2025, 1, 1), date(2025, 5, 31))
    assert one(text, "28万亿元").fact.subject == "固定资产投资"  # the span is no part of the name
    # 首次 and 首家 name no span of months
    first = "2025-08-15\n\n8月份出口首次突破3万亿元。"
    assert span(one(first, "3万亿元")) == (date(2025, 8, 1), date(2025, 8, 31))


def test_zh_point_a_record_is_counted_from_dates_nothing_after_it() -> None:
    text = (
        "2025-08-15\n\n1-7月份投资增长1.6%，为2000年9月以来的最低增长。\n\n"
        "扣除房地产开发投资，全国固定资产投资增长5.3%。"
    )
    assert span(one(text, "5.3%")) == (date(2025, 1, 1), date(2025, 7, 31))
    # a month named as the figure's own period still dates what follows
    own = "2025-08-15\n\n2000年9月投资增长1.6%。\n\n消费增长5.3%。"
    assert span(one(own, "5.3%")) == (date(2000, 9, 1), date(2000, 9, 30))


def test_ko_zh_days_of_a_month() -> None:
    ko = "2024-07-11\n\n7월 1∼10일 수출액은 177억 달러로 33.8% 증가했다."
    assert span(one(ko, "177억 달러")) == (date(2024, 7, 1), date(2024, 7, 10))
    this_month = "2024-07-11\n\n이달 1∼10일 수입액은 197억 달러였다."
    assert span(one(this_month, "197억 달러")) == (date(2024, 7, 1), date(2024, 7, 10))
    zh = "2024-07-11\n\n7月1日至10日出口额为177亿美元。"
    assert span(one(zh, "177亿美元")) == (date(2024, 7, 1), date(2024, 7, 10))


def test_days_of_this_month_not_yet_past_are_not_guessed() -> None:
    text = "2024-07-05\n\n이달 1∼10일 수입액은 197억 달러였다."
    assert span(one(text, "197억 달러")) != (date(2024, 7, 1), date(2024, 7, 10))
    undated = "이달 1∼10일 수입액은 197억 달러였다."
    assert span(one(undated, "197억 달러")) is None


def test_ko_yeongan_is_the_year_of_the_month_in_context() -> None:
    text = (
        "2011-01-12\n\n통계청이 발표한 지난해 12월 고용동향에 따르면 취업자는 2천만 명이었다. "
        "연간 실업률은 3.7%로 0.1%p 올랐다."
    )
    assert span(one(text, "3.7%")) == (date(2010, 1, 1), date(2010, 12, 31))
    # dated by the document's day alone, 연간 is not guessed to be the year before
    alone = "2024-07-11\n\n연간 수출 목표는 7000억 달러다."
    assert span(one(alone, "7000억 달러")) != (date(2023, 1, 1), date(2023, 12, 31))


# -- periods: a fiscal quarter's end stated without its year ----------------------------------


def test_en_quarter_ended_day_month_sets_the_fiscal_calendar() -> None:
    text = (
        "August 22, 2013\n\nHP's net revenue for the third quarter ended 31 July was $27 billion, "
        "down 8% from the prior-year period. For the full year fiscal 2013, HP expects growth.\n\n"
        "Third quarter diluted EPS was $0.71, up from $0.50 in the prior-year period."
    )
    assert fiscal_calendar(text, date(2013, 8, 22)) == Fiscal(10, 0)
    assert span(one(text, "$0.71")) == (date(2013, 5, 1), date(2013, 7, 31))
    assert span(one(text, "$0.50")) == (date(2012, 5, 1), date(2012, 7, 31))


def test_en_quarter_end_without_a_fiscal_year_named_or_a_date_sets_nothing() -> None:
    unnamed = "Revenue for the third quarter ended 31 July was $27 billion."
    assert fiscal_calendar(unnamed, date(2013, 8, 22)) is None
    undated = "Revenue for the third quarter ended 31 July was $27 billion in fiscal 2013."
    assert fiscal_calendar(undated, None) is None
    calendar = "Revenue for the third quarter ended September 30 rose in fiscal 2013."
    assert fiscal_calendar(calendar, date(2013, 10, 22)) is None  # the calendar year


# -- Korean subjects: relative clauses ----------------------------------------------------------


def test_ko_relative_clause_before_a_number_is_no_subject() -> None:
    text = "서비스수지는 운송수지 흑자 등으로 전달과 비슷한 11억 달러 흑자를 냈다."
    assert one(text, "11억 달러").fact.subject == "서비스수지"
    more = "연간 거래액은 앞서 발표했던 80조원보다 12조원 많은 92조원으로 집계됐다."
    assert one(more, "92조원").fact.subject == "거래액"
    alone = "5월 사상 최대인 86억 달러보다 줄었다."
    assert "최대인" not in (one(alone, "86억 달러").fact.subject or "")


def test_ko_noun_before_a_number_keeps_its_subject() -> None:
    # nouns that end as a predicate's adnominal form would (외국인, 상한) stay the subject
    assert one("외국인은 1조 원을 순매수했다.", "1조 원").fact.subject == "외국인"
    assert one("대출 금리 상한 5%를 적용했다.", "5%").fact.subject == "대출 금리 상한"
    assert one("개인 투자자 10만 명이 참여했다.", "10만 명").fact.subject == "개인 투자자"
