"""Tables: a total row against the rows it totals, and a change column against its two periods.

Totals are compared the way XBRL Calculations 1.1 compares rounded values: the sum of the items
and the total may differ by the rounding each printed value allows. A row that is itself the sum
of the rows right above it (a subtotal without a label) stands for them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, bounds, finding, half_unit, pct, point
from sectorlens.facts.table_facts import is_change_header
from sectorlens.model import Finding, Kind, Severity

RULE_TOTAL = "table.total"
RULE_CHANGE = "table.change"
HUNDRED = Decimal(100)
_TOTAL = re.compile(
    r"^\s*(?:total|sum|합계|총계|계|소계|合计|合計|总计|總計|小计|共计)\b|\btotal\s*$|^total\b",
    re.I,
)
_NOT_A_PART = re.compile(r"^\s*(?:less|of which|其中|이 중|including)\b", re.I)
# 其中：A / of which: the rows from here on are items of the row above the marker, and where
# they end is not marked: a total below them has no known run of direct items.
_SUB_ROWS = re.compile(r"^\s*(?:of which|其中|이\s?중|including|incl\.)|^\s*[-–—]\s", re.I)
_LABELLED = re.compile(r"[^\W\d_]", re.UNICODE)

_UNLABELLED = {"ko": "합계 행", "en": "total row"}
_TOTAL_OFF = {
    "ko": "표의 '{label}' {total}은(는) 위 {n}개 항목의 합 {sum}과(와) 다릅니다 (차이 {diff}).",
    "en": "The table's '{label}' {total} is not the sum of the {n} rows above it, {sum} "
    "(difference {diff}).",
}
_TOTAL_OK = {
    "ko": "표의 '{label}' {total}은(는) 위 {n}개 항목의 합과 반올림 범위 안에서 같습니다.",
    "en": "The table's '{label}' {total} is the sum of the {n} rows above it, within rounding.",
}
_CHANGE_OFF = {
    "ko": "표의 '{label}': {a}에서 {b}(으)로는 {computed}인데, 표의 변화율은 {stated}입니다.",
    "en": "The table's '{label}': {a} to {b} is {computed}, but the table states {stated}.",
}


def check(ctx: Context) -> list[Finding]:
    """Total rows per column, and change columns per row, of every table."""
    cells: dict[int, dict[tuple[int, int], Mention]] = defaultdict(dict)
    for m in ctx.extraction.mentions:
        if m.cell is not None:
            block, row, col = m.cell
            cells[block][(row, col)] = m
    out: list[Finding] = []
    for block, grid in cells.items():
        table = ctx.extraction.document.blocks[block].table
        out.extend(_totals(ctx, grid))
        out.extend(_changes(ctx, grid, table))
    return out


def _label(m: Mention) -> str:
    return (m.fact.sentence.split(" | ")[0] if " | " in m.fact.sentence else m.metric) or ""


_WINDOW = 16  # rows above a total that may be its items
_NEAR = Decimal("0.05")  # a total this close to a run of rows above it totals them


def _totals(ctx: Context, grid: dict[tuple[int, int], Mention]) -> list[Finding]:
    """Each total row against the run of rows right above it that it adds up.

    The relation is established when some run of rows above (previous totals standing for their
    own items) adds up to the total within rounding (ok), or within 5% of it: then the printed
    total, or one of its items, is wrong (error). Otherwise the rows are no items of the total
    (a difference row such as gross profit sits between) and nothing is said.
    """
    out = []
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    confirmed = _unlabelled_totals(ctx, grid, rows, cols)
    for col in cols:
        for i, r in enumerate(rows):
            m = grid.get((r, col))
            label = _label(m) if m is not None else ""
            if m is None or not _is_amount(m):
                continue
            if not _TOTAL.search(label) and r not in confirmed:
                continue
            above: list[Mention] = []
            bounded = i <= _WINDOW  # the run reaches the top of the table
            sub_rows = False
            for x in reversed(rows[max(0, i - _WINDOW) : i]):
                cell = grid.get((x, col))
                if cell is None or not _is_amount(cell) or not _same_unit(cell, m):
                    bounded = True  # a section label or a blank: the run of items ends here
                    sub_rows |= cell is not None and bool(_SUB_ROWS.search(_label(cell)))
                    break
                if _SUB_ROWS.search(_label(cell)):
                    sub_rows = True
                if not _NOT_A_PART.search(_label(cell)):
                    above.insert(0, cell)
            sub_rows |= _marker_row_above(ctx, m, col, r, above)
            doubtful = sub_rows or not bounded or _header_numbers(ctx, m, col)
            got = _best_run(ctx, label or _UNLABELLED[ctx.lang], m, above, doubtful)
            if got is not None:
                out.append(got)
    return out


def _run_above(
    grid: dict[tuple[int, int], Mention], rows: list[int], i: int, col: int
) -> list[Mention]:
    """The amounts right above row ``rows[i]`` in ``col``, up to a gap or another unit."""
    m = grid[(rows[i], col)]
    run: list[Mention] = []
    for x in reversed(rows[max(0, i - _WINDOW) : i]):
        cell = grid.get((x, col))
        if cell is None or not _is_amount(cell) or not _same_unit(cell, m):
            break
        run.insert(0, cell)
    return run


def _unlabelled_totals(
    ctx: Context, grid: dict[tuple[int, int], Mention], rows: list[int], cols: list[int]
) -> set[int]:
    """Rows without a label that the table itself shows to be totals.

    The last row of a table often carries its totals without a word (``| | $ 2,013 | $ 1,460``).
    Such a row is taken as a total row only where, in at least one of its columns, it is the sum
    of the rows above it within rounding: the table establishes the relation, and another column
    that does not add up is then a wrong total (or a wrong item).
    """
    out: set[int] = set()
    if not rows:
        return out
    r = rows[-1]
    i = len(rows) - 1
    sample = next((m for (x, _), m in grid.items() if x == r and m.cell is not None), None)
    if sample is None or sample.cell is None:
        return out
    table = ctx.extraction.document.blocks[sample.cell[0]].table
    if table is None:
        return out
    hits = 0
    for col in cols:
        m = grid.get((r, col))
        if m is None or not _is_amount(m) or _LABELLED.search(table.row_label(r, col)):
            continue
        run = _collapse(_run_above(grid, rows, i, col))
        if len(run) >= 2 and _within(run, m) and point(m.fact.quantity):
            hits += 1
    if hits >= 1:
        out.add(r)
    return out


def _marker_row_above(
    ctx: Context, total: Mention, col: int, row: int, above: list[Mention]
) -> bool:
    """True when a label-only row (``其中：``, ``of which:``) sits among or right above the run."""
    assert total.cell is not None
    table = ctx.extraction.document.blocks[total.cell[0]].table
    if table is None:
        return False
    first = above[0].cell[1] if above and above[0].cell is not None else row
    for r in range(max(table.header_rows, first - 1), row):
        if _SUB_ROWS.search(table.row_label(r, col)):
            return True
    return False


def _is_amount(m: Mention) -> bool:
    return m.change is None and m.fact.quantity.kind in (Kind.NUMBER, Kind.MONEY)


def _header_numbers(ctx: Context, m: Mention, col: int) -> bool:
    """True when a header row holds a number in this column (an item read as a header)."""
    assert m.cell is not None
    table = ctx.extraction.document.blocks[m.cell[0]].table
    if table is None:
        return False
    cells = [table.cell(r, col) for r in range(table.header_rows)]
    return any(
        c is not None
        and re.fullmatch(r"[\s$(]*[\d,.]+\)?", c.text)
        and not re.fullmatch(r"\s*(?:19|20)\d{2}\s*", c.text)  # a year names the column
        for c in cells
    )


def _best_run(
    ctx: Context, label: str, total: Mention, above: list[Mention], doubtful: bool
) -> Finding | None:
    t = point(total.fact.quantity)
    if t is None or t == 0:
        return None
    for k in range(len(above) - 2, -1, -1):
        run = _collapse(above[k:])
        if len(run) >= 2 and _within(run, total):
            return _verdict(ctx, label, total, run)
    run = _collapse(above)
    if len(run) < 2 or doubtful:
        return None
    gap = abs(sum((point(p.fact.quantity) or Decimal(0)) for p in run) - t)
    if len(run) >= 3 and gap <= abs(t) * _NEAR:  # two rows near a total may be no items
        return _verdict(ctx, label, total, run)
    return None


def _same_unit(a: Mention, b: Mention) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    return (qa.kind, qa.currency, qa.unit) == (qb.kind, qb.currency, qb.unit)


def _within(parts: Sequence[Mention], total: Mention) -> bool:
    s = sum((point(p.fact.quantity) or Decimal(0)) for p in parts)
    tol = sum(half_unit(p.fact.quantity) for p in parts) + half_unit(total.fact.quantity)
    return abs(s - (point(total.fact.quantity) or Decimal(0))) <= tol


def _collapse(parts: list[Mention]) -> list[Mention]:
    """Drop the rows a subtotal row right below them already adds up (Raw materials … 12,993)."""
    out = list(parts)
    i = 2
    while i < len(out):
        for k in range(i, 1, -1):
            if _within(out[i - k : i], out[i]):
                out = out[: i - k] + out[i:]
                i -= k
                break
        i += 1
    return out


def _verdict(ctx: Context, label: str, total: Mention, parts: list[Mention]) -> Finding:
    s = sum(((point(p.fact.quantity) or Decimal(0)) for p in parts), Decimal(0))
    t = point(total.fact.quantity) or Decimal(0)
    q = total.fact.quantity
    words = {
        "label": label,
        "total": ctx.quantity(q),
        "n": len(parts),
        "sum": ctx.quantity(q, s),
        "diff": ctx.quantity(q, t - s),
    }
    values = [t, *(point(p.fact.quantity) for p in parts), s]
    members = [total, *parts]
    if _within(parts, total):
        return finding(RULE_TOTAL, Severity.OK, ctx.say(_TOTAL_OK, **words), members, values)
    return finding(RULE_TOTAL, Severity.ERROR, ctx.say(_TOTAL_OFF, **words), members, values)


def _changes(
    ctx: Context, grid: dict[tuple[int, int], Mention], table: Table | None
) -> list[Finding]:
    """A change column (``vs. Q1 2022``, ``% Change``) against the two level columns before it,
    on rows with a label, inside one of side-by-side tables."""
    out: list[Finding] = []
    if table is None:
        return out
    for (r, c), m in sorted(grid.items()):
        if m.change is None or m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP):
            continue
        if not is_change_header(table.column_header(c)):
            continue  # a signed cell (+5%) in a column that does not say it is a change
        if not _LABELLED.search(table.row_label(r, c)):
            continue  # an unlabelled row: what its numbers are is not stated
        start, _ = table.part_of(c)
        levels = [grid[(r, x)] for x in range(c - 1, start - 1, -1) if (r, x) in grid]
        levels = [x for x in levels if x.change is None]
        # the nearest level and the next one in its unit (a share column may stand between:
        # 2024 Revenue | 2024 Share (%) | 2023 Revenue | Growth (%))
        levels = levels[:1] + [x for x in levels[1:] if _same_unit(levels[0], x)][:1]
        if len(levels) != 2:
            continue
        current, prior = levels
        pc0, pp0 = current.fact.period, prior.fact.period
        if pc0 is not None and pp0 is not None and pc0.end < pp0.end:
            current, prior = prior, current
        pc, pp = current.fact.period, prior.fact.period
        if pc is None or pp is None or pc.end <= pp.end:
            continue
        if abs((pc.end - pc.start).days - (pp.end - pp.start).days) > 3:
            continue  # a year against five months: not the change the column states
        got = _change_verdict(ctx, m, prior, current)
        if got is not None:
            out.append(got)
    return out


def _change_verdict(ctx: Context, m: Mention, prior: Mention, current: Mention) -> Finding | None:
    a_lo, a_hi = bounds(prior.fact.quantity)
    b_lo, b_hi = bounds(current.fact.quantity)
    a, b, v = point(prior.fact.quantity), point(current.fact.quantity), point(m.fact.quantity)
    if None in (a_lo, a_hi, b_lo, b_hi, a, b, v):
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    assert a is not None and b is not None and v is not None
    points = m.fact.quantity.kind is Kind.PP or prior.fact.quantity.kind is Kind.PERCENT
    if points:
        lo, hi, computed, unit = b_lo - a_hi, b_hi - a_lo, b - a, "%p"
        if m.fact.quantity.kind is Kind.PERCENT and a_lo > 0:  # a relative change of a rate
            lo2, hi2 = (b_lo - a_hi) / a_hi * HUNDRED, (b_hi - a_lo) / a_lo * HUNDRED
            lo, hi = min(lo, lo2), max(hi, hi2)
    elif a_lo > 0:
        lo, hi = (b_lo - a_hi) / a_hi * HUNDRED, (b_hi - a_lo) / a_lo * HUNDRED
        computed, unit = (b - a) / a * HUNDRED, "%"
    elif a_hi < 0:
        # from a loss: the change is stated against the absolute level
        lo, hi = (b_lo - a_hi) / -a_hi * HUNDRED, (b_hi - a_lo) / -a_lo * HUNDRED
        lo, hi = min(lo, hi), max(lo, hi)
        computed, unit = (b - a) / -a * HUNDRED, "%"
    else:
        return None
    h = half_unit(m.fact.quantity)
    if v + h >= lo and v - h <= hi:
        return None
    words = {
        "label": _label(current),
        "a": ctx.quantity(prior.fact.quantity),
        "b": ctx.quantity(current.fact.quantity),
        "computed": f"{'+' if computed > 0 else ''}{pct(computed)}{unit}",
        "stated": f"{'+' if v > 0 else ''}{pct(v)}{unit}",
    }
    values = [a, b, v, computed.quantize(Decimal("0.01"))]
    return finding(
        RULE_CHANGE, Severity.ERROR, ctx.say(_CHANGE_OFF, **words), [prior, current, m], values
    )
