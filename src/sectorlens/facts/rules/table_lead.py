"""Table totals the table itself establishes: where they stand before their items, and rows
whose label does not say total.

Real statements put totals where a reader does not look for them: a total column left of its
items (``| Total | Under 18 | 18 and over |``, ``| 계 | 남 | 여 |``, ``| 合计 | 城镇 | 乡村 |``), a
total row above the rows it adds (``자산총계`` in a table's first line, a ``<tfoot>`` printed
first), and a row that totals the rows above it under its own name (``Cash used in financing
activities``, ``부채총계``, ``流动资产合计``). None of these is read as a total from its words
alone: the table has to show the relation — the same columns add up to the total column in most
rows, the same row adds up exactly in another column — before a row or column that does not add
up is called wrong. A difference that equals one item (an item counted twice or left out as the
rows were read) says the rows were misread, not that the total is wrong, and is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, half_unit, point
from sectorlens.facts.rules.table_sums import (
    BELOW,
    TOTAL,
    Grid,
    Words,
    additive,
    collapse,
    is_amount,
    run_above,
    same_unit,
    sum_of,
    verdict,
    within,
)
from sectorlens.model import Finding

# the total word after the name: 부채총계, 자산 합계, 流动资产合计, 負債合計, 营业总收入 is not one
SUFFIX_TOTAL = re.compile(r"(?:합계|총계|소계|총액|合计|合計|总计|總計|小计|小計|总额|總額)\s*$")
_COLUMN_OFF = {
    "ko": "표의 '{label}' {total}은(는) 오른쪽 {n}개 열의 합 {sum}과(와) 다릅니다 (차이 {diff}).",
    "en": "The table's '{label}' {total} is not the sum of the {n} columns after it, {sum} "
    "(difference {diff}).",
}
_COLUMN_OK = {
    "ko": "표의 '{label}' {total}은(는) 오른쪽 {n}개 열의 합과 반올림 범위 안에서 같습니다.",
    "en": "The table's '{label}' {total} is the sum of the {n} columns after it, within rounding.",
}
# an amount per share: each period's (or part's) is computed on its own shares, and the parts
# need not add up to the whole (filings say so in a footnote)
_PER_SHARE = re.compile(r"\bper\s(?:\w+\s){0,3}(?:share|unit)\b|\bEPS\b|주당|每股", re.I)
_PRECISE = 200  # a total this many half-units large (three figures or more) is no coincidence
_MIN_ITEMS = 3  # a row not named a total adds up at least this many rows above it


def precise(m: Mention) -> bool:
    """A value written to at least three significant figures: that items add up to it exactly
    is not a coincidence of small numbers (1 + 1 + 2 = 4)."""
    v = point(m.fact.quantity)
    return v is not None and v != 0 and abs(v) >= _PRECISE * half_unit(m.fact.quantity)


def misread(parts: Sequence[Mention], total: Mention) -> bool:
    """True when the sum misses the total by one item (within rounding): a row counted twice or
    left out as the table was read, not a wrong total."""
    gap = abs(sum_of(parts) - (point(total.fact.quantity) or Decimal(0)))
    tol = sum((half_unit(p.fact.quantity) for p in parts), half_unit(total.fact.quantity))
    return any(abs(gap - abs(point(p.fact.quantity) or Decimal(0))) <= tol for p in parts)


def split_row(table: Table | None, grid: Grid, row: int, col: int) -> bool:
    """True when ``row`` is blank in ``col`` because its line is printed as two rows of the same
    label, the figure of this column in the other (the SEC viewer splits a line tagged with two
    concepts: ``Change in fair value … | (318) | | 1,333 |`` over ``… | | 456 | | (75)``)."""
    return split_cell(table, grid, row, col) is not None


def split_cell(table: Table | None, grid: Grid, row: int, col: int) -> Mention | None:
    """The figure of ``col`` for a line printed as two rows: in the row next to ``row`` with the
    same label (None where ``row`` is not such a line)."""
    if table is None or (row, col) in grid:
        return None
    label = table.row_label(row, col).strip()
    for other in (row - 1, row + 1):
        if label and (other, col) in grid and table.row_label(other, col).strip() == label:
            return grid[(other, col)]
    return None


def named_totals(grid: Grid, table: Table | None, rows: list[int], cols: list[int]) -> set[int]:
    """Rows whose label does not start with a total word but that, in at least half of their
    columns, are the sum of at least three rows right above them within rounding (``Cash used in
    financing activities``, ``부채총계``): the table states them to be totals of those rows. One
    column of many that happens to add up (growth rates of a wide table) states nothing."""
    out: set[int] = set()
    if table is None:
        return out
    for i, r in enumerate(rows):
        hits = amounts = 0
        for col in cols:
            m = grid.get((r, col))
            if m is None or not is_amount(m, False):
                continue
            amounts += 1
            label = table.row_label(r, col)
            if not precise(m) or not re.search(r"[^\W\d_]", label) or TOTAL.search(label):
                continue
            run = run_above(grid, rows, i, col)
            if any(within(run[k:], m) for k in range(len(run) - _MIN_ITEMS + 1)):
                hits += 1
            elif len(run) >= 2 and _under_label(table, grid, run) and within(run, m):
                hits += 1  # the two rows of a section the label row above it opens
        if hits and 2 * hits >= amounts:
            out.add(r)
    return out


_SECTION = re.compile(r"[:：]\s*$")


def _under_label(table: Table, grid: Grid, run: Sequence[Mention]) -> bool:
    """The run starts right under a row of a label alone that opens a section
    (``Technical Nonwovens Segment:``): the rows down to the total are that section's items."""
    first = run[0].cell[1] if run[0].cell is not None else None
    if first is None or first < 1:
        return False
    above = first - 1
    if any(r == above for r, _ in grid):
        return False  # the row above holds amounts: no label row
    cols = sorted({c for _, c in grid})
    return bool(cols) and bool(_SECTION.search(table.row_label(above, cols[0])))


