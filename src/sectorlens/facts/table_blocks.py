"""Blocks of one table that measure different things: a table of amounts under ``单位：亿元``
that goes on with an index block and a share block, each opened by a row that states its own
unit (``总产出指数(上年=100)``, ``总产出构成(%)``) and repeating the same part rows below it
(``第一产业``, ``第二产业``). A repeated part row takes the unit of its block's opening row; an
index row is a bare number, never an amount of the table's currency."""

from __future__ import annotations

import re

from sectorlens.facts.document import Table
from sectorlens.facts.tables import has_values

_OWN_UNIT = re.compile(r"[(（]([^()（）]{1,12})[)）]\s*$")
_PERCENT = re.compile(r"[(（]\s*[%％]\s*[)）]\s*$")
INDEX = re.compile(r"指数|指數|지수|\bindex\b|[(（][^()（）]*=\s?100[)）]", re.I)


def block_lead(table: Table, row: int, col: int) -> str | None:
    """The label of the row with values that opens the block ``row`` sits in and states its own
    unit, when the table repeats ``row``'s label further up or down (else None)."""
    label = table.row_label(row, col).strip()
    if not label or _OWN_UNIT.search(label):
        return None
    repeats = sum(
        1 for r in range(table.header_rows, table.rows) if table.row_label(r, col).strip() == label
    )
    if repeats < 2:
        return None
    for r in range(row - 1, table.header_rows - 1, -1):
        above = table.row_label(r, col).strip()
        if _OWN_UNIT.search(above) and has_values(table, r, col):
            return above
    return None


def lead_is_percent(lead: str | None) -> bool:
    """The block's opening row states its figures in percent (``总产出构成(%)``)."""
    return bool(lead and _PERCENT.search(lead))


def is_index(label: str, lead: str | None) -> bool:
    """The row (or the block it sits in) holds index numbers (``总产出指数(上年=100)``)."""
    return bool(INDEX.search(label) or (lead and INDEX.search(lead)))


__all__ = ["INDEX", "block_lead", "is_index", "lead_is_percent"]
