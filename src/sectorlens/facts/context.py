"""A fact's context: the periods a sentence names (own or compared with), the document's
reference date, and the change a number states (YoY, QoQ, CAGR, a signed change).

Periods the parser reads whole (``2021년 1~7월``, ``2019年前三季度``) go to ``parse_period``; the
forms that need the document around them are resolved here: short years (``’21년``, ``21年``),
months and halves without a year (``1~7월``, ``上半年``), ``FY2019``, ``January–September 2018``,
``the first quarter of 2023`` and relative periods (``last year``, ``전년``, ``去年``) against the
reference year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from sectorlens.facts.candidates import period_spans
from sectorlens.facts.change_words import CHANGE_KINDS, change_of
from sectorlens.facts.dateline import MONTH as _MON
from sectorlens.facts.fiscal import (
    MONTHS_ENDED,
    Fiscal,
    months_ended,
    months_of,
    same_span_in,
    span_ending,
)
from sectorlens.facts.relative import relative_periods, stretch
from sectorlens.model import Period
from sectorlens.parse import parse_period

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINAL |= {"4th": 4}
_ZH_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}

# Forms parse_period does not read, each with a resolver below.
_EXTRA = re.compile(
    # every form starts with one of these characters (its English words at a word boundary): the
    # lookahead skips other positions fast (tests/test_facts_scan_guards.py checks it covers all)
    r"(?=[\d’'‘상하上下前]|\b[TSNFQYJMAOD])(?:"
    + "|".join(
        (
            r"(?P<short>[’'‘]\s?(?P<sy>\d{2})\s?년"
            r"(?P<srest>\s?(?:\d{1,2}\s?(?:[~\-–—－]\s?\d{1,2}\s?)?월|상반기|하반기|[1-4]\s?분기))?)",
            r"(?P<zhshort>(?<![\d.第近去来每余后前内])(?P<zy>[0-3]\d)年(?![间來来内後后前代度以期限多级龄国債债])"
            r"(?P<zrest>\d{1,2}(?:[-~–—－至]\d{1,2})?月|上半年|下半年|[一二三四1-4]季度|Q[1-4])?)",
            rf"(?P<ended>{MONTHS_ENDED})",
            r"(?P<fq>\b(?:Q(?P<fq1>[1-4])\s?(?:of\s)?(?:FY\s?|fiscal\s(?:year\s)?)"
            r"(?P<fqy1>(?:19|20)\d{2}|\d{2})|(?:FY\s?|fiscal\s(?:year\s)?)"
            r"(?P<fqy2>(?:19|20)\d{2}|\d{2})\s?Q(?P<fq2>[1-4]))\b)",
            r"(?P<fy>\b(?:FY\s?|fiscal\s(?:year\s)?)(?P<fyy>(?:19|20)\d{2}|\d{2})\b)",
            rf"(?P<mrange>\b(?P<m1>{_MON})\s?(?:-|–|—|to|through)\s?(?P<m2>{_MON})(?:,?\s(?P<my>(?:19|20)\d{{2}}))?)",
            r"(?P<ordq>\b(?:the\s)?(?P<ofis>fiscal\s)?(?P<ord>first|second|third|fourth|1st|2nd|"
            r"3rd|4th)[\s-](?P<qh>quarter|half)(?:\s(?:of\s)?(?:the\s)?(?P<ofy>fiscal\s(?:year\s)?|FY\s?)"
            r"(?P<oyf>(?:19|20)\d{2}|\d{2})\b|(?:\sof)?(?:\sfiscal)?(?:\syear)?\s(?P<oy>(?:19|20)\d{2}))?)",
            r"(?P<nq>\b(?P<nqq>[1-4])Q\s?(?P<nqy>\d{2})(?:F|E|P)?\b)",
            r"(?P<md>(?<![\d년年.\-/])(?P<mdm>\d{1,2})\s?(?:월|月)\s?(?P<mdd>\d{1,2})\s?(?:일|日|号))",
            r"(?P<ym>(?<![\d년年])(?P<ym1>\d{1,2})\s?(?:[~\-–—－∼～〜至]\s?(?P<ym2>\d{1,2})\s?)?(?:월|月份?)"
            r"(?!\s?\d{1,2}\s?(?:일|日)))",
            r"(?P<half>(?<![년年\d]\s)(?<![년年\d])(?:(?P<hko>상반기|하반기)|(?P<hzh>上半年|下半年)))",
            r"(?P<q3>(?<![年\d])前(?P<q3n>[一二三四1-4])季度)",
        )
    )
    + ")",
    re.IGNORECASE,
)

# A period named right before these (2020년 대비, 与2019年相比) or right after these (compared with
# Q4 2018, 比2019年, 较上年) is the comparison's, not the fact's.
_CMP_BEFORE = re.compile(
    r"(?:compared\s(?:with|to)|versus|vs\.?|from|over|since|after\sthe\s(?:start|beginning|end)\sof|"
    r"比|较|與|与|和|同|相对于|相较于|相比于)"
    r"\s?(?:the\s)?(?:same\s(?:period|quarter)\s(?:of|in)\s)?$",
    re.I,
)
# compared to net revenue of $6.9 billion in 2021: the period of the compared figure
_CMP_VALUE_BEFORE = re.compile(
    r"(?:compared\s(?:to|with)|versus|\bvs\.?)\s[^,;:()]{0,55}?\s(?:in|for|during)\s(?:the\s)?$",
    re.I,
)
# This compares with net income of $74.4 million in the prior year period: a sentence that is
# the comparison names the compared figures' periods only.
COMPARES_LEAD = re.compile(
    r"^\W{0,3}(?:this|that|which)\s(?:compares|compared)\s(?:with|to)\b", re.I
)
# The end of the period the context reports (报告期末, at the end of the quarter): its last day.
_PERIOD_END = re.compile(
    r"(?:本)?报告期(?:期)?末|本期末|보고\s?기간\s?말|"
    r"\b(?:at\s)?the\send\sof\sthe\s(?:reporting\s)?(?:period|quarter)\b|\bquarter[-\s]end\b",
    re.I,
)
_CMP_AFTER = re.compile(
    r"^\s?(?:(?:동기|동월|동분기)\s?)?(?:[(（][^()（）]{0,30}[)）]\s?)?"
    r"(?:대비|보다|에\s?비해|비해|에\s?비하여|비(?![가-힣])|比|相比|相较|比较|同期相比|同期)"
    # 2011년 11월 이후 5년4개월 만에, 2015年以来首次: the point a record is counted from
    r"|^\s?(?:이후|이래)\s?(?:\S+\s?){0,2}?(?:만에|만의|처음|최대|최고|최저)"
    r"|^\s?以来(?:首次|最高|最低|最大|新高|新低)"
)


@dataclass(frozen=True, slots=True)
class Named:
    """A period named in a sentence at ``text[start:end]``; ``compared`` for a comparison's."""

    start: int
    end: int
    period: Period
    compared: bool = False
    note: str | None = None  # what was assumed to read it (a year counted from the document's date)


