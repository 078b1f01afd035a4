"""sectorlens.facts: read a report, extract its quantitative facts, check they hold together."""

from __future__ import annotations

from sectorlens.facts.readers import FORMATS, Document, from_text, read_document

__all__ = ["FORMATS", "Document", "from_text", "read_document"]
