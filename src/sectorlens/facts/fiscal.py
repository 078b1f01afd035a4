"""Fiscal calendars and spans that end on a stated day.

A company whose fiscal year does not end in December says so: ``first quarter fiscal 2024 ended
April 30, 2023``, ``fiscal year 2024 ended January 28, 2024``. ``fiscal_calendar`` reads such a
statement once per document; ``FY24``, ``the second quarter of fiscal 2024`` and a bare ``first
quarter`` are then that company's periods, not calendar ones. Without a statement nothing is
assumed (a fiscal year is read as the calendar year, as before).

``months_ended`` reads ``three months ended April 30, 2023`` and ``year ended …`` as the span
that ends on that day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sectorlens.facts import lexicon as lx
from sectorlens.model import Period

MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_DAY = rf"(?P<mon>{MON})\s(?P<day>\d{{1,2}}),?\s(?P<year>(?:19|20)\d{{2}})"
_FY = r"(?:fiscal\s(?:year\s)?|FY\s?)(?P<fy>(?:19|20)\d{2}|\d{2})"
_QUARTER_ENDED = re.compile(
    rf"\b(?:(?P<ord>first|second|third|fourth)\s(?:fiscal\s)?quarter|Q(?P<qn>[1-4]))\s"
    rf"(?:of\s)?(?:the\s)?{_FY},?\s(?:which\s)?(?:ended|ending)\s(?:on\s)?{_DAY}",
    re.I,
)
_YEAR_ENDED = re.compile(
    rf"(?<!quarter\s)(?<!quarter\sof\s)(?<!Q[1-4]\s)\b{_FY},?\s(?:which\s)?(?:ended|ending)\s(?:on\s)?{_DAY}",
    re.I,
)
# The fourth quarter ended January 28, 2024: the end of a fiscal year whose number is named
# elsewhere in the document (Fourth Quarter and Fiscal 2024).
_YEAR_END_STATED = re.compile(
    rf"\b(?:fourth\s(?:fiscal\s)?quarter|Q4|fiscal\syear|full\syear|(?:12|twelve)\smonths)\s(?:which\s)?"
    rf"(?:ended|ending)\s(?:on\s)?{_DAY}",
    re.I,
)
# HP's net revenue for the third quarter ended 31 July: a quarter's end stated without the fiscal
# year's number (day and month in either order, the year often left out)
_BARE_QUARTER_ENDED = re.compile(
    r"\b(?P<ord>first|second|third|fourth)\s(?:fiscal\s)?quarter\s(?:which\s)?(?:ended|ending)\s"
    rf"(?:on\s)?(?:(?P<mon>{MON})\s(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s(?P<mon2>{MON}))\b"
    r"(?:,?\s(?P<year>(?:19|20)\d{2}))?",
    re.I,
)
# The third fiscal quarter, which ended on December 31, 2008: a quarter's end, the fiscal year
# whose number the document names elsewhere (FISCAL YEAR 2009 THIRD QUARTER).
_QUARTER_END_STATED = re.compile(
    rf"\b(?P<ord>first|second|third|fourth)\s(?:fiscal\s)?quarter,?\s(?:which\s)?"
    rf"(?:ended|ending)\s(?:on\s)?{_DAY}",
    re.I,
)
# fiscal 2009, FY09, the 2009 first quarter (a year its quarters are counted in)
_FY_NAMED = re.compile(
    r"\b(?:(?:fiscal\s(?:year\s)?|FY\s?)((?:19|20)\d{2}|\d{2})\b|"
    r"((?:19|20)\d{2})\s(?:first|second|third|fourth)\s(?:fiscal\s)?quarter\b)",
    re.I,
)
MONTHS_ENDED = (
    r"\b(?:(?P<enm>three|six|nine|twelve|3|6|9|12)[\s-]months?|"
    r"(?P<enw>thirteen|twenty-six|thirty-nine|fifty-two|fifty-three|13|26|39|52|53)[\s-]weeks?|"
    r"(?:(?:the\s)?(?:fiscal\s)?(?:first|second|third|fourth)\s(?:fiscal\s)?)?(?P<enq>quarter)|"
    r"(?:fiscal\s)?(?P<eny>year))(?:,?\swhich)?\s(?:/\s)?(?:ended|ending)\s(?:/\s)?(?:on\s)?"
    # (the fiscal year ending March 2012: the day left out is the month's last)
    rf"(?P<emon>{MON})\s(?:(?P<eday>\d{{1,2}}),?\s?(?:/\s?)?)?(?P<eyr>(?:19|20)\d{{2}})"
)
# what every match of the patterns of a stated end contains (tests/test_facts_scan_guards.py
# proves it on each)
ENDED_WORDS = ("end",)
_SPAN = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}
_WEEKS = {"thirteen": 13, "twenty-six": 26, "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53}
_WEEKS.update({str(n): n for n in _WEEKS.values()})


def month_number(name: str) -> int:
    """1–12 for an English month name or abbreviation."""
    return _MONTHS.index(name.lower().rstrip(".")[:3]) + 1


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _closing_month(day: date) -> tuple[int, int]:
    """The month a period ending on ``day`` closes: a 52/53-week year ending on 2 February
    closes January."""
    if day.day <= 7:
        return _add_months(day.year, day.month, -1)
    return day.year, day.month


@dataclass(frozen=True, slots=True)
class Fiscal:
    """A fiscal calendar: the year ends in ``month``; fiscal year N ends in year N + ``offset``."""

    month: int
    offset: int

    def year(self, n: int) -> tuple[date, date]:
        """The first and last day of fiscal year ``n``."""
        y, m = _add_months(n + self.offset, self.month, -11)
        return date(y, m, 1), _month_end(n + self.offset, self.month)

    def part(self, n: int, first: int, months: int) -> tuple[date, date]:
        """``months`` months of fiscal year ``n`` from its month ``first`` (1-based)."""
        start, _ = self.year(n)
        y, m = _add_months(start.year, start.month, first - 1)
        y2, m2 = _add_months(y, m, months - 1)
        return date(y, m, 1), _month_end(y2, m2)

    def year_of(self, day: date) -> int:
        """The fiscal year that holds ``day``."""
        end_year = day.year if day.month <= self.month else day.year + 1
        return end_year - self.offset


def _fy_number(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def fiscal_calendar(text: str, reference: date | None = None) -> Fiscal | None:
    """The fiscal calendar a document states, if it states exactly one that is not the
    calendar year; ``reference`` (the document's date) dates a quarter's end stated without
    its year."""
    found: set[Fiscal] = set()
    ended = lx.has_any(text, ENDED_WORDS)  # each statement says ended or ending
    for m in _QUARTER_ENDED.finditer(text) if ended else ():
        q = _ORD[m.group("ord").lower()] if m.group("ord") else int(m.group("qn"))
        got = _from_end(m, 3 * (4 - q))
        if got is not None:
            found.add(got)
    for m in _YEAR_ENDED.finditer(text) if ended else ():
        got = _from_end(m, 0)
        if got is not None:
            found.add(got)
    if not found:
        named = {_fy_number(m.group(1) or m.group(2)) for m in _FY_NAMED.finditer(text)}
        if named and ended:  # (without a fiscal year named, no end read fits one)
            found = _year_end_named(text, named) or _quarter_end_named(text, named, reference)
    if len(found) != 1:
        return None
    (fiscal,) = found
    return None if (fiscal.month, fiscal.offset) == (12, 0) else fiscal


def _year_end_named(text: str, named: set[int]) -> set[Fiscal]:
    """``fourth quarter ended January 28, 2024`` in a document that names fiscal 2024: that
    fiscal year ends then (a year named by the calendar year it ends in, the usual way); a
    ``third fiscal quarter, which ended on December 31, 2008`` with fiscal 2009 named: that
    year ends three months later."""
    found: set[Fiscal] = set()
    ends = [(m, 0) for m in _YEAR_END_STATED.finditer(text)]
    for m in _QUARTER_END_STATED.finditer(text):
        ends.append((m, 3 * (4 - _ORD[m.group("ord").lower()])))
    for m, months_to_year_end in ends:
        try:
            day = date(int(m.group("year")), month_number(m.group("mon")), int(m.group("day")))
        except ValueError:
            continue
        y, month = _add_months(*_closing_month(day), months_to_year_end)
        if y in named:
            found.add(Fiscal(month, 0))
    return found


def _quarter_end_named(text: str, named: set[int], reference: date | None) -> set[Fiscal]:
    """``third quarter ended 31 July`` in a document that names fiscal 2013: the fiscal year
    ends three months after that quarter's end (October), named by the calendar year it ends
    in. The quarter's year, where not stated, is the last one ended by the document's date;
    with neither, nothing is assumed."""
    found: set[Fiscal] = set()
    for m in _BARE_QUARTER_ENDED.finditer(text):
        month = month_number(m.group("mon") or m.group("mon2"))
        day_n = int(m.group("day") or m.group("day2"))
        if m.group("year"):
            year = int(m.group("year"))
        elif reference is not None:
            year = (
                reference.year
                if (month, day_n) <= (reference.month, reference.day)
                else (reference.year - 1)
            )
        else:
            continue
        try:
            day = date(year, month, day_n)
        except ValueError:
            continue
        y, closing = _add_months(*_closing_month(day), 3 * (4 - _ORD[m.group("ord").lower()]))
        if y in named:
            found.add(Fiscal(closing, 0))
    return found


def _from_end(m: re.Match[str], months_to_year_end: int) -> Fiscal | None:
    try:
        day = date(int(m.group("year")), month_number(m.group("mon")), int(m.group("day")))
    except ValueError:
        return None
    y, month = _add_months(*_closing_month(day), months_to_year_end)
    offset = y - _fy_number(m.group("fy"))
    return Fiscal(month, offset) if offset in (-1, 0, 1) else None


def months_ended(m: re.Match[str]) -> tuple[date, date] | None:
    """The span a ``MONTHS_ENDED`` match names: its length in months, ending on its day."""
    try:
        year, month = int(m.group("eyr")), month_number(m.group("emon"))
        end = (
            date(year, month, int(m.group("eday"))) if m.group("eday") else _month_end(year, month)
        )
    except ValueError:
        return None
    if m.group("enw"):  # 13, 26, 39, 52 or 53 weeks of a retail fiscal calendar, to the day
        return end - timedelta(weeks=_WEEKS[m.group("enw").lower()]) + timedelta(days=1), end
    months = 3 if m.group("enq") else 12 if m.group("eny") else _SPAN[m.group("enm").lower()]
    return span_ending(end, months)


def span_ending(end: date, months: int) -> tuple[date, date]:
    """The ``months`` months that end on ``end`` (a month end: whole months)."""
    if end == _month_end(end.year, end.month):
        y, mo = _add_months(end.year, end.month, 1 - months)
        return date(y, mo, 1), end
    y, mo = _add_months(end.year, end.month, -months)
    day = min(end.day, calendar.monthrange(y, mo)[1])
    return date(y, mo, day) + timedelta(days=1), end


def months_of(period: Period) -> int:
    """How many months a span of days covers, rounded (a 13-week quarter is 3)."""
    return max(1, round(((period.end - period.start).days + 1) / 30.44))


def same_span_in(start: date, end: date, year: int) -> tuple[date, date] | None:
    """The span ``start``–``end`` moved to end in ``year`` (``three months ended April 30`` of
    another year)."""
    shift = year - end.year
    try:
        new_end = end.replace(year=year)
    except ValueError:  # 29 February
        new_end = date(year, end.month, 28)
    if end == _month_end(end.year, end.month):
        new_end = _month_end(year, end.month)
    y, m = start.year + shift, start.month
    day = min(start.day, calendar.monthrange(y, m)[1])
    return date(y, m, day), new_end


__all__ = [
    "MON",
    "MONTHS_ENDED",
    "Fiscal",
    "fiscal_calendar",
    "month_number",
    "months_ended",
    "months_of",
    "same_span_in",
    "span_ending",
]
