"""A change column whose nearest level columns do not give it: the pair of level columns that
does, found from the rows.

``| 2014 Current rates | 2014 Constant rates | 2013 | Change Current rates |``: the change is
2014 at current rates against 2013, two columns apart, with another 2014 column between. Every
ordered pair of earlier level columns of the same side-by-side table is tried; the pair that
gives the stated change on most rows, on at least two and on twice as many as it does not,
is the one the column states, and a row it does not give is off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import permutations

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context
from sectorlens.model import Finding, Kind

Grid = dict[tuple[int, int], Mention]
Verdict = Callable[[Context, Mention, Mention, Mention], Finding | bool | None]
_AT_LEAST = 2


def paired_columns(
    ctx: Context, grid: Grid, table: Table, col: int, rows: Sequence[int], verdict: Verdict
) -> list[Finding] | None:
    """The rows of change column ``col`` off the level-column pair that gives the column; None
    where no one pair does."""
    start, _ = table.part_of(col)
    levels = [x for x in range(start, col) if _level_column(grid, rows, x)]
    best: tuple[int, list[Finding]] | None = None
    tied = False
    for current, prior in permutations(levels, 2):
        if not _later(grid, rows, current, prior):
            continue
        agree, off = 0, []
        for r in rows:
            if (r, current) not in grid or (r, prior) not in grid:
                continue
            got = verdict(ctx, grid[(r, col)], grid[(r, prior)], grid[(r, current)])
            if got is True:
                agree += 1
            elif isinstance(got, Finding):
                off.append(got)
        if agree < _AT_LEAST or agree < 2 * len(off):
            continue
        if best is None or agree > best[0]:
            best, tied = (agree, off), False
        elif agree == best[0]:
            tied = True  # two pairs give the column as well: which one it states is not known
    return None if best is None or tied else best[1]


def _level_column(grid: Grid, rows: Sequence[int], col: int) -> bool:
    """A column of levels on these rows: no cell states a change, one kind of quantity."""
    cells = [grid[(r, col)] for r in rows if (r, col) in grid]
    return bool(cells) and all(
        m.change is None and m.fact.quantity.kind is not Kind.PP for m in cells
    )


def _later(grid: Grid, rows: Sequence[int], current: int, prior: int) -> bool:
    """The current column's period ends after the prior column's, on every row with both."""
    seen = False
    for r in rows:
        if (r, current) not in grid or (r, prior) not in grid:
            continue
        pc, pp = grid[(r, current)].fact.period, grid[(r, prior)].fact.period
        if pc is None or pp is None or pc.end <= pp.end:
            return False
        seen = True
    return seen
