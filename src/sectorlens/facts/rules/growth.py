"""Derived figures recomputed: a stated growth rate, change or CAGR against the levels it links.

The relation comes from the text: ``from A to B``, ``A에서 B로``, ``从A增至B``, ``B, up X% from A``
in one sentence (an ``error`` when the stated figure cannot come from the levels, rounding
allowed), or a year-on-year rate whose level of the year before the report gives elsewhere for
the same metric (a ``warning``: the pairing is inferred).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.cagr import check_cagr
from sectorlens.facts.rules.common import (
    ACTUAL_DIRECTION,
    CLAIMED_DIRECTION,
    Context,
    bounds,
    finding,
    half_unit,
    norm,
    pct,
    per_unit,
    point,
    same_metric,
)
from sectorlens.model import Finding, Kind, Period, Qualifier, Severity

RULE_GROWTH = "derived.growth"
RULE_CHANGE = "derived.change"
RULE_DIRECTION = "trend.levels"
HUNDRED = Decimal(100)
_UP = lx.compile_words(lx.TREND_UP)
_DOWN = lx.compile_words(lx.TREND_DOWN)
_SENTENCE_END = re.compile(r"[。！？；;]|[.!?](?!\d)")
_TO_AFTER = re.compile(r"^\s?(?:으로|로)")
_FROM_AFTER = re.compile(r"^\s?에서")
# …增至2020年的150亿元, …to a record $5 billion: the later level right after a 'to' word
_TO_BEFORE = re.compile(
    r"(?:\bto|至|到|为)\s*\S{0,3}\s*$|(?:至|到|为)[^，,。；;：:]{0,10}$|\bto\s(?:[a-z]+\s){1,2}$",
    re.I,
)

_GROWTH_OFF = {
    "ko": "{what}: {a}({pa})에서 {b}({pb})(으)로 바뀌면 {computed}인데, 보고서는 {stated}라고 "
    "합니다.",
    "en": "{what}: from {a} ({pa}) to {b} ({pb}) is {computed}, but the report states {stated}.",
}
_GROWTH_OK = {
    "ko": "{what}: {a}({pa})에서 {b}({pb})(으)로 {computed}, 보고서의 {stated}과(와) 맞습니다.",
    "en": "{what}: from {a} ({pa}) to {b} ({pb}) is {computed}, as stated ({stated}).",
}
_DIRECTION_OFF = {
    "ko": "{what}: 보고서는 {claim}고 하지만 값은 {a}에서 {b}(으)로 {actual}.",
    "en": "{what}: the report says it {claim}, but its values went from {a} to {b}: it {actual}.",
}


@dataclass(frozen=True, slots=True)
class Pair:
    """Two levels of one measure the text links: the earlier and the later."""

    prior: Mention
    current: Mention
    stated: bool  # linked in one sentence (from … to …), not inferred across the document


def check(ctx: Context) -> list[Finding]:
    """Growth rates, changes, CAGRs and trend words against the levels they relate."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in ctx.extraction.mentions:
        if m.sentence is not None:
            by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Finding] = []
    used: set[int] = set()
    for index, members in by_sentence.items():
        text = ctx.extraction.layout.sentences[index].text
        pairs = _pairs(text, members)
        for n, pair in enumerate(pairs):
            # A pair's clause runs to the next pair: its changes and its trend word are there.
            start = min(pair.prior.local[0], pair.current.local[0])
            stop = min(
                (min(p.prior.local[0], p.current.local[0]) for p in pairs[n + 1 :]),
                default=len(text),
            )
            end = max(pair.prior.local[1], pair.current.local[1])
            boundary = _SENTENCE_END.search(text, end)
            if boundary is not None:
                stop = min(stop, boundary.start())
            changes = [
                m
                for m in members
                if m.change in ("change", "yoy", "qoq")
                and start <= m.local[0] < stop
                and not _other_metric(m, pair)
                and not _new_statement(ctx, index, text, end, m)
            ]
            for m in changes:
                got = _stated_change(ctx, text, pair, m)
                if got is not None:
                    out.append(got)
                    used.add(id(m))
            if not changes:
                got = _direction(ctx, text[:stop], pair)
                if got is not None:
                    out.append(got)
        out.extend(check_cagr(ctx, text, members))
    out.extend(_year_on_year(ctx, [m for m in ctx.extraction.mentions if id(m) not in used]))
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
    """A change whose own metric names something else than the pair's levels (total operating
    expenses increased 42.2% after revenue's from … to …): no relation is stated between them."""
    own, level = norm(m.metric), norm(pair.current.metric or pair.prior.metric)
    if not own or not level or own in level or level in own:
        return False
    return not same_metric(m, pair.current)


