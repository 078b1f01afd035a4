"""A share stated beside its part, against the whole the document states elsewhere.

``SG&A was $47.5 million, or 36.1% of net sales``; ``Apple以5520万部的出货量，市场份额16.0%``;
``점유율은 1.53%(1천647억 달러)``: the part P and its share S are stated together, the whole W is
an amount of the same measure stated before (net sales $131.5 million; 出货量总计3.46亿台). P/W
must be S within the rounding of the three printed values.

Which amount is the whole is inferred: the one P/S matches; else the one another pair of the
document matches (Samsung's 7530万台 and 21.8% establish the quarter's 3.46亿台 as the whole
of Apple's share as well); else the only candidate (named by the share's ``of net sales`` where
it names one). Without any whole stated, the pairs of one list imply one whole each (P/S), and
one that implies a whole the others do not is off. Every finding is a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, bounds, finding, norm, pct, point
from sectorlens.facts.rules.levels import LEVEL_KINDS, stated_level
from sectorlens.facts.rules.parts import dated_by_document
from sectorlens.facts.rules.share_cues import (
    amount_in_parens,
    in_parens,
    is_share,
    share_partners,
)
from sectorlens.model import Finding, Kind, Qualifier, Severity

RULE = "breakdown.share_of"
HUNDRED = Decimal(100)
_OF_WHOLE = re.compile(
    r"^\s?of\s(?:the\s)?((?:total\s|net\s|its\s)?(?:sales|revenues?|market|total))|"
    r"占([^\d，,。；;]{2,16}?)的?(?:比重|比例|份额)",
    re.IGNORECASE,
)
# 占常住人口的82.7%: the whole the share names, right before it
_NAMED_BEFORE = re.compile(r"[占佔]([^\d，,。；;、]{2,12}?)的\s?$")
_POINT = (Qualifier.EXACT, Qualifier.APPROX, None)
_FAR = Decimal("1.5")  # a share this far from the part's ratio to an amount: not its whole
_LOOSE = Decimal("0.5")  # an approximate share's slack, in points
_BACK = 12  # sentences before a pair where its whole may be stated

_OFF = {
    "ko": "{part}은(는) {whole}의 {computed}%인데, 보고서는 {stated}%라고 합니다.",
    "en": "{part} is {computed}% of {whole}, but the report states {stated}%.",
}
_OK = {
    "ko": "{part}은(는) {whole}의 {computed}%로, 보고서의 {stated}%와 맞습니다.",
    "en": "{part} is {computed}% of {whole}, as stated ({stated}%).",
}
_IMPLIED = {
    "ko": "{part}이(가) {stated}%라면 전체는 {implied}인데, 같은 목록의 다른 항목들은 "
    "전체를 {others}(으)로 보여 줍니다.",
    "en": "{part} at {stated}% implies a whole of {implied}, but the other items of the list "
    "imply {others}.",
}
_WHY = "a part stated with its share, and the whole of the same measure stated elsewhere"


@dataclass(frozen=True, slots=True)
class Pair:
    """A part and its share, stated together."""

    part: Mention
    share: Mention
    names: str | None  # the whole the share names (``net sales``, ``社会消费品零售总额``)
    prior: bool  # stated of an earlier period (``in the prior year period``, ``去年同期``)


def check(ctx: Context) -> list[Finding]:
    """Each (part, share) pair against its whole."""
    pairs = _pairs(ctx)
    parts = {id(p.part) for p in pairs}
    candidates = {id(p): _wholes(ctx, p, parts) for p in pairs}
    matched: dict[int, Mention] = {}
    for p in pairs:
        w = next((w for w in candidates[id(p)] if _fits(p, w)), None)
        if w is not None:
            matched[id(p)] = w
    established = {id(w) for w in matched.values()}
    out: list[Finding] = []
    lonely: list[Pair] = []
    for p in pairs:
        whole = matched.get(id(p))
        if whole is not None:
            out.append(_verdict(ctx, p, whole, Severity.OK))
            continue
        found = candidates[id(p)]
        chosen = _named_in_sentence(ctx, p, found)
        chosen = chosen or next((w for w in found if id(w) in established), None)
        if chosen is None and len({point(w.fact.quantity) for w in found}) == 1:
            chosen = found[0]
        if chosen is not None and _near(p, chosen):
            out.append(_verdict(ctx, p, chosen, Severity.WARNING))
        elif not found:
            lonely.append(p)
    out.extend(_implied(ctx, lonely))
    return out


def _pairs(ctx: Context) -> list[Pair]:
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.cell is None:
            by_sentence[m.sentence].append(m)
    out = []
    for index, members in sorted(by_sentence.items()):
        text = ctx.extraction.layout.sentences[index].text
        listed = _continues_shares(ctx, index)
        cued = [m for m in members if is_share(text, m)]
        # 77% (£46.8bn) of purchases were goods and 23% (£13.8bn) services: the list's items
        listed = listed or any(amount_in_parens(text, m) for m in cued)
        shares = [
            m
            for m in members
            if m in cued or (listed and (in_parens(text, m) or amount_in_parens(text, m)))
        ]
        levels = [m for m in members if stated_level(text, m)]
        for level, s in share_partners(text, levels, shares):
            names = (
                _OF_WHOLE.search(text[s.local[1] : s.local[1] + 30])
                or _OF_WHOLE.search(text[max(0, s.local[0] - 30) : s.local[0]])
                or _NAMED_BEFORE.search(text[max(0, s.local[0] - 20) : s.local[0]])
            )
            name = next((g for g in names.groups() if g), None) if names else None
            amounts = [x for x in members if x.fact.quantity.kind in LEVEL_KINDS]
            stop = min(
                (x.local[0] for x in amounts if x.local[0] > s.local[1]),
                default=len(text),
            )
            start = max((x.local[1] for x in amounts if x.local[1] < level.local[0]), default=0)
            prior = bool(_PRIOR.search(text[start:stop]))
            out.append(Pair(level, s, name, prior))
    return out


_PRIOR = re.compile(
    r"\bprior\b|\bprevious\b|\ba\syear\s(?:ago|earlier)|\blast\syear\b|year[-\s]ago|"
    # 同期 alone is the share's own period (占同期手机出货量的85.6%); compared with, the prior one
    r"去年|上年|(?:比|较|較|与|與|和|同)同期|上季|전년|작년|지난해|전분기",
    re.IGNORECASE,
)


# a sentence that goes on with the list of the sentence before (이어 LG그룹 24조원(7.9%), …)
_GOES_ON = re.compile(r"^\W{0,2}(?:이어|이어서|其次|其后|其後|next,?|followed\sby)\s?", re.I)


def _continues_shares(ctx: Context, index: int) -> bool:
    """The sentence goes on with the shares the sentence before states with their cue words
    (``현대차그룹은 34조원으로 11.0%를 차지했다. 이어 LG그룹 24조원(7.9%)``)."""
    sentences = ctx.extraction.layout.sentences
    if index < 1 or not _GOES_ON.match(sentences[index].text):
        return False
    before = sentences[index - 1].text
    return any(
        is_share(before, m)
        for m in ctx.extraction.mentions
        if m.sentence == index - 1 and m.cell is None
    )


# 平板电脑的出货量, 태블릿의 출하량: the thing a whole is of, before its measure
_OWNER = re.compile(r"^([^\d\s的의]{2,12})(?:的|의\s?)")


def _named_in_sentence(ctx: Context, p: Pair, found: Sequence[Mention]) -> Mention | None:
    """The one candidate whole whose owner the share's sentence names before the part
    (``平板电脑的出货量740万台`` … ``平板电脑方面，苹果…出货量约为230万台，市场占有率为31%``)."""
    index = p.part.sentence
    assert index is not None
    lead = ctx.extraction.layout.sentences[index].text[: p.part.local[0]]
    named = [
        w for w in found if (m := _OWNER.match(w.metric or "")) is not None and m.group(1) in lead
    ]
    return named[0] if len(named) == 1 else None


def _same_measure(a: Mention, b: Mention) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    if qa.kind is Kind.COUNT and qb.kind is Kind.COUNT:
        return True  # 5520万部 of 3.46亿台: units of one count
    return (qa.kind, qa.currency, qa.unit) == (qb.kind, qb.currency, qb.unit)


def _wholes(ctx: Context, p: Pair, parts: set[int]) -> list[Mention]:
    """Amounts of the part's measure stated before it (nearest first), above the part."""
    index = p.part.sentence
    assert index is not None
    sentences = ctx.extraction.layout.sentences
    part = point(p.part.fact.quantity) or Decimal(0)
    out = []
    for m in reversed(ctx.extraction.mentions):
        if m.sentence is None or m.cell is not None or m.sentence > index:
            continue
        if m.sentence < index - _BACK:
            break
        if m is p.part or not _same_measure(m, p.part) or m.change is not None:
            continue
        if sentences[m.sentence].paragraph < sentences[index].paragraph - 4:
            break
        if not stated_level(sentences[m.sentence].text, m) or (point(m.fact.quantity) or 0) <= part:
            continue
        if _periods_differ(m, p.part) or not _pairable(ctx, m, p.part):
            continue  # another period, or one counted from the date of another part
        if p.names and not _named(p.names, m):
            continue
        if id(m) in parts or m.fact.quantity.qualifier not in _POINT:
            continue  # another item of the list, or a bound (跌破1亿部), is no whole
        if bool(_PRIOR.search(_clause(sentences[m.sentence].text, m))) != p.prior:
            continue  # this year's whole for last year's share
        out.append(m)
    same = [m for m in out if p.part.fact.period and m.fact.period == p.part.fact.period]
    return same or out


