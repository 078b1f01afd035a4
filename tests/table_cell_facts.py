"""The facts read from a document's table cells, by cell text, and a fact's period as dates."""

from __future__ import annotations

from sectorlens.facts import extract
from sectorlens.facts.document import Document
from sectorlens.model import Fact


def cells(doc: Document) -> dict[str, Fact]:
    """The table facts of ``doc`` by the text of their cell."""
    out: dict[str, Fact] = {}
    for m in extract(doc).mentions:
        if m.cell is not None:
            out[m.fact.sentence.rsplit(": ", 1)[-1]] = m.fact
    return out


def span(f: Fact) -> tuple[str, str]:
    """The fact's period as ISO start and end dates (it must have one)."""
    assert f.period is not None
    return f.period.start.isoformat(), f.period.end.isoformat()
