"""The growth of a whole from its parts' growth: ``进出口5.44万亿元，增长32.2%。其中，
出口3.06万亿元，增长50.1%；进口2.38万亿元，增长14.5%`` — where the parts add up to the
whole, each part's level and rate give its earlier level, and the earlier levels add up to the
whole's earlier level, so the whole's stated rate is recomputed from them (rounding of every
figure allowed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.breakdown_sums import without_balances
from sectorlens.facts.rules.common import HUNDRED, Context, bounds, finding, pct, point, what_of
from sectorlens.facts.rules.moves import direction_word
from sectorlens.facts.rules.pair_changes import attached_changes
from sectorlens.facts.rules.pairs import Pair
from sectorlens.model import Finding, Kind, Qualifier, Severity

RULE = "breakdown.rates"
_WHY = "parts that add up to their whole, each stated with its rate of change over one span"
_OFF = {
    "ko": "{what}: 세부 항목의 증감률로 계산한 이전 값 합계는 {prior}이므로 {whole}의 변화율은 "
    "{computed}인데, 보고서는 {stated}라고 합니다.",
    "en": "{what}: its parts and their rates put the earlier total at {prior}, so {whole} is a "
    "change of {computed}, but the report states {stated}.",
}
_OK = {
    "ko": "{what}: 세부 항목의 증감률로 계산한 변화율 {computed}은(는) 보고서의 {stated}과(와) "
    "맞습니다.",
    "en": "{what}: its parts and their rates give {computed}, as stated ({stated}).",
}
# 同比 and a change (比去年同期增长) of one breakdown are over one span; a month-on-month one is not
_RATE_CHANGES = ("yoy", "change")
_SLACK = Decimal(1)  # points of rate a revised base may move a whole's rate against its parts


def parts_rates(
    ctx: Context,
    verdict: Finding,
    whole_at: tuple[Mention, str, Sequence[Mention]],
    parts: Sequence[Mention],
    text: str,
    members: Sequence[Mention],
) -> list[Finding]:
    """The whole's stated rate against the one its parts' levels and rates (stated in ``text``
    among ``members``) imply, where ``verdict`` found the parts add up to it; ``whole_at`` is
    the whole's mention with the text and mentions of its sentence."""
    if verdict.severity is not Severity.OK:
        return []
    whole, whole_text, whole_members = whole_at
    parts = without_balances(parts)  # as the verdict summed them
    whole_rate = rate_of(whole_text, whole, whole_members)
    found = [rate_of(text, m, members) for m in parts]
    part_rates = [r for r in found if r is not None]
    if whole_rate is None or len(part_rates) != len(parts):
        return []
    prior_lo = prior_hi = prior = Decimal(0)
    for part, rate in zip(parts, part_rates, strict=True):
        got = _earlier(part, rate)
        if got is None:
            return []
        prior_lo, prior_hi, prior = prior_lo + got[0], prior_hi + got[1], prior + got[2]
    w_lo, w_hi = bounds(whole.fact.quantity)
    w, v = point(whole.fact.quantity), whole_rate.value
    if w_lo is None or w_hi is None or w is None or prior_lo <= 0:
        return []
    lo, hi = (w_lo / prior_hi - 1) * HUNDRED, (w_hi / prior_lo - 1) * HUNDRED
    computed = (w / prior - 1) * HUNDRED
    r_lo, r_hi = whole_rate.low, whole_rate.high
    words = {
        "what": what_of(whole),
        "whole": ctx.quantity(whole.fact.quantity),
        "prior": ctx.quantity(whole.fact.quantity, prior),
        "computed": f"{'+' if computed > 0 else ''}{pct(computed)}%",
        "stated": f"{'+' if v > 0 else ''}{pct(v)}%",
    }
    paired = [whole, whole_rate.mention]
    for part, rate in zip(parts, part_rates, strict=True):
        paired += [part, rate.mention]
    values = [w, prior.quantize(Decimal("0.01")), v, computed.quantize(Decimal("0.01"))]
    if r_hi < lo or r_lo > hi:
        exact = all(m.fact.quantity.qualifier is Qualifier.EXACT for m in paired)
        severity = Severity.ERROR if exact else Severity.WARNING
        if min(abs(r_hi - lo), abs(r_lo - hi)) < _SLACK:
            # 其中纺织品…增长30.6%，服装…增长37.5% against 增长33.8% where the parts give 34.0%:
            # official rates are of a revised (可比) base the published levels do not show
            severity = Severity.INFO
        return [finding(RULE, severity, ctx.say(_OFF, **words), paired, values, why=_WHY)]
    return [finding(RULE, Severity.OK, ctx.say(_OK, **words), paired, values, why=_WHY)]


@dataclass(frozen=True, slots=True)
class Rate:
    """A stated rate of change with its sign from the trend word (``下降32.2%`` is -32.2%)."""

    mention: Mention
    low: Decimal
    high: Decimal
    value: Decimal


def rate_of(text: str, level: Mention, members: Sequence[Mention]) -> Rate | None:
    """The one rate of change stated with a level (``3.06万亿元，同比增长50.1%``)."""
    rates = [
        m
        for m in attached_changes(text, members, Pair(level, level, True))
        if m.fact.quantity.kind is Kind.PERCENT
    ]
    if len(rates) != 1 or rates[0].change not in _RATE_CHANGES:
        return None  # 环比 beside 同比, a CAGR: not the one span of the whole's change
    m = rates[0]
    lo, hi = bounds(m.fact.quantity)
    v = point(m.fact.quantity)
    if lo is None or hi is None or v is None:
        return None
    if v > 0 and direction_word(text, m.local[0], m.local[1]) == "down":
        return Rate(m, -hi, -lo, -v)
    return Rate(m, lo, hi, v)


def _earlier(part: Mention, rate: Rate) -> tuple[Decimal, Decimal, Decimal] | None:
    """The range of a part's earlier level (and its value) from its level and rate."""
    p_lo, p_hi = bounds(part.fact.quantity)
    p = point(part.fact.quantity)
    r_lo, r_hi, r = rate.low, rate.high, rate.value
    if p_lo is None or p_hi is None or p is None or r_lo <= -HUNDRED:
        return None
    return p_lo / (1 + r_hi / HUNDRED), p_hi / (1 + r_lo / HUNDRED), p / (1 + r / HUNDRED)


__all__ = ["RULE", "parts_rates"]
