"""Tables from a grid of cell texts: tidy the grid, find header rows and columns, lay out text.

Every reader (HTML ``<table>``, DOCX tables, Markdown pipe tables, PDF table finder) hands over a
list of rows of cell strings; ``build_table`` returns the block text (cells separated by tabs,
rows by line ends) and a ``Table`` whose cells point into it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from sectorlens.facts.document import Cell, Table
from sectorlens.parse import is_currency_word

MAX_HEADER_ROWS = 4
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^[\s$€£¥₩(（\-−–+△▲▽▼]*\.?\d[\d,.\s]*(?:%|％|p|%p|x|배)?[)）]?\s*\*?$", re.I)
# Column labels that look like numbers: years, quarters, fiscal years, forecasts (2024, 2Q24,
# FY23, 24F, 1H23, '21, 2023年, 2023년).
_PERIOD_LABEL = re.compile(
    r"^(?:FY\s?|CY\s?|[1-4]Q\s?|Q[1-4]\s?|[12]H\s?|H[12]\s?|’|')?(?:19|20)?\d{2}"
    r"(?:\.\d{1,2})?\s?(?:[AEFP]|年|년|[1-4]Q|Q[1-4])?$",
    re.I,
)
_CLOSING_ONLY = re.compile(r"^(?:%|％|\)|%\)|\)\s?[%％]|pts|bps|p|%p)$", re.I)


_VALUE = re.compile(
    r"^(?:up|down|flat|increase|decrease|증가|감소|상승|하락|增长|下降|增加|减少)?\s*"
    r"[+\-−–△▲▽▼]?\s*(?:US\$|C\$|A\$|HK\$|[$€£¥₩])?\s*[(（]?[+\-−–△▲▽▼]?\s?\.?\d[\d,.]*[)）]?\s*"
    r"(?:%|％|%p|%pt|ppts?|pts?|bps|bp|x|배|times|billion|million|thousand|trillion|bn|mn|tn|"
    r"[BMKT]|조\s?원|억\s?원|만\s?원|천\s?원|원|조|억|만|亿元|万元|元|亿|万|美元|달러|위안)?"
    r"[)）]?\*?$",
    re.I,
)


def is_value(text: str) -> bool:
    """True for a cell that is one quantity: a number with its sign, unit or scale
    (``$5.8 billion``, ``down 38%``, ``(12.5)%``, ``1,234억원``)."""
    return any(ch.isdigit() for ch in text) and bool(_VALUE.match(text.strip()))


def is_number(text: str) -> bool:
    """True for a cell that is one number (``1,234``, ``(8.4)``, ``$ 5``, ``12.5%``)."""
    return bool(_NUMBER.match(text)) and any(ch.isdigit() for ch in text)


def _after_label(row: Sequence[str], c: int) -> bool:
    """True where the currency cell ``row[c]`` stands after the row's label."""
    if len(row[c]) == 1:
        return any(row[:c])
    return any(x and not is_number(x) for x in row[:c])


def _merge_signs(grid: list[list[str]]) -> None:
    """A `$` cell joins the number to its right; a `%` or `)` cell joins the number to its left.
    The first cell of a row is its label, whatever it reads like (``AMD``, ``USD``): a sign
    cell stands between a label and its number. Rank or index numbers before a label do not
    make it a sign (``| 7 | 7 | AMD | 22.305 |``): a currency code or word is a sign only after
    a cell that is not a number, a single sign after any cell."""
    for r in grid:
        width = len(r)
        for c in range(width):
            if r[c] and is_currency_word(r[c]) and _after_label(r, c):
                k = c + 1
                while k < width - 1 and not r[k]:
                    k += 1
                if k < width and r[k] and any(ch.isdigit() for ch in r[k]):
                    r[k] = f"{r[c]}{r[k]}" if len(r[c]) == 1 else f"{r[c]} {r[k]}"
                    r[c] = ""
            elif _CLOSING_ONLY.match(r[c]) and c > 0:
                k = c - 1
                while k > 0 and not r[k]:
                    k -= 1
                if r[k] and any(ch.isdigit() for ch in r[k]):
                    r[k] = r[k] + r[c]
                    r[c] = ""


def tidy_grid(
    rows: Sequence[Sequence[str | None]], marked: int | None = None
) -> tuple[list[list[str]], int]:
    """Whitespace collapsed, signs merged, empty rows and body-empty columns dropped; and the
    number of header rows (``marked`` by th/thead, else found by content)."""
    grid, hr, _ = _tidy(rows, marked)
    return grid, hr


