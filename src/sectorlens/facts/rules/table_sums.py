"""Table sums: total rows and total columns against their items, shares of one whole to 100%.

Totals are compared the way XBRL Calculations 1.1 compares rounded values: the sum of the items
and the total may differ by the rounding each printed value allows. The relation is established
by the table: a run of items that adds up to the total within rounding (a subtotal without a
label standing for its items), the same rows adding up in another column of the same total row,
or a run of at least three items within 5% of it. A column of shares (its header or the table's
title says share) with an 'others' row is one whole: it adds up to 100%.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, point
from sectorlens.facts.table_facts import is_change_header
from sectorlens.model import Finding, Kind, Severity

RULE_TOTAL = "table.total"
HUNDRED = Decimal(100)
TOTAL = re.compile(
    r"^\s*(?:(?:sub-?\s?)?total|sum|합계|총계|계|소계|合计|合計|总计|總計|小计|共计)\b|\btotal\s*$|^total\b"
    # the last of a stacked restatement (As previously reported / Adjustments / As restated)
    r"|^\s*as\s+(?:restated|adjusted|revised|recast)\s*$",
    re.I,
)
_NOT_A_PART = re.compile(r"^\s*(?:less|of which|其中|이 중|including)\b", re.I)
# 其中：A / of which: the rows from here on are items of the row above the marker, and where
# they end is not marked: a total below them has no known run of direct items.
_SUB_ROWS = re.compile(r"^\s*(?:of which|其中|이\s?중|including|incl\.)|^\s*[-–—]\s", re.I)
_LABELLED = re.compile(r"[^\W\d_]", re.UNICODE)
SHARE_HEAD = re.compile(
    r"\bshares?\b|점유율|비중|구성비|份额|占比|比重|占有率|市场份额|\bproportion\b", re.I
)
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
_WINDOW = 16  # rows above a total that may be its items
NEAR = Decimal("0.05")  # a total this close to a run of rows above it totals them
FAR = Decimal("0.2")  # a section this far from its whole is not a breakdown of it

Grid = dict[tuple[int, int], Mention]


def totals(ctx: Context, grid: Grid, table: Table | None) -> list[Finding]:
    """Total rows, total columns and share columns of one table."""
    out = _row_totals(ctx, grid, table)
    if table is not None:
        from sectorlens.facts.rules import table_columns as tc
        from sectorlens.facts.rules import table_heads as th
        from sectorlens.facts.rules import table_last_row as tr
        from sectorlens.facts.rules import table_lead as tl

        judged = {f.facts[0].span for f in out if f.facts}
        out += [f for f in tr.whole_rows(ctx, grid, table) if f.facts[0].span not in judged]
        out += tc.sections(ctx, grid, table)
        out += tc.column_totals(ctx, grid, table)
        out += tc.share_columns(ctx, grid, table)
        out += tl.lead_totals(ctx, grid, table)
        said = {f.facts[0].span for f in out if f.facts and f.severity is not Severity.OK}
        out += [
            f for f in th.head_rows(ctx, grid, table) if not f.facts or f.facts[0].span not in said
        ]
    return out


def _label(m: Mention) -> str:
    return (m.fact.sentence.split(" | ")[0] if " | " in m.fact.sentence else m.metric) or ""


def _share_column(table: Table | None, col: int) -> bool:
    """A column of shares of one whole: its header says share and not change."""
    if table is None:
        return False
    head = table.column_header(col)
    return bool(SHARE_HEAD.search(head)) and not is_change_header(head)


def _hundred_total(grid: Grid, rows: Sequence[int], col: int) -> bool:
    """A column of percentages whose total row states 100%: shares of one whole, by the table."""
    for r in rows:
        m = grid.get((r, col))
        if m is None or m.change is not None or m.fact.quantity.kind is not Kind.PERCENT:
            continue
        if TOTAL.search(_label(m)) and point(m.fact.quantity) == HUNDRED:
            return True
    return False


def _row_totals(ctx: Context, grid: Grid, table: Table | None) -> list[Finding]:
    """Each total row against the run of rows right above it that it adds up."""
    out = []
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    confirmed = _unlabelled_totals(ctx, grid, rows, cols)
    from sectorlens.facts.rules import table_lead as tl

    named = tl.named_totals(grid, table, rows, cols) - confirmed
    confirmed |= named
    runs: dict[int, tuple[int, ...]] = {}  # total row → item rows that add up in some column
    pending: list[tuple[int, int, str]] = []
    close: list[tuple[int, Finding]] = []
    for col in cols:
        hundred = _hundred_total(grid, rows, col)
        shares = hundred or _share_column(table, col)
        for i, r in enumerate(rows):
            m = grid.get((r, col))
            label = _label(m) if m is not None else ""
            if m is None or not is_amount(m, shares):
                continue
            if not TOTAL.search(label) and r not in confirmed:
                continue
            above: list[Mention] = []
            bounded = i <= _WINDOW  # the run reaches the top of the table
            sub_rows = False
            below, near = r, -1
            for x in reversed(rows[max(0, i - _WINDOW) : i]):
                if x < below - 1 and near < 0:  # a row without amounts (a section label):
                    near = len(above)  # the section ends here; exact sums may reach past it
                below = x
                cell = grid.get((x, col))
                if cell is None and tl.split_row(table, grid, x, col):
                    continue  # one line of the filing printed as two rows, one per column
                if cell is None or not is_amount(cell, shares) or not same_unit(cell, m):
                    bounded = True  # a section label or a blank: the run of items ends here
                    sub_rows |= cell is not None and bool(_SUB_ROWS.search(_label(cell)))
                    break
                if _SUB_ROWS.search(_label(cell)):
                    sub_rows = True
                if not _NOT_A_PART.search(_label(cell)):
                    above.insert(0, cell)
            sub_rows |= _marker_row_above(ctx, m, col, r, above)
            bounded |= near >= 0
            doubtful = sub_rows or not bounded or _header_numbers(ctx, m, col)
            section = above[len(above) - near :] if near >= 0 else above
            got = _best_run(ctx, label or _UNLABELLED[ctx.lang], m, above, doubtful, section)
            if hundred and bounded and not doubtful and len(section) >= 2:
                # a distribution totalled 100%: every row of its section is an item, and a
                # shorter run that comes within the rounding of integer shares is no subtotal
                got = verdict(ctx, label or _UNLABELLED[ctx.lang], m, section)
            if got is None:
                pending.append((r, col, label or _UNLABELLED[ctx.lang]))
                continue
            if got.severity is not Severity.OK:
                if r in named and tl.misread(collapse(section), m):
                    continue  # one item off under a row named, not labelled, a total
                close.append((r, got))  # no run adds up: the section only comes close
                continue
            out.append(got)
            if got.severity is Severity.OK and len(got.facts) >= 3:
                items = [x for x in above if x.fact in got.facts[1:]]
                runs.setdefault(r, tuple(x.cell[1] for x in items if x.cell is not None))
    for r, col, label in pending:
        # the same rows add up to this total row in another column: the table states the
        # relation, and this column's total (or an item of it) is wrong where it does not
        found = [grid.get((x, col)) or tl.split_cell(table, grid, x, col) for x in runs.get(r, ())]
        m = grid[(r, col)]
        parts = [x for x in found if x is not None and same_unit(x, m) and is_amount(x, True)]
        if len(parts) >= 2 and len(parts) == len(found) and additive(parts, m):
            if r in named and tl.misread(parts, m):
                continue  # a row named, not labelled, a total: one item off is a misreading
            out.append(verdict(ctx, label, m, parts))
    exact = any(f.severity is Severity.OK for f in out)
    out.extend(corroborated(close, set(runs), exact or len(cols) == 1))
    return out


def corroborated(
    close: list[tuple[int, Finding]], exact: set[int], inferred: bool
) -> list[Finding]:
    """Totals that only come close to the rows above them, as far as the table bears the
    relation out: where the same total row adds up exactly in another column the table states
    it (an error); where only other totals of the table add up, or the table has one column of
    figures to tell by, the relation is inferred (a warning); where nothing in a table of
    several columns adds up exactly, the structure was misread (subtotals, indentation lost,
    rows that are not items) and there is no finding."""
    out = []
    for row, f in close:
        if row in exact:
            out.append(f)
        elif inferred:
            out.append(replace(f, severity=Severity.WARNING))
    return out


def additive(parts: Sequence[Mention], total: Mention) -> bool:
    """Items a total can be the sum of: none above it (an average lies between its items) and
    their sum within a fifth of it."""
    t = point(total.fact.quantity) or Decimal(0)
    values = [point(p.fact.quantity) or Decimal(0) for p in parts]
    if all(v >= 0 for v in values) and any(v > t for v in values):
        return False
    return abs(sum(values, Decimal(0)) - t) <= abs(t) * FAR


def run_above(grid: Grid, rows: list[int], i: int, col: int) -> list[Mention]:
    """The amounts right above row ``rows[i]`` in ``col``, up to a gap or another unit."""
    m = grid[(rows[i], col)]
    run: list[Mention] = []
    below = rows[i]
    for x in reversed(rows[max(0, i - _WINDOW) : i]):
        if x < below - 1:  # a row without amounts (a section label) ends the run
            break
        below = x
        cell = grid.get((x, col))
        if cell is None or not is_amount(cell, False) or not same_unit(cell, m):
            break
        run.insert(0, cell)
    return run


def _unlabelled_totals(ctx: Context, grid: Grid, rows: list[int], cols: list[int]) -> set[int]:
    """Rows without a label that the table itself shows to be totals.

    The last row of a table often carries its totals without a word (``| | $ 2,013 | $ 1,460``).
    Such a row is taken as a total row only where, in at least one of its columns, it is the sum
    of the rows above it within rounding: the table establishes the relation, and another column
    that does not add up is then a wrong total (or a wrong item).
    """
    out: set[int] = set()
    sample = next((m for m in grid.values() if m.cell is not None), None)
    if sample is None or sample.cell is None:
        return out
    table = ctx.extraction.document.blocks[sample.cell[0]].table
    if table is None:
        return out
    for i, r in enumerate(rows):
        hits = amounts = 0
        for col in cols:
            m = grid.get((r, col))
            if m is None or not is_amount(m, False) or _LABELLED.search(table.row_label(r, col)):
                continue
            amounts += 1
            run = run_above(grid, rows, i, col)
            if point(m.fact.quantity) and any(
                len(part) >= 2 and within(part, m)
                for part in (collapse(run[k:]) for k in range(len(run) - 1))
            ):
                hits += 1
        # the last row: one column that adds up; a row inside the table (a subtotal line under
        # its items): at least half of its columns add up
        if hits >= 1 and (r == rows[-1] or 2 * hits >= amounts):
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


def is_amount(m: Mention, shares: bool) -> bool:
    """An amount (or, in a column of shares, a share) that is not a change."""
    kinds: tuple[Kind, ...] = (Kind.NUMBER, Kind.MONEY, Kind.COUNT)
    kinds = (*kinds, Kind.PERCENT) if shares else kinds
    return m.change is None and m.fact.quantity.kind in kinds


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
    ctx: Context,
    label: str,
    total: Mention,
    above: list[Mention],
    doubtful: bool,
    section: list[Mention] | None = None,
) -> Finding | None:
    """The run of rows right above a total that adds up to it (an OK), else, unless doubtful,
    the whole section above it where that comes within 5% (an error)."""
    t = point(total.fact.quantity)
    if t is None or t == 0:
        return None
    for k in range(len(above) - 2, -1, -1):
        run = collapse(above[k:])
        if len(run) >= 2 and within(run, total):
            return verdict(ctx, label, total, run)
    run = collapse(above if section is None else section)
    if len(run) < 2 or doubtful:
        return None
    gap = abs(sum_of(run) - t)
    if len(run) >= 3 and gap <= abs(t) * NEAR:  # two rows near a total may be no items
        return verdict(ctx, label, total, run)
    return None


def same_unit(a: Mention, b: Mention) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    return (qa.kind, qa.currency, qa.unit) == (qb.kind, qb.currency, qb.unit)


def sum_of(parts: Sequence[Mention]) -> Decimal:
    return sum(((point(p.fact.quantity) or Decimal(0)) for p in parts), Decimal(0))


def within(parts: Sequence[Mention], total: Mention) -> bool:
    tol = sum(half_unit(p.fact.quantity) for p in parts) + half_unit(total.fact.quantity)
    return abs(sum_of(parts) - (point(total.fact.quantity) or Decimal(0))) <= tol


def collapse(
    parts: list[Mention],
    confirmed: Callable[[Sequence[Mention], Mention], bool] | None = None,
) -> list[Mention]:
    """Drop the rows a subtotal row right below them already adds up (Raw materials … 12,993);
    ``confirmed`` (the rows above, the subtotal) must agree where given."""
    out = list(parts)
    i = 2
    while i < len(out):
        for k in range(i, 1, -1):
            above = out[i - k : i]
            if within(above, out[i]) and (confirmed is None or confirmed(above, out[i])):
                out = out[: i - k] + out[i:]
                i -= k
                break
        i += 1
    return out


Words = tuple[dict[str, str], dict[str, str]]
"""A finding's words when it holds and when it does not, by language."""
BELOW: Words = (
    {
        "ko": "표의 '{label}' {total}은(는) 아래 {n}개 항목의 합과 반올림 범위 안에서 같습니다.",
        "en": "The table's '{label}' {total} is the sum of the {n} rows below it, within rounding.",
    },
    {
        "ko": "표의 '{label}' {total}은(는) 아래 {n}개 항목의 합 {sum}과(와) 다릅니다 "
        "(차이 {diff}).",
        "en": "The table's '{label}' {total} is not the sum of the {n} rows below it, {sum} "
        "(difference {diff}).",
    },
)


def verdict(
    ctx: Context,
    label: str,
    total: Mention,
    parts: list[Mention],
    *,
    words: Words | None = None,
) -> Finding:
    s = sum_of(parts)
    t = point(total.fact.quantity) or Decimal(0)
    q = total.fact.quantity
    texts = {
        "label": label,
        "total": ctx.quantity(q),
        "n": len(parts),
        "sum": ctx.quantity(q, s),
        "diff": ctx.quantity(q, t - s),
    }
    values = [t, *(point(p.fact.quantity) for p in parts), s]
    members = [total, *parts]
    ok, off = words or (_TOTAL_OK, _TOTAL_OFF)
    if within(parts, total):
        return finding(RULE_TOTAL, Severity.OK, ctx.say(ok, **texts), members, values)
    return finding(RULE_TOTAL, Severity.ERROR, ctx.say(off, **texts), members, values)


__all__ = ["RULE_TOTAL", "totals"]
