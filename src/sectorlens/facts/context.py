"""A fact's context: the periods a sentence names (own or compared with), the document's
reference date, and the change a number states (YoY, QoQ, CAGR, a signed change).

Periods the parser reads whole (``2021년 1~7월``, ``2019年前三季度``) go to ``parse_period``; the
forms that need the document around them are resolved in ``period_forms`` (short years, months
without a year, ``FY2019``, ``January–September 2018``) and relative periods (``last year``,
``전년``, ``去年``) in ``relative``, against the reference year.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from sectorlens.facts import lexicon as lx
from sectorlens.facts.candidates import YEAR_DIGITS, arabic_years, period_spans
from sectorlens.facts.change_words import CHANGE_KINDS, change_of
from sectorlens.facts.compared_periods import (
    CMP_AFTER,
    CMP_VALUE_BEFORE,
    is_compared,
    streak_months,
)
from sectorlens.facts.fiscal import months_of, same_span_in, span_ending
from sectorlens.facts.period_forms import EXTRA, EXTRA_WORDS, Dating, resolve
from sectorlens.facts.period_shift import fiscal_year_like, month_before
from sectorlens.facts.relative import relative_periods, stretch
from sectorlens.model import Period
from sectorlens.parse import parse_period

# The end of the period the context reports (报告期末, at the end of the quarter): its last day.
_PERIOD_END = re.compile(
    r"(?:本)?报告期(?:期)?末|本期末|보고\s?기간\s?말|"
    r"\b(?:at\s)?the\send\sof\sthe\s(?:reporting\s)?(?:period|quarter)\b|\bquarter[-\s]end\b",
    re.I,
)
# what every match of _PERIOD_END contains (tests/test_facts_scan_guards.py proves it)
PERIOD_END_WORDS = ("报告期", "本期末", "기간", "end")
_BARE_YEAR = re.compile(YEAR_DIGITS)


@dataclass(frozen=True, slots=True)
class Named:
    """A period named in a sentence at ``text[start:end]``; ``compared`` for a comparison's."""

    start: int
    end: int
    period: Period
    compared: bool = False
    note: str | None = None  # what was assumed to read it (a year counted from the document's date)


def named_periods(text: str, year: int | None, dating: Dating | None = None) -> tuple[Named, ...]:
    """Every period ``text`` names, left to right; ``year`` dates those without one, ``dating``
    gives the document's fiscal calendar and the day the context points at."""
    text = arabic_years(text)  # 二零二四年上半年
    found: list[Named] = []
    taken: list[tuple[int, int]] = []
    for span in period_spans(text):
        q = parse_period(span.text)
        if _A_BASIS_AFTER.match(text, span.end):
            taken.append((span.start, span.end))  # 104.73(2015년 100 기준), at constant 2021 rates
            continue
        if q.period is not None:
            found.append(Named(span.start, span.end, q.period))
            taken.append((span.start, span.end))
    context_year = year
    reference = dating.reference if dating is not None else None
    before_year = [(n.start, n.period.end.year) for n in found]
    fiscal = dating is not None and dating.fiscal is not None
    now = dating.now if dating is not None else None
    for f in relative_periods(text, year, reference, before_year, fiscal, now):
        overlap = [(s, e) for s, e in taken if s < f.end and f.start < e]
        if any(not (f.start <= s and e <= f.end) for s, e in overlap):
            continue  # the first nine months of 2023 replaces the 2023 inside it
        found = [n for n in found if (n.start, n.end) not in overlap]
        taken = [t for t in taken if t not in overlap]
        found.append(Named(f.start, f.end, f.period, note=f.note))
        taken.append((f.start, f.end))
    base = dating.base if dating is not None and not dating.published else None
    ends = base is not None and lx.has_any(text, PERIOD_END_WORDS)
    for m in _PERIOD_END.finditer(text) if ends else ():
        if base is not None and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Named(m.start(), m.end(), Period(base.end, base.end)))  # 报告期末
            taken.append((m.start(), m.end()))
    found.sort(key=lambda n: n.start)
    for m in EXTRA.finditer(text) if lx.has_any(text, EXTRA_WORDS) else ():
        overlap = [(s, e) for s, e in taken if s < m.end() and m.start() < e]
        if any(not (m.start() <= s and e <= m.end()) for s, e in overlap):
            continue  # a longer period already read there
        before = sorted((n for n in found if n.end <= m.start()), key=lambda n: n.start)
        y = before[-1].period.end.year if before else context_year
        here = dating
        if before and dating is not None:
            here = Dating(dating.fiscal, before[-1].period.end)
        period = resolve(m, y, here)
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
    found = _year_then_part(text, found)
    found = _like_the_span_before(text, found)
    found = _stretched(text, found, dating)
    found = _quarter_before(text, found, dating)
    found = _month_before(text, found, dating)
    out = []
    for n in found:
        out.append(Named(n.start, n.end, n.period, is_compared(text, n.start, n.end), n.note))
    for k in range(len(out) - 2, -1, -1):
        n, part = out[k], out[k + 1]
        within = n.period.start <= part.period.start and part.period.end <= n.period.end
        if part.compared and not n.compared and within and 0 <= part.start - n.end <= 2:
            # 작년 상반기보다, last year's first half compared: the year is the comparison's too
            out[k] = dataclasses.replace(n, compared=True)
    return tuple(_streak_end(text, n) for n in out)


