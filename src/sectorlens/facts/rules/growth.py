"""Derived figures recomputed: a stated growth rate, change or CAGR against the levels it links.

The relation comes from the text: ``from A to B``, ``A에서 B로``, ``从A增至B``, ``B, up X% from A``
in one sentence (an ``error`` when the stated figure cannot come from the levels, rounding
allowed), or a year-on-year rate whose level of the year before the report gives elsewhere for
the same metric (a ``warning``: the pairing is inferred).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.cagr import check_cagr, cross_cagr
from sectorlens.facts.rules.change_basis import (
    nominal,
    only_comparison,
    other_comparison,
    real_for,
    real_throughout,
    yoy_within_one_period,
)
from sectorlens.facts.rules.common import (
    Context,
    finding,
    pct,
    point,
    what_of,
)
from sectorlens.facts.rules.cross_pairs import cross_pairs
from sectorlens.facts.rules.levels import unit_key
from sectorlens.facts.rules.moves import (
    direction_word,
    judged,
    rate_range,
)
from sectorlens.facts.rules.pair_changes import attached_changes
from sectorlens.facts.rules.pair_words import level_bounds
from sectorlens.facts.rules.pairs import SENTENCE_END, Pair, far_apart, find_pairs
from sectorlens.facts.rules.restated_rate import restated_rates
from sectorlens.facts.rules.rounded import padded_half, stated_fits
from sectorlens.facts.rules.same_metric import other_metric
from sectorlens.facts.rules.series_continued import continued_series
from sectorlens.facts.rules.trend_levels import direction, direction_near
from sectorlens.facts.rules.triples import carried_triple, stated_triples
from sectorlens.facts.rules.year_on_year import year_on_year
from sectorlens.model import Finding, Kind, Qualifier, Severity

RULE_GROWTH = "derived.growth"
RULE_CHANGE = "derived.change"
HUNDRED = Decimal(100)
_GROWTH_OFF = {
    "ko": "{what}: {a}({pa})에서 {b}({pb})(으)로 바뀌면 {computed}인데, 보고서는 {stated}라고 "
    "합니다.",
    "en": "{what}: from {a} ({pa}) to {b} ({pb}) is {computed}, but the report states {stated}.",
}
_GROWTH_OK = {
    "ko": "{what}: {a}({pa})에서 {b}({pb})(으)로 {computed}, 보고서의 {stated}과(와) 맞습니다.",
    "en": "{what}: from {a} ({pa}) to {b} ({pb}) is {computed}, as stated ({stated}).",
}


def check(ctx: Context) -> list[Finding]:
    """Growth rates, changes, CAGRs and trend words against the levels they relate."""
    by_sentence = ctx.by_sentence
    out: list[Finding] = []
    used: set[int] = set()
    prev: tuple[int, Sequence[Mention], list[Pair]] | None = None
    real = real_throughout(s.text for s in ctx.extraction.layout.sentences)
    judged: set[int] = set()
    linked: list[tuple[Pair, Mention]] = []  # stated pairs with their change amount
    for index, members in by_sentence.items():
        text = ctx.extraction.layout.sentences[index].text
        pairs = find_pairs(text, members)
        if prev is not None and prev[0] == index - 1:
            prev_text = ctx.extraction.layout.sentences[index - 1].text
            for pair, changes in cross_pairs(text, members, pairs, prev[1], prev[2], prev_text):
                for m in changes:
                    got = _stated_change(ctx, text, pair, m, real)
                    if got is not None:
                        out.append(got)
                        used.add(id(m))
                if not changes and (got := direction_near(ctx, text, pair)) is not None:
                    out.append(got)
            if not pairs and (got := carried_triple(ctx, prev_text, prev[1], text, members)):
                out.append(got)
            if (got := continued_series(ctx, text, members, prev_text, prev[1])) is not None:
                out.append(got)
        prev = (index, members, pairs)
        taken: set[int] = set()
        for n, pair in enumerate(pairs):
            # A pair's clause runs to the next pair: its trend word is there.
            stop = min(
                (min(p.prior.local[0], p.current.local[0]) for p in pairs[n + 1 :]),
                default=len(text),
            )
            end = max(pair.prior.local[1], pair.current.local[1])
            boundary = SENTENCE_END.search(text, end)
            if boundary is not None:
                stop = min(stop, boundary.start())
            changes = _first_of_each_kind(
                [
                    m
                    for m in attached_changes(text, members, pair)
                    if id(m) not in taken
                    and not _other_metric(m, pair)
                    and not _new_statement(ctx, index, text, end, m)
                    and not other_comparison(text, pair, m)
                    and not yoy_within_one_period(m, pair)
                ]
            )
            amount = _amount_of(changes, pair)
            if amount is not None and pair.stated:
                linked.append((pair, amount))
            for m in changes:
                taken.add(id(m))
                got = _stated_change(ctx, text, pair, m, real, amount)
                if got is not None:
                    out.append(got)
                    used.add(id(m))
            got = direction(ctx, text[:stop], pair)
            if got is not None:
                out.append(got)
        out.extend(stated_triples(ctx, text, members, pairs, real))
        cagr_found = check_cagr(ctx, text, members)
        judged |= {id(f) for x in cagr_found for f in x.facts}
        out.extend(cagr_found)
    out.extend(cross_cagr(ctx, judged))
    for text, pair, m in year_on_year(
        ctx, [m for m in ctx.extraction.mentions if id(m) not in used]
    ):
        if (got := _stated_change(ctx, text, pair, m, real)) is not None:
            out.append(got)
            used.add(id(m))
    for text, pair, m in restated_rates(ctx, linked, used):
        if (got := _stated_change(ctx, text, pair, m, real)) is not None:
            out.append(got)
    return out


_CHANGED = re.compile(
    r"늘|줄|증가|감소|상승|하락|성장|增|减|降|升|涨|跌|\b(?:rose|fell|grew|increased|decreased|"
    r"declined|jumped|dropped)\b",
    re.I,
)


def _new_statement(ctx: Context, index: int, text: str, end: int, m: Mention) -> bool:
    """``281MWh에서 3만91MWh로 크게 늘어난 뒤 지난해도 23.3% 늘어난 3만7103MWh``: after the pair's
    own change word, a period of its own starts another statement; its change is not the pair's."""
    for n in ctx.extraction.named.get(index, ()):
        if (
            not n.compared
            and end <= n.start
            and n.end <= m.local[0]
            and _CHANGED.search(text[end : n.start])
        ):
            return True
    return False


