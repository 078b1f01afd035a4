"""Stated equivalents (``X 위안(Y조원)``): the exchange rates they imply, against each other and
against the ECB rate of the figure's period."""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from datetime import date
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import (
    Context,
    dec,
    finding,
    point,
    significant,
)
from sectorlens.facts.rules.equivalent_pairs import balance, converted_after, written_after
from sectorlens.facts.rules.equivalent_times import (
    Item,
    counted,
    forecast,
    guessed,
    implied_rate,
    meet,
    never_at,
    one_rate_for_all,
    same_time,
    unknown_rate,
)
from sectorlens.fx import FxError, Rate
from sectorlens.model import Finding, Qualifier, Severity

RULE_CONSISTENT = "fx.consistent"
RULE_ECB = "fx.ecb"
TOLERANCE = Decimal("0.03")  # within 3% of the ECB rate: a rounding or date choice, not a problem
APPROX_TOLERANCE = Decimal("0.05")  # …and may use a rate of a nearby day
_Q = Decimal("0.01")

_SAME = {
    "ko": "{n}개의 환산액이 모두 1 {base} = {lo}~{hi} {quote} 범위의 한 환율로 계산되어 서로 "
    "일관됩니다.",
    "en": "All {n} stated {quote} equivalents imply one rate: 1 {base} = {lo}–{hi} {quote}.",
}
_APART = {
    "ko": "{label}의 환산액이 내포한 환율 1 {base} = {rate} {quote}은(는) 나머지 환산액들의 환율 "
    "({lo}~{hi})과(와) 맞지 않습니다.",
    "en": "The equivalent of {label} implies 1 {base} = {rate} {quote}, unlike the other "
    "equivalents ({lo}–{hi}).",
}
_SPLIT = {
    "ko": "{n}개의 환산액이 서로 다른 환율을 내포합니다: 1 {base} = {lo}~{hi} {quote}. 어느 쪽이 "
    "틀렸는지는 문서만으로 알 수 없습니다.",
    "en": "The {n} stated {quote} equivalents imply different rates: 1 {base} = {lo} to {hi} "
    "{quote}; which one is off the document does not say.",
}
_ECB_OFF = {
    "ko": "{amount}({period})의 환산액 {equiv}은(는) 1 {base} = {rate} {quote}(으)로 "
    "환산한 것인데, 같은 기간 ECB 기준환율은 {ecb} ({ecb_label})(으)로 {dev} 차이가 납니다. "
    "ECB 환율로는 약 {at_ecb}입니다.",
    "en": "The equivalent {equiv} of {amount} ({period}) implies 1 {base} = {rate} {quote}; the "
    "ECB rate for the period is {ecb} ({ecb_label}), {dev} apart. At the ECB rate it is about "
    "{at_ecb}.",
}
_ECB_OK = {
    "ko": "{amount}({period})의 환산액 {equiv}은(는) 같은 기간 ECB 기준환율 {ecb}과(와) 맞습니다.",
    "en": "The equivalent {equiv} of {amount} ({period}) matches the period's ECB rate {ecb}.",
}
_NO_ECB = {
    "ko": "{amount}({period})의 환산액 {equiv}: ECB 환율로 확인할 수 없습니다 ({why}).",
    "en": "The equivalent {equiv} of {amount} ({period}) cannot be checked against ECB rates "
    "({why}).",
}


def check(ctx: Context) -> list[Finding]:
    """Consistency of the implied rates per currency pair, and each against the ECB.

    Implied rates are compared within one document, or within one item of a compilation of
    separately dated items (each written, and converted, at its own date).
    """
    groups: dict[tuple[str, str, int], list[Item]] = defaultdict(list)
    for m in [*ctx.extraction.mentions, *written_after(ctx), *converted_after(ctx)]:
        implied = implied_rate(m)
        if implied is not None and not balance(ctx, m):
            q = m.fact.quantity
            assert q.currency and q.equivalent and q.equivalent.currency
            parts = ctx.extraction.parts
            part = parts.index(m.fact.span[0]) if parts.compilation else 0
            groups[(q.currency, q.equivalent.currency, part)].append((m, implied))
    out: list[Finding] = []
    for (base, quote, _), items in groups.items():
        if len(_distinct(items)) >= 2:
            out.extend(_consistency(ctx, base, quote, items))
        if ctx.fx is not None:
            ecb = [_against_ecb(ctx, base, quote, same) for same in _distinct(items).values()]
            out.extend(_one_rate(ctx, items, ecb))
    return out


