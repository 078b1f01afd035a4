"""Currency words for the tokenizer: names from data/currencies.csv, signs and common words."""

from __future__ import annotations

import csv
from decimal import Decimal
from importlib import resources
from typing import Final

from sectorlens.parse._lexicon import CUR, DOLLARS, ISO_CODES, SUB, YEN_YUAN, YUAN


def _is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _names() -> dict[str, tuple[str, object]]:
    """Names of every currency in data/currencies.csv: CJK names, multi-word English names.

    Single Latin words (``pound``, ``dollar``) and symbols are left to the table below, which
    knows which of them are ambiguous; ISO codes are read by the tokenizer.
    """
    text = resources.files("sectorlens").joinpath("data/currencies.csv").read_text("utf-8")
    names: dict[str, tuple[str, object]] = {}
    for row in csv.DictReader(text.splitlines()):
        for word in row["words"].split("|"):
            if word in ISO_CODES or len(word) < 2:
                continue
            if word.isascii() and " " not in word:
                continue
            names.setdefault(word.lower(), (CUR, row["code"]))
    return names


# Han currency names that may stand before the number (新台币 177.1 亿元, 港币两千九百六十元).
LEADING_NAMES: Final = frozenset(
    w for w, (_, code) in _names().items() if _is_han(w) and len(w) >= 2
)

# Keyword -> (kind, value). Matched case-insensitively, longest first; Latin keywords only at
# word boundaries. Currency values are an ISO code or a frozenset of candidate codes.

# Signs and words the table cannot hold: ambiguous ones ($, ¥, dollars), colloquial 块, 角/分.
_WORDS: dict[str, tuple[str, object]] = {
    # currencies: symbols
    "us$": (CUR, "USD"),
    "u.s.$": (CUR, "USD"),
    "hk$": (CUR, "HKD"),
    "nt$": (CUR, "TWD"),
    "s$": (CUR, "SGD"),
    "a$": (CUR, "AUD"),
    "c$": (CUR, "CAD"),
    "ca$": (CUR, "CAD"),
    "nz$": (CUR, "NZD"),
    "r$": (CUR, "BRL"),
    "rmb": (CUR, "CNY"),
    "cn¥": (CUR, "CNY"),
    "jp¥": (CUR, "JPY"),
    "$": (CUR, DOLLARS),
    "¥": (CUR, YEN_YUAN),
    "€": (CUR, "EUR"),
    "£": (CUR, "GBP"),
    "₩": (CUR, "KRW"),
    "₹": (CUR, "INR"),
    "rs": (CUR, "INR"),
    "rs.": (CUR, "INR"),
    # currencies: Chinese
    "元": (CUR, YUAN),
    "圆": (CUR, YUAN),
    "圓": (CUR, YUAN),
    "块": (CUR, YUAN),
    "块钱": (CUR, YUAN),
    "塊": (CUR, YUAN),
    "塊錢": (CUR, YUAN),
    "角": (SUB, Decimal("0.1")),
    "毛": (SUB, Decimal("0.1")),
    "分": (SUB, Decimal("0.01")),
    "分钱": (SUB, Decimal("0.01")),
    "分錢": (SUB, Decimal("0.01")),
    "人民币": (CUR, "CNY"),
    "人民幣": (CUR, "CNY"),
    "美元": (CUR, "USD"),
    "美金": (CUR, "USD"),
    "港元": (CUR, "HKD"),
    "港币": (CUR, "HKD"),
    "港幣": (CUR, "HKD"),
    "欧元": (CUR, "EUR"),
    "歐元": (CUR, "EUR"),
    "日元": (CUR, "JPY"),
    "日圆": (CUR, "JPY"),
    "日圓": (CUR, "JPY"),
    "円": (CUR, "JPY"),
    "英镑": (CUR, "GBP"),
    "英鎊": (CUR, "GBP"),
    "韩元": (CUR, "KRW"),
    "韓元": (CUR, "KRW"),
    "韩币": (CUR, "KRW"),
    "卢比": (CUR, "INR"),
    "新台币": (CUR, "TWD"),
    "新台幣": (CUR, "TWD"),
    "台币": (CUR, "TWD"),
    "澳元": (CUR, "AUD"),
    "加元": (CUR, "CAD"),
    "新加坡元": (CUR, "SGD"),
    "瑞士法郎": (CUR, "CHF"),
    "卢布": (CUR, "RUB"),
    # currencies: Korean
    "위안": (CUR, "CNY"),
    "위안화": (CUR, "CNY"),
    "원": (CUR, "KRW"),
    "원화": (CUR, "KRW"),
    "달러": (CUR, "USD"),  # in Korean, other dollars are always qualified (홍콩 달러)
    "불": (CUR, "USD"),
    "미국 달러": (CUR, "USD"),
    "미국달러": (CUR, "USD"),
    "미 달러": (CUR, "USD"),
    "미달러": (CUR, "USD"),
    "미화": (CUR, "USD"),
    "홍콩 달러": (CUR, "HKD"),
    "홍콩달러": (CUR, "HKD"),
    "대만 달러": (CUR, "TWD"),
    "싱가포르 달러": (CUR, "SGD"),
    "유로": (CUR, "EUR"),
    "유로화": (CUR, "EUR"),
    "엔": (CUR, "JPY"),
    "엔화": (CUR, "JPY"),
    "파운드": (CUR, "GBP"),
    "루피": (CUR, "INR"),
    # names that in Korean stand for one currency alone (페소, 프랑, 리얄 name several)
    "바트": (CUR, "THB"),
    "링깃": (CUR, "MYR"),
    "루블": (CUR, "RUB"),
    "루피아": (CUR, "IDR"),
    "헤알": (CUR, "BRL"),
    # currencies: English words
    "yuan": (CUR, "CNY"),
    "renminbi": (CUR, "CNY"),
    "won": (CUR, "KRW"),
    "euro": (CUR, "EUR"),
    "euros": (CUR, "EUR"),
    "yen": (CUR, "JPY"),
    "rupee": (CUR, "INR"),
    "rupees": (CUR, "INR"),
    "pounds sterling": (CUR, "GBP"),
    "sterling": (CUR, "GBP"),
    "dollar": (CUR, DOLLARS),
    "dollars": (CUR, DOLLARS),
    "us dollar": (CUR, "USD"),
    "us dollars": (CUR, "USD"),
    "u.s. dollars": (CUR, "USD"),
    "hong kong dollars": (CUR, "HKD"),
    "of dollars": (CUR, DOLLARS),
    "of us dollars": (CUR, "USD"),
}


def currency_words() -> dict[str, tuple[str, object]]:
    """Keyword -> (CUR, ISO code or frozenset of candidates); 角/毛/分 as SUB."""
    return _names() | _WORDS


__all__ = ["LEADING_NAMES", "currency_words"]
