"""The rows of a table's section that a structure word names add up to 100 in every column
(``城乡结构`` · ``城镇 75.4`` · ``乡村 24.6``).

A section row (a label with no values) whose label names the make-up of one whole (a word of
``ratio_shares.STRUCTURE_WORDS``: ``结构``, ``Composition``, ``구성비``) heads the rows below it,
up to the next section row. They are taken as shares of that whole only where they add up to
100 (within their rounding) in most of the table's columns; a column where they do not is then
a warning, since the whole is inferred from the other columns.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sectorlens.facts.document import Block, Table
from sectorlens.facts.rules.common import HUNDRED, Context, dec, pct
from sectorlens.facts.rules.ratio_shares import STRUCTURE_WORDS
from sectorlens.model import Finding, Severity

RULE = "tables.sections"
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


def check(ctx: Context) -> list[Finding]:
    """Each structure section of each table, column by column, against 100."""
    out: list[Finding] = []
    for block in getattr(ctx.extraction.document, "blocks", ()):
        if block.table is not None:
            out.extend(_of_table(ctx, block, block.table))
    return out
