"""Period forms ``parse_period`` does not read whole, each resolved with the document around it:
short years (``’21년``, ``21年``), months and halves without a year (``1~7월``, ``上半年``),
``FY2019`` and fiscal quarters, ``January–September 2018``, ``the first quarter of 2023``,
``3Q24``, month-days, ``前三季度``; and ``Dating``, what dates them (the fiscal calendar, the day
the context points at)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from sectorlens.facts.dateline import MONTH as _MON
from sectorlens.facts.fiscal import MONTHS_ENDED, Fiscal, months_ended, span_ending
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

# Forms parse_period does not read, each with a resolver in ``resolve``.
EXTRA = re.compile(
    # every form starts with one of these characters (its English words at a word boundary): the
    # lookahead skips other positions fast (tests/test_facts_scan_guards.py checks it covers all)
    r"(?=[\d’'‘상하上下前이本当當]|\b[TSNFQYJMAODH])(?:"
    + "|".join(
        (
            # 2024年三季报, 2023年年报, 2023年度报告: the period a periodic report covers
            r"(?P<report>(?<!\d)(?P<ry>(?:19|20)\d{2})\s?(?:年度(?P<ra>报告|報告|报|報)|年\s?"
            r"(?P<rk>(?:第?一季度?|第?三季度?|中期?|半年度?|年度?)(?:报告|報告|报|報)))(?!期))",
            # 2024Q1 - 3, Q1-Q3 2024: the first three quarters
            r"(?P<qr>(?<!\d)(?P<qry>(?:19|20)\d{2})\s?Q(?P<qr1>[1-4])\s?[-–~]\s?Q?(?P<qr2>[1-4])(?![\d.])"
            r"|\bQ(?P<qb1>[1-4])\s?[-–~]\s?Q(?P<qb2>[1-4]),?\s?(?P<qby>(?:19|20)\d{2})\b)",
            r"(?P<short>[’'‘]\s?(?P<sy>\d{2})\s?년"
            r"(?P<srest>\s?(?:\d{1,2}\s?(?:[~\-–—－]\s?\d{1,2}\s?)?월|상반기|하반기|[1-4]\s?분기))?)",
            # 94년 1천1백85억달러, 99년에는: a two-digit year with no mark, as older Korean news
            # writes it, only before an amount or 에는/엔/말/초 (10년 만에, 3년간 are spans)
            r"(?P<kobare>(?<![\d.’'‘~\-])(?<![가-힣A-Za-z])(?P<kby>[1-9]\d)년"
            r"(?=\s\d(?!\d?\s?(?:월|분기|일|년|개월|%|위))|에는|엔|말|초))",
            r"(?P<zhshort>(?<![\d.第近去来每余后前内])(?P<zy>[0-3]\d)年(?![间來来内後后前代度以期限多级龄国債债])"
            r"(?P<zrest>\d{1,2}(?:[-~–—－至]\d{1,2})?月|上半年|下半年|[一二三四1-4]季度|Q[1-4])?)",
            rf"(?P<ended>{MONTHS_ENDED})",
            r"(?P<fq>\b(?:Q(?P<fq1>[1-4])\s?(?:of\s)?(?:FY\s?|fiscal\s(?:year\s)?)"
            r"(?P<fqy1>(?:19|20)\d{2}|\d{2})|(?:FY\s?|fiscal\s(?:year\s)?)"
            r"(?P<fqy2>(?:19|20)\d{2}|\d{2})\s?Q(?P<fq2>[1-4]))\b)",
            # fiscal 2009 first quarter, FISCAL YEAR 2009 THIRD QUARTER, the 2009 second quarter
            r"(?P<yq>\b(?:(?P<yqf>FY\s?|fiscal\s(?:year\s)?)(?P<yqy>(?:19|20)\d{2}|\d{2})|"
            r"(?P<yqc>(?:19|20)\d{2}))\s(?P<yqo>first|second|third|fourth)\s(?:fiscal\s)?quarter\b)",
            r"(?P<fy>\b(?:FY\s?|fiscal\s(?:year\s)?)(?P<fyy>(?:19|20)\d{2}|\d{2})\b)",
            rf"(?P<mrange>\b(?P<m1>{_MON})\s?(?:-|–|—|to|through)\s?(?P<m2>{_MON})(?:,?\s(?P<my>(?:19|20)\d{{2}}))?)",
            r"(?P<ordq>\b(?:the\s)?(?P<ofis>fiscal\s)?(?P<ord>first|second|third|fourth|1st|2nd|"
            r"3rd|4th)[\s-](?P<qh>quarter|half|semester)(?:\s(?:of\s)?(?:the\s)?(?P<ofy>fiscal\s(?:year\s)?|FY\s?)"
            r"(?P<oyf>(?:19|20)\d{2}|\d{2})\b|(?:\sof)?(?:\sfiscal)?(?:\syear)?\s(?P<oy>(?:19|20)\d{2}))?)",
            # Half-Year Report 2023, half-year results 2023: the first half a report covers
            r"(?P<hyr>\bhalf[-\s]year(?:ly)?\s(?:financial\s)?(?:report|results)\s(?:of\s)?"
            r"(?P<hyy>(?:19|20)\d{2})\b)",
            r"(?P<nq>\b(?P<nqq>[1-4])Q\s?(?P<nqy>\d{2})(?:F|E|P)?\b)",
            # 截至2020年6月30日止六个月, 截至2023年12月31日止年度: the span ending on that day
            r"(?P<zhend>(?:(?<=截至)|(?<=截止)|(?<=截至\s)|(?<=截止\s))(?P<zey>(?:19|20)\d{2})\s?年\s?(?P<zem>\d{1,2})\s?月"
            r"\s?(?P<zed>\d{1,2})\s?日\s?(?:止|为止|為止)?\s?的?\s?(?:(?P<zen>三|六|九|十二|3|6|9|12)"
            r"\s?(?:个|個)月|(?P<zey2>年度|财政年度|財政年度)))",
            # rose 0.8 per cent in February: a month named without a year, in the context's
            r"(?P<bm>(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bduring\s))\b(?P<bmn>January|February|"
            r"March|April|May|June|July|August|September|October|November|December)\b"
            r"(?!,?\s?\d))",
            # 7월 1∼10일, 7月1日至10日: some days of a month (a customs release's first ten days)
            r"(?P<mdr>(?<![\d년年.\-/])(?P<mdrm>\d{1,2})\s?(?:월|月)\s?(?P<mdr1>\d{1,2})\s?(?:일|日)?"
            r"\s?(?:[~∼～〜\-–]|至)\s?(?:(?P=mdrm)\s?(?:월|月)\s?)?(?P<mdr2>\d{1,2})\s?(?:일|日|号))",
            # 이달 1∼10일, 本月1-10日: days of the month the document is dated in
            r"(?P<dr>(?:(?P<drk>이달|이번\s?달|本月|当月|當月)\s?)(?P<dr1>\d{1,2})\s?(?:일|日)?\s?"
            r"(?:[~∼～〜\-–]|至)\s?(?P<dr2>\d{1,2})\s?(?:일|日|号))",
            r"(?P<md>(?<![\d년年.\-/])(?P<mdm>\d{1,2})\s?(?:월|月)\s?(?P<mdd>\d{1,2})\s?(?:일|日|号))",
            # (12월 결산법인, 3月决算: the month a fiscal year ends in, no period of a figure)
            r"(?P<ym>(?<![\d년年])(?P<ym1>\d{1,2})\s?(?:[~\-–—－∼～〜至]\s?(?P<ym2>\d{1,2})\s?)?(?:월|月份?)"
            r"(?!\s?\d{1,2}\s?(?:일|日))(?!\s?(?:결산|決算|决算)))",
            # (not 2019년 상반기, read whole above; 작년 상반기 is last year's)
            r"(?P<half>(?<!\d년\s)(?<!\d年\s)(?<!\d년)(?<!\d年)(?<!\d)"
            r"(?:(?P<hko>상반기|하반기)|(?P<hzh>上半年|下半年)))",
            r"(?P<q3>(?<![年\d])前(?P<q3n>[一二三四1-4])季度)",
        )
    )
    + ")",
    re.IGNORECASE,
)


# What every match of EXTRA contains (tests/test_facts_scan_guards.py proves it on the pattern):
# a sentence without any of these is not scanned for its forms (``lx.has_any``).
EXTRA_WORDS = (
    *("年", "년", "月", "월", "달", "반기", "季度"),
    *("q", "fy", "scal", "half", "semester"),  # Q3, FY2024, fiscal, first half, semester
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)


_AHEAD = 30  # a report names years up to a few decades ahead of its own (targets, forecasts)


def _year(two: str, year: int | None) -> int:
    """A two-digit year (’21년, FY09): in the 2000s, unless that is more than three decades
    after the context's year (’94년 in a text of 1995 is 1994)."""
    got = 2000 + int(two)
    return got - 100 if year is not None and got > year + _AHEAD else got


