"""The parts of a long document and which facts may be paired across them.

A long document (an annual report, a digest of many articles) is made of parts under its
top-level headings, each about its own segment, region, company or year. Two facts of different
parts are paired only when each states its own period; a period counted from the document's
date (``올해``, ``last year``, an undated figure) establishes nothing outside the part that date
is stated in — the date at the head of one article says nothing about the years of another.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sectorlens.facts.context import named_periods
from sectorlens.facts.extract import Extraction
from sectorlens.facts.mentions import Mention

_DOC_DATE = "document's date"  # the note on a period counted from the document's date
_FRONT = 400  # a date stated this close to the document's start is the document's dateline


@dataclass(frozen=True, slots=True)
class PartPairing:
    """The document's top-level parts as the pairing rules see them (one part where there are
    fewer than two), and where its own date is stated."""

    starts: tuple[int, ...]  # offsets of the top-level headings (empty: the document is one part)
    reference: int | None  # offset of the document's own date
    titles: tuple[str, ...] = ()  # the top-level headings' texts, in the order of ``starts``
    compilation: bool = False  # separately dated items, each dated by its own date on reading

    def index(self, offset: int) -> int:
        """The part an offset of the document's text lies in (0: before the first heading)."""
        return bisect.bisect_right(self.starts, offset)

    def apart(self, a: Mention, b: Mention) -> bool:
        """The two facts sit in different top-level parts."""
        return self.index(a.fact.span[0]) != self.index(b.fact.span[0])

    def dated_here(self, m: Mention) -> bool:
        """The fact's period is its own: stated or from context, or counted from a document's
        date stated in front of every part or in its own part."""
        if not dated_by_document(m) or self.compilation:
            return True  # (a compilation's item was read against its own date)
        if self.reference is None:
            return False
        where = self.index(self.reference)
        return where == 0 or self.reference < _FRONT or where == self.index(m.fact.span[0])

    def other_scopes(self, a: Mention, b: Mention) -> bool:
        """The two facts sit under headings that name different scopes (two regions, segments
        or companies: ``1부 전국 수출`` and ``2부 경남 수출``): their parts' or their own."""
        ia, ib = self.index(a.fact.span[0]), self.index(b.fact.span[0])
        if ia != ib and ia and ib and _differ(self.titles[ia - 1], self.titles[ib - 1]):
            return True
        return a.section != b.section and _differ(a.section, b.section)

    def pairable(self, a: Mention, b: Mention) -> bool:
        """Periods established for pairing the two facts: each of its own part, and across
        parts each stated, not counted from the document's date; and one basis (facts.basis)."""
        if not (self.dated_here(a) and self.dated_here(b)):
            return False
        if a.basis != b.basis:
            return False  # 연결 and 별도 기준, GAAP and non-GAAP: two figures of one metric
        return not self.apart(a, b) or not (dated_by_document(a) or dated_by_document(b))


def dated_by_document(m: Mention) -> bool:
    """The fact's period comes from the document's date (undated, or ``last year`` counted
    from it)."""
    if m.fact.period is None:
        return False
    if m.period_source == "reference":
        return True
    return any(_DOC_DATE in note for note in m.fact.quantity.assumptions)


def parts_of(extraction: Extraction) -> PartPairing:
    """The top-level parts the extraction found (``Extraction.parts``), when there are two or
    more of them, and where the document's own date is stated."""
    found = extraction.parts
    if len(found.starts) < 2:
        return PartPairing((), found.stated_at)
    return PartPairing(found.starts, found.stated_at, found.titles, found.compilation)


# Numbering and the words of a heading that name no scope (the parts of any report)
_NUMBERING = re.compile(
    r"^\W*(?:(?:part|chapter|section|item|note)\s*[\dIVX]+\b|제?\s*\d+\s*(?:부|장|절)|"
    r"第\s*[一二三四五六七八九十\d]+\s*(?:部分|章|节|部)|[\dIVX]{1,4}[.)、]|[一二三四五六七八九十]+、)",
    re.IGNORECASE,
)
_NO_SCOPE = re.compile(
    r"\b(?:key|financial|operating|business|highlights?|summary|overview|results?|introduction|"
    r"review|report|outlook|performance|figures|and|of|the|for|in|quarter|year|full|fiscal)\b|"
    r"요약|개요|실적|주요|하이라이트|현황|결과|전망|및|개관|"
    r"摘要|概要|概述|业绩|主要|情况|经营|概况|展望|和|的|[\W\d_]",
    re.IGNORECASE,
)


def scope(section: str | None) -> str:
    """What a heading names beyond numbering, periods and generic words (``2부 경남 수출`` →
    ``경남수출``; ``Fourth Quarter 2022 Highlights`` → nothing)."""
    text = (section or "").split(" / ")[0]
    text = _NUMBERING.sub("", text)
    for n in reversed(named_periods(text, None)):
        text = text[: n.start] + " " + text[n.end :]
    return _NO_SCOPE.sub("", text).lower()


def _differ(a: str | None, b: str | None) -> bool:
    sa, sb = scope(a), scope(b)
    return bool(sa) and bool(sb) and sa != sb


# A figure summed from the year's start (누적, 累计, year-to-date): another basis than the period's
_CUMULATIVE = re.compile(
    r"누적|累计|累計|年初至今|연초\s?이후|\bcumulative\b|\byear[-\s]to[-\s]date\b|\bytd\b",
    re.IGNORECASE,
)


def cumulative(extraction: Extraction, m: Mention) -> bool:
    """The fact's sentence marks it as summed since the year's start (``누적으로는 8.68%``)."""
    sent = extraction.sentence(m)
    return sent is not None and bool(_CUMULATIVE.search(sent.text))


def cumulative_apart(extraction: Extraction, a: Mention, b: Mention) -> bool:
    """One figure summed since the year's start and one not, unless the summed one is dated
    from the year's start already (``1-12月…累计2.89亿部`` is the year's ``2.89亿部``)."""
    marked = [m for m in (a, b) if cumulative(extraction, m)]
    if len(marked) != 1:
        return False
    period = marked[0].fact.period
    return period is None or (period.start.month, period.start.day) != (1, 1)