def _streak_end(text: str, n: Named) -> Named:
    """``2021년 5월 이후 10개월 연속``: the streak's last month (February 2022), the figure's own
    period, counted from the month it started (which is no period of the figure's)."""
    p = n.period
    one_month = p.start.day == 1 and (p.start.year, p.start.month) == (p.end.year, p.end.month)
    streak = streak_months(text[n.end : n.end + 24]) if one_month else None
    if streak is None:
        return n
    months, length = streak
    year, month = divmod(p.start.year * 12 + p.start.month - 1 + months - 1, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return Named(
        n.start, n.end + length, Period(date(year, month + 1, 1), date(year, month + 1, last))
    )


def _year_then_part(text: str, found: list[Named]) -> list[Named]:
    """``今年前2个月``, ``올해 1~2월``: a year written right before a part of it is that part's
    year, no period of its own."""
    out: list[Named] = []
    for k, n in enumerate(found):
        part = found[k + 1] if k + 1 < len(found) else None
        if (
            part is not None
            and _whole_years(n.period)
            and n.period.start.year == n.period.end.year
            and n.period.start <= part.period.start
            and part.period.end <= n.period.end
            and part.period != n.period
            and not text[n.end : part.start].strip()
        ):
            continue
        out.append(n)
    return out


def comparison_start(text: str, n: Named) -> int | None:
    """Where the comparison that ``n`` closes opens (``compared to operating income of $211.6
    million, or 18.7 per cent of net sales, for Q4 FY21``: at ``compared``), or None."""
    if not n.compared:
        return None
    low = max(0, n.start - 130)
    m = CMP_VALUE_BEFORE.search(text[low : n.start])
    return None if m is None else low + m.start()


def _year_of(n: Named, period: Period) -> bool:
    """``n`` names a whole year that holds ``period`` (a part of it)."""
    return (
        _whole_years(n.period)
        and n.period.start.year == n.period.end.year
        and (n.period.start <= period.start and period.end <= n.period.end and period != n.period)
    )


_A_BASIS_AFTER = re.compile(
    r"\s?(?:=\s?100\b|(?:년|年)?\s?(?:=\s?)?100\s?(?:기준|基准|基準|=))"
    # at constant 2021 exchange rates, in 2015 prices, 2010년 불변가격: a basis, no period
    r"|\s(?:average\s)?(?:exchange\srates?|fx\srates?|prices|dollars)\b|년\s?(?:불변|기준)\s?가격|年(?:不变|可比)价",
    re.I,
)


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
        base = dating.base if dating is not None else None
        own_years = any(not o.compared and _whole_years(o.period) for o in out)
        if base is not None and not _whole_years(base) and base.start != base.end and not own_years:
            shorter.insert(0, base)  # (not the day a document is dated, not after 지난해)
        fiscal_year = fiscal_year_like(
            text[n.start : n.end], n.period, dating.base if dating is not None else None, dating
        )
        if fiscal_year is not None:
            n = Named(n.start, n.end, fiscal_year, n.compared, n.note)
        elif shorter and _whole_years(n.period) and _same_period(text, n.start, n.end):
            # 2분기 매출은 … 전년 동기 대비: the same quarter a year before
            got_back = same_span_in(shorter[-1].start, shorter[-1].end, n.period.end.year)
            if got_back is not None:
                n = Named(n.start, n.end, Period(*got_back), n.compared, n.note)
        out.append(n)
    return out


# last quarter, the preceding quarter, 직전 분기, 上季度: the quarter before the one in context
_QUARTER_BEFORE = re.compile(
    r"\b(?:the\s)?(?:last|previous|prior|preceding)\squarter\b|(?:직전|전)\s?분기|上一?个?季度",
    re.I,
)


# what every match of _QUARTER_BEFORE contains (tests/test_facts_scan_guards.py proves it)
QUARTER_BEFORE_WORDS = ("quarter", "분기", "季度")


def _quarter_before(text: str, found: list[Named], dating: Dating | None) -> list[Named]:
    """``from the $441.3 billion of last quarter`` after ``Q3 2005``: Q2 2005 (the quarter before
    the latest quarter named before it, or the context's quarter); none without such a quarter."""
    if not lx.has_any(text, QUARTER_BEFORE_WORDS):
        return sorted(found, key=lambda n: n.start)
    out = list(found)
    for m in _QUARTER_BEFORE.finditer(text):
        if any(n.start < m.end() and m.start() < n.end for n in out):
            continue
        # RMB443 for Q1 2023, compared with RMB375 for Q1 2022 and RMB388 for the previous
        # quarter: the quarter before the figure's own, not before the one compared with
        before = [n for n in out if n.end <= m.start() and _a_quarter(n.period)]
        own = [n.period for n in before if not is_compared(text, n.start, n.end)]
        quarters = own or [n.period for n in before]
        base = dating.base if dating is not None else None
        near = quarters[-1] if quarters else base if base is not None and _a_quarter(base) else None
        if near is None:
            continue
        y, q = near.end.year, (near.end.month - 1) // 3  # the quarter before: 0-based index
        if q == 0:
            y, q = y - 1, 4
        last = calendar.monthrange(y, 3 * q)[1]
        out.append(Named(m.start(), m.end(), Period(date(y, 3 * q - 2, 1), date(y, 3 * q, last))))
    return sorted(out, key=lambda n: n.start)


def _a_quarter(p: Period) -> bool:
    """A calendar quarter (a fiscal one is left alone)."""
    return p.start.day == 1 and p.start.month % 3 == 1 and 88 <= (p.end - p.start).days <= 91


def _whole_years(p: Period) -> bool:
    return (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)


# 전년 동기, 去年同期, the same quarter last year: the period in context, a year before
_YEAR_WORD = re.compile(
    r"전년|작년|지난해|去年|上年|(?:the\s)?(?:last|previous|prior)[-\s]year|(?:a\s)?year[-\s](?:earlier|ago)",
    re.I,
)
_SAME_AFTER = re.compile(
    r"\s?(?:동기|동월|동분기|同期|같은\s?(?:기간|달|분기))|[-\s](?:period|quarter|month)\b", re.I
)
_SAME_BEFORE = re.compile(r"same\s(?:period|quarter|month)\s(?:of\s|in\s)?(?:the\s)?$", re.I)


def _same_period(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if _BARE_YEAR.fullmatch(word) and _SAME_BEFORE.search(text[max(0, start - 30) : start]):
        return True  # for the same period in 2001: the context's quarter in 2001
    if not (_YEAR_WORD.fullmatch(word) or _NOW_WORD.fullmatch(word)):
        return False
    if _WHOLE_AFTER.match(text, end):
        return False  # 올해 연간, this year as a whole: the whole year
    if _SAME_AFTER.match(text, end) or _SAME_BEFORE.search(text[max(0, start - 30) : start]):
        return True
    if _AGO.fullmatch(word):
        return True  # a loss of £1.8bn a year ago, after the first half of 2023: that half in 2022
    # 작년(1천282조원)보다, 작년 152조원에서 올해 220조원으로: in a part-year context a year
    # compared with, or a year set against another, is that part of it
    compared = CMP_AFTER.match(re.sub(r"^\s?[(（][^()（）]{0,30}[)）]", "", text[end : end + 40]))
    return bool(compared) or bool(_YEAR_WORD.search(text) and _NOW_WORD.search(text))


_AGO = re.compile(r"(?:a\s)?year[-\s](?:earlier|ago)", re.I)
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
        bare = _BARE_YEAR.fullmatch(text[n.start : n.end].strip())
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


def _month_before(text: str, found: list[Named], dating: Dating | None) -> list[Named]:
    """``전달``, ``the previous month``: the month before the latest month named before it, or
    the context's month (``month_before``)."""
    base = dating.base if dating is not None else None
    before = [(n.end, n.period) for n in found]
    taken = [(n.start, n.end) for n in found]
    got = [Named(s, e, p) for s, e, p in month_before(text, before, taken, base)]
    return sorted([*found, *got], key=lambda n: n.start)


_ENDED = re.compile(r"\b(?:ended|ending)\b", re.I)
_DAY_AFTER_SPAN = re.compile(
    r"[\s/|,;:()\-–]*(?:and|or|vs\.?|versus|compared\swith)?[\s/|,;:()]*", re.I
)


__all__ = [
    "CHANGE_KINDS",
    "Dating",
    "Named",
    "change_of",
    "named_periods",
]
