"""What a report is made of: a cover, paragraphs, tables, notes, charts, findings, authored prose.

The blocks are language-neutral containers of finished text: every renderer (Markdown, HTML,
PDF) shows the same blocks. Tables and charts carry their number label (``표 2`` / ``Table 2``),
given once the whole report is built, so the text can refer to them.
"""

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
    label: str = ""  # "표 2" / "Table 2", set when the report is numbered


@dataclass(frozen=True, slots=True)
class Chart:
    """A Vega-Lite chart; the renderer writes it as SVG and PNG under ``charts/<chart_id>``."""

    chart_id: str
    title: str
    spec: dict[str, Any]
    cites: tuple[str, ...] = ()
    label: str = ""  # "그림 3" / "Figure 3", set when the report is numbered


@dataclass(frozen=True, slots=True)
class Items:
    """A numbered list of cited sentences (key findings)."""

    items: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Prose:
    """A qualitative point authored in the data set (an implication, a priority, a risk).

    ``heading`` is its short title, ``kind`` its sort (``implication``, ``priority``, ``risk``,
    ``context``), ``cites`` its sources and ``locator`` where in the first source it is made.
    """

    text: str
    cites: tuple[str, ...] = ()
    heading: str = ""
    kind: str = "context"
    locator: str = ""


Block = Paragraph | Note | Table | Chart | Items | Prose


@dataclass(frozen=True, slots=True)
class Cover:
    """The cover: title, subtitle and labelled lines (subject, edition, date, data as of)."""

    title: str
    subtitle: str = ""
    lines: tuple[tuple[str, str], ...] = ()


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
    deal_rates: list[dict[str, Any]] = field(default_factory=list)  # ``fx`` rows: deal amounts
