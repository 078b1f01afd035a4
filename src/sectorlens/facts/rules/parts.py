"""The parts of a long document and which facts may be paired across them.

A long document (an annual report, a digest of many articles) is made of parts under its
top-level headings, each about its own segment, region, company or year. Two facts of different
parts are paired only when each states its own period; a period counted from the document's
date (``올해``, ``last year``, an undated figure) establishes nothing outside the part that date
is stated in — the date at the head of one article says nothing about the years of another.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sectorlens.facts.dateline import reference_at
from sectorlens.facts.extract import Extraction
from sectorlens.facts.mentions import Mention

_DOC_DATE = "document's date"  # the note on a period counted from the document's date


@dataclass(frozen=True, slots=True)
class Parts:
    """Where the top-level parts of a document start and where its own date is stated."""

    starts: tuple[int, ...]  # offsets of the top-level headings (empty: the document is one part)
    reference: int | None  # offset of the document's own date

    def index(self, offset: int) -> int:
        """The part an offset of the document's text lies in (0: before the first heading)."""
        return bisect.bisect_right(self.starts, offset)

    def apart(self, a: Mention, b: Mention) -> bool:
        """The two facts sit in different top-level parts."""
        return self.index(a.fact.span[0]) != self.index(b.fact.span[0])

    def dated_here(self, m: Mention) -> bool:
        """The fact's period is its own: stated or from context, or counted from a document's
        date stated in front of every part or in its own part."""
        if not dated_by_document(m):
            return True
        if self.reference is None:
            return False
        where = self.index(self.reference)
        return where == 0 or where == self.index(m.fact.span[0])

    def pairable(self, a: Mention, b: Mention) -> bool:
        """Periods established for pairing the two facts: each of its own part, and across
        parts each stated, not counted from the document's date."""
        if not (self.dated_here(a) and self.dated_here(b)):
            return False
        return not self.apart(a, b) or not (dated_by_document(a) or dated_by_document(b))


def dated_by_document(m: Mention) -> bool:
    """The fact's period comes from the document's date (undated, or ``last year`` counted
    from it)."""
    if m.fact.period is None:
        return False
    if m.period_source == "reference":
        return True
    return any(_DOC_DATE in note for note in m.fact.quantity.assumptions)


def parts_of(extraction: Extraction) -> Parts:
    """The top-level parts of the extraction's document: its headings of the highest level,
    when there are two or more of them."""
    doc = extraction.document
    heads = [h for h in doc.headings() if h.level is not None]
    top = min((h.level for h in heads if h.level is not None), default=None)
    starts = tuple(sorted(h.span[0] for h in heads if h.level == top))
    found = reference_at(doc.text)
    return Parts(starts if len(starts) >= 2 else (), None if found is None else found[1])
