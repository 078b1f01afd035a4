"""The facts of one sentence: each quantity with its subject, period, change, level and base."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from sectorlens.facts import lexicon as lx
from sectorlens.facts.amount_reading import (
    EQUIV_LINK,
    approx_lead,
    clause_predicts,
    equivalent_pair,
    pence_of,
    qualified,
    respective_levels,
    same_kind,
    sentence_predicts,
    with_unit_per,
)
from sectorlens.facts.basis import basis_of, names_a_basis, section_basis
from sectorlens.facts.candidates import Span
from sectorlens.facts.change_words import change_in_simplified
from sectorlens.facts.context import Named
from sectorlens.facts.layout import Sentence
from sectorlens.facts.list_whole import listed_whole, opening_whole
from sectorlens.facts.mentions import FACT_KINDS, Mention
from sectorlens.facts.period_context import (
    cagr_period,
    change_period,
    comparable,
    cumulative,
    endpoint,
    noted,
)
from sectorlens.facts.places_en import place_after
from sectorlens.facts.readers import Document
from sectorlens.facts.scope import (
    Scope,
    context_period,
    metric_of,
    period_for,
    respective_periods,
    signed,
)
from sectorlens.facts.sentence_names import entity_named, lead_name, own_segment, segment_name
from sectorlens.facts.subject_forms import of_level, share_of, strip_measure
from sectorlens.facts.subjects import respectively, subject_of
from sectorlens.model import Fact, Kind, Period, Quantity
from sectorlens.parse import parse

# The note on a fact the text does not date (its period is the document's day).
UNDATED = "period not stated: the document's date"
CHANGES = frozenset(["cagr", "yoy", "qoq", "change"])
# 比上年增加2.87万亿元, up $500 million from 2022: an amount right after its change word is the
# change over the period compared with, of the period in context (전월(-4만9000명)보다: a level)
_CHANGE_RIGHT_BEFORE = re.compile(
    r"(?:增加|增长|增長|减少|減少|下降|上升|提高|降低|回落|up|down|increased|decreased|rose|fell|"
    r"grew|declined)(?:了|\s?by)?\s?(?:约|約|近|超|about|nearly)?\s?$",
    re.I,
)
# Between two numbers of one clause (increased 39.7% to $49.1 million) there is none of these.
_CLAUSE_BREAK = re.compile(
    r"[,，;；:：。]|\band\b|\bwhile\b|\bwhereas\b|및|하고|하며|이며|으며", re.I
)
# a rise of 17%, amounting to £7.1 billion; … or 25% to reach a total of £5.1 billion: the level
# the change arrived at, of the same thing
_TO_TOTAL = re.compile(
    r"\s*,?\s*(?:amounting\sto|total(?:l)?ing|to\s(?:reach\s)?(?:a\stotal\sof|total)|"
    r"(?:to\s)?reach(?:ing)?|bringing\s(?:the|its)\stotal\sto)\s*",
    re.I,
)
_CLAUSE_SEP = re.compile(r"[,，;；]")
_BIG_UNIT_BEFORE = re.compile(r"\d\s?[억조]\s?$")
_NAME_AFTER = re.compile(
    r"^\s(?:Senior\s|Convertible\s|Exchangeable\s)?(?:Notes|Bonds|Debentures)\b"
)


# 2017년, 2018년은 각각, 2023年和2024年分别为: nothing but periods before a sentence's first figure
_PERIODS_ONLY = re.compile(
    r"(?:\s|(?:19|20)\d{2}\s?(?:년|年)|\d{1,2}\s?(?:월|月)|[1-4]\s?분기|[上下]半年|[상하]반기|"
    r"[,、·~\-]|和|及|与|은|는|도|각각|分别为?|分別為?|의)*"
)


def sentence_facts(
    doc: Document,
    sent: Sentence,
    spans: Sequence[tuple[str, Span]],
    found: Sequence[Named],
    inherited: Period | None,
    scope: Scope,
    default_currency: str | None,
    topics: Sequence[Mention] = (),
    metrics: dict[str, str | None] | None = None,
    *,
    pence: bool = False,
) -> tuple[list[Mention], list[Fact]]:
    """The facts of one sentence; ``topics`` are the levels the paragraph stated before it, the
    last its topic (分季度看，一季度同比增长6.7%: the rate of the GDP named the sentence before);
    ``pence``: the document counts in pounds, so ``79.4p`` is 79.4 pence."""
    text = sent.text
    topic = topics[-1] if topics else None
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
    # what the sentence names or says once for all its facts: its segment, the name it opens
    # on, its section and the basis that names, whether it may name a basis of its own, whether
    # it predicts; its text simplified (增長 read as 增长)
    segment = segment_name(text)
    lead = lead_name(text)
    section = scope.item(text)
    section_based = section_basis(section)
    based = names_a_basis(text)
    predicts = sentence_predicts(text)
    simple = lx.simplified(text)
    memo: dict[str, str | None] = {} if metrics is None else metrics

    def metric_of_(subject: str | None) -> str | None:
        """``metric_of``, asked once per subject (a pure function of it)."""
        if not subject:
            return metric_of(subject)
        if subject not in memo:
            memo[subject] = metric_of(subject)
        return memo[subject]

    shares = sum(1 for hint, _ in spans if hint == "percent")
    opening = opening_whole(text) if shares >= 2 else None  # 핵심 기술 분포를 살펴보면, …
    from_span: Period | None = None
    previous: Mention | None = None
    placed: Mention | None = None  # the value before, when it was given the place after it
    level: Mention | None = None
    for i, (_hint, span) in enumerate(spans):
        if any(n.start <= span.start and span.end <= n.end for n in found):
            continue  # 前5个月, the 40-year period: a number that is part of a period
        if _hint == "pence" and pence:
            q = pence_of(span.text)
        else:
            q = parse(span.text, default_currency=default_currency)
        if q.kind is not Kind.PERCENT and _BIG_UNIT_BEFORE.search(
            text[max(0, span.start - 4) : span.start]
        ):
            # 3억3000여건: 3억 and 3000 apart are no reading (3억 3000만 with 만 left out?)
            q = Quantity(span.text, Kind.UNPARSED, reason="ambiguous digits after a unit")
        # 4000억 위안을 넘어서고 is a bound; 50억 원은 40억 원을 넘어섰다 compares two values.
        compares = bool(i and not _CLAUSE_SEP.search(text, spans[i - 1][1].end, span.start))
        after = text[span.end :]
        q = with_unit_per(qualified(q, after, compares), after)
        doc_span = sent.doc_span(span.start, span.end)
        change = change_in_simplified(simple, span.start, span.end, floor)
        period, source = by_order.get(i) or period_for(text, span, found, lang), "sentence"
        if (
            change in CHANGES
            and i not in by_order
            and (
                q.kind in (Kind.PERCENT, Kind.PP)
                or _CHANGE_RIGHT_BEFORE.search(text, 0, span.start)
            )
        ):
            period = change_period(period, span.start, found)
        if change == "cagr":
            period = cagr_period(period, span.start, cagr_floor, found)
            cagr_floor = span.end
        elif i not in by_order:
            raw, period = period, endpoint(period, change, from_span)
            from_span = raw if change == "from" else None
        if period is None:
            period, source = context_period(inherited, scope, sent)
            compared_to = {n.period for n in found if n.compared}
            if change == "from" and len(compared_to) == 1 and period is not None:
                # 순이익률도 6.86%에서 4.67%로 전년 보다 줄었다: the level it moved from is the
                # compared period's
                (period,), source = compared_to, "sentence"
            if source in ("context", "heading"):
                period = cumulative(period, text[: span.start])
            elif source == "reference" and period is not None and UNDATED not in q.assumptions:
                # nothing in the text dates it: the document's own day, said so on the fact
                q = dataclasses.replace(q, assumptions=(*q.assumptions, UNDATED))
        elif source == "sentence":
            own = next((n.period for n in found if not n.compared), None) or inherited
            period = comparable(period, text, found, own)
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
        if kind == "percent" and base is None and change is None:  # 이 중 베이징이 32.53%
            base = listed_whole(text, span.start, mentions, shares, opening)
        subject = listed.get(i, subject)
        stated = previous if previous is not None and previous.change not in CHANGES else level
        if stated is not None and (change == "cagr" or kind == "percent"):
            named = (stated.fact.subject or "").split(" · ")[0] or stated.metric
            subject = of_level(subject, named)  # 投资额 … 年复合增长率为25.0%
        # 로봇 투자 비중이 23%: the subject keeps its measure, the metric names the part
        metric = metric_of_(strip_measure(subject) if kind == "percent" else subject)
        if (
            metric is None
            and kind == "percent"
            and change in CHANGES
            and base is None
            and previous is not None
            and previous.fact.subject
            and previous.fact.quantity.kind not in (Kind.PERCENT, Kind.PP)
            and not _CLAUSE_BREAK.search(text[previous.local[1] : span.start])
        ):
            # 당기순이익은 2조 원으로 143% 늘었다: the change of the amount right before it in
            # its clause (not of the level a clause before stated)
            subject, metric = previous.fact.subject, previous.metric
        if metric is None and level is not None and (change or kind == "percent"):
            metric = level.metric  # 营收 82.07 亿元，同比 - 31.25%: the change of 营收
        own_place = False
        if subject is None and previous is not None and same_kind(previous.fact.quantity, q):
            subject = previous.fact.subject  # the topic of the sentence carries on
            metric = metric or previous.metric
            place = place_after(text[span.end :]) if lang == "en" else None
            if subject and metric and (place or previous is placed):
                # GDP rose by 0.9% in the euro area and by 1.0% in the EU: GDP · EU (and the
                # value after it, of no place named, is not the EU's)
                subject, metric = subject.split(" · ")[0], metric.split(" · ")[0]
                if place:
                    subject, metric = f"{subject} · {place}", f"{metric} · {place}"
                    own_place = True
        subject = subject or sent.label
        metric = metric or metric_of_(subject)
        carried = None
        if (
            metric is None
            and previous is not None
            and (
                previous.fact.quantity.kind is q.kind
                or (q.kind is Kind.PP and previous.fact.quantity.kind is Kind.PERCENT)
                or span.start - previous.local[1] <= 8
                or not _CLAUSE_BREAK.search(text[previous.local[1] : span.start])
                or _TO_TOTAL.fullmatch(text[previous.local[1] : span.start])
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
            and (
                change in ("yoy", "qoq", "change")
                or (
                    change is None
                    and _PERIODS_ONLY.fullmatch(text[: span.start])
                    and re.search(r"[년年월月기]", text[: span.start])
                    and (topic.fact.quantity.kind, topic.fact.quantity.unit) == (q.kind, q.unit)
                )
            )
        ):
            # the sentence before's topic: its change (전년 동기 대비로는 1.5% 감소했다: of the
            # level the sentence before stated), or its levels of other periods (2017년, 2018년은
            # 각각 7103만톤, 7246만톤을 기록했다)
            subject, metric = topic.fact.subject, topic.metric
            if change in CHANGES and level is None:
                dated = [t for t in topics if (t.fact.period, t.metric) == (period, metric)]
                # (the first of the latest sentence: 7141만톤으로 3년 연속 7000만톤을 넘어섰다)
                level = next((t for t in dated if t.sentence == dated[-1].sentence), None)
        if i in by_level and by_level[i] in at_span:
            # 营业收入…、利润总额…、净利润…，同比分别增长13.99%、8.63%及6.73%: in order
            subject, metric = at_span[by_level[i]].fact.subject, at_span[by_level[i]].metric
        subject = entity_named(share_of(subject, base), section, lead, segment)
        fact = Fact(q, subject, text, doc.line_of(doc_span[0]), doc_span, sent.figure, period)
        mention = Mention(
            fact,
            sent.index,
            (span.start, span.end),
            base,
            lang,
            predicts or clause_predicts(text, span.end),
            change=change,
            metric=metric,
            section=section,
            period_source=source if period is not None else None,
            compared=compared,
            level=level.fact.span if level is not None and change in CHANGES else None,
            segment=segment or own_segment(metric),
            basis=(basis_of(text, span.start, span.end) if based else None) or section_based,
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
        placed = mention if own_place else None
        if change not in CHANGES and q.kind is not Kind.PERCENT:
            level = mention
        floor = span.end
    return mentions, unparsed