def _unit(m: Mention) -> tuple[object, ...]:
    q = m.fact.quantity
    return (q.kind, q.currency, q.unit)


def _is_level(m: Mention) -> bool:
    return m.change is None and point(m.fact.quantity) is not None


# Between ``from A`` and its ``to B``: a few words, no clause boundary (``from $37 billion, in
# Europe to $24 billion`` starts another pair).
_CLAUSE_BREAK = re.compile(r"[,，;；、:：]|\band\b|\bwhile\b|\bwhereas\b")


def _pairs(text: str, members: Sequence[Mention]) -> list[Pair]:
    """``from A to B`` / ``B, up X% from A`` / ``A에서 B로`` / ``从A增至B`` in one sentence.

    Amounts per share (or per person, per unit) pair only with amounts per share.
    """
    out = []
    keys = {id(m): (*_unit(m), per_unit(text, m)) for m in members}

    def key(x: Mention) -> tuple[object, ...]:
        return keys[id(x)]

    for i, m in enumerate(members):
        prior = None
        if m.change in ("from", "versus") or _FROM_AFTER.match(text[m.local[1] :]):
            prior = m
        if prior is None or point(prior.fact.quantity) is None:
            continue
        if m.change == "versus":
            # compared to X in 2021: a prior level only where its period is the earlier one
            earlier_levels = [
                x
                for x in members[:i]
                if _is_level(x)
                and key(x) == key(m)
                and x.fact.period is not None
                and m.fact.period is not None
                and m.fact.period.end < x.fact.period.end
            ]
            if earlier_levels and not _SENTENCE_END.search(
                text, earlier_levels[-1].local[1], m.local[0]
            ):
                out.append(Pair(m, earlier_levels[-1], True))
            continue
        later = [x for x in members[i + 1 :] if _is_level(x) and key(x) == key(prior)]
        earlier = [x for x in members[:i] if _is_level(x) and key(x) == key(prior)]
        between = text[prior.local[1] : later[0].local[0]] if later else ""
        if (
            later
            and not _SENTENCE_END.search(between)
            and not _CLAUSE_BREAK.search(between)
            and (
                _TO_AFTER.match(text[later[0].local[1] :])
                or _TO_BEFORE.search(text[: later[0].local[0]])
            )
        ):
            out.append(Pair(prior, later[0], True))
        elif earlier and not _SENTENCE_END.search(text, earlier[-1].local[1], prior.local[0]):
            out.append(Pair(prior, earlier[-1], True))  # B, up 64% from A
        elif (
            later
            and not _SENTENCE_END.search(between)
            and (not _CLAUSE_BREAK.search(between) or _in_order(prior, later[0]))
        ):
            # no 'to' links them: inferred, across a clause only from one dated level to a later
            out.append(Pair(prior, later[0], False))
    return out


def _in_order(prior: Mention, later: Mention) -> bool:
    """Both levels dated, the 'from' one earlier: ``from X in 2019, reaching Y in 2020``."""
    a, b = prior.fact.period, later.fact.period
    return a is not None and b is not None and a.end < b.end


