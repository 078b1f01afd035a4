"""Rows of a pipe table pasted into plain text, before its grid is built: the Markdown rule row
(``---|---|``) wherever the paste put it, and a header row that lost its empty corner cell to
the optional leading pipe (``| 绝对额(万元) | 同比增长(%) |`` over ``GDP | 35661670 | 8.2 |``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{0,}:?\s*)*\|?\s*$")


def is_rule(text: str) -> bool:
    """A Markdown rule row (``---|---|---|``, ``|---|:---:|``): no cell of the table."""
    return bool(RULE.match(text)) and "-" in text


def restore_corner(grid: list[list[str]], texts: Sequence[str], header: int = 0) -> None:
    """Give back the empty corner cell a header row lost: the row is written between pipes
    (``| a | b |``) while the body rows open with their label (``GDP | 1 | 2 |``), and it has one
    cell less than they have. Its names then sit over the value columns, not over the labels."""
    if header >= len(grid) - 1:
        return
    body = range(header + 1, len(grid))
    width = Counter(len(grid[r]) for r in body).most_common(1)[0][0]
    opened = sum(1 for r in body if texts[r].lstrip().startswith("|"))
    row = grid[header]
    if (
        texts[header].lstrip().startswith("|")
        and opened <= len(body) // 4
        and len(row) == width - 1
        and row[0].strip()
    ):
        grid[header] = ["", *row]


_VALUE = re.compile(r"[-+(△▲]?[\d.,]+%?\)?")


def drop_rank(grid: list[list[str]], header: int = 0) -> bool:
    """Drop a rank column the header does not name: the header's names start over the ranks
    and leave its last cell empty (``| 地区 | 产量 | 增长 | |`` over ``| 1 | 北京市 | 0.02 |
    -2 |``), every body row opens with its rank (1, 2, 3 …) and names its subject next. The
    names then sit over the labels and values they name; True when done."""
    body = grid[header + 1 :]
    head = [c.strip() for c in grid[header]] if header < len(grid) else []
    if len(body) < 3 or len(head) < 3 or head[-1] or not all(head[:-1]):
        return False
    if any(len(r) != len(head) for r in body) or _VALUE.fullmatch(head[0]):
        return False
    ranks = [r[0].strip() for r in body]
    if not all(x.isdigit() for x in ranks):
        return False
    numbers = [int(x) for x in ranks]
    if numbers[0] > 1 or any(b < a or b > a + 2 for a, b in pairwise(numbers)):
        return False
    names = sum(1 for r in body if r[1].strip() and not _VALUE.fullmatch(r[1].strip()))
    if names * 5 < len(body) * 4:
        return False
    grid[header] = grid[header][:-1]
    for r in body:
        del r[0]
    return True


def restore_subheader(grid: list[list[str]], header: int = 0) -> bool:
    """A sub-header row flattened by the paste: measure names repeated for each group of the
    header (``예산액 | 구성비 | 예산액 | 구성비 |`` under ``구분 | 계 | … | 일반회계 | 특별회계``),
    set from the first cell on and cut short. Set back over the value columns, its pattern
    repeated across them; True when done (the table then has one more header row)."""
    r = header + 1
    if r >= len(grid) - 1:
        return False
    row = [c.strip() for c in grid[r]]
    filled = [c for c in row if c]
    if len(filled) < 4 or not row[0] or any(_VALUE.fullmatch(c) for c in filled):
        return False
    if row[: len(filled)] != filled:
        return False  # names with gaps between them: not a flattened run
    width = Counter(len(grid[x]) for x in range(r + 1, len(grid))).most_common(1)[0][0]
    for p in (2, 3):
        repeats = len(filled) % p == 0 and filled == filled[:p] * (len(filled) // p)
        if repeats and (width - 1) % p == 0 and width - 1 > len(filled) - p:
            grid[r] = ["", *(filled[:p] * ((width - 1) // p))]
            return True
    return False


# a period over a column of figures (Q3, 3Q, H1, FY2024, 2025, Jan-Sep, 1-9月): no row label's head
_PERIOD_HEAD = re.compile(
    r"(?:Q[1-4]|[1-4]Q|H[12]|FY\s?\d{2,4}|(?:19|20)\d{2}年?|[A-Z][a-z]{2}-[A-Z][a-z]{2}|"
    r"\d{1,2}(?:-\d{1,2})?月)"
)


def restore_label_cell(grid: list[list[str]]) -> None:
    """A header row pasted without its empty label cell (``| Q3 | Q3 | YoY | … | |`` over ``| SEK
    b. | 2025 | 2024 | …``): its names set back one column right, over the columns they head."""
    if len(grid) < 3:
        return
    top, sub = [c.strip() for c in grid[0]], [c.strip() for c in grid[1]]
    if len(top) != len(sub) or top[-1] or not top[0] or not sub[0]:
        return
    if _PERIOD_HEAD.fullmatch(top[0]) and not _PERIOD_HEAD.fullmatch(sub[0]):
        grid[0] = ["", *grid[0][:-1]]


__all__ = [
    "RULE",
    "drop_rank",
    "is_rule",
    "restore_corner",
    "restore_label_cell",
    "restore_subheader",
]
