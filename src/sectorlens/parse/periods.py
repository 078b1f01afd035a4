"""Dates and periods: ISO dates, months, quarters, halves, years, ranges, ko/zh/en forms.

A period is a closed interval of days. ``partial`` is set for a stretch of months inside one
year that is neither the whole year nor a quarter or half (``2021년 1~7월``,
``2021年前三季度``): figures for it are not comparable with full-year figures.
Day-month order of ``dd/mm/yyyy`` needs a hint (``date_format="dmy"``, ``"mdy"``, ``"ymd"`` or a
``strptime`` pattern) unless one part is above 12; two-digit years need a ``strptime`` hint.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from sectorlens.model import Kind, Period, Quantity
from sectorlens.parse._tokens import normalize

_SEP = r"\s*(?:~|-|至|到|to|through|until)\s*"
_YS = r"\s*[年년]?"
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for m in names.split()
}
_MON_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MON = rf"(?P<mon>{_MON_NAMES})\.?"
_QNUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DAY = _re(
    r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2})?)?"
)
_DAY_CJK = _re(r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일号號]?")
_DAY_EN = _re(
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<mon1>{_MON_NAMES})\.?|(?P<mon2>{_MON_NAMES})\.?\s+"
    rf"(?P<d2>\d{{1,2}}),?)\s+(?P<y>\d{{4}})"
)
_DMY = _re(r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})")
# ISO year-month: 2010-11 is November 2010 (a year range needs four digits: 2010-2011).
_MONTH = _re(r"(?P<y>\d{4})(?:[-/.](?P<m>0[1-9]|1[0-2])|[-/](?P<m1>[1-9]))")
_MONTH_CJK = _re(
    r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<edge>말|초|末|底|初|中旬|하순|상순)?"
)
_MONTH_EN = _re(rf"{_MON},?\s+(?P<y>\d{{4}})")
_MONTHS_RANGE = _re(
    rf"(?P<y>\d{{4}})\s*[年년]\s*(?P<m1>\d{{1,2}})\s*[月월]?{_SEP}(?P<m2>\d{{1,2}})\s*[月월]"
)
_MONTHS_CROSS = _re(
    rf"(?P<y1>\d{{4}})\s*(?:[年년]\s*|[-/.])(?P<m1>\d{{1,2}})\s*[月월]?{_SEP}"
    r"(?P<y2>\d{4})\s*(?:[年년]\s*|[-/.])(?P<m2>\d{1,2})\s*[月월]?"
)
_QUARTER = _re(
    r"(?:(?P<y>\d{4})\s*-?\s*Q(?P<q>[1-4])|Q(?P<q2>[1-4])\s*-?\s*(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})\s*年\s*第?\s*(?P<q3>[一二三四1-4])\s*季度?"
    r"|(?P<y4>\d{4})\s*년\s*제?\s*(?P<q4>[1-4])\s*(?:/\s*4\s*)?분기"
    # 2019 3Q, 2019.3Q, 2019년 3Q, 3Q 2019 (Korean and Japanese tables)
    r"|(?P<y5>\d{4})\s*(?:년|\.)?\s*(?P<q5>[1-4])\s*Q|(?P<q6>[1-4])\s*Q\s*-?\s*(?P<y6>\d{4}))"
)
_QUARTERS_TO = _re(
    r"(?:(?P<y>\d{4})\s*年\s*前\s*(?P<q>[一二三1-3])\s*(?:个|個)?\s*季度"
    r"|(?P<y2>\d{4})\s*년\s*1\s*~\s*(?P<q2>[2-3])\s*분기)"
)
_HALF = _re(
    r"(?:(?P<y>\d{4})\s*年\s*(?P<h>上|下)\s*半\s*年|(?P<y2>\d{4})\s*년\s*(?P<h2>상|하)\s*반기"
    r"|(?:H(?P<h3>[12])|(?P<h4>[12])H)\s*-?\s*(?P<y3>\d{4})|(?P<y4>\d{4})\s*-?\s*H(?P<h5>[12])"
    r"|(?P<y5>\d{4})\s*(?:년|\.)?\s*(?P<h6>[12])\s*H)"
)
_YEAR = _re(rf"(?P<y>\d{{4}}){_YS}\s*(?P<edge>말|초|末|底|初|年底|年末|年初|연말|연초)?")
_YEARS = _re(
    rf"(?:from\s+|between\s+)?(?P<y1>\d{{4}}){_YS}(?:{_SEP}|\s+and\s+)(?P<y2>\d{{4}}|\d{{2}}){_YS}"
)
_FORMATS = {"dmy": ("a", "b"), "mdy": ("b", "a")}
# Between two dates or months written out in full (2012년 1월~2023년 6월, 5 Mar 2019 to 10 Feb
# 2020): a hyphen only with spaces round it, as ISO dates hold hyphens of their own.
_SPAN_SEP = _re(r"\s*(?:~|–|—|至|到)\s*|\s+(?:-|to|through|until)\s+")


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(y: int, m1: int, m2: int | None = None) -> Period:
    m2 = m1 if m2 is None else m2
    return Period(date(y, m1, 1), _month_end(y, m2))


def _quarter(y: int, q: int) -> Period:
    return _month(y, 3 * q - 2, 3 * q)


def _edge(p: Period, edge: str | None) -> Period:
    if not edge:
        return p
    if edge in ("초", "初", "年初", "연초", "상순"):
        if edge == "상순":
            return Period(p.start, p.start + timedelta(days=9))
        return Period(p.start, p.start)
    if edge == "中旬":
        return Period(p.start + timedelta(days=10), p.start + timedelta(days=19))
    if edge == "하순":
        return Period(p.start + timedelta(days=20), p.end)
    return Period(p.end, p.end)


def _g(m: re.Match[str], *names: str) -> str:
    for name in names:
        value = m.group(name)
        if value:
            return value
    raise AssertionError(names)


def _hinted(text: str, date_format: str) -> Period | None:
    if "%" not in date_format:
        return None
    try:
        day = datetime.strptime(text, date_format).date()
    except ValueError:
        return None
    return Period(day, day)


def _read(text: str, date_format: str | None) -> tuple[Period, bool] | str | None:
    """(period, is one labelled unit) | reason | None when the text is no period at all."""
    if date_format:
        hinted = _hinted(text, date_format)
        if hinted is not None:
            return hinted, True
    if m := _DAY.fullmatch(text) or _DAY_CJK.fullmatch(text):
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
        return Period(d, d), True
    if m := _DAY_EN.fullmatch(text):
        day = int(_g(m, "d1", "d2"))
        d = date(int(m["y"]), _MONTHS[_g(m, "mon1", "mon2").lower()], day)
        return Period(d, d), True
    if m := _DMY.fullmatch(text):
        a, b = int(m["a"]), int(m["b"])
        if date_format in _FORMATS:
            day_key, month_key = _FORMATS[date_format]
            day, month = int(m[day_key]), int(m[month_key])
        elif a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day = month = a
        else:
            return "ambiguous day/month order (give date_format)"
        d = date(int(m["y"]), month, day)
        return Period(d, d), True
    if m := _MONTH.fullmatch(text):
        return _month(int(m["y"]), int(_g(m, "m", "m1"))), True
    if m := _MONTH_CJK.fullmatch(text):
        return _edge(_month(int(m["y"]), int(m["m"])), m["edge"]), True
    if m := _MONTH_EN.fullmatch(text):
        return _month(int(m["y"]), _MONTHS[m["mon"].lower()]), True
    if m := _MONTHS_RANGE.fullmatch(text):
        y, m1, m2 = int(m["y"]), int(m["m1"]), int(m["m2"])
        if not m1 < m2:
            return "month range runs backwards"
        p = _month(y, m1, m2)
        whole = (m1, m2) in {(1, 12), (1, 3), (4, 6), (7, 9), (10, 12), (1, 6), (7, 12)}
        return Period(p.start, p.end, partial=not whole), False
    if m := _MONTHS_CROSS.fullmatch(text):
        start = date(int(m["y1"]), int(m["m1"]), 1)
        end = _month_end(int(m["y2"]), int(m["m2"]))
        if not start < end:
            return "period runs backwards"
        return Period(start, end), False
    if m := _QUARTER.fullmatch(text):
        q = _QNUM[_g(m, "q", "q2", "q3", "q4", "q5", "q6")]
        return _quarter(int(_g(m, "y", "y2", "y3", "y4", "y5", "y6")), q), True
    if m := _QUARTERS_TO.fullmatch(text):
        q = _QNUM[_g(m, "q", "q2")]
        p = _month(int(_g(m, "y", "y2")), 1, 3 * q)
        return Period(p.start, p.end, partial=q < 4 and q not in (1, 2)), False
    if m := _HALF.fullmatch(text):
        h = _g(m, "h", "h2", "h3", "h4", "h5", "h6")
        first = h in ("上", "상", "1")
        y = int(_g(m, "y", "y2", "y3", "y4", "y5"))
        return (_month(y, 1, 6) if first else _month(y, 7, 12)), True
    if m := _YEAR.fullmatch(text):
        y = int(m["y"])
        return _edge(Period(date(y, 1, 1), date(y, 12, 31)), m["edge"]), True
    if m := _YEARS.fullmatch(text):
        y1, raw2 = int(m["y1"]), m["y2"]
        y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
        if not y1 < y2:
            return "year range runs backwards"
        return Period(date(y1, 1, 1), date(y2, 12, 31)), False
    return _span(text, date_format)


def _span(text: str, date_format: str | None) -> tuple[Period, bool] | str | None:
    """From one dated day or month to another, each written out in full."""
    parts = _SPAN_SEP.split(text)
    if len(parts) != 2:
        return None
    ends = [_read(part, date_format) for part in parts]
    a, b = ends
    if not (isinstance(a, tuple) and isinstance(b, tuple) and a[1] and b[1]):
        return None  # (each end one labelled unit: a day or a month, never a range)
    if not a[0].start < b[0].end:
        return "period runs backwards"
    return Period(a[0].start, b[0].end), False


def read_period(text: str, date_format: str | None = None) -> tuple[Period, bool] | str | None:
    """Read normalised text; None when it has no period shape at all, a string for a reason."""
    try:
        return _read(text, date_format)
    except ValueError as exc:  # date() rejects the day, month or year
        return f"invalid date: {exc}"
    except (ArithmeticError, LookupError, TypeError, AssertionError) as exc:
        return f"internal error: {type(exc).__name__}"


@lru_cache(maxsize=1 << 14)
def _parse_period(text: str, date_format: str | None) -> Quantity:
    norm = normalize(text)
    got = read_period(norm, date_format) if norm else "empty"
    if got is None:
        got = "not a date or period"
    if isinstance(got, str):
        return Quantity(input=text, kind=Kind.UNPARSED, reason=got)
    return Quantity(input=text, kind=Kind.PERIOD, period=got[0])


def parse_period(text: str, *, date_format: str | None = None) -> Quantity:
    """Read a date or period (``2021년 1~7월``, ``2019年上半年``, ``2012-Q2``) as kind period."""
    return _parse_period(text, date_format)


@lru_cache(maxsize=1 << 14)
def _parse_date(text: str, date_format: str | None) -> date | None:
    got = read_period(normalize(text), date_format)
    if got is None or isinstance(got, str) or not got[1]:
        return None
    return got[0].start


def parse_date(text: str, *, date_format: str | None = None) -> date | None:
    """The day a date names, or the first day of a month, quarter, half or year; else None."""
    return _parse_date(text, date_format)


__all__ = ["parse_date", "parse_period", "read_period"]