def _in_century_of(two: int, year: int) -> int:
    """``94`` in a text of 1995 is 1994, ``23`` in one of 2024 is 2023: the year of that
    ending nearest before the context's year (up to ten years after it)."""
    got = year // 100 * 100 + two
    return got - 100 if got > year + 10 else got


# months that make a year, a half or a quarter: never a partial stretch (작년 1~12월)
_WHOLE_SPANS = frozenset({(1, 12), (1, 6), (7, 12), (1, 3), (4, 6), (7, 9), (10, 12)})


def _span(year: int, m1: int, m2: int, partial: bool = False) -> Period | None:
    if not (1 <= m1 <= m2 <= 12) or not 1900 <= year <= 2100:
        return None
    partial = partial and (m1, m2) not in _WHOLE_SPANS
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
    now: int | None = None  # without a document date, the year the first ``작년`` counted from


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


def _bare_month(month: int, year: int | None, dating: Dating | None) -> Period | None:
    """``in February`` without a year: the year of a period named before it in its sentence,
    else the last such month up to the document's own date; else unknown (a context's year,
    often a comparison's, is not guessed)."""
    if dating is None:
        return None
    if dating.reference is None and dating.base is None and dating.day is not None:
        return None if year is None else _span(year, month, month)  # In 2018, … in February
    if dating.reference is None:
        return None
    y = dating.reference.year
    if date(y, month, 1) > dating.reference:
        y -= 1  # in November, written in January: the November before
    return _span(y, month, month)


