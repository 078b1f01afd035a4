"""One document model for every format: blocks with locators, sentences and table cells.

The interface (stable; readers in ``facts/read_*.py`` build it, extraction reads it):

- ``Document``: ``blocks`` (in reading order), ``text`` (one flat text; every block, sentence and
  cell maps into it), ``name``, ``format``, ``pages`` (PDF page count, else None) and
  ``dropped`` (page furniture and marks a reader removed: running headers, page numbers, footnote
  marks, link targets — kept so that no number vanishes silently).
- ``Block``: ``index``, ``kind`` (``BlockKind``), ``text`` (markup removed, line breaks
  resolved), ``page`` (PDF, 1-based), ``level`` (headings: 1 = top; None where unknown),
  ``marker`` (a list item's bullet or number, removed from ``text``), ``prose`` (False for
  figure labels such as chart axis ticks: not statements, an extractor skips them),
  ``sentences`` (paragraph-like blocks), ``table`` (tables). ``block.doc_span(a, b)`` maps
  offsets of ``block.text`` to ``Document.text``.
- ``Sentence``: ``index`` within its block, ``text``, ``start``/``end`` in ``block.text``.
- ``Table``: ``cells`` (``Cell``: ``row``, ``col``, ``text``, ``start``/``end`` in
  ``block.text``, ``header``), ``rows``, ``cols``, ``header_rows``, ``header_cols``;
  ``table.column_header(col)`` and ``table.row_header(row)`` name a cell's headers; ``parts``
  are the first columns of side-by-side tables sharing one grid (``part_of``, ``row_label``);
  ``levels`` the rows' outline levels where a reader saw indents (``tables.row_parents``).
- ``Locator``: where a thing is — ``page``, ``block``, ``sentence``, ``row``/``col``;
  ``block.locate(offset)`` and ``document.locate(doc_offset)`` build one.

Compatibility with the line-based extractor: ``Document.lines`` (the text with non-prose blocks
blanked), ``line_of``, ``line_start``, ``page_of`` and ``page_lines``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    CAPTION = "caption"
    FIGURE_LABELS = "figure_labels"
    FOOTNOTE = "footnote"
    FRONT_MATTER = "front_matter"


# Blocks whose text is split into sentences.
SENTENCE_KINDS = frozenset(
    {
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.CAPTION,
        BlockKind.FOOTNOTE,
    }
)


@dataclass(frozen=True, slots=True)
class Locator:
    """Where something sits: page (PDF), block, sentence in the block, table cell."""

    block: int
    page: int | None = None
    sentence: int | None = None
    row: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        parts = [] if self.page is None else [f"p. {self.page}"]
        parts.append(f"block {self.block}")
        if self.sentence is not None:
            parts.append(f"sentence {self.sentence + 1}")
        if self.row is not None:
            parts.append(f"row {self.row + 1}, col {(self.col or 0) + 1}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a block: ``text == block.text[start:end]``."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: ``text == block.text[start:end]``; ``header`` if in a header row or column."""

    row: int
    col: int
    text: str
    start: int
    end: int
    header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A grid of cells (row-major), with how many leading rows and columns are headers."""

    cells: tuple[Cell, ...]
    rows: int
    cols: int
    header_rows: int = 0
    header_cols: int = 0
    # Side-by-side tables in one grid: the first column of every table after the first (a
    # column of row labels in the middle of the grid starts a new table).
    parts: tuple[int, ...] = ()
    # Outline level of every row (0 = flush left, 1 = set in under it, ...) where the reader
    # saw the indents (PDF); empty when unknown or flat.
    levels: tuple[int, ...] = ()

    def level(self, row: int) -> int:
        """The outline level of ``row`` (0 where unknown)."""
        return self.levels[row] if row < len(self.levels) else 0

    def part_of(self, col: int) -> tuple[int, int]:
        """The columns ``[start, stop)`` of the side-by-side table that holds ``col``."""
        start, stop = 0, self.cols
        for p in self.parts:
            if p <= col:
                start = p
            else:
                stop = p
                break
        return start, stop

    def row_label(self, row: int, col: int) -> str:
        """The label of ``row`` for a cell in column ``col`` (its own table's label column)."""
        start, _ = self.part_of(col)
        if start == 0 and not self.header_cols:
            # no label column known: the first cell with a word in it (| 1 | 3 | NVIDIA | …: a
            # rank before the name), else the first cell, whatever it is
            left = [c for c in self.row(row)[:col] if c is not None]
            named = [c for c in left if any(ch.isalpha() for ch in c.text)]
            first = named[0] if named else self.cell(row, 0)
            return first.text if first is not None and col > 0 else ""
        if start == 0:
            return self.row_header(row)
        first = self.cell(row, start)
        if first is not None and first.header:
            return first.text
        return self.row_header(row)  # a table without its own labels shares the first one's

    def cell(self, row: int, col: int) -> Cell | None:
        """The cell at (row, col), or None outside the grid."""
        if 0 <= row < self.rows and 0 <= col < self.cols:
            return self.cells[row * self.cols + col]
        return None

    def row(self, row: int) -> tuple[Cell, ...]:
        """The cells of one row."""
        return self.cells[row * self.cols : (row + 1) * self.cols]

    def column(self, col: int) -> tuple[Cell, ...]:
        """The cells of one column."""
        return self.cells[col :: self.cols]

    def column_header(self, col: int) -> str:
        """The header rows' texts above ``col`` joined by `` / `` (empty cells skipped)."""
        texts = [self.cells[r * self.cols + col].text for r in range(self.header_rows)]
        return " / ".join(t for t in texts if t)

    def row_header(self, row: int) -> str:
        """The header columns' texts left of ``row`` joined by `` / ``."""
        texts = [self.cells[row * self.cols + c].text for c in range(self.header_cols)]
        return " / ".join(t for t in texts if t)


@dataclass(frozen=True, slots=True)
class Dropped:
    """Text a reader removed from the blocks (page furniture, marks), with why."""

    text: str
    reason: str  # "page number", "running header", "running footer", "footnote mark", ...
    page: int | None = None
    block: int | None = None  # the block a mark was removed from


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a document; ``segments`` map ``text`` offsets to ``Document.text``.

    A segment ``(local, source, length)`` says ``text[local:local+length]`` is
    ``Document.text[source:source+length]``; characters between segments were inserted (a space
    for a line break) and map to the end of the segment before.
    """

    index: int
    kind: BlockKind
    text: str
    segments: tuple[tuple[int, int, int], ...]
    page: int | None = None
    level: int | None = None
    marker: str | None = None
    prose: bool = True
    sentences: tuple[Sentence, ...] = ()
    table: Table | None = None

    @property
    def span(self) -> tuple[int, int]:
        """The block's extent in ``Document.text``."""
        if not self.segments:
            return (0, 0)
        first, last = self.segments[0], self.segments[-1]
        return first[1], last[1] + last[2]

    def doc_offset(self, local: int) -> int:
        """The ``Document.text`` offset of ``text[local]``."""
        if not self.segments:
            return 0
        i = max(0, bisect.bisect_right(self.segments, (local, 1 << 62, 0)) - 1)
        loc, src, length = self.segments[i]
        return src + min(local - loc, max(length - 1, 0)) if local >= loc else src

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        """``Document.text`` offsets of ``text[start:end]``."""
        if end <= start:
            a = self.doc_offset(start)
            return a, a
        return self.doc_offset(start), self.doc_offset(end - 1) + 1

    def local_offset(self, doc_offset: int) -> int:
        """The offset in ``text`` of ``Document.text[doc_offset]`` (nearest before if inserted)."""
        sources = [s for _, s, _ in self.segments]
        i = max(0, bisect.bisect_right(sources, doc_offset) - 1)
        loc, src, length = self.segments[i]
        return loc + min(max(doc_offset - src, 0), length)

    def locate(self, local: int) -> Locator:
        """The locator of ``text[local]``: sentence or table cell where there is one."""
        if self.table is not None:
            for cell in self.table.cells:
                if cell.start <= local < max(cell.end, cell.start + 1):
                    return Locator(self.index, self.page, None, cell.row, cell.col)
            return Locator(self.index, self.page)
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, local) - 1
        return Locator(self.index, self.page, i if i >= 0 else None)


