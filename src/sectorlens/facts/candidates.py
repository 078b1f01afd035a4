"""Which substrings of a sentence to hand to the parser: quantities and periods.

This module only finds spans; reading their values is ``sectorlens.parse``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sectorlens.facts import lexicon as lx
from sectorlens.parse import EQUIVALENT_NAMED, NATIVE_COUNTERS, NATIVE_NUMERAL


@dataclass(frozen=True, slots=True)
class Span:
    """A substring of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


_NUM = r"\d+(?:[,，]\d{2,3})*(?:\.\d+)?"
_ZH_NUM = r"[零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+"
# Hangul numerals only as a word of their own with two scales before 원 (삼천만 원): 구조원리 is
# not 9조 원.
_KO_NUM = (
    r"(?<![가-힣])(?=[일이삼사오육칠팔구십백천만억조]*[십백천만억조][일이삼사오육칠팔구]?"
    r"[십백천만억조])[일이삼사오육칠팔구십백천만억조]{3,}"
)
_SCALE = lx.alternation(lx.SCALE_WORDS)
_LATIN_SCALE = r"(?:trillion|billion|million|thousand|tn|trn|bn|mn|mln|[kmb])(?![A-Za-z])"
# One amount: 861억1000만 | 1,839억 9200만 | 1천282조7천736억 | 4.78万亿 | 1.2 bn | 数千万 | 3000多
_CJK_SCALED = (
    rf"{_NUM}(?:多|余|餘|여)?\s?"
    r"(?:조|천억|백억|억|천만|백만|만|천|万亿|百万|千万|百萬|千萬|亿|万|千|百|萬億|億|萬|兆)"
)
_AMOUNT = (
    # 1조1천3백14억: Korean news writes each place below 조/억/만 with its own small unit
    rf"(?:(?:{_CJK_SCALED})(?:\s?{_NUM}\s?(?:조|천억|백억|억|천만|백만|만|천|(?<=천\d)백|兆|亿|万|千|億|萬))*"
    r"(?:(?<=[만万萬])(?:\d,\d{3}|\d{2,4})(?![\d.,])"  # 3만7103, 823만1,418: the units below 만
    # 2천852, 735만4천340: the units below Hangul 천; one digit (3만7천3대, 1만2대) is taken with
    # the amount so that it is read whole or not at all, never as a count of its own
    r"|(?<=천)\d{1,3}(?![\d.,])|(?<=만)\d(?![\d.,])"
    # 13만 430tCO2eq: Korean spacing puts a space after 만 before the units below it; not a
    # date, a rank or an age that follows (5만 2019년, 3만 2위)
    r"|(?<=만)\s(?:\d,\d{3}|\d{1,4})(?![\d.,])(?!\s?(?:년|월|일|분기|개월|주|시|위|세|차|%|％|퍼센트)))?"
    rf"|{_NUM}\s?{_LATIN_SCALE}"
    rf"|{_NUM}"
    rf"|(?:数|几|幾|수|몇)\s?(?:십|백|천|만|억|十|百|千|万|萬|亿|億)+"
    rf"|{_ZH_NUM}(?=\s?(?:{lx.CURRENCY_WORDS}|%|％))"
    rf"|{_KO_NUM}(?=\s(?:원|위안|달러))"
    r")(?:\s?(?:多|余|餘|여(?=\s?[건개명곳억만원]|\s?위안)))?"
)
_RANGE_SEP = r"\s?(?:~|-|–|—|〜|至|到|to)\s?"
# ISO codes in capitals only; not a code before a year or a small bare number (AMD 2022, TOP
# 10), nor one in a run of capitals (10 ALL STAR).
_CODE = rf"(?-i:(?<![A-Za-z])(?:{lx.CURRENCY_CODES})(?![A-Za-z]))"
_CUR_WORD = rf"(?:{lx.alternation(lx.CURRENCY_WORDS)}|{_CODE}(?!\s[A-Z]{{2}}))"
_CUR_PRE = (
    rf"(?:{lx.CURRENCY_SYMBOLS}|{_CODE}"
    r"(?!\s?(?:19|20)\d{2}(?![\d,.])(?!\s?(?:bn|mn|billion|million|thousand|[BMK]\b)))"
    r"(?!\s?\d{1,2}(?![\d,.])(?!\s?(?:bn|mn|billion|million|thousand|[BMK]\b)))\s?)"
)
_PCT = lx.alternation(lx.PERCENT_WORDS)
_COUNT = rf"(?:\s?(?:{lx.COUNT_UNITS_KO})|{lx.COUNT_UNITS_ZH}|\s(?:{lx.COUNT_UNITS_EN})\b)"
# (not the end of a Korean word: 마약 0.2% is narcotics' 0.2%, not about 0.2%)
_QPRE = rf"(?:(?<![가-힣])(?:{lx.QUALIFIER_PREFIX})\s?)"
_QSUF = rf"(?:\s?(?:{lx.QUALIFIER_SUFFIX}))"
_NOT_INSIDE_WORD = r"(?<![A-Za-z0-9.])"

