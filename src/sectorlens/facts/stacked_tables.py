"""Tables copied from a filing one cell per line: a row label, then its values each on a line of
its own (a ``$`` and a closing ``)`` on lines of their own as well), the column names one per
line above the first row (``UMS`` / ``LMS`` / ``MW`` / ``Total``).

Three rows or more of the same number of values (two or more) make a table; a label followed
by another label is a section label (``Fiscal 2016``). The column names are the short lines
right above the first row: as many as there are columns (or a multiple of it, a name wrapped
over lines), else the last ones where none of them is a year or a date (a wrong alignment must
not date a column); the columns stay unnamed otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts import lexicon as lx
from sectorlens.facts.table_scale import scale_currency
from sectorlens.facts.tables import is_number
from sectorlens.facts.text_tables import MAX_LABEL_CHARS, TextTable

# a cell of its own holding a currency sign or ISO code ($ | 1,234): the lexicon's, any currency
_CURRENCY = re.compile(rf"^(?:{lx.CURRENCY_SYMBOLS}|{lx.CURRENCY_CODES})$")
_CLOSE = re.compile(r"^\)\s?%?$|^%$")
_DASH = re.compile(r"^[—–-]{1,2}$")
_DATED = re.compile(r"(?:19|20)\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_MIN_ROWS = 3
_NAME_CHARS = 24  # a column name wrapped over lines, no longer than this
# a row label on a line of its own, then its values on lines of their own: filings name rows at
# length (``Thermal/Acoustical Metals Segment net sales``), longer than a label set in a row
_LABEL_CHARS = 2 * MAX_LABEL_CHARS


def _kind(text: str) -> str:
    body = text.strip()
    if _CURRENCY.match(body):
        return "currency"
    if _CLOSE.match(body):
        return "close"
    if _DASH.match(body) or (is_number(body) and not re.fullmatch(r"\(?(?:19|20)\d{2}\)?", body)):
        return "value"
    if len(body) > _LABEL_CHARS or not any(c.isalpha() for c in body):
        return "other"
    return "label"


def _rows(lines: Sequence[str], i: int) -> tuple[list[tuple[int, str, list[str]]], int]:
    """Rows from line ``i`` on: (line of the label, label, values); where they stop."""
    out: list[tuple[int, str, list[str]]] = []
    kinds = [_kind(x) for x in lines]
    while i < len(lines) and kinds[i] == "label":
        at, label, values = i, lines[i].strip(), []
        i += 1
        while i < len(lines) and kinds[i] in ("currency", "value", "close"):
            body = lines[i].strip()
            if kinds[i] == "value":
                values.append(body)
            elif kinds[i] == "close" and values:
                values[-1] += body
            i += 1
        out.append((at, label, values))
    return out, i


def _names(lines: Sequence[str], first: int, k: int) -> tuple[int, list[str]] | None:
    """The column names above line ``first``: where they start, and the names (the first one
    the corner's, ``in € million`` over the row labels, where a unit line heads them)."""
    start = first
    while (
        start > 0
        and first - start < 2 * k + 2
        and _kind(lines[start - 1]) == "label"
        and not lines[start - 1].rstrip().endswith((*lx.TERMINAL, ":", "："))
    ):
        start -= 1
    above = [x.strip() for x in lines[start:first]]
    if len(above) == k:
        return start, ["", *above]
    if len(above) > k and _unit_line(above[-k - 1]) and not _unit_line(above[-k]):
        return first - k - 1, above[-k - 1 :]  # in € million / Q3 2015 / …: corner, columns
    corner = above[-k - 1] if len(above) > k else ""
    if corner and _periods(above[-k:]) and not _DATED.search(corner):
        # 구분 / 2024년 / 2023년: the corner word, then the periods (a period above them would
        # leave open which of them name the columns)
        if len(corner) <= _NAME_CHARS:
            return first - k - 1, above[-k - 1 :]
        return first - k, ["", *above[-k:]]
    if above and len(above) % k == 0:
        m = len(above) // k
        names = [" ".join(above[i * m : (i + 1) * m]) for i in range(k)]
        if all(len(x) <= _NAME_CHARS for x in names):  # First / Quarter: one name wrapped
            return start, ["", *names]
    if len(above) > k and not any(_DATED.search(x) for x in above[-k:]):
        return first - k, ["", *above[-k:]]
    return None


def _periods(names: Sequence[str]) -> bool:
    """True for column names that are periods of one form (``2024년`` / ``2023년``, ``Q3 2024`` /
    ``Q3 2023``): each holds a year, and they differ in their figures only."""
    forms = {re.sub(r"\d", "9", x) for x in names}
    return len(forms) == 1 and all(_YEAR_IN.search(x) and len(x) <= _NAME_CHARS for x in names)


_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _unit_line(text: str) -> bool:
    """True for a line that states only the table's unit (``in € million``, ``(단위: 원)``)."""
    if lx.UNIT_LINE.match(text):
        return True
    scale, currency = scale_currency(text)
    return (scale or currency) is not None and len(text) <= _NAME_CHARS and not _DATED.search(text)


def _runs(rows: list[tuple[int, str, list[str]]]) -> list[list[tuple[int, str, list[str]]]]:
    """The rows split where two labels or more in a row stand between rows of values (the
    column names of the next table): each part starts with its first row of values."""
    out: list[list[tuple[int, str, list[str]]]] = []
    current: list[tuple[int, str, list[str]]] = []
    empty = 0
    for row in rows:
        if not row[2]:
            empty += 1
            current.append(row)
            continue
        if empty >= 2 and any(r[2] for r in current):
            out.append(current[:-empty])
            current = []
        elif not any(r[2] for r in current):
            current = []  # labels above the first row of values: the column names
        empty = 0
        current.append(row)
    if current:
        out.append(current[: len(current) - empty] if empty else current)
    return out


_MIN_CELL_LINES = 8
_PIPE_CELL = re.compile(r"[^|]+")


def cell_lines(lines: Sequence[str]) -> list[tuple[int, int, str]] | None:
    """A pasted table whose every line holds one cell between pipes (``654.2 |``), as
    (line, offset of the cell in it, cell text), lines without a cell left out; None unless
    every line holds one cell at most and most hold one."""
    out: list[tuple[int, int, str]] = []
    for n, line in enumerate(lines):
        cells = [m for m in _PIPE_CELL.finditer(line) if m.group(0).strip()]
        if len(cells) > 1:
            return None
        if cells:
            body = cells[0].group(0)
            out.append((n, cells[0].start() + len(body) - len(body.lstrip()), body.strip()))
    return out if len(out) >= _MIN_CELL_LINES and len(out) * 4 >= len(lines) * 3 else None


def stacked_tables(lines: Sequence[str]) -> list[TextTable]:
    """The one-cell-per-line tables among ``lines`` (a chunk of a plain-text document)."""
    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        rows, stop = _rows(lines, i)
        for run in _runs(rows):
            sizes = [len(v) for _, _, v in run if v]
            if len(sizes) < _MIN_ROWS or min(sizes) < 2 or len(set(sizes)) != 1:
                continue
            k, first = sizes[0], run[0][0]
            end = run[-1][0] + 1
            while end < len(lines) and _kind(lines[end]) in ("currency", "value", "close"):
                end += 1
            grid = [[label, *(values or [""] * k)] for _, label, values in run]
            named = _names(lines, first, k)
            before = out[-1] if out else None
            if (
                named is None
                and before is not None
                and before.header
                and len(before.grid[0]) == k + 1
            ):
                named = (first, before.grid[0])  # the same table going on below its rows
            if named is None:
                out.append(TextTable(first, end, grid, False))
            else:
                out.append(TextTable(named[0], end, [named[1], *grid], True))
        i = max(stop, i + 1)
    return [t for n, t in enumerate(out) if n == 0 or t.start >= out[n - 1].end]


__all__ = ["cell_lines", "stacked_tables"]
