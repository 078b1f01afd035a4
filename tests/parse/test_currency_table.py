"""data/currencies.csv: every active ISO 4217 code, with CLDR's names, read by the parser."""

from __future__ import annotations

import pytest
from currency_names import cldr_names, read

from sectorlens.model import Kind
from sectorlens.parse import parse_money
from sectorlens.parse._lexicon import ISO_CODES


def test_every_code_has_a_row_and_the_parser_reads_it() -> None:
    rows = read()
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)) == len(ISO_CODES) >= 150
    for code in codes:
        q = parse_money(f"{code} 5")
        assert (q.kind, q.currency) == (Kind.MONEY, code), code


def test_rows_hold_cldr_names() -> None:
    pytest.importorskip("babel", reason="babel (a dev dependency) gives CLDR's names")
    for row in read():
        words = {w.casefold() for w in row["words"].split("|")}
        missing = [n for n in cldr_names(row["code"]) if n.casefold() not in words]
        assert not missing, (row["code"], missing)


@pytest.mark.parametrize("code", ["THB", "RUB", "AUD", "TWD", "HKD", "CHF", "VND", "BRL"])
def test_cldr_chinese_and_korean_names_are_read(code: str) -> None:
    pytest.importorskip("babel", reason="babel (a dev dependency) gives CLDR's names")
    for name in cldr_names(code):
        if name.isascii() and " " not in name:
            continue  # single Latin words (Euro, dollar) are not read as currencies on their own
        q = parse_money(f"5 {name}")
        assert (q.kind, q.currency) == (Kind.MONEY, code), (name, q)
