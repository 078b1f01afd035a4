"""What a table's headers and caption say about its cells: the measure a column names, the
period of a column (a balance at a day, a change of the latest period), a period stated in a
cell (``64.73（Q1）``)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sectorlens.facts import lexicon as lx
from sectorlens.facts.context import Dating, named_periods
from sectorlens.facts.document import Table
from sectorlens.facts.fiscal import span_ending
from sectorlens.facts.table_scale import SIGN_SCALE_END
from sectorlens.model import Period

# A line set above a table's column headers that says what they are periods of.
_LEAD = re.compile(
    r"^\s*(?:for\s+the\s+)?(?:(?:three|six|nine|twelve|\d{1,2})\s+months|(?:fiscal\s+)?years?|"
    r"quarters?|(?:\d{1,2}\s+)?weeks?)\s+(?:ended|ending)\b[^.;:]{0,24}$|^\s*as\s+(?:of|at)\s*$",
    re.I,
)
_DURATION = re.compile(
    r"\b(?:months|weeks|year|quarter|fiscal|YTD|period)s?\s+(?:ended|ending)\b|\bended\b|"
    r"누적|累计|1-\d{1,2}\s?月",
    re.I,
)
# 6M, 9 months, 6개월, 6个月 under a day: the months that end on it
_N_MONTHS = re.compile(
    r"(?<![\w.])(\d{1,2}|three|six|nine|twelve)\s?(?:M|months?|개월|个月|個月)(?![\w])", re.I
)
_WORD_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
# A header that states a balance at one day (the end of its period).
_BALANCE = re.compile(
    r"\byear[-\s]?end\b|\bend\s+of\s+(?:the\s+)?(?:year|quarter|period)\b|\bas\s+(?:of|at)\b|"
    r"\bat\s+(?:year|period|quarter)\s+end\b|年末|年底|期末|季末|月末|末余额|연말|년\s?말|기말|분기\s?말|"
    r"월\s?말|말\s?기준|잔액",
    re.I,
)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for m in names.split()
}
_MONTH_DAY_YEAR = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+((?:19|20)\d{2})\b")
_ISO_DAY = re.compile(
    # not a span of months (2023年4-6月: April to June)
    r"(?<!\d)((?:19|20)\d{2})\s?[-./년年]\s?(\d{1,2})\s?[-./월月]\s?(\d{1,2})(?!\d)(?!\s?[월月])\s?[일日]?"
)
_US_DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2}|(?:19|20)\d{2})(?![\d/])")
_QUARTER = re.compile(r"^\s*(?:Q([1-4])|([1-4])Q)\s*$", re.I)
_QUALIFIER = re.compile(r"\s*[(（]([^()（）]{1,16})[)）]\s*$")
_PERIOD_WORD = re.compile(
    r"\b(?:(?:three|six|nine|twelve)\s+months|months?|quarters?|years?|fiscal|ended|ending|as\s+of|"
    r"at|in|to|for|the|yearend|year-end|estimates?|actual|forecast|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|"
    r"[年月日년월일말末底]|분기|季度|[\W\d_]",
    re.I,
)
# a change column's header (Difference alone: a column of differences, not one that names it)
CHANGE_HEAD = re.compile(
    r"\bvs\.?|change|chg|growth|y/y|yoy|q/q|qoq|^\W*difference\W*$|증감|증가율|성장률|同比|环比|增减|"
    r"变动|比上年",
    re.I,
)
_COMPARED = re.compile(r"\bcompared\s+(?:to|with)\b|대비|相比|较", re.I)


def lead_of(context: str) -> str:
    """The line right above a table that its column headers continue (``Three Months Ended``,
    ``Year Ended``, ``As of``), or ''."""
    lines = [ln for ln in context.splitlines() if ln.strip()]
    for line in reversed(lines[-2:]):  # a unit line may sit between it and the table
        if _LEAD.match(line):
            return line.strip()
    return ""


def day_of(text: str) -> date | None:
    """The one day ``text`` names (``December 31, 2022``, ``2024.7.24``, ``12/31/10``)."""
    found: list[date] = []
    for m in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTHS.get(m.group(1).lower())
        if month is not None:
            found.append(_date(int(m.group(3)), month, int(m.group(2))))
    for m in _DAY_MONTH_YEAR.finditer(text):  # 30 September 2015
        month = _MONTHS.get(m.group(2).lower())
        if month is not None:
            found.append(_date(int(m.group(3)), month, int(m.group(1))))
    for m in _ISO_DAY.finditer(text):
        found.append(_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _US_DAY.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        year = y if y > 99 else 2000 + y if y < 70 else 1900 + y
        if a <= 12 < b:  # 12/31/10: month first; 31/12/10: day first; 5/6/10 is not known
            found.append(_date(year, a, b))
        elif b <= 12 < a:
            found.append(_date(year, b, a))
    days = {d for d in found if d != date.min}
    return days.pop() if len(days) == 1 else None


def _date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        return date.min


def column_period(text: str, dating: Dating | None, year: int | None = None) -> Period | None:
    """The period a column header names: a balance header (``Yearend``, ``As of``, ``年末``,
    a bare date) is the day its period ends; a duration (``Three Months Ended …``) the span;
    ``year`` dates a header without one (``1-3月`` under a caption of 2018)."""
    # (Q3 / 2024: a header of two rows names one period)
    found = [
        n.period for n in named_periods(text.replace(" / ", " "), year, dating) if not n.compared
    ]
    change = CHANGE_HEAD.search(text)
    own = text[: change.start()] if change else text
    day = day_of(own.replace(" / ", " "))
    span = _N_MONTHS.search(own)
    n = _WORD_MONTHS.get(span.group(1).lower(), 0) or int(span.group(1)) if span else 0
    if day is not None and 1 <= n <= 12:
        return Period(*span_ending(day, n))  # June 30, 2023 / 6M: the half
    if _DURATION.search(own):
        return found[0] if found else None
    if day is not None and (not found or found[0].start <= day <= found[0].end):
        return Period(day, day)
    if found and _BALANCE.search(own):
        return Period(found[0].end, found[0].end)
    return found[0] if found else None


_CURRENT = re.compile(
    r"本期|本报告期|报告期|当期|本年|今年|当年|당기|금기|당해|"
    r"\bcurrent\s+(?:fiscal\s+)?(?:year|period|quarter)\b|\bthis\s+year\b",
    re.I,
)
_PRIOR = re.compile(
    r"上年同期|去年同期|上期|上年|去年|전기|전년\s?동기|전년|"
    r"\b(?:prior|previous)\s+(?:fiscal\s+)?(?:year|period)\b|\blast\s+year\b",
    re.I,
)
_OPENING = re.compile(r"期初|年初|기초|\bbeginning\b", re.I)


def relative_period(text: str, base: Period | None) -> Period | None:
    """A header relative to the period the table's caption names: ``本期``/``당기``/``Current
    year`` is it, ``上年同期``/``전기``/``Prior year`` the same span a year before; ``末``/``말``
    the day it ends, ``期初``/``기초`` the day before it starts. None without a base."""
    if base is None or CHANGE_HEAD.search(text) or _COMPARED.search(text):
        return None
    prior, current = _PRIOR.search(text), _CURRENT.search(text)
    if bool(prior) == bool(current):
        return None
    p = Period(_year_back(base.start), _year_back(base.end)) if prior else base
    if _OPENING.search(text):
        day = p.start - timedelta(days=1)
        return Period(day, day)
    if _BALANCE.search(text):
        return Period(p.end, p.end)
    return p


def _year_back(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def latest(periods: list[Period]) -> Period | None:
    """The period that ends last (what a change column beside the levels is the change of)."""
    return max(periods, key=lambda p: (p.end, p.end - p.start), default=None)


def split_qualifier(text: str) -> tuple[str, str]:
    """A cell's value and the period note after it: ``64.73（Q1）`` → (``64.73``, ``Q1``)."""
    m = _QUALIFIER.search(text)
    if m is None or not any(ch.isdigit() for ch in text[: m.start()]):
        return text, ""
    return text[: m.start()], m.group(1).strip()