def _one_rate(
    ctx: Context,
    items: list[Item],
    found: list[Finding],
) -> list[Finding]:
    """Equivalents of several periods that all imply one rate were converted on one day (the
    writer's), not each at its period's rate: where that one rate lies within the ECB rates of
    those periods, a single period's distance from it is no warning."""
    lo = max(r[0] for _, r in items)
    hi = min(r[2] for _, r in items)
    rates = [Decimal(f.values[1]) for f in found if f.severity is not Severity.INFO and f.values]
    if len(_distinct(items)) < 2 or lo > hi or len(rates) < 2:
        return found
    low, high = min(rates) * (1 - TOLERANCE), max(rates) * (1 + TOLERANCE)
    if hi < low or lo > high:
        return found
    note = ctx.say(_ONE_RATE, lo=_r(lo), hi=_r(hi), low=_r(min(rates)), high=_r(max(rates)))
    return [
        dataclasses.replace(f, severity=Severity.INFO, message=f.message + note)
        if f.severity is Severity.WARNING
        else f
        for f in found
    ]


_ONE_RATE = {
    "ko": " 다만 모든 환산액이 한 환율({lo}~{hi})을 내포하고, 그 환율은 해당 기간들의 ECB 환율 "
    "범위({low}~{high}) 안에 있습니다: 한 날짜의 환율로 환산한 것으로 보입니다.",
    "en": " All the equivalents imply one rate ({lo}–{hi}), within the ECB rates of their "
    "periods ({low}–{high}): they were converted at one day's rate.",
}


def _distinct(
    items: list[Item],
) -> dict[tuple[object, ...], list[Item]]:
    """Restatements of one figure (same amount, equivalent and period) grouped together."""
    out: dict[tuple[object, ...], list[Item]] = {}
    for m, rate in items:
        q = m.fact.quantity
        assert q.equivalent is not None
        key = (point(q), point(q.equivalent), m.fact.period)
        out.setdefault(key, []).append((m, rate))
    return out


def _consistency(
    ctx: Context,
    base: str,
    quote: str,
    items: list[Item],
) -> list[Finding]:
    lo = max(r[0] for _, r in items)
    hi = min(r[2] for _, r in items)
    mentions = [m for m, _ in items]
    if lo <= hi:
        message = ctx.say(
            _SAME, n=len(_distinct(items)), base=base, quote=quote, lo=_r(lo), hi=_r(hi)
        )
        return [finding(RULE_CONSISTENT, Severity.OK, message, mentions, [lo, hi])]
    # The rate most equivalents agree on; the others are outliers.
    best = max(
        (r[1] for _, r in items),
        key=lambda x: sum(1 for _, r in items if r[0] <= x <= r[2]),
    )
    inliers = [(m, r) for m, r in items if r[0] <= best <= r[2]]
    if 2 * len(inliers) <= len(items):
        # no rate most of them agree on (two equivalents, two rates): which is off is unknown
        rates = sorted(r[1] for _, r in items)
        message = ctx.say(
            _SPLIT, n=len(items), base=base, quote=quote, lo=_r(rates[0]), hi=_r(rates[-1])
        )
        one_time = all(same_time(ctx, a, b) for a, b in itertools.combinations(mentions, 2))
        severity = Severity.WARNING if one_time else Severity.INFO
        if not one_time:
            off = _never(ctx, base, quote, items)
            if off:
                return off  # the one no day's rate since its period gives is the one off
            message += ctx.say(_PERIODS)
        return [finding(RULE_CONSISTENT, severity, message, mentions, [rates[0], rates[-1]])]
    in_lo, in_hi = max(r[0] for _, r in inliers), min(r[2] for _, r in inliers)
    out = []
    for m, r in items:
        if r[0] <= best <= r[2]:
            continue
        if any(
            x is not m and not q[0] <= best <= q[2] and same_time(ctx, m, x) and meet(r, q)
            for x, q in items
        ):
            # it agrees with another outlier converted at the same time (one sentence); one
            # that agrees with the rest too (4조 달러, rounded loosely) says nothing of it
            continue
        # an outlier is wrong only against equivalents converted at the same time as it, or
        # where the others show the writer used one rate whatever the period
        one_time = any(same_time(ctx, m, x) for x, _ in inliers) or one_rate_for_all(
            ctx, m, inliers
        )
        never = None if one_time else never_at(ctx, base, quote, m, r)
        message = _apart(ctx, m, base, quote, r[1], (in_lo, in_hi), never)
        if never is None and not one_time:
            message += ctx.say(_PERIODS)
        severity = Severity.WARNING if one_time or never is not None else Severity.INFO
        paired = [m, *(x for x, _ in inliers)]
        out.append(finding(RULE_CONSISTENT, severity, message, paired, [r[1], in_lo, in_hi]))
    return out


