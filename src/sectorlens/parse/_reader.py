"""The shape every quantity shares: qualifiers, sign, currency, amount, range, unit mark."""

from __future__ import annotations

import re
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple, cast

from sectorlens.model import Kind, Qualifier, Quantity
from sectorlens.parse._keywords import KEYWORDS
from sectorlens.parse._lexicon import (
    AMOUNT_KINDS,
    AND,
    BETWEEN,
    BP,
    COUNT,
    CUR,
    DIGIT_KINDS,
    MARK_KINDS,
    MINUS,
    NEUTRAL,
    PCT,
    PCTPRE,
    PLUS,
    POST,
    PP,
    PRE,
    QUAL,
    SEP,
    UNDISCLOSED,
)
from sectorlens.parse._tokens import Tok, check_grouping, tokenize
from sectorlens.parse.native import native_count
from sectorlens.parse.numbers import clean, evaluate, has_unit, too_large, trailing_units

Currency = str | frozenset[str]
_HUNDRED = Decimal(100)


class Reading(NamedTuple):
    """What one quantity text said, before deciding its kind."""

    low: Decimal
    high: Decimal
    qualifier: Qualifier
    currency: Currency | None
    mark: str | None  # PCT, PP, COUNT or None
    unit: str | None  # the counter word of a count


class _Side(NamedTuple):
    amount: list[Tok]
    currency: list[Currency]
    mark: str | None
    unit: str | None
    negative: bool


def split_equivalent(text: str) -> tuple[str, str | None]:
    """``861억 위안(16조원)`` -> (``861억 위안``, ``16조원``): a trailing bracketed equivalent."""
    if not text or text[-1] not in ")]":
        return text, None
    close = text[-1]
    opening = "(" if close == ")" else "["
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch == close:
            depth += 1
        elif ch == opening:
            depth -= 1
            if depth == 0:
                return text[:i].rstrip(), text[i + 1 : -1].strip()
    return text, None


def _undisclosed_table() -> dict[str, Currency | None]:
    table: dict[str, Currency | None] = dict.fromkeys(UNDISCLOSED)
    for word, (kind, value) in KEYWORDS.items():
        if kind != CUR:
            continue
        for marker in UNDISCLOSED:
            if len(marker) < 2:
                continue  # "-" next to a currency is a sign or a dash, not a marker
            for form in (marker + word, f"{marker} {word}", word + marker, f"{word} {marker}"):
                table[form] = value  # type: ignore[assignment]
    return table


_UNDISCLOSED = MappingProxyType(_undisclosed_table())


def undisclosed(text: str) -> tuple[bool, Currency | None]:
    """Whether normalised text says "not disclosed", and the currency it names (``未透露美元``)."""
    low = text.lower()
    if low in _UNDISCLOSED:
        return True, _UNDISCLOSED[low]
    return False, None


_UNIT_ONLY = frozenset({"上", "过", "破"})
# Currency words that may stand before the number (symbols and ISO codes always may).
_LEADING_WORDS = frozenset(
    {"rmb", "rs", "rs.", "人民币", "人民幣", "美元", "港币", "港幣", "港元", "欧元"}
)


def _may_lead(text: str) -> bool:
    low = text.lower()
    return not low.isalnum() or low in _LEADING_WORDS or (text.isupper() and text.isascii())


def _side(toks: list[Tok]) -> _Side | str:
    currency: list[Currency] = []
    mark: str | None = None
    unit: str | None = None
    negative = False
    start, end = 0, len(toks)
    while start < end:
        t = toks[start]
        if t.kind == CUR:
            if not _may_lead(t.text):
                return f"{t.text!r} does not stand before a number"
            currency.append(t.value)  # type: ignore[arg-type]
        elif t.kind in (MINUS, PLUS) and start + 1 < end and not negative:
            negative = t.kind == MINUS
        elif t.kind == PCTPRE and mark is None:
            mark = PCT
        else:
            break
        start += 1
    while end > start:
        t = toks[end - 1]
        if t.kind == CUR:
            currency.append(t.value)  # type: ignore[arg-type]
        elif t.kind in MARK_KINDS and mark is None:
            mark = t.kind
            if t.kind == COUNT:
                unit = str(t.value)
        else:
            break
        end -= 1
    amount = toks[start:end]
    for t in amount:
        if t.kind not in AMOUNT_KINDS:
            return f"unexpected {t.text!r}"
    if not amount:
        return "no number"
    if mark == COUNT and currency:
        return "a count with a currency"
    return _Side(amount, currency, mark, unit, negative)


