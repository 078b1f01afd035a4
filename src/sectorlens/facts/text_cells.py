"""Cells of a plain-text table row whose columns are set apart by single spaces: a dash that
stands for an empty cell (``Other items – held for sale - 248``), numbers whose
thousands are set apart by a space (``Travel retail 4 264 3 673`` under ``2019 2018``)
and footnote marks on a header's periods (``2019 2018 (*)``, ``2018*``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

NIL = frozenset({"-", "–", "—", "−"})
_HEAD = re.compile(r"(?:0|[1-9]\d{0,2})")
_GROUP = re.compile(r"\d{3}")
_DECIMALS = re.compile(r"(\d{3}|(?:0|[1-9]\d{0,2}))([.,]\d{1,2})")
_MARK = re.compile(r"^(?:\(\*+\)|\*+|\(\d{1,2}\)|\(\w\))$")
_MARKED_YEAR = re.compile(r"^((?:19|20)\d{2})\*+$")
_PLAIN_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_GLUED_MARK = re.compile(r"^((?:19|20)\d{2})\d{1,2}$")  # 20171: 2017 and its footnote 1


def _digits(token: str) -> bool:
    return token.isdigit() and len(token) <= 3


@cache
def _ways(tokens: tuple[str, ...], k: int) -> tuple[tuple[str, ...], ...]:
    """Every way ``tokens`` (digit groups of at most three) read as ``k`` numbers written with a
    space between thousands: a head of one to three digits, then groups of exactly three."""
    if k == 0:
        return ((),) if not tokens else ()
    if not tokens or not _HEAD.fullmatch(tokens[0]):
        return ()
    out: list[tuple[str, ...]] = []
    n = 1
    while n <= len(tokens):
        for rest in _ways(tokens[n:], k - 1):
            out.append((" ".join(tokens[:n]), *rest))
        if n < len(tokens) and _GROUP.fullmatch(tokens[n]):
            n += 1
        else:
            break
    return tuple(out)


def regroup(tokens: Sequence[str], k: int) -> list[str] | None:
    """The last tokens of a row read as exactly ``k`` numbers with space-set thousands (each
    as printed: ``2 384``), when
    one reading only is possible; None when there is none or more than one (then the row stays
    unread). ``-`` cells count as one empty cell each. All the digit groups at the row's end
    are read: a label that ends in digits makes the row ambiguous, and it stays unread."""
    if k < 2:
        return None
    tail: list[str] = []
    for t in reversed(tokens):
        if _digits(t) or t in NIL:
            tail.insert(0, t)
        else:
            break
    if not any(t not in NIL for t in tail):
        return None
    return _read(tuple(tail), k)


def _read(part: tuple[str, ...], k: int) -> list[str] | None:
    """``part`` (digit groups and dashes) as ``k`` cells, if it reads so one way only."""
    cells: list[list[str]] = [[]]
    for t in part:
        if t in NIL:
            cells.append([t])
            cells.append([])
        else:
            cells[-1].append(t)
    runs = [c for c in cells if c]
    dashes = sum(1 for c in runs if c[0] in NIL)
    digit_runs = [tuple(c) for c in runs if c[0] not in NIL]
    need = k - dashes
    if need < len(digit_runs) or not digit_runs:
        return None
    # share the numbers out over the digit runs: each run reads as one or more numbers
    options = _share(tuple(digit_runs), need)
    if len(options) != 1:
        return None
    out: list[str] = []
    it = iter(options[0])
    for c in runs:
        if c[0] in NIL:
            out.append(c[0])
        else:
            out.extend(next(it))
    return out


def _share(runs: tuple[tuple[str, ...], ...], need: int) -> list[tuple[tuple[str, ...], ...]]:
    if not runs:
        return [()] if need == 0 else []
    out = []
    for m in range(1, need - len(runs) + 2):
        for way in _ways(runs[0], m):
            for rest in _share(runs[1:], need - m):
                out.append((way, *rest))
    return out


def header_tokens(tokens: Sequence[str]) -> list[str]:
    """A header line's words without its footnote marks: ``2019 2018 (*)`` → ``2019 2018``,
    ``2018*`` → ``2018``."""
    out = []
    for t in tokens:
        if _MARK.match(t):
            continue
        m = _MARKED_YEAR.match(t)
        out.append(m.group(1) if m else t)
    return _unglued_years(out)


def _unglued_years(tokens: list[str]) -> list[str]:
    """``2020 2019 20181 20172``: a footnote digit glued to a year read off where the years
    beside it step by one year and the token's first four digits are the next step; a token
    that does not fit the run stays as it is (a wrong year is worse than none)."""
    years = [t if _PLAIN_YEAR.match(t) else None for t in tokens]
    plain = [k for k, y in enumerate(years) if y is not None]
    steps = {int(years[b] or 0) - int(years[a] or 0) for a, b in pairwise(plain) if b == a + 1}
    if len(plain) < 2 or len(steps) != 1 or (step := steps.pop()) not in (1, -1):
        return tokens
    out = list(tokens)
    for _ in range(len(tokens)):  # each pass reads the glued years next to a known one
        changed = False
        for k, t in enumerate(out):
            m = _GLUED_MARK.match(t)
            if m is None:
                continue
            year = int(m.group(1))
            before = k > 0 and _PLAIN_YEAR.match(out[k - 1]) and int(out[k - 1]) + step == year
            after = (
                k + 1 < len(out)
                and _PLAIN_YEAR.match(out[k + 1])
                and int(out[k + 1]) - step == year
            )
            if before or after:
                out[k], changed = m.group(1), True
        if not changed:
            break
    return out


__all__ = ["NIL", "header_tokens", "regroup"]
