"""The rows of a table's section that a structure word names add up to 100 in every column
(``城乡结构`` · ``城镇 75.4`` · ``乡村 24.6``).

A section row (a label with no values) whose label names the make-up of one whole (a word of
``ratio_shares.STRUCTURE_WORDS``: ``结构``, ``Composition``, ``구성비``) heads the rows below it,
up to the next section row. They are taken as shares of that whole only where they add up to
100 (within their rounding) in most of the table's columns; a column where they do not is then
a warning, since the whole is inferred from the other columns.

Rows set in under a row (``居民消费`` · ``  城镇居民`` · ``  农村居民``, outline levels the reader
saw) are its items where they add up to it in most columns (at least three): a column where
they do not is a warning. Only shares and small figures (up to three digits before the point)
are read; amounts are left to ``table_sums``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sectorlens.facts.document import Block, Table
from sectorlens.facts.rules.common import HUNDRED, Context, dec, pct
from sectorlens.facts.rules.ratio_shares import STRUCTURE_WORDS
from sectorlens.facts.table_facts import is_change_header
from sectorlens.model import Finding, Severity

RULE = "tables.sections"
RULE_OUTLINE = "tables.outline"
_WORDS = re.compile(
    "|".join(re.escape(w) for words in STRUCTURE_WORDS.values() for w in words), re.IGNORECASE
)
_VALUE = re.compile(r"^-?\d{1,3}(?:\.\d+)?%?$")
_MIN_COLUMNS = 3  # columns that add up to 100 before one that does not is a contradiction

_OFF = {
    "ko": "{section}의 {column} 항목들의 합은 {total}%로, 다른 열처럼 100%가 되어야 합니다.",
    "en": "The rows under {section} add up to {total}% in {column}, not 100% as in the other "
    "columns.",
}


def _number(text: str) -> tuple[Decimal, Decimal] | None:
    """A share in a cell and half a unit of its last digit, or None."""
    body = text.strip().rstrip("%")
    if not _VALUE.match(text.strip()):
        return None
    try:
        value = Decimal(body)
    except InvalidOperation:
        return None
    decimals = len(body.split(".")[1]) if "." in body else 0
    return value, Decimal(5) / Decimal(10) ** (decimals + 1)


def _groups(table: Table) -> list[tuple[str, list[int]]]:
    """Each section row a structure word names, with the rows under it."""
    out: list[tuple[str, list[int]]] = []
    current: tuple[str, list[int]] | None = None
    for r in range(table.header_rows, table.rows):
        cells = table.row(r)
        label = next((c.text for c in cells if c.col == 0), "")
        values = [c for c in cells if c.col > 0 and c.text.strip()]
        if not values:
            current = (label, []) if _WORDS.search(label) else None
            if current is not None:
                out.append(current)
        elif current is not None:
            current[1].append(r)
    return [(label, rows) for label, rows in out if len(rows) >= 2]


def _of_table(ctx: Context, block: Block, table: Table) -> list[Finding]:
    out: list[Finding] = []
    doc = ctx.extraction.document
    for section, rows in _groups(table):
        sums: dict[int, tuple[Decimal, Decimal, list[Decimal]]] = {}
        for col in range(1, table.cols):
            read = [_number(c.text) if (c := table.cell(r, col)) else None for r in rows]
            if any(x is None for x in read):
                continue  # a column missing a share: no sum to state
            parts = [x[0] for x in read if x is not None]
            slack = sum((x[1] for x in read if x is not None), Decimal(0))
            sums[col] = (sum(parts, Decimal(0)), slack, parts)
        whole = [c for c, (t, s, _p) in sums.items() if abs(t - HUNDRED) <= s]
        off = [c for c, (t, s, _p) in sums.items() if abs(t - HUNDRED) > s]
        if len(whole) < _MIN_COLUMNS or len(whole) <= len(off):
            continue  # the rows are no shares of one whole in most columns
        for col in off:
            total, _slack, parts = sums[col]
            cells = [c for r in rows if (c := table.cell(r, col)) is not None]
            lines = tuple(sorted({doc.line_of(block.doc_offset(c.start)) for c in cells}))
            words = {"section": section, "column": table.column_header(col), "total": pct(total)}
            quotes = tuple(" ".join(c.text for c in table.row(r)) for r in rows)
            out.append(
                Finding(
                    RULE,
                    Severity.WARNING,
                    ctx.say(_OFF, **words),
                    tuple(dec(v) for v in (*parts, total)),
                    lines,
                    quotes,
                    (),
                    "the rows of a section a structure word names, adding up to 100 in the "
                    "table's other columns",
                )
            )
    return out


_OUTLINE_OFF = {
    "ko": "{parent}의 하위 항목 합은 {column}에서 {total}로, {stated}와 다릅니다 "
    "(다른 열에서는 맞습니다).",
    "en": "The rows under {parent} add up to {total} in {column}, not {stated} (they do in the "
    "other columns).",
}


def _column(table: Table, col: int) -> str:
    """The column's header, or its number where the header rows hold values."""
    head = table.column_header(col)
    if not head or any(_number(part) for part in head.split(" / ")):
        return f"column {col + 1}"
    return head