def _split_range(toks: list[Tok], between: bool) -> list[list[Tok]] | str:
    seps = []
    for i, t in enumerate(toks):
        if t.kind == SEP or (t.kind == AND and between):
            seps.append(i)
        elif t.kind == AND:
            return "unexpected 'and'"
        elif t.kind == MINUS and any(p.kind in AMOUNT_KINDS for p in toks[:i]):
            seps.append(i)
    if len(seps) > 1:
        return "more than one range separator"
    if between and not seps:
        return "'between' without 'and'"
    if not seps:
        return [toks]
    i = seps[0]
    return [toks[:i], toks[i + 1 :]]


def _combine(values: list[Currency]) -> tuple[Currency | None, str | None]:
    """One currency from all the tokens that named one (``$5m USD`` -> USD), or why not."""
    if not values:
        return None, None
    codes = {v for v in values if isinstance(v, str)}
    if len(codes) > 1:
        return None, f"two currencies: {', '.join(sorted(codes))}"
    options = [v for v in values if isinstance(v, frozenset)]
    if codes:
        code = next(iter(codes))
        if any(code not in o for o in options):
            return None, "two currencies"
        return code, None
    common = frozenset.intersection(*options)
    return (common if len(common) != 1 else next(iter(common))), None


_FAST_UNITS = {
    "万": Decimal(10**4),
    "萬": Decimal(10**4),
    "亿": Decimal(10**8),
    "億": Decimal(10**8),
}
_FAST_UNITS.update({"만": _FAST_UNITS["万"], "억": _FAST_UNITS["亿"], "조": Decimal(10**12)})
_FAST_CURRENCY = "人民币|人民幣|元|美元|美金|港元|港币|欧元|日元|英镑|위안|원|달러"
# The shapes most amount cells have: 1750000, 10,00,000, 1000万人民币, 1.5亿元, 数千万美元.
_FAST = re.compile(
    rf"(\d[\d,]{{0,24}}(?:\.\d{{1,12}})?)(?: ?([万萬亿億만억조]))? ?({_FAST_CURRENCY})?"
)
_FAST_VAGUE = re.compile(rf"[数几]([十百千]?)([万亿])({_FAST_CURRENCY})?")
_SMALL = {"": 1, "十": 10, "百": 100, "千": 1000}


def _fast(text: str) -> Reading | None:
    """The common shapes without tokenizing; None sends the text down the full path."""
    m = _FAST.fullmatch(text)
    if m:
        digits, unit, word = m.groups()
        if "," in digits:
            whole = digits.split(".", 1)[0]
            if not check_grouping(whole) or not whole[-1].isdigit():
                return None
            digits = digits.replace(",", "")
        value = Decimal(digits)
        if unit:
            value = clean(value * _FAST_UNITS[unit])
        elif "." in digits:
            value = clean(value)
        cur = KEYWORDS[word][1] if word else None
        return Reading(value, value, Qualifier.EXACT, cur, None, None)  # type: ignore[arg-type]
    m = _FAST_VAGUE.fullmatch(text)
    if m:
        small, big, word = m.groups()
        low = _SMALL[small] * _FAST_UNITS[big]
        cur = KEYWORDS[word][1] if word else None
        return Reading(low, low * 10, Qualifier.RANGE, cur, None, None)  # type: ignore[arg-type]
    return None


