"""Marks read around the number grammar: (含), 两个亿, 角/分, 级, fractions, strict bounds."""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.parse._lexicon import (
    AMOUNT_KINDS,
    BIG_KINDS,
    COUNT,
    CUR,
    DIGIT_KINDS,
    EXCL,
    INCL,
    LEVEL,
    SEP,
    SMALL_KINDS,
    SUB,
    YUAN,
    ZERO,
)
from sectorlens.parse._tokens import Tok

# Bound words that exclude the bound itself: 미만 (< 10,000), more than, 超过.
STRICT = frozenset(
    {"미만", "초과", "<", ">", "less than", "more than", "under", "below", "over", "above"}
    | {"in excess of", "不到", "不足", "超", "超过", "超過", "逾"}
)
HAN = re.compile(r"[\u4e00-\u9fff]")
# 5-1/4 percent, 2 1/2%: a whole number and a fraction with a decimal expansion, before a mark.
_FRACTION = re.compile(
    r"(?<![\d/.])(\d{1,3})[- ](1|3|5|7|9|11|13|15)/(2|4|8|16)"
    r"(?= ?(?:%|percent|per cent|percentage point|pp|pts?\b|bps?\b))",
    re.IGNORECASE,
)


def fractions(text: str) -> str:
    """``5-1/4 percent`` -> ``5.25 percent``."""

    def whole(m: re.Match[str]) -> str:
        num, den = int(m.group(2)), int(m.group(3))
        if num >= den:
            return m.group()
        return format(Decimal(m.group(1)) + Decimal(num) / Decimal(den), "f")

    return _FRACTION.sub(whole, text)


def drop(toks: list[Tok]) -> tuple[list[Tok], bool] | str:
    """Tokens without (含)/整 and the 个 of 两个亿; True when (不含) made a bound exclusive."""
    out: list[Tok] = []
    exclusive = False
    n = len(toks)
    for i, t in enumerate(toks):
        if t.kind in (INCL, EXCL):
            # (含)/(不含)/整 mark the amount just before them: never first, never between numbers
            before = toks[i - 1].kind if i else None
            after = toks[i + 1].kind if i + 1 < n else None
            if before not in AMOUNT_KINDS and before != CUR:
                return f"{t.text!r} must follow an amount"
            if after in AMOUNT_KINDS or (t.text == "整" and after is not None):
                return f"{t.text!r} between two parts of a number"
            exclusive = exclusive or t.kind == EXCL
            continue
        if (
            t.kind == COUNT
            and t.text in ("个", "個")
            and out
            and out[-1].kind in DIGIT_KINDS
            and i + 1 < n
            and toks[i + 1].kind in BIG_KINDS
        ):
            continue
        out.append(t)
    return out, exclusive


def subunits(toks: list[Tok]) -> tuple[list[Tok], Decimal] | str:
    """``十块三毛`` -> (``十块``, 0.3): 角/毛 and 分 after 元/块 as a fraction of a yuan."""
    first = next(i for i, t in enumerate(toks) if t.kind == SUB)
    y = first - 1
    while y >= 0 and not (toks[y].kind == CUR and toks[y].value == YUAN):
        y -= 1
    if y < 0:
        return "角/分 without 元 or 块"
    fraction = Decimal(0)
    last: Decimal | None = None
    tail = toks[y + 1 :]
    i = 1 if tail and tail[0].kind == ZERO else 0
    while i < len(tail):
        if i + 1 >= len(tail) or tail[i + 1].kind != SUB or tail[i].kind not in DIGIT_KINDS:
            return "unexpected text after 元"
        digit, unit = tail[i].value, tail[i + 1].value
        assert isinstance(unit, Decimal)
        if not isinstance(digit, int | Decimal) or not 0 < digit < 10 or digit % 1:
            return "a digit before 角/分 must be 1–9"
        if last is not None and unit >= last:
            return "角/分 out of order"
        fraction += unit * digit
        last = unit
        i += 2
    return toks[: y + 1], fraction


def level(toks: list[Tok]) -> list[Tok] | str | None:
    """``千万级`` without 级 (None when there is no 级): a bare unit before 级, no digits."""
    at = [i for i, t in enumerate(toks) if t.kind == LEVEL]
    if not at:
        return None
    i = at[0]
    if len(at) > 1 or i == 0 or toks[i - 1].kind not in BIG_KINDS | SMALL_KINDS:
        return "级 must follow a unit"
    if any(t.kind in DIGIT_KINDS or t.kind == SEP for t in toks):
        return "级 after a number"
    return toks[:i] + toks[i + 1 :]


__all__ = ["HAN", "STRICT", "drop", "fractions", "level", "subunits"]
