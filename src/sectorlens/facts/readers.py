"""Document readers: .txt, .md, .html, .docx and .pdf to one plain text with line numbers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from sectorlens.errors import InputError

FORMATS = ("txt", "md", "html", "docx", "pdf")
_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


@dataclass(frozen=True)
class Document:
    """A report as plain text (``\\n`` line ends); spans and line numbers refer to ``text``."""

    text: str
    name: str = "<text>"
    format: str = "txt"
    page_lines: tuple[int, ...] = ()  # 1-based first line of each page (PDF only)
    _line_starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._line_starts.extend(starts)

    @property
    def lines(self) -> list[str]:
        """The text's lines without their line ends."""
        return self.text.split("\n")

    def line_of(self, offset: int) -> int:
        """The 1-based line number holding character ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def line_start(self, line: int) -> int:
        """The offset of the first character of 1-based ``line``."""
        return self._line_starts[line - 1]

    def page_of(self, line: int) -> int | None:
        """The 1-based page of ``line`` for paged inputs, else None."""
        if not self.page_lines:
            return None
        return bisect.bisect_right(self.page_lines, line)


def from_text(text: str, name: str = "<text>", fmt: str = "txt") -> Document:
    """A document from a string (line ends normalized; Markdown markup blanked in place)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if fmt == "md":
        text = _blank_markdown(text)
    return Document(text, name, fmt)


def read_document(path: Path | str, fmt: str | None = None) -> Document:
    """Read ``path`` by its suffix (or ``fmt``); InputError names what is wrong."""
    p = Path(path)
    kind = fmt or _SUFFIXES.get(p.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(_SUFFIXES))
        raise InputError(f"{p}: unknown document type {p.suffix or '(none)'!r} (known: {known})")
    if kind not in FORMATS:
        raise InputError(f"unknown document format {kind!r} (known: {', '.join(FORMATS)})")
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    readers: dict[str, Callable[[Path], Document]] = {
        "txt": _read_plain,
        "md": _read_plain,
        "html": _read_html,
        "docx": _read_docx,
        "pdf": _read_pdf,
    }
    return readers[kind](p)


def _decode(p: Path) -> str:
    data = p.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{p}: not valid UTF-16 text (byte {exc.start})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{p}: not UTF-8 text (byte {exc.start}); convert it to UTF-8 first"
        ) from exc


def _read_plain(p: Path) -> Document:
    fmt = "md" if p.suffix.lower() in (".md", ".markdown") else "txt"
    return from_text(_decode(p), str(p), fmt)


_MD_LINE = re.compile(r"^(\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+)")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _blank_markdown(text: str) -> str:
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


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "figcaption",
    "figure",
    "caption",
    "pre",
    "hr",
    "dt",
    "dd",
}


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page; block elements end lines, table cells are tab-separated."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._cell_in_row = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "template", "noscript"):
            self._skip += 1
        elif tag in ("td", "th"):
            if self._cell_in_row:
                self.parts.append("\t")
            self._cell_in_row += 1
        elif tag in _BLOCK_TAGS:
            if tag == "tr":
                self._cell_in_row = 0
            self.parts.append("\n\n" if tag in ("p", "table", "h1", "h2", "h3", "h4") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "template", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in ("p", "table", "h1", "h2", "h3", "h4") else "\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _read_html(p: Path) -> Document:
    parser = _TextExtractor()
    parser.feed(_decode(p))
    parser.close()
    return from_text(_tidy("".join(parser.parts)), str(p), "html")


def _tidy(text: str) -> str:
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _read_docx(p: Path) -> Document:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{p}: not a readable .docx file ({exc})") from exc
    except Exception as exc:  # zipfile.BadZipFile and lxml errors of a damaged file
        raise InputError(f"{p}: not a readable .docx file ({type(exc).__name__})") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.append("")
            for row in block.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                lines.append("\t".join(_dedupe_merged(cells)))
            lines.append("")
        else:
            lines.extend(block.text.split("\n"))
            lines.append("")
    return from_text(_tidy("\n".join(lines)), str(p), "docx")


def _dedupe_merged(cells: list[str]) -> list[str]:
    """Merged cells repeat their text in python-docx; keep one copy."""
    out: list[str] = []
    for cell in cells:
        if not out or cell != out[-1]:
            out.append(cell)
    return out


def _read_pdf(p: Path) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(p))
        if reader.is_encrypted:
            raise InputError(f"{p}: the PDF is encrypted; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"{p}: not a readable PDF ({exc})") from exc
    lines: list[str] = []
    starts: list[int] = []
    for text in pages:
        if lines:
            lines.append("")  # a page break reads like a paragraph break
        starts.append(len(lines) + 1)
        lines.extend(text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n"))
    if not any(line.strip() for line in lines):
        raise InputError(f"{p}: the PDF has no text layer (a scan?); run OCR first")
    text = "\n".join(lines) + "\n"
    return Document(text, str(p), "pdf", tuple(starts))
