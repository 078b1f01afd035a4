"""Plain text and Markdown into blocks; ``Document.text`` stays the source (offsets are the file's).

Plain text: paragraphs by blank lines, wrapped lines joined (a space or nothing, by script),
bullets start list items, a lone short line is a heading, tab-separated lines are a table.
Markdown: ATX/setext headings with their level, list items, pipe tables, YAML front matter as its
own block, footnote definitions; emphasis, code marks, links and HTML tags removed (link targets
and images recorded as dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sectorlens.facts import lexicon as lx
from sectorlens.facts.document import (
    Block,
    BlockBuilder,
    BlockKind,
    Document,
    Dropped,
    Table,
    make_block,
)
from sectorlens.facts.sentences import joiner
from sectorlens.facts.tables import build_table

HEADING_MAX_CHARS = 60


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset in the source of the first character
    text: str  # without the line end


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append(_Line(pos, line))
        pos += len(line) + 1
    return out


def _chunks(lines: list[_Line]) -> list[list[_Line]]:
    chunks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


class _Blocks:
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


def _add_line(
    b: BlockBuilder, line: _Line, inline: bool = False, drops: _Blocks | None = None
) -> None:
    """Append a wrapped line: strip its edges, join to what is there by script."""
    body = line.text.strip()
    if not body:
        return
    lead = line.text.index(body[0])
    if b.length:
        b.insert(joiner(b.last_char() + (" " if b.trailing_space else ""), body))
    if inline and drops is not None:
        _add_inline(b, body, line.start + lead, drops)
    else:
        b.add(body, line.start + lead)
    b.trailing_space = line.text != line.text.rstrip()


# --- plain text ------------------------------------------------------------------------------


def read_plain(text: str, name: str) -> Document:
    """Blocks of a plain-text document (``text`` already normalized to ``\\n`` line ends)."""
    out = _Blocks()
    for chunk in _chunks(_lines(text)):
        if len(chunk) >= 2 and all("\t" in ln.text for ln in chunk):
            _table(out, [[c for c in ln.text.strip().split("\t")] for ln in chunk], chunk)
            continue
        b = BlockBuilder()
        kind, marker = BlockKind.PARAGRAPH, None
        for line in chunk:
            m = lx.BULLET.match(line.text)
            if m and b.length:
                out.add(kind, b, marker=marker)
                b = BlockBuilder()
            if m and not b.length:
                kind, marker = BlockKind.LIST_ITEM, m.group(0).strip()
                _add_line(b, _Line(line.start + m.end(), line.text[m.end() :]))
                continue
            _add_line(b, line)
        if kind is BlockKind.PARAGRAPH:
            kind = _plain_kind(chunk, b.text)
        out.add(kind, b, marker=marker)
    return Document(text, tuple(out.blocks), name, "txt")


def _plain_kind(chunk: list[_Line], text: str) -> BlockKind:
    if lx.CAPTION.match(text):
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


def _table(out: _Blocks, grid: list[list[str]], chunk: list[_Line]) -> None:
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


# --- Markdown --------------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:\s*")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_INLINE = re.compile(
    r"(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|\[(?P<label>[^\]]*)\]\((?P<url>[^)]*)\)"
    r"|(?P<note>\[\^[^\]]+\]|\s?\[\d{1,3}(?:\s?[,–-]\s?\d{1,3})*\](?![(\[:]))"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?[A-Za-z][^<>]*>)"
    r"|(?P<escape>\\(?=[\\`*_{}\[\]()#+\-.!|]))"
    r"|(?P<mark>\*\*|__|~~|`+|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*]))"
)


def _add_inline(b: BlockBuilder, text: str, source: int, drops: _Blocks) -> None:
    """Append Markdown inline text with its markup removed (offsets kept for what remains)."""
    pos = 0
    for m in _INLINE.finditer(text):
        b.add(text[pos : m.start()], source + pos)
        pos = m.end()
        if m.group("label") is not None:
            b.add(m.group("label"), source + m.start("label"))
            drops.dropped.append(Dropped(m.group("url"), "link target", None, len(drops.blocks)))
        elif m.group("image") is not None:
            drops.dropped.append(Dropped(m.group("image"), "image", None, len(drops.blocks)))
        elif m.group("note") is not None:
            drops.dropped.append(Dropped(m.group("note"), "footnote mark", None, len(drops.blocks)))
    b.add(text[pos:], source + pos)


def read_markdown(text: str, name: str) -> Document:
    """Blocks of a Markdown document; ``Document.text`` is the source with markup blanked."""
    out = _Blocks()
    lines = _lines(text)
    i = 0
    if lines and lines[0].text.strip() == "---":
        end = next((k for k in range(1, len(lines)) if lines[k].text.strip() in ("---", "...")), 0)
        if end:
            b = BlockBuilder()
            for line in lines[1:end]:
                if line.text.strip():
                    if b.length:
                        b.insert("\n")
                    b.add(line.text.rstrip(), line.start)
            out.add(BlockKind.FRONT_MATTER, b)
            i = end + 1
    para: BlockBuilder | None = None
    para_kind, para_marker = BlockKind.PARAGRAPH, None

    def flush() -> None:
        nonlocal para
        if para is not None:
            out.add(para_kind, para, marker=para_marker)
        para = None

    n = len(lines)
    while i < n:
        line = lines[i]
        raw = line.text
        stripped = raw.strip()
        if not stripped or (_RULE.match(raw) and para is None):
            flush()
            i += 1
            continue
        if _FENCE.match(raw):
            flush()
            fence = _FENCE.match(raw).group(1)  # type: ignore[union-attr]
            k = i + 1
            while k < n and not lines[k].text.strip().startswith(fence):
                k += 1
            body = "\n".join(ln.text for ln in lines[i + 1 : k])
            out.dropped.append(Dropped(body, "code block", None, len(out.blocks)))
            i = k + 1
            continue
        if "|" in raw and i + 1 < n and _TABLE_SEP.match(lines[i + 1].text):
            flush()
            rows = [line]
            k = i + 2
            while k < n and "|" in lines[k].text and lines[k].text.strip():
                rows.append(lines[k])
                k += 1
            _md_table(out, rows)
            i = k
            continue
        m = _ATX.match(raw)
        if m:
            flush()
            b = BlockBuilder()
            _add_inline(b, m.group(2), line.start + m.start(2), out)
            out.add(BlockKind.HEADING, b, level=len(m.group(1)))
            i += 1
            continue
        if para is None and i + 1 < n and _SETEXT.match(lines[i + 1].text) and "|" not in raw:
            b = BlockBuilder()
            _add_line(b, line, True, out)
            level = 1 if lines[i + 1].text.strip().startswith("=") else 2
            out.add(BlockKind.HEADING, b, level=level)
            i += 2
            continue
        quote = _QUOTE.match(raw)
        if quote:
            line = _Line(line.start + quote.end(), raw[quote.end() :])
        item = _ITEM.match(line.text)
        note = _FOOTNOTE_DEF.match(line.text)
        if item or note:
            flush()
            para = BlockBuilder()
            mark = item or note
            assert mark is not None
            para_kind = BlockKind.LIST_ITEM if item else BlockKind.FOOTNOTE
            para_marker = mark.group(0).strip() if item else f"[^{mark.group(1)}]"
            _add_line(para, _Line(line.start + mark.end(), line.text[mark.end() :]), True, out)
            i += 1
            continue
        if para is None:
            para = BlockBuilder()
            para_kind, para_marker = BlockKind.PARAGRAPH, None
        _add_line(para, line, True, out)
        i += 1
    flush()
    return Document(blank_markdown(text), tuple(out.blocks), name, "md", None, tuple(out.dropped))


def _md_table(out: _Blocks, rows: list[_Line]) -> None:
    grid: list[list[str]] = []
    for ln in rows:
        body = ln.text.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
        cells = [re.sub(r"\*\*|__|`|~~|<[^<>]+>", "", c) for c in re.split(r"(?<!\\)\|", body)]
        grid.append(cells)
    built = build_table(grid, marked_header_rows=1)
    if built is None:
        return
    text, table = built
    # Cells map back to the first occurrence of their text in the table's source lines.
    b = BlockBuilder()
    cursor = 0
    search_from = rows[0].start
    source = "\n".join(ln.text for ln in rows)
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


_MD_LINE = re.compile(r"^(\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+)")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def blank_markdown(text: str) -> str:
    """Replace Markdown markup by spaces so offsets stay those of the source."""
    out = []
    for line in text.split("\n"):
        if _MD_RULE.match(line):
            out.append(" " * len(line))
            continue
        m = _MD_LINE.match(line)
        if m and not re.match(r"\s*\d+[.)]", m.group(1)):
            line = " " * len(m.group(1)) + line[m.end(1) :]
        line = re.sub(r"(\*\*|__|`|~~)", lambda g: " " * len(g.group(1)), line)
        if line.lstrip().startswith("|"):
            # A table row: cells become tab-separated so the row label stays the row's subject.
            line = line.replace("|", "\t")
        out.append(line)
    return "\n".join(out)
