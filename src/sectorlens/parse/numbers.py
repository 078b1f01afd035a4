"""The number grammar: Arabic, Hanzi and Hangul numerals, CJK units and English scales.

``evaluate`` reads the tokens of one amount (no currency, qualifier or sign) into bounds.
Rules that keep a wrong number from coming out:

- Units must descend (``3亿5000万``); a compound unit (``万亿``) multiplies.
- A single Hanzi numeral after a unit abbreviates the next place (``三千五`` = 3500,
  ``萬九`` = 19,000, ``五亿六`` = 560,000,000); with ``零`` it is the units digit (``五亿零六``).
- A Hanzi or Hangul numeral section that skips places without ``零`` after a big unit
  (``一亿五千``: 100,005,000 or 150,000,000?) is ambiguous, so unparsed.
- Arabic digits after a unit: only 2–4 digits directly after 万/만 (``1만5000`` = 15,000);
  ``3万5`` or ``1억5000`` are ambiguous, so unparsed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal
from typing import NamedTuple, cast

from sectorlens.parse._lexicon import (
    BIG_KINDS,
    DIGIT_KINDS,
    HB,
    HD,
    HS,
    KB,
    KD,
    KS,
    MORE,
    NUM,
    SCALE,
    SMALL_KINDS,
    VAGUE,
    VRANGE,
    ZERO,
)
from sectorlens.parse._tokens import Tok

_CTX = Context(prec=60)
_ZERO = Decimal(0)
_ONE = Decimal(1)
_TEN = Decimal(10)
_MAN = Decimal(10**4)
# Largest decimal exponent accepted: 10^22 and above is no amount in any currency (and would not
# fit the store's DECIMAL at 6 places), so it is unparsed, never an exception downstream.
_LIMIT = 21


class Amount(NamedTuple):
    """Bounds read from one amount; ``vague`` when it was a range word (多, 数, millions)."""

    low: Decimal
    high: Decimal
    vague: bool


def clean(value: Decimal) -> Decimal:
    """The value without exponent notation or trailing zeros (``2.6E+12`` -> 2600000000000)."""
    if value == value.to_integral_value():
        return value.quantize(_ONE, context=_CTX)
    return value.normalize(_CTX)


def too_large(value: Decimal) -> bool:
    """True for values no amount can have (and that would make arithmetic slow)."""
    return value != 0 and value.adjusted() > _LIMIT


def _place(tok: Tok) -> Decimal | None:
    """The place of the last significant digit of a whole Arabic number (3000 -> 1000)."""
    value = tok.value
    if tok.kind != NUM or not isinstance(value, Decimal):
        return None
    if value <= 0 or value != value.to_integral_value():
        return None
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    return _TEN**zeros


def _int_digits(tok: Tok) -> int:
    return len(tok.text.replace(",", "").split(".", 1)[0])


def _remainder(tok: Tok, unit: int | None, unit_kind: str | None) -> bool:
    """Digits after 천/千/百 that are the rest of the number: every place below the unit filled
    (``1천647억``: 1,647억; ``3千500万``), or, after Hangul 천/백, at least two digits, as Korean
    news writes the rest without its leading zero (``73조2천47억``: 73조 2,047억). One digit
    (``2천4``) stays ambiguous."""
    value = tok.value
    if unit is None or unit < 100 or not isinstance(value, Decimal) or "." in tok.text:
        return False
    places = len(str(unit)) - 1
    digits = _int_digits(tok)
    return digits == places or (unit_kind == KS and 2 <= digits < places)


def _positional(toks: Sequence[Tok]) -> Decimal | None:
    """二〇二一 -> 2021: Hanzi digits written place by place, without units."""
    if len(toks) < 2 or any(t.kind != HD or t.text in "两兩" for t in toks):
        return None
    return Decimal("".join(str(t.value) for t in toks))


def _evaluate(toks: Sequence[Tok], allow_bare: bool, plus_more: bool) -> Decimal | str:
    total = _ZERO
    section = _ZERO
    cur: Decimal | None = None
    cur_tok: Tok | None = None
    before_cur: str | None = None
    last_big: Decimal | None = None
    last_small: int | None = None
    prev: str | None = None
    zero = False  # 零 seen since the last big unit
    numerals = False  # Hanzi/Hangul numerals seen since the last big unit
    scaled = False
    n = len(toks)
    for idx, t in enumerate(toks):
        k = t.kind
        if scaled and k != MORE:
            return f"text after a scale word: {t.text!r}"
        if k in DIGIT_KINDS:
            if cur is not None:
                return "two numbers in a row"
            if (
                prev in SMALL_KINDS
                and k == NUM
                and idx + 1 < n
                and toks[idx + 1].kind not in (SMALL_KINDS)
                and not _remainder(t, last_small, prev)
            ):
                return f"ambiguous digits after a unit: {t.text!r}"
            cur = cast(Decimal, t.value) if k == NUM else Decimal(cast(int, t.value))
            cur_tok, before_cur = t, prev
            if k != NUM:
                numerals = True
        elif k == ZERO:
            if cur is not None or prev is None:
                return "misplaced 零"
            zero = True
        elif k in SMALL_KINDS:
            if cur is None and k == HS and prev is not None and prev not in (MORE, ZERO):
                # Chinese writes 八千一百; 八千百 is a typo (Korean drops 일: 팔천백 = 8100)
                return f"{t.text!r} without its number"
            coef = _ONE if cur is None else cur
            unit_word = (  # 86,378백만원, 1,234천원: 백만/천 as a scale word after digits
                cur_tok is not None
                and cur_tok.kind == NUM
                and last_small is None
                and section == 0
                and (idx + 1 == n or toks[idx + 1].kind in BIG_KINDS)
            )
            if not 0 <= coef < 10 and not (unit_word and coef >= 0):
                return f"a number before {t.text!r} must be below ten"
            unit = t.value
            assert isinstance(unit, int)
            if last_small is not None and unit >= last_small:
                return "units out of order"
            if k == HS and last_small is not None and unit * 10 < last_small and not zero:
                return "ambiguous numeral: a skipped place needs 零"  # 一千四十: 1040?
            section += coef * unit
            cur, last_small = None, unit
        elif k in BIG_KINDS:
            big = t.value
            assert isinstance(big, Decimal)
            if cur is not None:
                if last_big is not None and cur != cur.to_integral_value():
                    return "a decimal inside a compound number"
                section += cur
                cur = None
            if section == 0:
                if prev in BIG_KINDS and last_big is not None:
                    if big <= last_big:
                        return "units out of order"
                    total = _CTX.multiply(total, big)
                    last_big, prev = big, k
                    continue
                if prev is None and (allow_bare or (idx + 1 < n and toks[idx + 1].kind == HD)):
                    section = _ONE
                else:
                    return f"{t.text!r} without a number"
            if last_big is None or big > last_big:
                total = _CTX.multiply(total + section, big)
            else:
                if big == last_big:
                    return f"repeated unit {t.text!r}"
                part = section * big
                if part >= last_big:
                    return "a part too large for its unit"
                if numerals and not zero and part * 10 < last_big:
                    return "ambiguous numeral: a skipped place needs 零"
                total += part
            last_big, last_small = big, None
            section, zero, numerals = _ZERO, False, False
        elif k == SCALE:
            if idx != 1 or prev != NUM or cur is None:
                return f"{t.text!r} must follow a plain number"
            scale = t.value
            assert isinstance(scale, Decimal)
            total = _CTX.multiply(cur, scale)
            cur, scaled, last_big = None, True, scale
        elif k == MORE:
            if prev is None or (idx + 1 < n and toks[idx + 1].kind not in BIG_KINDS):
                return f"misplaced {t.text!r}"
            if plus_more:
                if cur is not None:
                    assert cur_tok is not None
                    place = _place(cur_tok)
                    if place is None:
                        return f"{t.text!r} after {cur_tok.text!r}"
                    cur += place
                elif prev in SMALL_KINDS and last_small is not None:
                    section += last_small
                elif (prev in BIG_KINDS or prev == SCALE) and last_big is not None:
                    # 9만여, 7057만여: the figure and less than one more of its last unit
                    total += last_big
                else:
                    return f"misplaced {t.text!r}"
        else:  # VAGUE, VRANGE
            return f"misplaced {t.text!r}"
        prev = k
    if prev == ZERO:
        return "零 at the end"
    if cur is not None:
        assert cur_tok is not None
        if before_cur in SMALL_KINDS and last_small is not None:
            if cur_tok.kind == HD and last_small != 10 and not zero:
                cur = cur * last_small / 10  # 三千五 = 3500
            elif cur_tok.kind == KD and last_small != 10:
                return f"ambiguous numeral after a unit: {cur_tok.text!r}"  # 천삼: 1003 or 1300?
            elif cur_tok.kind == NUM and not _remainder(cur_tok, last_small, before_cur):
                return f"ambiguous digits after a unit: {cur_tok.text!r}"
        elif before_cur in BIG_KINDS and last_big is not None:
            if cur_tok.kind == HD and not zero:
                cur = cur * last_big / 10  # 一万五 = 15000
            elif cur_tok.kind == KD:
                return f"ambiguous numeral after a unit: {cur_tok.text!r}"
            elif cur_tok.kind == NUM and not (last_big == _MAN and 2 <= _int_digits(cur_tok) <= 4):
                return f"ambiguous digits after a unit: {cur_tok.text!r}"
        section += cur
    if last_big is not None and section:
        if section >= last_big and not scaled:
            return "a part too large for its unit"
        if numerals and not zero and section * 10 < last_big:
            return "ambiguous numeral: a skipped place needs 零"
    return total + section


_HANZI_KINDS = frozenset({HD, HS, HB, ZERO})
_HANGUL_KINDS = frozenset({KD, KS, KB})


def _mixed(toks: Sequence[Tok]) -> str | None:
    """Why an amount mixes scripts no writer mixes (``천一``, ``2亿两``), if it does."""
    kinds = {t.kind for t in toks}
    vague = "".join(t.text for t in toks if t.kind == VAGUE)
    hanzi = bool(kinds & _HANZI_KINDS) or any(c in vague for c in "数數几幾")
    hangul = bool(kinds & _HANGUL_KINDS) or any(c in vague for c in "수몇")
    if hanzi and hangul:
        return "Hanzi and Hangul numerals mixed"
    if NUM in kinds and (HD in kinds or KD in kinds):
        return "digits and numerals mixed"
    return None


def _adjacent(toks: Sequence[Tok]) -> Amount | str | None:
    """``八九亿`` = [8亿, 9亿], ``三五百`` = [300, 500], ``一两百``: two numerals before units."""
    if len(toks) < 3 or toks[0].kind != HD or toks[1].kind != HD:
        return None
    a, b = cast(int, toks[0].value), cast(int, toks[1].value)
    if not (b == a + 1 or (a, b) == (3, 5)):
        return "two numerals in a row"
    rest = toks[2:]
    if any(t.kind not in SMALL_KINDS and t.kind not in BIG_KINDS for t in rest):
        return "two numerals in a row"
    unit = _evaluate(rest, True, False)
    if isinstance(unit, str):
        return unit
    return Amount(a * unit, b * unit, True)


def _vague_digit(toks: Sequence[Tok]) -> Amount | str | None:
    """``十几`` = [10, 20], ``二十几万`` = [20万, 30万]: 几/数 for the digit after a unit."""
    at = next((i for i, t in enumerate(toks) if t.kind == VAGUE), 0)
    if at == 0 or toks[at - 1].kind not in SMALL_KINDS:
        return None
    if toks[at - 1].value != 10:
        return f"{toks[at].text!r} after {toks[at - 1].text!r}"  # 十几 yes, 百几 no
    head, tail = toks[:at], toks[at + 1 :]
    if any(t.kind not in BIG_KINDS for t in tail):
        return f"misplaced {toks[at].text!r}"
    section = _evaluate(head, True, False)
    if isinstance(section, str):
        return section
    unit = _evaluate(tail, True, False) if tail else _ONE
    if isinstance(unit, str):
        return unit
    step = Decimal(cast(int, toks[at - 1].value))
    return Amount(section * unit, (section + step) * unit, True)


def evaluate(toks: Sequence[Tok], *, allow_bare: bool = False) -> Amount | str:
    """Read the tokens of one amount into bounds; a string is the reason it cannot be read."""
    if not toks:
        return "no number"
    mixed = _mixed(toks)
    if mixed:
        return mixed
    first = toks[0]
    if first.kind == VRANGE:
        if len(toks) != 1:
            return f"text after {first.text!r}"
        bounds = cast(tuple[Decimal, Decimal], first.value)
        return Amount(bounds[0], bounds[1], True)
    if first.kind == VAGUE:
        rest = toks[1:]
        if not rest or any(t.kind not in SMALL_KINDS and t.kind not in BIG_KINDS for t in rest):
            return f"{first.text!r} must be followed by a unit"
        unit = _evaluate(rest, True, False)
        if isinstance(unit, str):
            return unit
        return Amount(unit, unit * 10, True)
    digits = _positional(toks)
    if digits is not None:
        return Amount(digits, digits, False)
    adjacent = _adjacent(toks)
    if adjacent is not None:
        return adjacent
    tens = _vague_digit(toks)
    if tens is not None:
        return tens
    value = _evaluate(toks, allow_bare, False)
    if isinstance(value, str):
        return value
    if any(t.kind == MORE for t in toks):
        upper = _evaluate(toks, allow_bare, True)
        if isinstance(upper, str):
            return upper
        return Amount(value, upper, True)
    return Amount(value, value, False)


def has_unit(toks: Sequence[Tok]) -> bool:
    """True when an amount carries a big unit or a scale word."""
    return any(t.kind in BIG_KINDS or t.kind == SCALE for t in toks)


def trailing_units(toks: Sequence[Tok]) -> list[Tok]:
    """The big units / scale words an amount ends with (``3-5亿`` shares ``亿``)."""
    out: list[Tok] = []
    for t in reversed(toks):
        if t.kind in BIG_KINDS or t.kind == SCALE:
            out.append(t)
        else:
            break
    return out[::-1]


__all__ = ["Amount", "clean", "evaluate", "has_unit", "too_large", "trailing_units"]
