"""A fact's period beyond its sentence's own words, for ``extract``.

- The headings of the document model date what follows them, also a heading a line layout
  merged into the next paragraph (a PDF title) and a heading that states a figure itself
  (``韩IT产品5月对华出口增5.6%``).
- A list item without a period continues the period of the item before it in the same list.
- A change stated against an earlier point (``6月11日 … 较5月初回落9.33%``) covers the stretch
  from that point to the sentence's own day; against a whole period it keeps its own period.
- A CAGR covers the years between the periods its sentence names before it (``由2008年的…上升至
  2019年的…，年复合增长率为11.4%``: 2008–2019).
- A period counted from the document's date (``last year``) is an assumption, noted on the fact.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Sequence
from datetime import date, timedelta

from sectorlens.facts.context import Dating, Named, named_periods
from sectorlens.facts.dateline import is_dateline
from sectorlens.facts.document import Block, BlockKind
from sectorlens.facts.fiscal import Fiscal
from sectorlens.facts.readers import Document
from sectorlens.facts.relative import NO_DOCUMENT_DATE
from sectorlens.facts.scope import Scope
from sectorlens.model import Period, Quantity


class DocHeadings:
    """The headings of a document in reading order, handed out once each as the text passes;
    only those whose level the reader knows (a PDF's table header set in bold is no heading)."""

    def __init__(self, doc: Document) -> None:
        heads = [h for h in doc.headings() if h.level is not None]
        self._heads = sorted(heads, key=lambda b: b.span[0])
        self._next = 0

    def passed(self, offset: int) -> list[Block]:
        """Headings that start at or before ``offset`` and were not handed out yet."""
        out = []
        while self._next < len(self._heads) and self._heads[self._next].span[0] <= offset:
            out.append(self._heads[self._next])
            self._next += 1
        return out


def continues_list(before: Block | None, block: Block | None) -> bool:
    """True when ``block`` is the list item right after the list item ``before``."""
    return (
        before is not None
        and block is not None
        and before.kind is BlockKind.LIST_ITEM
        and block.kind is BlockKind.LIST_ITEM
        and block.index == before.index + 1
    )


def change_period(period: Period | None, start: int, found: Sequence[Named]) -> Period | None:
    """The period of a change whose nearest period is the one it is compared with (None where
    the sentence names none of its own: the context's is the change's)."""
    if period is None:
        return None
    compared = [n for n in found if n.compared and n.end <= start and n.period == period]
    if not compared:
        return period
    own = [n for n in found if not n.compared and n.end <= compared[-1].start]
    if not own:
        # 其中木浆1147万吨，较上年增长9.24%: no period of its own, the one in context (not 上年)
        return None
    mine, since = own[-1].period, compared[-1].period
    if mine.start == mine.end and since.start < mine.end:
        return Period(since.start, mine.end)  # 较5月初回落: from early May to the stated day
    return mine


def cagr_period(
    period: Period | None, start: int, floor: int, found: Sequence[Named]
) -> Period | None:
    """A CAGR's years: from the earliest to the latest period named since ``floor`` before it."""
    if period is not None and period.start.year < period.end.year:
        return period  # 2009年-2019年, over the last 46 years: a span already
    window = [n.period for n in found if floor <= n.start and n.end <= start]
    if len(window) < 2:
        return period
    first = min(p.start for p in window)
    last = max(p.end for p in window)
    if first.year >= last.year:
        return period
    return Period(first, last)


def endpoint(period: Period | None, change: str | None, after_from: Period | None) -> Period | None:
    """``Over the last 46 years … grown from $19 to $95,453``: the level a change starts from is
    the span's first year, the level it reaches (right after) its last."""
    if period is None or period.start.year >= period.end.year:
        return period
    if change == "from":
        y = period.start.year
    elif change is None and after_from == period:
        y = period.end.year
    else:
        return period
    return Period(date(y, 1, 1), date(y, 12, 31))


def noted(q: Quantity, period: Period | None, found: Sequence[Named]) -> Quantity:
    """``q`` with the note of an assumed period (``last year`` counted from the document's
    date) among its assumptions."""
    note = next((n.note for n in found if n.note and n.period == period), None)
    if note is None and period is not None:
        # 올해도 … 1분기: the quarter of a year counted from an unknown date is a guess too
        note = next(
            (
                n.note
                for n in found
                if n.note
                and NO_DOCUMENT_DATE in n.note
                and n.period.start <= period.start
                and period.end <= n.period.end
            ),
            None,
        )
    if note is None or note in q.assumptions:
        return q
    return dataclasses.replace(q, assumptions=(*q.assumptions, note))


# For the quarter, quarterly, full-year: the quarter or the year the context's day closes.
_SPAN_WORD = re.compile(
    r"(?P<q>(?:\b(?:for|in|during)\s|^\W{0,3})the\squarter\b(?!\s(?:of|ended|ending))|\bquarterly\b|"
    r"이번\s?분기|당\s?분기|本季度|当季|单季)|"
    r"(?P<y>\bfull[-\s]year\b|\bfor\sthe\s(?:full\s)?(?:fiscal\s)?year\b(?!\s(?:ended|ending|of))|"
    r"\bfull\sfiscal\syear\b)|"
    # 연간 실업률, 全年: the year of the month or quarter the text is about (not the document's
    # date: a year's target written mid-year is of that year, so only a named context dates it)
    r"(?P<yk>(?<![가-힣])연간(?![가-힣])|(?<![\u4e00-\u9fff])全年(?!度))",
    re.I,
)
_SLACK = timedelta(days=7)


def span_word(text: str, day: date | None, fiscal: Fiscal | None, published: bool) -> Named | None:
    """``For the quarter``, ``quarterly``, ``full-year`` in a sentence without a period of its
    own: the quarter or the (fiscal) year that ends on the context's ``day`` — or, when
    ``day`` is the document's date, the last one ended by then."""
    m = _SPAN_WORD.search(text)
    if m is None or day is None:
        return None
    if m.group("yk") and published:
        return None
    months = 3 if m.group("q") else 12
    start, end = _holding(day, months, fiscal)
    if published and end - day > _SLACK:
        start, end = _holding(start - timedelta(days=1), months, fiscal)
    return Named(m.start(), m.end(), Period(start, end))


def _holding(day: date, months: int, fiscal: Fiscal | None) -> tuple[date, date]:
    """The quarter or year (fiscal where the document states its calendar) that holds ``day``."""
    if fiscal is not None:
        n = fiscal.year_of(day)
        first, _ = fiscal.year(n)
        if months == 12:
            return fiscal.year(n)
        k = ((day.year - first.year) * 12 + day.month - first.month) // 3
        return fiscal.part(n, 3 * k + 1, 3)
    if months == 12:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    q = (day.month - 1) // 3
    last = 3 * q + 3
    return date(day.year, 3 * q + 1, 1), date(
        day.year, last, calendar.monthrange(day.year, last)[1]
    )


__all__ = [
    "DocHeadings",
    "cagr_period",
    "change_period",
    "comparable",
    "continues_list",
    "cumulative",
    "endpoint",
    "noted",
    "span_word",
]


# After a quarter or a month: the run of the year up to its end (3분기까지, 3분기 누적,
# 9월까지 누적, 截至三季度末累计, through the third quarter)
_TO_DATE = re.compile(r"^\s?(?:까지|누적|말까지|末?累计|末累計|累積|年初至今|to\s+date\b)")


def to_date(text: str, found: Sequence[Named]) -> tuple[Named, ...]:
    """Periods of one quarter or month that a cumulative word follows, widened to run from the
    start of their year (``3분기까지 누적 영업이익률``: January to September)."""
    out = []
    for n in found:
        p = n.period
        short = p.start.year == p.end.year and 27 <= (p.end - p.start).days <= 92  # no day
        if short and p.start.month > 1 and _TO_DATE.match(text[n.end : n.end + 12]):
            n = dataclasses.replace(n, period=Period(date(p.start.year, 1, 1), p.end, True))
        out.append(n)
    return tuple(out)


# for the comparable period in 2021, the corresponding quarter of 2021: the span of the fact's own
# period, a year named
_COMPARABLE = re.compile(
    r"\b(?:comparable|corresponding|same)\s(?:period|quarter|months?)\s(?:of|in)\s$", re.I
)


def comparable(
    period: Period | None, text: str, found: Sequence[Named], own: Period | None
) -> Period | None:
    """``for the comparable period in 2021`` after a figure of Q4 2022: Q4 2021 (the fact's own
    span of time in the year named), not the whole of 2021."""
    n = next((n for n in found if n.compared and n.period == period), None)
    if n is None or period is None or own is None:
        return period
    if not _COMPARABLE.search(text[max(0, n.start - 40) : n.start]):
        return period
    whole = period.start == date(period.start.year, 1, 1) and period.end == date(
        period.start.year, 12, 31
    )
    if not whole or (own.end - own.start).days >= 360 or own.start.year != own.end.year:
        return period
    y = period.start.year
    last = calendar.monthrange(y, own.end.month)[1]
    return Period(date(y, own.start.month, own.start.day), date(y, own.end.month, last))


# A running total in a sentence that names no period: 누적 수출액, 累计销量, year-to-date sales
_CUMULATIVE = re.compile(r"누적|누계|累计|累計|\byear[-\s]to[-\s]date\b|\bcumulative\b", re.I)


def cumulative(period: Period | None, text: str) -> Period | None:
    """A month or quarter lent by the context to a sentence about a running total (``누적
    수입액은…`` after ``7월 수출…``) is the run of its year up to that month's end."""
    if period is None or not _CUMULATIVE.search(text):
        return period
    short = period.start.year == period.end.year and 27 <= (period.end - period.start).days <= 92
    if not short or period.start.month == 1:
        return period
    return Period(date(period.start.year, 1, 1), period.end, True)


def heading_period(
    head: Block, scope: Scope, fiscal: Fiscal | None, reference: date | None
) -> None:
    """A heading of the document model dates what follows it (also one a layout merged); a
    heading as high as the one that dated the text before, stating no period, ends that period
    (the next part of a long report is about its own year)."""
    text = head.text
    base = scope.period or scope.reference_period
    year = None if base is None else base.end.year
    dating = Dating(fiscal, base.end if base else None, base is scope.reference_period, reference)
    own = [n.period for n in named_periods(text, year, dating) if not n.compared]
    if is_dateline(text):
        return  # 등록일 2021-04-22: dates the document, neither a section nor its end
    if own:
        scope.period = own[-1]
        scope.period_level = head.level
    elif _as_high(head.level, scope.period_level):
        scope.period = scope.period_level = None


def _as_high(level: int | None, dated: int | None) -> bool:
    """A heading of ``level`` at or above the heading level ``dated`` that set the period."""
    return level is not None and dated is not None and level <= dated
