"""A distribution's whole printed as the first row, its items the rows right below it.

``| 地区生产总值 | 100.0 | 100.0 |`` then ``第一产业``, ``第二产业``, ``第三产业`` and, further
down, sub-items (``工业``, ``建筑业``) or memo rows: the whole is 100 in every column, so the table
is a distribution, but not every row below it is one of its items. The items are the shortest
run of rows right below the whole that adds up to it within rounding in most columns (at least
three, and at least half of the columns the whole has figures in): the table establishes the
relation there, and a column where the same rows do not add up holds a wrong figure.

A respondents' table (``▣ 전 체 ▣ (1044) 100.0``, then ``▣ 성 별 ▣`` 남/여, ``▣ 연 령 ▣`` 20대 …)
breaks its whole down once per section: where the first row is named the whole and at least
two sections (runs of rows between label rows) add up to it, each section is an item list of
it, and a section that does not add up holds a wrong figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, point
from sectorlens.facts.rules.table_sums import BELOW, Grid, is_amount, verdict, within
from sectorlens.model import Finding

HUNDRED = Decimal(100)
_WHOLE = re.compile(
    r"^(?:전체|계|합계|총계|total|all|合计|合計|总计|總計|全体|全體|总体|總體)$", re.I
)
_NEAR = Decimal("0.2")  # a section within a fifth of the whole: an item list gone wrong
_MIN_COLUMNS = 3  # columns where the run adds up before the relation counts as established


def hundred_rows(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """The first row at 100 in every column against the run of rows below it that adds up."""
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    if len(rows) < 4:
        return []
    top = rows[0]
    wholes = {c: grid[(top, c)] for c in cols if (top, c) in grid}
    if len(wholes) < _MIN_COLUMNS or not all(_is_hundred(m) for m in wholes.values()):
        return []
    for k in range(2, len(rows)):
        runs = {c: _run(grid, rows[1 : k + 1], c) for c in wholes}
        fits = [c for c, run in runs.items() if run is not None and within(run, wholes[c])]
        if len(fits) >= _MIN_COLUMNS and 2 * len(fits) >= len(wholes):
            label = table.row_label(top, cols[0])
            out = []
            for c, m in wholes.items():
                run = runs[c]
                if run is not None:
                    out.append(verdict(ctx, label, m, run, words=BELOW))
            return out
    return []


def section_rows(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """The first row, named the whole, against each section of rows below it."""
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    if len(rows) < 5:
        return []
    top = rows[0]
    if not _WHOLE.match(re.sub(r"[\W_]+", "", table.row_label(top, cols[0]))):
        return []
    sections: list[list[int]] = []
    for r in rows[1:]:
        if sections and r == sections[-1][-1] + 1:
            sections[-1].append(r)
        else:
            sections.append([r])
    sections = [s for s in sections if len(s) >= 2]
    if len(sections) < 2:
        return []
    label = table.row_label(top, cols[0])
    checks: list[tuple[Mention, list[Mention]]] = []
    for c in cols:
        whole = grid.get((top, c))
        if whole is None or not is_amount(whole, True) or point(whole.fact.quantity) is None:
            continue
        runs = (_run(grid, sec, c) for sec in sections)
        checks.extend((whole, run) for run in runs if run is not None)
    # two sections adding up to the whole (in any columns) establish the table's sections
    if sum(within(run, whole) for whole, run in checks) < 2:
        return []
    return [
        verdict(ctx, label, whole, run, words=BELOW)
        for whole, run in checks
        if within(run, whole) or _near(run, whole)
    ]


def _near(run: list[Mention], whole: Mention) -> bool:
    w = abs(point(whole.fact.quantity) or Decimal(0))
    s = abs(sum((point(m.fact.quantity) or Decimal(0) for m in run), Decimal(0)))
    return w > 0 and abs(s - w) <= w * _NEAR


def _is_hundred(m: Mention) -> bool:
    return is_amount(m, True) and point(m.fact.quantity) == HUNDRED


def _run(grid: Grid, rows: list[int], col: int) -> list[Mention] | None:
    """The figures of ``rows`` in ``col``, or None where one is missing (nothing to sum)."""
    out = [grid.get((r, col)) for r in rows]
    if any(m is None or not is_amount(m, True) for m in out):
        return None
    return [m for m in out if m is not None]
