"""Periods named by their distance from the period in context: ``전달``, ``전월``, ``前月``,
``the previous month`` (the month before the one in context, a period compared with), and
``the prior year`` in a document whose fiscal year is not the calendar's (the fiscal year
before, not the calendar one)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from sectorlens.facts import lexicon as lx
from sectorlens.facts.period_forms import Dating
from sectorlens.model import Period

MONTH_BEFORE = re.compile(
    r"(?<![가-힣])(?:전달|전월)|前月|\b(?:the\s)?(?:previous|prior|preceding)\smonth\b", re.I
)
# what every match of MONTH_BEFORE contains (tests/test_facts_scan_guards.py proves it)
MONTH_BEFORE_WORDS = ("전달", "전월", "前月", "month")
_YEAR_WORD = re.compile(
    r"전년|작년|지난해|去年|上年|(?:the\s)?(?:last|previous|prior)[-\s]year|"
    r"(?:a\s)?year[-\s](?:earlier|ago)",
    re.I,
)


def month_before(
    text: str,
    before: Sequence[tuple[int, Period]],
    taken: Sequence[tuple[int, int]],
    base: Period | None,
) -> list[tuple[int, int, Period]]:
    """``상품수지 흑자는 전달 72억 달러에서`` in a story on June: May — the month before the
    latest whole month named before the word (``before``: (end offset, period)), else before the
    context's month (``base``); none without such a month. ``taken``: spans already read."""
    out: list[tuple[int, int, Period]] = []
    if not lx.has_any(text, MONTH_BEFORE_WORDS):
        return out
    for m in MONTH_BEFORE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        months = [p for end, p in before if end <= m.start() and _a_month(p)]
        near = months[-1] if months else base if base is not None and _a_month(base) else None
        if near is None:
            continue
        y, mo = divmod(near.start.year * 12 + near.start.month - 2, 12)
        last = calendar.monthrange(y, mo + 1)[1]
        out.append((m.start(), m.end(), Period(date(y, mo + 1, 1), date(y, mo + 1, last))))
    return out


def _a_month(p: Period) -> bool:
    """``p`` is one whole calendar month."""
    last = calendar.monthrange(p.start.year, p.start.month)[1]
    return p.start.day == 1 and p.end == date(p.start.year, p.start.month, last)


def _calendar_year(p: Period) -> bool:
    return (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)


def fiscal_year_like(
    word: str, period: Period, base: Period | None, dating: Dating | None
) -> Period | None:
    """``the prior year adjusted net income`` (``word``, read as the calendar ``period``) in a
    fiscal year of November to October (``base``, the context): the fiscal year before — the
    context's twelve months moved by whole years; None where the document states no fiscal
    calendar or the context is no such year."""
    if dating is None or dating.fiscal is None or base is None or _calendar_year(base):
        return None
    if not _calendar_year(period) or not _YEAR_WORD.fullmatch(word):
        return None
    if not 360 <= (base.end - base.start).days <= 371:
        return None
    step = period.end.year - base.end.year
    try:
        return Period(
            base.start.replace(year=base.start.year + step),
            base.end.replace(year=base.end.year + step),
        )
    except ValueError:
        return None  # a 29 February


__all__ = ["MONTH_BEFORE", "fiscal_year_like", "month_before"]
