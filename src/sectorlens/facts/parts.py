"""The top-level parts of a document and the date each part states for itself.

A long document made of separately dated items (a news digest, a compilation of articles, a
report bundle) dates each item by its own dateline: the date found in one item says nothing about
another. A single report has one date however many chapters it has; its chapters rarely start
with a full date of their own, and where they do the dates lie close together.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from sectorlens.facts.dateline import _DATE, _to_date, is_dateline, reference_date
from sectorlens.facts.document import Document
from sectorlens.model import Period

LEAD_CHARS = 300  # an item's own date stands in its first lines (under its title)
MIN_PARTS = 3  # a compilation has at least this many top-level parts…
APART_DAYS = 366  # …and items dated more than a year apart
FAR_CHARS = 20000  # a date stated after the first part dates only what stands this near it


@dataclass(frozen=True)
class Parts:
    """Where each top-level part starts, its heading and, in a compilation, the date it states."""

    starts: tuple[int, ...] = ()  # Document.text offsets of the top-level headings
    titles: tuple[str, ...] = ()  # their texts, in the order of ``starts``
    dates: tuple[date | None, ...] = ()  # per part; empty where the document is no compilation
    stated_at: int | None = None  # where the document's own date is stated (Document.text offset)

    @property
    def compilation(self) -> bool:
        """True where the parts are separately dated items (each dated by its own date only)."""
        return bool(self.dates)

    def index(self, offset: int) -> int:
        """The part ``offset`` lies in: 0 before the first top-level heading, else 1 + its index."""
        return bisect.bisect_right(self.starts, offset)

    def date_at(self, offset: int, reference: date | None) -> date | None:
        """The date that dates ``offset``: its part's own in a compilation, else ``reference``
        — unless that is stated deep in a document of several parts (after its first part),
        where it dates only its own part."""
        i = self.index(offset)
        if self.dates:
            return reference if i == 0 else self.dates[i - 1]
        if len(self.starts) < MIN_PARTS or self.stated_at is None:
            return reference
        home = self.index(self.stated_at)
        if home > 1 and i != home and abs(offset - self.stated_at) > FAR_CHARS:
            return None
        return reference

    def day_at(self, offset: int, reference: date | None) -> Period | None:
        """``date_at`` as a period of one day (what a table without a period is dated by)."""
        day = self.date_at(offset, reference)
        return None if day is None else Period(day, day)


def top_level_headings(doc: Document) -> list[tuple[int, str]]:
    """Offset and text of the marked-up headings (Markdown, HTML, PDF, DOCX) of the highest
    level the reader saw (``# Part 3``); a plain text's headings, guessed from short lines, make
    no parts."""
    if doc.format == "txt":
        return []
    heads = [b for b in doc.headings() if b.level is not None]
    top = min((b.level for b in heads if b.level is not None), default=None)
    return sorted((b.span[0], b.text) for b in heads if b.level == top)


def own_date(text: str) -> date | None:
    """The date an item states under its title: a dateline (``입력 2020.12.22``) in its first
    lines, or a full date standing there."""
    lead = text[:LEAD_CHARS]
    for line in lead.splitlines():
        if is_dateline(line):
            m = _DATE.search(line)
            got = _to_date(m.group(0)) if m else None
            if got is not None:
                return got
    for m in _DATE.finditer(lead):
        got = _to_date(m.group(0))
        if got is not None:
            return got
    return None


def document_parts(doc: Document, found: tuple[date, int] | None) -> Parts:
    """The top-level parts of ``doc``, with their own dates where they are separately dated;
    ``found`` is the document's own date and where it is stated (``reference_found``)."""
    tops = top_level_headings(doc)
    starts, titles = tuple(a for a, _ in tops), tuple(t for _, t in tops)
    stated_at = None if found is None else found[1]
    if len(starts) < MIN_PARTS:
        return Parts(starts, titles, stated_at=stated_at)
    ends = (*starts[1:], len(doc.text))
    bodies = [_body(doc.text[a:b]) for a, b in zip(starts, ends, strict=True)]
    stated = [d for d in (own_date(b) for b in bodies) if d is not None]
    if len(stated) < 2 or (max(stated) - min(stated)).days <= APART_DAYS:
        return Parts(starts, titles, stated_at=stated_at)
    # separately dated items: each is dated as it would be alone
    return Parts(starts, titles, tuple(reference_date(b) for b in bodies), stated_at)


def _body(text: str) -> str:
    """A part without its heading line."""
    return re.sub(r"^[^\n]*\n?", "", text, count=1)