# 2061.4亿元人民币: the currency named again after 元
_MONEY_SUFFIX = (
    rf"{_AMOUNT}(?:{_RANGE_SEP}{_AMOUNT})?\s?{_CUR_WORD}(?![A-Za-z])"
    rf"(?:(?<=[元圆圓])\s?(?:{lx.alternation(lx.CURRENCY_WORDS)})(?=\s?[(（]))?"
)
_MONEY_PREFIX = rf"{_CUR_PRE}\s?{_AMOUNT}(?:{_RANGE_SEP}(?:{_CUR_PRE})?\s?{_AMOUNT})?"
_PERCENT = (
    rf"{_AMOUNT}(?:\s?(?:%|％)?{_RANGE_SEP}{_AMOUNT})?\s?{_PCT}(?![A-Za-z])"
    rf"|百分之{_ZH_NUM}(?:点{_ZH_NUM})?"
)
# 세 가지, 두 곳에: a native numeral as a word of its own, its counter not the start of a longer
# word (한 개발자 is a developer, not one thing).
_NATIVE_COUNTED = (
    rf"(?<![가-힣]){NATIVE_NUMERAL}\s?(?:{'|'.join(NATIVE_COUNTERS)})"
    r"(?=[의를을이가은는에와과도로만]|[^가-힣]|$)"
)
_COUNTED = rf"{_AMOUNT}(?:{_RANGE_SEP}{_AMOUNT})?{_COUNT}|{_NATIVE_COUNTED}"
# (약 16조원), (约合人民币863.52亿元), (US$ 647.1 million): a stated equivalent
_EQ_LEAD = (
    r"(?:(?:约合|約合|折合|折算|折(?=\s?\d)|相当于|相當於|≈)\s?)?(?:(?:人民币|人民幣)\s?)?"
    rf"(?:{EQUIVALENT_NAMED})?"  # (한화 625조원), (원화로 약 1조원)
)
_EQUIV = rf"(?:\s?[(（]\s?{_EQ_LEAD}(?:{_QPRE})?(?:{_MONEY_SUFFIX}|{_MONEY_PREFIX})\s?[)）])"