def _direction_word(text: str, start: int, end: int) -> str | None:
    """up/down from the trend word nearest the span ``text[start:end]`` (its clause)."""
    lead = re.split(r"[,，;；]", text[max(0, start - 30) : start])[-1]
    tail = re.split(r"[,，;；]", text[end : end + 12])[0]
    ups = [m.end() for m in _UP.finditer(lead)] + [100 + m.start() for m in _UP.finditer(tail)]
    downs = [m.end() for m in _DOWN.finditer(lead)]
    downs += [100 + m.start() for m in _DOWN.finditer(tail)]
    if not ups and not downs:
        return None
    # the word closest to the number: the last one before it, else the first after it

    def closeness(pos: int) -> int:
        return len(lead) - pos if pos < 100 else pos

    best_up = min((closeness(p) for p in ups), default=10**6)
    best_down = min((closeness(p) for p in downs), default=10**6)
    return "up" if best_up < best_down else "down"


def _signed_stated(text: str, m: Mention) -> tuple[Decimal, Decimal] | None:
    """The stated change with the sign its trend word gives, and its rounding."""
    v = point(m.fact.quantity)
    if v is None:
        return None
    word = _direction_word(text, m.local[0], m.local[1])
    if word == "down" and v > 0:
        v = -v
    return v, half_unit(m.fact.quantity)


def _what(m: Mention) -> str:
    return m.metric or m.fact.subject or "?"


# A change stated on another basis than the levels: in constant currency, organic, adjusted.
_OTHER_BASIS = re.compile(
    r"^\W{0,3}(?:\(?CC\b|(?:in\s|at\s)?constant[-\s](?:currency|exchange)|cc\sbasis|organic|"
    r"like[-\s]for[-\s]like|(?:on\s(?:an?\s)?)?(?:adjusted|comparable|pro\sforma)\b|excluding\b|"
    r"ex[-\s]|不变汇率|固定汇率|按固定|剔除|불변\s?환율|고정\s?환율)",
    re.I,
)


# A rate per year (an average annual growth rate of 22.5%, 年均增长, 연평균): a CAGR, not the
# change between the two levels.
_ANNUAL = re.compile(
    r"average\sannual|annual(?:ized|ised)?\s(?:average|growth|rate)|compound|\ba\syear\b|"
    r"\bper\s(?:year|annum)\b|\beach\syear\b|\bannually\b|\bCAGR\b|年均|年平均|每年|复合|"
    r"연\s?평균|매년|해마다|연간\s?평균",
    re.IGNORECASE,
)


