"""Fact extraction: every quantitative statement of a report with its subject, period and place."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sectorlens.facts import lexicon as lx
from sectorlens.facts.block_mentions import cell_mentions, figure_facts, table_cells
from sectorlens.facts.candidates import quantity_spans
from sectorlens.facts.context import (
    Dating,
    Named,
    named_periods,
)
from sectorlens.facts.dateline import (
    bare_date,
    is_dateline,
    last_month_named,
    reference_found,
    year_after_named,
)
from sectorlens.facts.document import Block, BlockKind
from sectorlens.facts.fiscal import fiscal_calendar
from sectorlens.facts.layout import Layout, Sentence, layout
from sectorlens.facts.mentions import Mention
from sectorlens.facts.parts import Parts, document_parts
from sectorlens.facts.period_align import align_periods
from sectorlens.facts.period_context import (
    DocHeadings,
    continues_list,
    heading_period,
    span_word,
    to_date,
)
from sectorlens.facts.readers import Document, read_document
from sectorlens.facts.relative import NO_DOCUMENT_DATE
from sectorlens.facts.respective_prior import lend_measure, lend_said, lend_subjects
from sectorlens.facts.scope import (
    NO_PERIOD,
    Scope,
    is_heading,
)
from sectorlens.facts.sentence_facts import CHANGES, sentence_facts
from sectorlens.facts.subjects_ko import said_subject
from sectorlens.facts.subjects_ko_topic import held_by_paragraph, sentence_holder
from sectorlens.facts.table_units import borrow_units
from sectorlens.model import Fact, Kind, Period

# A sentence that looks back (앞서 1월 상승률은 2.0%였다) is an aside: its periods date it alone.
_ASIDE = re.compile(
    r"^\W{0,3}(?:앞서|이에\s앞서|이전에|earlier,|previously,|此前|之前|此前的)", re.I
)


@dataclass(frozen=True)
class Extraction:
    """What was read from one document: facts, their sentences and the periods named."""

    document: Document
    layout: Layout
    mentions: tuple[Mention, ...]
    periods: dict[int, tuple[tuple[int, int, Period], ...]]
    unparsed: tuple[Fact, ...]
    reference: date | None = None
    named: dict[int, tuple[Named, ...]] = field(default_factory=dict)
    parts: Parts = field(default_factory=Parts)

    def reference_at(self, offset: int) -> date | None:
        """The date that dates ``Document.text[offset]``: its part's own in a compilation of
        separately dated items, else the document's."""
        return self.parts.date_at(offset, self.reference)

    @property
    def facts(self) -> tuple[Fact, ...]:
        """The facts, in document order."""
        return tuple(m.fact for m in self.mentions)

    def sentence(self, mention: Mention) -> Sentence | None:
        """The sentence a mention sits in (None for figure items)."""
        return None if mention.sentence is None else self.layout.sentences[mention.sentence]


def extract_file(path: Path | str, *, default_currency: str | None = None) -> Extraction:
    """Read ``path`` (.txt/.md/.html/.docx/.pdf) and extract its facts."""
    return extract(read_document(path), default_currency=default_currency)