# The characters a quantity can start with: a sign, a digit, a currency sign or code, a qualifier,
# a Chinese or Korean numeral. The lookahead skips every other position fast
# (tests/test_facts_scan_guards.py checks that it covers every form).
_SIGNS = lx.CURRENCY_SYMBOLS.replace("\\", "").split("|")
_FIRST = "".join(sorted({w[0] for w in (*_SIGNS, *lx.QUALIFIER_PREFIX.split("|")) if w}))
_FIRST_CJK = (
    "〇一七万三两九二五亿仟伍佰億兩八六几十千叁參四壹多将幾拾捌数柒玖百約约肆萬貳贰超近逾陆陸零"
    "구네다대두마만몇백사삼서세수쉰스십아약억여열예오육이일조천칠팔한"
)
# 수입보험료도 76조4589억(일반계정 54조2597억, …): a Korean amount in 조/억 with its unit left
# out, read as the number it writes (no currency is assumed)
_KO_BARE = (
    r"(?<![\d.,])\d[\d,]*(?:\.\d+)?\s?(?:조|억)(?:\s?\d[\d,]*(?:\.\d+)?\s?(?:천억|백억|억|천만|백만|만))*"
    # then a particle, a bracket or a change verb, never a word that may be its unit (1,000억
    # 루피, 34억 7000갑: the unit or the places below left out)
    r"(?=[,.)(…]|\s?(?:[은는이가을를의에도]|으로|로)(?![가-힣])"
    r"|\s(?:감소|증가|늘|줄|하락|상승|급증|급감|기록|규모|수준|달해|달했)|$)"
)
# 国内出游人次48.91亿，同比增长: a Chinese count in 万/亿 with its unit named before it (人次,
# 总市值), read as the number it writes; only before punctuation or a change word, never before a
# word that may be its unit
_ZH_BARE = (
    r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?:万亿|萬億|亿|億|万|萬)"
    r"(?=[,，。；;、)）]|\s?(?:同比|比上年|比去年|较上年|較上年|增长|增長|下降|减少|減少|增加)|$)"
)
QUANTITY = re.compile(
    rf"(?=[\d\-−+△▽▼{re.escape(_FIRST)}{_FIRST_CJK}]|(?-i:[A-Z]))(?:"
    rf"{_NOT_INSIDE_WORD}(?:[-−+△▽▼](?=\d))?{_QPRE}?"
    rf"(?:(?P<money>(?:{_MONEY_PREFIX}|{_MONEY_SUFFIX}){_QSUF}?{_EQUIV}?)"
    rf"|(?P<percent>(?:{_PERCENT}){_QSUF}?)"
    rf"|(?P<count>(?:{_COUNTED}){_QSUF}?)"
    rf"|(?P<number>{_KO_BARE}|{_ZH_BARE})"
    r"|(?P<pence>\d{1,4}(?:\.\d{1,2})?(?-i:p)(?![\w%]))))",  # 79.4p: pence, where £ is the currency
    re.IGNORECASE,
)

# the digits of a year; every form of PERIOD names one (see ``period_spans``)
YEAR_DIGITS = r"(?:19|20)\d{2}"
# (tests/test_facts_scan_guards.py checks that no form of PERIOD matches without these digits)
_A_YEAR = re.compile(YEAR_DIGITS)
# not the digits of a Korean or Chinese amount (73조2047억원, 2조 2078억 원, 2019万, 39만2000명,
# 1만 2000명), nor a count (1901家公司, 2000명, 1500 companies: a counter word after the digits
# makes them a number)
_YEAR = (
    rf"(?<![조억만천兆亿億万萬])(?<![조억만兆亿億万萬]\s){YEAR_DIGITS}(?!\s?[조억만천兆亿億万萬千])"
    r"(?!\s?(?:家|个|個|户|戶|人|名|项|項|件|辆|輛|개|곳|명|건)"
    r"|\s(?:companies|firms|businesses|people|persons|employees|workers|respondents|households"
    r"|stores)\b)"
)
_MONTHS_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
PERIOD = re.compile(
    # every form starts with one of these characters: the lookahead skips other positions fast
    # (tests/test_facts_scan_guards.py checks that it covers every form)
    r"(?=[\dJFMASONDHQ])(?:"
    + "|".join(
        (
            # from one month or day to another: 2012년 1월~2023년 6월, 2019年3月5日至2020年2月10日
            rf"{_YEAR}\s?[년年]\s?\d{{1,2}}\s?[월月](?:\s?\d{{1,2}}\s?[일日号])?\s?[~\-–至到]\s?"
            rf"{_YEAR}\s?[년年]\s?\d{{1,2}}\s?[월月](?:\s?\d{{1,2}}\s?[일日号])?",
            # a day: 2020年12月31日, 2022년 12월 31일, 2023-04-27, 2024.08.30
            rf"{_YEAR}\s?[년年]\s?\d{{1,2}}\s?[월月]\s?\d{{1,2}}\s?[일日号]",
            rf"{_YEAR}-\d{{1,2}}-\d{{1,2}}(?![\d.])|{_YEAR}/\d{{1,2}}/\d{{1,2}}(?![\d.])"
            rf"|{_YEAR}\.\d{{1,2}}\.\d{{1,2}}(?![\d.])",
            # en: Jan 2012 to Jun 2023, 5 Mar 2019 to 10 Feb 2020
            rf"(?:\d{{1,2}}\s)?{_MONTHS_EN}\s{_YEAR}\s?(?:-|–|to)\s?(?:\d{{1,2}}\s)?{_MONTHS_EN}\s{_YEAR}",
            # ko: 2014~2020년, 2009년~2019년, 2021년 1~7월, 2021년 3월 말, 2019년 상반기, 3분기
            rf"{_YEAR}\s?(?:년?\s?[~\-–～〜]\s?{_YEAR}\s?)?년"
            r"(?:\s?(?:\d{1,2}\s?(?:[~\-–—－]\s?\d{1,2}\s?)?월(?:\s?(?:말|초|중순))?"
            r"|상반기|하반기|[1-4]\s?분기|[1-4]Q(?![\dA-Za-z])))?",
            # zh: 2018年, 2014-2020年, 2009年-2019年, 2007～2017年, 2021年1-7月, 上半年, 第三季度
            rf"{_YEAR}\s?(?:年?\s?[~\-–～〜至到]\s?{_YEAR}\s?)?年"
            r"(?:\s?(?:\d{1,2}\s?(?:[~\-–—－至]\s?\d{1,2}\s?)?月(?:底|末|初)?"
            r"|上半年|下半年|前[一二三1-3]\s?(?:个|個)?季度|第[一二三四1-4]季度|[一二三四1-4]季度|[QH][1-4]))?",
            # en: a day: December 31, 2022, 31 December 2022
            rf"{_MONTHS_EN}\s\d{{1,2}},?\s{_YEAR}(?!\d)|\d{{1,2}}\s{_MONTHS_EN}\s{_YEAR}(?!\d)",
            # en: 2014-2020, Jan-Jul 2021, H1 2021, Q3 2021, 2025Q1, FY2020, in 2018
            # (and 2019 3Q, 3Q 2019, 2019 1H as Korean and Japanese tables head their columns)
            rf"(?:(?:H[12]|Q[1-4]|(?<!\d)[1-4]Q|(?<!\d)[12]H)\s?|FY\s?)?{_YEAR}"
            rf"(?:\s?(?:-|–|to)\s?(?:{_YEAR}|\d{{2}}))?"
            r"(?:(?<=\d)\s?(?:[QH][1-4]|[1-4]Q|[12]H)(?![\dA-Za-z]))?(?![\d년年])(?!\.\d)",
            rf"{_MONTHS_EN}(?:\s?(?:-|–|to)\s?{_MONTHS_EN})?\s{_YEAR}",
        )
    )
    + ")",
    re.IGNORECASE,
)