def qualifier_period(note: str, base: Period | None, dating: Dating | None) -> Period | None:
    """The period a cell's note names, dated by its column's year (``Q1``, ``4 月``, ``1-4 月``)."""
    year = base.end.year if base is not None else None
    if (m := _QUARTER.match(note)) and year is not None:
        q = int(m.group(1) or m.group(2))
        start = date(year, 3 * q - 2, 1)
        end = (date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)) - timedelta(days=1)
        return Period(start, end)
    found = [n.period for n in named_periods(note, year, dating) if not n.compared]
    return found[0] if found else None


def measure_of(column: str) -> str | None:
    """What a column header names besides its period and unit (``Underwriting Profit`` of
    ``Underwriting Profit 2010 (in millions)``); None for a header of periods, units or a change."""
    if not column or CHANGE_HEAD.search(column) or _COMPARED.search(column):
        return None
    text = re.sub(r"(?<=\d)[AEFP]\b", "", _BALANCE.sub(" ", lx.HEAD_TERM.sub(" ", column)))
    text = re.sub(r"(?<=\d)(\s*年)度", r"\1", text)  # 2020年度: the year, no 度 left over
    for day in (_MONTH_DAY_YEAR, _ISO_DAY, _US_DAY):
        text = day.sub(" ", text)
    for n in reversed(named_periods(text, 2000)):
        text = text[: n.start] + " " + text[n.end :]
    text = re.sub(r"[(（][^()（）]*[)）]", " ", text)
    text = _UNIT_WORD.sub(" ", text)  # Q4 2014 $m: a period and a unit, no measure
    text = re.sub(r"\s+", " ", text).strip(" /|-—:：,")
    if not text or not _PERIOD_WORD.sub("", text).strip():
        return None
    return text


