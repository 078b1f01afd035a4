"""Periods named relative to something else: the document's date, the period of the context,
or another period of the same sentence.

- Deictic years (``last year``, ``작년``, ``去年``, ``this year``, ``내년``, ``明年``) count from
  the document's own date (a letter of February 2011 spent money *last year*: 2010); anaphoric ones
  (``the previous year``, ``전년``, ``上年``, ``the year before``) from the period of the context.
  Without a document date both count from the year the sentence or its context is in.
- Stretches: ``前5个月`` (January–May), ``年初至6月11日`` and ``2025年以来`` (from January 1 to
  a day, or to the period the sentence reports), ``over the last 46 years``, ``the 40-year
  period``, ``지난 10년간``, ``过去5年`` (whole years ending with the context year).
- Days: ``at yearend``, ``年末``, ``연말``, ``2019年底`` (December 31).
- Korean two-digit years without an apostrophe (``25년``, ``24년/25년``) and forecast years of
  securities reports (``25F``, ``24E``): read only near the document's date (a duration such as
  ``10년 국채`` or ``25년 만에`` is no year).

Every period read against the document's date carries a note saying so: it is an assumption.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sectorlens.model import Period

# the note on a deictic year (``last year``) read without a document date
NO_DOCUMENT_DATE = "the document states no date"

_WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
}
_ZH_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_ZH_NUMBERS |= {"九": 9, "十": 10, "十一": 11, "十二": 12}

_DEICTIC = (
    r"\b(?:last|this|next)\syear\b|\bthe\spast\syear\b|\ba\syear\sago\b|"
    r"작년|지난해|올해|금년|내년|명년|去年|今年|本年|明年|来年|來年|"
    r"올(?=\s?(?:상반기|하반기|[1-4]\s?분기|\d{1,2}\s?월))"  # 올 상반기: this year's first half
)
_ANAPHORIC = (
    r"\bthe\s(?:previous|prior|preceding|following)\syear\b|\bthe\sprior[-\s]year\b|"
    r"\bthe\syear\sbefore\b|\ba\syear\searlier\b|\bprevious\syear\b|\bprior\syear\b|"
    r"\byear[-\s](?:earlier|ago)(?=[-\s](?:period|quarter|month)\b)|전년|전년도|이듬해|上年|上一年|"
    r"次年|翌年"
)
_STEP = {
    -1: re.compile(
        r"last|past|ago|earlier|previous|prior|preceding|before|작년|지난해|전년|去年|上", re.I
    ),
    1: re.compile(r"next|following|내년|명년|이듬해|明年|来年|來年|次年|翌年", re.I),
}
_N = r"\d{1,3}|" + "|".join(_WORD_NUMBERS)
_ZH_N = r"\d{1,2}|十[一二]?|[一二两三四五六七八九]"

RELATIVE = re.compile(
    # every form starts with one of these characters (its English words at a word boundary): the
    # lookahead skips other positions fast (tests/test_facts_scan_guards.py checks it covers all)
    r"(?=[\d작지올금내명去今本明来來전이上次翌前首과최过最近年연第一二三四]|\b[LTNAPYOFDISQ])(?:"
    + "|".join(
        (
            rf"(?P<deictic>{_DEICTIC})",
            rf"(?P<anaphoric>{_ANAPHORIC})",
            # 前5个月, 前十个月, 首7月, 首7個月: January to the Nth month of the year in context
            rf"(?P<firstn>(?:(?<![\d])前|首)\s?(?P<fn>{_ZH_N})\s?[个個]?月份?)",
            # 前三季度, 首三季: January to the end of the Nth quarter of the year in context
            r"(?P<firstq>(?:(?<![\d年])前|首)\s?(?P<fq>[一二三1-3])\s?[个個]?季度?)",
            # last month, 上月, 지난달, this month: a month counted from the document's date
            r"(?P<relm>\b(?:last|this)\smonth\b|上个?月|本月|지난\s?달|이번\s?달)",
            # over the last 46 years, the 40-year period, for the forty years, 지난 10년간, 过去5年
            rf"(?P<nyears>\b(?:over|for|during|in)\s(?:the\s(?:last\s|past\s|previous\s|prior\s)?|"
            rf"(?:last|past|previous|prior)\s)(?P<ny>{_N})(?:[-\s]year\speriod|\syears)\b"
            rf"|(?:지난|과거|최근)\s?(?P<nyk>\d{{1,2}})\s?년\s?(?:간|동안)"
            rf"|(?:过去|最近|近)\s?(?P<nyz>{_ZH_N})\s?年(?:来|间|中|里)?)",
            # the first nine months (of 2023), the nine months of 2023: January to the Nth month
            rf"(?P<firstm>\b(?:(?:the\s)?first\s(?P<fm>{_N})|the\s(?P<fm0>{_N})(?=\smonths\sof\s"
            rf"(?:19|20)\d{{2}}))\smonths(?:\sof\s(?:fiscal\s)?(?P<fmy>(?:19|20)\d{{2}}))?\b)",
            # year to date, 年初以来, 연초 이후: January 1 to the document's date
            r"(?P<ytd>\byear[-\s]to[-\s]date\b|\bYTD\b|\bsince\sthe\s(?:beginning|start)\sof\s"
            r"(?:the|this)\syear\b|年初以来|今年初以来|연초\s?(?:이후|이래|부터))",
            # 1H24, 2H 2024: a half
            r"(?P<nh>\b(?P<nhn>[12])H\s?(?P<nhy>(?:19|20)\d{2}|\d{2})(?:F|E)?\b)",
            # 一季度, 第三季度, 3분기, 1~3분기 without a year: the context year's quarters
            r"(?P<bq>\bQ(?P<bqe>[1-4])\b(?!\s?(?:FY|fiscal|[’'‘]?\d{2}\b|(?:19|20)\d{2}))|"
            r"(?<![\d前首~\-])(?:第?(?P<bqz>[一二三四])季度|第(?P<bqy>[一二三四])季)|"
            r"(?<![\d~\-])(?<![\d]\s)"
            r"(?P<bq1>[1-4])\s?(?:[~\-]\s?(?P<bq2>[1-4])\s?)?분기)",
            # at yearend, year-end, 年末, 年底, 연말 (not 2019年末: read with its year below)
            r"(?P<yearend>\b(?<!fiscal\s)(?:at\s)?(?:the\s)?year[-\s]?end\b(?!\s?(?:of\s)?(?:19|20)\d{2})"
            r"(?!\s(?:results|report|review|earnings|financial|figures))|(?<![\d年去今上明来])年(?:末|底)|"
            r"(?<![\d])연말)",
            # 25년, 24년/25년 (not 25년간, 25년 만에, 10년 국채, 지난 25년)
            r"(?P<koyear>(?<![\d.’'‘])(?<!지난\s)(?<!최근\s)(?<!과거\s)(?<!향후\s)(?<!약\s)"
            r"(?P<ky>[0-3]\d)\s?년(?!\s?(?:간|동안|만|째|이상|이하|이내|미만|초과|전|후|뒤|대|차|"
            r"생|가까이|넘게|여|쯤|국채|채|물|짜리|형|근속|연속|임기|주기)))",
            # 25F, 24E: a forecast year in a securities report
            r"(?P<fcast>(?<![\w.])(?P<fy>(?:19|20)?\d{2})[FE](?![\w]))",
        )
    )
    + ")",
    re.IGNORECASE,
)
_FCAST_CASE = re.compile(r"\d[FE]$")  # F and E in capitals only (25f is no forecast year)
# (전년(+27.0조원) 대비, 전년(△35.8조원)과 유사한: the period's own figure in brackets between)
_COMPARED_TAIL = re.compile(
    r"\s?(?:[(（][^()（）]{1,24}[)）])?"
    r"\s?(?:同期|동기|동월|동분기|같은\s?기간)?\s?(?:相比|相較|相较|比较|대비|보다|에\s?비해|"
    r"(?:과|와)\s?(?:비교(?:하면|해|하여|했을|할)|유사|비슷)|比)"
)
_DAY_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s$",
    re.I,
)
_YTD_BEFORE = re.compile(r"(?:年初|今年初|年初以来|연초)\s?(?:至|到|부터|~|-|–)?\s?$")
_SINCE_AFTER = re.compile(r"^\s?(?:以来|至今|이후|이래)")
_END_BEFORE = re.compile(r"\b(?:(?:at\s)?(?:the\s)?end\sof|year[-\s]end)\s(?:fiscal\s)?$", re.I)
_END_AFTER = re.compile(r"^\s?(?:年末|年底|末|底|말|\s?year[-\s]?end)", re.I)


@dataclass(frozen=True, slots=True)
class Found:
    """A period at ``text[start:end]``; ``note`` says what was assumed to read it."""

    start: int
    end: int
    period: Period
    note: str | None = None


def _year_span(y1: int, y2: int) -> Period | None:
    if not (1900 <= y1 <= y2 <= 2100):
        return None
    return Period(date(y1, 1, 1), date(y2, 12, 31))


def _count(text: str) -> int | None:
    key = text.lower()
    if key.isdigit():
        return int(key)
    return _WORD_NUMBERS.get(key) or _ZH_NUMBERS.get(key)


def _near(year: int, reference: date | None) -> bool:
    return reference is not None and reference.year - 12 <= year <= reference.year + 6


def relative_periods(
    text: str,
    year: int | None,
    reference: date | None,
    before_year: Sequence[tuple[int, int]],
    fiscal: bool = False,
    now: int | None = None,
) -> list[Found]:
    """The relative periods ``text`` names. ``year`` is the context year, ``reference`` the
    document's date; ``before_year`` lists (offset, year) of periods already read in ``text``,
    which date a ``前5个月`` after them; ``fiscal``: the document has its own fiscal calendar;
    ``now``: without a document date, the year deictic words were first counted from."""
    out: list[Found] = []
    years = list(before_year)
    for m in RELATIVE.finditer(text):
        if m.group("deictic") and _DAY_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue  # announced on November 1 last year: the day of an event, no figure's period
        prior = [y for at, y in sorted(years) if at <= m.start()]
        # 지난해 … 올해: words counted from now share one now (the context's year), not each other
        # (nor does the 작년 of one sentence move the now of the next: one now per document)
        now_year = now if now is not None and reference is None else year
        here = (
            now_year
            if m.group("deictic") and now_year is not None
            else prior[-1]
            if prior
            else year
        )
        got = _one(m, here, reference, fiscal)
        if got is not None:
            period, note = got
            out.append(Found(m.start(), m.end(), period, note))
            if not _COMPARED_TAIL.match(text, m.end()):
                # 与去年同期相比…，但第二季度: the year compared with dates no period after it
                years.append((m.start(), period.end.year))
    return out


def _one(
    m: re.Match[str], year: int | None, reference: date | None, fiscal: bool
) -> tuple[Period, str | None] | None:
    g = m.groupdict()
    word = m.group(0)
    if g["deictic"] or g["anaphoric"]:
        step = next((k for k, p in _STEP.items() if p.search(word)), 0)
        if g["deictic"] and reference is not None:
            p = _year_span(reference.year + step, reference.year + step)
            note = f"'{word}' read as {reference.year + step}, counted from the document's date"
            return None if p is None else (p, f"{note} {reference.isoformat()}")
        # without the document's date, or anaphoric: from the year the sentence or context is in
        if year is None:
            return None
        p = _year_span(year + step, year + step)
        if g["deictic"] and p is not None:  # a guess: the year the text is about may not be now
            return p, f"'{word}' read as {year + step}, counted from {year}: {NO_DOCUMENT_DATE}"
        return _pair(p)
    if g["firstn"]:
        n = _count(g["fn"])
        if year is None or n is None or not 1 <= n <= 12:
            return None
        return Period(date(year, 1, 1), _month_end(year, n), n < 12), None
    if g["firstq"]:
        n = _count(g["fq"])
        if year is None or n is None:
            return None
        return Period(date(year, 1, 1), _month_end(year, 3 * n), True), None
    if g["nyears"]:
        n = _count(g["ny"] or g["nyk"] or g["nyz"])
        if year is None or n is None or not 2 <= n <= 100:
            return None
        return _pair(_year_span(year - n, year))  # endpoints n years apart, as a CAGR counts
    if g["relm"]:
        if reference is None:
            return None
        step = -1 if re.match(r"last|上|지난", word, re.I) else 0
        y, m0 = divmod(reference.year * 12 + reference.month - 1 + step, 12)
        note = f"'{word}' read as {y}-{m0 + 1:02d}, counted from the document's date"
        return Period(date(y, m0 + 1, 1), _month_end(y, m0 + 1)), f"{note} {reference.isoformat()}"
    if g["firstm"]:
        n = _count(g["fm"] or g["fm0"])
        fy = int(g["fmy"]) if g["fmy"] else year
        if fy is None or n is None or not 1 <= n <= 12:
            return None
        return Period(date(fy, 1, 1), _month_end(fy, n), n < 12), None
    if g["ytd"]:
        if year is None:
            return None
        if reference is not None and reference.year == year:
            note = f"'{word}' read as {year}-01-01 to the document's date {reference.isoformat()}"
            return Period(date(year, 1, 1), reference, True), note
        return None
    if g["nh"]:
        digits = g["nhy"]
        y = int(digits) if len(digits) == 4 else 2000 + int(digits)
        first = 1 if g["nhn"] == "1" else 7
        return Period(date(y, first, 1), _month_end(y, first + 5)), None
    if g["bq"]:
        if year is None:
            return None
        if g["bqe"] and fiscal:
            return None  # Q1 of a company whose fiscal year is not the calendar's
        zh = g["bqz"] or g["bqy"]  # 第三季度, 第三季 (as Hong Kong writes it)
        q1 = _ZH_NUMBERS[zh] if zh else int(g["bqe"] or g["bq1"])
        q2 = int(g["bq2"]) if g["bq2"] else q1
        if q2 < q1:
            return None
        return Period(date(year, 3 * q1 - 2, 1), _month_end(year, 3 * q2), q1 != q2), None
    if g["yearend"]:
        if year is None:
            return None
        return Period(date(year, 12, 31), date(year, 12, 31)), None
    if g["koyear"] or g["fcast"]:
        digits = g["ky"] or g["fy"]
        if g["fcast"] and not _FCAST_CASE.search(word):
            return None
        y = int(digits) if len(digits) == 4 else 2000 + int(digits)
        if not _near(y, reference) or len(digits) == 4:
            return None if not _near(y, reference) else _pair(_year_span(y, y))
        note = f"'{word.strip()}' read as {y}: a two-digit year near the document's date"
        p = _year_span(y, y)
        return None if p is None else (p, note)
    return None


def _pair(p: Period | None) -> tuple[Period, str | None] | None:
    return None if p is None else (p, None)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def stretch(
    text: str, start: int, end: int, period: Period, reported: date | None, today: date | None
) -> tuple[Period, str | None] | None:
    """A period widened by the words around it: ``年初至6月11日`` (January 1 to that day),
    ``2025年以来`` (January 1 to ``reported``, the end of the period the sentence reports, else
    to ``today``, the document's date), ``2019年末`` (December 31)."""
    lead, tail = text[max(0, start - 6) : start], text[end : end + 6]
    p = period
    whole_year = (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)
    if _YTD_BEFORE.search(lead) and not whole_year:
        return Period(date(p.end.year, 1, 1), p.end, True), None
    if whole_year and p.start.year == p.end.year and _END_AFTER.match(tail):
        return Period(p.end, p.end), None
    if whole_year and p.start.year == p.end.year and _END_BEFORE.search(text[:start][-24:]):
        return Period(p.end, p.end), None
    if whole_year and p.start.year == p.end.year and _SINCE_AFTER.match(tail):
        for until, note in ((reported, None), (today, "up to the document's date")):
            if until is not None and until > p.start:
                if note is not None:
                    note = f"'{text[start:end]}' + since read as ending {until}, {note}"
                return Period(p.start, until, True), note
    return None


__all__ = ["NO_DOCUMENT_DATE", "RELATIVE", "Found", "relative_periods", "stretch"]
