"""What counts as a level: an amount stated as such, not a figure per share or per unit."""

from __future__ import annotations

import re

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import point
from sectorlens.model import Kind

# $1.65 per share, $0.26 a share, 每股收益0.25元, 주당 배당금 1,000원, $12 per unit: an amount per
# unit, never one level with a total ($24.8 billion, or $1.65 per share).
_PER_UNIT_AFTER = re.compile(
    r"^\s?(?:per|a|an|/)\s?(?:[a-z]+\s){0,2}"
    r"(?:share|unit|person|capita|head|employee|customer|user|subscriber|household|ton|barrel)s?\b",
    re.IGNORECASE,
)
_PER_UNIT_BEFORE = re.compile(
    r"(?:每股|人均|户均|주당|1인당|인당|가구당|\bEPS\b|per[-\s]share|per[-\s]capita)[^\d,，;；。]{0,14}$",
    re.IGNORECASE,
)


def per_unit(text: str, m: Mention) -> bool:
    """True for an amount per share, per person or per unit in ``text`` (the mention's sentence)."""
    start, end = m.local
    return bool(
        _PER_UNIT_AFTER.match(text[end : end + 40])
        or _PER_UNIT_BEFORE.search(text[max(0, start - 24) : start])
    )


LEVEL_KINDS = (Kind.MONEY, Kind.COUNT, Kind.NUMBER)


def stated_level(text: str, m: Mention) -> bool:
    """A positive amount, count or number stated as a level: no change, estimate or per unit."""
    q = m.fact.quantity
    return (
        q.kind in LEVEL_KINDS
        and m.change is None
        and not m.estimate
        and (point(q) or 0) > 0
        and not per_unit(text, m)
    )


def unit_key(m: Mention) -> tuple[object, ...]:
    """What two figures must share to be compared: kind, currency and unit."""
    q = m.fact.quantity
    return (q.kind, q.currency, q.unit)


def is_point_level(m: Mention) -> bool:
    """A figure that is no change and has one value (not a range)."""
    return m.change is None and point(m.fact.quantity) is not None
