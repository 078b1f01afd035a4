"""Amounts of money: an ISO currency, bounds and qualifier, undisclosed, stated equivalents.

``$``, ``달러``, ``dollars`` and ``¥`` name more than one currency: they are resolved only by a
``default_currency`` among their candidates (``$`` -> USD/HKD/TWD/SGD/AUD/CAD/NZD/MXN, ``¥`` ->
CNY/JPY), otherwise the result is unparsed with reason "ambiguous currency". A bare number
becomes money only with a ``default_currency`` (the column's currency).
"""

from __future__ import annotations

from sectorlens.model import Kind, Quantity
from sectorlens.parse._core import only, read_quantity


def parse_money(text: str, *, default_currency: str | None = None) -> Quantity:
    """Read an amount of money: kind money, undisclosed or unparsed (with a reason)."""
    return only(read_quantity(text, default_currency, True), Kind.MONEY)


__all__ = ["parse_money"]
