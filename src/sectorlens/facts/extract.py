"""Fact extraction: every quantitative statement of a report with its subject, period and place."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sectorlens.facts import lexicon as lx
from sectorlens.facts.candidates import Span, period_spans, quantity_spans
from sectorlens.facts.layout import FigureRun, Layout, Sentence, layout
from sectorlens.facts.readers import Document, read_document
from sectorlens.facts.subjects import respectively, subject_of
from sectorlens.model import Fact, Kind, Period, Qualifier, Quantity
from sectorlens.parse import parse, parse_period

FACT_KINDS = frozenset({Kind.MONEY, Kind.PERCENT, Kind.PP, Kind.COUNT, Kind.NUMBER})
_AT_LEAST_AFTER = re.compile(r"^\s?[을를]?\s?(?:넘어|넘을|넘는|넘었|초과|상회|웃돌)")
_AT_MOST_AFTER = re.compile(r"^\s?[을를]?\s?(?:밑돌|하회|못 미)")
_ESTIMATE = lx.compile_words(lx.ESTIMATE_CUES)
_DONE = re.compile(r"했다|였다|었다|달했|기록했|was|were|reached|recorded|达到了|实现了|完成了")
_CLAUSE_END = re.compile(r"[,，;；]|$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A fact with what the rules need besides: where it sits and the whole it is a share of."""

    fact: Fact
    sentence: int | None  # index in ``Extraction.layout.sentences``; None for figure items
    local: tuple[int, int]  # span inside the sentence text (figure items: inside the value)
    base: str | None
    lang: str
    estimate: bool
    figure_run: int | None = None


@dataclass(frozen=True)
class Extraction:
    """What was read from one document: facts, their sentences and the periods named."""

    document: Document
    layout: Layout
    mentions: tuple[Mention, ...]
    periods: dict[int, tuple[tuple[int, int, Period], ...]]
    unparsed: tuple[Fact, ...]

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
    mentions: list[Mention] = []
    unparsed: list[Fact] = []
    periods: dict[int, tuple[tuple[int, int, Period], ...]] = {}
    inherited: Period | None = None
    paragraph = -1
    for sent in lay.sentences:
        if sent.paragraph != paragraph:
            paragraph, inherited = sent.paragraph, None
        found = _periods(sent.text)
        periods[sent.index] = found
        got, bad = _sentence_facts(doc, sent, found, inherited, default_currency)
        mentions.extend(got)
        unparsed.extend(bad)
        # Only the sentence right before lends its period (이 중 총 금액은… after 2014~2020년…).
        inherited = found[-1][2] if found else None
    for run_index, run in enumerate(lay.figures):
        got, bad = _figure_facts(doc, run, run_index, default_currency)
        mentions.extend(got)
        unparsed.extend(bad)
    mentions.sort(key=lambda m: m.fact.span)
    return Extraction(doc, lay, tuple(mentions), periods, tuple(unparsed))


def _periods(text: str) -> tuple[tuple[int, int, Period], ...]:
    out = []
    for span in period_spans(text):
        q = parse_period(span.text)
        if q.period is not None:
            out.append((span.start, span.end, q.period))
    return tuple(out)


def _sentence_facts(
    doc: Document,
    sent: Sentence,
    found: Sequence[tuple[int, int, Period]],
    inherited: Period | None,
    default_currency: str | None,
) -> tuple[list[Mention], list[Fact]]:
    text = sent.text
    spans = quantity_spans(text)
    if not spans:
        return [], []
    lang = lx.language(text)
    listed = respectively(text, [(s.start, s.end) for _, s in spans])
    mentions: list[Mention] = []
    unparsed: list[Fact] = []
    floor = 0
    previous: Mention | None = None
    for i, (_hint, span) in enumerate(spans):
        q = parse(span.text, default_currency=default_currency)
        if not (i and not re.search(r"[,，;；]", text[spans[i - 1][1].end : span.start])):
            # 4000억 위안을 넘어서고 is a bound; 50억 원은 40억 원을 넘어섰다 compares two values.
            q = _qualified(q, text[span.end :])
        doc_span = sent.doc_span(span.start, span.end)
        period = _period_for(text, span, found, lang) or inherited
        if q.kind not in FACT_KINDS:
            if q.kind is Kind.UNPARSED:
                unparsed.append(
                    Fact(q, None, text, doc.line_of(doc_span[0]), doc_span, sent.figure, period)
                )
            continue
        kind = "percent" if q.kind in (Kind.PERCENT, Kind.PP) else q.kind.value
        subject, base = subject_of(text, span.start, span.end, floor, kind, lang)
        subject = listed.get(i, subject)
        if subject is None and previous is not None and previous.fact.quantity.kind is q.kind:
            subject = previous.fact.subject  # the topic of the sentence carries on
        subject = subject or sent.label
        fact = Fact(q, subject, text, doc.line_of(doc_span[0]), doc_span, sent.figure, period)
        mention = Mention(
            fact, sent.index, (span.start, span.end), base, lang, _is_estimate(text, span.end)
        )
        mentions.append(mention)
        previous = mention
        floor = span.end
    return mentions, unparsed


def _qualified(q: Quantity, after: str) -> Quantity:
    """``4000억 위안을 넘어서고`` reads as at least 4000억: a bound stated after the number."""
    if q.qualifier is not Qualifier.EXACT or q.value is None:
        return q
    if _AT_LEAST_AFTER.match(after):
        return dataclasses.replace(q, qualifier=Qualifier.AT_LEAST, value=None, high=None)
    if _AT_MOST_AFTER.match(after):
        return dataclasses.replace(q, qualifier=Qualifier.AT_MOST, value=None, low=None)
    return q


def _period_for(
    text: str, span: Span, found: Sequence[tuple[int, int, Period]], lang: str
) -> Period | None:
    """The period named nearest before the quantity, else right after it in the same clause.

    English names the period after the number (``723 deals in 2020``): there the period right
    after it, before the next number, comes first.
    """
    after = None
    for s, _e, p in found:
        gap = text[span.end : s]
        if s >= span.end and not re.search(r"[,，;；]|\d", gap):
            after = p
            break
    if lang == "en" and after is not None:
        return after
    before = [p for s, e, p in found if e <= span.start]
    return before[-1] if before else after


def _is_estimate(text: str, end: int) -> bool:
    """True when the clause after the number, or a sentence that reports nothing done, predicts."""
    stop = _CLAUSE_END.search(text, end)
    clause = text[end : stop.start()] if stop else text[end:]
    if _ESTIMATE.search(clause):
        return True
    return bool(_ESTIMATE.search(text)) and not _DONE.search(text)


def _figure_facts(
    doc: Document, run: FigureRun, run_index: int, default_currency: str | None
) -> tuple[list[Mention], list[Fact]]:
    caption = run.caption or ""
    found = _periods(caption)
    period = found[0][2] if found else None
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
        mentions.append(Mention(fact, None, (0, len(text)), None, lang, False, run_index))
    return mentions, unparsed