def extract(doc: Document, *, default_currency: str | None = None) -> Extraction:
    """Extract the facts of ``doc``; ambiguous ``$``/``¥`` read as ``default_currency`` if given."""
    lay = layout(doc)
    stated = reference_found(doc.text)
    reference = own_reference = None if stated is None else stated[0]
    # a document that states no date of its own: the last month it names dates the months and
    # the relative periods it names without a year (지난 4월 in a story on 2018년 4월)
    assumed = last_month_named(doc.text) if stated is None else None
    parts = document_parts(doc, stated)
    mentions: list[Mention] = []
    unparsed: list[Fact] = []
    periods: dict[int, tuple[tuple[int, int, Period], ...]] = {}
    named: dict[int, tuple[Named, ...]] = {}
    inherited: Period | None = None
    lead: Period | None = None  # the first span of time the current section states
    last_block: Block | None = None  # the block of the sentence before
    paragraph = -1
    scope = Scope(reference)
    pence = "£" in doc.text or "GBP" in doc.text  # 79.4p is pence only where £ is the currency
    fiscal = fiscal_calendar(doc.text, reference)
    by_paragraph: dict[int, int] = {}
    metrics: dict[str, str | None] = {}  # metric_of of each subject, asked once per document
    for sent in lay.sentences:
        by_paragraph[sent.paragraph] = by_paragraph.get(sent.paragraph, 0) + 1
    tables = [b for b in getattr(doc, "blocks", ()) if b.table is not None]
    table_spans = sorted(b.span for b in tables)
    starts = [a for a, _ in table_spans]
    headings = DocHeadings(doc)
    topics: list[Mention] = []  # the levels stated in the paragraph so far
    prior: list[Mention] = []  # the facts of the sentence before, in the same paragraph
    block: Block | None = None
    said: tuple[int, str] | None = None  # a Korean sentence of words only, its paragraph and text
    holder: tuple[int, str] | None = None  # the name a Korean paragraph is about
    last_said: tuple[int, str] | None = None  # the sentence before, its paragraph and text
    measured: list[tuple[str, bool]] = []  # what a paragraph named its measures by, latest first
    item_period: Period | None = None
    # the year an undated document's 작년/last year counts from: the year after the latest it names
    undated_now = year_after_named(doc.text) if stated is None and assumed is None else None
    lead_in: Period | None = None  # the span a paragraph of words only ends with
    first_of_item = False
    for sent in lay.sentences:
        k = bisect.bisect_right(starts, sent.offsets[-1]) - 1  # | 분야 | …: the row's pipe first
        if k >= 0 and sent.offsets[0] < table_spans[k][1]:
            continue  # a table row: its cells are read as cells below
        if lx.SCALE_LINE.match(sent.text):
            continue  # 人民币百万元，另有标注除外: a table's scale, no amount
        passed = headings.passed(sent.offsets[0])
        for head in passed:
            if parts.compilation and head.span[0] in parts.starts:
                # another item of a compilation: its own date, no period of the item before
                reference = parts.date_at(head.span[0], own_reference)
                scope = Scope(reference)
                inherited = item_period = lead = undated_now = None
            if _date_line(head, stated):
                continue  # February 05, 2009 set as a heading: the document's date, no section's
            heading_period(head, scope, fiscal, reference)
        here = doc.block_at(sent.offsets[-1])
        running = _running(last_block, here) and here is not last_block
        if here is None or here.kind is not BlockKind.CAPTION:
            last_block = here  # (a photo's or a source's caption between paragraphs: still running)
        if sent.paragraph != paragraph:
            before, block = block, here
            paragraph, first_of_item = sent.paragraph, True
            # a list item goes on in the period its item before starts with; a paragraph of
            # running text in the period its section's lead states (a news story's lead dates
            # the paragraphs after it that name no period of their own)
            if passed:
                lead = None
            inherited = item_period if continues_list(before, block) else lead if running else None
            if inherited is None and lead_in is not None and _opens_list(before, block):
                inherited = lead_in  # FISCAL YEAR 2009 THIRD QUARTER HIGHLIGHTS, then its items
            lead_in = None
        base = inherited or scope.period or scope.reference_period
        year = (base or NO_PERIOD).end.year
        published = base is not None and base is scope.reference_period
        dating = Dating(fiscal, base.end if base else None, published, reference, base, undated_now)
        if base is None and assumed is not None:
            year, dating = assumed.year, Dating(fiscal, assumed, True, assumed, None)
        found = to_date(sent.text, named_periods(sent.text, None if year == 1 else year, dating))
        guess = any(n.note and NO_DOCUMENT_DATE in n.note for n in found)
        if undated_now is None and year != 1 and guess:
            undated_now = year  # 작년 without a document date: every later 작년 counts from here
        if not any(not n.compared for n in found) and base is not None and _day_or_quarter(base):
            word = span_word(sent.text, base.end, fiscal, published)
            found = found if word is None else tuple(sorted((*found, word), key=lambda n: n.start))
        named[sent.index] = found
        periods[sent.index] = tuple((n.start, n.end, n.period) for n in found)
        spans = quantity_spans(sent.text)
        dateline = is_dateline(sent.text) or (
            stated is not None
            and sent.offsets[0] <= stated[1] <= sent.offsets[-1]
            and bare_date(sent.text)
        )
        if by_paragraph[sent.paragraph] == 1 and is_heading(sent.text, spans):
            if dateline:
                continue  # 2023.04.04 여성신문: the document's date, no section's period
            # | 项目 | 2019年 | 2018年 |: columns, no heading; a byline: no break in the context
            if not _PIPE_ROW.match(sent.text) and scope.heading(sent.text, found):
                lead = None
            continue
        if first_of_item and not (running and _GOES_ON.match(sent.text)):
            topics, prior = [], []  # (전년 동기 대비로는 …: a paragraph that goes on with it)
        # (the period lent only dates figures: a sentence without any is not read for _NOW)
        now = spans and inherited is not None and inherited is lead and _NOW.search(sent.text)
        lent = None if now else inherited
        got, bad = sentence_facts(
            doc, sent, spans, found, lent, scope, default_currency, topics, metrics, pence=pence
        )
        earlier = prior  # the figures of the sentence before
        got, prior = lend_subjects(sent.text, got, prior), got
        # 현대차는 …. 해외 시장에서도 …: a Korean paragraph goes on about the name it is about
        # (only a Korean topic names one, and only a Korean measure is held by it)
        own_holder = sentence_holder(sent.text)
        if own_holder is not None or (holder is not None and holder[0] != sent.paragraph):
            holder = (sent.paragraph, own_holder) if own_holder else None
        if holder is not None:
            got = [_held(m, holder[1]) for m in got]
        if (
            said is not None
            and said[0] == sent.paragraph
            and any(m.fact.subject is None for m in got)
        ):
            got = lend_said(got, said_subject(said[1]))  # read only where a figure needs it
        if last_said is not None and (
            last_said[0] == sent.paragraph or (opening_by(sent.text) and not earlier)
        ):
            topic = (topics[-1].fact.subject or "", False) if topics else ("", False)
            measured = [topic, (last_said[1], True), *measured][:8]
            # (and the names of the sentence before's figures: 점유율 한국 37%. 일본 32.5%)
            got = lend_measure(got, [*measured, *((m.fact.subject or "", False) for m in earlier)])
        else:
            measured = []
        last_said = (sent.paragraph, sent.text)
        words_only = not spans and lx.language(sent.text) == "ko"
        said = (sent.paragraph, sent.text) if words_only else None
        mentions.extend(got)
        unparsed.extend(bad)
        levels = [m for m in got if _is_level(m)]
        topics = topics + levels if levels else []  # (a sentence without one has no topic)
        # The sentence before lends its period (이 중 총 금액은… after 2014~2020년…); a sentence
        # with figures but no period of its own passes on the one it was lent.
        own = [n.period for n in found if not n.compared]
        opening = first_of_item  # the paragraph's first sentence
        if first_of_item:
            item_period, first_of_item = (own[0] if own else inherited), False
        if lead is None and got and not dateline:
            # the first span of time a sentence with figures states (a dateline's day is none)
            lead = _lead_of(found, sent.text)
        if own and (_parts_of(own, inherited) or _ASIDE.match(sent.text)):
            continue  # 分季度看，一季度…二季度…三季度; 앞서 1월은…: no period to pass on
        stretches = [p for p in own if p.start != p.end]
        lead_in = stretches[-1] if stretches and not got else None  # words only: a lead-in?
        if own and not dateline:
            inherited = own[-1]  # (a dateline's day dates the document, as its reference)
        elif (
            not (got or found)
            and reference is not None
            and not (opening and _recent(lead, reference))
        ):
            # a sentence of words only ends the run, the document's date dates on (not one that
            # opens a paragraph in the period of a recent lead: 생산은 …이 주도했다.)
            inherited = None
    read = [
        table_cells(doc, block, parts.day_at(block.span[0], own_reference), fiscal)
        for block in tables
    ]
    borrowed = borrow_units(
        [(b.table, cfs) for b, (cfs, _, _) in zip(tables, read, strict=True) if b.table]
    )
    for block, (_, lang, section), cfs in zip(tables, read, borrowed, strict=True):
        mentions.extend(cell_mentions(block, cfs, lang, section))
    for run_index, run in enumerate(lay.figures):
        got, bad = figure_facts(doc, run, run_index, default_currency)
        mentions.extend(got)
        unparsed.extend(bad)
    mentions.sort(key=lambda m: m.fact.span)
    return Extraction(
        doc,
        lay,
        tuple(align_periods(mentions)),
        periods,
        tuple(unparsed),
        own_reference,
        named,
        parts,
    )


