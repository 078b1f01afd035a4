"""Subjects and periods from the grammar around a number (issue 16, facts16i): spans of months
and days written as 首7月 or 7월 1∼10일, a fiscal quarter's end stated without its year, 연간,
a point a record is counted from, the month before, a fiscal prior year, Korean relative clauses
and subjects left out or moved from, and English comparisons and dates inside a clause."""

from __future__ import annotations

from datetime import date

import pytest

from fact_mentions import one, span
from sectorlens.facts import check, extract, from_text
from sectorlens.facts.dateline import reference_date
from sectorlens.facts.fiscal import Fiscal, fiscal_calendar
from sectorlens.model import Finding, Severity

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


# -- Korean subjects: relative clauses, moved values ---------------------------


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


def test_ko_subject_of_a_value_moved_from_another() -> None:
    text = (
        "연구소 A사(대표 김모)는 337개 기업을 조사한 결과 매출액이 지난해 1282조7736억 원에서 "
        "올해 1641조303억 원으로 27.9%(358조2567억 원) 증가했다고 밝혔다."
    )
    for value in ("1641조303억 원", "358조2567억 원"):
        subject = one(text, value).fact.subject or ""
        assert "매출액" in subject and "A사" not in subject


# -- English: comparisons after a period, a date's comma -------------------------------------


def test_en_figure_compared_after_a_period_keeps_the_subject() -> None:
    text = (
        "Gross profit increased 17% to $230.9 million in fiscal year 2022 compared to "
        "$197.3 million in fiscal year 2021."
    )
    assert one(text, "$197.3 million").fact.subject == "Gross profit"
    assert span(one(text, "$197.3 million")) == (date(2021, 1, 1), date(2021, 12, 31))


def test_en_date_comma_inside_a_subject_is_no_clause_boundary() -> None:
    text = "Sales for the fiscal year ended October 31, 2022 were $2.6 billion."
    assert "Sales" in (one(text, "$2.6 billion").fact.subject or "")
    listed = "Revenue was $5 million, 2022 sales grew."
    assert one(listed, "$5 million").fact.subject == "Revenue"


# -- Chinese: what a change is compared with ---------------------------------------------------


def test_zh_change_after_yu_xiangbi_is_of_the_level_before() -> None:
    text = (
        "2009-09-01\n\n上市公司上半年共实现净利润4810亿元，与去年同期相比虽然小幅下降14.79%，"
        "但第二季度的净利润环比增长36.10%。"
    )
    assert "净利润" in (one(text, "14.79%").fact.subject or "")
    assert "相比" not in (one(text, "14.79%").fact.subject or "")
    # the year compared with does not date the quarter named after it
    assert span(one(text, "36.10%")) == (date(2009, 4, 1), date(2009, 6, 30))
    own = "2009-09-01\n\n去年第二季度净利润增长36.10%。"
    assert span(one(own, "36.10%")) == (date(2008, 4, 1), date(2008, 6, 30))


def test_en_balance_held_in_cash() -> None:
    text = "As of June 28, Apple held $36.27 billion in cash and cash equivalents."
    assert one(text, "$36.27 billion").fact.subject == "Apple cash and cash equivalents"
    # a measure named before the amount keeps it
    assert one("Revenue was $5 billion in cash.", "$5 billion").fact.subject == "Revenue"


def test_en_participle_after_a_comma_is_no_subject() -> None:
    text = "Diluted earnings per share increased to $1.57 from $1.40, marking a 12 percent rise."
    assert one(text, "12 percent").fact.subject == "Diluted earnings per share"
    share = "Funding rose, representing 12% of sales."
    assert one(share, "12%").fact.subject == "sales"  # a share keeps the whole it is of


# -- the month before the one in context -----------------------------------------------------


def test_month_before_dates_the_value_moved_from() -> None:
    ko = (
        "2013-07-30\n\n6월 경상수지는 72억 달러였다. "
        "상품수지 흑자는 전달 72억7000만달러에서 50억2000만달러로 줄었다."
    )
    assert span(one(ko, "72억7000만달러")) == (date(2013, 5, 1), date(2013, 5, 31))
    assert span(one(ko, "50억2000만달러")) == (date(2013, 6, 1), date(2013, 6, 30))
    assert one(ko, "72억7000만달러").fact.subject == "상품수지 흑자"  # 전달 is no subject
    owned = "2013-07-30\n\n6월 유출초 규모는 전달의 115억 달러에서 49억 달러로 줄었다."
    assert span(one(owned, "115억 달러")) == (date(2013, 5, 1), date(2013, 5, 31))
    assert span(one(owned, "49억 달러")) == (date(2013, 6, 1), date(2013, 6, 30))
    en = (
        "April 20, 2019\n\nRetail sales rose 0.8% in February 2019 after a 0.3% decline "
        "the previous month."
    )
    assert span(one(en, "0.3%")) == (date(2019, 1, 1), date(2019, 1, 31))


def test_month_compared_with_dates_no_figure_of_its_own() -> None:
    ko = "2018-04-05\n\n3월 수출은 100억 달러로 전월 대비 5% 증가했다. 수입은 전달보다 3% 늘었다."
    assert span(one(ko, "5%")) == (date(2018, 3, 1), date(2018, 3, 31))
    assert span(one(ko, "3%")) == (date(2018, 3, 1), date(2018, 3, 31))
    similar = "2013-07-30\n\n6월 서비스수지는 전달과 비슷한 11억 달러 흑자를 냈다."
    assert span(one(similar, "11억 달러")) == (date(2013, 6, 1), date(2013, 6, 30))
    zh = "2018-04-05\n\n3月份出口100亿美元，比前月增长5%。"
    assert span(one(zh, "5%")) == (date(2018, 3, 1), date(2018, 3, 31))
    # without a month in context, the month before is not guessed
    undated = "상품수지 흑자는 전달 72억 달러에서 50억 달러로 줄었다."
    assert span(one(undated, "72억 달러")) is None