def _tidy(
    rows: Sequence[Sequence[str | None]], marked: int | None
) -> tuple[list[list[str]], int, list[int]]:
    """``tidy_grid`` and the index in ``rows`` of every row kept."""
    grid = [[_SPACE.sub(" ", c or "").strip() for c in row] for row in rows]
    index = [i for i, r in enumerate(grid) if any(r)]
    grid = [grid[i] for i in index]
    width = max((len(r) for r in grid), default=0)
    grid = [r + [""] * (width - len(r)) for r in grid]
    _merge_signs(grid)
    hr = header_rows_of(grid, marked)
    body = grid[hr:] or grid
    keep_cols = [c for c in range(width) if any(r[c] for r in body)]
    grid = [[r[c] for c in keep_cols] for r in grid]
    kept = [(i, r) for i, r in enumerate(grid) if any(r)]
    return [r for _, r in kept], sum(1 for i, _ in kept if i < hr), [index[i] for i, _ in kept]


def is_header_row(row: Sequence[str]) -> bool:
    """True for a row of labels: text, years, quarters — no value that is a plain number."""
    if not any(row):
        return False
    for c, text in enumerate(row):
        if c == 0 and text and is_value(text) and not _PERIOD_LABEL.match(text):
            return False
        if c > 0 and text and is_value(text) and not _PERIOD_LABEL.match(text):
            return False
    return True


def header_rows_of(grid: Sequence[Sequence[str]], marked: int | None = None) -> int:
    """How many leading rows are headers: ``marked`` (th/thead) if given, else by content."""
    if len(grid) < 2:
        return 0
    if marked:
        return min(marked, len(grid) - 1)
    n = 0
    while n < min(MAX_HEADER_ROWS, len(grid) - 1) and is_header_row(grid[n]):
        if n and grid[n][0].strip() and not any(t.strip() for t in grid[n][1:]):
            break  # Revenue | | | under the headers: a section label, the body's first row
        n += 1
    # Only a header if something below it holds numbers (else a text table: no header known).
    if n and not any(is_value(t) for row in grid[n:] for t in row):
        return 0
    return n


def header_cols_of(grid: Sequence[Sequence[str]], header_rows: int) -> int:
    """1 when the first column labels the rows (mostly text, and numbers to its right)."""
    body = grid[header_rows:]
    if not body or len(grid[0]) < 2:
        return 0
    firsts = [r[0] for r in body if r[0]]
    if not firsts:
        return 0
    # Years and quarters down the first column label rows too (a time series by row).
    texty = sum(1 for t in firsts if not is_value(t) or _PERIOD_LABEL.match(t))
    numbers_right = any(is_value(t) for r in body for t in r[1:])
    return 1 if numbers_right and texty * 2 >= len(firsts) else 0


def _is_label(text: str) -> bool:
    return bool(text) and not is_value(text)


def parts_of(grid: Sequence[Sequence[str]], header_rows: int) -> tuple[tuple[int, ...], bool]:
    """First columns of side-by-side tables after the first: a column of distinct row labels
    (or one headed like the first column) with values on both sides of it, else a header row
    that starts over; and whether those first columns are label columns."""
    body = grid[header_rows:]
    if len(body) < 2 or not grid or len(grid[0]) < 4:
        return (), False
    width = len(grid[0])
    head = [" ".join(r[c] for r in grid[:header_rows]).strip() for c in range(width)]
    values = [sum(1 for r in body if r[c] and is_value(r[c])) for c in range(width)]
    out: list[int] = []
    for c in range(2, width - 1):
        texts = [r[c] for r in body if r[c]]
        if len(texts) < 2 or len(texts) * 2 < len(body):
            continue
        same_head = bool(head[c]) and head[c] == head[0]
        labels = [t for t in texts if _is_label(t) or (same_head and _PERIOD_LABEL.match(t))]
        if len(labels) * 5 < len(texts) * 4 or len(set(labels)) * 10 < len(labels) * 7:
            continue  # mostly numbers, or a column of repeated words (ratings, notes)
        start = out[-1] if out else 0
        if any(values[k] for k in range(start + 1, c)) and any(values[c + 1 :]):
            out.append(c)
    if out:
        return tuple(out), True
    return tuple(_repeated_header(grid[:header_rows], width)), False


def _repeated_header(head: Sequence[Sequence[str]], width: int) -> list[int]:
    """``2022 2023 | 2022 2023``: the columns where a header row starts over (one split)."""
    for row in head:
        for k in range(3, width - 1):
            n = k - 1
            first, again = row[1:k], row[k : k + n]
            if len(again) == n and first == again and len({t for t in first if t}) >= 2:
                return [k]
    return []