def _never(ctx: Context, base: str, quote: str, items: list[Item]) -> list[Finding]:
    """Equivalents of several periods with no common rate: the ones whose rate no ECB fixing
    since their period comes near (where some, not all, are such), each a warning."""
    found = [(m, r, never_at(ctx, base, quote, m, r)) for m, r in items]
    off = [(m, r, nv) for m, r, nv in found if nv is not None]
    if not off or len(off) == len(items):
        return []
    fine = [r[1] for m, r, nv in found if nv is None]
    out = []
    for m, r, never in off:
        message = _apart(ctx, m, base, quote, r[1], (min(fine), max(fine)), never)
        paired = [m, *(x for x, _ in items if x is not m)]
        out.append(finding(RULE_CONSISTENT, Severity.WARNING, message, paired, [r[1], *never[:2]]))
    return out


def _apart(
    ctx: Context,
    m: Mention,
    base: str,
    quote: str,
    rate: Decimal,
    others: tuple[Decimal, Decimal],
    never: tuple[Decimal, Decimal, date, date] | None,
) -> str:
    """An outlier's message: its rate against the others', and the ECB's span where none since
    its period comes near it."""
    message = ctx.say(
        _APART,
        label=ctx.quantity(m.fact.quantity),
        base=base,
        quote=quote,
        rate=_r(rate),
        lo=_r(others[0]),
        hi=_r(others[1]),
    )
    if never is None:
        return message
    low, high, first, last = never
    return message + ctx.say(
        _NEVER_AT, low=_r(low), high=_r(high), first=first.isoformat(), last=last.isoformat()
    )


_NEVER_AT = {
    "ko": " ECB 환율은 {first}부터 {last}까지 {low}~{high}였으므로 어느 날짜의 환율로도 "
    "이 환산액이 나오지 않습니다.",
    "en": " ECB rates from {first} to {last} ran from {low} to {high}: no day's rate gives this "
    "equivalent.",
}
_PERIODS = {
    "ko": " 다만 기간이 서로 다른 환산액이라 각 기간의 환율로 환산했을 수 있습니다.",
    "en": " They are figures of different periods, each possibly converted at its own rate.",
}


