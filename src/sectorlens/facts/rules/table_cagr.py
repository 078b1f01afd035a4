"""A table's CAGR column against the table's own levels at both ends of each row's span.

The relation is the table's: a column whose header says it is a compound annual rate
(``Compounded Annual Increase``, ``CAGR``, ``年复合增长率``, ``연평균 성장률``), rows that name the
span (``1990-2000``) and rows labelled by year holding one level column. The rate of each row is
recomputed from the levels of the span's first and last year, the rounding of every printed
value allowed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, bounds, finding, half_unit, pct, point
from sectorlens.model import Finding, Kind, Severity

RULE = "table.cagr"
HUNDRED = Decimal(100)
_CAGR_HEAD = re.compile(
    r"CAGR|compound(?:ed)?\s+annual|annual(?:ized)?\s+compound|年(?:均)?复合|复合增长|연평균", re.I
)
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:年|년)?\s*$")
_SPAN = re.compile(
    r"^\s*((?:19|20)\d{2})\s*(?:年|년)?\s*[-–~至]\s*((?:19|20)?\d{2})\s*(?:年|년)?\s*$"
)
_WHY = "a table's compound-rate column, the span its row names and the table's levels"
_TEXTS = {
    "ko": "표의 {label}: {a}({ya})에서 {b}({yb})까지 {n}년의 연평균 성장률은 {computed}%인데, "
    "표는 {stated}%라고 합니다.",
    "en": "The table's {label}: from {a} ({ya}) to {b} ({yb}) over {n} years is a compound rate "
    "of {computed}%, but the table states {stated}%.",
}


def check(ctx: Context) -> list[Finding]:
    """Every row of a CAGR column with a span whose two ends the table gives."""
    cells: dict[int, dict[tuple[int, int], Mention]] = defaultdict(dict)
    for m in ctx.extraction.mentions:
        if m.cell is not None:
            cells[m.cell[0]][(m.cell[1], m.cell[2])] = m
    out: list[Finding] = []
    for block, grid in cells.items():
        table = ctx.extraction.document.blocks[block].table
        if table is not None:
            out.extend(_table(ctx, table, grid))
    return out


def _row_year(table: Table, r: int) -> int | None:
    for c in range(table.cols):
        cell = table.cell(r, c)
        if cell is not None and (m := _YEAR.match(cell.text)):
            return int(m.group(1))
    return None


def _row_span(table: Table, r: int) -> tuple[int, int] | None:
    for c in range(table.cols):
        cell = table.cell(r, c)
        if cell is not None and (m := _SPAN.match(cell.text)):
            y1, raw = int(m.group(1)), m.group(2)
            y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
            return (y1, y2) if y2 > y1 else None
    return None


def _table(ctx: Context, table: Table, grid: dict[tuple[int, int], Mention]) -> list[Finding]:
    rate_cols = [c for c in range(table.cols) if _CAGR_HEAD.search(table.column_header(c))]
    if not rate_cols:
        return []
    level_cols = {
        c
        for (_, c), m in grid.items()
        if c not in rate_cols
        and m.change is None
        and m.fact.quantity.kind in (Kind.NUMBER, Kind.MONEY, Kind.COUNT)
    }
    if len(level_cols) != 1:
        return []  # which level the rate compounds is not clear
    (level_col,) = level_cols
    by_year: dict[int, Mention] = {}
    for r in range(table.header_rows, table.rows):
        year = _row_year(table, r)
        level = grid.get((r, level_col))
        if year is not None and level is not None:
            by_year.setdefault(year, level)
    out = []
    for rate_col in rate_cols:
        for r in range(table.header_rows, table.rows):
            rate, span = grid.get((r, rate_col)), _row_span(table, r)
            if rate is None or span is None or rate.fact.quantity.kind is not Kind.PERCENT:
                continue
            a, b = by_year.get(span[0]), by_year.get(span[1])
            if a is not None and b is not None:
                got = _verdict(ctx, table, rate_col, rate, a, b, span)
                if got is not None:
                    out.append(got)
    return out


def _rate(a: Decimal, b: Decimal, n: int) -> Decimal:
    return (Decimal(str((float(b) / float(a)) ** (1 / n))) - 1) * HUNDRED


def _verdict(
    ctx: Context,
    table: Table,
    col: int,
    rate: Mention,
    a: Mention,
    b: Mention,
    span: tuple[int, int],
) -> Finding | None:
    a_lo, a_hi = bounds(a.fact.quantity)
    b_lo, b_hi = bounds(b.fact.quantity)
    v = point(rate.fact.quantity)
    if None in (a_lo, a_hi, b_lo, b_hi, v):
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    assert v is not None
    if a_lo <= 0 or b_lo <= 0:
        return None
    n = span[1] - span[0]
    lo, hi = _rate(a_hi, b_lo, n), _rate(a_lo, b_hi, n)
    h = half_unit(rate.fact.quantity)
    if v + h >= lo and v - h <= hi:
        return None
    pa, pb = point(a.fact.quantity), point(b.fact.quantity)
    assert pa is not None and pb is not None
    computed = _rate(pa, pb, n)
    words = {
        "label": table.column_header(col)[:60],
        "a": ctx.quantity(a.fact.quantity),
        "b": ctx.quantity(b.fact.quantity),
        "ya": span[0],
        "yb": span[1],
        "n": n,
        "computed": pct(computed.quantize(Decimal("0.01"))),
        "stated": pct(v),
    }
    values = [pa, pb, v, computed.quantize(Decimal("0.01"))]
    message = ctx.say(_TEXTS, **words)
    return finding(RULE, Severity.ERROR, message, [a, b, rate], values, why=_WHY)
