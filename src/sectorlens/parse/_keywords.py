"""The keyword table of the tokenizer: currencies, scales, qualifiers, marks, numerals."""

from __future__ import annotations

import csv
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Final

from sectorlens.model import Qualifier
from sectorlens.parse._lexicon import (
    AND,
    BAD,
    BETWEEN,
    BP,
    COUNT,
    CUR,
    DOLLARS,
    EXCL,
    FROM,
    HANGUL_BIG,
    HANGUL_DIGITS,
    HANGUL_SMALL,
    HANZI_BIG,
    HANZI_DIGITS,
    HANZI_SMALL,
    HB,
    HD,
    HS,
    INCL,
    ISO_CODES,
    KB,
    KD,
    KS,
    LEVEL,
    MINUS,
    MORE,
    NEUTRAL,
    PCT,
    PCTPRE,
    PLUS,
    POST,
    PP,
    PRE,
    QUAL,
    SCALE,
    SEP,
    SUB,
    VAGUE,
    VRANGE,
    YEN_YUAN,
    YUAN,
    ZERO,
)
from sectorlens.parse.native import NATIVE_COUNTERS

_Q = Qualifier


def _is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _currency_names() -> dict[str, tuple[str, object]]:
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
    w for w, (_, code) in _currency_names().items() if _is_han(w) and len(w) >= 2
)

