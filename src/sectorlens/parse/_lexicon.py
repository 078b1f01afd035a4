"""Word and character tables the tokenizer reads (all immutable)."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import Final

from sectorlens.model import Qualifier

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
YEN_YUAN: Final = frozenset({"CNY", "JPY"})

# Active ISO 4217 codes (read only when written in capitals).
ISO_CODES: Final = frozenset(
    [
        "AED",
        "AFN",
        "ALL",
        "AMD",
        "ANG",
        "AOA",
        "ARS",
        "AUD",
        "AWG",
        "AZN",
        "BAM",
        "BBD",
        "BDT",
        "BGN",
        "BHD",
        "BIF",
        "BMD",
        "BND",
        "BOB",
        "BRL",
        "BSD",
        "BTN",
        "BWP",
        "BYN",
        "BZD",
        "CAD",
        "CDF",
        "CHF",
        "CLP",
        "CNH",
        "CNY",
        "COP",
        "CRC",
        "CUP",
        "CVE",
        "CZK",
        "DJF",
        "DKK",
        "DOP",
        "DZD",
        "EGP",
        "ERN",
        "ETB",
        "EUR",
        "FJD",
        "FKP",
        "GBP",
        "GEL",
        "GHS",
        "GIP",
        "GMD",
        "GNF",
        "GTQ",
        "GYD",
        "HKD",
        "HNL",
        "HTG",
        "HUF",
        "IDR",
        "ILS",
        "INR",
        "IQD",
        "IRR",
        "ISK",
        "JMD",
        "JOD",
        "JPY",
        "KES",
        "KGS",
        "KHR",
        "KMF",
        "KPW",
        "KRW",
        "KWD",
        "KYD",
        "KZT",
        "LAK",
        "LBP",
        "LKR",
        "LRD",
        "LSL",
        "LYD",
        "MAD",
        "MDL",
        "MGA",
        "MKD",
        "MMK",
        "MNT",
        "MOP",
        "MRU",
        "MUR",
        "MVR",
        "MWK",
        "MXN",
        "MYR",
        "MZN",
        "NAD",
        "NGN",
        "NIO",
        "NOK",
        "NPR",
        "NZD",
        "OMR",
        "PAB",
        "PEN",
        "PGK",
        "PHP",
        "PKR",
        "PLN",
        "PYG",
        "QAR",
        "RON",
        "RSD",
        "RUB",
        "RWF",
        "SAR",
        "SBD",
        "SCR",
        "SDG",
        "SEK",
        "SGD",
        "SHP",
        "SLE",
        "SOS",
        "SRD",
        "SSP",
        "STN",
        "SVC",
        "SYP",
        "SZL",
        "THB",
        "TJS",
        "TMT",
        "TND",
        "TOP",
        "TRY",
        "TTD",
        "TWD",
        "TZS",
        "UAH",
        "UGX",
        "USD",
        "UYU",
        "UZS",
        "VES",
        "VND",
        "VUV",
        "WST",
        "XAF",
        "XCD",
        "XOF",
        "XPF",
        "YER",
        "ZAR",
        "ZMW",
        "ZWL",
    ]
)

_Q = Qualifier
PRE: Final = "pre"
POST: Final = "post"

# Keyword -> (kind, value). Matched case-insensitively, longest first; Latin keywords only at
# word boundaries. Currency values are an ISO code or a frozenset of candidate codes.
_KEYWORDS: dict[str, tuple[str, object]] = {
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
    "元": (CUR, "CNY"),
    "圆": (CUR, "CNY"),
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
    "달러": (CUR, DOLLARS),
    "불": (CUR, DOLLARS),
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
    "between": (BETWEEN, None),
    "and": (AND, None),
    # ambiguous: 兆 is 10^12 in older usage and 10^6 (mega) in modern mainland usage
    "兆": (BAD, "兆 is 10^6 or 10^12"),
}

COUNTERS: Final = [
    "건",
    "개",
    "개사",
    "개국",
    "개소",
    "곳",
    "명",
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

# Texts that mean "not disclosed" (compared after normalisation, lower-cased, currency removed).
UNDISCLOSED: Final = frozenset(
    {
        "-",
        "--",
        "未透露",
        "未披露",
        "未公开",
        "未公布",
        "不详",
        "保密",
        "金额未透露",
        "undisclosed",
        "not disclosed",
        "n/a",
        "na",
        "n.a.",
        "unknown",
        "nan",
        "비공개",
        "미공개",
        "공개되지 않음",
    }
)
