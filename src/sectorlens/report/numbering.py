"""Numbering a report: tables and figures get labels (표 2, 그림 3) the text refers to."""

from __future__ import annotations

import re
from dataclasses import replace

from sectorlens.report.blocks import Block, Chart, Paragraph, Section, Table
from sectorlens.report.wording import Wording


def number_blocks(sections: list[Section], words: Wording) -> None:
    """Label every table and chart in reading order; each section's first paragraph cites them.

    A table without a caption takes its section's title. The reference goes before the final
    period of the section's first paragraph: ``…늘었다(표 1, 그림 1 참조).`` /
    ``… 46.9% (see Table 1, Figure 1).``
    """
    tables = figures = 0
    for section in sections:
        labels: list[str] = []
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Table):
                tables += 1
                label = words.say("report.table_label", n=tables)
                block = replace(block, label=label, caption=block.caption or section.title)
                labels.append(label)
            elif isinstance(block, Chart):
                figures += 1
                label = words.say("report.figure_label", n=figures)
                block = replace(block, label=label)
                labels.append(label)
            blocks.append(block)
        if labels:
            first = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)), None)
            if first is not None:
                para = blocks[first]
                assert isinstance(para, Paragraph)
                see = words.say("report.see", items=", ".join(labels))
                blocks[first] = replace(para, text=with_reference(para.text, see))
        section.blocks = blocks


def with_reference(text: str, see: str) -> str:
    """``text`` with ``see`` before the period of its first sentence not ending in a bracket.

    (Never right after a closing bracket: ``…ends) (see Table 2)`` would be a double bracket.)
    If every sentence ends in one, the reference closes the text on its own.
    """
    body = text.rstrip()
    for m in re.finditer(r"\.(?=\s|$)", body):
        if m.start() > 0 and body[m.start() - 1] not in ")]）":
            return f"{body[: m.start()]}{see}{body[m.start() :]}"
    alone = see.strip().strip("()")
    return f"{body} {alone[:1].upper()}{alone[1:]}."
