"""Document readers: .txt, .md, .html, .docx and .pdf into one ``Document`` of blocks.

``read_document(path)`` picks the reader by suffix; see ``facts.document`` for the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sectorlens.errors import InputError
from sectorlens.facts.document import Document
from sectorlens.facts.read_markdown import read_markdown
from sectorlens.facts.read_text import read_plain

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


# A pinyin reading printed after a character (`產(chǎn)量`, `萬(wàn)噸`): ruby text of a web page
# flattened into its copy. It splits a number from its unit, so it is dropped.
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)"
)


def from_text(text: str, name: str = "<text>", fmt: str = "txt") -> Document:
    """A document from a string: plain text (``fmt="txt"``) or Markdown (``fmt="md"``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if "(" in text and not text.isascii():
        text = _PINYIN_GLOSS.sub("", text)
    if fmt == "md":
        return read_markdown(text, name)
    return read_plain(text, name)


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


def _read_html(p: Path) -> Document:
    from sectorlens.facts.read_html import read_html

    return read_html(p.read_bytes(), str(p))


def _read_docx(p: Path) -> Document:
    from sectorlens.facts.read_docx import read_docx

    return read_docx(p)


def _read_pdf(p: Path) -> Document:
    from sectorlens.facts.read_pdf import read_pdf

    return read_pdf(p)