def _year(two: str) -> int:
    return 2000 + int(two)


def _span(year: int, m1: int, m2: int, partial: bool = False) -> Period | None:
    if not (1 <= m1 <= m2 <= 12) or not 1900 <= year <= 2100:
        return None
    return Period(date(year, m1, 1), date(year, m2, calendar.monthrange(year, m2)[1]), partial)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, n in enumerate(_MONTH_NAMES, 1) if n.startswith(key))


@dataclass(frozen=True, slots=True)
class Dating:
    """What dates a sentence's periods: the fiscal calendar the document states, and the day
    the context points at (the end of the period before, or the document's own date)."""

    fiscal: Fiscal | None = None
    day: date | None = None
    published: bool = False  # ``day`` is the document's date: it reports what came before
    reference: date | None = None  # the document's own date (``last year`` counts from it)
    base: Period | None = None  # the period of the context (a quarter a ``전년 동기`` shifts)


def _fiscal_part(fiscal: Fiscal, n: int, first: int, months: int) -> Period:
    start, end = fiscal.part(n, first, months)
    return Period(start, end)


def _bare_fiscal_year(fiscal: Fiscal, day: date, first: int, published: bool) -> int:
    """The fiscal year a bare ``first quarter`` is in: the one holding ``day``, or the one
    before where that quarter starts after the document's own date."""
    n = fiscal.year_of(day)
    if published and fiscal.part(n, first, 1)[0] > day:
        return n - 1
    return n