def _leaf(table: Table, col: int) -> str:
    return table.column_header(col).rsplit(" / ", 1)[-1]


def leading_columns(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A total column left of its items (``| Total | Under 18 | 18 and over |``): where the
    columns after it add up to it within rounding in at least three rows and in most of them,
    the rows where they do not (beyond rounding, within a fifth) hold a wrong figure."""
    out: list[Finding] = []
    cols = sorted({c for _, c in grid})
    rows = sorted({r for r, _ in grid})
    for col in cols:
        if not TOTAL.search(_leaf(table, col)):
            continue
        _, stop = table.part_of(col)
        span = []
        for c in range(col + 1, stop):
            if TOTAL.search(_leaf(table, c)) or c not in cols:
                break
            span.append(c)
        if len(span) < 2:
            continue
        good: list[Finding] = []
        off: list[tuple[Mention, list[Mention]]] = []
        for r in rows:
            m = grid.get((r, col))
            items = [grid.get((r, c)) for c in span]
            parts = [x for x in items if x is not None and is_amount(x, False)]
            if m is None or not is_amount(m, False) or len(parts) < len(span):
                continue
            if _PER_SHARE.search(f"{m.fact.subject or ''} {m.fact.sentence}"):
                continue
            if not all(same_unit(x, m) for x in parts):
                continue
            label = table.row_label(r, col) or m.fact.subject or ""
            if within(parts, m):
                good.append(verdict(ctx, label, m, parts, words=(_COLUMN_OK, _COLUMN_OFF)))
            elif additive(parts, m) and not misread(parts, m):
                off.append((m, parts))
        if len(good) >= 3 and len(good) >= 2 * len(off):
            out.extend(good)
            for m, parts in off:
                label = table.row_label(m.cell[1], col) if m.cell else ""
                out.append(verdict(ctx, label, m, parts, words=(_COLUMN_OK, _COLUMN_OFF)))
    return out


def leading_rows(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A total row above its items (the first row of figures, named a total: ``자산총계``,
    ``Total``, ``合计``): in each column, the figures below it at the table's top outline level
    with subtotals standing for the rows they add up. Where it adds up exactly in one column the
    relation is established, and a column where it does not holds a wrong figure. Where the
    subtotals do not fit but the items under them add up to the total exactly, the total stands
    and the subtotal that is not the sum of its own items is wrong."""
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    if len(rows) < 4:
        return []
    top = rows[0]
    good: list[Finding] = []
    off: list[tuple[str, Mention, list[Mention], Words | None]] = []
    for col in cols:
        m = grid.get((top, col))
        label = table.row_label(top, col)
        if m is None or not is_amount(m, False) or not precise(m) or not _named_total(label):
            continue
        below = [grid.get((r, col)) for r in rows[1:]]
        items = [x for x in below if x is not None]
        if not items or any(not is_amount(x, False) or not same_unit(x, m) for x in items):
            continue
        if table.levels:
            level = min(table.level(x.cell[1]) for x in items if x.cell is not None)
            items = [x for x in items if x.cell is not None and table.level(x.cell[1]) == level]
        parts = _fold(items)
        if len(parts) < 2:
            continue
        if within(parts, m):
            good.append(verdict(ctx, label, m, parts, words=BELOW))
            continue
        if _unread(table, grid, rows[1:], col):
            continue  # a figure of this column was not read: its sum says nothing
        leaves = [x for x in items if not _named_total(_row(table, x, col))]
        if len(leaves) < len(items) and len(leaves) >= 2 and within(leaves, m):
            good.append(verdict(ctx, label, m, leaves, words=BELOW))
            off.extend(_subtotals(table, items, col))
        elif additive(parts, m) and not misread(parts, m):
            off.append((label, m, parts, BELOW))
    if not good:
        return []
    return good + [verdict(ctx, label, m, parts, words=w) for label, m, parts, w in off]


def _unread(table: Table, grid: Grid, rows: list[int], col: int) -> bool:
    """True when a row has a figure in another column of this column's part of the table but
    this column's cell is empty (not a dash, an explicit nil): a cell the reader lost."""
    start, stop = table.part_of(col)
    for r in rows:
        cell = table.cell(r, col)
        if (r, col) in grid or (cell is not None and cell.text.strip()):
            continue
        if any((r, c) in grid for c in range(start, stop) if c != col):
            return True
    return False


def _named_total(label: str) -> bool:
    return bool(TOTAL.search(label) or SUFFIX_TOTAL.search(label))


def _row(table: Table, m: Mention, col: int) -> str:
    return table.row_label(m.cell[1], col) if m.cell is not None else ""


def _subtotals(
    table: Table, items: list[Mention], col: int
) -> list[tuple[str, Mention, list[Mention], Words | None]]:
    """Subtotals under a total that the items add up to: each against the items between it and
    the subtotal before it, where they do not add up (beyond rounding, within a fifth)."""
    out: list[tuple[str, Mention, list[Mention], Words | None]] = []
    own: list[Mention] = []
    for x in items:
        label = _row(table, x, col)
        if not _named_total(label):
            own.append(x)
            continue
        if len(own) >= 2 and not within(own, x) and additive(own, x) and not misread(own, x):
            out.append((label, x, own, None))
        own = []
    return out


def _fold(items: list[Mention]) -> list[Mention]:
    """Items with each subtotal standing for the rows right above it that it adds up, and a
    total of subtotals for its subtotals (``부채총계`` + ``자본총계`` → ``부채 및 자본총계``)."""
    prev: list[Mention] = []
    out = list(items)
    while out != prev:
        prev, out = out, collapse(out)
    return out


def lead_totals(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """Total columns and total rows that stand before their items."""
    from sectorlens.facts.rules.table_prefix import hundred_rows, section_rows

    rows = leading_rows(ctx, grid, table) or hundred_rows(ctx, grid, table)
    rows = rows or section_rows(ctx, grid, table)
    return leading_columns(ctx, grid, table) + rows


__all__ = [
    "SUFFIX_TOTAL",
    "lead_totals",
    "misread",
    "named_totals",
    "precise",
    "split_cell",
    "split_row",
]
