"""A change row (``Change (%)``, ``증감률``, ``同比``) against the two period rows above it, column
by column: a table laid out with years down the side (``2018 | …``, ``2019 | …``, ``Change (%) |
…``) states its changes in a row, as others do in a column."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context
from sectorlens.facts.table_facts import is_change_header
from sectorlens.model import Finding, Kind, Severity

Grid = dict[tuple[int, int], Mention]
Verdict = Callable[[Context, Mention, Mention, Mention], Finding | bool | None]


def change_rows(ctx: Context, grid: Grid, table: Table | None, verdict: Verdict) -> list[Finding]:
    """Each cell of a change row against the nearest two cells above it of two periods, judged
    by ``verdict`` (the change column's: ``tables.change_verdict``)."""
    if table is None:
        return []
    agree: dict[int, int] = defaultdict(int)
    off: dict[int, list[Finding]] = defaultdict(list)
    for (r, c), m in sorted(grid.items()):
        if m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP):
            continue
        if not is_change_header(table.row_label(r, c)) or is_change_header(table.column_header(c)):
            continue  # a change row, in a column of levels
        pair = _two_periods_above(grid, r, c)
        if pair is None:
            continue
        got = verdict(ctx, m, *pair)
        if got is True:
            agree[r] += 1
        elif isinstance(got, Finding):
            off[r].append(got)
    out: list[Finding] = []
    for r, found in off.items():  # trusted as a change column is: where other cells agree
        if agree[r] >= len(found):
            out.extend(found)
        elif agree[r] == 0 and len(found) == 1:
            out.append(dataclasses.replace(found[0], severity=Severity.WARNING))
    return out


def _two_periods_above(grid: Grid, row: int, col: int) -> tuple[Mention, Mention] | None:
    """(prior, current): the two nearest level cells above ``(row, col)``, of one unit and of
    two periods of the same length, the later one current; None where the rows do not say."""
    above = [grid[(r, col)] for r in range(row - 1, -1, -1) if (r, col) in grid]
    levels = [m for m in above[:2] if m.change is None and m.fact.period is not None]
    if len(levels) != 2:
        return None
    a, b = levels
    qa, qb = a.fact.quantity, b.fact.quantity
    if (qa.kind, qa.currency, qa.unit) != (qb.kind, qb.currency, qb.unit):
        return None
    pa, pb = a.fact.period, b.fact.period
    assert pa is not None and pb is not None
    if pa.end == pb.end or abs((pa.end - pa.start).days - (pb.end - pb.start).days) > 3:
        return None
    return (a, b) if pa.end < pb.end else (b, a)
