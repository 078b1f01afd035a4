"""A last row that totals every row above it, named for the whole rather than ``Total``
(``U.S.`` under the states, ``전국`` under the provinces, ``World`` under the countries),
however many rows that is (``table_lead.named_totals`` looks at the rows near a total only).

The table establishes the relation where, in at least two columns, the last row is the sum of
every row above it within rounding: an item is never the sum of all the others twice by
chance. Each other column whose rows could add up to it (no item above the total, the sum
within a fifth of it) is then a wrong total or a wrong item. Columns of averages or rates
(a yield, a price) have items above their total row and are left alone.
"""

from __future__ import annotations

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context
from sectorlens.facts.rules.table_sums import (
    TOTAL,
    Grid,
    additive,
    is_amount,
    same_unit,
    verdict,
    within,
)
from sectorlens.model import Finding

_AT_LEAST = 2  # columns that add up exactly
_ITEMS = 3  # rows above the total


def whole_rows(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """The last row against all the rows above it, where two of its columns add them up."""
    rows = sorted({r for r, _ in grid})
    if len(rows) <= _ITEMS:
        return []
    last, above = rows[-1], rows[:-1]
    label = table.row_label(last, 0)
    if not label.strip() or TOTAL.search(label):
        return []  # an unlabelled or a Total row: table_sums judges it
    runs: dict[int, tuple[Mention, list[Mention]]] = {}
    for col in sorted({c for r, c in grid if r == last}):
        total = grid[(last, col)]
        parts = [grid.get((r, col)) for r in above]
        if not is_amount(total, False) or any(
            p is None or not is_amount(p, False) or not same_unit(p, total) for p in parts
        ):
            continue  # a gap, a section label or another unit: not one run of items
        runs[col] = (total, [p for p in parts if p is not None])
    exact = [c for c, (total, parts) in runs.items() if within(parts, total)]
    if len(exact) < _AT_LEAST:
        return []
    return [
        verdict(ctx, label, total, parts)
        for c, (total, parts) in sorted(runs.items())
        if c in exact or additive(parts, total)
    ]
