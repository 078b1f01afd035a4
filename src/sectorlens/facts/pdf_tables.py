"""Tables on a PDF page from aligned segments: rows with numbers in columns, headers above.

A row is a line with at least two segments, one of them (not the first) a number; consecutive
rows (with section-label lines between them allowed) make a table when there are at least two,
and the columns are the x-extents the rows' segments share. Only grids with at least two
columns and two numeric cells are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sectorlens.facts import lexicon as lx
from sectorlens.facts.assemble import RawBlock
from sectorlens.facts.document import BlockKind
from sectorlens.facts.pdf_layout import Line, Segment, widest_free
from sectorlens.facts.sentences import joiner
from sectorlens.facts.tables import build_table, is_value

ROW_GAP = 2.2  # line gaps within a table, in font sizes
MAX_HEADER_LINES = 3
MAX_LABEL_LINES = 4  # label-only lines in a row inside a table
MAX_HEADER_CELL = 40


@dataclass(slots=True)
class PageTable:
    """A table found on a page, with its box (for reading order) and its segments' ids."""

    block: RawBlock
    top: float
    x0: float
    x1: float
    ids: frozenset[int] = frozenset()
    segments: tuple[Segment, ...] = ()

    @property
    def labelled(self) -> bool:
        """True when some cell holds a word: a grid of bare numbers is a chart's labels."""
        table = self.block.table
        return table is None or any(ch.isalpha() for cell in table.cells for ch in cell.text)


def _numeric(seg: Segment) -> bool:
    return is_value(seg.text)


MAX_LABEL = 80
_PERIOD = re.compile(r"^(?:FY|CY|[1-4]Q|Q[1-4]|[12]H|H[12])?\s?'?(?:19|20)\d{2}[AEFP]?$", re.I)
MAX_CELL = 30


def _is_row(line: Line) -> bool:
    """At least two segments, a number after the first, and no run of prose among them."""
    segs = line.segments
    return (
        len(segs) >= 2
        and any(_numeric(s) and not _PERIOD.match(s.text) for s in segs[1:])
        and len(segs[0].text) <= MAX_LABEL
        and all(len(s.text) <= MAX_CELL or _numeric(s) for s in segs[1:])
    )


def _close(a: Line, b: Line) -> bool:
    size = max(s.size for s in a.segments + b.segments)
    return b.top - a.bottom <= ROW_GAP * size


def find_tables(lines: list[Line]) -> tuple[list[PageTable], set[int]]:
    """The page's tables and the ids of the segments they use."""
    tables: list[PageTable] = []
    used: set[int] = set()
    i = 0
    n = len(lines)
    while i < n:
        if not _is_row(lines[i]):
            i += 1
            continue
        body = [i]
        pending: list[int] = []  # label lines kept only if a row follows them
        left = lines[i].segments[0].x0
        k = i + 1
        while k < n and _close(lines[k - 1], lines[k]):
            line = lines[k]
            if _is_row(line) or all(_numeric(s) for s in line.segments):
                body.extend(pending)
                pending = []
                body.append(k)
            elif len(pending) < MAX_LABEL_LINES and _is_label_line(line, left):
                pending.append(k)
            else:
                break
            k += 1
        k = body[-1] + 1
        rows = [b for b in body if _is_row(lines[b])]
        # Section labels right above the first row (``Net revenue:``) belong to the body, and
        # the header lines sit above them.
        lead: list[int] = []
        h = i - 1
        while (
            h >= 0
            and len(lead) < 2
            and _close(lines[h], lines[h + 1])
            and _is_label_line(lines[h], left)
            and len(lines[h].segments) == 1
            and lines[h].segments[0].x1 < _value_left(lines[i])
            and not _is_header(lines[h], lines[h + 1], lines[i], strict=True)
        ):
            lead.insert(0, h)
            h -= 1
        head: list[int] = []
        while (
            h >= 0 and len(head) < MAX_HEADER_LINES and _is_header(lines[h], lines[h + 1], lines[i])
        ):
            head.insert(0, h)
            h -= 1
        if lead and not head:
            lead, h = [], i - 1  # no header above them: they are text before the table
        body = lead + body
        # one row is a table only under a header, with three values or more
        single = len(rows) == 1 and head and sum(map(_numeric, lines[i].segments)) >= 3
        if len(rows) < 2 and not single:
            i += 1
            continue
        table = _table([lines[x] for x in head], [lines[x] for x in body])
        if table is not None:
            tables.append(table)
            for x in head + body:
                used.update(id(s) for s in lines[x].segments)
        i = k
    return tables, used