_UNIT_WORD = re.compile(
    rf"(?<![\w$€£¥₩])(?:(?:US|[A-Z]{{1,2}})?[$€£¥₩]|(?-i:{lx.CURRENCY_CODES})\s)\s?"
    r"(?:m|mn|mln|bn|k|thousands?|millions?|billions?)?(?![\w$€£¥₩])"
)


_SOURCE_LINE = re.compile(
    r"^\s*(?:자료|출처|资料来源|来源|數據來源|source|note|주|注)\s*[:：.]", re.I
)
_NUMBERING = re.compile(
    r"^\s*(?:(?:그림|표|도표|图表|图|圖|表|Figure|Fig\.|Table|Chart|Exhibit)\s*\d+(?:[-.]\d+)?"
    r"\s*[.:：]?|[一二三四五六七八九十]+\s*[、.]|[(（][一二三四五六七八九十\d]+[)）]|"
    r"\d{1,2}(?:\.\d{1,2})+\.?(?=\s)|\d{1,2}\s*[.)、]|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\s*[.、])\s*",
    re.I,
)
MAX_CAPTION = 60


def caption_measure(context: str) -> str | None:
    """What the short caption line right above a table names (``Revenue by region``, ``실적
    추이 및 전망`` of ``표 1. 실적 추이 및 전망``), without its number, periods and units; None
    for a sentence, a unit or source line, or a caption of periods only."""
    for line in reversed([ln.strip() for ln in context.splitlines() if ln.strip()][-3:]):
        if _SOURCE_LINE.match(line) or lead_of(line) or _UNIT_ONLY.match(line):
            continue
        if len(line) > MAX_CAPTION or line.endswith((*".!?。！？…", ",", "，")):
            return None
        return measure_of(_NUMBERING.sub("", line).strip(" #*:："))
    return None


_UNIT_ONLY = re.compile(
    r"^\s*[(（]?\s*(?:(?:단위|单位|單位|units?)\s*[:：].*|[^()（）]{0,8}\b(?:in\s+)?\S{0,4}\s?"
    r"(?:thousands|millions|billions)\b.*)[)）]?\s*$|"
    + r"^[^.。]{0,40}"
    + SIGN_SCALE_END
    + "|"
    + lx.SCALE_ONLY,  # the currency and scale alone: 人民币百万元 / (백만원)
    re.I,
)


