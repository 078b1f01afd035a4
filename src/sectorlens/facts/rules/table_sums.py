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
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, pct, point
from sectorlens.facts.table_facts import is_change_header
from sectorlens.model import Finding, Kind, Severity

RULE_TOTAL = "table.total"
RULE_SHARES = "table.shares"
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
_SHARE_HEAD = re.compile(
    r"\bshares?\b|점유율|비중|구성비|份额|占比|比重|占有率|市场份额|\bproportion\b", re.I
)
_OTHERS = re.compile(
    r"^\s*(?:others?|other\s|rest\b|all\sothers|기타|그\s?외|나머지|其他|其它|其余)", re.I
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
_COLUMN_OFF = {
    "ko": "표의 '{label}' {total}은(는) 왼쪽 {n}개 열의 합 {sum}과(와) 다릅니다 (차이 {diff}).",
    "en": "The table's '{label}' {total} is not the sum of the {n} columns before it, {sum} "
    "(difference {diff}).",
}
_COLUMN_OK = {
    "ko": "표의 '{label}' {total}은(는) 왼쪽 {n}개 열의 합과 반올림 범위 안에서 같습니다.",
    "en": "The table's '{label}' {total} is the sum of the {n} columns before it, within rounding.",
}
_SECTION = (
    {
        "ko": "표의 '{label}' {total}은(는) 아래 {n}개 항목의 합과 반올림 범위 안에서 같습니다.",
        "en": "The table's '{label}' {total} is the sum of its {n} items below, within rounding.",
    },
    {
        "ko": "표의 '{label}' {total}은(는) 아래 {n}개 항목의 합 {sum}과(와) 다릅니다 "
        "(차이 {diff}).",
        "en": "The table's '{label}' {total} is not the sum of its {n} items below, {sum} "
        "(difference {diff}).",
    },
)
_SHARES_OFF = {
    "ko": "표의 '{label}' 열 비중 {n}개(기타 포함)의 합이 {total}%로 100%가 아닙니다.",
    "en": "The {n} shares of the table's '{label}' column (others included) add up to "
    "{total}%, not 100%.",
}
_SHARES_OK = {
    "ko": "표의 '{label}' 열 비중 {n}개의 합 {total}%는 반올림 범위 안에서 100%입니다.",
    "en": "The {n} shares of the table's '{label}' column add up to {total}%: 100% within "
    "rounding.",
}

_WINDOW = 16  # rows above a total that may be its items
_NEAR = Decimal("0.05")  # a total this close to a run of rows above it totals them
_FAR = Decimal("0.2")  # a section this far from its whole is not a breakdown of it

Grid = dict[tuple[int, int], Mention]


def totals(ctx: Context, grid: Grid, table: Table | None) -> list[Finding]:
    """Total rows, total columns and share columns of one table."""
    out = _row_totals(ctx, grid, table)
    if table is not None:
        out += _sections(ctx, grid, table)
        out += _column_totals(ctx, grid, table)
        out += _share_columns(ctx, grid, table)
    return out


def _label(m: Mention) -> str:
    return (m.fact.sentence.split(" | ")[0] if " | " in m.fact.sentence else m.metric) or ""


def _share_column(table: Table | None, col: int) -> bool:
    """A column of shares of one whole: its header says share and not change."""
    if table is None:
        return False
    head = table.column_header(col)
    return bool(_SHARE_HEAD.search(head)) and not is_change_header(head)


def _row_totals(ctx: Context, grid: Grid, table: Table | None) -> list[Finding]:
    """Each total row against the run of rows right above it that it adds up."""
    out = []
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    confirmed = _unlabelled_totals(ctx, grid, rows, cols)
    runs: dict[int, tuple[int, ...]] = {}  # total row → item rows that add up in some column
    pending: list[tuple[int, int, str]] = []
    for col in cols:
        shares = _share_column(table, col)
        for i, r in enumerate(rows):
            m = grid.get((r, col))
            label = _label(m) if m is not None else ""
            if m is None or not _is_amount(m, shares):
                continue
            if not _TOTAL.search(label) and r not in confirmed:
                continue
            above: list[Mention] = []
            bounded = i <= _WINDOW  # the run reaches the top of the table
            sub_rows = False
            for x in reversed(rows[max(0, i - _WINDOW) : i]):
                cell = grid.get((x, col))
                if cell is None or not _is_amount(cell, shares) or not _same_unit(cell, m):
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
            if got is None:
                pending.append((r, col, label or _UNLABELLED[ctx.lang]))
                continue
            out.append(got)
            if got.severity is Severity.OK and len(got.facts) >= 3:
                items = [x for x in above if x.fact in got.facts[1:]]
                runs.setdefault(r, tuple(x.cell[1] for x in items if x.cell is not None))
    for r, col, label in pending:
        # the same rows add up to this total row in another column: the table states the
        # relation, and this column's total (or an item of it) is wrong where it does not
        found = [grid.get((x, col)) for x in runs.get(r, ())]
        m = grid[(r, col)]
        parts = [x for x in found if x is not None and _same_unit(x, m) and _is_amount(x, True)]
        if len(parts) >= 2 and len(parts) == len(found):
            out.append(_verdict(ctx, label, m, parts))
    return out


# A row naming a whole (社会消费品零售总额, Total revenue, 매출 총액) and a label-only row below
# it that opens its breakdown by one dimension (按经营地分, 分产业, By segment, 지역별).
_WHOLE_ROW = re.compile(r"(?:总额|總額|总计|總計|合计|合計|총액|합계|총계|\btotal\b)", re.I)
_BY_ROW = re.compile(r"^\s*(?:按\S{1,8}分|分\S{1,8}看?|by\s\w+|\S{1,8}별)\s*[:：]?\s*$", re.I)


def _sections(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A whole's row above breakdowns by one dimension each (``按经营地分`` / 城镇 / 乡村): the
    items of a section add up to the whole. Established where they do so in one column; then
    another column whose section does not add up holds a wrong figure."""
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    labels = {r: table.row_label(r, cols[0]) if cols else "" for r in range(table.rows)}
    openers = [
        r
        for r in range(table.header_rows, table.rows)
        if all((r, c) not in grid for c in cols) and _BY_ROW.match(labels[r])
    ]
    if not openers or not rows:
        return []
    whole_rows = [r for r in rows if r < openers[0] and _WHOLE_ROW.search(labels[r])]
    if not whole_rows:
        return []
    whole = whole_rows[0]
    out: list[Finding] = []
    for k, start in enumerate(openers):
        stop = openers[k + 1] if k + 1 < len(openers) else table.rows
        section = [r for r in rows if start < r < stop]
        if len(section) < 2:
            continue
        verdicts: dict[int, tuple[Mention, list[Mention]]] = {}
        for col in cols:
            m = grid.get((whole, col))
            items = [grid.get((r, col)) for r in section]
            if m is None or not _is_amount(m, False):
                continue
            parts = [x for x in items if x is not None and _is_amount(x, False)]
            w = point(m.fact.quantity) or Decimal(0)
            if len(parts) == len(items) and all(
                _same_unit(x, m) and 0 <= (point(x.fact.quantity) or 0) <= w for x in parts
            ):
                verdicts[col] = (m, parts)  # items of a whole: none above it
        if any(_within(parts, m) for m, parts in verdicts.values()):
            for m, parts in verdicts.values():
                # far from the whole, the column holds no amounts that add up (rates of change)
                w = point(m.fact.quantity) or Decimal(0)
                if abs(_sum(parts) - w) <= _FAR * abs(w):
                    out.append(_verdict(ctx, labels[whole], m, parts, words=_SECTION))
    return out


def _column_totals(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A total column (``Total``, ``합계``, ``合计``) against the columns before it, per row."""
    out: list[Finding] = []
    by_row: dict[int, dict[int, Mention]] = defaultdict(dict)
    for (r, c), m in grid.items():
        by_row[r][c] = m
    runs: set[tuple[int, ...]] = set()
    pending: list[tuple[Mention, list[Mention]]] = []
    for row in sorted(by_row):
        cells = by_row[row]
        for col, m in sorted(cells.items()):
            if not _TOTAL.search(table.column_header(col)) or not _is_amount(m, False):
                continue
            start, _ = table.part_of(col)
            items: list[Mention] = []
            for c in range(col - 1, start - 1, -1):
                cell = cells.get(c)
                if cell is None or not _is_amount(cell, False) or not _same_unit(cell, m):
                    break
                if _TOTAL.search(table.column_header(c)):
                    break
                items.insert(0, cell)
            if len(items) < 2:
                continue
            if _within(items, m):
                out.append(_verdict(ctx, m.fact.subject or "", m, items, column=True))
                runs.add(tuple(x.cell[2] for x in items if x.cell is not None))
            else:
                pending.append((m, items))
    for m, items in pending:
        cols = tuple(x.cell[2] for x in items if x.cell is not None)
        gap = abs(_sum(items) - (point(m.fact.quantity) or Decimal(0)))
        near = len(items) >= 3 and gap <= abs(point(m.fact.quantity) or Decimal(0)) * _NEAR
        if cols in runs or near:
            out.append(_verdict(ctx, m.fact.subject or "", m, items, column=True))
    return out


def _share_columns(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A column of shares with an 'others' row and no total row: one whole, 100%."""
    out: list[Finding] = []
    cols = sorted({c for _, c in grid})
    for col in cols:
        cells = [m for (_, c), m in sorted(grid.items()) if c == col]
        if len(cells) < 3 or any(
            m.fact.quantity.kind is not Kind.PERCENT or m.change is not None for m in cells
        ):
            continue
        head = " ".join(
            [table.column_header(col), cells[0].section or "", cells[0].fact.subject or ""]
        )
        if not _SHARE_HEAD.search(head) or is_change_header(table.column_header(col)):
            continue
        labels = [table.row_label(m.cell[1], col) if m.cell else "" for m in cells]
        if any(_TOTAL.search(x) for x in labels) or len(set(labels)) < len(labels):
            continue  # a total row is checked as a total; repeated labels are several wholes
        if len({m.fact.period for m in cells}) > 1:
            continue
        others = any(_OTHERS.search(x) for x in labels)
        cells = _collapse(cells)  # a subtotal row (A + B + C) stands for the rows it adds up
        total = _sum(cells)
        tol = sum((half_unit(m.fact.quantity) for m in cells), Decimal(0))
        words = {"label": table.column_header(col), "n": len(cells), "total": pct(total)}
        values = [*(point(m.fact.quantity) for m in cells), total]
        if total - tol > HUNDRED or (others and total + tol < HUNDRED):
            msg = ctx.say(_SHARES_OFF, **words)
            out.append(finding(RULE_SHARES, Severity.ERROR, msg, cells, values))
        elif others:
            msg = ctx.say(_SHARES_OK, **words)
            out.append(finding(RULE_SHARES, Severity.OK, msg, cells, values))
    return out


def _run_above(grid: Grid, rows: list[int], i: int, col: int) -> list[Mention]:
    """The amounts right above row ``rows[i]`` in ``col``, up to a gap or another unit."""
    m = grid[(rows[i], col)]
    run: list[Mention] = []
    for x in reversed(rows[max(0, i - _WINDOW) : i]):
        cell = grid.get((x, col))
        if cell is None or not _is_amount(cell, False) or not _same_unit(cell, m):
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
        if m is None or not _is_amount(m, False) or _LABELLED.search(table.row_label(r, col)):
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


def _is_amount(m: Mention, shares: bool) -> bool:
    """An amount (or, in a column of shares, a share) that is not a change."""
    kinds = (Kind.NUMBER, Kind.MONEY, Kind.PERCENT) if shares else (Kind.NUMBER, Kind.MONEY)
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
    gap = abs(_sum(run) - t)
    if len(run) >= 3 and gap <= abs(t) * _NEAR:  # two rows near a total may be no items
        return _verdict(ctx, label, total, run)
    return None


def _same_unit(a: Mention, b: Mention) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    return (qa.kind, qa.currency, qa.unit) == (qb.kind, qb.currency, qb.unit)


def _sum(parts: Sequence[Mention]) -> Decimal:
    return sum(((point(p.fact.quantity) or Decimal(0)) for p in parts), Decimal(0))


def _within(parts: Sequence[Mention], total: Mention) -> bool:
    tol = sum(half_unit(p.fact.quantity) for p in parts) + half_unit(total.fact.quantity)
    return abs(_sum(parts) - (point(total.fact.quantity) or Decimal(0))) <= tol


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


def _verdict(
    ctx: Context,
    label: str,
    total: Mention,
    parts: list[Mention],
    *,
    column: bool = False,
    words: tuple[dict[str, str], dict[str, str]] | None = None,
) -> Finding:
    s = _sum(parts)
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
    ok, off = words or ((_COLUMN_OK, _COLUMN_OFF) if column else (_TOTAL_OK, _TOTAL_OFF))
    if _within(parts, total):
        return finding(RULE_TOTAL, Severity.OK, ctx.say(ok, **texts), members, values)
    return finding(RULE_TOTAL, Severity.ERROR, ctx.say(off, **texts), members, values)


__all__ = ["RULE_SHARES", "RULE_TOTAL", "totals"]