def small_row(table: Table, row: int) -> bool:
    """Every value of ``row`` is a share or a small figure (``_number`` reads it)."""
    values = [c.text for c in table.row(row)[1:] if c.text.strip()]
    return bool(values) and all(_number(v) for v in values)


def _items(table: Table, row: int) -> list[int]:
    """The rows set in one level under ``row``, up to the next row at its level or out."""
    level, out = table.level(row), []
    for r in range(row + 1, table.rows):
        if table.level(r) <= level:
            break
        if table.level(r) == level + 1:
            out.append(r)
    return out


def _outline(ctx: Context, block: Block, table: Table) -> list[Finding]:
    out: list[Finding] = []
    doc = ctx.extraction.document
    for parent in range(table.rows):  # (a header guessed over rows of values: read them too)
        items = _items(table, parent)
        if len(items) < 2 or not all(small_row(table, r) for r in (parent, *items)):
            continue  # (a row of amounts, 1,396.4: a table of another kind, read by table_sums)
        equal: list[int] = []
        off: list[tuple[int, Decimal, Decimal, list[Decimal]]] = []
        for col in range(1, table.cols):
            if is_change_header(table.column_header(col)):
                continue  # changes (growth rates, points) of the items do not add up
            whole = _number(c.text) if (c := table.cell(parent, col)) else None
            read = [_number(c.text) if (c := table.cell(r, col)) else None for r in items]
            if whole is None or any(x is None for x in read):
                continue
            parts = [x[0] for x in read if x is not None]
            slack = whole[1] + sum((x[1] for x in read if x is not None), Decimal(0))
            total = sum(parts, Decimal(0))
            if abs(total - whole[0]) <= slack:
                equal.append(col)
            else:
                off.append((col, total, whole[0], parts))
        if len(equal) < _MIN_COLUMNS or len(equal) <= len(off):
            continue
        label = table.cell(parent, 0)
        for col, total, stated, parts in off:
            cells = [c for r in (parent, *items) if (c := table.cell(r, col)) is not None]
            lines = tuple(sorted({doc.line_of(block.doc_offset(c.start)) for c in cells}))
            words = {
                "parent": label.text if label else "",
                "column": _column(table, col),
                "total": pct(total),
                "stated": pct(stated),
            }
            quotes = tuple(" ".join(c.text for c in table.row(r)) for r in (parent, *items))
            out.append(
                Finding(
                    RULE_OUTLINE,
                    Severity.WARNING,
                    ctx.say(_OUTLINE_OFF, **words),
                    tuple(dec(v) for v in (*parts, total, stated)),
                    lines,
                    quotes,
                    (),
                    "rows set in under a row, adding up to it in the table's other columns",
                )
            )
    return out


def check(ctx: Context) -> list[Finding]:
    """Each structure section of each table against 100, and rows against the items set in
    under them, column by column."""
    out: list[Finding] = []
    for block in getattr(ctx.extraction.document, "blocks", ()):
        if block.table is not None:
            out.extend(_of_table(ctx, block, block.table))
            if block.table.levels:
                out.extend(_outline(ctx, block, block.table))
    return out