# -- Korean: the subject a sentence leaves out; a period with a value of its own ----------------


def test_ko_sentence_without_subject_takes_the_one_named_before() -> None:
    text = (
        "2018-03-07\n\n1월 온라인쇼핑 거래액은 8조 원이었다. 스마트폰을 활용한 모바일쇼핑 "
        "거래액이 두드러졌다. 총 5조2452억원으로 전년보다 32.4% 늘었다."
    )
    assert one(text, "5조2452억원").fact.subject == "모바일쇼핑 거래액"
    assert one(text, "32.4%").fact.subject == "모바일쇼핑 거래액"
    # a sentence with figures of its own passes nothing on this way; nor one in another paragraph
    figures = "수출은 10억 달러였다. 총 5억 달러로 늘었다."
    assert one(figures, "5억 달러").fact.subject is None
    # the nearest sentence of words lends, not an earlier one
    nearest = "모바일쇼핑 거래액이 두드러졌다. 수입은 늘었다. 총 5억 달러로 늘었다."
    assert one(nearest, "5억 달러").fact.subject == "수입"
    apart = "모바일쇼핑 거래액이 두드러졌다.\n\n총 5조 원으로 늘었다."
    assert one(apart, "5조 원").fact.subject is None
    # a time is no subject: 올해는 …
    timed = "올해는 전망이 밝다. 총 5조 원으로 늘었다."
    assert one(timed, "5조 원").fact.subject is None


def test_period_followed_by_its_own_value_is_not_the_one_before() -> None:
    text = "2018-03-07\n\n1월 비중은 23.8%로 전년(20.1%)은 물론 역대 최대였다."
    assert span(one(text, "23.8%")) == (date(2018, 1, 1), date(2018, 1, 31))
    assert span(one(text, "20.1%")) == (date(2017, 1, 1), date(2017, 12, 31))
    en = "Exports were $5 billion in 2017, up from $4 billion."
    assert span(one(en, "$5 billion")) == (date(2017, 1, 1), date(2017, 12, 31))


# -- the prior year of a fiscal calendar -------------------------------------------------------


def test_en_prior_year_in_a_fiscal_year_is_the_fiscal_year_before() -> None:
    text = (
        "December 12, 2022\n\nFiscal 2022 results.\n\n"
        "Sales for the fiscal year ended October 31, 2022 were $2.6 billion. "
        "Adjusted net income was $550 million, a 21% increase compared to the prior year adjusted "
        "net income of $454 million. EPS were $9.43, a 22% increase over the prior year "
        "earnings of $7.74 per diluted share."
    )
    for value in ("$454 million", "$7.74"):
        assert span(one(text, value)) == (date(2020, 11, 1), date(2021, 10, 31))
    assert span(one(text, "$550 million")) == (date(2021, 11, 1), date(2022, 10, 31))
    # a calendar-year company's prior year stays the calendar year
    plain = (
        "Net income was $550 million in 2022, up from the prior year net income of $454 million."
    )
    assert span(one(plain, "$454 million")) == (date(2021, 1, 1), date(2021, 12, 31))


def test_en_including_names_a_figure_of_its_own() -> None:
    text = "Revenue of $1.2 billion, GAAP EPS of $0.48, including $0.12 for restructuring."
    assert one(text, "$0.12").fact.subject == "restructuring"  # not the GAAP EPS before it


# -- a dateline written day first --------------------------------------------------------------


def test_dateline_day_first_dates_the_document_and_is_no_heading() -> None:
    text = "15/08/2025 10:00\n\n首7月投资288229亿元。\n\n民间投资下降1.5%。"
    assert span(one(text, "288229亿元")) == (date(2025, 1, 1), date(2025, 7, 31))
    # 05/08/2025 may be May or August: no date is read from it
    assert reference_date("05/08/2025 10:00\n\n投资增长1.6%。") is None
    assert reference_date("15/08/2025 10:00\n\n投资增长1.6%。") == date(2025, 8, 15)


# -- a balance stated in rounded Korean and Chinese amounts -------------------------------------


def run(text: str, rule: str) -> list[Finding]:
    """The findings of ``rule`` on ``text`` read as plain text."""
    return [f for f in check(extract(from_text(text, fmt="txt")), lang="en") if f.rule == rule]


_BOP = {
    "ko": "2013-07-30\n\n6월 수출은 453억6000만달러, 수입은 403억3000만달러였다. "
    "6월 상품수지 흑자는 {x}였다.",
    "zh": "2013-07-30\n\n6月出口453亿6000万美元，进口403亿3000万美元。6月贸易顺差{x}。",
}
_BOP_AMOUNT = {"ko": "{a}억{b}000만달러", "zh": "{a}亿{b}000万美元"}


@pytest.mark.parametrize("lang", _BOP)
def test_balance_of_amounts_rounded_to_their_last_group(lang: str) -> None:
    near = _BOP_AMOUNT[lang].format(a=50, b=2)  # 50.3 written 50.2: the rounding of the sides
    (ok,) = run(_BOP[lang].format(x=near), "derived.balance")
    assert ok.severity is Severity.OK
    off = _BOP_AMOUNT[lang].format(a=50, b=9)  # 0.6억 off: more than rounding
    (f,) = run(_BOP[lang].format(x=off), "derived.balance")
    assert f.severity is Severity.WARNING
