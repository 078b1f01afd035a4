"""The mentions ``extract`` reads from a text written for a test, one by its figure, and a
mention's period as (start, end)."""

from __future__ import annotations

from datetime import date

from sectorlens.facts import extract, from_text
from sectorlens.facts.extract import Mention


def mentions(text: str) -> list[Mention]:
    """Every mention of ``text`` read as plain text."""
    return list(extract(from_text(text, fmt="txt")).mentions)


def one(text: str, value: str) -> Mention:
    """The one mention whose figure is written ``value``."""
    (m,) = [m for m in mentions(text) if m.fact.quantity.input == value]
    return m


def span(m: Mention) -> tuple[date, date] | None:
    """The first and last day of the mention's period (None where it has none)."""
    p = m.fact.period
    return None if p is None else (p.start, p.end)
