"""Readers that produce their own text (HTML, DOCX, PDF) hand raw blocks to ``assemble``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sectorlens.facts.block_builder import make_block
from sectorlens.facts.document import Block, BlockKind, Document, Dropped, Table

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A block before it has an index and a place in ``Document.text``."""

    kind: BlockKind
    text: str
    page: int | None = None
    level: int | None = None
    marker: str | None = None
    prose: bool = True
    table: Table | None = None


def assemble(
    raw: Iterable[RawBlock],
    name: str,
    fmt: str,
    *,
    pages: int | None = None,
    dropped: Iterable[Dropped] = (),
) -> Document:
    """A document whose text is its blocks' texts separated by blank lines."""
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for rb in raw:
        text = rb.text.strip("\n") if rb.table is None else rb.text
        if not text.strip():
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        blocks.append(
            make_block(
                len(blocks),
                rb.kind,
                text,
                ((0, pos, len(text)),),
                page=rb.page,
                level=rb.level,
                marker=rb.marker,
                prose=rb.prose,
                table=rb.table,
            )
        )
        parts.append(text)
        pos += len(text)
    text = "".join(parts) + ("\n" if parts else "")
    return Document(text, tuple(blocks), name, fmt, pages, tuple(dropped))
