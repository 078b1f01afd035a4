"""currency_in: the one currency a table header or unit line names."""

from __future__ import annotations

import pytest

from sectorlens.parse import currency_in


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("(단위: 십억원)", "KRW"),
        ("(단위: 억 원, %)", "KRW"),
        ("단위: 백만달러", "USD"),
        ("单位：亿元", "CNY"),
        ("人民币 亿元", "CNY"),
        ("($ in millions)", "USD"),
        ("In millions of US$", "USD"),
        ("HK$ million", "HKD"),
        ("(USD M)", "USD"),
        ("in EUR millions", "EUR"),
        ("新台币 亿元", "TWD"),
        ("£", "GBP"),
    ],
)
def test_a_header_names_its_currency(text: str, code: str) -> None:
    assert currency_in(text) == code


@pytest.mark.parametrize(
    "text",
    ["Revenue", "TOP 10", "ALL OTHER", "USD and EUR", "¥", "美元 and 欧元", ""],
)
def test_no_currency_or_several_is_none(text: str) -> None:
    assert currency_in(text) is None