def _lead_of(found: Sequence[Named], text: str) -> Period | None:
    """The first span of time a sentence states (not a day), narrowed to the part written right
    after it (``올해 상반기``, ``this year's first half``: the half, not the year); not the level
    a change is measured against (``4.8 percent above June 2009``)."""
    own = [
        n
        for n in found
        if not n.compared
        and n.period.start != n.period.end
        and not _ABOVE.search(text[max(0, n.start - 40) : n.start])
    ]
    if not own:
        return None
    first = own[0]
    for n in own[1:]:
        inside = first.period.start <= n.period.start and n.period.end <= first.period.end
        if inside and 0 <= n.start - first.end <= 3:
            first = n
    return first.period


# a paragraph that opens with the comparison of the figure before it
# 업종별로는 금융보험업(297억 달러), 제조업(…): a paragraph that breaks down the measure the one
# before named
_BY_LEAD = re.compile(
    r"^\W{0,3}(?:\S+\s){0,2}?\S+별(?:로는|로\s?(?:보면|살펴보면|나눠\s?보면|는))\s"
)


def opening_by(text: str) -> bool:
    """The sentence opens a breakdown by kind (``업종별로는``, ``지역별로 보면``)."""
    return bool(_BY_LEAD.match(text))


_GOES_ON = re.compile(
    r"^\s?(?:이는\s)?(?:전년|전월|전분기|작년\s?동기|지난해\s?같은\s?기간)\s?(?:동기|동월)?\s?대비|"
    r"^\s?(?:同比|环比|比上年|较上年|与上年同期相比)"
)