def _against_ecb(
    ctx: Context,
    base: str,
    quote: str,
    same: list[Item],
) -> Finding:
    assert ctx.fx is not None
    m, (lo, mid, hi) = same[0]
    mentions = [x for x, _ in same]
    q = m.fact.quantity
    assert q.equivalent is not None
    words = {
        "amount": ctx.quantity(q),
        "equiv": ctx.quantity(q.equivalent),
        "period": ctx.period(m.fact.period),
        "base": base,
        "quote": quote,
        "rate": _r(mid),
    }
    p = m.fact.period
    if p is None:
        why = "기간을 알 수 없음" if ctx.lang == "ko" else "no period stated"
        return finding(RULE_ECB, Severity.INFO, ctx.say(_NO_ECB, why=why, **words), mentions, [mid])
    day = ctx.extraction.reference_at(m.fact.span[0])
    unknown = unknown_rate(ctx, base, quote, p, day, forecast(ctx, m))
    if day is None and ctx.extraction.reference is not None and counted(ctx, m):
        unknown = (
            "기간이 다른 부분에 적힌 날짜로부터 계산됨"
            if ctx.lang == "ko"
            else "its period is counted from a date stated in another part of the document"
        )
    elif day is None and guessed(ctx, m):
        unknown = (
            "날짜가 없는 문서의 '작년'·'올해' 같은 기간"
            if ctx.lang == "ko"
            else "its period is a year counted from an unknown date (the document states none)"
        )
    if unknown is not None:
        return finding(
            RULE_ECB, Severity.INFO, ctx.say(_NO_ECB, why=unknown, **words), mentions, [mid]
        )
    try:
        if day is not None and p.end > day and (p.start > day or forecast(ctx, m)):
            # a forecast (2025 in a report of 2020) is converted at the report's own date
            rate = ctx.fx.rate(base, quote, day)
        elif day is not None and p.end > day:
            # a period under way on the writer's date (올해, this year): as far as it has run
            rate = ctx.fx.average_rate(base, quote, p.start, day)
        elif p.end > p.start:
            rate = ctx.fx.average_rate(base, quote, p.start, p.end)
        else:
            rate = ctx.fx.rate(base, quote, p.start)
    except FxError as exc:
        return finding(
            RULE_ECB, Severity.INFO, ctx.say(_NO_ECB, why=str(exc), **words), mentions, [mid]
        )
    ecb = rate.rate
    words |= {"ecb": _r(ecb), "ecb_label": ctx.rate_label(rate)}
    if lo <= ecb <= hi:
        return finding(RULE_ECB, Severity.OK, ctx.say(_ECB_OK, **words), mentions, [mid, ecb])
    deviation = (mid - ecb) / ecb
    amount = point(q) or Decimal(0)
    at_ecb = ctx.money(significant(amount * ecb, 3), quote)
    words |= {"dev": f"{'+' if deviation > 0 else ''}{(deviation * 100).quantize(Decimal('0.1'))}%"}
    approx = Qualifier.EXACT is not q.qualifier or Qualifier.EXACT is not q.equivalent.qualifier
    # a flow of several months may be converted at any day's rate within them, not their mean
    approx = approx or (p.end - p.start).days > 31
    severity = (
        Severity.WARNING
        if abs(deviation) > (APPROX_TOLERANCE if approx else TOLERANCE)
        else Severity.INFO
    )
    message = ctx.say(_ECB_OFF, at_ecb=at_ecb, **words)
    at_date = _rate_at_reference(ctx, base, quote, day)
    if (
        severity is Severity.WARNING
        and at_date is not None
        and lo <= at_date.rate * (1 + TOLERANCE)
        and at_date.rate * (1 - TOLERANCE) <= hi
    ):
        severity = Severity.INFO  # converted at the report's own date, not the period's
        message += ctx.say(_AT_REFERENCE, rate=_r(at_date.rate), day=day.isoformat() if day else "")
    values = [mid, ecb, (deviation * 100).quantize(_Q), amount * ecb]
    return finding(RULE_ECB, severity, message, mentions, values)


_AT_REFERENCE = {
    "ko": " 다만 보고서 작성일의 ECB 환율 {rate}({day})과는 맞습니다.",
    "en": " It matches the ECB rate {rate} of the report's own date ({day}).",
}


def _rate_at_reference(ctx: Context, base: str, quote: str, day: date | None) -> Rate | None:
    """The ECB rate on the writer's own (publication) date, where the text states one."""
    if day is None or ctx.fx is None:
        return None
    try:
        return ctx.fx.rate(base, quote, day)
    except FxError:
        return None


def _r(value: Decimal) -> str:
    if abs(value) < 1:  # 1 KRW = 0.000836 USD: four significant digits, not 0.00
        return dec(significant(value, 4))
    return dec(value.quantize(_Q))
