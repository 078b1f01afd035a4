"""Restatements across languages: a paragraph followed by its translation states the same figures.

A bilingual report often sets each paragraph's translation right after it. The relation is
established by the two paragraphs themselves: adjacent, in two languages, and their figures line
up in order (most of them equal). A figure at a place where the others line up but whose value
differs (``$32 billion`` against ``220 亿美元``) is one of the two stated wrongly: a warning.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from difflib import SequenceMatcher

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, bounds, finding, point, significant
from sectorlens.model import Finding, Severity

RULE = "restated.translation"
_MIN_EQUAL = 3  # figures that must line up before the paragraphs count as one translated
_MIN_SHARE = Decimal("0.6")  # of the longer paragraph's figures
_WHY = "a paragraph and its translation right after it, whose other figures line up in order"
_TEXTS = {
    "ko": "바로 뒤의 번역 문단이 같은 자리의 값을 다르게 씁니다: {a} ↔ {b}.",
    "en": "The translation right after this paragraph gives a different value at the same "
    "place: {a} ↔ {b}.",
}


def check(ctx: Context) -> list[Finding]:
    """Each pair of adjacent paragraphs in two languages whose figures line up."""
    sentences = ctx.extraction.layout.sentences
    texts: dict[int, list[str]] = defaultdict(list)
    for s in sentences:
        texts[s.paragraph].append(s.text)
    order = list(texts)
    facts: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.cell is None and m.figure_run is None:
            facts[sentences[m.sentence].paragraph].append(m)
    out: list[Finding] = []
    for p, q in itertools.pairwise(order):
        a, b = facts.get(p, []), facts.get(q, [])
        if len(a) < _MIN_EQUAL or len(b) < _MIN_EQUAL:
            continue
        if lx.language(" ".join(texts[p])) == lx.language(" ".join(texts[q])):
            continue
        out.extend(_compare(ctx, a, b))
    return out


def _key(m: Mention) -> tuple[object, ...]:
    """The figure as written, whatever qualifies it (``nearly 40%`` lines up with ``40%``)."""
    q = m.fact.quantity
    v = next((x for x in (point(q), q.low, q.high) if x is not None), None)
    return (q.kind, q.currency, q.unit, None if v is None else significant(v, 3))


def _compare(ctx: Context, a: Sequence[Mention], b: Sequence[Mention]) -> list[Finding]:
    ka, kb = [_key(m) for m in a], [_key(m) for m in b]
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    equal = sum(size for _, _, size in matcher.get_matching_blocks())
    if equal < _MIN_EQUAL or Decimal(equal) < _MIN_SHARE * max(len(a), len(b)):
        return []
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 != j2 - j1:
            continue
        for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
            if _differs(x, y):
                words = {"a": ctx.quantity(x.fact.quantity), "b": ctx.quantity(y.fact.quantity)}
                values = [point(x.fact.quantity), point(y.fact.quantity)]
                message = ctx.say(_TEXTS, **words)
                out.append(finding(RULE, Severity.WARNING, message, [x, y], values, why=_WHY))
    return out


def _differs(x: Mention, y: Mention) -> bool:
    """Same kind of figure, of the same order, outside each other's rounding."""
    qx, qy = x.fact.quantity, y.fact.quantity
    if (qx.kind, qx.currency, qx.unit) != (qy.kind, qy.currency, qy.unit):
        return False
    vx, vy = point(qx), point(qy)
    if vx is None or vy is None or vx <= 0 or vy <= 0 or max(vx, vy) > 10 * min(vx, vy):
        return False
    x_lo, x_hi = bounds(qx)
    y_lo, y_hi = bounds(qy)
    if None in (x_lo, x_hi, y_lo, y_hi):
        return False
    assert x_lo is not None and x_hi is not None and y_lo is not None and y_hi is not None
    return x_hi < y_lo or y_hi < x_lo
