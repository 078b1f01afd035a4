"""HTML (and inline-XBRL XHTML) into blocks with lxml.

Block elements end blocks; headings keep their level; scripts, styles, ``ix:header`` and hidden
elements are ignored; ``<table>`` becomes cells with header rows; SVG text (chart axis ticks,
legends) becomes a non-prose figure-labels block; a ``<sup>`` holding only a mark after text is
a footnote mark (dropped, recorded). JSP/ASP directives before the doctype are tolerated.
"""

from __future__ import annotations

import re
from typing import Any

from sectorlens.errors import InputError
from sectorlens.facts.assemble import RawBlock, assemble
from sectorlens.facts.document import BlockKind, Document, Dropped
from sectorlens.facts.tables import build_table, is_header_row, is_number

SKIP = frozenset(
    {
        "script",
        "style",
        "head",
        "template",
        "noscript",
        "ix:header",
        "title",
        "meta",
        "link",
        "rt",
        "rp",
    }
)
HEADINGS = {f"h{i}": i for i in range(1, 7)}
BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "blockquote",
        "figure",
        "figcaption",
        "caption",
        "pre",
        "hr",
        "form",
        "address",
        "center",
        "body",
        "html",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
    }
)
_KIND = {"li": BlockKind.LIST_ITEM, "figcaption": BlockKind.CAPTION, "caption": BlockKind.CAPTION}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DIRECTIVE = re.compile(r"<%[\s\S]*?%>|<\?xml[^>]*\?>")
_MARK = re.compile(r"^\s*(?:\[?\d{1,3}\]?|[*†‡§¶]+|[a-z])\s*$")
_REF_MARK = re.compile(r"^\s*\[\d{1,3}\]\s*$")
_SPACE = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
LAYOUT_CELL_CHARS = 400
BOLD_HEADING_CHARS = 120
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)


def decode_html(data: bytes, name: str) -> str:
    """The page's text: BOM, UTF-8, else the charset its ``<meta>`` names."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        m = _CHARSET.search(data[:4096])
        if m:
            try:
                return data.decode(m.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
        raise InputError(
            f"{name}: not UTF-8 HTML (byte {exc.start}) and no usable charset declared"
        ) from exc


def read_html(data: bytes, name: str) -> Document:
    """Blocks of an HTML page."""
    import lxml.html
    from lxml import etree

    text = _DIRECTIVE.sub("", decode_html(data, name))
    if not text.strip():
        return assemble([], name, "html")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: not readable HTML ({exc})") from exc
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return assemble(walker.blocks, name, "html", dropped=walker.dropped)


def _tag(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    if tag.startswith("{"):
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def _hidden(el: Any) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


class _Walker:
    """Depth-first walk that collects inline text into the current block."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.dropped: list[Dropped] = []
        self.buffer: list[str] = []
        self.kind = BlockKind.PARAGRAPH
        self.level: int | None = None
        self.bold = 0  # depth of bold elements around the current text
        self.plain_chars = 0  # non-space characters of the block outside bold elements

    def add_text(self, text: str | None) -> None:
        if text:
            self.buffer.append(_SPACE.sub(" ", text))
            if not self.bold:
                self.plain_chars += len(text.strip())

    def flush(self) -> None:
        text = "".join(self.buffer).strip()
        if text:
            kind = self.kind
            if (
                kind is BlockKind.PARAGRAPH
                and not self.plain_chars
                and len(text) <= BOLD_HEADING_CHARS
                and not text.endswith((".", "。", ":", "：", ",", "，"))
            ):
                kind = BlockKind.HEADING  # a bold line on its own: a heading of unknown level
            self.blocks.append(RawBlock(kind, text, level=self.level))
        self.buffer = []
        self.kind, self.level = BlockKind.PARAGRAPH, None
        self.plain_chars = 0

    def walk(self, el: Any) -> None:
        tag = _tag(el)
        if not tag or tag in SKIP or _hidden(el):
            return
        bold = tag in ("b", "strong") or bool(_BOLD_STYLE.search(el.get("style") or ""))
        self.bold += bold
        try:
            self._walk(el, tag)
        finally:
            self.bold -= bold

    def _walk(self, el: Any, tag: str) -> None:
        if tag == "svg":
            self.flush()
            self._svg(el)
            return
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self._table(el)
            return
        if tag == "br":
            self.flush()
            return
        is_ref = tag == "a" and (el.get("href") or "").startswith("#")
        if is_ref and self.buffer and _REF_MARK.match(el.text_content() or ""):
            self.dropped.append(Dropped(el.text_content().strip(), "footnote mark", None))
            return
        if tag == "sup" and self.buffer and _MARK.match(el.text_content() or ""):
            self.dropped.append(Dropped(el.text_content().strip(), "footnote mark", None))
            return
        heading = HEADINGS.get(tag)
        block = heading is not None or tag in BLOCKS
        if block:
            # <li><p>…</p></li>: the paragraph is still the list item (or caption)
            keep = (
                tag in ("p", "div")
                and self.kind is not BlockKind.PARAGRAPH
                and not "".join(self.buffer).strip()
            )
            kind, level = self.kind, self.level
            self.flush()
            if heading is not None:
                self.kind, self.level = BlockKind.HEADING, heading
            elif keep:
                self.kind, self.level = kind, level
            else:
                self.kind = _KIND.get(tag, BlockKind.PARAGRAPH)
        self.add_text(el.text)
        for child in el:
            self.walk(child)
            self.add_text(child.tail)
        if block:
            self.flush()

    def _svg(self, el: Any) -> None:
        labels = []
        for node in el.iter():
            if _tag(node) == "text":
                label = _SPACE.sub(" ", "".join(node.itertext())).strip()
                if label:
                    labels.append(label)
        if labels:
            self.blocks.append(RawBlock(BlockKind.FIGURE_LABELS, "\n".join(labels), prose=False))

    def _table(self, el: Any) -> None:
        indents: list[float | None] = []
        caption, rows, marked = table_grid(el, indents)
        if caption:
            self.blocks.append(RawBlock(BlockKind.CAPTION, caption))
        built = build_table(rows, marked_header_rows=marked or None, indents=indents)
        if built is not None:
            text, table = built
            self.blocks.append(RawBlock(BlockKind.TABLE, text, table=table))


