"""The keyword table of the tokenizer: currencies, scales, qualifiers, marks, numerals."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import Final

from sectorlens.model import Qualifier
from sectorlens.parse._counters import COUNTERS
from sectorlens.parse._currency_words import currency_words
from sectorlens.parse._lexicon import (
    AND,
    BAD,
    BETWEEN,
    BP,
    COUNT,
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
    VAGUE,
    VRANGE,
    ZERO,
)

_Q = Qualifier


_KEYWORDS: dict[str, tuple[str, object]] = currency_words()
_KEYWORDS |= {
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
    "基点": (BP, None),
    "个基点": (BP, None),
    "基點": (BP, None),
    "個基點": (BP, None),
    "베이시스포인트": (BP, None),
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
    # Korean and Japanese accounts write a negative figure with a white triangle (△1,200); a
    # falling one with a down-pointing triangle. The black up-pointing ▲ means a rise in Korean
    # and a negative in Japanese, so it stays a character the reader does not know.
    "△": (MINUS, None),
    "▽": (MINUS, None),
    "▼": (MINUS, None),
    # neutral words
    "총": (NEUTRAL, None),
    "共": (NEUTRAL, None),
    "共计": (NEUTRAL, None),
    "合计": (NEUTRAL, None),
    "总计": (NEUTRAL, None),
    "总共": (NEUTRAL, None),
    "累计": (NEUTRAL, None),
    # an equivalent that says it is the amount converted (折合317.9亿美元, 折224.8亿美元)
    "折合": (NEUTRAL, None),
    "折算": (NEUTRAL, None),
    "折": (NEUTRAL, None),
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


for _c in COUNTERS:
    _KEYWORDS.setdefault(_c.lower(), (COUNT, _c))
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
