"""Table sums beyond a total row: total columns, sections below a whole, share columns."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal

from sectorlens.facts.document import Table
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import HUNDRED, Context, finding, half_unit, pct, point
from sectorlens.facts.rules.table_sums import (
    FAR,
    NEAR,
    SHARE_HEAD,
    TOTAL,
    Grid,
    additive,
    collapse,
    is_amount,
    same_unit,
    sum_of,
    verdict,
    within,
)
from sectorlens.model import Finding, Kind, Severity

RULE_SHARES = "table.shares"
_CHANGED = re.compile(
    r"变化|變化|增减|增減|变动|變動|百分点|百分點|\bpp\b|\bpts?\b|%p|증감|변화|change|chg|"
    r"growth|y/y|yoy|q/q|qoq|同比|环比|環比",
    re.I,
)
OTHERS = re.compile(
    r"^\s*(?:others?|other\s|rest\b|all\sothers|기타|그\s?외|나머지|其他|其它|其余)", re.I
)

_COLUMN_OFF = {
    "ko": "표의 '{label}' {total}은(는) 왼쪽 {n}개 열의 합 {sum}과(와) 다릅니다 (차이 {diff}).",
    "en": "The table's '{label}' {total} is not the sum of the {n} columns before it, {sum} "
    "(difference {diff}).",
}
_COLUMN_OK = {
    "ko": "표의 '{label}' {total}은(는) 왼쪽 {n}개 열의 합과 반올림 범위 안에서 같습니다.",
    "en": "The table's '{label}' {total} is the sum of the {n} columns before it, within rounding.",
}
_COLUMN = (_COLUMN_OK, _COLUMN_OFF)
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


# A row naming a whole (社会消费品零售总额, Total revenue, 매출 총액) and a label-only row below
# it that opens its breakdown by one dimension (按经营地分, 分产业, By segment, 지역별).
_WHOLE_ROW = re.compile(r"(?:总额|總額|总计|總計|合计|合計|총액|합계|총계|\btotal\b)", re.I)
_BY_ROW = re.compile(r"^\s*(?:按\S{1,8}分|分\S{1,8}看?|by\s\w+|\S{1,8}별)\s*[:：]?\s*$", re.I)


def _openers(grid: Grid, table: Table) -> list[int]:
    """Label-only rows that open a breakdown by one dimension (分行业 / 分产品 / 分地区, 지역별)."""
    cols = sorted({c for _, c in grid})
    if not cols:
        return []
    return [
        r
        for r in range(table.header_rows, table.rows)
        if all((r, c) not in grid for c in cols) and _BY_ROW.match(table.row_label(r, cols[0]))
    ]


def _by_section(cells: list[Mention], openers: list[int]) -> list[list[Mention]]:
    """A column's cells split at the rows opening each breakdown: every section is its own whole
    (分行业 100%, 分产品 100%, 分地区 100%); rows above the first opener (the whole) are left out.
    Without openers the column is one group."""
    if not openers:
        return [cells]
    bounds = [*openers, 1 << 30]
    groups = [
        [m for m in cells if m.cell is not None and bounds[k] < m.cell[1] < bounds[k + 1]]
        for k in range(len(openers))
    ]
    return [g for g in groups if g]


def sections(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A whole's row above breakdowns by one dimension each (``按经营地分`` / 城镇 / 乡村): the
    items of a section add up to the whole. Established where they do so in one column; then
    another column whose section does not add up holds a wrong figure."""
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    labels = {r: table.row_label(r, cols[0]) if cols else "" for r in range(table.rows)}
    openers = _openers(grid, table)
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
            if m is None or not is_amount(m, False):
                continue
            parts = [x for x in items if x is not None and is_amount(x, False)]
            w = point(m.fact.quantity) or Decimal(0)
            if len(parts) == len(items) and all(
                same_unit(x, m) and 0 <= (point(x.fact.quantity) or 0) <= w for x in parts
            ):
                verdicts[col] = (m, parts)  # items of a whole: none above it
        if any(within(parts, m) for m, parts in verdicts.values()):
            for m, parts in verdicts.values():
                # far from the whole, the column holds no amounts that add up (rates of change)
                w = point(m.fact.quantity) or Decimal(0)
                if abs(sum_of(parts) - w) <= FAR * abs(w):
                    out.append(verdict(ctx, labels[whole], m, parts, words=_SECTION))
    return out


# the last column of a reconciliation: As previously reported | Adjustments | As restated
_AFTER = re.compile(r"^\s*(?:as\s+)?(?:restated|adjusted|revised|recast)\s*$", re.I)


def _total_column(head: str) -> bool:
    """A column header that names a total, or the result of the adjustments before it."""
    return bool(TOTAL.search(head) or _AFTER.match(head.rsplit(" / ", 1)[-1]))


_PER_SHARE = re.compile(r"\bper\s(?:\w+\s){0,3}(?:share|unit)\b|\bEPS\b|주당|每股", re.I)


