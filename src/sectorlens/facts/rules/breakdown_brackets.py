"""Parts listed in brackets right after their whole: ``수입보험료 76조4589억(일반계정 54조2597억,
특별계정 22조1992억)``, ``营业收入120亿元（其中A业务80亿元、B业务40亿元）``, ``$9.5 billion (US $6.1
billion, International $3.4 billion)``.

The bracket states the relation: two or more labelled amounts of the whole's unit, each a level,
are its parts. Parts that add up to more than the whole (beyond the rounding of every printed
value) contradict it; parts short of it may leave items out, so that is information only.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from itertools import pairwise

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.breakdown_sums import parts_verdict
from sectorlens.facts.rules.common import Context
from sectorlens.facts.rules.levels import stated_level
from sectorlens.model import Finding, Kind, Severity

_OPEN = re.compile(r"\s?[(（]\s?(?:其中|이\s?중|of\swhich|including)?\s?[:：,，]?\s?", re.I)
# what may stand between two items: a list separator and the next item's label
_GAP = re.compile(r"^\s?[,，、;；]\s?(?:및|and|和|及)?\s?[^\d,，、;；()（）]{1,16}?\s?$", re.I)
_LABEL = re.compile(r"^[^\d,，、;；()（）]{1,16}?\s?$")


def check(ctx: Context) -> list[Finding]:
    """Each whole with its bracketed parts: their sum against it."""
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.cell is None:
            by_sentence[m.sentence].append(m)
    out = []
    for index, members in by_sentence.items():
        text = ctx.extraction.layout.sentences[index].text
        for whole in members:
            parts = _bracketed(text, whole, members)
            if parts:
                got = parts_verdict(ctx, whole, parts, exhaustive=False)
                if got.severity is Severity.ERROR:
                    got = dataclasses.replace(got, severity=Severity.WARNING)
                out.append(got)
    return out


def _bracketed(text: str, whole: Mention, members: list[Mention]) -> list[Mention]:
    """The labelled amounts of the whole's unit that fill the bracket right after it."""
    q = whole.fact.quantity
    if q.kind not in (Kind.MONEY, Kind.COUNT, Kind.NUMBER) or not stated_level(text, whole):
        return []
    opened = _OPEN.match(text, whole.local[1])
    if opened is None:
        return []
    close = min(
        (i for i in (text.find(")", opened.end()), text.find("）", opened.end())) if i >= 0),
        default=-1,
    )
    if close < 0:
        return []
    inside = sorted(
        (m for m in members if opened.end() <= m.local[0] and m.local[1] <= close),
        key=lambda m: m.local[0],
    )
    unit = (q.kind, q.currency, q.unit)
    if len(inside) < 2 or any(
        (m.fact.quantity.kind, m.fact.quantity.currency, m.fact.quantity.unit) != unit
        for m in inside
    ):
        return []  # a bracket of another unit (a share, an equivalent) lists no parts
    if not all(stated_level(text, m) for m in inside):
        return []
    if not _LABEL.match(text[opened.end() : inside[0].local[0]]):
        return []
    gaps = [text[a.local[1] : b.local[0]] for a, b in pairwise(inside)]
    if not all(_GAP.match(g) for g in gaps) or text[inside[-1].local[1] : close].strip():
        return []
    return inside


__all__ = ["check"]
