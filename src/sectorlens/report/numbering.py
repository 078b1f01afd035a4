"""Numbering a report: tables and figures get labels (표 2, 그림 3) the text refers to."""

from __future__ import annotations

import re
from dataclasses import replace

from sectorlens.report.blocks import Block, Chart, Paragraph, Section, Table
from sectorlens.report.wording import Wording


def number_blocks(sections: list[Section], words: Wording) -> dict[str, str]:
    """Label every table and chart in reading order; each section's first paragraph cites them.

    A table without a caption takes its section's title. The reference goes before the final
    period of the section's first paragraph: ``…늘었다(표 1, 그림 1 참조).`` /
    ``… 46.9% (see Table 1, Figure 1).`` Returns each section's reference (``(표 1, 그림 1 참조)``)
    by section id, for the summary.
    """
    refs: dict[str, str] = {}
    tables = figures = 0
    for section in sections:
        numbers: dict[str, list[int]] = {"table": [], "figure": []}
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Table):
                tables += 1
                label = words.say("report.table_label", n=tables)
                block = replace(block, label=label, caption=block.caption or section.title)
                numbers["table"].append(tables)
            elif isinstance(block, Chart):
                figures += 1
                label = words.say("report.figure_label", n=figures)
                block = replace(block, label=label)
                numbers["figure"].append(figures)
            blocks.append(block)
        if numbers["table"] or numbers["figure"]:
            items = [_labels(words, kind, n) for kind, n in numbers.items() if n]
            see = words.say("report.see", items=", ".join(items))
            first = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)), None)
            if first is not None:
                para = blocks[first]
                assert isinstance(para, Paragraph)
                blocks[first] = replace(para, text=with_reference(para.text, see))
            refs[section.section_id] = see
        section.blocks = blocks
    return refs


def _labels(words: Wording, kind: str, numbers: list[int]) -> str:
    """``표 9~11`` / ``Tables 9–11, 13`` / ``그림 2``: runs of consecutive numbers joined."""
    if len(numbers) == 1:
        return words.say(f"report.{kind}_label", n=numbers[0])
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(
        words.say("report.number_range", a=r[0], b=r[-1]) if len(r) > 1 else str(r[0]) for r in runs
    )
    return words.say(f"report.{kind}s_label", n=text)


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