def _pairable(ctx: Context, whole: Mention, part: Mention) -> bool:
    """``ctx.parts.pairable``, except that a part whose basis is unstated may be a share of a
    whole stated on one (``개별·별도 재무제표 … 311조원. 이 중 …``: the list inherits it)."""
    if whole.basis != part.basis and part.basis is None:
        parts = ctx.parts
        if not (parts.dated_here(whole) and parts.dated_here(part)):
            return False
        dated = dated_by_document(whole) or dated_by_document(part)
        return not parts.apart(whole, part) or not dated
    return ctx.parts.pairable(whole, part)


def _clause(text: str, m: Mention) -> str:
    start = max((x.end() for x in re.finditer(r"[,，;；]", text[: m.local[0]])), default=0)
    stop = re.search(r"[,，;；]", text[m.local[1] :])
    return text[start : m.local[1] + (stop.start() if stop else len(text))]


def _periods_differ(a: Mention, b: Mention) -> bool:
    both = a.period_source == "sentence" and b.period_source == "sentence"
    return both and a.fact.period is not None and a.fact.period != b.fact.period


def _named(name: str, m: Mention) -> bool:
    """The whole the share names is the amount's measure (``net sales`` in ``Net sales from``)."""
    a, b = norm(name), norm(m.metric or m.fact.subject)
    a = re.sub(r"^(?:the|total|its|同期|當期|当期)", "", a)  # 同期手机出货量: 手机出货量
    if bool(a) and bool(b) and (a in b or b in a):
        return True
    # 全国总产量: the total of the measure (产量) the amount names (1-4月累计原煤产量)
    total = _GRAND_TOTAL.match(a)
    return bool(total and b.endswith(total.group(1)))


