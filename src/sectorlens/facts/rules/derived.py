"""Derived quantities worth stating: the average deal size from an amount and a deal count."""

from __future__ import annotations

from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, point, significant, topic_of
from sectorlens.model import Finding, Kind, Severity

RULE = "derived.average_deal"
_DEAL_UNITS = frozenset(u.lower() for u in lx.DEAL_UNITS)

_AVERAGE = {
    "ko": "{period} 평균 거래 규모: {amount} ÷ {count} = 건당 약 {average}.",
    "en": "Average deal size {period}: {amount} / {count} = about {average} per deal.",
}


def _is_deal_count(ctx: Context, m: Mention) -> bool:
    q = m.fact.quantity
    if q.kind is not Kind.COUNT or q.value is None or q.value <= 0:
        return False
    unit = (q.unit or "").lower()
    subject = (m.fact.subject or "").lower()
    named = unit in _DEAL_UNITS or any(w in subject for w in lx.DEAL_WORDS)
    return named and topic_of(ctx, m) in ("investment", None)


def _is_invested(ctx: Context, m: Mention) -> bool:
    q = m.fact.quantity
    return q.kind is Kind.MONEY and point(q) is not None and topic_of(ctx, m) == "investment"


def check(ctx: Context) -> list[Finding]:
    """One average per period that has both an invested amount and a deal count."""
    mentions = [m for m in ctx.extraction.mentions if m.fact.period is not None]
    counts = [m for m in mentions if _is_deal_count(ctx, m)]
    amounts = [m for m in mentions if _is_invested(ctx, m)]
    out: list[Finding] = []
    done: set[object] = set()
    for count in counts:
        period = count.fact.period
        if period in done:
            continue
        same = [a for a in amounts if a.fact.period == period]
        if not same:
            continue
        # Prefer the amount stated in the same sentence as the count.
        amount = next((a for a in same if a.sentence == count.sentence), same[0])
        total = point(amount.fact.quantity)
        n = count.fact.quantity.value
        assert total is not None and n is not None
        average = total / n
        if average < 1:
            continue  # a rate (1 CNY = 170.88 KRW), not an amount invested
        done.add(period)
        words = {
            "period": ctx.period(period),
            "amount": ctx.quantity(amount.fact.quantity),
            "count": ctx.quantity(count.fact.quantity),
            "average": ctx.money(significant(average, 4), amount.fact.quantity.currency),
        }
        values = [total, n, average.quantize(Decimal("0.01"))]
        out.append(
            finding(RULE, Severity.INFO, ctx.say(_AVERAGE, **words), [count, amount], values)
        )
    return out
