"""Plain text into blocks; ``Document.text`` stays the source (offsets are the file's).

Paragraphs by blank lines, wrapped lines joined (a space or nothing, by script), bullets start
list items, a lone short line is a heading, tab-separated lines or columns set with spaces are
a table. The line helpers here are shared with the Markdown reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sectorlens.facts import lexicon as lx
from sectorlens.facts.block_builder import BlockBuilder, make_block
from sectorlens.facts.document import Block, BlockKind, Document, Dropped, Table
from sectorlens.facts.sentences import joiner
from sectorlens.facts.stacked_tables import cell_lines, stacked_tables
from sectorlens.facts.tables import build_table
from sectorlens.facts.text_tables import aligned_grid, text_tables

HEADING_MAX_CHARS = 60


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset in the source of the first character
    text: str  # without the line end


def split_lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append(Line(pos, line))
        pos += len(line) + 1
    return out


def _chunks(lines: list[Line]) -> list[list[Line]]:
    chunks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


class Blocks:
    """Collects blocks in order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []

    def add(
        self,
        kind: BlockKind,
        b: BlockBuilder,
        *,
        level: int | None = None,
        marker: str | None = None,
        table: Table | None = None,
    ) -> None:
        text = b.text
        if not text.strip():
            return
        self.blocks.append(
            make_block(
                len(self.blocks),
                kind,
                text,
                tuple(b.segments),
                level=level,
                marker=marker,
                table=table,
            )
        )


def add_line(
    b: BlockBuilder, line: Line, add: Callable[[BlockBuilder, str, int], None] | None = None
) -> None:
    """Append a wrapped line: strip its edges, join to what is there by script; ``add`` puts
    the line's text in (Markdown removes its inline markup there)."""
    body = line.text.strip()
    if not body:
        return
    lead = line.text.index(body[0])
    if b.length:
        b.insert(joiner(b.last_char() + (" " if b.trailing_space else ""), body))
    if add is not None:
        add(b, body, line.start + lead)
    else:
        b.add(body, line.start + lead)
    b.trailing_space = line.text != line.text.rstrip()


# --- plain text ------------------------------------------------------------------------------


def read_plain(text: str, name: str) -> Document:
    """Blocks of a plain-text document (``text`` already normalized to ``\\n`` line ends)."""
    out = Blocks()
    above: list[str] = []  # the lines before the chunk (a table's header set apart above it)
    for chunk in (part for whole in _chunks(split_lines(text)) for part in _pipe_runs(whole)):
        prior, above = above, [*above[-2:], *(ln.text for ln in chunk[-3:])][-3:]
        if len(chunk) >= 2 and all(_PIPE_ROW.search(ln.text) for ln in chunk):
            from sectorlens.facts.read_markdown import pipe_table

            cells = cell_lines([ln.text for ln in chunk])
            lines = [Line(chunk[n].start + at, text) for n, at, text in cells or ()]
            if lines and stacked_tables([ln.text for ln in lines]):
                _plain_chunk(out, lines)  # New business | / 654.2 | / …: one cell per line
                continue

            lead = _title_rows(chunk)
            if lead:  # the table's title and unit set as rows of their own: prose above it
                _prose(out, chunk[:lead])
            pipe_table(out, chunk[lead:])
            continue
        if len(chunk) >= 2 and all("\t" in ln.text for ln in chunk):
            _table(out, [[c for c in ln.text.strip().split("\t")] for ln in chunk], chunk)
            continue
        grid = aligned_grid([ln.text for ln in chunk])
        if grid is not None:
            place_table(out, chunk, grid, None)
            continue
        _plain_chunk(out, chunk, prior)
    return Document(text, tuple(out.blocks), name, "txt")


def _plain_chunk(out: Blocks, chunk: list[Line], above: Sequence[str] = ()) -> None:
    """The single-space or one-cell-per-line tables of a chunk, and the prose around them;
    ``above``: the lines before the chunk."""
    at = 0
    texts = [ln.text for ln in chunk]
    for found in stacked_tables(texts) or text_tables(texts, above):
        if found.start > at:
            _prose(out, chunk[at : found.start])
        rows = chunk[found.start : found.end]
        indents = getattr(found, "indents", ())  # (stacked tables know none)
        place_table(out, rows, found.grid, int(found.header), indents or None)
        at = found.end
    if at < len(chunk):
        _prose(out, chunk[at:])


