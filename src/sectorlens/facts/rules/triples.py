"""A level stated with its change as an amount and as a rate, the earlier level left implicit:
``331억 달러로 … 18.5%(51억8000만 달러) 증가``, ``falling by $87.4 billion (16.2 percent) to
$452.2 billion``, ``13926万吨，比上年减少162万吨，下降1.2%``.

The earlier level is the level minus the change (plus it, for a fall); the stated rate must be
the change over that earlier level, rounding allowed. The three figures stand in one clause,
so a rate no rounding explains is an ``error``. A level that ends its sentence with the change
in the next one (``합산매출은 2220억원이다. 작년 같은 기간보다 46.4%(704억원) 증가했다``) is
paired across the sentence end, as a ``warning``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from sectorlens.facts.change_words import SEQUENTIAL, YEAR_ON_YEAR
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.change_basis import nominal, other_basis, real_for
from sectorlens.facts.rules.common import Context, finding, half_unit, pct, point, what_of
from sectorlens.facts.rules.moves import direction_word
from sectorlens.facts.rules.pair_changes import attached_changes
from sectorlens.facts.rules.pair_words import level_bounds
from sectorlens.facts.rules.pairs import Pair, change_amount, is_level, is_prior, unit_of
from sectorlens.facts.rules.rounded import stated_fits
from sectorlens.facts.rules.same_metric import other_metric
from sectorlens.model import Finding, Kind, Qualifier, Severity

RULE = "derived.growth"
HUNDRED = Decimal(100)
_WHY = "a level, its change as an amount and as a rate, stated together in one clause"
_OFF = {
    "ko": "{what}: {level}은(는) {amount} {way} 값이므로 이전 값은 {prior}이고 변화율은 "
    "{computed}인데, 보고서는 {stated}라고 합니다.",
    "en": "{what}: {level} after a {way} of {amount} means {prior} before, a change of "
    "{computed}, but the report states {stated}.",
}
_OK = {
    "ko": "{what}: {level}, {amount} {way}: 이전 값 {prior}, 변화율 {computed}, 보고서의 "
    "{stated}과(와) 맞습니다.",
    "en": "{what}: {level} after a {way} of {amount} ({prior} before) is {computed}, as stated "
    "({stated}).",
}
_OPPOSED = {
    "ko": "{what}: 변화량 {amount}은(는) {amount_way} 것인데, 같은 문장의 변화율 {rate}은(는) "
    "{rate_way} 것이라고 합니다.",
    "en": "{what}: the change of {amount} is stated as a {amount_way}, but the rate of the same "
    "change ({rate}) as a {rate_way}.",
}
# A sentence that goes on with the change of the level the sentence before ended with: it
# opens with the time compared with, or refers back (작년 같은 기간보다, 同比, This was up)
_GOES_ON = re.compile(
    r"^\s*(?:이는\s)?(?:작년|전년|지난해|전분기|전월|전년\s?동기|같은\s?기간)[^\d]{0,14}$"
    r"|^\s*(?:同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|环比)[^\d]{0,6}$"
    r"|^\s*(?:this|that|it)\s(?:was|is|represents?|marks?)\s[^\d]{0,30}$",
    re.I,
)
# What may follow the level in its own sentence: a verb of being, no other figure
_ENDS_WITH = re.compile(r"^[^\d,，;；]{0,16}$")
_WAY = {
    ("up", "ko"): "증가한",
    ("down", "ko"): "감소한",
    ("up", "en"): "rise",
    ("down", "en"): "fall",
}


def stated_triples(
    ctx: Context,
    text: str,
    members: Sequence[Mention],
    pairs: Sequence[Pair],
    real: str | None = None,
) -> list[Finding]:
    """Each unpaired level with one change amount and one rate attached to it (not a rate in
    real terms or in constant currency when the amounts are as reported: ``real`` says which
    rates the document calls real)."""
    paired = {id(m) for p in pairs for m in (p.prior, p.current)}
    out = []
    for level in members:
        if id(level) in paired or not is_level(text, level) or is_prior(text, level):
            continue
        if level.fact.quantity.kind in (Kind.PERCENT, Kind.PP):
            continue
        changes = attached_changes(text, members, Pair(level, level, True))
        # 취업자는 …명으로 …명 증가하였고, 고용률은 62.5%로 (고용률은 0.6%p 상승한 62.5%): from
        # a change naming another measure on, the run is that measure's, not the level's
        own = _own_run(changes, level)
        amounts = [m for m in own if unit_of(m) == unit_of(level)]
        rates = [m for m in own if m.fact.quantity.kind is Kind.PERCENT]
        if len(amounts) != 1 or len(rates) != 1:
            continue
        if _two_comparisons(text, amounts[0], rates[0]):
            continue  # 环比增加323万吨，同比下降6.7%: two comparisons, two changes
        if other_basis(text, Pair(level, level, True), rates[0]) or (
            real_for(real, level.metric)
            and level.fact.quantity.currency is not None
            and not nominal(text, rates[0])
        ):
            continue  # 增加5万亿元，增长5.2%（按不变价格计算）: the rate is not the amount's
        got = _verdict(ctx, text, level, amounts[0], rates[0])
        if got is not None:
            out.append(got)
    return out


def carried_triple(
    ctx: Context,
    prev_text: str,
    prev_members: Sequence[Mention],
    text: str,
    members: Sequence[Mention],
) -> Finding | None:
    """The change (an amount and a rate) of the level the sentence before ended with."""
    if not members or not prev_members or not _GOES_ON.match(text[: members[0].local[0]]):
        return None
    level = prev_members[-1]
    if (
        level.fact.quantity.kind in (Kind.PERCENT, Kind.PP)
        or not is_level(prev_text, level)
        or is_prior(prev_text, level)
        or not _ENDS_WITH.match(prev_text[level.local[1] :])
    ):
        return None
    amounts = [m for m in members if m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP)]
    rates = [m for m in members if m.fact.quantity.kind is Kind.PERCENT]
    if len(amounts) != 1 or len(rates) != 1 or len(members) != 2:
        return None
    amount = amounts[0]
    if unit_of(amount) != unit_of(level):
        return None
    if amount.change != "change" and not change_amount(text, amount):
        return None
    if sum(unit_of(m) == unit_of(level) for m in prev_members) != 1:
        return None  # 2017년, 2018년은 각각 7103만톤, 7246만톤: which one changed is not said
    if rates[0].fact.period != level.fact.period:
        return None
    if rates[0].change not in ("change", "yoy") or other_basis(
        text, Pair(level, level, False), rates[0]
    ):
        return None
    got = _verdict(ctx, text, level, amount, rates[0])
    if got is not None and got.severity is Severity.ERROR:
        got = replace(got, severity=Severity.WARNING)  # the link crosses a sentence end
    return got


def _two_comparisons(text: str, amount: Mention, rate: Mention) -> bool:
    """The amount and the rate each name their own comparison, one with the month or quarter
    before, the other with the year before."""
    first, second = sorted((amount, rate), key=lambda m: m.local[0])
    lead = text[max(0, first.local[0] - 12) : first.local[0]]
    between = text[first.local[1] : second.local[0]]
    return bool(
        (SEQUENTIAL.search(lead) and YEAR_ON_YEAR.search(between))
        or (YEAR_ON_YEAR.search(lead) and SEQUENTIAL.search(between))
    )


def _own_run(changes: Sequence[Mention], level: Mention) -> list[Mention]:
    """The changes attached to ``level`` up to the first that names another metric."""
    out = []
    for m in sorted(changes, key=lambda x: x.local[0]):
        if other_metric(m, level):
            break
        out.append(m)
    return out


def _what(level: Mention, amount: Mention, rate: Mention) -> str:
    """What the change is of: the level's name, else its change's (sales increasing by £0.6
    billion or 12%, amounting to £5.4 billion: named by its change)."""
    return next((w for m in (level, amount, rate) if (w := what_of(m)) != "?"), "?")


def _opposed(
    ctx: Context, level: Mention, amount: Mention, rate: Mention, amount_way: str
) -> Finding:
    """The amount and the rate of one change said to move in opposite directions."""
    lang = "ko" if ctx.lang == "ko" else "en"
    rate_way = "down" if amount_way == "up" else "up"
    words = {
        "what": _what(level, amount, rate),
        "amount": ctx.quantity(amount.fact.quantity),
        "rate": ctx.quantity(rate.fact.quantity),
        "amount_way": _WAY[(amount_way, lang)],
        "rate_way": _WAY[(rate_way, lang)],
    }
    values = [point(m.fact.quantity) for m in (level, amount, rate)]
    message = ctx.say(_OPPOSED, **words)
    return finding(RULE, Severity.ERROR, message, [level, amount, rate], values, why=_WHY)


def _verdict(
    ctx: Context, text: str, level: Mention, amount: Mention, rate: Mention
) -> Finding | None:
    rate_way = direction_word(text, rate.local[0], rate.local[1])
    amount_way = direction_word(text, amount.local[0], amount.local[1])
    if rate_way and amount_way and rate_way != amount_way:
        return _opposed(ctx, level, amount, rate, amount_way)
    way = rate_way or amount_way
    lv, cv, rv = (point(m.fact.quantity) for m in (level, amount, rate))
    l_lo, l_hi = level_bounds(level.fact.quantity)
    c_lo, c_hi = level_bounds(amount.fact.quantity)
    if None in (lv, cv, rv, l_lo, l_hi, c_lo, c_hi):
        return None
    assert lv is not None and cv is not None and rv is not None
    assert l_lo is not None and l_hi is not None and c_lo is not None and c_hi is not None
    cv, c_lo, c_hi, rv = abs(cv), abs(c_lo), abs(c_hi), abs(rv)
    h = half_unit(rate.fact.quantity)
    ways = ("up", "down") if way is None else (way,)
    readings = {
        w: got for w in ways if (got := _ranges(w, lv, cv, l_lo, l_hi, c_lo, c_hi)) is not None
    }
    if not readings:
        return None
    # 38명(11.1%), 31건(9.5%) 감소: the trend word past the other unit's change; either way it
    # moved, the rate is the change over the level before it (the reading that fits, else the
    # nearer one)
    way = min(readings, key=lambda w: (not _fits(rv, h, readings[w]), abs(readings[w][3] - rv)))
    got = readings[way]
    prior, _, _, computed = got
    lang = "ko" if ctx.lang == "ko" else "en"
    sign = "+" if way == "up" else "-"
    words = {
        "what": _what(level, amount, rate),
        "level": ctx.quantity(level.fact.quantity),
        "amount": ctx.quantity(amount.fact.quantity, cv),
        "way": _WAY[(way, lang)],
        "prior": ctx.quantity(level.fact.quantity, prior),
        "computed": f"{sign}{pct(computed)}%",
        "stated": f"{sign}{pct(rv)}%",
    }
    members = [level, amount, rate]
    values = [lv, cv, prior, rv, computed.quantize(Decimal("0.01"))]
    if _fits(rv, h, got):
        return finding(RULE, Severity.OK, ctx.say(_OK, **words), members, values, why=_WHY)
    approx = any(m.fact.quantity.qualifier is not Qualifier.EXACT for m in members)
    severity = Severity.WARNING if approx else Severity.ERROR
    return finding(RULE, severity, ctx.say(_OFF, **words), members, values, why=_WHY)


def _ranges(
    way: str, lv: Decimal, cv: Decimal, l_lo: Decimal, l_hi: Decimal, c_lo: Decimal, c_hi: Decimal
) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
    """The level before, the range of the rate rounding allows, and the rate computed."""
    if way == "up":
        prior, lo_den, hi_den = lv - cv, l_hi - c_lo, l_lo - c_hi
    else:
        prior, lo_den, hi_den = lv + cv, l_hi + c_lo, l_lo + c_hi
    if prior <= 0 or lo_den <= 0 or hi_den <= 0:
        return None
    return prior, c_lo / lo_den * HUNDRED, c_hi / hi_den * HUNDRED, cv / prior * HUNDRED


def _fits(rv: Decimal, h: Decimal, got: tuple[Decimal, Decimal, Decimal, Decimal]) -> bool:
    """The stated rate (± its rounding, or cut: 22만5000 of 419만7000 is 5.36%, written 5.3%)
    meets the range the levels allow."""
    return stated_fits(rv, h, got[1], got[2], rate=True)
