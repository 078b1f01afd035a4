"""Percents, percentage points and counts.

A percent keeps the number as written (``74.29%`` -> 74.29, unit ``%``); percentage points
(``%p``, ``个百分点``, ``percentage points``; basis points divided by 100) are kind ``pp`` with
unit ``pp``. A count's unit is its counter word (``건``, ``笔``, ``개``, ``companies``); a bare
whole number is a count without unit.
"""

from __future__ import annotations

from sectorlens.model import Kind, Quantity
from sectorlens.parse._core import only, read_quantity
from sectorlens.parse._reader import unparsed


def parse_percent(text: str) -> Quantity:
    """Read a percent (``74.29%``, ``百分之二十``) or points (``3%p``, ``六个百分点``)."""
    return only(read_quantity(text, None, False), Kind.PERCENT, Kind.PP)


def parse_count(text: str) -> Quantity:
    """Read a count (``4,796건``, ``965笔``, ``14개``, ``53``): whole and not negative."""
    q = only(read_quantity(text, None, False), Kind.COUNT, Kind.NUMBER)
    if q.kind not in (Kind.COUNT, Kind.NUMBER):
        return q
    for bound in (q.value, q.low, q.high):
        if bound is not None and (bound < 0 or bound != bound.to_integral_value()):
            return unparsed(text, "a count must be a whole number, not negative")
    if q.kind is Kind.NUMBER:
        return Quantity(
            input=q.input,
            kind=Kind.COUNT,
            value=q.value,
            low=q.low,
            high=q.high,
            qualifier=q.qualifier,
        )
    return q


__all__ = ["parse_count", "parse_percent"]