def build_table(
    rows: Sequence[Sequence[str | None]],
    *,
    marked_header_rows: int | None = None,
    indents: Sequence[float | None] | None = None,
) -> tuple[str, Table] | None:
    """Block text and ``Table`` for a grid; None when nothing is left after tidying.

    ``indents`` (one per row, where the reader knows it: the x of a PDF row label) give the
    rows' outline levels: a row set in further than the rows above it is an item of them.
    """
    grid, hr, kept = _tidy(rows, marked_header_rows)
    if not grid or not grid[0]:
        return None
    n_rows, n_cols = len(grid), len(grid[0])
    hr = min(hr, max(n_rows - 1, 0))
    hc = header_cols_of(grid, hr)
    sides, labelled = parts_of(grid, hr) if hc else ((), False)
    parts: list[str] = []
    cells: list[Cell] = []
    pos = 0
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if c:
                parts.append("\t")
                pos += 1
            header = r < hr or c < hc or (labelled and c in sides)
            cells.append(Cell(r, c, text, pos, pos + len(text), header))
            parts.append(text)
            pos += len(text)
        if r + 1 < n_rows:
            parts.append("\n")
            pos += 1
    levels = outline_levels([indents[i] for i in kept]) if indents else ()
    return "".join(parts), Table(tuple(cells), n_rows, n_cols, hr, hc, sides, levels)


INDENT_STEP = 2.5  # indents closer than this (in the reader's units: PDF points) are one level


def outline_levels(indents: Sequence[float | None]) -> tuple[int, ...]:
    """Outline level of each row from its indent: 0 for the leftmost, +1 per step further in
    (an unknown indent is level 0); empty when every row sits at one level."""
    known = sorted({round(x, 1) for x in indents if x is not None})
    steps: list[float] = []
    for x in known:
        if not steps or x - steps[-1] > INDENT_STEP:
            steps.append(x)
    if len(steps) < 2:
        return ()
    out: list[int] = []
    for indent in indents:
        if indent is None:
            out.append(0)
        else:
            out.append(max(i for i, s in enumerate(steps) if indent >= s - INDENT_STEP))
    return tuple(out)


# A row that closes a section of a table (its items end above it).
_TOTAL_ROW = re.compile(
    r"^\W*(?:total|sum|합계|총계|소계|合计|合計|总计|總計|小计)|\btotal\W*$", re.I
)


def has_values(table: Table, row: int, col: int) -> bool:
    """True when ``row`` has text in a body cell of the side-by-side table of ``col``."""
    start, stop = table.part_of(col)
    return any(
        (c := table.cell(row, k)) is not None and c.text.strip() and not c.header
        for k in range(start, stop)
    )


def row_parents(
    table: Table, row: int, col: int, skip: Callable[[str], bool] | None = None
) -> tuple[str, ...]:
    """The labels of the rows ``row`` sits under, outermost first: rows above it set further
    out (by ``levels``) that are labels without values (``Net revenue:``) or rows with values
    that two rows or more set in right below them break down (``매출액`` over ``DRAM`` and
    ``NAND``); and the nearest label row above at its own level, unless a total row closes
    that section first. Totals and rows ``skip`` accepts (a growth row, ``YoY``) are nobody's
    parents."""
    out: list[str] = []
    level = table.level(row)
    total = bool(_TOTAL_ROW.search(table.row_label(row, col)))  # items are not its parents
    section = True  # a label-only row at the row's own level is still its section
    valued = True  # a row with figures may still head this one
    for r in range(row - 1, table.header_rows - 1, -1):
        label = table.row_label(r, col).strip()
        if not label or (skip is not None and skip(label)):
            continue
        lv = table.level(r)
        if _TOTAL_ROW.search(label):
            if lv >= level:
                section = False  # the section above ended with its total
            continue
        empty = not has_values(table, r, col)
        if lv < level:
            if empty or (valued and not total and _items_below(table, r, col, skip) >= 2):
                out.insert(0, label)
                level, section = lv, not empty  # a label row is its own section's head
                if level == 0 and not empty:
                    break
            elif not empty:
                valued = False  # a row further out that ends the run: no figure above heads it
        elif lv == level and section and empty:
            out.insert(0, label)
            section = False
    return tuple(out)


def _items_below(table: Table, row: int, col: int, skip: Callable[[str], bool] | None) -> int:
    """How many rows right below ``row`` are set in further than it."""
    level = table.level(row)
    n = 0
    for r in range(row + 1, table.rows):
        label = table.row_label(r, col).strip()
        if skip is not None and skip(label):
            continue
        if table.level(r) <= level:
            break
        n += 1
    return n
