"""What sections are made of: paragraphs, tables, notes, charts and findings (language-neutral)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sectorlens.fx import Conversion


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of text; ``cites`` are source ids, rendered as numbered references."""

    text: str
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """A remark beside the numbers; ``warning`` marks a published figure that does not hold."""

    text: str
    level: str = "info"
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table of already formatted cells; ``numeric`` marks right-aligned columns."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    caption: str | None = None
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chart:
    """A Vega-Lite chart; the renderer writes it as SVG and PNG under ``charts/<chart_id>``."""

    chart_id: str
    title: str
    spec: dict[str, Any]
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Items:
    """A numbered list of cited sentences (key findings)."""

    items: tuple[Paragraph, ...]


Block = Paragraph | Note | Table | Chart | Items


@dataclass(frozen=True, slots=True)
class Finding:
    """One key finding: a sentence written from the numbers and the sources it rests on."""

    text: str
    cites: tuple[str, ...]


@dataclass(slots=True)
class Section:
    """A titled part of the report."""

    section_id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    conversions: list[Conversion] = field(default_factory=list)  # currency conversions made
