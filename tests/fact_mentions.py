"""The mentions ``extract`` reads from a text written for a test, one by its figure (or its
table cell), and a mention's period as (start, end)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sectorlens.facts import extract, from_text
from sectorlens.facts.extract import Mention


def mentions(text: str) -> list[Mention]:
    """Every mention of ``text`` read as plain text."""
    return list(extract(from_text(text, fmt="txt")).mentions)


def one(text: str, value: str) -> Mention:
    """The one mention whose figure is written ``value``."""
    (m,) = [m for m in mentions(text) if m.fact.quantity.input == value]
    return m


def cells(text: str) -> list[Mention]:
    """The mentions of ``text`` read in table cells."""
    return [m for m in mentions(text) if m.cell is not None]


def one_cell(text: str, value: str) -> Mention:
    """The one table cell whose figure is ``value`` in base units."""
    found = [m for m in cells(text) if m.fact.quantity.value == Decimal(value)]
    assert len(found) == 1, [(m.fact.quantity, m.fact.subject) for m in cells(text)]
    return found[0]


def span(m: Mention) -> tuple[date, date] | None:
    """The first and last day of the mention's period (None where it has none)."""
    p = m.fact.period
    return None if p is None else (p.start, p.end)
