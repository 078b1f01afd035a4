"""One quantity from one string: the steps every typed parser shares."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from sectorlens.model import Kind, Qualifier, Quantity
from sectorlens.parse._lexicon import ASSUMED_DOLLAR, COUNT, DOLLARS, PCT, PP
from sectorlens.parse._reader import (
    Currency,
    Reading,
    missing,
    quantity,
    read,
    split_equivalent,
    undisclosed,
    unparsed,
)
from sectorlens.parse._tokens import normalize

_SIGNED = frozenset({Kind.NUMBER, Kind.MONEY, Kind.PERCENT, Kind.PP})
_FLIPPED = {Qualifier.AT_LEAST: Qualifier.AT_MOST, Qualifier.AT_MOST: Qualifier.AT_LEAST}
_SPREADSHEET = re.compile(r"#+|#(?:NAME\?|VALUE!|REF!|DIV/0!|N/A|NUM!|NULL!)", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_KIND_OF_MARK = {PCT: Kind.PERCENT, PP: Kind.PP, COUNT: Kind.COUNT}
# (8.4), ($1,234), (8.4%): an accounting negative when the brackets hold the whole text and the
# number inside is not a bare integer (``(12)`` may be a note mark or a year: left unread).
_ACCOUNTING = re.compile(
    r"\((?=[^()]*(?:\d[.,]\d|%|[$€£¥₩]))([$€£¥₩]? ?\d[\d,]*(?:\.\d+)? ?(?:%|[a-z]{1,3})?)\)",
    re.IGNORECASE,
)
ASSUMED_USD = "USD assumed for '$': no currency named"


def resolve(currency: Currency, default: str | None) -> str | None:
    """An ISO code; an ambiguous symbol only through a default it allows (else None)."""
    if isinstance(currency, str):
        return currency
    if default is not None and default in currency:
        return default
    return None


def _resolve_money(currency: Currency, default: str | None) -> tuple[str | None, tuple[str, ...]]:
    """``resolve``, and a bare ``$`` without any default is USD with the assumption noted."""
    code = resolve(currency, default)
    if code is None and currency == DOLLARS and default is None:
        return ASSUMED_DOLLAR, (ASSUMED_USD,)
    return code, ()  # a default outside the candidates ($ in a CNY column) stays ambiguous


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
            notes: tuple[str, ...] = ()
        else:
            code, notes = _resolve_money(r.currency, default)
            if code is None:
                return unparsed(text, "ambiguous currency")
        return quantity(text, Kind.MONEY, r, currency=code, assumptions=notes)
    if r.currency is not None:
        return unparsed(text, f"a currency on a {kind.value}")
    unit = {Kind.PERCENT: "%", Kind.PP: "pp"}.get(kind, r.unit)
    return quantity(text, kind, r, unit=unit)


# The won or dollar named before a bracketed equivalent whose amount says it again (한화, 원화로)
EQUIVALENT_NAMED = r"(?:한화|원화|우리\s?돈|미화)\s?(?:로\s?)?"
_CURRENCY_NAME = re.compile(rf"^{EQUIVALENT_NAMED}(?=약|\d)")


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
    if not norm[0].isdigit():  # markers never start with a digit (most amounts do)
        marked = _marker(text, norm, default, money)
        if marked is not None:
            return marked
    main, bracket = split_equivalent(norm)
    if not main and bracket is not None:
        return unparsed(text, "text in brackets alone (a note mark, a year, a negative?)")
    q = _main(text, main, default, money)
    if bracket is None or q.kind is Kind.UNPARSED:
        return q
    bracket = _CURRENCY_NAME.sub("", bracket, count=1)  # (한화 625조원): the won, then the amount
    eq = read_quantity(bracket, default, q.kind is Kind.MONEY)
    if eq.kind is Kind.UNPARSED:
        return unparsed(text, f"unreadable bracket: {eq.reason}")
    return replace(q, equivalent=eq)


def _marker(text: str, norm: str, default: str | None, money: bool) -> Quantity | None:
    """Spreadsheet errors, missing and undisclosed markers, accounting brackets (else None)."""
    if _SPREADSHEET.fullmatch(norm):
        return unparsed(text, "a spreadsheet error marker")
    if missing(norm):
        return Quantity(input=text, kind=Kind.MISSING, reason="a missing-value marker")
    if norm[0] == "(" and norm[-1] == ")" and _ACCOUNTING.fullmatch(norm):
        return _negated(text, read_quantity(norm[1:-1], default, money))
    hidden, currency = undisclosed(norm)
    if hidden:
        code = resolve(currency, default) if currency is not None else None
        return Quantity(input=text, kind=Kind.UNDISCLOSED, currency=code)
    return None


def _neg(value: Decimal | None) -> Decimal | None:
    return None if value is None else -value


def _negated(text: str, q: Quantity) -> Quantity:
    """``(8.4)`` as -8.4: the reading of the bracket's content with its sign turned."""
    if q.kind not in _SIGNED or q.equivalent is not None:
        return unparsed(text, "brackets around something that is not a plain amount")
    if any(v is not None and v < 0 for v in (q.value, q.low, q.high)):
        return unparsed(text, "a negative number in accounting brackets")
    qualifier = _FLIPPED.get(q.qualifier, q.qualifier) if q.qualifier else None
    return replace(
        q,
        input=text,
        value=_neg(q.value),
        low=_neg(q.high),
        high=_neg(q.low),
        qualifier=qualifier,
        low_open=q.high_open,
        high_open=q.low_open,
    )


def only(q: Quantity, *kinds: Kind) -> Quantity:
    """``q`` when it is one of ``kinds`` (or undisclosed/missing/unparsed), else unparsed."""
    if q.kind in kinds or q.kind in (Kind.UNPARSED, Kind.UNDISCLOSED, Kind.MISSING):
        return q
    wanted = " or ".join(k.value for k in kinds)
    return unparsed(q.input, f"expected {wanted}, found {q.kind.value}")


__all__ = ["only", "read_quantity", "resolve"]
