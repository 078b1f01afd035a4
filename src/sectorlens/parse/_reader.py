"""The shape every quantity shares: qualifiers, sign, currency, amount, range, unit mark."""

from __future__ import annotations

import re
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple, cast

from sectorlens.model import Kind, Qualifier, Quantity
from sectorlens.parse._keywords import KEYWORDS
from sectorlens.parse._lexicon import (
    BAD,
    BETWEEN,
    BP,
    COUNT,
    CUR,
    DIGIT_KINDS,
    FROM,
    MISSING,
    NEUTRAL,
    PLUS,
    POST,
    PP,
    PRE,
    QUAL,
    SCALE,
    SEP,
    SUB,
    UNDISCLOSED,
    YUAN,
)
from sectorlens.parse._marks import HAN, STRICT, drop, fractions, level, subunits
from sectorlens.parse._sides import (
    Currency,
    Side,
    combine,
    plain_fallback,
    shared_units,
    side,
    split_range,
)
from sectorlens.parse._tokens import Tok, check_grouping, tokenize
from sectorlens.parse.native import native_count
from sectorlens.parse.numbers import clean, evaluate, too_large

_HUNDRED = Decimal(100)


class Reading(NamedTuple):
    """What one quantity text said, before deciding its kind."""

    low: Decimal
    high: Decimal
    qualifier: Qualifier
    currency: Currency | None
    mark: str | None  # PCT, PP, COUNT or None
    unit: str | None  # the counter word of a count
    low_open: bool = False
    high_open: bool = False


_NOT_EQUIVALENT = frozenset({"含", "不含"})  # 50万元(含): a mark on the bound, not an equivalent


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
                inner = text[i + 1 : -1].strip()
                if inner in _NOT_EQUIVALENT:
                    return text, None
                return text[:i].rstrip(), inner
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


def missing(text: str) -> bool:
    """Whether normalised text stands for no value at all (``N/A``, ``None``, ``NaN``, ``—``)."""
    low = text.lower()
    return low in MISSING or (low[:1] == "-" and not low.strip("-"))


def undisclosed(text: str) -> tuple[bool, Currency | None]:
    """Whether normalised text says "not disclosed", and the currency it names (``未透露美元``)."""
    low = text.lower()
    if low in _UNDISCLOSED:
        return True, _UNDISCLOSED[low]
    return False, None


_UNIT_ONLY = frozenset({"上", "过", "破"})
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


_FAST_CUR: dict[str | None, Currency] = {
    w: "CNY" if KEYWORDS[w][1] == YUAN else KEYWORDS[w][1]  # type: ignore[misc]
    for w in _FAST_CURRENCY.split("|")
}


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
        if len(digits) > 9 and too_large(value):  # 9 digits x 10^12 is still below 10^22
            return None
        return Reading(value, value, Qualifier.EXACT, _FAST_CUR.get(word), None, None)
    m = _FAST_VAGUE.fullmatch(text)
    if m:
        small, big, word = m.groups()
        low = _SMALL[small] * _FAST_UNITS[big]
        return Reading(low, low * 10, Qualifier.RANGE, _FAST_CUR.get(word), None, None)
    return None


def _lead(toks: list[Tok]) -> tuple[int, set[Qualifier], bool, bool, bool] | str:
    """Leading qualifiers: (tokens used, qualifiers, between/from, bare unit ok, 上/过/破)."""
    quals: set[Qualifier] = set()
    between = bare_ok = unit_only = False
    i = 0
    while i < len(toks) and (toks[i].kind in (QUAL, NEUTRAL, BETWEEN, FROM) or toks[i].text == "~"):
        t = toks[i]
        if t.kind == SEP:  # a leading "~" means "about"
            quals.add(Qualifier.APPROX)
        elif t.kind == QUAL:
            qual, where = cast(tuple[Qualifier, str], t.value)
            if where != PRE:
                return f"{t.text!r} cannot stand first"
            quals.add(qual)
            bare_ok = True
            unit_only = unit_only or t.text in _UNIT_ONLY
        elif t.kind in (BETWEEN, FROM):
            between = between or t.kind == BETWEEN
        i += 1
    return i, quals, between, bare_ok, unit_only