_GRAND_TOTAL = re.compile(r"^(?:全国|全國|全市|全省|全区|全區)?(?:总|總)(\w{2,})$")


def _ratio(p: Pair, w: Mention) -> tuple[Decimal, Decimal, Decimal] | None:
    p_lo, p_hi = bounds(p.part.fact.quantity)
    w_lo, w_hi = bounds(w.fact.quantity)
    pv, wv = point(p.part.fact.quantity), point(w.fact.quantity)
    if None in (p_lo, p_hi, w_lo, w_hi, pv, wv):
        return None
    assert p_lo is not None and p_hi is not None and w_lo is not None and w_hi is not None
    assert pv is not None and wv is not None
    if w_lo <= 0:
        return None
    return p_lo / w_hi * HUNDRED, p_hi / w_lo * HUNDRED, pv / wv * HUNDRED


def _fits(p: Pair, w: Mention) -> bool:
    got = _ratio(p, w)
    s_lo, s_hi = bounds(p.share.fact.quantity)
    if got is None or s_lo is None or s_hi is None:
        return False
    lo, hi, _ = got
    if p.share.fact.quantity.qualifier is Qualifier.APPROX:
        # 17.0%가량, about 17%: the writer rounded loosely, half a point or a twentieth
        slack = max(_LOOSE, (s_lo + s_hi) / 2 / 20)
        s_lo, s_hi = s_lo - slack, s_hi + slack
    return s_lo <= hi and lo <= s_hi


