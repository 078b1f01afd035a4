"""The public API of sectorlens.parse on the forms the issue and DESIGN.md name."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sectorlens.model import Kind, Period, Qualifier
from sectorlens.parse import (
    ROUND_STAGES,
    as_dict,
    canonical_round,
    format_money,
    format_number,
    parse,
    parse_count,
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
    parse_period,
    split_place,
    split_places,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("861억1000만", D("86110000000")),
        ("1,839억 9200만", D("183992000000")),
        ("7685억3900만", D("768539000000")),
        ("4.78万亿", D("4780000000000")),
        ("肆佰叁拾萬", D("4300000")),
        ("五亿零六", D("500000006")),
        ("萬九", D("19000")),
        ("三千五", D("3500")),
        ("一万零五十", D("10050")),
        ("삼십이억삼천오백육십구만팔천백이십", D("3235698120")),
        ("20,00,00,000", D("200000000")),
        ("１２，３４５", D("12345")),
        ("2.6E+12", D("2600000000000")),
        ("1.2bn", D("1200000000")),
        ("3 crore", D("30000000")),
        ("768.5 billion", D("768500000000")),
        ("二〇二一", D("2021")),
        ("3万5000", D("35000")),
        ("1만 2,345.67", D("12345.67")),
    ],
)
def test_exact_numbers(text: str, value: Decimal) -> None:
    q = parse_number(text)
    assert (q.kind, q.value, q.qualifier) == (Kind.NUMBER, value, Qualifier.EXACT)


@pytest.mark.parametrize(
    "text",
    ["一亿五千", "1억5000", "3万5", "3,000,00", "1.2.3", "12abc", "亿", "3千万5", "兆"],
)
def test_ambiguous_or_broken_numbers_are_unparsed(text: str) -> None:
    q = parse_number(text)
    assert q.kind is Kind.UNPARSED
    assert q.reason
    assert q.value is None


def test_money_with_stated_equivalent() -> None:
    q = parse_money("861억1000만 위안(16조원)")
    assert (q.kind, q.currency, q.value) == (Kind.MONEY, "CNY", D("86110000000"))
    assert q.equivalent is not None
    assert (q.equivalent.currency, q.equivalent.value) == ("KRW", D("16000000000000"))


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high", "value"),
    [
        ("数千万人民币", Qualifier.RANGE, D("10000000"), D("100000000"), None),
        ("近亿元", Qualifier.AT_MOST, None, D("100000000"), None),
        ("超10亿元", Qualifier.AT_LEAST, D("1000000000"), None, None),
        ("약 1858억2000만 위안", Qualifier.APPROX, None, None, D("185820000000")),
        ("3000多万元", Qualifier.RANGE, D("30000000"), D("40000000"), None),
        ("1万-5万元", Qualifier.RANGE, D("10000"), D("50000"), None),
        ("3-5亿元", Qualifier.RANGE, D("300000000"), D("500000000"), None),
        ("1000억 원 이상", Qualifier.AT_LEAST, D("100000000000"), None, None),
        ("1000万元", Qualifier.EXACT, D("10000000"), D("10000000"), D("10000000")),
    ],
)
def test_money_bounds(
    text: str,
    qualifier: Qualifier,
    low: Decimal | None,
    high: Decimal | None,
    value: Decimal | None,
) -> None:
    q = parse_money(text)
    assert q.kind is Kind.MONEY
    assert (q.qualifier, q.low, q.high, q.value) == (qualifier, low, high, value)


def test_undisclosed_and_currency_resolution() -> None:
    assert parse_money("未透露人民币").kind is Kind.UNDISCLOSED
    assert parse_money("未透露美元").currency == "USD"
    assert parse_money("-").kind is Kind.MISSING  # was undisclosed: issue 16 §8, issue 12 §4
    # was "ambiguous currency": a bare $ is now USD with the assumption recorded (issue 16 §8)
    usd = parse_money("$5m")
    assert (usd.currency, usd.value) == ("USD", D("5000000")) and usd.assumptions
    assert parse_money("US$5m").assumptions == ()
    assert parse_money("$5m", default_currency="USD").currency == "USD"
    assert parse_money("$5m", default_currency="CNY").kind is Kind.UNPARSED
    assert parse_money("¥100", default_currency="JPY").currency == "JPY"
    assert parse_money("1750000").kind is Kind.UNPARSED
    assert parse_money("1750000", default_currency="USD").value == D("1750000")


def test_percent_pp_and_count() -> None:
    assert parse_percent("74.29%").value == D("74.29")
    assert parse_percent("百分之二十").value == D("20")
    assert parse_percent("六个百分点").kind is Kind.PP
    assert parse_percent("3%p").kind is Kind.PP
    assert parse_percent("50bp").value == D("0.5")
    assert parse_percent("1000万元").kind is Kind.UNPARSED
    for text, unit, value in [("4,796건", "건", 4796), ("965笔", "笔", 965), ("14개", "개", 14)]:
        q = parse_count(text)
        assert (q.kind, q.unit, q.value) == (Kind.COUNT, unit, D(value))
    assert parse_count("1.5").kind is Kind.UNPARSED


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("세 가지", 3, "가지"),
        ("두 곳", 2, "곳"),
        ("한 개", 1, "개"),
        ("일곱가지", 7, "가지"),
        ("열 곳", 10, "곳"),
        ("열두 개", 12, "개"),
        ("스무 명", 20, "명"),
        ("스물세 명", 23, "명"),
        ("아흔아홉 건", 99, "건"),
        ("3가지", 3, "가지"),
        ("2 번", 2, "번"),
        ("5회", 5, "회"),
    ],
)
def test_native_korean_numerals_count_before_a_counter(text: str, value: int, unit: str) -> None:
    for q in (parse_count(text), parse(text)):
        assert (q.kind, q.value, q.unit) == (Kind.COUNT, D(value), unit)


@pytest.mark.parametrize(
    "text", ["세", "세계", "한국", "스물 명", "스무세 명", "여러 가지", "가지"]
)
def test_native_numerals_are_no_number_without_their_counter(text: str) -> None:
    assert parse(text).kind is Kind.UNPARSED


@pytest.mark.parametrize(
    ("text", "start", "end", "partial"),
    [
        ("2014~2020년", date(2014, 1, 1), date(2020, 12, 31), False),
        ("2021년 1~7월", date(2021, 1, 1), date(2021, 7, 31), True),
        ("2018年", date(2018, 1, 1), date(2018, 12, 31), False),
        ("2019年上半年", date(2019, 1, 1), date(2019, 6, 30), False),
        ("2021年第三季度", date(2021, 7, 1), date(2021, 9, 30), False),
        ("2021년 3월 말", date(2021, 3, 31), date(2021, 3, 31), False),
        ("2012-Q2", date(2012, 4, 1), date(2012, 6, 30), False),
        ("2000–20", date(2000, 1, 1), date(2020, 12, 31), False),
        # from one month or day written out in full to another
        ("2012년 1월~2023년 6월", date(2012, 1, 1), date(2023, 6, 30), False),
        ("Jan 2012 to Jun 2023", date(2012, 1, 1), date(2023, 6, 30), False),
        ("5 Mar 2019 to 10 Feb 2020", date(2019, 3, 5), date(2020, 2, 10), False),
        ("2019年3月5日至2020年2月10日", date(2019, 3, 5), date(2020, 2, 10), False),
        ("2012-01-01 - 2013-02-01", date(2012, 1, 1), date(2013, 2, 1), False),
    ],
)
def test_periods(text: str, start: date, end: date, partial: bool) -> None:
    q = parse_period(text)
    assert q.kind is Kind.PERIOD
    assert q.period == Period(start, end, partial)


@pytest.mark.parametrize(
    "text", ["Jun 2023 to Jan 2012", "2023년 6월~2012년 1월", "2012~2013년 to 2014년", "Jan to"]
)
def test_spans_that_run_backwards_or_join_ranges_are_no_period(text: str) -> None:
    assert parse_period(text).kind is Kind.UNPARSED


def test_dates() -> None:
    assert parse_date("2016-05-17") == date(2016, 5, 17)
    assert parse_date("2012-06") == date(2012, 6, 1)
    assert parse_date("09/01/2020") is None  # day/month order unknown
    assert parse_date("09/01/2020", date_format="dmy") == date(2020, 1, 9)
    assert parse_date("09/01/2020", date_format="%m/%d/%Y") == date(2020, 9, 1)
    assert parse_date("13/01/2020") == date(2020, 1, 13)
    assert parse_date("05/072018") is None
    assert parse_date("2014~2020") is None


def test_parse_decides_the_kind() -> None:
    kinds = {
        "861억1000만 위안": Kind.MONEY,
        "1,839억 9200만": Kind.NUMBER,
        "74.29%": Kind.PERCENT,
        "六个百分点": Kind.PP,
        "4,796건": Kind.COUNT,
        "2021년 1~7월": Kind.PERIOD,
        "未透露": Kind.UNDISCLOSED,
        "hello": Kind.UNPARSED,
        "2018": Kind.NUMBER,
    }
    for text, kind in kinds.items():
        assert parse(text).kind is kind, text


def test_rounds() -> None:
    assert ROUND_STAGES.index("seed") < ROUND_STAGES.index("a") < ROUND_STAGES.index("ipo")
    cases = {
        "天使轮": "angel",
        "Pre-A轮": "pre_a",
        "A+轮": "a_plus",
        "战略投资": "strategic",
        "并购": "m_and_a",
        "新三板定增": "new_third_board_placement",
        "IPO上市后": "post_ipo",
        "series-a": "a",
        "series-c+": "c_or_later",
        "Private Equity Round": "private_equity",
        "Seed/ Angel Funding": "seed",
        "시리즈 B": "b",
    }
    for text, code in cases.items():
        assert canonical_round(text) == code, text
        assert code in ROUND_STAGES
    assert canonical_round("-") is None


def test_places() -> None:
    assert split_place("北京-海淀区") == ("北京", "海淀区")
    assert split_place("北美洲-美国") == ("北美洲", "美国")
    assert split_place("Bengaluru and Gurugram") == ("Bengaluru", "Gurugram")
    assert split_places("Bangalore/ Bengaluru") == (("Bangalore",), ("Bengaluru",))
    assert split_places("Total -> Asia -> China") == (("Total", "Asia", "China"),)
    assert split_place("N/A") == ()
    assert split_place("Winston-Salem") == ("Winston-Salem",)


def test_format() -> None:
    v = D("768539000000")
    assert format_number(v, "ko") == "7,685억 3,900만"
    assert format_number(v, "zh") == "7685.39亿"
    assert format_number(v, "en", digits=1) == "768.5 billion"
    assert format_money(v, "CNY", "ko") == "7,685억 3,900만 위안"
    assert format_money(D("16.4e12"), "KRW", "ko", digits=0) == "16조 원"
    assert format_money(v, "CNY", "en", digits=1) == "CNY 768.5 bn"
    assert format_money(D("142e12"), "KRW", "en", digits=0) == "KRW 142 tn"
    for lang in ("ko", "zh", "en"):
        assert parse_money(format_money(v, "CNY", lang)).value == v


def test_as_dict_keys() -> None:
    d = as_dict(parse("861억1000만 위안(16조원)"))
    assert list(d) == [
        "input",
        "kind",
        "value",
        "low",
        "high",
        "qualifier",
        "currency",
        "unit",
        "start",
        "end",
        "equivalent",
        "reason",
        "assumptions",
        "low_open",
        "high_open",
    ]
    assert d["value"] == "86110000000"
    assert d["equivalent"]["currency"] == "KRW"