def _stated_change(ctx: Context, text: str, pair: Pair, m: Mention) -> Finding | None:
    if _OTHER_BASIS.match(text[m.local[1] : m.local[1] + 30]):
        return None
    if _ANNUAL.search(text[max(0, m.local[0] - 40) : m.local[1] + 20]):
        return None
    stated = _signed_stated(text, m)
    a_lo, a_hi = bounds(pair.prior.fact.quantity)
    b_lo, b_hi = bounds(pair.current.fact.quantity)
    a, b = point(pair.prior.fact.quantity), point(pair.current.fact.quantity)
    if stated is None or None in (a_lo, a_hi, b_lo, b_hi, a, b):
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    assert a is not None and b is not None
    v, h = stated
    q, level_q = m.fact.quantity, pair.current.fact.quantity
    if q.kind is Kind.PERCENT and a_lo > 0:
        rule = RULE_GROWTH
        lo, hi = (b_lo - a_hi) / a_hi * HUNDRED, (b_hi - a_lo) / a_lo * HUNDRED
        computed = (b - a) / a * HUNDRED
        if level_q.kind is Kind.PERCENT:  # rose 2% from 30% to 32%: points or relative
            lo, hi = min(lo, b_lo - a_hi), max(hi, b_hi - a_lo)
        unit = "%"
    elif q.kind is Kind.PP and level_q.kind is Kind.PERCENT:
        rule, unit = RULE_CHANGE, "%p"
        lo, hi, computed = b_lo - a_hi, b_hi - a_lo, b - a
    elif (q.kind, q.currency, q.unit) == _unit(pair.current):
        rule, unit = RULE_CHANGE, ""
        lo, hi, computed = b_lo - a_hi, b_hi - a_lo, b - a
    else:
        return None
    ok = v + h >= lo and v - h <= hi
    approx = any(
        x.fact.quantity.qualifier is not Qualifier.EXACT for x in (pair.prior, pair.current, m)
    )
    words = {
        "what": _what(pair.current),
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


def _fmt(ctx: Context, value: Decimal, unit: str, q: object) -> str:
    if unit in ("%", "%p"):
        return f"{'+' if value > 0 else ''}{pct(value)}{unit}"
    return ctx.number(value)


def _direction(ctx: Context, text: str, pair: Pair) -> Finding | None:
    """``fell to 3 from 5`` / ``down from X``: the trend word against the two levels."""
    start = min(pair.prior.local[0], pair.current.local[0])
    end = max(pair.prior.local[1], pair.current.local[1])
    word = _direction_word(text, start, end) or _direction_word(text, end, end)
    if word is None:
        return None
    a_lo, a_hi = bounds(pair.prior.fact.quantity)
    b_lo, b_hi = bounds(pair.current.fact.quantity)
    if None in (a_lo, a_hi, b_lo, b_hi):
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    actual = "up" if b_lo > a_hi else "down" if b_hi < a_lo else None
    if actual is None or actual == word:
        return None
    lang = "ko" if ctx.lang == "ko" else "en"
    words = {
        "what": _what(pair.current),
        "claim": CLAIMED_DIRECTION[(word, lang)],
        "a": ctx.quantity(pair.prior.fact.quantity),
        "b": ctx.quantity(pair.current.fact.quantity),
        "actual": ACTUAL_DIRECTION[(actual, lang)],
    }
    values = [point(pair.prior.fact.quantity), point(pair.current.fact.quantity)]
    return finding(
        RULE_DIRECTION,
        Severity.ERROR if pair.stated else Severity.WARNING,
        ctx.say(_DIRECTION_OFF, **words),
        [pair.prior, pair.current],
        values,
    )


def _year_before(p: Period) -> Period | None:
    try:
        return Period(
            date(p.start.year - 1, p.start.month, p.start.day),
            date(p.end.year - 1, p.end.month, min(p.end.day, 28 if p.end.month == 2 else 31)),
            p.partial,
        )
    except ValueError:
        return None


def _year_on_year(ctx: Context, mentions: Sequence[Mention]) -> list[Finding]:
    """A YoY rate of a level against the same metric's level a year before, stated elsewhere."""
    by_span = {m.fact.span: m for m in mentions}
    levels = [m for m in ctx.extraction.mentions if _is_level(m) and m.metric and not m.estimate]
    out = []
    for m in mentions:
        if m.change not in ("yoy", "change") or m.level is None:
            continue
        if m.fact.quantity.kind is not Kind.PERCENT:
            continue
        level = by_span.get(m.level)
        if level is None or level.fact.period is None or level.period_source == "reference":
            continue
        if level.estimate:
            continue
        if m.fact.period is not None and m.fact.period != level.fact.period:
            continue  # 2022년 3만91MWh … 2023년에도 23.3% 늘어: a change of another period
        if m.change == "change" and level.fact.period.end.month != 12:
            continue  # a bare change of a part-year figure may be against the month before
        before = _year_before(level.fact.period)
        if before is None:
            continue
        found = [
            x
            for x in levels
            if x.fact.period == before
            and x.period_source != "reference"
            and _unit(x) == _unit(level)
            and same_metric(x, level)
            and (x.section == level.section or not x.section or not level.section)
        ]
        values = {point(x.fact.quantity) for x in found}
        if len(values) != 1:
            continue
        sent = ctx.extraction.sentence(m)
        text = sent.text if sent is not None else ""
        got = _stated_change(ctx, text, Pair(found[0], level, False), m)
        if got is not None:
            out.append(got)
    return out
