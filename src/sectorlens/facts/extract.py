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
from sectorlens.facts.amount_reading import (
    EQUIV_LINK,
    approx_lead,
    equivalent_pair,
    is_estimate,
    qualified,
    respective_levels,
    same_kind,
)
from sectorlens.facts.basis import basis_of, section_basis
from sectorlens.facts.block_mentions import cell_mentions, figure_facts, table_cells
from sectorlens.facts.candidates import Span, quantity_spans
from sectorlens.facts.context import (
    Dating,
    Named,
    change_of,
    named_periods,
)
from sectorlens.facts.dateline import reference_found
from sectorlens.facts.document import Block
from sectorlens.facts.fiscal import fiscal_calendar
from sectorlens.facts.layout import Layout, Sentence, layout
from sectorlens.facts.list_whole import listed_whole
from sectorlens.facts.mentions import FACT_KINDS, Mention
from sectorlens.facts.parts import Parts, document_parts
from sectorlens.facts.period_align import align_periods
from sectorlens.facts.period_context import (
    DocHeadings,
    cagr_period,
    change_period,
    continues_list,
    endpoint,
    heading_period,
    noted,
    span_word,
    to_date,
)
from sectorlens.facts.readers import Document, read_document
from sectorlens.facts.respective_prior import lend_subjects
from sectorlens.facts.scope import (
    NO_PERIOD,
    Scope,
    context_period,
    is_heading,
    metric_of,
    period_for,
    respective_periods,
    signed,
)
from sectorlens.facts.subjects import (
    of_level,
    respectively,
    share_of,
    strip_measure,
    subject_of,
    with_entity,
)
from sectorlens.facts.subjects_en import segment_name
from sectorlens.facts.table_units import borrow_units
from sectorlens.model import Fact, Kind, Period
from sectorlens.parse import parse

# A sentence that looks back (앞서 1월 상승률은 2.0%였다) is an aside: its periods date it alone.
_ASIDE = re.compile(
    r"^\W{0,3}(?:앞서|이에\s앞서|이전에|earlier,|previously,|此前|之前|此前的)", re.I
)
# Between two numbers of one clause (increased 39.7% to $49.1 million) there is none of these.
_CLAUSE_BREAK = re.compile(
    r"[,，;；:：。]|\band\b|\bwhile\b|\bwhereas\b|및|하고|하며|이며|으며", re.I
)
_CHANGES = frozenset(["cagr", "yoy", "qoq", "change"])
_NAME_AFTER = re.compile(
    r"^\s(?:Senior\s|Convertible\s|Exchangeable\s)?(?:Notes|Bonds|Debentures)\b"
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
    parts = document_parts(doc, stated)
    mentions: list[Mention] = []
    unparsed: list[Fact] = []
    periods: dict[int, tuple[tuple[int, int, Period], ...]] = {}
    named: dict[int, tuple[Named, ...]] = {}
    inherited: Period | None = None
    paragraph = -1
    scope = Scope(reference)
    fiscal = fiscal_calendar(doc.text)
    by_paragraph: dict[int, int] = {}
    metrics: dict[str, str | None] = {}  # metric_of of each subject, asked once per document
    for sent in lay.sentences:
        by_paragraph[sent.paragraph] = by_paragraph.get(sent.paragraph, 0) + 1
    tables = [b for b in getattr(doc, "blocks", ()) if b.table is not None]
    table_spans = sorted(b.span for b in tables)
    starts = [a for a, _ in table_spans]
    headings = DocHeadings(doc)
    topic: Mention | None = None  # the last level stated in the paragraph so far
    prior: list[Mention] = []  # the facts of the sentence before, in the same paragraph
    block: Block | None = None
    item_period: Period | None = None
    first_of_item = False
    for sent in lay.sentences:
        k = bisect.bisect_right(starts, sent.offsets[-1]) - 1  # | 분야 | …: the row's pipe first
        if k >= 0 and sent.offsets[0] < table_spans[k][1]:
            continue  # a table row: its cells are read as cells below
        if lx.SCALE_LINE.match(sent.text):
            continue  # 人民币百万元，另有标注除外: a table's scale, no amount
        for head in headings.passed(sent.offsets[0]):
            if parts.compilation and head.span[0] in parts.starts:
                # another item of a compilation: its own date, no period of the item before
                reference = parts.date_at(head.span[0], own_reference)
                scope = Scope(reference)
                inherited = item_period = None
            heading_period(head, scope, fiscal, reference)
        if sent.paragraph != paragraph:
            before, block = block, doc.block_at(sent.offsets[-1])
            paragraph, first_of_item = sent.paragraph, True
            # a list item goes on in the period its item before starts with
            inherited = item_period if continues_list(before, block) else None
        base = inherited or scope.period or scope.reference_period
        year = (base or NO_PERIOD).end.year
        published = base is not None and base is scope.reference_period
        dating = Dating(fiscal, base.end if base else None, published, reference, base)
        found = to_date(sent.text, named_periods(sent.text, None if year == 1 else year, dating))
        if not any(not n.compared for n in found) and base is not None and _day_or_quarter(base):
            word = span_word(sent.text, base.end, fiscal, published)
            found = found if word is None else tuple(sorted((*found, word), key=lambda n: n.start))
        named[sent.index] = found
        periods[sent.index] = tuple((n.start, n.end, n.period) for n in found)
        spans = quantity_spans(sent.text)
        if by_paragraph[sent.paragraph] == 1 and is_heading(sent.text, spans):
            if not _PIPE_ROW.match(sent.text):  # | 项目 | 2019年 | 2018年 |: columns, no heading
                scope.heading(sent.text, found)
            continue
        if first_of_item:
            topic, prior = None, []
        got, bad = _sentence_facts(
            doc, sent, spans, found, inherited, scope, default_currency, topic, metrics
        )
        got, prior = lend_subjects(sent.text, got, prior), got
        mentions.extend(got)
        unparsed.extend(bad)
        topic = next((m for m in reversed(got) if _is_level(m)), None)
        # The sentence before lends its period (이 중 총 금액은… after 2014~2020년…); a sentence
        # with figures but no period of its own passes on the one it was lent.
        own = [n.period for n in found if not n.compared]
        if first_of_item:
            item_period, first_of_item = (own[0] if own else inherited), False
        if own and (_parts_of(own, inherited) or _ASIDE.match(sent.text)):
            continue  # 分季度看，一季度…二季度…三季度; 앞서 1월은…: no period to pass on
        if own:
            inherited = own[-1]
        elif not (got or found) and reference is not None:
            inherited = None  # a sentence of words only ends the run; the document's date dates on
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


def _day_or_quarter(p: Period) -> bool:
    """A context a ``quarterly``/``full-year`` word can be read against: a day or a quarter."""
    return (p.end - p.start).days <= 100


def _is_level(m: Mention) -> bool:
    """A stated level with a metric (not a change, a rate or a share)."""
    return (
        m.metric is not None
        and m.change not in _CHANGES
        and m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP)
    )