def _other_metric(m: Mention, pair: Pair) -> bool:
    """A change that names another metric than the pair's levels."""
    if only_comparison(m.metric or ""):
        return False  # 전분기 8.55% 대비 0.59%포인트: the period compared with names no measure
    spans = (pair.prior.fact.span, pair.current.fact.span)
    return other_metric(m, pair.current, spans, pair.prior.metric)


def _first_of_each_kind(changes: list[Mention]) -> list[Mention]:
    """A pair's change as an amount and as a rate: the first of each; the amounts and rates
    after them in the sentence (``…67조(44.4%) 늘었고 이어 IT 45조(19.5%)``) are other items'."""
    seen: set[bool] = set()
    out = []
    for m in changes:
        rate = m.fact.quantity.kind in (Kind.PERCENT, Kind.PP)
        if rate not in seen:
            seen.add(rate)
            out.append(m)
    return out


def _signed_stated(text: str, m: Mention) -> tuple[Decimal, Decimal] | None:
    """The stated change with the sign its trend word gives, and its rounding."""
    v = point(m.fact.quantity)
    if v is None:
        return None
    word = direction_word(text, m.local[0], m.local[1])
    if word == "down" and v > 0:
        v = -v
    return v, padded_half(m.fact.quantity)


# A change stated on another basis than the levels: in constant currency, organic, adjusted.
_OTHER_BASIS = re.compile(
    r"^\W{0,3}(?:\(?CC\b|(?:in\s|at\s)?constant[-\s](?:currency|exchange)|cc\sbasis|organic|"
    r"like[-\s]for[-\s]like|(?:on\s(?:an?\s)?)?(?:adjusted|comparable|pro\sforma)\b|excluding\b|"
    r"ex[-\s]|不变汇率|固定汇率|按固定|剔除|불변\s?환율|고정\s?환율)",
    re.I,
)


_LEVEL_RATIO = re.compile(
    r"\s?(?:의\s?)?(?:회복률|회복\s?수준|수준(?:으로|이다|에|을)|恢复率|的水平)"
)


# A rate per year (an average annual growth rate of 22.5%, 年均增长, 연평균): a CAGR, not the
# change between the two levels.
_ANNUAL = re.compile(
    r"average\sannual|annual(?:ized|ised)?\s(?:average|growth|rate)|compound|\ba\syear\b(?![-\s](?:earlier|ago|before))|"
    r"\bper\s(?:year|annum)\b|\beach\syear\b|\bannually\b|\bCAGR\b|年均|年平均|每年|复合|"
    r"연\s?평균|매년|해마다|연간\s?평균",
    re.IGNORECASE,
)


def _amount_of(changes: list[Mention], pair: Pair) -> Mention | None:
    """The change stated as an amount of the levels' unit beside a rate (``by $24.8 million, or
    98.3%, to $50.0 million``): the rate may come from it rather than from the rounded levels."""
    key = unit_key(pair.current)
    if pair.current.fact.quantity.kind in (Kind.PERCENT, Kind.PP):
        return None  # rates as levels: a rate beside them is no amount
    return next((m for m in changes if unit_key(m) == key), None)


def _from_amount(
    text: str, amount: Mention | None, a_lo: Decimal, a_hi: Decimal, lo: Decimal, hi: Decimal
) -> tuple[Decimal, Decimal]:
    """The rate range widened by the stated change over the earlier level, rounding allowed."""
    c_lo, c_hi = level_bounds(amount.fact.quantity) if amount is not None else (None, None)
    if amount is None or c_lo is None or c_hi is None or a_lo <= 0:
        return lo, hi
    if direction_word(text, amount.local[0], amount.local[1]) == "down" and c_hi > 0:
        c_lo, c_hi = -c_hi, -c_lo
    ends = [c / a * HUNDRED for c in (c_lo, c_hi) for a in (a_lo, a_hi)]
    return min(lo, *ends), max(hi, *ends)


