"""Mentions from blocks that are not sentences: the cells of a table and a figure's labels."""

from __future__ import annotations

import dataclasses

from sectorlens.facts import lexicon as lx
from sectorlens.facts.basis import section_basis
from sectorlens.facts.context import Dating, named_periods
from sectorlens.facts.document import Block
from sectorlens.facts.fiscal import Fiscal
from sectorlens.facts.layout import FigureRun
from sectorlens.facts.mentions import FACT_KINDS, Mention
from sectorlens.facts.readers import Document
from sectorlens.facts.scope import metric_of
from sectorlens.facts.table_facts import CellFact, block_context, table_facts
from sectorlens.model import Fact, Kind, Period
from sectorlens.parse import parse


def table_cells(
    doc: Document, block: Block, fallback: Period | None, fiscal: Fiscal | None = None
) -> tuple[list[CellFact], str, str | None]:
    """The cell facts of a table, its language and the section it sits in."""
    context = block_context(doc, block)
    day = fallback.end if fallback is not None else None
    dating = Dating(fiscal, day, True) if fiscal is not None else None
    found = [n.period for n in named_periods(context, None, dating) if not n.compared]
    lang = lx.language(block.text[:400] + context)
    section = next((h.text[:40] for h in reversed(doc.headings()) if h.index < block.index), None)
    columns = continued_header(doc, block)
    base = found[-1] if found else None
    got = table_facts(doc, block, context, base or fallback, dating, columns, base)
    return got, lang, section


def cell_mentions(
    block: Block, cells: list[CellFact], lang: str, section: str | None
) -> list[Mention]:
    """The cells of a table as mentions (their locator is the cell)."""
    basis = section_basis(section)  # 三、母公司利润表: the parent company's table
    return [
        Mention(
            cf.fact,
            None,
            (0, len(cf.fact.quantity.input)),
            None,
            lang,
            cf.estimate,
            change=cf.change,
            metric=cf.metric,
            section=section,
            period_source="table" if cf.fact.period is not None else None,
            cell=(block.index, cf.row, cf.col),
            group=cf.group,
            basis=basis,
        )
        for cf in cells
    ]


def continued_header(doc: Document, block: Block) -> list[str] | None:
    """The column headers of the table right above ``block`` on its page when ``block`` has
    none of its own and as many columns (one table the page split in two)."""
    table = block.table
    if table is None or table.header_rows or block.index == 0:
        return None
    above = doc.blocks[block.index - 1]
    prev = above.table
    if prev is None or not prev.header_rows or prev.cols != table.cols or above.page != block.page:
        return None
    return [prev.column_header(c) for c in range(prev.cols)]


def figure_facts(
    doc: Document, run: FigureRun, run_index: int, default_currency: str | None
) -> tuple[list[Mention], list[Fact]]:
    caption = run.caption or ""
    found = named_periods(caption, None)
    period = found[0].period if found else None
    lang = lx.language(caption + " ".join(item.label for item in run.items))
    mentions: list[Mention] = []
    unparsed: list[Fact] = []
    for item in run.items:
        text = item.value
        q = parse(text, default_currency=default_currency)
        if q.kind is Kind.NUMBER and run.unit and "," not in run.unit:
            q = dataclasses.replace(
                parse(f"{text}{run.unit}", default_currency=default_currency), input=text
            )
        sentence = f"{item.label} {item.value}"
        line = doc.line_of(item.value_span[0])
        if q.kind not in FACT_KINDS:
            if q.kind is Kind.UNPARSED:
                unparsed.append(
                    Fact(q, item.label, sentence, line, item.value_span, run.caption, period)
                )
            continue
        fact = Fact(q, item.label, sentence, line, item.value_span, run.caption, period)
        mentions.append(
            Mention(
                fact,
                None,
                (0, len(text)),
                None,
                lang,
                False,
                run_index,
                metric=metric_of(item.label),
                period_source="caption" if period is not None else None,
            )
        )
    return mentions, unparsed
