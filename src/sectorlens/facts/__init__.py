"""sectorlens.facts: read a report, extract its quantitative facts, check they hold together.

- ``read_document(path)`` / ``from_text(text)`` → ``Document``: ``blocks`` (``Block``: heading
  with level, paragraph, list item, table with ``Cell``s and header rows/columns, caption,
  figure labels, footnote, front matter; sentences; page) and one flat ``text``; see
  ``facts.document`` for the interface
- ``inventory(doc)`` / ``resolve(...)`` / ``extraction_coverage(extraction)`` → ``Coverage``:
  every number as fact, ignored (reason) or unparsed (reason)
- ``extract(doc)`` / ``extract_file(path)`` → ``Extraction`` (``.facts``: ``model.Fact`` records)
- ``check(extraction, lang=, fx=, con=)`` → ``list[model.Finding]``; ``has_errors(findings)``
- ``fact_dict`` / ``finding_dict`` / ``report_dict`` / ``findings_html``: JSON and HTML shapes
"""

from __future__ import annotations

from sectorlens.facts.check import LANGS, check, check_file, has_errors
from sectorlens.facts.coverage import Coverage, NumberToken, Status, extraction_coverage, inventory
from sectorlens.facts.document import Block, BlockKind, Cell, Locator, Sentence, Table
from sectorlens.facts.extract import Extraction, Mention, extract, extract_file
from sectorlens.facts.readers import FORMATS, Document, from_text, read_document
from sectorlens.facts.render import (
    extraction_dict,
    fact_dict,
    finding_dict,
    findings_html,
    report_dict,
)
from sectorlens.facts.rules import RULES

__all__ = [
    "FORMATS",
    "LANGS",
    "RULES",
    "Block",
    "BlockKind",
    "Cell",
    "Coverage",
    "Document",
    "Extraction",
    "Locator",
    "Mention",
    "NumberToken",
    "Sentence",
    "Status",
    "Table",
    "check",
    "check_file",
    "extract",
    "extract_file",
    "extraction_coverage",
    "extraction_dict",
    "fact_dict",
    "finding_dict",
    "findings_html",
    "from_text",
    "has_errors",
    "inventory",
    "read_document",
    "report_dict",
]
