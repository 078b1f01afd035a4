"""The document's own date: a dateline (``发布时间：2011-06-09``) or an early full date."""

from __future__ import annotations

import calendar
import re
from datetime import date

from sectorlens.parse import parse_period

# An English month name, abbreviated or not.
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
MONTH += r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

_REF_CUE = re.compile(
    r"(?:보도\s?시점|보도\s?일시|발행일|작성일|등록일|기사\s?입력|입력|승인|게재일|"
    r"发布时间|发布日期|发表时间|日期|publishedAt|"
    r"published|date|release date|(?:last\s)?updated(?:\son)?|更新时间|更新日期|수정\s?일시)"
    r"\s*[:：]?\s*[\"']?",
    re.I,
)
_DATE = re.compile(
    # one style of separators throughout: 2000년 3.12명 (3.12 persons in 2000) is no date
    r"(?:19|20)\d{2}\s?(?:\.\s?\d{1,2}\s?\.\s?\d{1,2}|-\s?\d{1,2}\s?-\s?\d{1,2}|"
    r"/\s?\d{1,2}\s?/\s?\d{1,2}|년\s?\d{1,2}\s?월\s?\d{1,2}|年\s?\d{1,2}\s?月\s?\d{1,2})(?:\s?[일日])?"
    rf"|{MONTH}\s\d{{1,2}},?\s(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}\s{MONTH}\s(?:19|20)\d{{2}}"
    # 15/08/2025: day and month in either order (read only where the order is plain: a day > 12)
    r"|(?<![\d/.])\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?![\d/])",
    re.I,
)


def is_dateline(text: str) -> bool:
    """A line that states when the document was published (``发布时间：2011-06-09``)."""
    return bool(_REF_CUE.search(text[:40])) and bool(_DATE.search(text))


def bare_date(text: str) -> bool:
    """A line that is a date alone, or with the time or the outlet's name (``2023.04.04
    여성신문``, ``2024-07-11 /연합뉴스``): a dateline where it states the document's date."""
    return bool(_BARE.fullmatch(text.strip()))


# A date alone on its line, then a time, a source (来源：…) or a short outlet name
_BARE = re.compile(
    rf"(?:{_DATE.pattern})\.?\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*"
    r"(?:(?:来源|來源|source)\s*[:：].{0,40}|/\s*[^\d\s][^\d]{0,20}|[\uac00-\ud7a3\u4e00-\u9fff]{0,12})",
    re.I,
)


# The dot that ends ``2023. 12. 8.``, and a time of day after a dateline's date (``… 10:30``)
_TIME = re.compile(r"\.?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?")


# A news agency's or press release's dateline: SINGAPORE, 14 December 2023 (Geneva): …;
# NEW YORK, Dec. 14, 2023 /PRNewswire/ -- …
_PRESS_DATELINE = re.compile(
    rf"[A-Z][A-Za-z.'’ -]{{1,40}}?,\s(?:[A-Z][A-Za-z.' -]{{1,30}},\s)?(?i:{_DATE.pattern})"
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:/[^/]{1,40}/\s*)?(?::|--?|—|–)\s?"
)


def dateline_end(text: str) -> int | None:
    """Where a dateline that opens ``text`` ends (``发布时间：2024-08-31 10:30`` then the news):
    the date is its own sentence, not the subject or the period of the sentence after it."""
    lead = len(text) - len(text.lstrip())
    cue = _REF_CUE.match(text, lead)
    if cue is None:
        press = _PRESS_DATELINE.match(text, lead)
        return press.end() if press else None
    found = _DATE.match(text, cue.end())
    if found is None:
        return None
    end = _TIME.match(text, found.end())
    return end.end() if end else found.end()


def reference_date(text: str) -> date | None:
    """The document's own date: a stated publication date, else the first full date early on."""
    found = reference_found(text)
    return None if found is None else found[0]


def reference_found(text: str) -> tuple[date, int] | None:
    """``reference_date`` with the offset in ``text`` where it is stated."""
    head = text[:20000]
    for cue in _REF_CUE.finditer(head):
        m = _DATE.match(head, cue.end())
        if m:
            got = _to_date(m.group(0))
            if got is not None:
                return got, m.start()
    for m in _DATE.finditer(text[:4000]):
        got = _to_date(m.group(0))
        if got is not None:
            return got, m.start()
    return None


_NAMED_MONTH = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s?(?:년|年)\s?(?P<m>\d{1,2})\s?(?:월|月)"
    rf"|\b(?P<name>{MONTH})\s(?P<ey>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)