@dataclass(frozen=True)
class Document:
    """A report read into blocks; see the module docstring for the interface."""

    text: str
    blocks: tuple[Block, ...] = ()
    name: str = "<text>"
    format: str = "txt"
    pages: int | None = None
    dropped: tuple[Dropped, ...] = ()
    _line_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)
    _block_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        text = self.text
        starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self._line_starts.extend(starts)
        self._block_starts.extend(b.span[0] for b in self.blocks)

    # --- the block model -----------------------------------------------------------------

    def block_at(self, doc_offset: int) -> Block | None:
        """The block whose span holds ``doc_offset``, if any."""
        i = bisect.bisect_right(self._block_starts, doc_offset) - 1
        for j in (i, i - 1):
            if 0 <= j < len(self.blocks):
                a, b = self.blocks[j].span
                if a <= doc_offset < b:
                    return self.blocks[j]
        return None

    def locate(self, doc_offset: int) -> Locator | None:
        """The locator of ``Document.text[doc_offset]``, or None between blocks."""
        block = self.block_at(doc_offset)
        if block is None:
            return None
        return block.locate(block.local_offset(doc_offset))

    def headings(self) -> tuple[Block, ...]:
        """The heading blocks, in order."""
        return tuple(b for b in self.blocks if b.kind is BlockKind.HEADING)

    # --- compatibility with the line-based extractor ---------------------------------------

    @property
    def lines(self) -> list[str]:
        """The text's lines; figure labels and other non-prose blocks are blanked."""
        return self.prose_text.split("\n")

    @property
    def prose_text(self) -> str:
        """``text`` with the characters of non-prose blocks replaced by spaces (offsets kept)."""
        hidden = [b.span for b in self.blocks if not b.prose]
        if not hidden:
            return self.text
        chars = list(self.text)
        for a, b in hidden:
            for k in range(a, b):
                if chars[k] != "\n":
                    chars[k] = " "
        return "".join(chars)

    @property
    def page_lines(self) -> tuple[int, ...]:
        """1-based first line of each page (PDF only)."""
        if self.pages is None:
            return ()
        firsts: dict[int, int] = {}
        for b in self.blocks:
            if b.page is not None and b.page not in firsts:
                firsts[b.page] = self.line_of(b.span[0])
        out: list[int] = []
        for page in range(1, self.pages + 1):
            out.append(firsts.get(page, out[-1] if out else 1))
        return tuple(out)

    def line_of(self, offset: int) -> int:
        """The 1-based line number holding character ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def line_start(self, line: int) -> int:
        """The offset of the first character of 1-based ``line``."""
        return self._line_starts[line - 1]

    def page_of(self, line: int) -> int | None:
        """The 1-based page of ``line`` for paged inputs, else None."""
        if self.pages is None:
            return None
        block = self.block_at(self.line_start(line)) if line <= len(self._line_starts) else None
        if block is not None and block.page is not None:
            return block.page
        return max(1, bisect.bisect_right(self.page_lines, line))
