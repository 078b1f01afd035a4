"""Word and character tables the tokenizer reads (all immutable)."""

from __future__ import annotations

import csv
from decimal import Decimal
from importlib import resources
from types import MappingProxyType
from typing import Final

# Token kinds (short strings keep the tokenizer fast).
NUM: Final = "num"  # Arabic digits
HD: Final = "hd"  # Hanzi digit 一..九 / 壹..玖
KD: Final = "kd"  # Hangul digit 일..구
ZERO: Final = "zero"  # 零: a skipped place
HS: Final = "hs"  # Hanzi small unit 十百千
KS: Final = "ks"  # Hangul small unit 십백천
HB: Final = "hb"  # Hanzi big unit 万亿
KB: Final = "kb"  # Hangul big unit 만억조경
SCALE: Final = "scale"  # English / Indian scale word after digits: k, million, crore
MORE: Final = "more"  # 多 / 余 / 여: "and a bit" -> a range
VAGUE: Final = "vague"  # 数 / 几 / 수 / 몇 + unit -> [U, 10U]
VRANGE: Final = "vrange"  # "tens of millions" -> a fixed range
CUR: Final = "cur"  # currency: an ISO code or a frozenset of candidates
PCT: Final = "pct"
PCTPRE: Final = "pctpre"  # 百分之
PP: Final = "pp"
BP: Final = "bp"
COUNT: Final = "count"
QUAL: Final = "qual"
NEUTRAL: Final = "neutral"  # words that do not change a value: 총, 共, total
SEP: Final = "sep"  # range separator
BETWEEN: Final = "between"
AND: Final = "and"
PLUS: Final = "plus"
MINUS: Final = "minus"
BAD: Final = "bad"  # a known word that makes the text unreadable as a quantity
INCL: Final = "incl"  # (含), 整: words that do not change the bound before them (dropped)
EXCL: Final = "excl"  # (不含): the bound before it is exclusive
FROM: Final = "from"  # 从 … 到 …: a range follows
LEVEL: Final = "level"  # 级 after a bare unit: 千万级 = [10^7, 10^8)
SUB: Final = "sub"  # 角/毛 (a tenth) and 分 (a hundredth) of a yuan after 元/块
YUAN: Final = "*CNY"  # 元/块: CNY unless another currency is named (新台币177亿元, 港币…元)

DIGIT_KINDS: Final = frozenset({NUM, HD, KD})
SMALL_KINDS: Final = frozenset({HS, KS})
BIG_KINDS: Final = frozenset({HB, KB})
AMOUNT_KINDS: Final = frozenset({NUM, HD, KD, ZERO, HS, KS, HB, KB, SCALE, MORE, VAGUE, VRANGE})
MARK_KINDS: Final = frozenset({PCT, PP, BP, COUNT})

HANZI_DIGITS: Final = MappingProxyType(
    {
        "〇": 0,
        "一": 1,
        "壹": 1,
        "弌": 1,
        "二": 2,
        "贰": 2,
        "貳": 2,
        "两": 2,
        "兩": 2,
        "三": 3,
        "叁": 3,
        "參": 3,
        "叄": 3,
        "四": 4,
        "肆": 4,
        "五": 5,
        "伍": 5,
        "六": 6,
        "陆": 6,
        "陸": 6,
        "七": 7,
        "柒": 7,
        "八": 8,
        "捌": 8,
        "九": 9,
        "玖": 9,
    }
)
HANGUL_DIGITS: Final = MappingProxyType(
    {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
)
HANZI_SMALL: Final = MappingProxyType(
    {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
)
HANGUL_SMALL: Final = MappingProxyType({"십": 10, "백": 100, "천": 1000})
HANZI_BIG: Final = MappingProxyType(
    {"万": Decimal(10**4), "萬": Decimal(10**4), "亿": Decimal(10**8), "億": Decimal(10**8)}
)
HANGUL_BIG: Final = MappingProxyType(
    {
        "만": Decimal(10**4),
        "억": Decimal(10**8),
        "조": Decimal(10**12),
        "경": Decimal(10**16),
    }
)

DOLLARS: Final = frozenset({"USD", "HKD", "TWD", "SGD", "AUD", "CAD", "NZD", "MXN"})
ASSUMED_DOLLAR: Final = "USD"  # a bare $ / dollars without context (recorded as an assumption)
YEN_YUAN: Final = frozenset({"CNY", "JPY"})


def _iso_codes() -> frozenset[str]:
    text = resources.files("sectorlens").joinpath("data/currencies.csv").read_text("utf-8")
    return frozenset(row["code"] for row in csv.DictReader(text.splitlines()))


# Active ISO 4217 codes, from data/currencies.csv (read only when written in capitals).
ISO_CODES: Final = _iso_codes()
PRE: Final = "pre"
POST: Final = "post"

# Texts that stand for no value at all (compared after normalisation, lower-cased): kind missing.
MISSING: Final = frozenset(
    {"-", "--", "n/a", "na", "n.a.", "n.a", "nan", "none", "null", "nil", "(blank)", "?"}
)
# Texts that mean "not disclosed" (compared after normalisation, lower-cased, currency removed).
UNDISCLOSED: Final = frozenset(
    {
        "未透露",
        "未披露",
        "未公开",
        "未公布",
        "不详",
        "保密",
        "金额未透露",
        "undisclosed",
        "not disclosed",
        "unknown",
        "비공개",
        "미공개",
        "공개되지 않음",
    }
)
