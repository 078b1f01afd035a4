"""A whole against its segments: each segment the document names, stated for one measure.

Results state a figure for the company, then the same figure for each of its segments, each in
a sentence of its own (``Net sales increased by $14,528 … Net sales in the Frozen Food segment
increased by $3,968 … in the Snack Food segment by $10,560``; ``매출은 … 반도체 부문은 …, 디스플레이
부문은 …``). Where every segment the document names is stated for the measure, period, unit and
kind of figure (levels, or changes) of a whole stated without a segment, the segments make up the
whole within the rounding of the printed values. That the named segments are all of them is
inferred from the document: a mismatch is a warning, never an error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, norm, point
from sectorlens.model import Finding, Kind, Severity

RULE = "breakdown.segments"
_WHY = "every segment the document names, stated for the measure and period of a whole"
_KINDS = (Kind.MONEY, Kind.COUNT)
_ALL = {
    "ko": "{what}: 부문별 {parts}의 합 {sum}이(가) 전체 {whole}과(와) 맞습니다.",
    "en": "{what}: the segments {parts} add up to {sum}, the whole {whole}.",
}
_OFF = {
    "ko": "{what}: 부문별 {parts}의 합은 {sum}인데 전체는 {whole}입니다.",
    "en": "{what}: the segments {parts} add up to {sum}, but the whole is stated as {whole}.",
}
_MIN_NAME = 2


def check(ctx: Context) -> list[Finding]:
    """Each whole stated without a segment against the same figure of every named segment,
    within each top-level part of a long document (another part: another company or year)."""
    by_part: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if _figure(m) and ctx.parts.dated_here(m):
            by_part[ctx.parts.index(m.fact.span[0])].append(m)
    return [f for figures in by_part.values() for f in _check_part(ctx, figures)]


def _check_part(ctx: Context, figures: list[Mention]) -> list[Finding]:
    segments = {_key(m.segment) for m in figures if m.segment}
    if len(segments) < 2:
        return []
    parts: dict[tuple[object, ...], dict[str, list[Mention]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for m in figures:
        if m.segment:
            parts[_identity(m)][_key(m.segment)].append(m)
    out: list[Finding] = []
    for whole in figures:
        if whole.segment or len(norm(whole.metric)) < _MIN_NAME:
            continue
        found = parts.get(_identity(whole))
        if not found or set(found) != segments:
            continue
        items = []
        for name in sorted(segments):
            same = [m for m in found[name] if _measure_of(m, whole)]
            if len(same) != 1:
                break
            items.append(same[0])
        else:
            out.append(_verdict(ctx, whole, items))
    return out


def _figure(m: Mention) -> bool:
    q = m.fact.quantity
    return (
        q.kind in _KINDS
        and point(q) is not None
        and m.sentence is not None
        and m.cell is None
        and m.fact.period is not None
        and m.change in (None, "change", "yoy")
        and not m.estimate
    )


def _key(segment: str | None) -> str:
    return norm(re.sub(r"(?i)\b(?:segment|division)\b|부문|사업부", "", segment or ""))


def _identity(m: Mention) -> tuple[object, ...]:
    q = m.fact.quantity
    period = m.fact.period
    return (
        q.kind,
        q.currency,
        q.unit,
        m.change is None,
        period.start if period else None,
        period.end if period else None,
    )


def _measure_of(part: Mention, whole: Mention) -> bool:
    """The part names the whole's measure: its metric (segment words removed) ends with it."""
    own = (part.metric or "").lower()
    if part.segment:
        own = own.replace(part.segment.lower(), " ")
    own = re.sub(r"\b(?:in|of|for|at)\s+(?:the|its|our)?\s*$", " ", own.strip())
    name = (whole.metric or "").lower().strip()
    a, b = norm(own), norm(name)
    if not a or not b:
        return False
    if name.isascii():
        return bool(re.search(rf"(?:^|\s){re.escape(name)}$", own.strip()))
    return a.endswith(b)


def _verdict(ctx: Context, whole: Mention, items: Sequence[Mention]) -> Finding:
    total = sum(((point(m.fact.quantity) or Decimal(0)) for m in items), Decimal(0))
    slack = half_unit(whole.fact.quantity) + sum(half_unit(m.fact.quantity) for m in items)
    stated = point(whole.fact.quantity) or Decimal(0)
    agree = abs(total - stated) <= slack
    q = whole.fact.quantity
    words = {
        "what": whole.metric or "?",
        "parts": ", ".join(ctx.quantity(m.fact.quantity) for m in items),
        "sum": ctx.quantity(
            type(q)(q.input, q.kind, value=total, currency=q.currency, unit=q.unit)
        ),
        "whole": ctx.quantity(q),
    }
    severity = Severity.OK if agree else Severity.WARNING
    message = ctx.say(_ALL if agree else _OFF, **words)
    values = [point(m.fact.quantity) for m in items] + [stated]
    return finding(RULE, severity, message, [*items, whole], values, why=_WHY)