def _resolve(m: re.Match[str], year: int | None, dating: Dating | None = None) -> Period | None:
    g = m.groupdict()
    fiscal = dating.fiscal if dating is not None else None
    if g["short"] or g["zhshort"]:
        y = _year(g["sy"] or g["zy"])
        rest = g["srest"] or g["zrest"] or ""
        q = parse_period(f"{y}{'년' if g['short'] else '年'}{rest}")
        return q.period
    if g["ended"]:
        got = months_ended(m)
        return None if got is None else Period(*got)
    if g["fq"]:
        n = int(g["fq1"] or g["fq2"])
        fy = g["fqy1"] or g["fqy2"]
        y = int(fy) if len(fy) == 4 else _year(fy)
        if fiscal is not None:
            return _fiscal_part(fiscal, y, 3 * n - 2, 3)
        return _span(y, 3 * n - 2, 3 * n)
    if g["fy"]:
        fy = g["fyy"]
        y = int(fy) if len(fy) == 4 else _year(fy)
        if fiscal is not None:
            return _fiscal_part(fiscal, y, 1, 12)
        return _span(y, 1, 12)
    if g["mrange"]:
        my = int(g["my"]) if g["my"] else year  # from July through September: the context's
        return None if my is None else _span(my, _month(g["m1"]), _month(g["m2"]), partial=True)
    if g["nq"]:
        n = int(g["nqq"])
        return _span(_year(g["nqy"]), 3 * n - 2, 3 * n)
    if g["ordq"]:
        n = _ORDINAL[g["ord"].lower()]
        half = g["qh"].lower() == "half"
        if half and n > 2:
            return None
        first, months = (6 * n - 5, 6) if half else (3 * n - 2, 3)
        oyf = g["oyf"]
        fy_n = (int(oyf) if len(oyf) == 4 else _year(oyf)) if oyf else None
        if fiscal is not None and fy_n is not None:
            return _fiscal_part(fiscal, fy_n, first, months)
        if fiscal is not None and not g["oy"] and dating is not None and dating.day is not None:
            n_fy = _bare_fiscal_year(fiscal, dating.day, first, dating.published)
            return _fiscal_part(fiscal, n_fy, first, months)
        oy = int(g["oy"]) if g["oy"] else fy_n if fy_n is not None else year
        if oy is None:
            return None
        return _span(oy, first, first + months - 1)
    if year is None:
        return None
    if g["md"]:
        try:
            day = date(year, int(g["mdm"]), int(g["mdd"]))
        except ValueError:
            return None
        return Period(day, day)
    if g["ym"]:
        m1 = int(g["ym1"])
        m2 = int(g["ym2"]) if g["ym2"] else m1
        return _span(year, m1, m2, partial=m1 != m2)
    if g["half"]:
        first_half = (g["hko"] or g["hzh"] or "")[:1] in ("상", "上")
        return _span(year, 1, 6) if first_half else _span(year, 7, 12)
    if g["q3"]:
        n = _ZH_DIGIT.get(g["q3n"]) or int(g["q3n"])
        return _span(year, 1, 3 * n, partial=True)
    return None


