"""Rows that head the rows right below them: a row with figures whose next rows add up to it,
whatever its label says (``Publishing`` over ``Education`` … ``Other``, ``总产出(亿元)``
over ``第一产业`` … ``第三产业``, ``세외수입`` over its three kinds of revenue).

Nothing but the figures says so, and the table has to show it: the same run of rows adds up to
the row, within the rounding of the printed values, in all of its columns but one (all of them
for a run of two in a table of two columns). Where it does not in that one column (beyond
rounding, within a fifth), the column holds a wrong figure; a run that misses in two columns or
more is a selection of items (a cash-flow summary's main lines), not a breakdown. Rows named a
total are left to the rules of totals; a run ends at a row without figures (a section label),
not at a row of dashes (a nil item). Where the text sets rows in (``기타포괄손익`` over two rows
set in, each over rows set in further), the rows one level in are the run when no run of the
rows right below adds up; shares and small figures set in are left to ``tables.outline``."""

from __future__ import annotations

import dataclasses
import re

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context
from sectorlens.facts.rules.table_lead import SUFFIX_TOTAL, misread, precise
from sectorlens.facts.rules.table_sections import small_row
from sectorlens.facts.rules.table_sums import (
    BELOW,
    TOTAL,
    Grid,
    additive,
    is_amount,
    same_unit,
    verdict,
    within,
)
from sectorlens.model import Finding, Severity

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_MAX_RUN = 12