_CHANGE_LEAD = re.compile(
    r"(?:\bfrom|increased|decreased|rose|fell|grew|grown|declined|went|climbed|dropped|"
    r"jumped|up|down)\s*$",
    re.IGNORECASE,
)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
# 经营溢利率上升0.6%至26.3%: a change, then the level it moved to (far larger than the change;
# 预计增长5%至8% is a range)
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+$")
_ZH_TO = re.compile(r"(?<=[%％])\s?(?:至|到)\s?(?=\d)")
_ZH_LEVEL_AFTER = re.compile(r"(\d+(?:\.\d+)?)\s?[%％]\s?(?:至|到)\s?(\d+(?:\.\d+)?)\s?[%％]")
# the Chinese words of a move, as the trend rule reads them
_ZH_MOVED = re.compile(
    "(?:"
    + "|".join(w for w in f"{lx.TREND_UP}|{lx.TREND_DOWN}".split("|") if _HAN_WORD.match(w))
    + r")了?\s?$"
)


def _zh_moved_to(text: str, start: int, end: int) -> re.Match[str] | None:
    """The 至 between a change and the level it moved to (``上升0.6%至26.3%``), or None."""
    to = _ZH_TO.search(text, start, end)
    values = _ZH_LEVEL_AFTER.match(text, start, end)
    if to is None or values is None or not _ZH_MOVED.search(text[max(0, start - 6) : start]):
        return None
    change, level = float(values.group(1)), float(values.group(2))
    return to if level >= 5 * change else None


