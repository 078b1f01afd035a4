"""Units of amount columns: given by a mapping, or read from the header (``금액 (억원)``,
``金额（万元）``, ``Amount ($ in millions)``, ``Raised (USD M)``), and applied to bare numbers.

A unit is a scale and, optionally, a currency. It is read by the parser itself (``1억원`` is
100,000,000 KRW), after Latin abbreviations are spelled out (``M`` → million). A cell that names
its own unit or currency (``1.2억``, ``₹4,000``) is read as it is; only bare numbers are scaled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sectorlens import parse
from sectorlens.model import Kind, Quantity

_TRAILING = re.compile(r"[\(（\[【]\s*([^()（）\[\]【】]{1,30}?)\s*[\)）\]】]\s*$")
_BARE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?$")
_WORDS = {
    "k": "thousand",
    "000": "thousand",
    "000s": "thousand",
    "'000": "thousand",
    "thousands": "thousand",
    "m": "million",
    "mm": "million",
    "mn": "million",
    "mio": "million",
    "mil": "million",
    "millions": "million",
    "b": "billion",
    "bn": "billion",
    "billions": "billion",
    "tn": "trillion",
    "cr": "crore",
    "crores": "crore",
    "lakhs": "lakh",
    "trillions": "trillion",
}
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "crore", "lakh"})
_FILLER = frozenset({"in", "of", "amount", "amounts", "units", "unit"})


@dataclass(frozen=True, slots=True)
class Unit:
    """A scale (× the number) and the currency it implies (None: the column's or default)."""

    scale: Decimal
    currency: str | None
    text: str  # as given, for the note on each amount
    assumption: str | None = None  # e.g. a bare ``$`` read as USD


def header_unit(header: str) -> Unit | None:
    """The unit a column header states in trailing brackets, or None."""
    found = _TRAILING.search(header)
    return read_unit(found.group(1)) if found else None


def read_unit(text: str) -> Unit | None:
    """A unit from its text (``억원``, ``万元``, ``USD M``, ``$ in millions``), or None."""
    text = text.strip()
    if not text or "%" in text:
        return None
    q = parse.parse_money("1" + text)
    if q.kind is Kind.MONEY and q.value is not None:
        return Unit(q.value, q.currency, text)
    tokens = [t for t in re.split(r"[\s,/]+", text) if t]
    number, scales, others, assumption = "1", [], [], None
    for token in tokens:
        split = re.fullmatch(r"(\d+)([A-Za-z]+)", token)  # 100M
        if split:
            number = split.group(1)
            token = split.group(2)
        folded = token.casefold().strip(".")
        if folded in _FILLER:
            continue
        if token == "$":
            token, assumption = "USD", "a bare $ read as USD"
        if folded.isdigit():
            number = folded
        elif folded in _WORDS or folded in _SCALES:
            scales.append(_WORDS.get(folded, folded))
        else:
            others.append(token)
    if not scales and not others:
        return None
    amount = " ".join([number, *scales])
    if others:
        q = parse.parse_money(f"{amount} {' '.join(others)}")
        if q.kind is Kind.MONEY and q.value is not None:
            return Unit(q.value, q.currency, text, assumption)
        return None
    q = parse.parse_money(amount, default_currency="USD")  # a scale alone: no currency
    if q.kind is Kind.MONEY and q.value is not None and q.value != 1:
        return Unit(q.value, None, text, assumption)
    return None


_ISO = re.compile(r"^[A-Z]{3}$")


def mapping_unit(spec: Any) -> Unit | None:
    """A mapping's unit for a column: text (``"억원"``) or a table ``{scale, currency}``."""
    if isinstance(spec, str):
        return read_unit(spec)
    if isinstance(spec, dict):
        if not spec or set(spec) - {"scale", "currency"}:
            return None  # a misspelt key is an error, never silently ignored
        try:
            scale = Decimal(str(spec.get("scale", 1)))
        except InvalidOperation:
            return None
        currency = spec.get("currency")
        if (
            not scale.is_finite()
            or scale <= 0
            or (currency is not None and not (isinstance(currency, str) and _ISO.match(currency)))
        ):
            return None
        return Unit(
            scale, str(currency) if currency else None, f"×{scale} {currency or ''}".strip()
        )
    return None


def bare_number(text: str) -> bool:
    """True for a cell that is only a number (``853``, ``1,200.5``): no unit, no currency."""
    return bool(_BARE.match(text.strip()))


def scaled(q: Quantity, unit: Unit) -> Quantity:
    """``q`` times the unit's scale, with a note saying so."""

    def times(v: Decimal | None) -> Decimal | None:
        return None if v is None else v * unit.scale

    note = f"unit {unit.text!r}" + (f" ({unit.assumption})" if unit.assumption else "")
    reason = f"{q.reason}; {note}" if q.reason else note
    return replace(q, value=times(q.value), low=times(q.low), high=times(q.high), reason=reason)