def named_periods(text: str, year: int | None, dating: Dating | None = None) -> tuple[Named, ...]:
    """Every period ``text`` names, left to right; ``year`` dates those without one, ``dating``
    gives the document's fiscal calendar and the day the context points at."""
    found: list[Named] = []
    taken: list[tuple[int, int]] = []
    for span in period_spans(text):
        q = parse_period(span.text)
        if _INDEX_BASE.match(text, span.end):
            taken.append((span.start, span.end))  # 104.73(2015년 100 기준): an index's base
            continue
        if q.period is not None:
            found.append(Named(span.start, span.end, q.period))
            taken.append((span.start, span.end))
    context_year = year
    reference = dating.reference if dating is not None else None
    before_year = [(n.start, n.period.end.year) for n in found]
    fiscal = dating is not None and dating.fiscal is not None
    for f in relative_periods(text, year, reference, before_year, fiscal):
        overlap = [(s, e) for s, e in taken if s < f.end and f.start < e]
        if any(not (f.start <= s and e <= f.end) for s, e in overlap):
            continue  # the first nine months of 2023 replaces the 2023 inside it
        found = [n for n in found if (n.start, n.end) not in overlap]
        taken = [t for t in taken if t not in overlap]
        found.append(Named(f.start, f.end, f.period, note=f.note))
        taken.append((f.start, f.end))
    base = dating.base if dating is not None and not dating.published else None
    for m in _PERIOD_END.finditer(text) if base is not None else ():
        if base is not None and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Named(m.start(), m.end(), Period(base.end, base.end)))  # 报告期末
            taken.append((m.start(), m.end()))
    found.sort(key=lambda n: n.start)
    for m in _EXTRA.finditer(text):
        overlap = [(s, e) for s, e in taken if s < m.end() and m.start() < e]
        if any(not (m.start() <= s and e <= m.end()) for s, e in overlap):
            continue  # a longer period already read there
        before = sorted((n for n in found if n.end <= m.start()), key=lambda n: n.start)
        y = before[-1].period.end.year if before else context_year
        here = dating
        if before and dating is not None:
            here = Dating(dating.fiscal, before[-1].period.end)
        period = _resolve(m, y, here)
        if period is not None:
            # the first quarter of 2023 replaces the 2023 inside it
            found = [n for n in found if (n.start, n.end) not in overlap]
            if (
                before
                and _year_of(before[-1], period)
                and not text[before[-1].end : m.start()].strip()
            ):
                found.remove(before[-1])  # 작년 11월, 去年12月: the year is the month's
            taken = [t for t in taken if t not in overlap]
            found.append(Named(m.start(), m.end(), period))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda n: n.start)
    found = _like_the_span_before(text, found)
    found = _stretched(text, found, dating)
    out = []
    for n in found:
        lead = text[max(0, n.start - 40) : n.start]
        tail = text[n.end : n.end + 48]
        ranged = re.search(r"\b(?:to|through)\b|[-–—~]", text[n.start : n.end])
        from_range = ranged and re.search(r"\bfrom\s$", lead)  # from July through September
        compared = bool(
            COMPARES_LEAD.match(text)
            or (_CMP_BEFORE.search(lead) and not from_range)
            or _CMP_AFTER.match(tail)
            or _CMP_VALUE_BEFORE.search(text[max(0, n.start - 70) : n.start])
        )
        out.append(Named(n.start, n.end, n.period, compared, n.note))
    return tuple(out)


def _year_of(n: Named, period: Period) -> bool:
    """``n`` names a whole year that holds ``period`` (a part of it)."""
    return (
        _whole_years(n.period)
        and n.period.start.year == n.period.end.year
        and (n.period.start <= period.start and period.end <= n.period.end and period != n.period)
    )


_INDEX_BASE = re.compile(r"\s?(?:=\s?100\b|(?:년|年)?\s?(?:=\s?)?100\s?(?:기준|基准|基準|=))")


def _stretched(text: str, found: list[Named], dating: Dating | None) -> list[Named]:
    """``年初至6月11日``, ``2025年以来``, ``2019年末``: periods widened by the words around them."""
    today = dating.reference if dating is not None else None
    out: list[Named] = []
    for n in found:
        reported = out[-1].period.end if out else (dating.day if dating is not None else None)
        got = stretch(text, n.start, n.end, n.period, reported, today)
        if got is not None:
            n = Named(n.start, n.end, got[0], n.compared, got[1] or n.note)
        shorter = [o.period for o in out if not _whole_years(o.period)]
        if dating is not None and dating.base is not None and not _whole_years(dating.base):
            shorter.insert(0, dating.base)
        if shorter and _whole_years(n.period) and _same_period(text, n.start, n.end):
            # 2분기 매출은 … 전년 동기 대비: the same quarter a year before
            got_back = same_span_in(shorter[-1].start, shorter[-1].end, n.period.end.year)
            if got_back is not None:
                n = Named(n.start, n.end, Period(*got_back), n.compared, n.note)
        out.append(n)
    return out


