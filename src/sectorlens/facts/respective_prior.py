"""Values listed with 각각/分别/respectively at the start of a sentence, for the names before.

``영업이익은 155조원, 순이익은 119조원을 기록했다. 각각 전년 대비 65%, 71% 늘었다.``: the
second sentence names nothing itself; its rates are those of the levels the sentence before
stated, in their order. The subjects are lent only where the counts match exactly and each of
the earlier levels has a subject of its own (distinct ones).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from sectorlens.facts.mentions import Mention
from sectorlens.model import Kind

_LEADING = re.compile(r"^\W{0,3}(?:각각|分别|分別|respectively\b)", re.IGNORECASE)
_RATES = (Kind.PERCENT, Kind.PP)


def lend_subjects(text: str, got: list[Mention], prior: Sequence[Mention]) -> list[Mention]:
    """``got`` with the subjects of ``prior``'s levels, where ``text`` opens with 각각/分别."""
    if not _LEADING.match(text):
        return got
    rates = [m for m in got if m.fact.quantity.kind in _RATES]
    levels = [m for m in prior if m.fact.quantity.kind not in _RATES and m.change is None]
    if len(rates) < 2 or len(rates) != len(levels) or len(rates) != len(got):
        return got
    names = [m.fact.subject for m in levels]
    if not all(names) or len(set(names)) < len(names):
        return got
    lent = {
        id(rate): dataclasses.replace(
            rate,
            fact=dataclasses.replace(rate.fact, subject=level.fact.subject),
            metric=level.metric,
        )
        for rate, level in zip(rates, levels, strict=True)
    }
    return [lent.get(id(m), m) for m in got]


def lend_said(got: list[Mention], said: str | None) -> list[Mention]:
    """``스마트폰을 활용한 모바일쇼핑 거래액이 두드러졌다. 총 5조 원으로 32% 늘었다.``: Korean
    leaves out the subject the sentence before named; figures read without one take it (only
    where that sentence stated no figure, so its subject is the one that goes on)."""
    if not said:
        return got
    return [
        dataclasses.replace(m, fact=dataclasses.replace(m.fact, subject=said), metric=said)
        if m.fact.subject is None and m.lang == "ko" and m.base is None
        else m
        for m in got
    ]