def _parts_of(own: Sequence[Period], inherited: Period | None) -> bool:
    """Several periods, each inside the period in context: its parts, listed one by one."""
    if inherited is None or len(set(own)) < 2:
        return False
    return all(inherited.start <= p.start and p.end <= inherited.end for p in own)


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _sentence_facts(
    doc: Document,
    sent: Sentence,
    spans: Sequence[tuple[str, Span]],
    found: Sequence[Named],
    inherited: Period | None,
    scope: Scope,
    default_currency: str | None,
    topic: Mention | None = None,
    metrics: dict[str, str | None] | None = None,
) -> tuple[list[Mention], list[Fact]]:
    """The facts of one sentence; ``topic`` is the last level the paragraph stated before it
    (分季度看，一季度同比增长6.7%: the rate of the GDP named the sentence before)."""
    text = sent.text
    if not spans:
        return [], []
    lang = lx.language(text)
    listed = respectively(text, [(s.start, s.end) for _, s in spans])
    compared = next((n.period for n in found if n.compared), None)
    by_order = respective_periods(text, spans, found)
    by_level = respective_levels(text, spans)
    at_span: dict[int, Mention] = {}
    mentions: list[Mention] = []
    unparsed: list[Fact] = []
    floor = cagr_floor = 0
    segment = segment_name(text)  # the sentence's, the same for each of its facts
    memo: dict[str, str | None] = {} if metrics is None else metrics

    def metric_of_(subject: str | None) -> str | None:
        """``metric_of``, asked once per subject (a pure function of it)."""
        if not subject:
            return metric_of(subject)
        if subject not in memo:
            memo[subject] = metric_of(subject)
        return memo[subject]

    shares = sum(1 for hint, _ in spans if hint == "percent")
    from_span: Period | None = None
    previous: Mention | None = None
    level: Mention | None = None
    for i, (_hint, span) in enumerate(spans):
        if any(n.start <= span.start and span.end <= n.end for n in found):
            continue  # 前5个月, the 40-year period: a number that is part of a period
        q = parse(span.text, default_currency=default_currency)
        if not (i and not re.search(r"[,，;；]", text[spans[i - 1][1].end : span.start])):
            # 4000억 위안을 넘어서고 is a bound; 50억 원은 40억 원을 넘어섰다 compares two values.
            q = qualified(q, text[span.end :])
        doc_span = sent.doc_span(span.start, span.end)
        change = change_of(text, span.start, span.end, floor)
        period, source = by_order.get(i) or period_for(text, span, found, lang), "sentence"
        if change in _CHANGES and i not in by_order and q.kind in (Kind.PERCENT, Kind.PP):
            period = change_period(period, span.start, found)
        if change == "cagr":
            period = cagr_period(period, span.start, cagr_floor, found)
            cagr_floor = span.end
        elif i not in by_order:
            raw, period = period, endpoint(period, change, from_span)
            from_span = raw if change == "from" else None
        if period is None:
            period, source = context_period(inherited, scope, sent)
        elif source == "sentence":
            q = noted(q, period, found)
        if q.kind not in FACT_KINDS:
            if q.kind is Kind.UNPARSED:
                unparsed.append(
                    Fact(q, None, text, doc.line_of(doc_span[0]), doc_span, sent.figure, period)
                )
            continue
        if q.kind is Kind.MONEY and span.text.endswith("块") and re.search(r"[万亿]块$", span.text):
            # 1353.8亿块 counts chips: 块 is yuan only in small spoken sums
            q = dataclasses.replace(parse(span.text[:-1] + "个"), input=span.text, unit="块")
        if q.kind is Kind.PERCENT and _NAME_AFTER.match(text[span.end :]):
            continue  # 3.924% Notes: part of a name, not a figure
        q = signed(q, text[: span.start], change)
        kind = "percent" if q.kind in (Kind.PERCENT, Kind.PP) else q.kind.value
        subject, base = subject_of(text, span.start, span.end, floor, kind, lang)
        if kind == "percent" and base is None and change is None:
            base = listed_whole(text, span.start, mentions, shares)  # 이 중 베이징이 32.53%
        subject = listed.get(i, subject)
        stated = previous if previous is not None and previous.change not in _CHANGES else level
        if stated is not None and (change == "cagr" or kind == "percent"):
            named = (stated.fact.subject or "").split(" · ")[0] or stated.metric
            subject = of_level(subject, named)  # 投资额 … 年复合增长率为25.0%
        # 로봇 투자 비중이 23%: the subject keeps its measure, the metric names the part
        metric = metric_of_(strip_measure(subject) if kind == "percent" else subject)
        if metric is None and level is not None and (change or kind == "percent"):
            metric = level.metric  # 营收 82.07 亿元，同比 - 31.25%: the change of 营收
        if subject is None and previous is not None and same_kind(previous.fact.quantity, q):
            subject = previous.fact.subject  # the topic of the sentence carries on
            metric = metric or previous.metric
        subject = subject or sent.label
        metric = metric or metric_of_(subject)
        carried = None
        if (
            metric is None
            and previous is not None
            and (
                previous.fact.quantity.kind is q.kind
                or span.start - previous.local[1] <= 8
                or not _CLAUSE_BREAK.search(text[previous.local[1] : span.start])
            )
        ):
            # 2019년 120억 원에서 2020년 150억 원으로; 出口金额同比增长4.7%，达到了133.8亿美元
            metric = previous.metric
            same = previous.fact.quantity.kind is q.kind and previous.change != "cagr"
            carried = previous.fact.subject if same else None  # 占比从31.6%上升至34.9%
        if subject is None or metric_of_(subject) is None:
            subject = carried or metric  # a subject is never a verb (同比增长) or a sign
        if (
            metric is None
            and topic is not None
            and previous is None
            and change in ("yoy", "qoq", "change")
        ):
            subject, metric = topic.fact.subject, topic.metric  # the sentence before's topic
        if i in by_level and by_level[i] in at_span:
            # 营业收入…、利润总额…、净利润…，同比分别增长13.99%、8.63%及6.73%: in order
            subject, metric = at_span[by_level[i]].fact.subject, at_span[by_level[i]].metric
        section = scope.item(text)
        subject = with_entity(share_of(subject, base), section, text)
        fact = Fact(q, subject, text, doc.line_of(doc_span[0]), doc_span, sent.figure, period)
        mention = Mention(
            fact,
            sent.index,
            (span.start, span.end),
            base,
            lang,
            is_estimate(text, span.end),
            change=change,
            metric=metric,
            section=section,
            period_source=source if period is not None else None,
            compared=compared,
            level=level.fact.span if level is not None and change in _CHANGES else None,
            segment=segment,
            basis=basis_of(text, span.start, span.end) or section_basis(section),
        )
        if (
            previous is not None
            and EQUIV_LINK.fullmatch(text[previous.local[1] : span.start] + approx_lead(span.text))
            and equivalent_pair(previous.fact.quantity, q)
        ):
            # 12亿欧元，约合16.5亿美元: the stated equivalent of the amount before it
            first = dataclasses.replace(previous.fact.quantity, equivalent=q)
            mentions[-1] = dataclasses.replace(
                previous, fact=dataclasses.replace(previous.fact, quantity=first)
            )
            fact = dataclasses.replace(fact, subject=previous.fact.subject)
            mention = dataclasses.replace(mention, fact=fact, metric=previous.metric)
        mentions.append(mention)
        at_span[i] = mention
        previous = mention
        if change not in _CHANGES and q.kind is not Kind.PERCENT:
            level = mention
        floor = span.end
    return mentions, unparsed
