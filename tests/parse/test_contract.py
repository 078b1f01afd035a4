"""The parse contract of issue 16 §3 and §8 and issue 12 §4/§7: currencies, bounds, signs."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from sectorlens.model import Kind, Qualifier
from sectorlens.parse import parse, parse_count, parse_money, parse_number, parse_percent

R, EX, LE, GE = Qualifier.RANGE, Qualifier.EXACT, Qualifier.AT_MOST, Qualifier.AT_LEAST


def test_dollar_sign_is_usd_with_the_assumption_recorded() -> None:
    q = parse("$10M")
    assert (q.kind, q.value, q.currency) == (Kind.MONEY, D(10_000_000), "USD")
    assert len(q.assumptions) == 1 and "USD" in q.assumptions[0]
    assert parse_money("5 dollars").assumptions == q.assumptions
    for text, code in [("C$5", "CAD"), ("A$ 2m", "AUD"), ("HK$3", "HKD"), ("NT$100", "TWD")]:
        named = parse_money(text)
        assert (named.currency, named.assumptions) == (code, ())
    assert parse_money("US$ 5").assumptions == () and parse_money("$5m USD").assumptions == ()
    # a default among the candidates is context, not an assumption
    assert parse_money("$5m", default_currency="HKD").currency == "HKD"
    assert parse_money("$5m", default_currency="HKD").assumptions == ()
    # a default that no $ can be stays a conflict
    assert parse_money("$5m", default_currency="CNY").reason == "ambiguous currency"


def test_yen_sign_stays_ambiguous_and_dalleo_is_usd() -> None:
    assert parse_money("¥5").reason == "ambiguous currency"
    assert parse_money("¥5", default_currency="JPY").currency == "JPY"
    q = parse_money("5만 달러")
    assert (q.value, q.currency, q.assumptions) == (D(50_000), "USD", ())
    assert parse_money("5 캐나다 달러").currency == "CAD"
    assert parse_money("3억 홍콩달러").currency == "HKD"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("二十五万三千二百泰铢", "THB"),
        ("两个亿卢布", "RUB"),
        ("两到三仟澳元", "AUD"),
        ("新台币5亿元", "TWD"),
        ("新台币 177.1 亿元", "TWD"),
        ("港币两千九百六十元", "HKD"),
        ("100瑞士法郎", "CHF"),
        ("CHF 5m", "CHF"),
        ("5 MNT", "MNT"),
        ("3억 스위스 프랑", "CHF"),
        ("20 Swiss francs", "CHF"),
        ("1000越南盾", "VND"),
        ("50万印尼盾", "IDR"),
        ("30亿韩元", "KRW"),
    ],
)
def test_any_iso_currency_by_name_or_code(text: str, code: str) -> None:
    assert parse_money(text).currency == code


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high", "code", "low_open", "high_open"),
    [
        ("만원 미만", LE, None, 10_000, "KRW", False, True),
        ("50万元（含）以上", GE, 500_000, None, "CNY", False, False),
        ("50万元(含)以上", GE, 500_000, None, "CNY", False, False),
        ("50万元(不含)以上", GE, 500_000, None, "CNY", True, False),
        ("亿元及以上人民币", GE, 100_000_000, None, "CNY", False, False),
        ("千万级美元", R, 10_000_000, 100_000_000, "USD", False, True),
        ("亿级人民币", R, 100_000_000, 1_000_000_000, "CNY", False, True),
        ("1억원 초과", GE, 100_000_000, None, "KRW", True, False),
        ("less than $5m", LE, None, 5_000_000, "USD", False, True),
        ("至少九千块钱以上", GE, 9000, None, "CNY", False, False),
    ],
)
def test_bounds_and_their_openness(
    text: str,
    qualifier: Qualifier,
    low: int | None,
    high: int | None,
    code: str,
    low_open: bool,
    high_open: bool,
) -> None:
    q = parse_money(text)
    assert (q.qualifier, q.currency) == (qualifier, code), q
    assert (q.low, q.high) == (None if low is None else D(low), None if high is None else D(high))
    assert (q.low_open, q.high_open) == (low_open, high_open)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("两到三仟澳元", 2000, 3000),  # was [2, 3000]: a wrong number
        ("两~3百日元", 200, 300),  # was [2, 300]
        ("八九亿韩元", 800_000_000, 900_000_000),
        ("三五百块", 300, 500),
        ("一两百元", 100, 200),
        ("从8500到3万港元", 8500, 30_000),
        ("1万元--5万元", 10_000, 50_000),
        ("2——3万港币", 20_000, 30_000),
        ("1万(含)-5万元", 10_000, 50_000),
        ("5-10万元", 50_000, 100_000),
        ("5000-8000万元", 50_000_000, 80_000_000),
        ("八到九百亿泰铢", 80_000_000_000, 90_000_000_000),
        ("一到十万元", 10_000, 100_000),
        ("两到三十万元", 200_000, 300_000),
        ("二三十万元", 200_000, 300_000),
        ("十几万元", 100_000, 200_000),
    ],
)
def test_ranges_share_their_unit(text: str, low: int, high: int) -> None:
    q = parse_money(text)
    assert (q.qualifier, q.low, q.high) == (R, D(low), D(high)), q


@pytest.mark.parametrize(
    "text",
    [
        "3-2万元",  # sharing 万 turns it upside down, 3 to 20,000 is no range anyone writes
        "50-3万元",
        "-5--3万元",  # which dash is the sign?
        "1 ~ -5万",
        "从8500万元",  # 从 without 到
        "八七亿",  # adjacent numerals must ascend by one (or be 三五)
        "30w",  # w is 万 only in Chinese text
        "五千瓦",
        "increased $63 million to $987 million",
        "rose from $63 million to $987 million",
        "(12)",  # a bracketed integer: a note mark, a year, or a negative?
        "5亿级",
        "十块三毛五",
        "九(含)六",  # (含) marks a bound: never between two parts of a number
        "(含)5",
        "5到(含)1000",
        "八千百",  # Chinese writes 八千一百
        "百几",
        "千四十两",  # a skipped place without 零: 1042?
    ],
)
def test_uncertain_readings_are_unparsed(text: str) -> None:
    q = parse(text)
    assert q.kind is Kind.UNPARSED and q.reason, q


def test_change_is_not_a_range() -> None:
    q = parse("increased $63 million to $987 million")
    assert q.reason == "a change verb: a change and a level, not a range"
    assert q.low is None and q.high is None


def test_subunits_and_colloquial_yuan() -> None:
    assert parse_money("十块三毛").value == D("10.3")
    assert parse_money("一百三十五块六角七分钱").value == D("135.67")
    assert parse_money("六十四万零一百四十三元一角七分").value == D("640143.17")
    assert parse_money("三元零五分").value == D("3.05")
    assert parse_money("肆佰叁拾萬圆整").value == D(4_300_000)
    assert parse_money("30w上下", default_currency="CNY").value == D(300_000)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("(8.4)", Kind.NUMBER, "-8.4"),
        ("(8.4%)", Kind.PERCENT, "-8.4"),
        ("(1,234)", Kind.NUMBER, "-1234"),
        ("($1.2bn)", Kind.MONEY, "-1200000000"),
        ("5-1/4 percent", Kind.PERCENT, "5.25"),
        ("2 1/2%", Kind.PERCENT, "2.5"),
        ("3 pts", Kind.PP, "3"),
        ("1.2%p", Kind.PP, "1.2"),
        ("六个百分点", Kind.PP, "6"),
        ("25 bp", Kind.PP, "0.25"),
        ("75 basis points", Kind.PP, "0.75"),
        ("500万辆", Kind.COUNT, "5000000"),
        ("120万平方米", Kind.COUNT, "1200000"),
        ("3万台", Kind.COUNT, "30000"),
        ("50만 대", Kind.COUNT, "500000"),
        ("120만 가구", Kind.COUNT, "1200000"),
        ("63.7점", Kind.COUNT, "63.7"),
        ("3만 마리", Kind.COUNT, "30000"),
        ("1.2 million units", Kind.COUNT, "1200000"),
        ("25 million subscribers", Kind.COUNT, "25000000"),
        ("12 million shares", Kind.COUNT, "12000000"),
        ("백억 원", Kind.MONEY, "10000000000"),
        ("십억원", Kind.MONEY, "1000000000"),
        ("3조원", Kind.MONEY, "3000000000000"),
        ("-1000万人民币", Kind.MONEY, "-10000000"),
    ],
)
def test_fact_checker_readings(text: str, kind: Kind, value: str) -> None:
    q = parse(text)
    assert (q.kind, q.value) == (kind, D(value)), q


def test_accounting_brackets_only_around_the_whole_text() -> None:
    q = parse_money("861억 위안(16조원)")  # a bracketed equivalent stays an equivalent
    assert q.value == D(86_100_000_000) and q.equivalent is not None
    assert q.equivalent.value == D(16_000_000_000_000)
    assert parse_percent("(8.4%)").value == D("-8.4")


@pytest.mark.parametrize("text", ["None", "N/A", "n/a", "NaN", "-", "—", "–", "--", "———", "NA"])
def test_missing_values_are_their_own_kind(text: str) -> None:
    for reader in (parse, parse_money, parse_number, parse_count, parse_percent):
        q = reader(text)
        assert q.kind is Kind.MISSING and q.value is None and q.low is None and q.high is None
    assert parse_money("未透露").kind is Kind.UNDISCLOSED  # not disclosed is not missing


@pytest.mark.parametrize(
    "text",
    ["1e30", "1" + "0" * 30, "9" * 25, "1e99999999", "1e-99999999", "1" * 100_000, "9亿亿亿亿"],
)
def test_huge_amounts_are_unparsed_not_exceptions(text: str) -> None:
    for reader in (parse, parse_money, parse_number):
        q = reader(text) if reader is not parse_money else parse_money(text, default_currency="USD")
        assert q.kind is Kind.UNPARSED and q.reason and "internal error" not in q.reason, q


def test_just_below_the_ceiling_is_read() -> None:
    q = parse_money("9,999,999,999,999,999,999,999", default_currency="USD")
    assert q.value == D("9999999999999999999999")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1천647억 달러", 164_700_000_000),  # Korean news: the digits after 천 fill its places
        ("45조3천419억원", 45_341_900_000_000),
        ("3천500만원", 35_000_000),
        ("3千500万元", 35_000_000),
        ("73조2천47억원", 73_204_700_000_000),  # the rest without its leading zero: 2,047억
        ("220조3천30억원", 220_303_000_000_000),
    ],
)
def test_digits_filling_the_places_after_a_small_unit(text: str, value: int) -> None:
    assert parse(text).value == D(value)


@pytest.mark.parametrize("text", ["3千47万元", "1천5.5억", "2천4억"])
def test_fewer_digits_after_a_small_unit_stay_unparsed(text: str) -> None:
    q = parse(text)
    assert q.kind is Kind.UNPARSED and "ambiguous digits" in (q.reason or "")
