"""A change stated with its rate in one sentence and with its two levels in another
(``the deficit increased $1.9 billion, or 0.4 percent, from 2015`` … ``the deficit was $502.3
billion, up $1.9 billion from $500.4 billion in 2015``): the rate against those levels.

The pairing is inferred (the same metric, the same change amount and period in both
sentences), so a rate the levels cannot give is a ``warning``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, half_unit, point
from sectorlens.facts.rules.levels import unit_key
from sectorlens.facts.rules.pair_words import share_of
from sectorlens.facts.rules.pairs import Pair, change_amount, is_level
from sectorlens.facts.rules.same_metric import same_metric
from sectorlens.model import Kind


def restated_rates(
    ctx: Context, linked: Sequence[tuple[Pair, Mention]], used: set[int]
) -> list[tuple[str, Pair, Mention]]:
    """Each rate whose sentence states a change amount but no level, with the pair of levels
    another sentence links by that same change: (the rate's sentence, the pair, the rate)."""
    sentences = ctx.extraction.layout.sentences
    by_sentence = ctx.by_sentence
    out = []
    for index, members in by_sentence.items():
        text = sentences[index].text
        rates = [
            m
            for m in members
            if m.fact.quantity.kind is Kind.PERCENT
            and id(m) not in used
            and point(m.fact.quantity) is not None
            and not share_of(text, m)
        ]
        amounts = [
            m
            for m in members
            if m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP)
            and (change_amount(text, m) or m.change in ("change", "yoy"))
        ]
        if len(rates) != 1 or len(amounts) != 1:
            continue
        rate, amount = rates[0], amounts[0]
        if any(
            x is not amount and is_level(text, x) and unit_key(x) == unit_key(amount)
            for x in members
        ):
            continue  # a level of its own in the sentence: that relation is its own
        found = [
            pair
            for pair, other in linked
            if other.sentence != index and _same_change(amount, other)
        ]
        if len(found) == 1:
            out.append((text, Pair(found[0].prior, found[0].current, False), rate))
    return out


def _same_change(a: Mention, b: Mention) -> bool:
    """One change stated twice: same metric, unit, period, and value within rounding."""
    va, vb = point(a.fact.quantity), point(b.fact.quantity)
    return (
        va is not None
        and vb is not None
        and unit_key(a) == unit_key(b)
        and a.fact.period is not None
        and a.fact.period == b.fact.period
        and same_metric(a, b)
        and abs(abs(va) - abs(vb)) <= half_unit(a.fact.quantity) + half_unit(b.fact.quantity)
    )