def table_grid(
    el: Any, indents: list[float | None] | None = None
) -> tuple[str | None, list[list[str]], int]:
    """A ``<table>``'s caption, its rows of cell texts (spans spread) and how many leading
    rows are marked as headers (th / thead); ``indents`` gets each row's label indent (CSS
    padding, margin or text-indent and leading no-break spaces; None for header rows)."""
    rows: list[list[str]] = []
    marked = 0
    leading = True
    seen_body = False
    pending: dict[tuple[int, int], str] = {}  # rowspan continuations
    caption = None
    for part in el:
        if _tag(part) == "caption":
            caption = _cell_text(part)
    for r, tr in enumerate(_rows(el)):
        cells = [c for c in tr if _tag(c) in ("td", "th") and not _hidden(c)]
        all_th = bool(cells) and all(_tag(c) == "th" for c in cells)
        in_head = tr.getparent() is not None and _tag(tr.getparent()) == "thead"
        if leading and (all_th or in_head):
            marked += 1
        else:
            leading = False
        texts = [_cell_text(c) for c in cells]
        header_like = all_th or in_head or (not seen_body and is_header_row(texts))
        seen_body = seen_body or (not header_like and any(texts))
        row: list[str] = []
        col = 0
        for cell, text in zip(cells, texts, strict=True):
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            span = _span(cell.get("colspan"))
            row.extend(_spread(text, span, header_like))
            for k in range(1, _span(cell.get("rowspan"))):
                for c in range(col, col + span):
                    pending[(r + k, c)] = text if header_like else ""
            col += span
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        rows.append(row)
        if indents is not None:
            indents.append(None if header_like or not cells else _indent(cells[0]))
    return caption, rows, marked


_INDENT = re.compile(
    r"(?:padding-left|margin-left|text-indent)\s*:\s*([\d.]+)\s*(pt|px|em|rem)?", re.I
)
_POINTS = {"pt": 1.0, "px": 0.75, "em": 10.0, "rem": 10.0}


def _indent(cell: Any) -> float:
    """How far a cell's text is set in, in points (styles of the cell and its first nodes,
    and leading no-break spaces)."""
    total = 0.0
    for node in list(cell.iter())[:4]:
        if not isinstance(node.tag, str):
            continue  # a comment
        for m in _INDENT.finditer(node.get("style") or ""):
            try:
                total += float(m.group(1)) * _POINTS[(m.group(2) or "px").lower()]
            except ValueError:
                continue
    text = (cell.text_content() or "").lstrip(" \t\r\n")
    total += 3.0 * sum(1 for ch in text[: len(text) - len(text.lstrip("\xa0\u3000 "))] if ch != " ")
    return min(total, 500.0)


def parse_table(html: str) -> tuple[str | None, list[list[str]], int] | None:
    """The first ``<table>`` of an HTML fragment (Markdown may embed one), or None."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    table = next((t for t in root.iter() if _tag(t) == "table"), None)
    return None if table is None else table_grid(table)


def _rows(table: Any) -> list[Any]:
    out = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(c for c in child if _tag(c) == "tr")
    return out


def _spread(text: str, span: int, header_like: bool) -> list[str]:
    """A cell over ``span`` columns: headers repeat; numbers sit right (as set), text left."""
    if header_like or not text or span == 1:
        return [text] * span
    if is_number(text):
        return [""] * (span - 1) + [text]
    return [text] + [""] * (span - 1)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _cell_text(cell: Any) -> str:
    parts: list[str] = []

    def visit(el: Any) -> None:
        tag = _tag(el)
        if not tag or tag in SKIP or _hidden(el):
            return
        if tag == "sup" and parts and _MARK.match(el.text_content() or ""):
            return
        if tag in BLOCKS or tag == "br":
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(cell)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _is_layout_table(el: Any) -> bool:
    """A table used for page layout: it holds another table or a long run of prose."""
    for node in el.iter():
        if node is not el and _tag(node) == "table":
            return True
    return any(
        len(_SPACE.sub(" ", c.text_content() or "")) > LAYOUT_CELL_CHARS
        for c in el.iter()
        if _tag(c) in ("td", "th")
    )