def read(text: str) -> Reading | str:
    """Read normalised text as one quantity; a string return is the reason it cannot be."""
    fast = _fast(text)
    if fast is not None:
        return fast
    native = native_count(text)
    if native is not None:
        value, counter = native
        return Reading(value, value, Qualifier.EXACT, None, COUNT, counter)
    toks = tokenize(text)
    if isinstance(toks, str):
        return toks
    quals: set[Qualifier] = set()
    between = False
    bare_ok = False
    unit_only = False  # 上亿 / 过亿 / 破亿: these words only stand before a bare unit
    while toks and (toks[0].kind in (QUAL, NEUTRAL, BETWEEN) or toks[0].text == "~"):
        t = toks.pop(0)
        if t.kind == SEP:  # a leading "~" means "about"
            quals.add(Qualifier.APPROX)
        elif t.kind == QUAL:
            qual, where = cast(tuple[Qualifier, str], t.value)
            if where != PRE:
                return f"{t.text!r} cannot stand first"
            quals.add(qual)
            bare_ok = True
            unit_only = unit_only or t.text in _UNIT_ONLY
        elif t.kind == BETWEEN:
            between = True
    while toks and (toks[-1].kind == QUAL or (toks[-1].kind == PLUS and len(toks) > 1)):
        t = toks.pop()
        if t.kind == PLUS:
            quals.add(Qualifier.AT_LEAST)
            continue
        qual, where = cast(tuple[Qualifier, str], t.value)
        if where != POST:
            return f"{t.text!r} cannot stand last"
        quals.add(qual)
    if not toks:
        return "no number"
    parts = _split_range(toks, between)
    if isinstance(parts, str):
        return parts
    sides: list[_Side] = []
    for part in parts:
        side = _side(part)
        if isinstance(side, str):
            return side
        sides.append(side)
    if len(sides) == 2:
        left, right = sides
        if not has_unit(left.amount) and has_unit(right.amount):
            left = left._replace(amount=left.amount + trailing_units(right.amount))
        if left.mark and right.mark and left.mark != right.mark:
            return "different units on each side of a range"
        sides = [left, right]
    mark = next((s.mark for s in sides if s.mark), None)
    unit = next((s.unit for s in sides if s.unit), None)
    currency, problem = _combine([c for s in sides for c in s.currency])
    if problem is not None:
        return problem
    bounds: list[tuple[Decimal, Decimal, bool]] = []
    for s in sides:
        if unit_only and any(t.kind in DIGIT_KINDS for t in s.amount):
            return "上/过/破 before a number"
        amount = evaluate(s.amount, allow_bare=bare_ok)
        if isinstance(amount, str):
            return amount
        low, high = amount.low, amount.high
        if s.negative:
            low, high = -high, -low
        if too_large(low) or too_large(high):
            return "number too large"
        bounds.append((low, high, amount.vague))
    if len(bounds) == 2:
        if bounds[0][2] or bounds[1][2]:
            return "a vague bound in a range"
        low, high = bounds[0][0], bounds[1][0]
        if not low < high:
            return "range low is not below its high"
        vague = True
    else:
        low, high, vague = bounds[0]
    if vague:
        if quals - {Qualifier.APPROX}:
            return "a bound qualifier on a range"
        qualifier = Qualifier.RANGE
    elif len(quals) > 1:
        return "conflicting qualifiers"
    else:
        qualifier = next(iter(quals), Qualifier.EXACT)
    if mark == BP:
        low, high, mark = low / _HUNDRED, high / _HUNDRED, PP
    return Reading(clean(low), clean(high), qualifier, currency, mark, unit)


def quantity(
    text: str,
    kind: Kind,
    r: Reading,
    *,
    currency: str | None = None,
    unit: str | None = None,
    equivalent: Quantity | None = None,
) -> Quantity:
    """Build the Quantity of a reading: value and bounds as the parse contract says."""
    q = r.qualifier
    value = low = high = None
    if q is Qualifier.EXACT:
        value = low = high = r.low
    elif q is Qualifier.APPROX:
        value = r.low
    elif q is Qualifier.AT_LEAST:
        low = r.low
    elif q is Qualifier.AT_MOST:
        high = r.high
    else:
        low, high = r.low, r.high
    return Quantity(
        input=text,
        kind=kind,
        value=value,
        low=low,
        high=high,
        qualifier=q,
        currency=currency,
        unit=unit,
        equivalent=equivalent,
    )


def unparsed(text: str, reason: str) -> Quantity:
    """A Quantity that says why the text could not be read."""
    return Quantity(input=text, kind=Kind.UNPARSED, reason=reason)


__all__ = [
    "Currency",
    "Reading",
    "quantity",
    "read",
    "split_equivalent",
    "undisclosed",
    "unparsed",
]
