"""Trend words (증가, 下降, declined…) against the values the same report gives for the period."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.layout import Sentence
from sectorlens.facts.rules.common import (
    ACTUAL_DIRECTION,
    CLAIMED_DIRECTION,
    Context,
    bounds,
    classify_topic,
    finding,
    full_year,
    kind_measure,
    measure_of,
    point,
    topic_of,
)
from sectorlens.facts.rules.moves import moved
from sectorlens.facts.subjects import ko_phrase
from sectorlens.model import Finding, Period, Severity

RULE = "trend"
_UP = lx.compile_words(lx.TREND_UP)
_DOWN = lx.compile_words(lx.TREND_DOWN)
_CONTINUOUS = lx.compile_words(lx.CONTINUOUS)
# Clause boundaries: punctuation and the connectives that join two statements.
_SPLIT = re.compile(r"[,，;；]|지만|으나|는데|但是|但|而|\bbut\b|\bwhile\b|\bwhereas\b", re.I)
_RATE_NEAR = re.compile(r"\d\s?(?:%|％|퍼센트|percent)")

_CONTRADICTED = {
    "ko": "보고서는 {what}이(가) {period} 동안 {claim}고 하지만, 같은 보고서의 값은 "
    "{a}({pa})에서 {b}({pb})(으)로 {actual} ({change}).",
    "en": "The report says {what} {claim} over {period}, but its own figures went from "
    "{a} ({pa}) to {b} ({pb}): it {actual} ({change}).",
}
_OUTSIDE = {
    "ko": " {pa} 값은 주장한 기간 밖의 값이고 {first}년 값은 보고서에 없습니다.",
    "en": " {pa} lies outside the claimed period; the report gives no value for {first}.",
}
_CONFIRMED = {
    "ko": "{what}이(가) {period} 동안 {claim}는 서술은 보고서의 값({a}({pa}) → {b}({pb}), "
    "{change})과(와) 맞습니다.",
    "en": "The report says {what} {claim} over {period}; its figures agree: {a} ({pa}) → {b} "
    "({pb}), {change}.",
}


@dataclass(frozen=True, slots=True)
class Claim:
    """A trend statement: what moved, which way, over which period."""

    sentence: Sentence
    topic: str | None
    measure: str
    direction: str
    continuous: bool
    period: Period
    clause: str
    label: str | None = None  # what the clause says moved: 융자 규모, the funding amount


def check(ctx: Context) -> list[Finding]:
    """Each trend claim with values for both ends of its period: confirmed or contradicted."""
    series = _series(ctx)
    out = []
    for claim in _claims(ctx):
        values = _in_part(ctx, claim, series.get((claim.topic, claim.measure), {}))
        found = _evaluate(ctx, claim, values)
        if found is not None:
            out.append(found)
    return out


def _in_part(
    ctx: Context, claim: Claim, values: dict[int, list[Mention]]
) -> dict[int, list[Mention]]:
    """The series' values in the claim's own top-level part of a long document (another part:
    another company, market or region)."""
    if not ctx.parts.starts:
        return values
    here = ctx.parts.index(claim.sentence.offsets[0])
    kept = {
        y: [m for m in ms if ctx.parts.index(m.fact.span[0]) == here] for y, ms in values.items()
    }
    return {y: ms for y, ms in kept.items() if ms}


def _series(ctx: Context) -> dict[tuple[str | None, str], dict[int, list[Mention]]]:
    """Whole-year values per (topic, measure): the report's own time series."""
    series: dict[tuple[str | None, str], dict[int, list[Mention]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for m in ctx.extraction.mentions:
        measure = kind_measure(m)
        year = full_year(m.fact.period)
        if measure is None or year is None or m.estimate or point(m.fact.quantity) is None:
            continue
        series[(topic_of(ctx, m), measure)][year].append(m)
    return series


def _claims(ctx: Context) -> list[Claim]:
    claims = []
    for sent in ctx.extraction.layout.sentences:
        text = sent.text
        if not (_UP.search(text) or _DOWN.search(text)):
            continue
        periods = [p for _, _, p in ctx.extraction.periods.get(sent.index, ())]
        ranges = [p for p in periods if p.end.year > p.start.year]
        if not ranges:
            continue
        cuts = [0, *(m.end() for m in _SPLIT.finditer(text)), len(text)]
        for a, b in itertools.pairwise(cuts):
            clause = text[a:b]
            up, down = _UP.search(clause), _DOWN.search(clause)
            if not (up or down) or (up and down) or _RATE_NEAR.search(clause):
                continue
            measure = measure_of(clause)
            if measure is None:
                continue
            topic = classify_topic(clause) or classify_topic(text)
            claims.append(
                Claim(
                    sent,
                    topic,
                    measure,
                    "up" if up else "down",
                    bool(_CONTINUOUS.search(clause)),
                    ranges[0],
                    clause.strip(),
                    _label(clause[: (up or down).start()], lx.language(text)),  # type: ignore[union-attr]
                )
            )
    return claims


def _evaluate(ctx: Context, claim: Claim, values: dict[int, list[Mention]]) -> Finding | None:
    first, last = claim.period.start.year, claim.period.end.year
    if last not in values:
        return None
    start_year = first if first in values else max((y for y in values if y < first), default=None)
    if start_year is None:
        return None
    a, b = values[start_year][0], values[last][0]
    a_lo, a_hi = bounds(a.fact.quantity)
    b_lo, b_hi = bounds(b.fact.quantity)
    va, vb = point(a.fact.quantity), point(b.fact.quantity)
    if None in (a_lo, a_hi, b_lo, b_hi) or va is None or vb is None or va == 0:
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    way = moved(a.fact.quantity, b.fact.quantity)
    rose, fell = way == "up", way == "down"
    if not (rose or fell):
        return None  # flat within rounding: nothing to say either way
    change = (vb - va) / va * 100
    lang = "ko" if ctx.lang == "ko" else "en"
    words = {
        "what": _what(claim, lang),
        "claim": CLAIMED_DIRECTION[(claim.direction, lang)],
        "period": ctx.period(claim.period),
        "a": ctx.quantity(a.fact.quantity),
        "b": ctx.quantity(b.fact.quantity),
        "pa": ctx.period(a.fact.period),
        "pb": ctx.period(b.fact.period),
        "actual": ACTUAL_DIRECTION[("up" if rose else "down", lang)],
        "change": f"{'+' if change > 0 else ''}{change.quantize(Decimal('0.01'))}%",
    }
    mentions = [a, b]
    line = ctx.extraction.document.line_of(claim.sentence.offsets[0])
    agrees = (claim.direction == "up") == rose
    values_out = [va, vb, change.quantize(Decimal("0.01"))]
    if agrees:
        message = ctx.say(_CONFIRMED, **words)
        return _with_claim(finding(RULE, Severity.OK, message, mentions, values_out), claim, line)
    message = ctx.say(_CONTRADICTED, **words)
    severity = Severity.ERROR
    if start_year != first and not claim.continuous:
        # "2019~2020년 증가" with only 2018 and 2020 known: 2019 may have dipped.
        message += ctx.say(_OUTSIDE, pa=words["pa"], first=str(first))
        severity = Severity.WARNING
    return _with_claim(finding(RULE, severity, message, mentions, values_out), claim, line)


_KO_SUBJECT = re.compile(r"^(.*?\S)(?:은|는|이|가)\s")
_ZH_NOISE = re.compile(
    r"(?:19|20)\d{2}\s?(?:[-~–至到]\s?(?:19|20)\d{2})?\s?年|持续|连续|不断|一直|均|都"
)


def _label(before: str, lang: str) -> str | None:
    """The words naming what moved, from the clause text before the trend word."""
    if lang == "ko":
        m = _KO_SUBJECT.search(before.strip() + " ")
        return ko_phrase(m.group(1)) if m else None
    if lang == "zh":
        text = _ZH_NOISE.sub("", before).strip(" ，,")
        return text[-12:] or None
    words = [w for w in re.sub(r"(?:19|20)\d{2}", " ", before).split() if w.isalpha()]
    words = [w for w in words if w.lower() not in lx.EN_FUNCTION and not _CONTINUOUS.match(w)]
    return " ".join(words[-4:]) or None


def _what(claim: Claim, lang: str) -> str:
    if claim.label:
        return claim.label if lang == "ko" or claim.label.isascii() else f"'{claim.label}'"
    names = {
        ("amount", "ko"): "금액",
        ("count", "ko"): "건수",
        ("amount", "en"): "the amount",
        ("count", "en"): "the count",
    }
    return names[(claim.measure, lang)]


def _with_claim(f: Finding, claim: Claim, line: int) -> Finding:
    """Put the claim's own sentence and line first."""
    lines = (line, *sorted(x for x in f.lines if x != line))
    quotes = (claim.sentence.text, *(q for q in f.quotes if q != claim.sentence.text))
    return dataclasses.replace(f, lines=lines, quotes=quotes)