def _is_label_line(line: Line, left: float) -> bool:
    """A line with only a row label (a section label, or a label wrapped onto its own line)."""
    segs = line.segments
    return (
        len(segs) <= 2
        and not lx.CAPTION.match(line.text)  # a figure's caption ends the table above it
        and len(line.text) <= 60
        and abs(segs[0].x0 - left) < 4 * segs[0].size
        and not line.text.rstrip().endswith(lx.TERMINAL)
    )


def _value_left(row: Line) -> float:
    """Where the values of a row begin (its first numeric segment)."""
    return min((s.x0 for s in row.segments[1:] if _numeric(s)), default=row.segments[-1].x0)


def _is_header(line: Line, below: Line, first_row: Line, *, strict: bool = False) -> bool:
    """A header line above a table's first row: short cells, over the value columns (or
    with two segments or more); ``strict``: one that is over the value columns."""
    if not _close(line, below) or _is_row(line):
        return False
    if line.text.rstrip().endswith(lx.TERMINAL):
        return False
    first, *rest = line.segments
    over_values = first.x0 >= _value_left(first_row) - 3 * first.size
    return (
        len(first.text) <= MAX_LABEL
        and all(len(s.text) <= MAX_HEADER_CELL for s in rest)
        and first.size <= 1.15 * first_row.segments[0].size
        and (over_values if strict else (len(line.segments) >= 2 or over_values))
    )


def _columns(lines: list[Line]) -> list[tuple[float, float]]:
    spans = sorted((s.x0, s.x1) for line in lines for s in line.segments)
    cols: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + 1:
            cols[-1] = (cols[-1][0], max(cols[-1][1], x1))
        else:
            cols.append((x0, x1))
    return cols


def _aligned_below(seg: Segment, above: Line) -> bool:
    """True when ``seg`` sits under a segment of the line above, aligned with it (left, right
    or centre): the next line of a wrapped cell, not a header spanning columns."""
    tol = 0.5 * seg.size
    return any(
        abs(seg.x0 - a.x0) < tol
        or abs(seg.x1 - a.x1) < tol
        or abs(seg.x0 + seg.x1 - a.x0 - a.x1) < 2 * tol
        for a in above.segments
    )


def _one_column(seg: Segment, cols: list[tuple[float, float]]) -> int | None:
    """The only value column ``seg`` lies over, if it lies over one."""
    hit = [c for c, col in enumerate(cols) if c > 0 and _overlap(seg, col) > 0]
    return hit[0] if len(hit) == 1 else None


def _overlap(seg: Segment, col: tuple[float, float]) -> float:
    return min(seg.x1, col[1]) - max(seg.x0, col[0])