def _per_share_total(table: Table, col: int, total: Mention) -> bool:
    """An amount per share in a total column: each period's (or part's) is computed on its own
    shares, so the quarters need not add up to the year (filings say so in a footnote). Only a
    restated figure per share is its reported figure plus the correction."""
    if _AFTER.match(table.column_header(col).rsplit(" / ", 1)[-1]):
        return False
    return bool(_PER_SHARE.search(f"{total.fact.subject or ''} {total.fact.sentence}"))


def column_totals(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A total column (``Total``, ``합계``, ``合计``, ``As restated``) against the columns
    before it, per row."""
    out: list[Finding] = []
    by_row: dict[int, dict[int, Mention]] = defaultdict(dict)
    for (r, c), m in grid.items():
        by_row[r][c] = m
    runs: set[tuple[int, ...]] = set()
    pending: list[tuple[Mention, list[Mention]]] = []
    for row in sorted(by_row):
        cells = by_row[row]
        for col, m in sorted(cells.items()):
            if not _total_column(table.column_header(col)) or not is_amount(m, False):
                continue
            start, _ = table.part_of(col)
            items: list[Mention] = []
            for c in range(col - 1, start - 1, -1):
                cell = cells.get(c)
                if cell is None or not is_amount(cell, False) or not same_unit(cell, m):
                    break
                if _total_column(table.column_header(c)):
                    break
                items.insert(0, cell)
            if len(items) < 2 or _per_share_total(table, col, m):
                continue
            if within(items, m):
                out.append(verdict(ctx, m.fact.subject or "", m, items, words=_COLUMN))
                runs.add(tuple(x.cell[2] for x in items if x.cell is not None))
            else:
                pending.append((m, items))
    for m, items in pending:
        cols = tuple(x.cell[2] for x in items if x.cell is not None)
        gap = abs(sum_of(items) - (point(m.fact.quantity) or Decimal(0)))
        near = len(items) >= 3 and gap <= abs(point(m.fact.quantity) or Decimal(0)) * NEAR
        if (cols in runs or near) and additive(items, m):
            out.append(verdict(ctx, m.fact.subject or "", m, items, words=_COLUMN))
    return out


def share_columns(ctx: Context, grid: Grid, table: Table) -> list[Finding]:
    """A column of shares with an 'others' row and no total row: one whole, 100%."""
    out: list[Finding] = []
    cols = sorted({c for _, c in grid})
    openers = _openers(grid, table)
    share_cols: list[int] = []
    groups: list[tuple[int, list[list[Mention]]]] = []
    for col in cols:
        column = [m for (_, c), m in sorted(grid.items()) if c == col]
        if len(column) < 3 or any(
            m.fact.quantity.kind is not Kind.PERCENT or m.change is not None for m in column
        ):
            continue
        head = " ".join(
            [table.column_header(col), column[0].section or "", column[0].fact.subject or ""]
        )
        if not SHARE_HEAD.search(head) or _CHANGED.search(table.column_header(col)):
            continue  # 份额变化, share change: points, not shares
        share_cols.append(col)
        groups.append((col, _by_section(column, openers)))
    for col, sections in groups:
        for cells in sections:
            out.extend(_share_group(ctx, table, col, cells, _across(grid, share_cols)))
    return out


def _across(grid: Grid, cols: list[int]) -> Callable[[Sequence[Mention], Mention], bool]:
    """A subtotal row of a share column holds in every share column that has its rows: 7% +
    5% next to 11% in one quarter's column is the rounding of two brands, not a subtotal."""

    def confirmed(above: Sequence[Mention], row: Mention) -> bool:
        rows = [m.cell[1] for m in above if m.cell is not None]
        if row.cell is None or len(rows) != len(above):
            return False
        for col in cols:
            parts = [grid.get((r, col)) for r in rows]
            total = grid.get((row.cell[1], col))
            if total is None or any(p is None for p in parts):
                continue
            if not within([p for p in parts if p is not None], total):
                return False
        return True

    return confirmed


def _share_group(
    ctx: Context,
    table: Table,
    col: int,
    cells: list[Mention],
    confirmed: Callable[[Sequence[Mention], Mention], bool],
) -> list[Finding]:
    """One whole's shares in one column: at most 100%, and 100% where 'others' closes the list."""
    out: list[Finding] = []
    if len(cells) >= 2:
        labels = [table.row_label(m.cell[1], col) if m.cell else "" for m in cells]
        if any(TOTAL.search(x) for x in labels) or len(set(labels)) < len(labels):
            return out  # a total row is checked as a total; repeated labels are several wholes
        if len({m.fact.period for m in cells}) > 1:
            return out
        others = any(OTHERS.search(x) for x in labels)
        # a subtotal row (A + B + C) stands for the rows it adds up, in every share column
        cells = collapse(cells, confirmed)
        total = sum_of(cells)
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