# Keyword -> (kind, value). Matched case-insensitively, longest first; Latin keywords only at
# word boundaries. Currency values are an ISO code or a frozenset of candidate codes.
_KEYWORDS: dict[str, tuple[str, object]] = _currency_names()
_KEYWORDS |= {
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
    # English and Indian scales
    "k": (SCALE, Decimal(10**3)),
    "w": (SCALE, Decimal(10**4)),  # 万 in Chinese text only (30w上下); see _reader
    "thousand": (SCALE, Decimal(10**3)),
    "m": (SCALE, Decimal(10**6)),
    "mn": (SCALE, Decimal(10**6)),
    "mln": (SCALE, Decimal(10**6)),
    "mio": (SCALE, Decimal(10**6)),
    "million": (SCALE, Decimal(10**6)),
    "b": (SCALE, Decimal(10**9)),
    "bn": (SCALE, Decimal(10**9)),
    "bln": (SCALE, Decimal(10**9)),
    "billion": (SCALE, Decimal(10**9)),
    "tn": (SCALE, Decimal(10**12)),
    "trillion": (SCALE, Decimal(10**12)),
    "lakh": (SCALE, Decimal(10**5)),
    "lakhs": (SCALE, Decimal(10**5)),
    "lac": (SCALE, Decimal(10**5)),
    "lacs": (SCALE, Decimal(10**5)),
    "crore": (SCALE, Decimal(10**7)),
    "crores": (SCALE, Decimal(10**7)),
    "cr": (SCALE, Decimal(10**7)),
    "tens of thousands": (VRANGE, (Decimal(10**4), Decimal(10**5))),
    "hundreds of thousands": (VRANGE, (Decimal(10**5), Decimal(10**6))),
    "millions": (VRANGE, (Decimal(10**6), Decimal(10**7))),
    "several million": (VRANGE, (Decimal(10**6), Decimal(10**7))),
    "tens of millions": (VRANGE, (Decimal(10**7), Decimal(10**8))),
    "hundreds of millions": (VRANGE, (Decimal(10**8), Decimal(10**9))),
    "billions": (VRANGE, (Decimal(10**9), Decimal(10**10))),
    "several billion": (VRANGE, (Decimal(10**9), Decimal(10**10))),
    # vague and "and a bit"
    "数": (VAGUE, None),
    "數": (VAGUE, None),
    "几": (VAGUE, None),
    "幾": (VAGUE, None),
    "수": (VAGUE, None),
    "몇": (VAGUE, None),
    "多": (MORE, None),
    "余": (MORE, None),
    "餘": (MORE, None),
    "여": (MORE, None),
    "零": (ZERO, None),
    # percent, percentage points, basis points
    "%": (PCT, None),
    "percent": (PCT, None),
    "per cent": (PCT, None),
    "pct": (PCT, None),
    "퍼센트": (PCT, None),
    "프로": (PCT, None),
    "百分之": (PCTPRE, None),
    "%p": (PP, None),
    "%포인트": (PP, None),
    "% 포인트": (PP, None),
    "퍼센트포인트": (PP, None),
    "퍼센트 포인트": (PP, None),
    "%pt": (PP, None),
    "%pts": (PP, None),
    "pts": (PP, None),
    "pt": (PP, None),
    "ppt": (PP, None),
    "%points": (PP, None),
    "% points": (PP, None),
    "pp": (PP, None),
    "p.p.": (PP, None),
    "ppts": (PP, None),
    "percentage point": (PP, None),
    "percentage points": (PP, None),
    "百分点": (PP, None),
    "个百分点": (PP, None),
    "個百分點": (PP, None),
    "百分點": (PP, None),
    "bp": (BP, None),
    "bps": (BP, None),
    "basis points": (BP, None),
    "basis point": (BP, None),
    # qualifiers: (qualifier, where it may stand)
    "约": (QUAL, (_Q.APPROX, PRE)),
    "約": (QUAL, (_Q.APPROX, PRE)),
    "大约": (QUAL, (_Q.APPROX, PRE)),
    "大約": (QUAL, (_Q.APPROX, PRE)),
    "约合": (QUAL, (_Q.APPROX, PRE)),
    "約合": (QUAL, (_Q.APPROX, PRE)),
    "大概": (QUAL, (_Q.APPROX, PRE)),
    "左右": (QUAL, (_Q.APPROX, POST)),
    "上下": (QUAL, (_Q.APPROX, POST)),
    "약": (QUAL, (_Q.APPROX, PRE)),
    "대략": (QUAL, (_Q.APPROX, PRE)),
    "정도": (QUAL, (_Q.APPROX, POST)),
    "가량": (QUAL, (_Q.APPROX, POST)),
    "내외": (QUAL, (_Q.APPROX, POST)),
    "안팎": (QUAL, (_Q.APPROX, POST)),
    "about": (QUAL, (_Q.APPROX, PRE)),
    "approximately": (QUAL, (_Q.APPROX, PRE)),
    "approx": (QUAL, (_Q.APPROX, PRE)),
    "approx.": (QUAL, (_Q.APPROX, PRE)),
    "around": (QUAL, (_Q.APPROX, PRE)),
    "roughly": (QUAL, (_Q.APPROX, PRE)),
    "circa": (QUAL, (_Q.APPROX, PRE)),
    "ca.": (QUAL, (_Q.APPROX, PRE)),
    "some": (QUAL, (_Q.APPROX, PRE)),
    "est.": (QUAL, (_Q.APPROX, PRE)),
    "an estimated": (QUAL, (_Q.APPROX, PRE)),
    "≈": (QUAL, (_Q.APPROX, PRE)),
    "近": (QUAL, (_Q.AT_MOST, PRE)),
    "接近": (QUAL, (_Q.AT_MOST, PRE)),
    "将近": (QUAL, (_Q.AT_MOST, PRE)),
    "將近": (QUAL, (_Q.AT_MOST, PRE)),
    "不到": (QUAL, (_Q.AT_MOST, PRE)),
    "不足": (QUAL, (_Q.AT_MOST, PRE)),
    "不超过": (QUAL, (_Q.AT_MOST, PRE)),
    "最多": (QUAL, (_Q.AT_MOST, PRE)),
    "最高": (QUAL, (_Q.AT_MOST, PRE)),
    "以下": (QUAL, (_Q.AT_MOST, POST)),
    "以内": (QUAL, (_Q.AT_MOST, POST)),
    "及以下": (QUAL, (_Q.AT_MOST, POST)),
    "或以下": (QUAL, (_Q.AT_MOST, POST)),
    "거의": (QUAL, (_Q.AT_MOST, PRE)),
    "최대": (QUAL, (_Q.AT_MOST, PRE)),
    "이하": (QUAL, (_Q.AT_MOST, POST)),
    "미만": (QUAL, (_Q.AT_MOST, POST)),
    "이내": (QUAL, (_Q.AT_MOST, POST)),
    "nearly": (QUAL, (_Q.AT_MOST, PRE)),
    "almost": (QUAL, (_Q.AT_MOST, PRE)),
    "close to": (QUAL, (_Q.AT_MOST, PRE)),
    "up to": (QUAL, (_Q.AT_MOST, PRE)),
    "under": (QUAL, (_Q.AT_MOST, PRE)),
    "below": (QUAL, (_Q.AT_MOST, PRE)),
    "less than": (QUAL, (_Q.AT_MOST, PRE)),
    "at most": (QUAL, (_Q.AT_MOST, PRE)),
    "no more than": (QUAL, (_Q.AT_MOST, PRE)),
    "<": (QUAL, (_Q.AT_MOST, PRE)),
    "≤": (QUAL, (_Q.AT_MOST, PRE)),
    "<=": (QUAL, (_Q.AT_MOST, PRE)),
    "超": (QUAL, (_Q.AT_LEAST, PRE)),
    "超过": (QUAL, (_Q.AT_LEAST, PRE)),
    "超過": (QUAL, (_Q.AT_LEAST, PRE)),
    "逾": (QUAL, (_Q.AT_LEAST, PRE)),
    "上": (QUAL, (_Q.AT_LEAST, PRE)),
    "过": (QUAL, (_Q.AT_LEAST, PRE)),
    "破": (QUAL, (_Q.AT_LEAST, PRE)),
    "至少": (QUAL, (_Q.AT_LEAST, PRE)),
    "最少": (QUAL, (_Q.AT_LEAST, PRE)),
    "不少于": (QUAL, (_Q.AT_LEAST, PRE)),
    "不低于": (QUAL, (_Q.AT_LEAST, PRE)),
    "以上": (QUAL, (_Q.AT_LEAST, POST)),
    "及以上": (QUAL, (_Q.AT_LEAST, POST)),
    "或以上": (QUAL, (_Q.AT_LEAST, POST)),
    "최소": (QUAL, (_Q.AT_LEAST, PRE)),
    "이상": (QUAL, (_Q.AT_LEAST, POST)),
    "초과": (QUAL, (_Q.AT_LEAST, POST)),
    "over": (QUAL, (_Q.AT_LEAST, PRE)),
    "more than": (QUAL, (_Q.AT_LEAST, PRE)),
    "above": (QUAL, (_Q.AT_LEAST, PRE)),
    "at least": (QUAL, (_Q.AT_LEAST, PRE)),
    "in excess of": (QUAL, (_Q.AT_LEAST, PRE)),
    "upwards of": (QUAL, (_Q.AT_LEAST, PRE)),
    "no less than": (QUAL, (_Q.AT_LEAST, PRE)),
    ">": (QUAL, (_Q.AT_LEAST, PRE)),
    "≥": (QUAL, (_Q.AT_LEAST, PRE)),
    ">=": (QUAL, (_Q.AT_LEAST, PRE)),
    "+": (PLUS, None),
    "-": (MINUS, None),
    # neutral words
    "총": (NEUTRAL, None),
    "共": (NEUTRAL, None),
    "共计": (NEUTRAL, None),
    "合计": (NEUTRAL, None),
    "总计": (NEUTRAL, None),
    "总共": (NEUTRAL, None),
    "累计": (NEUTRAL, None),
    "达": (NEUTRAL, None),
    "高达": (NEUTRAL, None),
    "total": (NEUTRAL, None),
    "a total of": (NEUTRAL, None),
    # range separators
    "~": (SEP, None),
    "至": (SEP, None),
    "到": (SEP, None),
    "to": (SEP, None),
    "부터": (BAD, None),
    "从": (FROM, None),
    "從": (FROM, None),
    "(含)": (INCL, None),
    "整": (INCL, None),  # 肆佰叁拾萬圆整: "exactly", as on cheques
    "(不含)": (EXCL, None),
    "级": (LEVEL, None),
    "級": (LEVEL, None),
    "between": (BETWEEN, None),
    "and": (AND, None),
    # ambiguous: 兆 is 10^12 in older usage and 10^6 (mega) in modern mainland usage
    "兆": (BAD, "兆 is 10^6 or 10^12"),
}
_CHANGE = "a change verb: a change and a level, not a range"
for _verb in (
    "increased",
    "rose",
    "grew",
    "climbed",
    "jumped",
    "gained",
    "added",
    "fell",
    "declined",
    "decreased",
    "dropped",
    "slipped",
    "lost",
    "shrank",
    "reduced",
    "increase",
    "decrease",
    "rise",
    "fall",
    "growth",
    "decline",
    "up",
    "down",
):
    _KEYWORDS[_verb] = (BAD, _CHANGE)


