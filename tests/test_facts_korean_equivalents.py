"""Issue 16, session of 2026-12-07 (second): a stated equivalent whose bracket names the currency
first (``4467억 USD(한화 625조 4000억원)``, ``(원화로 약 1조3000억원)``). Texts of our own."""

from __future__ import annotations

from decimal import Decimal

from check_findings import fires
from fact_mentions import mentions
from sectorlens.parse import parse


def test_the_won_named_before_the_amount_in_brackets_is_an_equivalent() -> None:
    q = parse("4467억 USD(한화 625조 4000억원)")
    assert q.currency == "USD" and q.value == Decimal("446700000000")
    assert q.equivalent is not None and q.equivalent.currency == "KRW"
    assert q.equivalent.value == Decimal("625400000000000")
    eq = parse("10억 달러(원화로 약 1조3000억원)").equivalent
    assert eq is not None and eq.value == Decimal("1300000000000")


def test_a_bracket_naming_only_a_currency_stays_unread() -> None:
    assert parse("4467억 달러(한화)").value is None


def test_in_a_sentence_the_bracketed_won_is_the_amount_s_equivalent() -> None:
    text = "2023년 수출액은 100억 달러(한화 13조원)로 집계됐다."
    (m,) = mentions(text)
    assert m.fact.quantity.equivalent is not None


def test_equivalents_at_two_rates_in_one_text_are_flagged() -> None:
    ok = (
        "2023년 수출액은 100억 달러(한화 13조원)로 집계됐다. 2023년 수입액은 50억 달러(한화 "
        "6조5000억원)였다."
    )
    bad = ok.replace("6조5000억원", "9조5000억원")
    fires(ok, bad, "fx")


def test_every_chinese_and_korean_currency_name_the_parser_reads_is_found_in_text() -> None:
    text = (
        "2023年泰国出口额达500亿泰铢,俄罗斯进口30亿卢布。2023년 인도 투자액은 1,000억 루피, "
        "태국은 50억 바트, 영국 매출은 5억 파운드였다."
    )
    got = {m.fact.quantity.input: m.fact.quantity.currency for m in mentions(text)}
    assert got == {
        "500亿泰铢": "THB",
        "30亿卢布": "RUB",
        "1,000억 루피": "INR",
        "50억 바트": "THB",
        "5억 파운드": "GBP",
    }


def test_a_korean_name_of_several_currencies_stays_unread() -> None:
    assert parse("100억 페소").value is None
