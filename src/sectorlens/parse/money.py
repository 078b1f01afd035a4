"""Amounts of money: an ISO currency, bounds and qualifier, undisclosed, stated equivalents.

``$``, ``dollars`` and ``¥`` name more than one currency: a ``default_currency`` among their
candidates picks one (``$`` -> USD/HKD/TWD/SGD/AUD/CAD/NZD/MXN, ``¥`` -> CNY/JPY). Without any
default a bare ``$`` is USD with the assumption listed in ``Quantity.assumptions``; ``¥`` (and
``$`` with a default no dollar can be) is unparsed with reason "ambiguous currency". Korean
``달러`` alone is USD. A bare number becomes money only with a ``default_currency``.
"""

from __future__ import annotations

from sectorlens.model import Kind, Quantity
from sectorlens.parse._core import only, read_quantity


def parse_money(text: str, *, default_currency: str | None = None) -> Quantity:
    """Read an amount of money: kind money, undisclosed or unparsed (with a reason)."""
    return only(read_quantity(text, default_currency, True), Kind.MONEY)


__all__ = ["parse_money"]