COUNTERS: Final = [
    *NATIVE_COUNTERS,  # 가지, 개, 개사, 개국, 곳, 명, 건, 번, …
    "회",
    "개소",
    "社",
    "家",
    "个",
    "個",
    "笔",
    "筆",
    "起",
    "件",
    "项",
    "項",
    "名",
    "人",
    "位",
    "款",
    "所",
    "座",
    "deals",
    "deal",
    "companies",
    "company",
    "firms",
    "startups",
    "rounds",
    "investments",
    "transactions",
    "people",
    "employees",
    # things counted or measured with large units (500万辆, 120万平方米)
    "辆",
    "輛",
    "台",
    "部",
    "套",
    "户",
    "戶",
    "次",
    "张",
    "張",
    "吨",
    "噸",
    "平方米",
    "平米",
    "亩",
    "畝",
    "대",
    "톤",
    "가구",
    "채",
]
for _c in COUNTERS:
    _KEYWORDS.setdefault(_c, (COUNT, _c))
for _ch, _v in HANZI_DIGITS.items():
    _KEYWORDS[_ch] = (HD, _v)
for _ch, _v in HANGUL_DIGITS.items():
    _KEYWORDS[_ch] = (KD, _v)
for _ch, _v in HANZI_SMALL.items():
    _KEYWORDS[_ch] = (HS, _v)
for _ch, _v in HANGUL_SMALL.items():
    _KEYWORDS[_ch] = (KS, _v)
for _ch, _dv in HANZI_BIG.items():
    _KEYWORDS[_ch] = (HB, _dv)
for _ch, _dv in HANGUL_BIG.items():
    _KEYWORDS[_ch] = (KB, _dv)

KEYWORDS: Final = MappingProxyType(_KEYWORDS)


def _by_first() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for kw in _KEYWORDS:
        table.setdefault(kw[0], []).append(kw)
    return {ch: tuple(sorted(kws, key=len, reverse=True)) for ch, kws in table.items()}


# First character -> keywords starting with it, longest first.
KEYWORDS_BY_FIRST: Final = MappingProxyType(_by_first())
