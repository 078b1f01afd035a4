"""A fact's context: its period (sentence, heading, reference date, comparisons) and subject."""

from __future__ import annotations

from datetime import date

import pytest

from sectorlens.facts import extract, from_text
from sectorlens.facts.context import change_of, named_periods
from sectorlens.facts.dateline import reference_date
from sectorlens.model import Period


def _p(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> tuple[date, date]:
    return date(y1, m1, d1), date(y2, m2, d2)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("’21년 매출", None, _p(2021, 1, 1, 2021, 12, 31)),
        ("21年营收", None, _p(2021, 1, 1, 2021, 12, 31)),
        ("上半年营收", 2021, _p(2021, 1, 1, 2021, 6, 30)),
        ("前三季度营收", 2019, _p(2019, 1, 1, 2019, 9, 30)),
        ("1~7월 투자", 2021, _p(2021, 1, 1, 2021, 7, 31)),
        ("revenue in Q4 2019", None, _p(2019, 10, 1, 2019, 12, 31)),
        ("revenue in FY2019", None, _p(2019, 1, 1, 2019, 12, 31)),
        ("in January–September 2018", None, _p(2018, 1, 1, 2018, 9, 30)),
        ("the first quarter of 2023", None, _p(2023, 1, 1, 2023, 3, 31)),
        ("2Q24 실적", None, _p(2024, 4, 1, 2024, 6, 30)),
        ("last year's sales", 2020, _p(2019, 1, 1, 2019, 12, 31)),
        ("전년 매출", 2020, _p(2019, 1, 1, 2019, 12, 31)),
        ("去年销量", 2020, _p(2019, 1, 1, 2019, 12, 31)),
    ],
)
def test_periods_are_read_in_context(text: str, year: int | None, expected: tuple) -> None:
    (named,) = named_periods(text, year)
    assert (named.period.start, named.period.end) == expected


def test_a_month_without_year_takes_none_without_context() -> None:
    assert named_periods("5月销量", None) == ()
    assert named_periods("10年来", 2020) == ()  # ten years, not 2010


@pytest.mark.parametrize(
    "text",
    [
        "Revenue was USD 5 million in Q1 2019 compared with Q4 2018.",
        "2021년 매출은 2020년 대비 10% 늘었다.",
        "2021年营收比2020年增长10%。",
    ],
)
def test_a_compared_period_is_marked(text: str) -> None:
    found = named_periods(text, None)
    assert [n.compared for n in found] == [False, True]


def test_the_fact_keeps_its_own_period_not_the_comparison() -> None:
    text = "2021년 매출은 120억 원으로 2020년 대비 20% 늘었다."
    ex = extract(from_text(text))
    assert {m.fact.quantity.input: m.fact.period for m in ex.mentions} == {
        "120억 원": Period(date(2021, 1, 1), date(2021, 12, 31)),
        "20%": Period(date(2021, 1, 1), date(2021, 12, 31)),
    }


def test_reference_date_and_relative_years() -> None:
    text = "发布时间：2011-06-09\n\n去年出口额为50亿美元。\n"
    assert reference_date(text) == date(2011, 6, 9)
    (m,) = extract(from_text(text)).mentions
    assert m.fact.period == Period(date(2010, 1, 1), date(2010, 12, 31))


def test_a_heading_dates_the_sentences_under_it() -> None:
    text = "# 2023년 실적\n\n매출은 120억 원이었다.\n"
    (m,) = extract(from_text(text, fmt="md")).mentions
    assert m.fact.period == Period(date(2023, 1, 1), date(2023, 12, 31))
    assert m.period_source == "heading"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("营收82.07亿元，同比 - 31.25%", ["营收"]),
        ("归母净利润 0.65 亿元，同比增长 69.24%", ["归母净利润"]),
        ("International net sales were USD 5 million, up 5%", ["International net sales"]),
    ],
)
def test_a_change_is_the_metric_of_its_level_never_a_verb(text: str, expected: list[str]) -> None:
    ex = extract(from_text(text))
    metrics = {m.metric for m in ex.mentions}
    assert metrics == set(expected)
    subjects = {m.fact.subject for m in ex.mentions}
    assert not subjects & {"同比", "同比 -", "同比增长", "up", "增长"}


def test_a_detached_sign_belongs_to_the_change() -> None:
    ex = extract(from_text("营收82.07亿元，同比 - 31.25%。"))
    change = next(m for m in ex.mentions if m.change == "yoy")
    assert str(change.fact.quantity.value) == "-31.25"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("revenue increased 36% to USD 5 billion", ["change", None]),
        ("up 64% from USD 3.3 billion", ["change", "from"]),
        ("同比增长40.39%", ["yoy"]),
        ("연평균 성장률 31.4%", ["cagr"]),
        ("매출이 30% 증가했다", ["change"]),
    ],
)
def test_change_kinds(text: str, expected: list[str | None]) -> None:
    ex = extract(from_text(text))
    floor = 0
    got = []
    for m in ex.mentions:
        got.append(change_of(text, m.local[0], m.local[1], floor))
        floor = m.local[1]
    assert got == expected
