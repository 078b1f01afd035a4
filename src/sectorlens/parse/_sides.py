"""The two sides of a range, and what each side says besides its amount.

A side is ``[currency] [sign] amount [currency] [%|pp|bp|counter]``. A range has one separator
(``~``, ``-``, ``到``, ``至``, ``to``; a doubled mark ``--``/``——`` is one separator) or
``between … and``. A unit written once applies to both ends (``1-5万``, ``两到三仟``,
``八百到九百亿``); where sharing it would turn the range upside down (``8500到3万``), the left end
is read as written if that gives a range whose ends lie within a factor of ten.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from sectorlens.parse._currency_words import LEADING_NAMES
from sectorlens.parse._lexicon import (
    AMOUNT_KINDS,
    AND,
    BIG_KINDS,
    COUNT,
    CUR,
    DIGIT_KINDS,
    HD,
    MARK_KINDS,
    MINUS,
    PCT,
    PCTPRE,
    PLUS,
    SCALE,
    SEP,
    SMALL_KINDS,
    YUAN,
)
from sectorlens.parse._tokens import Tok
from sectorlens.parse.numbers import has_unit, trailing_units

Currency = str | frozenset[str]
_UNIT_KINDS = SMALL_KINDS | BIG_KINDS | {SCALE}
_TEN = Decimal(10)


class Side(NamedTuple):
    """One end of a range (or the whole of a single amount)."""

    amount: list[Tok]
    currency: list[Currency]
    mark: str | None
    unit: str | None
    negative: bool


def _may_lead(text: str) -> bool:
    low = text.lower()
    if not low.isalnum() or (text.isupper() and text.isascii()):
        return True  # a symbol ($, €, US$) or an ISO code
    return low in ("rmb", "rs", "rs.") or low in LEADING_NAMES


def side(toks: list[Tok]) -> Side | str:
    """Currency, sign and unit mark around one amount; a string is why it cannot be read."""
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
    if mark == COUNT and unit and unit[0] in "千百十" and amount[-1].kind == HD:
        # 五千瓦: five thousand 瓦 or five 千瓦 (the numeral's place or the unit's prefix?)
        return f"{amount[-1].text}{unit}: a numeral or the unit's {unit[0]}?"
    return Side(amount, currency, mark, unit, negative)


def split_range(toks: list[Tok], between: bool) -> list[list[Tok]] | str:
    """The sides of a range (one list when there is no separator); linear in the tokens."""
    seps: list[tuple[int, int]] = []  # (first, last) index of each separator run
    seen_amount = False
    last_sep = -2
    for i, t in enumerate(toks):
        k = t.kind
        is_sep = k == SEP or (k == AND and between) or (k == MINUS and seen_amount)
        if k == AND and not between:
            return "unexpected 'and'"
        if is_sep:
            doubled = last_sep == i - 1 and toks[i - 1].text == t.text and k != AND
            if doubled and toks[0].kind != MINUS:  # -5--3 stays unread: which dash is the sign?
                seps[-1] = (seps[-1][0], i)  # a doubled mark: 1万元--5万元, 2——3万
            else:
                seps.append((i, i))
            last_sep = i
            if len(seps) > 1:
                return "more than one range separator"
        elif k in AMOUNT_KINDS:
            seen_amount = True
    if between and not seps:
        return "'between' without 'and'"
    if not seps:
        return [toks]
    first, last = seps[0]
    return [toks[:first], toks[last + 1 :]]


def combine(values: list[Currency]) -> tuple[Currency | None, str | None]:
    """One currency from all the tokens that named one (``$5m USD`` -> USD), or why not.

    元/块 name CNY only when no other currency is named (``新台币177.1亿元`` is TWD).
    """
    if not values:
        return None, None
    named = [v for v in values if v != YUAN]
    if not named:
        return "CNY", None
    codes = {v for v in named if isinstance(v, str)}
    if len(codes) > 1:
        return None, f"two currencies: {', '.join(sorted(codes))}"
    options = [v for v in named if isinstance(v, frozenset)]
    if codes:
        code = next(iter(codes))
        if any(code not in o for o in options):
            return None, "two currencies"
        return code, None
    common = frozenset.intersection(*options)
    return (common if len(common) != 1 else next(iter(common))), None


def shared_units(left: list[Tok], right: list[Tok]) -> tuple[list[Tok], bool]:
    """The left amount with the unit it shares with the right one, and whether it took one.

    ``两`` / ``三仟`` -> ``两仟``; ``8500`` / ``3万`` -> ``8500万`` (the caller falls back to
    ``8500`` when that turns the range upside down); ``七千`` / ``九千亿`` -> ``七千亿``.
    """
    if (
        len(left) == 1
        and left[0].kind in DIGIT_KINDS
        and len(right) > 1
        and right[0].kind in DIGIT_KINDS
        and all(t.kind in _UNIT_KINDS for t in right[1:])
    ):
        return left + right[1:], True
    if not has_unit(left) and has_unit(right):
        return left + trailing_units(right), True
    return left, False


def plain_fallback(plain: Decimal, high: Decimal) -> bool:
    """Whether the left end read without the shared unit makes a believable range."""
    return plain < high and plain * _TEN >= high


__all__ = ["Currency", "Side", "combine", "plain_fallback", "shared_units", "side", "split_range"]
