"""The one currency a piece of text names: a table header such as ``(단위: 십억원)``."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

from sectorlens.parse._currency_words import currency_words
from sectorlens.parse._lexicon import CUR, DOLLARS, ISO_CODES, YUAN

# A code next to a number is a label (TOP 10), not the unit of a header.
_CODE = re.compile(r"(?<![A-Za-z0-9])(?<!\d )[A-Z]{3}(?![A-Za-z0-9])(?! ?\d)")

_SHOUTED = re.compile(r"[A-Z]{2,}[ -]+[A-Z]{2,}")
_HANGUL = re.compile(r"[가-힣]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_KO_SCALES = "십백천만억조"
_ZH_SCALES = "十百千万亿萬億"


@cache
def _words() -> dict[str, tuple[str, object]]:
    return currency_words()


@cache
def _pattern() -> re.Pattern[str]:
    parts = []
    for word in sorted(currency_words(), key=len, reverse=True):
        piece = re.escape(word)
        if word[0].isascii() and word[0].isalpha():
            piece = r"(?<![a-z])" + piece
        if word[-1].isascii() and word[-1].isalpha():
            piece += r"(?![a-z])"
        if len(word) == 1 and _HANGUL.match(word):
            # 원 of 억원 or (원), not of 직원, 원가; 엔 not of 엔진
            piece = rf"(?:(?<=[{_KO_SCALES}])|(?<![가-힣])){piece}(?![가-힣])"
        elif len(word) == 1 and _HAN.match(word):
            piece = rf"(?:(?<=[{_ZH_SCALES}])|(?<![\u4e00-\u9fff])){piece}"  # 万元, not 单元
        parts.append(piece)
    return re.compile("|".join(parts))


def currency_in(text: str) -> str | None:
    """The ISO code of the one currency ``text`` names, else None (none, or several).

    Currency words and signs of the parser are matched longest first, ISO codes in capitals; a
    bare ``$`` or dollar is USD (the parse contract), 元 is CNY unless another currency is named.
    """
    words = _words()
    codes: set[str] = set()
    if not _SHOUTED.search(text):  # in capitalised text ALL, TOP or CUP are words, not codes
        codes = {code for code in _CODE.findall(text) if code in ISO_CODES}
    yuan = False
    for match in _pattern().finditer(text.lower()):
        kind, value = words[match.group()]
        if kind != CUR:
            continue
        if value == YUAN:
            yuan = True
        elif value == DOLLARS:
            codes.add("USD")
        elif isinstance(value, str):
            codes.add(value)
    if not codes and yuan:
        codes.add("CNY")
    return codes.pop() if len(codes) == 1 else None


def is_currency_word(text: str) -> bool:
    """True when ``text`` is one currency sign, word or ISO code and nothing else (``$``, ``C$``,
    ``¥``, ``RMB``, ``CHF``, ``원``): a table cell that belongs to the number beside it."""
    t = text.strip()
    if not t or len(t) > 12 or any(ch.isdigit() for ch in t):
        return False
    if t in ISO_CODES:
        return True
    got = _words().get(t.lower())
    return got is not None and got[0] == CUR


def currency_codes() -> frozenset[str]:
    """Every active ISO 4217 code the parser reads (data/currencies.csv)."""
    return ISO_CODES


def currency_names() -> tuple[str, ...]:
    """The parser's Chinese and Korean currency names of two or more characters (``泰铢``,
    ``卢布``, ``인도루피``, ``바트``), longest first."""
    names = {
        w
        for w, (kind, _) in currency_words().items()
        if kind == CUR and len(w) >= 2 and (_HAN.search(w) or _HANGUL.search(w))
    }
    return tuple(sorted(names, key=lambda w: (-len(w), w)))


def currency_signs() -> tuple[str, ...]:
    """The parser's currency signs (``US$``, ``C$``, ``NT$``, ``€``, ``₩``…), longest first."""
    signs = {
        w.upper()
        for w, (kind, _) in currency_words().items()
        if kind == CUR
        and (
            not any(ch.isalnum() for ch in w)
            or (w[-1] in "$¥" and w[:-1].replace(".", "").isalpha())
        )
    }
    text = resources.files("sectorlens").joinpath("data/currencies.csv").read_text("utf-8")
    for row in csv.DictReader(text.splitlines()):
        signs.update(w for w in row["words"].split("|") if w and not any(c.isalnum() for c in w))
    return tuple(sorted(signs, key=lambda w: (-len(w), w)))