def _stated_change(
    ctx: Context,
    text: str,
    pair: Pair,
    m: Mention,
    real: str | None = None,
    amount: Mention | None = None,
) -> Finding | None:
    if _OTHER_BASIS.match(text[m.local[1] : m.local[1] + 30]):
        return None
    if _LEVEL_RATIO.match(text, m.local[1]):
        return None  # 2019년 대비 74.2%의 회복률: the level as a share of the base, no change
    if _ANNUAL.search(text[max(0, m.local[0] - 40) : m.local[1] + 20]):
        return None
    if pair.prior.sentence == m.sentence and other_comparison(text, pair, m):
        return None  # 同比 against last month's level; a real rate against nominal amounts
    if (
        real_for(real, pair.current.metric)
        and pair.current.fact.quantity.currency is not None
        and not nominal(text, m)
    ):
        return None  # 增长速度按不变价格计算: the document's rates are real, its amounts nominal
    stated = _signed_stated(text, m)
    a_lo, a_hi = level_bounds(pair.prior.fact.quantity)
    b_lo, b_hi = level_bounds(pair.current.fact.quantity)
    a, b = point(pair.prior.fact.quantity), point(pair.current.fact.quantity)
    if stated is None or None in (a_lo, a_hi, b_lo, b_hi, a, b):
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    assert a is not None and b is not None
    v, h = stated
    q, level_q = m.fact.quantity, pair.current.fact.quantity
    if q.kind is Kind.PERCENT and a_lo > 0:
        if abs(v) < HUNDRED and far_apart(pair.prior, pair.current):
            return None  # 311만섬 … 476 beside a rate under 100%: two figures, no pair
        rule = RULE_GROWTH
        lo, hi = _from_amount(text, amount, a_lo, a_hi, *rate_range(a_lo, a_hi, b_lo, b_hi))
        computed = (b - a) / a * HUNDRED
        if level_q.kind is Kind.PERCENT:  # rose 2% from 30% to 32%: points or relative
            lo, hi = min(lo, b_lo - a_hi), max(hi, b_hi - a_lo)
        unit = "%"
    elif q.kind is Kind.PP and level_q.kind is Kind.PERCENT:
        rule, unit = RULE_CHANGE, "%p"
        lo, hi, computed = b_lo - a_hi, b_hi - a_lo, b - a
    elif (q.kind, q.currency, q.unit) == unit_key(pair.current):
        rule, unit = RULE_CHANGE, ""
        lo, hi, computed = b_lo - a_hi, b_hi - a_lo, b - a
    else:
        return None
    ok = stated_fits(v, h, lo, hi, unit == "%")
    if not ok and v > 0 and not _signed(text, m) and (unit != "%p" or judged(text, m.local[0])):
        # '998건에 비해선 41.5%, … 급감한', '46명(7.1%), 27건(4.4%) 감소': no sign and no trend
        # word beside the rate or amount, so either way it moved is a reading; only a size no
        # direction explains is off (so too for 'improved by 6.2 points' of a combined ratio)
        ok = stated_fits(-v, h, lo, hi, unit == "%")
    approx = any(
        x.fact.quantity.qualifier is not Qualifier.EXACT for x in (pair.prior, pair.current, m)
    )
    words = {
        "what": what_of(pair.current),
        "a": ctx.quantity(pair.prior.fact.quantity),
        "b": ctx.quantity(level_q),
        "pa": ctx.period(pair.prior.fact.period),
        "pb": ctx.period(pair.current.fact.period),
        "computed": _fmt(ctx, computed, unit, level_q),
        "stated": _fmt(ctx, v, unit, q) if unit else ctx.quantity(q, v),
    }
    members = [pair.prior, pair.current, m]
    values = [a, b, v, computed.quantize(Decimal("0.01"))]
    if ok:
        return finding(rule, Severity.OK, ctx.say(_GROWTH_OK, **words), members, values)
    severity = Severity.ERROR if pair.stated and not approx else Severity.WARNING
    return finding(rule, severity, ctx.say(_GROWTH_OFF, **words), members, values)


def _signed(text: str, m: Mention) -> bool:
    """A rate whose direction the text gives: a sign, or a trend word beside it."""
    start, end = m.local
    return (
        text[start : start + 1] in "+-−▲▼△▽"
        or text[max(0, start - 1) : start] in ("+", "-", "−", "▲", "▼", "△", "▽")
        or direction_word(text, start, end) is not None
    )


def _fmt(ctx: Context, value: Decimal, unit: str, q: object) -> str:
    if unit in ("%", "%p"):
        return f"{'+' if value > 0 else ''}{pct(value)}{unit}"
    return ctx.number(value)