def _prose(out: Blocks, chunk: list[Line]) -> None:
    """Paragraphs, list items and headings of a chunk of lines that holds no table."""
    b = BlockBuilder()
    kind, marker = BlockKind.PARAGRAPH, None
    for k, line in enumerate(chunk):
        m = lx.BULLET.match(line.text)
        source = len(chunk) > 1 and _CREDIT_LINE.match(line.text) is not None
        if not m and len(chunk) > 1 and (source or _heading_line(chunk, k)):
            # 一、农业生产基本稳定 on a line of its own between paragraphs: a heading; 출처: …,
            # 한국철강협회 / 페로타임즈 정리: a source's caption
            if b.length:
                out.add(_plain_kind([], b.text) if kind is BlockKind.PARAGRAPH else kind, b)
            h = BlockBuilder()
            add_line(h, line)
            if source:
                out.add(BlockKind.CAPTION, h)
            else:
                out.add(BlockKind.HEADING, h, level=_heading_level(line.text))
            b, kind, marker = BlockBuilder(), BlockKind.PARAGRAPH, None
            continue
        if m and b.length:
            out.add(kind, b, marker=marker)
            b = BlockBuilder()
        if m and not b.length:
            kind, marker = BlockKind.LIST_ITEM, m.group(0).strip()
            add_line(b, Line(line.start + m.end(), line.text[m.end() :]))
            continue
        add_line(b, line)
    level = None
    if kind is BlockKind.PARAGRAPH:
        kind = _plain_kind(chunk, b.text)
        level = _heading_level(b.text) if kind is BlockKind.HEADING else None
    out.add(kind, b, marker=marker, level=level)


_NUMBERED_HEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.)、]\s|[IVX]+\.\s|[①-⑳])")


_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")


def _heading_line(chunk: list[Line], k: int) -> bool:
    """A short line with no sentence end between lines that end sentences (or the chunk's
    edges), followed by more text: a heading set on a line of its own, not a wrapped line."""
    body = chunk[k].text.strip()
    if (
        not body
        or (len(body) > 40 and not _title_like(body))
        or len(body) > 70
        or k + 1 >= len(chunk)
    ):
        return False
    if body.endswith(lx.TERMINAL) or body.endswith((",", "，", "、", ":", "：", ";", "；")):
        return False
    if not any(ch.isalpha() for ch in body) or lx.CAPTION.match(body):
        return False
    widest = max(len(ln.text.strip()) for ln in chunk)
    if len(body) > 0.6 * widest and not _title_like(body):
        return False  # as wide as the lines around it: a wrapped line of a paragraph
    before = chunk[k - 1].text.rstrip() if k else ""
    if not before or before.endswith(lx.TERMINAL) or _NUMBERED_HEAD.match(body):
        return True
    after = chunk[k + 1].text.strip()
    if body[:1].isascii() and after[:1].isupper() and not re.search(r"\d", _YEARS.sub("", body)):
        return True  # Full Year 2022 Highlights between lines of figures: a title
    return k == 1 and _heading_line(chunk, 0)  # a title and the dateline under it


def _title_like(body: str) -> bool:
    """``Full Year 2022 Highlights``: Latin words in title case and no figure but a year."""
    words = re.findall(r"[A-Za-z][\w'-]*", body)
    if len(words) < 2 or re.search(r"\d", _YEARS.sub("", body)):
        return False
    return all(w[0].isupper() for w in words if len(w) > 3 and w.lower() not in _SMALL_WORDS)


_SMALL_WORDS = frozenset(["with", "from", "than", "into", "over", "versus"])


def _heading_level(text: str) -> int:
    """1 for a numbered heading (一、, 1.), else 2."""
    return 1 if _NUMBERED_HEAD.match(text) else 2


# a row of cells set between pipes, or a section label closed by one (按經營地分 |)
_PIPE_ROW = re.compile(r"\|[^|\n]*\||^[^|]+\|\s*$")


def _title_rows(chunk: list[Line]) -> int:
    """How many rows open a pasted table with text in their first cell alone (``2—7 三次产业对
    经济增长的贡献率 | ||||``, ``单位:% | |||``): its title and unit, not its header; two
    rows at least stay for the table."""
    k = 0
    while k < len(chunk) - 2:
        cells = [c.strip() for c in chunk[k].text.strip().strip("|").split("|")]
        if not cells[0] or any(cells[1:]) or _value_like(cells[0]):
            break  # 2021年GDP初步核算数据 | (one cell) is a title too
        k += 1
    return k