def _table(head: list[Line], body: list[Line]) -> PageTable | None:
    cols = _columns([line for line in body if _is_row(line)])
    if len(cols) < 2:
        return None
    grid: list[list[str]] = []
    for k, line in enumerate(head):
        row = [""] * len(cols)
        spanning = [s for s in line.segments if s.x0 > cols[0][1]]
        under = [_one_column(seg, cols) for seg in spanning]
        if (
            grid
            and spanning
            and all(c is not None and grid[-1][c] for c in under)
            and all(_aligned_below(seg, head[k - 1]) for seg in spanning)
        ):
            # a header cell wrapped onto the next line (Change from / prior year): each piece
            # goes on with the cell above it, not over every column
            for seg, c in zip(spanning, under, strict=True):
                assert c is not None
                grid[-1][c] = grid[-1][c] + joiner(grid[-1][c][-1:], seg.text) + seg.text
            continue
        if spanning and len(spanning) < len(cols) - 1:
            # a sparse header line (GAAP | Non-GAAP over three columns each): every value
            # column takes the header whose centre is nearest to its own
            for c in range(1, len(cols)):
                centre = sum(cols[c]) / 2
                seg = min(spanning, key=lambda s: abs((s.x0 + s.x1) / 2 - centre))
                row[c] = seg.text
            for seg in line.segments:
                if seg not in spanning:
                    row[0] = f"{row[0]} {seg.text}".strip()
            grid.append(row)
            continue
        for seg in line.segments:
            hit = [c for c, col in enumerate(cols) if _overlap(seg, col) > 0]
            if not hit:
                centre = (seg.x0 + seg.x1) / 2
                hit = [min(range(len(cols)), key=lambda c: abs(sum(cols[c]) / 2 - centre))]
            for c in hit:
                row[c] = f"{row[c]} {seg.text}".strip()
        grid.append(row)
    header_rows = len(grid)
    label_right = max(
        (line.segments[0].x1 for line in body if not _numeric(line.segments[0])), default=0.0
    )
    previous: Line | None = None
    indents: list[float | None] = [None] * len(grid)  # the header rows: no row labels
    for line in body:
        first = line.segments[0]
        if (
            previous is not None
            and len(line.segments) == 1
            and not _numeric(first)
            and not first.text.rstrip().endswith((":", "："))  # a section label of its own
            and not grid[-1][0].rstrip().endswith((":", "："))
            and previous.segments[0].x1 >= label_right - 2 * first.size
            and abs(first.x0 - previous.segments[0].x0) < 2 * first.size
            and grid
        ):
            # a row label wrapped onto the next line: it continues the label above
            label = grid[-1][0]
            grid[-1][0] = label + joiner(label[-1:] or " ", first.text) + first.text
            previous = line
            continue
        row = [""] * len(cols)
        for seg in line.segments:
            c = max(range(len(cols)), key=lambda c: _overlap(seg, cols[c]))
            row[c] = f"{row[c]} {seg.text}".strip()
        grid.append(row)
        indents.append(None if _numeric(first) else first.x0)
        previous = line
    built = build_table(grid, marked_header_rows=header_rows or None, indents=indents)
    if built is None:
        return None
    text, table = built
    numeric = sum(1 for cell in table.cells if is_value(cell.text))
    if table.cols < 2 or table.rows < 2 or numeric < 2:
        return None
    segs = [s for line in head + body for s in line.segments]
    return PageTable(
        RawBlock(BlockKind.TABLE, text, table=table),
        min(s.top for s in segs),
        min(s.x0 for s in segs),
        max(s.x1 for s in segs),
        frozenset(id(s) for s in segs),
        tuple(segs),
    )


def read_across(table: PageTable, gap: tuple[float, float]) -> bool:
    """True when ``table`` is not one table but lines of two columns of prose read across the
    page's gutter (``gap``: the space between the columns' prose; no cell crosses some line
    in it): two tables side by side, each with row labels of its own beside numbers, or the
    lines of a column of prose beside the numbers of a table or a chart in the other column."""
    gutter = widest_free(table.segments, *gap)  # the table's own gutter: its widest gap
    if gutter is None:
        return False
    sides = (
        [s for s in table.segments if s.x1 <= gutter + 2],
        [s for s in table.segments if s.x0 >= gutter - 2],
    )
    if not all(sides):
        return False
    return all(_labels_beside_numbers(side) for side in sides) or any(
        _prose_lines(side) for side in sides
    )


def _labels_beside_numbers(side: list[Segment]) -> bool:
    left = min(s.x0 for s in side)
    labels = [
        s
        for s in side
        if s.x0 - left < s.size and not _numeric(s) and any(ch.isalpha() for ch in s.text)
    ]
    return len(labels) >= 2 and any(_numeric(s) for s in side)


def _prose_lines(side: list[Segment]) -> bool:
    """Lines of words set to one measure, as a column of prose is (table labels vary in
    width), with a stray number at most (a footnote's)."""
    words = [s for s in side if not _numeric(s)]
    if len(words) < 3 or 4 * (len(side) - len(words)) > len(side):
        return False
    widest = max(s.x1 - s.x0 for s in words)
    full = sum(1 for s in words if s.x1 - s.x0 >= 0.8 * widest)
    return full >= 0.6 * len(words)