_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:than|above|below|from|compared\s(?:to|with)|versus|vs\.?|over)\s(?:the\s)?|比|较|較)$",
    re.I,
)
_COMPARED_AFTER = re.compile(r"\s?(?:의\s)?(?:대비|보다|에\s?비해|比|相比|以来|이후)")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def last_month_named(text: str) -> date | None:
    """The last day of the latest month ``text`` names with its year (``2018년 4월``,
    ``April 2018``), or None."""
    best: date | None = None
    head = text[:20000]
    for m in _NAMED_MONTH.finditer(head):
        if _COMPARED_BEFORE.search(head[max(0, m.start() - 24) : m.start()]) or (
            _COMPARED_AFTER.match(head, m.end())
        ):
            continue  # 8.5% above the August 2021 estimate, 전년 동월 대비: a compared month
        if m.group("y"):
            year, month = int(m.group("y")), int(m.group("m"))
        else:
            year, month = int(m.group("ey")), _MONTH_KEYS.index(m.group("name").lower()[:3]) + 1
        if not 1 <= month <= 12:
            continue
        day = date(year, month, calendar.monthrange(year, month)[1])
        best = day if best is None or day > best else best
    return best


# 2019년, 2019年, '2023 국내 …실적', in 2019, FY2019: a year a document names (not 2030年目标)
_NAMED_YEAR = re.compile(
    r"(?<![\d.,])(?:19|20)\d{2}(?:\s?(?:년|年)(?!\s?(?:까지|전망|목표|예정|이후|以后|以前|前|之前))"
    r"|(?=\s[가-힣])|\b(?![,.]\d))"
)
_YEAR_LEAD = re.compile(r"(?:\b(?:in|of|for)\s|\bFY\s?|[\'‘\"“「『])$")
_AHEAD_BEFORE = re.compile(
    r"\b(?:by|until|to|through|till)\s(?:the\s)?(?:end\sof\s)?$|到|至|预计|将", re.I
)


# 2010년 5.4%에서, 2020년 상반기 4256억원보다, 2019 levels: a year a figure moves from or is
# compared with
_FROM_VALUE = re.compile(
    r"\s?(?:(?:상반기|하반기|[1-4]\s?분기|\d{1,2}\s?(?:[~\-]\s?\d{1,2}\s?)?월|동기|同期)\s?)?"
    r"(?:의\s)?(?:[\d.,]+\s?[^\s\d]{0,6}\s?){0,3}(?:에서|보다|대비|에\s?비해|에\s?이어)"
    r"|\s?(?:levels?|figures?)\b"
)
_AS_IN_BEFORE = re.compile(r"\b(?:as\s(?:it\s(?:was|did)\s)?|than\s)in\s$", re.I)
_RECORD_BEFORE = re.compile(r"(?:역대|사상|历史|歷史|record|all-time)\s?\S{0,6}\s?$", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s|(?<=[。！？])|\n")
_DEICTIC_YEAR = re.compile(r"작년|지난해|去年|\blast\syear\b", re.I)


def year_after_named(text: str) -> int | None:
    """The year 작년/去年/last year count from in a document without a date, from the latest
    year a sentence that says them names: the figures' own year, the year after a report's
    quoted title, two after a year compared with. None where no such sentence names a year."""
    best: int | None = None
    for sentence in _SENTENCE.split(text[:20000]):
        if _DEICTIC_YEAR.search(sentence):
            found = _latest_named(sentence)
            best = found if best is None or (found is not None and found > best) else best
    return best


def _latest_named(head: str) -> int | None:
    best: int | None = None
    for m in _NAMED_YEAR.finditer(head):
        lead = head[max(0, m.start() - 16) : m.start()]
        if not re.search(r"[년年]$", m.group(0)) and not _YEAR_LEAD.search(lead):
            continue  # a bare four digits only after in/of/FY or an opening quote
        year = int(m.group(0)[:4])
        if _AHEAD_BEFORE.search(lead):
            continue  # by 2030, 到2025年: a target, no year of figures
        tail = re.sub(r"^\s?(?:년|年)", "", head[m.end() : m.end() + 40])
        tail = re.sub(r"^\s?[(（][^()（）]{0,30}[)）]", "", tail)  # 2023년(5576만여명) 대비
        compared = (
            _COMPARED_BEFORE.search(head[max(0, m.start() - 24) : m.start()])
            or _COMPARED_AFTER.match(tail)
            or _FROM_VALUE.match(tail)
            or _AS_IN_BEFORE.search(lead)
            or re.search(r"(?:从|從)$|(?:相比|比较|相較|compared)", lead)
        )
        if _RECORD_BEFORE.search(lead):
            continue  # 역대 최고치인 2019년: a record year, long before the figures
        # compared with 2022 (the figures are later: now is two after); '2019년 …실적' (the
        # report the figures are of: now is the year after); 2011年第三季度…去年全年 (the
        # figures' own year: 去年 counts from it)
        year += 2 if compared else 1 if re.search(r"[\'‘\"“「『]$", lead) else 0
        best = year if best is None or year > best else best
    return best


def _to_date(text: str) -> date | None:
    # 2023. 12. 8. loses its spaces; 14 December 2023 keeps them
    cleaned = text if re.search(r"[A-Za-z]", text) else re.sub(r"\s", "", text)
    q = parse_period(cleaned)
    if q.period is not None and q.period.start == q.period.end:
        return q.period.start
    m = re.match(r"((?:19|20)\d{2})[.\-/년年](\d{1,2})[.\-/월月](\d{1,2})", cleaned)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None