def read(text: str) -> Reading | str:
    """Read normalised text as one quantity; a string return is the reason it cannot be."""
    fast = _fast(text)
    if fast is not None:
        return fast
    native = native_count(text)
    if native is not None:
        value, counter = native
        return Reading(value, value, Qualifier.EXACT, None, COUNT, counter)
    if "/" in text:
        text = fractions(text)
    toks0 = tokenize(text)
    if isinstance(toks0, str):
        return toks0
    for t in toks0:
        if t.kind == BAD:
            return str(t.value) if t.value else f"unexpected {t.text!r}"
        if t.kind == SCALE and t.text.lower() == "w" and not HAN.search(text):
            return "'w' is 万 only in Chinese text"
        if t.kind == COUNT and t.text == "T":
            return "'T' may be trillion or tonnes"
    dropped = drop(toks0)
    if isinstance(dropped, str):
        return dropped
    toks, exclusive = dropped
    cents: Decimal | None = None
    if any(t.kind == SUB for t in toks):
        sub = subunits(toks)
        if isinstance(sub, str):
            return sub
        toks, cents = sub
    lvl = level(toks)
    if isinstance(lvl, str):
        return lvl
    if lvl is not None:
        toks = lvl
    lead = _lead(toks)
    if isinstance(lead, str):
        return lead
    used, quals, between, bare_ok, unit_only = lead
    ranged = any(t.kind == FROM for t in toks[:used])
    strict = any(t.text.lower() in STRICT for t in toks[:used] if t.kind == QUAL)
    end = len(toks)
    tail_currency: list[Currency] = []
    while end > used:
        t = toks[end - 1]
        if t.kind == PLUS and end - used > 1:
            quals.add(Qualifier.AT_LEAST)
        elif t.kind == QUAL:
            qual, where = cast(tuple[Qualifier, str], t.value)
            if where != POST:
                return f"{t.text!r} cannot stand last"
            quals.add(qual)
            bare_ok = True
            strict = strict or t.text.lower() in STRICT
        elif t.kind == CUR and end - 1 > used and toks[end - 2].kind == QUAL:
            tail_currency.append(t.value)  # type: ignore[arg-type]  # 亿元及以上人民币
        else:
            break
        end -= 1
    toks = toks[used:end]
    if not toks:
        return "no number"
    parts = split_range(toks, between or ranged)
    if isinstance(parts, str):
        return parts
    if ranged and len(parts) != 2:
        return "从 without 到"
    sides: list[Side] = []
    for part in parts:
        got = side(part)
        if isinstance(got, str):
            return got
        sides.append(got)
    if (lvl is not None or cents is not None) and len(sides) != 1:
        return "级 or 角/分 in a range"
    mark = next((s.mark for s in sides if s.mark), None)
    unit = next((s.unit for s in sides if s.unit), None)
    if len(sides) == 2 and sides[0].mark and sides[1].mark and sides[0].mark != sides[1].mark:
        return "different units on each side of a range"
    currency, problem = combine([c for s in sides for c in s.currency] + tail_currency)
    if problem is not None:
        return problem
    if unit_only and any(t.kind in DIGIT_KINDS for s in sides for t in s.amount):
        return "上/过/破 before a number"
    bounds = _bounds(sides, bare_ok or lvl is not None)
    if isinstance(bounds, str):
        return bounds
    low, high, vague = bounds
    if lvl is not None:
        if vague or quals:
            return "级 with a qualifier or a vague amount"
        high = clean(low * 10)
        return Reading(clean(low), high, Qualifier.RANGE, currency, mark, unit, high_open=True)
    if cents is not None:
        if vague or low < 0:
            return "角/分 after a vague or negative amount"
        low = high = low + cents
    if vague:
        if quals - {Qualifier.APPROX}:
            return "a bound qualifier on a range"
        qualifier = Qualifier.RANGE
    elif len(quals) > 1:
        return "conflicting qualifiers"
    else:
        qualifier = next(iter(quals), Qualifier.EXACT)
    strict = (strict or exclusive) and qualifier in (Qualifier.AT_LEAST, Qualifier.AT_MOST)
    if exclusive and not strict:
        return "(不含) without 以上 or 以下"
    if mark == BP:
        low, high, mark = low / _HUNDRED, high / _HUNDRED, PP
    return Reading(
        clean(low),
        clean(high),
        qualifier,
        currency,
        mark,
        unit,
        strict and qualifier is Qualifier.AT_LEAST,
        strict and qualifier is Qualifier.AT_MOST,
    )


def _bounds(sides: list[Side], bare_ok: bool) -> tuple[Decimal, Decimal, bool] | str:
    """Low, high and vagueness of one amount or of a range's two ends."""
    if len(sides) == 1:
        return _one(sides[0], sides[0].amount, bare_ok)
    left, right = sides
    hi = _one(right, right.amount, bare_ok)
    if isinstance(hi, str):
        return hi
    amount, took = shared_units(left.amount, right.amount)
    lo = _one(left, amount, bare_ok)
    if isinstance(lo, str):
        return lo
    if lo[2] or hi[2]:
        return "a vague bound in a range"
    if not lo[0] < hi[0] and took:
        plain = _one(left, left.amount, bare_ok)
        if not isinstance(plain, str) and not plain[2] and plain_fallback(plain[0], hi[0]):
            lo = plain
    if not lo[0] < hi[0]:
        return "range low is not below its high"
    return lo[0], hi[0], True


def _one(s: Side, amount: list[Tok], bare_ok: bool) -> tuple[Decimal, Decimal, bool] | str:
    got = evaluate(amount, allow_bare=bare_ok)
    if isinstance(got, str):
        return got
    low, high = got.low, got.high
    if s.negative:
        low, high = -high, -low
    if too_large(low) or too_large(high):
        return "number too large (10^22 or more is no amount)"
    return low, high, got.vague


def quantity(
    text: str,
    kind: Kind,
    r: Reading,
    *,
    currency: str | None = None,
    unit: str | None = None,
    equivalent: Quantity | None = None,
    assumptions: tuple[str, ...] = (),
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
        assumptions=assumptions,
        low_open=r.low_open,
        high_open=r.high_open,
    )


def unparsed(text: str, reason: str) -> Quantity:
    """A Quantity that says why the text could not be read."""
    return Quantity(input=text, kind=Kind.UNPARSED, reason=reason)


__all__ = [
    "Currency",
    "Reading",
    "missing",
    "quantity",
    "read",
    "split_equivalent",
    "undisclosed",
    "unparsed",
]