_PERIOD_LEAD = re.compile(r"\b(?:in|of|for|during|since|by)\s+(?:fiscal\s+|FY\s?)?$", re.I)
_LONE_NUMERAL = re.compile(r"^[一二两三四五六七八九十百千万]{1,2}[元圆]$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# 100억원대 (매출), 3천만원대의: an amount "of that order" (100억 to under 200억), not the amount
# itself. The span takes the 대 in, so the parser leaves it unread rather than exact; 대 before
# other syllables starts another word (대비, 대출, 대만).
_ORDER_OF = re.compile(r"대(?=$|[^가-힣]|[의로를을에가이인였는도초중후])")


_YEAR_NOUN = re.compile(r"(?:19|20)\d{2}\s[A-Za-z-]+")


def quantity_spans(text: str) -> list[tuple[str, Span]]:
    """Non-overlapping candidate quantities in ``text`` as (kind hint, span), left to right.

    ``grown from $19 to $95,453`` and ``increased $63 million to $987 million`` are two values
    (a level and a later level, or a change and a level), not a range.
    """
    out: list[tuple[str, Span]] = []
    for m in QUANTITY.finditer(text):
        kind = m.lastgroup or "number"
        start, end = m.start(), m.end()
        raw = m.group(0)
        # Trailing spaces and a range separator left dangling are not part of the quantity.
        stripped = raw.rstrip()
        end -= len(raw) - len(stripped)
        if _LONE_NUMERAL.match(text[start:end]) and _HAN.match(text[end : end + 1]):
            continue  # 三元电池 is a ternary battery, not CNY 3
        if kind == "count" and _YEAR_NOUN.fullmatch(text, start, end):
            continue  # the Q4 2012 smartphones: a year before the noun, no count of 2012
        to = _TO.search(text, start, end)
        lead = to is not None and _CHANGE_LEAD.search(text[max(0, start - 24) : start])
        moved = to if lead else None
        if moved is None and ("至" in raw or "到" in raw):
            moved = _zh_moved_to(text, start, end)
        if moved is not None:
            out.append((kind, Span(start, moved.start(), text[start : moved.start()])))
            out.append((kind, Span(moved.end(), end, text[moved.end() : end])))
            continue
        if (
            to is not None
            and _A_YEAR.fullmatch(text, start, to.start())
            and _PERIOD_LEAD.search(text[max(0, start - 12) : start])
        ):
            # from 1,039 TWh in 2021 to 1,284 TWh in 2022: the year dates the value before it
            out.append((kind, Span(to.end(), end, text[to.end() : end])))
            continue
        if kind == "money" and _ORDER_OF.match(text, end):
            end += 1
        out.append((kind, Span(start, end, text[start:end])))
    return out


# 二零二四年上半年, 二〇二五年六月: a year (and its month) in Chinese digits, as Hong Kong filings
# write them; read as Arabic digits of the same length, so every offset stays
_ZH_DIGIT = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "○": "0"}
# (a month only where no day in Chinese digits follows: 十二月三十一日 would read as the month)
_ZH_YEAR = re.compile(
    r"[零〇○一二三四五六七八九]{4}(?=年)"
    r"|(?<=年)(?:十[一二]|[一二三四五六七八九])(?=月(?![零〇一二三四五六七八九十]))"
)


def arabic_years(text: str) -> str:
    """``text`` with years and months written in Chinese digits in Arabic ones (same length)."""
    if "年" not in text:
        return text
    return _ZH_YEAR.sub(lambda m: _arabic(m.group(0)), text)


def _arabic(digits: str) -> str:
    if digits.startswith("十"):
        return "1" + _ZH_DIGIT[digits[1]]  # 十一月, 十二月
    return "".join(_ZH_DIGIT[c] for c in digits)


def period_spans(text: str) -> list[Span]:
    """Candidate period expressions in ``text``, left to right."""
    if not _A_YEAR.search(text):
        return []  # every form names a year: a text without one is not scanned form by form
    return [Span(m.start(), m.end(), m.group(0)) for m in PERIOD.finditer(text)]


_VALUE_LINE = re.compile(
    rf"^\s*{_QPRE}?(?:{_MONEY_PREFIX}|{_MONEY_SUFFIX}|{_PERCENT}|{_COUNTED}|{_AMOUNT})"
    rf"{_QSUF}?\s*$",
    re.IGNORECASE,
)
_UNITFUL_VALUE_LINE = re.compile(
    rf"^\s*{_QPRE}?(?:{_MONEY_PREFIX}|{_MONEY_SUFFIX}|{_PERCENT}|{_COUNTED}){_QSUF}?\s*$",
    re.IGNORECASE,
)


def is_value_line(line: str, *, bare_ok: bool) -> bool:
    """True when ``line`` holds one quantity and nothing else (bare numbers only if ``bare_ok``)."""
    pattern = _VALUE_LINE if bare_ok else _UNITFUL_VALUE_LINE
    return bool(line.strip()) and bool(pattern.match(line))
