"""The three sectors of an economy, listed together, against the whole stated before them.

``全市实现地区生产总值545.0亿元 … 第一产业实现增加值41.99亿元；第二产业…；第三产业…``;
``1차 산업 …, 2차 산업 …, 3차 산업 …``; ``primary industry …, secondary …, tertiary …``: the
primary, secondary and tertiary sectors of one measure (the word after the sector is the same)
make up one whole, all three of them. Where no ``其中``/``of which`` ties them to it, the whole
is the nearest amount of their unit stated before them and larger than each: the relation is
inferred, so sectors that add up to more than it are a warning, and sectors short of it say
nothing (that amount may be another, larger total).
"""

from __future__ import annotations

import re

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.breakdown_by import verdict, wholes_of
from sectorlens.facts.rules.breakdown_pairs import level_amount
from sectorlens.facts.rules.breakdown_sums import by_unit, one_period
from sectorlens.facts.rules.common import Context, norm
from sectorlens.model import Finding

RULE = "breakdown.sectors"
_SECTORS = (
    re.compile(r"第一产业|第一產業|(?<!\d)1차\s?산업|\bprimary\s(?:industry|sector)", re.I),
    re.compile(r"第二产业|第二產業|(?<!\d)2차\s?산업|\bsecondary\s(?:industry|sector)", re.I),
    re.compile(r"第三产业|第三產業|(?<!\d)3차\s?산업|\btertiary\s(?:industry|sector)", re.I),
)
_NEAR = 6  # sentences before the first sector where the whole may be stated
_WHY = "the primary, secondary and tertiary sectors of one measure, after its whole"


def check(ctx: Context) -> list[Finding]:
    """Each run of the three sectors of one measure against the whole before it."""
    levels = [m for m in ctx.extraction.mentions if level_amount(ctx, m)]
    out: list[Finding] = []
    for i, first in enumerate(levels):
        word = _after(first, 0)
        if word is None:
            continue
        trio = [first]
        for n in (1, 2):
            nxt = next(
                (
                    m
                    for m in levels[i + 1 :]
                    if (m.sentence or 0) - (first.sentence or 0) <= 1 and _after(m, n) == word
                ),
                None,
            )
            if nxt is None:
                break
            trio.append(nxt)
        if len(trio) < 3 or len(by_unit(trio)) != 1 or not one_period(trio):
            continue
        start = first.sentence or 0
        before = [
            m
            for m in levels
            if m.sentence is not None
            and start - _NEAR <= m.sentence <= start
            and (m.sentence, m.local[0]) < (start, first.local[0])
            and all(_after(m, n) is None for n in range(3))
        ]
        found = verdict(
            ctx, " / ".join(_label(m) for m in trio), trio, _nearest(ctx, trio, before), RULE, _WHY
        )
        if found is not None:
            out.append(found)
    return out


def _nearest(ctx: Context, parts: list[Mention], before: list[Mention]) -> list[Mention]:
    found = wholes_of(ctx, parts, before)
    best = max(found, key=lambda m: (m.sentence or 0, m.local[0]), default=None)
    return [] if best is None else [best]


def _after(m: Mention, n: int) -> str | None:
    """The word after sector ``n`` in the amount's name (增加值), or None: not that sector."""
    metric = m.metric or ""
    found = _SECTORS[n].search(metric)
    if found is None:
        return None
    rest = metric[found.end() :].strip()
    if re.match(r"[A-Za-z]", rest):
        return norm(rest.split()[0]) if rest.split() else ""
    return norm(rest[-3:])


def _label(m: Mention) -> str:
    return (m.metric or "?").strip()