def _whole_years(p: Period) -> bool:
    return (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)


# 전년 동기, 去年同期, the same quarter last year: the period in context, a year before
_YEAR_WORD = re.compile(
    r"전년|작년|지난해|去年|上年|(?:the\s)?(?:last|previous|prior)\syear|year[-\s](?:earlier|ago)",
    re.I,
)
_SAME_AFTER = re.compile(
    r"\s?(?:동기|동월|동분기|同期|같은\s?(?:기간|달|분기))|[-\s](?:period|quarter|month)\b", re.I
)
_SAME_BEFORE = re.compile(r"same\s(?:period|quarter|month)\s(?:of\s|in\s)?(?:the\s)?$", re.I)


def _same_period(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if re.fullmatch(r"(?:19|20)\d{2}", word) and _SAME_BEFORE.search(
        text[max(0, start - 30) : start]
    ):
        return True  # for the same period in 2001: the context's quarter in 2001
    if not (_YEAR_WORD.fullmatch(word) or _NOW_WORD.fullmatch(word)):
        return False
    if _WHOLE_AFTER.match(text, end):
        return False  # 올해 연간, this year as a whole: the whole year
    if _SAME_AFTER.match(text, end) or _SAME_BEFORE.search(text[max(0, start - 30) : start]):
        return True
    # 작년(1천282조원)보다, 작년 152조원에서 올해 220조원으로: in a part-year context a year
    # compared with, or a year set against another, is that part of it
    compared = _CMP_AFTER.match(re.sub(r"^\s?[(（][^()（）]{0,30}[)）]", "", text[end : end + 40]))
    return bool(compared) or bool(_YEAR_WORD.search(text) and _NOW_WORD.search(text))


_NOW_WORD = re.compile(r"올해|금년|今年|本年|\bthis\syear\b", re.I)
_WHOLE_AFTER = re.compile(r"\s?(?:연간|전체|全年|全年度|\bas\sa\swhole\b|\bfull[-\s]year\b)", re.I)


_ONLY_MARKS = re.compile(r"[\s/|,;:()\-–]*")


def _like_the_span_before(text: str, found: list[Named]) -> list[Named]:
    """``Three months ended April 30, 2023 / 2022``: a bare year right after a span that ends on
    a stated day names the same span in that year."""
    out: list[Named] = []
    shape: Period | None = None
    for n in found:
        p = n.period
        whole_year = (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)
        bare = re.fullmatch(r"(?:19|20)\d{2}", text[n.start : n.end].strip())
        if (
            shape is not None
            and out
            and whole_year
            and p.start.year == p.end.year
            and bare
            and _ONLY_MARKS.fullmatch(text[out[-1].end : n.start])
        ):
            got = same_span_in(shape.start, shape.end, p.end.year)
            if got is not None:
                n = Named(n.start, n.end, Period(*got), n.compared)
        elif (
            shape is not None
            and out
            and p.start == p.end
            and _DAY_AFTER_SPAN.fullmatch(text[out[-1].end : n.start])
        ):
            # three months ended April 1, 2023 and April 2, 2022: the same span to that day
            n = Named(n.start, n.end, Period(*span_ending(p.end, months_of(shape))), n.compared)
        else:
            is_span = p.start != p.end and not whole_year
            shape = p if is_span and _ENDED.search(text[n.start : n.end]) else None
        out.append(n)
    return out


_ENDED = re.compile(r"\b(?:ended|ending)\b", re.I)
_DAY_AFTER_SPAN = re.compile(
    r"[\s/|,;:()\-–]*(?:and|or|vs\.?|versus|compared\swith)?[\s/|,;:()]*", re.I
)


__all__ = [
    "CHANGE_KINDS",
    "COMPARES_LEAD",
    "Dating",
    "Named",
    "change_of",
    "named_periods",
]