def column_periods(
    table: Table,
    heads: dict[int, str],
    first_col: int,
    lead: str,
    dating: Dating | None,
    base: Period | None = None,
    year: int | None = None,
) -> dict[int, Period]:
    """The period of every value column: its header (after the line set above the headers,
    ``Three Months Ended``), or relative to ``base`` (``本期``, ``Prior year``); a change
    column without one takes the latest of its levels."""
    out: dict[int, Period] = {}
    for c in range(first_col, table.cols):
        text = heads[c]
        if not text:
            continue
        head = f"{lead} {text}" if lead else text
        p = column_period(head, dating) or relative_period(text, base)
        if p is None and year is not None:
            p = column_period(head, dating, year)  # 1-3月 under a caption of 2018
        fiscal = dating.fiscal if dating is not None else None
        if p is not None and fiscal is not None and _calendar_year(p):
            p = Period(*fiscal.year(p.end.year))  # 2015 over a fiscal company's table: FY2015
        if p is not None and CHANGE_HEAD.search(text) and _years_apart(p):
            p = Period(date(p.end.year, 1, 1), p.end)  # Percent change, 2017-18: the change of 2018
        if p is not None:
            out[c] = p
    for c in range(first_col, table.cols):
        if c not in out and CHANGE_HEAD.search(heads[c]):
            start, stop = table.part_of(c)
            levels = [
                out[k]
                for k in range(max(start, first_col), stop)
                if k in out and not CHANGE_HEAD.search(heads[k])
            ]
            p = latest(levels)
            # Q4 % Change beside Q4 2014 | Q4 2013 | FY 2014: the quarter of the latest year
            if p is not None and (own := column_period(heads[c], dating, p.end.year)):
                p = own if own.end <= p.end else p
            if p is not None:
                out[c] = p
    return out


def label_periods(table: Table, label: str, dating: Dating | None) -> list[Period]:
    """The periods a row label names, a year narrowed to the part of it the table's corner
    cell names (``First Half`` over rows ``2018``, ``2019``)."""
    own = [n.period for n in named_periods(label, None, dating) if not n.compared]
    part = _corner_period(table, own[0], dating) if own else None
    return [part] if part is not None else own


def _corner_period(table: Table, year: Period, dating: Dating | None) -> Period | None:
    """The part of ``year`` the table's corner cell names (``First Half``, ``H1``), or None."""
    corner = table.cell(0, 0) if table.header_rows else None
    text = corner.text.strip() if corner is not None else ""
    if not text or len(text) > 30 or re.search(r"\d{4}", text) or not _calendar_year(year):
        return None
    p = column_period(f"{text} {year.end.year}", dating)
    if p is None or _calendar_year(p) or not (year.start <= p.start and p.end <= year.end):
        return None
    return p


def _calendar_year(p: Period) -> bool:
    return (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31) and (
        p.start.year == p.end.year
    )


def _years_apart(p: Period) -> bool:
    """``p`` runs over two or more whole calendar years (``2017-18``)."""
    whole = (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)
    return whole and p.end.year > p.start.year


def caption_day(context: str) -> Period | None:
    """The day a short caption line right above a table names (``Balance Sheet 12/31/10``)."""
    lines = [ln for ln in context.splitlines() if ln.strip()]
    last = lines[-1] if lines else ""
    if len(last) > 80 or _DURATION_WORDS.search(last):
        return None
    day = day_of(last)
    return Period(day, day) if day is not None else None


_DURATION_WORDS = re.compile(r"\b(?:ended|ending|months|through|to)\b|~|–|-\s?\d", re.I)


__all__ = [
    "CHANGE_HEAD",
    "caption_day",
    "caption_measure",
    "column_period",
    "column_periods",
    "day_of",
    "label_periods",
    "latest",
    "lead_of",
    "measure_of",
    "qualifier_period",
    "relative_period",
    "split_qualifier",
]