def head_rows(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """Each row that heads the run of rows below it, against that run in every column; then a
    total row below such heads against the heads (their runs folded into them)."""
    out: list[Finding] = []
    runs = _heads(grid, table, out, ctx)
    if runs:
        out += _total_of_heads(ctx, grid, table, runs)
    rows = sorted({r for r, _ in grid})
    if rows and rows[0] not in runs:
        out += _two_breakdowns(ctx, grid, table, rows)
    return out


def _two_breakdowns(ctx: Context, grid: Grid, table: Table, rows: list[int]) -> list[Finding]:
    """The table's first row of figures over two breakdowns of it one after the other (GDP
    over 第一/第二/第三产业, then over its nine industries): where one run of three rows or more
    right below it, or at the end of the rows below, adds up to it, the rest of the rows is the
    other breakdown. That one's sum is checked; as the split is inferred, a miss is a warning."""
    top = rows[0]
    label = table.row_label(top, min(c for _, c in grid)).strip()
    if not _LETTER.search(label) or TOTAL.search(label) or SUFFIX_TOTAL.search(label):
        return []
    below: list[int] = []
    for x in rows[1 : 1 + 2 * _MAX_RUN]:
        if x != (below[-1] if below else top) + 1:
            break
        below.append(x)
    out: list[Finding] = []
    for c in sorted({c for r, c in grid if r == top}):
        m = grid[(top, c)]
        items = _items(grid, below, c, m)
        if not is_amount(m, False) or not precise(m) or items is None or len(items) < 5:
            continue
        split = next((k for k in range(3, len(items) - 1) if within(items[:k], m)), None)
        if split is None:
            split = next((k for k in range(2, len(items) - 2) if within(items[k:], m)), None)
        if split is None:
            continue
        for part in (items[:split], items[split:]):
            if within(part, m):
                out.append(verdict(ctx, label, m, part, words=BELOW))
            elif additive(part, m) and not misread(part, m):
                out.append(_inferred(verdict(ctx, label, m, part, words=BELOW)))
    return out


def _heads(grid: Grid, table: Table, out: list[Finding], ctx: Context) -> dict[int, list[int]]:
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    runs: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        heads = {
            c: m
            for c in cols
            if (m := grid.get((r, c))) is not None and is_amount(m, False) and precise(m)
        }
        label = table.row_label(r, cols[0]).strip()
        if len(heads) < 2 or not _LETTER.search(label) or (TOTAL.search(label) and i > 0):
            continue  # (a total on the first row of figures has its items below it only)
        if SUFFIX_TOTAL.search(label):
            continue  # 자산총계, 资产总计 over their items: the rules of totals read them
        below: list[int] = []
        for x in rows[i + 1 : i + 1 + _MAX_RUN]:
            if not _next_to(table, below[-1] if below else r, x):
                break  # a row without figures (a section label) ends the run
            below.append(x)
        found = _run_length(grid, heads, below)
        kids = _children(table, rows, i)
        if all(small_row(table, x) for x in (r, *kids)):
            kids = []  # shares and small figures set in: tables.outline reads them
        if found is None and len(kids) >= 2 and (fits := _fits(grid, heads, kids)) is not None:
            below, found = kids, (len(kids), fits)  # 기타포괄손익 over its items set in
        if found is None:
            continue
        k, fits = found
        runs[r] = below[:k]
        for c, m in heads.items():
            items = _items(grid, below[:k], c, m)
            if items is None:
                continue
            if c in fits or (additive(items, m) and not misread(items, m)):
                out.append(_inferred(verdict(ctx, label, m, items, words=BELOW)))
    return runs


def _total_of_heads(
    ctx: Context, grid: Grid, table: Table, runs: dict[int, list[int]]
) -> list[Finding]:
    """A row named a total right below a run of rows that heads hold together (``Total`` under
    ``Publishing`` and its items, ``Travel retail`` and its items …): the
    sum of the heads and of the rows under no head. It holds in all its columns but one before
    the column where it does not is called wrong."""
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    inside = {x for run in runs.values() for x in run}
    out: list[Finding] = []
    for i, t in enumerate(rows):
        label = table.row_label(t, cols[0]).strip()
        if not TOTAL.search(label):
            continue
        above: list[int] = []
        for x in reversed(rows[:i]):
            if not _next_to(table, x, above[0] if above else t):
                break
            above.insert(0, x)
        if not any(r in runs for r in above) or any(r in runs and runs[r][-1] >= t for r in above):
            continue
        parts = [x for x in above if x not in inside]
        checks = {}
        for c in cols:
            m = grid.get((t, c))
            if m is None or not is_amount(m, False):
                continue
            items = _items(grid, parts, c, m)
            if items is not None and len(items) >= 2:
                checks[c] = (m, items)
        fits = [c for c, (m, items) in checks.items() if within(items, m)]
        if not fits or len(fits) < len(checks) - 1:
            continue
        for c, (m, items) in checks.items():
            if c in fits or (additive(items, m) and not misread(items, m)):
                out.append(_inferred(verdict(ctx, label, m, items)))
    return out


_DASH = re.compile(r"^[-–—−]$")


def _next_to(table: Table, a: int, b: int) -> bool:
    """True when row ``b`` follows row ``a`` with nothing but rows of dashes between them
    (``확정급여자산 | - | -``: an item that is nil, not a section label)."""
    for r in range(a + 1, b):
        cells = [table.cell(r, c) for c in range(table.header_cols, table.cols)]
        texts = [c.text.strip() for c in cells if c is not None and c.text.strip()]
        if not texts or not all(_DASH.match(t) for t in texts) or not table.row_label(r, 0):
            return False
    return True


def _inferred(finding: Finding) -> Finding:
    """A miss is a warning: only the figures say that the rows head the rows below them."""
    if finding.severity is Severity.ERROR:
        return dataclasses.replace(finding, severity=Severity.WARNING)
    return finding


def _items(grid: Grid, rows: list[int], col: int, head: Mention) -> list[Mention] | None:
    items = [grid.get((x, col)) for x in rows]
    if any(it is None or not is_amount(it, False) or not same_unit(it, head) for it in items):
        return None
    return [it for it in items if it is not None]


def _run_length(
    grid: Grid, heads: dict[int, Mention], below: list[int]
) -> tuple[int, set[int]] | None:
    """The shortest run of rows below that adds up to the head in enough of its columns."""
    for k in range(2, len(below) + 1):
        fits = _fits(grid, heads, below[:k])
        if fits is not None:
            return k, fits
    return None


def _fits(grid: Grid, heads: dict[int, Mention], rows: list[int]) -> set[int] | None:
    """The columns where ``rows`` add up to the head, where they are enough: every column of a
    two-column table for two rows, all but one otherwise."""
    fits = set()
    for c, m in heads.items():
        items = _items(grid, rows, c, m)
        if items is not None and within(items, m):
            fits.add(c)
    enough = len(fits) >= len(heads) - (0 if len(rows) == 2 and len(heads) < 3 else 1)
    return fits if fits and enough else None


def _children(table: Table, rows: list[int], i: int) -> list[int]:
    """The rows set in one level further right below ``rows[i]``, over rows set in further
    still (their own items), up to the next row at its level; none where the text sets no
    levels or a row without figures stands between."""
    if not table.levels:
        return []
    level = table.level(rows[i])
    out: list[int] = []
    prev = rows[i]
    for x in rows[i + 1 :]:
        if table.level(x) <= level:
            break
        if not _next_to(table, prev, x):
            return []
        if table.level(x) == level + 1:
            out.append(x)
        prev = x
    return out


__all__ = ["head_rows"]