def _days(year: int, month: int, d1: int, d2: int) -> Period | None:
    """Days ``d1`` to ``d2`` of a month (None where they are no days of it)."""
    try:
        first, last = date(year, month, d1), date(year, month, d2)
    except ValueError:
        return None
    return Period(first, last, True) if first <= last else None


def _days_this_month(d1: int, d2: int, dating: Dating | None) -> Period | None:
    """``이달 1∼10일``: days of the month of the document's date, where those days are past by
    then (else unknown)."""
    ref = dating.reference if dating is not None else None
    if ref is None or d2 > ref.day:
        return None
    return _days(ref.year, ref.month, d1, d2)


def resolve(m: re.Match[str], year: int | None, dating: Dating | None = None) -> Period | None:
    """The period an ``EXTRA`` match names; ``year`` dates the forms without one."""
    g = m.groupdict()
    fiscal = dating.fiscal if dating is not None else None
    if g["report"]:
        kind = "年" if g["ra"] else g["rk"]
        first = kind.lstrip("第")[:1]
        end = {"一": 3, "三": 9, "中": 6, "半": 6}.get(first, 12)
        return _span(int(g["ry"]), 1, end, partial=end in (9,))
    if g["qr"]:
        q1, q2 = int(g["qr1"] or g["qb1"]), int(g["qr2"] or g["qb2"])
        return (
            _span(int(g["qry"] or g["qby"]), 3 * q1 - 2, 3 * q2, partial=q1 != q2)
            if q1 <= q2
            else None
        )
    if g["kobare"]:
        return None if year is None else _span(_in_century_of(int(g["kby"]), year), 1, 12)
    if g["short"] or g["zhshort"]:
        y = _year(g["sy"] or g["zy"], year)
        rest = g["srest"] or g["zrest"] or ""
        q = parse_period(f"{y}{'년' if g['short'] else '年'}{rest}")
        return q.period
    if g["ended"]:
        got = months_ended(m)
        return None if got is None else Period(*got)
    if g["zhend"]:
        try:
            ended_on = date(int(g["zey"]), int(g["zem"]), int(g["zed"]))
        except ValueError:
            return None
        months = (
            12
            if g["zey2"]
            else {"三": 3, "六": 6, "九": 9, "十二": 12}.get(g["zen"]) or int(g["zen"])
        )
        return Period(*span_ending(ended_on, months))
    if g["fq"]:
        n = int(g["fq1"] or g["fq2"])
        fy = g["fqy1"] or g["fqy2"]
        y = int(fy) if len(fy) == 4 else _year(fy, year)
        if fiscal is not None:
            return _fiscal_part(fiscal, y, 3 * n - 2, 3)
        return _span(y, 3 * n - 2, 3 * n)
    if g["yq"]:
        n = _ORDINAL[g["yqo"].lower()]
        fy = g["yqy"] or g["yqc"]
        y = int(fy) if len(fy) == 4 else _year(fy, year)
        if fiscal is not None:
            return _fiscal_part(fiscal, y, 3 * n - 2, 3)
        return _span(y, 3 * n - 2, 3 * n)
    if g["fy"]:
        fy = g["fyy"]
        y = int(fy) if len(fy) == 4 else _year(fy, year)
        if fiscal is not None:
            return _fiscal_part(fiscal, y, 1, 12)
        return _span(y, 1, 12)
    if g["mrange"]:
        my = int(g["my"]) if g["my"] else year  # from July through September: the context's
        return None if my is None else _span(my, _month(g["m1"]), _month(g["m2"]), partial=True)
    if g["hyr"]:
        return _span(int(g["hyy"]), 1, 6)
    if g["nq"]:
        n = int(g["nqq"])
        return _span(_year(g["nqy"], year), 3 * n - 2, 3 * n)
    if g["ordq"]:
        n = _ORDINAL[g["ord"].lower()]
        half = g["qh"].lower() in ("half", "semester")
        if half and n > 2:
            return None
        first, months = (6 * n - 5, 6) if half else (3 * n - 2, 3)
        oyf = g["oyf"]
        fy_n = (int(oyf) if len(oyf) == 4 else _year(oyf, year)) if oyf else None
        if fiscal is not None and fy_n is not None:
            return _fiscal_part(fiscal, fy_n, first, months)
        if fiscal is not None and not g["oy"] and dating is not None and dating.day is not None:
            n_fy = _bare_fiscal_year(fiscal, dating.day, first, dating.published)
            return _fiscal_part(fiscal, n_fy, first, months)
        oy = int(g["oy"]) if g["oy"] else fy_n if fy_n is not None else year
        if oy is None:
            return None
        return _span(oy, first, first + months - 1)
    if g["dr"]:
        return _days_this_month(int(g["dr1"]), int(g["dr2"]), dating)
    if year is None:
        return None
    if g["mdr"]:
        return _days(year, int(g["mdrm"]), int(g["mdr1"]), int(g["mdr2"]))
    if g["md"]:
        try:
            day = date(year, int(g["mdm"]), int(g["mdd"]))
        except ValueError:
            return None
        return Period(day, day)
    if g["bm"]:
        return _bare_month(_month(g["bmn"]), year, dating)
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


__all__ = ["EXTRA", "EXTRA_WORDS", "Dating", "resolve"]