def _value_like(text: str) -> bool:
    return bool(re.fullmatch(r"[-+(]?[\d.,]+%?\)?", text))


def _pipe_runs(chunk: list[Line]) -> list[list[Line]]:
    """A chunk split where a run of two or more pipe-separated rows (a pasted table) starts or
    ends: the table is a block of its own, the prose around it stays prose."""
    out: list[list[Line]] = []
    i = 0
    while i < len(chunk):
        j = i
        while j < len(chunk) and _PIPE_ROW.search(chunk[j].text):
            j += 1
        if j - i >= 2:
            out.append(chunk[i:j])
            i = j
            continue
        start = i
        i = max(j, i + 1)
        while i < len(chunk):
            k = i
            while k < len(chunk) and _PIPE_ROW.search(chunk[k].text):
                k += 1
            if k - i >= 2:
                break
            i = max(k, i + 1)
        out.append(chunk[start:i])
    return out


# a line that credits a source (출처: …, 자료=통계청 제공, 한국철강협회 / 페로타임즈 정리):
# a caption of the figure or table it sits by, no heading of what follows
_CREDIT_LINE = re.compile(
    rf"^\s*[(（]?\s*(?:{lx.SOURCE_WORDS}|사진|그래픽|photo|数据来源|資料來源|來源)\s*[:：=]"
    r"|^[^\d\n]{0,40}(?:정리|제공|캡처)\s*[.)）]?\s*$",
    re.I,
)


def _plain_kind(chunk: list[Line], text: str) -> BlockKind:
    if lx.CAPTION.match(text) or (len(chunk) == 1 and _CREDIT_LINE.match(text)):
        return BlockKind.CAPTION
    if (
        len(chunk) == 1
        and len(text) <= HEADING_MAX_CHARS
        and not text.endswith(lx.TERMINAL)
        and not text.endswith((",", "，", "、", ":", "："))
        and any(ch.isalpha() for ch in text)
    ):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _table(out: Blocks, grid: list[list[str]], chunk: list[Line]) -> None:
    """A table block; each cell maps back to its place in the source."""
    built = build_table(grid)
    if built is None:
        return
    text, table = built
    sources: dict[str, list[int]] = {}
    for ln in chunk:
        pos = ln.start
        for part in ln.text.split("\t"):
            body = " ".join(part.split())
            if body:
                sources.setdefault(body, []).append(pos + part.index(body.split()[0]))
            pos += len(part) + 1
    b = BlockBuilder()
    cursor = 0
    for cell in table.cells:
        if cell.start > cursor:
            b.insert(text[cursor : cell.start])
        found = sources.get(cell.text)
        if found and cell.text:
            b.add(cell.text, found.pop(0))
        else:
            b.insert(cell.text)
        cursor = cell.end
    if cursor < len(text):
        b.insert(text[cursor:])
    out.add(BlockKind.TABLE, b, table=table)


def place_table(
    out: Blocks,
    rows: list[Line],
    grid: list[list[str]],
    marked: int | None,
    indents: Sequence[float | None] | None = None,
) -> None:
    """A table block whose cells map back to their first occurrence in the source lines;
    ``indents`` (one per grid row) where the text sets rows in under others."""
    built = build_table(grid, marked_header_rows=marked, indents=indents)
    if built is None:
        return
    text, table = built
    # Cells map back to the first occurrence of their text in the table's source lines.
    b = BlockBuilder()
    cursor = 0
    search_from = rows[0].start
    # The rows as they sit in the document (lines left out between them, such as a Markdown
    # separator row, keep their room), so an offset into ``source`` is one into the document.
    parts: list[str] = []
    for ln in rows:
        gap = ln.start - rows[0].start - sum(len(x) for x in parts)
        parts.append("\n" * max(gap, 0) + ln.text)
    source = "".join(parts)
    for cell in table.cells:
        if cell.start > cursor:
            b.insert(text[cursor : cell.start])
        k = source.find(cell.text, search_from - rows[0].start) if cell.text else -1
        if k >= 0:
            b.add(cell.text, rows[0].start + k)
            search_from = rows[0].start + k + len(cell.text)
        else:
            b.insert(cell.text)
        cursor = cell.end
    if cursor < len(text):
        b.insert(text[cursor:])
    out.add(BlockKind.TABLE, b, table=table)
