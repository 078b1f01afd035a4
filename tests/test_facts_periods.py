"""A fact's period in ko, zh and en: relative years, stretches, comparisons, lists and headings.

Sentences written for these tests; each construction has a case that must read and one that
must not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sectorlens.facts import extract, from_text, read_document
from sectorlens.facts.candidates import period_spans
from sectorlens.facts.context import Dating, named_periods
from sectorlens.model import Period


def _y(y1: int, y2: int | None = None) -> tuple[date, date]:
    return date(y1, 1, 1), date(y2 or y1, 12, 31)


def _read(text: str, year: int | None, reference: date | None) -> list[tuple[date, date]]:
    found = named_periods(text, year, Dating(reference=reference))
    return [(n.period.start, n.period.end) for n in found if not n.compared]


REF = date(2024, 7, 25)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # deictic years count from the document's date, not from the context
        ("we spent USD 9 million last year", 2023, [_y(2023)]),
        ("next year demand grows", 2023, [_y(2025)]),
        ("작년 매출은 늘었다", 2020, [_y(2023)]),
        ("내년 수요는 더 늘 것이다", 2024, [_y(2025)]),
        ("去年销量", 2020, [_y(2023)]),
        ("明年产能", 2024, [_y(2025)]),
        # anaphoric years count from the context
        ("sales in the previous year", 2020, [_y(2019)]),
        ("전년도 매출", 2020, [_y(2019)]),
        ("上年产量", 2020, [_y(2019)]),
        # Korean two-digit years and forecast years near the document's date
        ("25년 DRAM 수요", 2024, [_y(2025)]),
        ("24년/25년 영업이익", 2024, [_y(2024), _y(2025)]),
        ("25F 서버 DRAM", 2024, [_y(2025)]),
        # stretches
        ("over the last 10 years", 2020, [_y(2010, 2020)]),
        ("over the 40-year period", 2010, [_y(1970, 2010)]),
        ("For the forty years, gains", 2010, [_y(1970, 2010)]),
        ("지난 5년간 투자", 2020, [_y(2015, 2020)]),
        ("过去5年投资", 2020, [_y(2015, 2020)]),
        ("前5个月出口", 2011, [(date(2011, 1, 1), date(2011, 5, 31))]),
        # the year written right before its part is that part's year, no period of its own
        ("今年前三个月出口", 2023, [(date(2024, 1, 1), date(2024, 3, 31))]),
        ("年初至6月11日下跌21%", 2025, [(date(2025, 1, 1), date(2025, 6, 11))]),
        ("the first nine months of 2023", 2020, [(date(2023, 1, 1), date(2023, 9, 30))]),
        ("For the nine months of 2023", 2020, [(date(2023, 1, 1), date(2023, 9, 30))]),
        ("the six months of 2024", 2020, [(date(2024, 1, 1), date(2024, 6, 30))]),
        ("year-to-date sales", 2024, [(date(2024, 1, 1), REF)]),
        ("年初以来累计", 2024, [(date(2024, 1, 1), REF)]),
        ("연초 이후 상승률", 2024, [(date(2024, 1, 1), REF)]),
        # quarters and halves without a year, or with the year after them
        ("今年第三季度营收", 2020, [(date(2024, 7, 1), date(2024, 9, 30))]),
        ("前7月出口", 2024, [(date(2024, 1, 1), date(2024, 7, 31))]),
        ("上月出口", 2020, [(date(2024, 6, 1), date(2024, 6, 30))]),
        ("지난달 수출", 2020, [(date(2024, 6, 1), date(2024, 6, 30))]),
        ("sales last month", 2020, [(date(2024, 6, 1), date(2024, 6, 30))]),
        ("Q1 revenue was", 2023, [(date(2023, 1, 1), date(2023, 3, 31))]),
        ("一季度营收", 2023, [(date(2023, 1, 1), date(2023, 3, 31))]),
        ("3분기 매출", 2023, [(date(2023, 7, 1), date(2023, 9, 30))]),
        ("1~3분기 누적", 2023, [(date(2023, 1, 1), date(2023, 9, 30))]),
        ("2H24 수요", 2023, [(date(2024, 7, 1), date(2024, 12, 31))]),
        ("first-quarter 2023 revenue", 2021, [(date(2023, 1, 1), date(2023, 3, 31))]),
        # a day: the year's end, a stated day
        ("as of December 31, 2022", None, [(date(2022, 12, 31), date(2022, 12, 31))]),
        ("at the end of 2022", None, [(date(2022, 12, 31), date(2022, 12, 31))]),
        ("At yearend these totaled", 2010, [(date(2010, 12, 31), date(2010, 12, 31))]),
        ("2019年末余额", None, [(date(2019, 12, 31), date(2019, 12, 31))]),
        ("연말 잔액", 2021, [(date(2021, 12, 31), date(2021, 12, 31))]),
    ],
)
def test_relative_periods_are_read(text: str, year: int, expected: list) -> None:
    assert _read(text, year, REF) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("25년 만에 최고치", 2024),  # 25 years on end, not 2025
        ("10년 국채 금리", 2024),  # a ten-year bond
        ("지난 25년 동안의 기록은", None),
        ("25f 서버", 2024),  # lower case: no forecast year
        ("it will double in 10 years", 2020),  # a future duration
        ("10年来", None),
        ("the fiscal year end", None),
        ("前三季度营收", None),  # no year in context
        ("year-to-date sales", 2020),  # the document's date is in another year
    ],
)
def test_what_is_no_period(text: str, year: int | None) -> None:
    assert _read(text, year, REF) == []


def test_two_digit_years_need_the_documents_date() -> None:
    assert _read("25년 DRAM 수요", 2024, None) == []
    assert _read("55년 DRAM 수요", 2024, REF) == []  # far from the document's date


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("’94년 반도체 수출", 1995, [_y(1994)]),
        ("’21년 매출", 2020, [_y(2021)]),
        ("’40년 목표", 2024, [_y(2040)]),  # a target decades ahead stays ahead
        ("FY99 revenue", 2000, [_y(1999)]),
        ("FY09 revenue", 2010, [_y(2009)]),
    ],
)
def test_a_short_year_is_in_the_century_of_its_context(
    text: str, year: int, expected: list
) -> None:
    assert _read(text, year, None) == expected


def test_deictic_years_without_a_document_date_count_from_the_context() -> None:
    assert _read("last year's sales", 2020, None) == [_y(2019)]


def test_a_year_read_from_the_documents_date_says_so() -> None:
    (n,) = named_periods("we spent USD 9 million last year", 2023, Dating(reference=REF))
    assert n.note is not None and "2024-07-25" in n.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2009年-2019年半导体市场", ["2009年-2019年"]),
        ("2007～2017年这10年间", ["2007～2017年"]),
        ("2009년~2019년 투자", ["2009년~2019년"]),
        ("2025Q1：营收", ["2025Q1"]),
        ("2025 Q1 revenue", ["2025 Q1"]),
        ("截至2020年12月31日，总资产", ["2020年12月31日"]),
        ("2022년 12월 31일 기준", ["2022년 12월 31일"]),
        ("收盘于2024-08-30，", ["2024-08-30"]),
        ("as of December 31, 2022", ["December 31, 2022"]),
        ("2021.5 growth", []),  # a decimal, not a date
    ],
)
def test_spans_of_years_and_quarters_after_the_year(text: str, expected: list[str]) -> None:
    assert [s.text for s in period_spans(text)] == expected


def _periods(text: str, fmt: str = "txt") -> dict[str, Period | None]:
    return {
        m.fact.quantity.input: m.fact.period for m in extract(from_text(text, fmt=fmt)).mentions
    }


def test_a_period_after_compared_to_is_the_compared_figures() -> None:
    text = (
        "Net revenue for 2022 was $23.6 billion, an increase of 44% compared to 2021 net "
        "revenue of $16.4 billion."
    )
    got = _periods(text)
    assert got["$23.6 billion"] == Period(*_y(2022))
    assert got["44%"] == Period(*_y(2022))
    assert got["$16.4 billion"] == Period(*_y(2021))


def test_last_year_in_a_letter_counts_from_its_date_and_is_noted() -> None:
    text = "February 26, 2021\n\nLast year we spent $900 million on advertising.\n"
    (m,) = extract(from_text(text)).mentions
    assert m.fact.period == Period(*_y(2020))
    assert any("last year" in a.lower() for a in m.fact.quantity.assumptions)


def test_the_first_months_of_this_year() -> None:
    text = "发布时间：2011-06-09\n\n今年前5个月出口金额为641.5亿美元，同比增长7.3%。\n"
    got = _periods(text)
    may = Period(date(2011, 1, 1), date(2011, 5, 31), True)
    assert got == {"641.5亿美元": may, "7.3%": may}


def test_a_change_since_an_earlier_day_spans_to_the_stated_day() -> None:
    text = "发布时间：2025-06-13\n\n电解钴：6月11日价格23.50万元/吨，较5月初回落5.43%。\n"
    got = _periods(text)
    assert got["23.50万元"] == Period(date(2025, 6, 11), date(2025, 6, 11))
    assert got["5.43%"] == Period(date(2025, 5, 1), date(2025, 6, 11))


def test_a_change_against_a_whole_year_keeps_its_own_period() -> None:
    got = _periods("2021年营收120亿元，比2020年增长10%。")
    assert got["10%"] == Period(*_y(2021))


def test_a_cagr_spans_the_years_of_its_endpoints() -> None:
    text = "进口量由2008年的1353.8亿块上升至2019年的4451.3亿块，年复合增长率为11.4%。"
    assert _periods(text)["11.4%"] == Period(*_y(2008, 2019))


def test_a_cagr_after_one_year_keeps_it() -> None:
    assert _periods("2019年市场规模的年复合增长率为6.2%。")["6.2%"] == Period(*_y(2019))


def test_korean_respectively_with_gak() -> None:
    text = "작성일: 2024-07-25\n\n24년/25년 영업이익 추정치를 각 23.4%, 62.5% 상향했다.\n"
    got = _periods(text)
    assert got["23.4%"] == Period(*_y(2024))
    assert got["62.5%"] == Period(*_y(2025))


LIST = (
    "发布时间：2025-06-13\n\n#### 个股表现\n\n1. 5月锂电池板块中，上涨个股64只。\n\n"
    "2. 涨幅前五：甲公司（+53.72%）、乙公司（+24.05%）。\n\n"
)


def test_a_list_item_goes_on_in_the_period_of_the_item_before() -> None:
    got = _periods(LIST, fmt="md")
    assert got["+53.72%"] == Period(date(2025, 5, 1), date(2025, 5, 31))


def test_a_paragraph_after_a_list_does_not_go_on_in_its_period() -> None:
    got = _periods(LIST + "涨幅最大的公司市值为50亿元。\n", fmt="md")
    assert got["50亿元"] == Period(date(2025, 6, 13), date(2025, 6, 13))


def test_a_heading_with_a_figure_still_dates_what_follows(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<html><body><h1>韩国IT产品5月对华出口增5.6%</h1><p>发布时间：2011-06-09 发布人：-</p>"
        "<p>据国外媒体报道，韩国知识经济部周二发布了每月报告。</p>"
        "<p>向美国出口的金额为17.4亿美元，同比增长17.4%。</p></body></html>",
        encoding="utf-8",
    )
    ex = extract(read_document(page))
    got = {m.fact.quantity.input: m.fact.period for m in ex.mentions}
    assert got["17.4亿美元"] == Period(date(2011, 5, 1), date(2011, 5, 31))


def test_the_same_period_a_year_before() -> None:
    ko = "작성일: 2024-07-25\n\n2분기 매출은 16조 원으로 전년 동기(7조 원) 대비 125% 증가했다.\n"
    got = _periods(ko)
    assert got["16조 원"] == Period(date(2024, 4, 1), date(2024, 6, 30))
    assert got["7조 원"] == Period(date(2023, 4, 1), date(2023, 6, 30))
    assert got["125%"] == Period(date(2024, 4, 1), date(2024, 6, 30))
    zh = _periods("2011年第三季度，投资额为12亿美元，比去年同期的15亿美元下降20%。")
    assert zh["15亿美元"] == Period(date(2010, 7, 1), date(2010, 9, 30))
    assert zh["20%"] == Period(date(2011, 7, 1), date(2011, 9, 30))
    en = _periods(
        "Revenue in the first quarter of 2023 was $11.7 billion, down from $18.4 billion in "
        "the same quarter last year."
    )
    assert en["$18.4 billion"] == Period(date(2022, 1, 1), date(2022, 3, 31))


def test_last_year_alone_is_the_whole_year_before() -> None:
    got = _periods("2011年第三季度，投资额为12亿美元，去年全年为50亿美元。")
    assert got["50亿美元"] == Period(*_y(2010))


def test_a_day_after_a_span_that_ended_names_the_same_span() -> None:
    text = "three months ended April 1, 2023 and April 2, 2022"
    got = [(n.period.start, n.period.end) for n in named_periods(text, None)]
    assert got == [(date(2023, 1, 2), date(2023, 4, 1)), (date(2022, 1, 3), date(2022, 4, 2))]
    alone = [(n.period.start, n.period.end) for n in named_periods("on April 2, 2022", None)]
    assert alone == [(date(2022, 4, 2), date(2022, 4, 2))]


def test_a_bare_quarter_of_a_fiscal_calendar_is_not_the_calendar_quarter() -> None:
    from sectorlens.facts.fiscal import Fiscal

    dating = Dating(fiscal=Fiscal(1, 1), reference=date(2023, 5, 31))
    assert named_periods("Q1 revenue", 2023, dating) == ()
    assert len(named_periods("Q1 revenue", 2023, Dating(reference=date(2023, 5, 31)))) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# 2020年年度报告\n\n报告期末，公司总资产为50亿元。\n", date(2020, 12, 31)),
        (
            "# First Quarter 2023\n\nAt the end of the quarter, cash was $5 billion.\n",
            date(2023, 3, 31),
        ),
        ("# 2023년 3분기 실적\n\n보고기간 말 자산은 50억 원이다.\n", date(2023, 9, 30)),
    ],
)
def test_the_end_of_the_reported_period_is_its_last_day(text: str, expected: date) -> None:
    (period,) = _periods(text, fmt="md").values()
    assert period == Period(expected, expected)


def test_the_end_of_the_period_is_not_the_documents_date() -> None:
    day = Period(date(2021, 4, 23), date(2021, 4, 23))
    assert named_periods("报告期末总资产", 2021, Dating(base=day, published=True)) == ()
    year = Period(*_y(2020))
    (n,) = named_periods("报告期末总资产", 2020, Dating(base=year))
    assert n.period == Period(date(2020, 12, 31), date(2020, 12, 31))
