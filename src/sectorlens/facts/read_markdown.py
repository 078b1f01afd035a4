"""Markdown into blocks; ``Document.text`` is the source with markup blanked (offsets kept).

ATX/setext headings with their level, list items, pipe tables and HTML ``<table>``s, YAML front
matter as its own block, footnote definitions; emphasis, code marks, links, citation marks and
HTML tags removed (link targets, images and marks recorded as dropped).
"""

from __future__ import annotations

import re

from sectorlens.facts.block_builder import BlockBuilder
from sectorlens.facts.document import BlockKind, Document, Dropped
from sectorlens.facts.pipe_rows import (
    drop_rank,
    is_rule,
    restore_corner,
    restore_label_cell,
    restore_subheader,
)
from sectorlens.facts.read_text import Blocks, Line, add_line, place_table, split_lines
from sectorlens.facts.table_scale import scale_currency
from sectorlens.facts.tables import is_header_row, is_value

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


def _add_inline(b: BlockBuilder, text: str, source: int, drops: Blocks) -> None:
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
    out = Blocks()

    def inline(b: BlockBuilder, body: str, source: int) -> None:
        _add_inline(b, body, source, out)

    lines = split_lines(text)
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
        if stripped[:6].lower() == "<table":
            flush()
            k = i
            while k < n and "</table>" not in lines[k].text.lower():
                k += 1
            _html_table(out, lines[i : k + 1])
            i = k + 1
            continue
        if "|" in raw and i + 1 < n and _TABLE_SEP.match(lines[i + 1].text):
            flush()
            rows = [line]
            k = i + 2
            while k < n and "|" in lines[k].text and lines[k].text.strip():
                rows.append(lines[k])
                k += 1
            pipe_table(out, rows)
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
            add_line(b, line, inline)
            level = 1 if lines[i + 1].text.strip().startswith("=") else 2
            out.add(BlockKind.HEADING, b, level=level)
            i += 2
            continue
        quote = _QUOTE.match(raw)
        if quote:
            line = Line(line.start + quote.end(), raw[quote.end() :])
        item = _ITEM.match(line.text)
        note = _FOOTNOTE_DEF.match(line.text)
        if item or note:
            flush()
            para = BlockBuilder()
            mark = item or note
            assert mark is not None
            para_kind = BlockKind.LIST_ITEM if item else BlockKind.FOOTNOTE
            para_marker = mark.group(0).strip() if item else f"[^{mark.group(1)}]"
            add_line(para, Line(line.start + mark.end(), line.text[mark.end() :]), inline)
            i += 1
            continue
        if para is None:
            para = BlockBuilder()
            para_kind, para_marker = BlockKind.PARAGRAPH, None
        add_line(para, line, inline)
        i += 1
    flush()
    return Document(blank_markdown(text), tuple(out.blocks), name, "md", None, tuple(out.dropped))


def _html_table(out: Blocks, rows: list[Line]) -> None:
    """An HTML ``<table>`` inside Markdown: cells with header rows, as in an HTML page."""
    from sectorlens.facts.read_html import parse_table

    parsed = parse_table("\n".join(ln.text for ln in rows))
    if parsed is None:
        return
    _caption, grid, marked = parsed
    place_table(out, rows, grid, marked or None)


def pipe_table(out: Blocks, rows: list[Line]) -> None:
    """A table of pipe-separated rows (``| a | b |``), its header rows found as in Markdown."""
    rule = next((k for k, ln in enumerate(rows) if is_rule(ln.text)), None)
    rows = [ln for ln in rows if not is_rule(ln.text)]  # 구분 | 계 | … then ---|---|: no cells
    grid: list[list[str]] = []
    for ln in rows:
        body = ln.text.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
        cells = [re.sub(r"\*\*|__|`|~~|<[^<>]+>", "", c) for c in re.split(r"(?<!\\)\|", body)]
        grid.append(cells)
    if len(grid) < 2:
        return
    restore_corner(grid, [ln.text for ln in rows])
    restore_label_cell(grid)
    drop_rank(grid)
    sub = restore_subheader(grid)
    _merged_headers(grid)
    marked = max(_header_rows(grid), 2) if sub else _header_rows(grid)
    place_table(out, rows, grid, max(marked, rule) if rule is not None and rule <= 3 else marked)


def _merged_headers(grid: list[list[str]]) -> None:
    """Header cells a pasted table lost its spans for: a sub-header row without its (empty)
    label cell is set back under the columns it names, and a top header with one name for
    every k sub-columns (``3月 | 1-3月`` over ``絕對量 | 同比增長 | 絕對量 | 同比增長``) is spread
    over them."""
    if len(grid) < 3 or not grid[0] or not grid[0][0].strip():
        return
    top, sub = grid[0], grid[1]
    n = len(sub)
    filled = [c.strip() for c in sub if c.strip()]
    if any(is_value(c) for c in filled) or len(top) != n:
        return
    if sub[0].strip() and not sub[-1].strip() and len(filled) == n - 1:
        sub[:] = ["", *sub[:-1]]  # 絕對量 | 同比增長 | … | : shifted left by its missing label
    names = [c.strip() for c in top[1:] if c.strip()]
    values = [c.strip() for c in sub[1:]]
    if sub[0].strip() or not names or not all(v.strip() for v in values):
        return
    k, rest = divmod(len(values), len(names))
    if rest or k < 2 or values != values[:k] * len(names):
        return
    if [c.strip() for c in top[1 : 1 + len(names)]] == names:
        top[1:] = [name for name in names for _ in range(k)]


def _header_rows(grid: list[list[str]]) -> int:
    """The header row and the rows of sub-headers right below it (``| | 2010 | 2009 |`` under
    ``| Unit | Profit | | Float | |``), with each spanning header spread over the empty cells
    to its right that a sub-header sits under (a pipe table has no colspan)."""
    n = 1
    if not any(c.strip() for c in grid[0][1:]):
        # | Income Statement | | |, then a subtitle, then | (million euro) | June 30, 2023 | …:
        # a title row above the column labels, which are the header's last row
        labels = 0
        for r in range(1, min(len(grid) - 1, 4)):
            row = [c.strip() for c in grid[r]]
            filled = sum(1 for c in row[1:] if c)
            plain = any(_PLAIN.fullmatch(c) for c in row[1:] if c)
            if not (is_header_row(row) or _spans(row)) or filled == 1 or plain:
                break  # | Europe | 10.0 | 12.0 |: the body's first row
            if filled >= 2:
                labels = r
        n = labels + 1 if labels else 1
    while n < len(grid) - 1:
        row = [c.strip() for c in grid[n]]
        unit_corner = bool(row[0]) and scale_currency(row[0])[0] is not None  # | SEK b. | 2025 |
        if (row[0] and not unit_corner) or sum(1 for c in row[1:] if c) < 2:
            break
        if not (is_header_row(row) or _spans(row)):
            break
        n += 1
    for r in range(n - 1):
        row, below = grid[r], grid[r + 1]
        for c in range(2, min(len(row), len(below))):
            if not row[c].strip() and row[c - 1].strip() and below[c].strip():
                row[c] = row[c - 1]
    return n


def _spans(row: list[str]) -> bool:
    """``| | 6M | 6M | |`` under the dates: how many months each column covers, no values."""
    cells = [c for c in row[1:] if c]
    return not row[0] and bool(cells) and all(_MONTHS_SPAN.fullmatch(c) for c in cells)


_MONTHS_SPAN = re.compile(r"\d{1,2}\s?M")
_PLAIN = re.compile(r"[-+(]?[\d.,]+%?\)?")
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
        out.append(line)
    return "\n".join(out)
