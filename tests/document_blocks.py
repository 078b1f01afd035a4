"""Picking blocks out of a read document, for the document model tests."""

from __future__ import annotations

from sectorlens.facts import BlockKind, Document
from sectorlens.facts.document import Block


def one_block(doc: Document, kind: BlockKind) -> Block:
    """The one block of ``kind`` in ``doc`` (it fails where there are none or several)."""
    (block,) = [b for b in doc.blocks if b.kind is kind]
    return block
