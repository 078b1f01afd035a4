"""One quantity from one string: the steps every typed parser shares."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sectorlens.model import Kind, Quantity
from sectorlens.parse._lexicon import COUNT, PCT, PP
from sectorlens.parse._reader import (
    Currency,
    Reading,
    quantity,
    read,
    split_equivalent,
    undisclosed,
    unparsed,
)
from sectorlens.parse._tokens import normalize

_SPREADSHEET = re.compile(r"#+|#(?:NAME\?|VALUE!|REF!|DIV/0!|N/A|NUM!|NULL!)", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_KIND_OF_MARK = {PCT: Kind.PERCENT, PP: Kind.PP, COUNT: Kind.COUNT}


def resolve(currency: Currency, default: str | None) -> str | None:
    """An ISO code; an ambiguous symbol only through a default it allows (else None)."""
    if isinstance(currency, str):
        return currency
    if default is not None and default in currency:
        return default
    return None


def _kind(r: Reading) -> Kind:
    if r.mark is not None:
        return _KIND_OF_MARK[r.mark]
    return Kind.MONEY if r.currency is not None else Kind.NUMBER


def _main(text: str, norm: str, default: str | None, money: bool) -> Quantity:
    r = read(norm)
    if isinstance(r, str):
        if _DATE_LIKE.fullmatch(norm):
            return unparsed(text, "looks like a date, not a quantity")
        return unparsed(text, r)
    kind = _kind(r)
    if kind is Kind.MONEY or (money and kind is Kind.NUMBER):
        if r.mark is not None:
            return unparsed(text, "a currency on a percent or count")
        if r.currency is None:
            if default is None:
                return unparsed(text, "no currency (give a default currency)")
            code: str | None = default
        else:
            code = resolve(r.currency, default)
            if code is None:
                return unparsed(text, "ambiguous currency")
        return quantity(text, Kind.MONEY, r, currency=code)
    if r.currency is not None:
        return unparsed(text, f"a currency on a {kind.value}")
    unit = {Kind.PERCENT: "%", Kind.PP: "pp"}.get(kind, r.unit)
    return quantity(text, kind, r, unit=unit)


@lru_cache(maxsize=1 << 16)
def read_quantity(text: str, default: str | None, money: bool) -> Quantity:
    """Any quantity but a period; ``money`` makes bare numbers money in the default currency."""
    try:
        return _read_quantity(text, default, money)
    except (ArithmeticError, ValueError, LookupError, TypeError, AssertionError) as exc:
        # The contract is "never raise": a bug becomes an unparsed result the tests catch.
        return unparsed(text, f"internal error: {type(exc).__name__}")


def _read_quantity(text: str, default: str | None, money: bool) -> Quantity:
    norm = normalize(text)
    if not norm:
        return unparsed(text, "empty")
    if _SPREADSHEET.fullmatch(norm):
        return unparsed(text, "a spreadsheet error marker")
    hidden, currency = undisclosed(norm)
    if hidden:
        code = resolve(currency, default) if currency is not None else None
        return Quantity(input=text, kind=Kind.UNDISCLOSED, currency=code)
    main, bracket = split_equivalent(norm)
    q = _main(text, main, default, money)
    if bracket is None or q.kind is Kind.UNPARSED:
        return q
    eq = read_quantity(bracket, default, q.kind is Kind.MONEY)
    if eq.kind is Kind.UNPARSED:
        return unparsed(text, f"unreadable bracket: {eq.reason}")
    return replace(q, equivalent=eq)


def only(q: Quantity, *kinds: Kind) -> Quantity:
    """``q`` when it is one of ``kinds`` (or undisclosed/unparsed), else unparsed with why."""
    if q.kind in kinds or q.kind in (Kind.UNPARSED, Kind.UNDISCLOSED):
        return q
    wanted = " or ".join(k.value for k in kinds)
    return unparsed(q.input, f"expected {wanted}, found {q.kind.value}")


__all__ = ["only", "read_quantity", "resolve"]