def _recent(lead: Period | None, reference: date) -> bool:
    """A lead period that ends at most a year and a half before the document's date."""
    return lead is not None and 0 <= (reference - lead.end).days <= 550


def _running(before: Block | None, block: Block | None) -> bool:
    """Two paragraphs of running text in a row (no table, list or heading between them)."""
    return (
        before is not None
        and block is not None
        and before.kind is BlockKind.PARAGRAPH
        and block.kind is BlockKind.PARAGRAPH
    )


def _date_line(head: Block, stated: tuple[date, int] | None) -> bool:
    """A heading that is the document's own date and nothing else."""
    return stated is not None and head.span[0] <= stated[1] < head.span[1] and bare_date(head.text)


def _opens_list(before: Block | None, block: Block | None) -> bool:
    """The first item of a list, right after a paragraph or heading."""
    return (
        before is not None
        and block is not None
        and before.kind is not BlockKind.LIST_ITEM
        and block.kind is BlockKind.LIST_ITEM
    )


def _day_or_quarter(p: Period) -> bool:
    """A context a ``quarterly``/``full-year`` word can be read against: a day or a quarter."""
    return (p.end - p.start).days <= 100


def _is_level(m: Mention) -> bool:
    """A stated level with a metric (not a change, a rate or a share)."""
    return (
        m.metric is not None
        and m.change not in CHANGES
        and m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP)
    )


def _parts_of(own: Sequence[Period], inherited: Period | None) -> bool:
    """Several periods, each inside the period in context: its parts, listed one by one."""
    if inherited is None or len(set(own)) < 2:
        return False
    return all(inherited.start <= p.start and p.end <= inherited.end for p in own)


# 4.8 percent above June 2009, 0.7% below the revised July estimate: the level compared with
_ABOVE = re.compile(r"\b(?:above|below)\s(?:the\s)?(?:revised\s|preliminary\s|advance\s)?$", re.I)
# The document's own day, not the period a section's lead states: today, 현재, 目前
_NOW = re.compile(
    r"\b(?:today|now|currently|at\spresent|as\sof\sthis\swriting)\b|현재|지금|오늘|目前|当前|當前|现在|現在|如今",
    re.I,
)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _held(m: Mention, holder: str) -> Mention:
    """``m`` with its bare measure held by the name its paragraph is about."""
    subject = held_by_paragraph(m.fact.subject, holder)
    if subject == m.fact.subject:
        return m
    return dataclasses.replace(m, fact=dataclasses.replace(m.fact, subject=subject))