def _near(p: Pair, w: Mention) -> bool:
    """The stated share within a factor of 1.5 of the computed one: far off, the amount is
    another measure's total, not this part's whole."""
    got = _ratio(p, w)
    stated = point(p.share.fact.quantity)
    if got is None or not stated or got[2] <= 0:
        return False
    return 1 / _FAR <= stated / got[2] <= _FAR


def _verdict(ctx: Context, p: Pair, whole: Mention, severity: Severity) -> Finding:
    got = _ratio(p, whole)
    computed = got[2] if got is not None else Decimal(0)
    stated = point(p.share.fact.quantity) or Decimal(0)
    words = {
        "part": ctx.quantity(p.part.fact.quantity),
        "whole": ctx.quantity(whole.fact.quantity),
        "computed": pct(computed),
        "stated": pct(stated),
    }
    ok = severity is Severity.OK
    values = [point(p.part.fact.quantity), point(whole.fact.quantity), stated, computed]
    message = ctx.say(_OK if ok else _OFF, **words)
    return finding(RULE, severity, message, [whole, p.part, p.share], values, why=_WHY)


def _implied(ctx: Context, pairs: Sequence[Pair]) -> list[Finding]:
    """Pairs without a stated whole: each implies one (P/S); one the others contradict is off."""
    groups: dict[tuple[object, ...], list[tuple[Pair, Decimal, Decimal]]] = defaultdict(list)
    for p in pairs:
        if p.share.fact.quantity.qualifier is Qualifier.APPROX:
            continue  # 17.0%가량: an approximate share implies no precise whole
        p_lo, p_hi = bounds(p.part.fact.quantity)
        s_lo, s_hi = bounds(p.share.fact.quantity)
        if None in (p_lo, p_hi, s_lo, s_hi) or not s_lo or s_lo <= 0:
            continue
        assert p_lo is not None and p_hi is not None and s_lo is not None and s_hi is not None
        q = p.part.fact.quantity
        key = ("count",) if q.kind is Kind.COUNT else (q.kind, q.currency, q.unit)
        # one whole per period: a quarter's sales and the nine months' are different wholes
        key = (*key, p.part.fact.period)
        groups[key].append((p, p_lo / s_hi * HUNDRED, p_hi / s_lo * HUNDRED))
    out: list[Finding] = []
    for members in groups.values():
        if len(members) < 3:
            continue
        for p, lo, hi in members:
            others = [(a, b) for x, a, b in members if x is not p]
            o_lo, o_hi = max(a for a, _ in others), min(b for _, b in others)
            if o_lo > o_hi or (lo <= o_hi and o_lo <= hi):
                continue  # the others disagree among themselves, or this one agrees
            q = p.part.fact.quantity
            words = {
                "part": ctx.quantity(q),
                "stated": pct(point(p.share.fact.quantity) or Decimal(0)),
                "implied": ctx.quantity(q, (lo + hi) / 2),
                "others": ctx.quantity(q, (o_lo + o_hi) / 2),
            }
            values = [
                point(q),
                point(p.share.fact.quantity),
                (lo + hi) / 2,
                (o_lo + o_hi) / 2,
            ]
            message = ctx.say(_IMPLIED, **words)
            members_ = [p.part, p.share]
            out.append(finding(RULE, Severity.WARNING, message, members_, values, why=_WHY))
    return out


def unchecked(findings: list[Finding]) -> list[Finding]:
    """Drop this rule's findings on a share the breakdown rule already recomputed from a stated
    relation (``of this amount``, ``其中``): one finding per share, the certain one."""
    done = {id(f.facts[-1]) for f in findings if f.rule == "breakdown.share" and f.facts}
    return [f for f in findings if f.rule != RULE or id(f.facts[-1]) not in done]
