"""DOCX (python-docx) into blocks: paragraphs with heading/list/caption styles, and tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sectorlens.errors import InputError
from sectorlens.facts.assemble import RawBlock, assemble
from sectorlens.facts.document import BlockKind, Document
from sectorlens.facts.tables import build_table

_HEADING = re.compile(r"^(?:heading|제목)\s*(\d)$", re.I)


def read_docx(p: Path) -> Document:
    """Blocks of a .docx file, in body order."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{p}: not a readable .docx file ({exc})") from exc
    except Exception as exc:  # zipfile.BadZipFile and lxml errors of a damaged file
        raise InputError(f"{p}: not a readable .docx file ({type(exc).__name__})") from exc
    raw: list[RawBlock] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            built = build_table(_grid(item))
            if built is not None:
                raw.append(RawBlock(BlockKind.TABLE, built[0], table=built[1]))
            continue
        for line in item.text.split("\n"):
            text = " ".join(line.split())
            if text:
                kind, level = _kind(item)
                raw.append(RawBlock(kind, text, level=level))
    return assemble(raw, str(p), "docx")


def _kind(paragraph: Any) -> tuple[BlockKind, int | None]:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    m = _HEADING.match(name.strip())
    if m:
        return BlockKind.HEADING, max(1, int(m.group(1)))
    low = name.lower()
    if low == "title":
        return BlockKind.HEADING, 1
    if low.startswith("caption"):
        return BlockKind.CAPTION, None
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if low.startswith("list") or numbered:
        return BlockKind.LIST_ITEM, None
    if "footnote" in low:
        return BlockKind.FOOTNOTE, None
    return BlockKind.PARAGRAPH, None


def _grid(table: Any) -> list[list[str]]:
    """Cell texts by row; a merged cell repeats in the first row (a header), else once."""
    rows: list[list[str]] = []
    for r, row in enumerate(table.rows):
        out: list[str] = []
        previous = None
        for cell in row.cells:
            text = " ".join(cell.text.split())
            same = previous is not None and cell._tc is previous
            out.append(text if (r == 0 or not same) else "")
            previous = cell._tc
        rows.append(out)
    return rows
