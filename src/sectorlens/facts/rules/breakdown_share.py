"""A part's stated share of the whole it is listed under (其中A 7.2GWh（占比 37.89%）), and a
holder's market shares, which are shares of several wholes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules import breakdown_lists
from sectorlens.facts.rules.breakdown_measure import whole_of_the_parts
from sectorlens.facts.rules.breakdown_rates import parts_rates
from sectorlens.facts.rules.breakdown_sums import by_unit, one_period, parts_verdict
from sectorlens.facts.rules.common import HUNDRED, Context, bounds, finding, pct, point
from sectorlens.facts.rules.levels import adds_up
from sectorlens.model import Finding, Kind, Severity

OWN_SHARE = re.compile(
    r"(?:占比|比重|份额|비중|점유율|share|or)\s?(?:of\s)?[:：]?\s?$", re.IGNORECASE
)

RULE_SHARE = "breakdown.share"
_SHARE_OFF = {
    "ko": "{part}은(는) {whole}의 {computed}%인데, 보고서는 {stated}%라고 합니다.",
    "en": "{part} is {computed}% of {whole}, but the report states {stated}%.",
}
_SHARE_OK = {
    "ko": "{part}은(는) {whole}의 {computed}%로, 보고서의 {stated}%와 맞습니다.",
    "en": "{part} is {computed}% of {whole}, as stated ({stated}%).",
}


def part_shares(
    ctx: Context, text: str, whole: Mention, parts: Sequence[Mention], members: Sequence[Mention]
) -> list[Finding]:
    """其中A 7.2GWh（占比 37.89%）: a part's stated share of the whole, recomputed."""
    out: list[Finding] = []
    w_lo, w_hi = bounds(whole.fact.quantity)
    w = point(whole.fact.quantity)
    if w_lo is None or w_hi is None or w is None or w_lo <= 0:
        return out
    for part in parts:
        share = next(
            (
                m
                for m in members
                if m.fact.quantity.kind is Kind.PERCENT
                and m.change is None
                and 0 <= m.local[0] - part.local[1] <= 16
                and OWN_SHARE.search(text[part.local[1] : m.local[0]])
            ),
            None,
        )
        p_lo, p_hi = bounds(part.fact.quantity)
        p, v = point(part.fact.quantity), point(share.fact.quantity) if share else None
        if share is None or p_lo is None or p_hi is None or p is None or v is None:
            continue
        lo, hi = p_lo / w_hi * HUNDRED, p_hi / w_lo * HUNDRED
        s_lo, s_hi = bounds(share.fact.quantity)
        computed = p / w * HUNDRED
        words = {
            "part": ctx.quantity(part.fact.quantity),
            "whole": ctx.quantity(whole.fact.quantity),
            "computed": pct(computed),
            "stated": pct(v),
        }
        values = [p, w, v, computed.quantize(Decimal("0.01"))]
        members_ = [whole, part, share]
        if s_lo is not None and s_hi is not None and (s_hi < lo or s_lo > hi):
            message = ctx.say(_SHARE_OFF, **words)
            out.append(finding(RULE_SHARE, Severity.ERROR, message, members_, values))
        else:
            message = ctx.say(_SHARE_OK, **words)
            out.append(finding(RULE_SHARE, Severity.OK, message, members_, values))
    return out


_OF_BEFORE = re.compile(
    r"^\W{0,3}(?:of\s(?:this|that|these|the)\s(?:amount|total|sum|spending|figure)|"
    r"of\s(?:this|that|these)\b|이\s?중|이\s?가운데|그\s?중|其中)",
    re.IGNORECASE,
)


def of_the_sentence_before(
    ctx: Context,
    index: int,
    text: str,
    members: list[Mention],
    by_sentence: dict[int, list[Mention]],
) -> list[Finding]:
    """``$6 billion on equipment. Of this amount, $5.4 billion -- or 90% of the total -- …``:
    a sentence that opens with 'of this amount' takes its whole from the sentence before (its
    items' stated shares, and two or more items against it)."""
    if not index or not _OF_BEFORE.match(text):
        return []
    sentences = ctx.extraction.layout.sentences
    if sentences[index - 1].paragraph != sentences[index].paragraph:
        return []
    wholes = [
        m
        for m in by_sentence.get(index - 1, [])
        if m.change is None and m.fact.quantity.kind is not Kind.PERCENT
    ]
    if not wholes:
        return []
    same = [
        m
        for m in members
        if m.change is None
        and m.fact.quantity.kind is not Kind.PERCENT
        and by_unit([m]).keys() == by_unit([wholes[-1]]).keys()
    ]
    parts = _listed(text, same)
    whole = whole_of_the_parts(wholes, parts)  # 总产值…，增加值…。其中，农业产值…: the 产值
    if not parts or not one_period([whole, *parts]):
        return []
    if not adds_up((sentences[index - 1].text, whole), [(text, m) for m in parts]):
        return []  # 城镇居民人均… after 全国居民人均…: amounts per head of other populations
    found = part_shares(ctx, text, whole, parts, members)
    if len(parts) >= 2:
        # 收入135663亿元。其中，税收收入111065亿元；非税收入24598亿元: the parts of the whole before
        verdict = parts_verdict(ctx, whole, parts, exhaustive=False)
        found.insert(0, verdict)
        before = (whole, sentences[index - 1].text, by_sentence.get(index - 1, []))
        found.extend(parts_rates(ctx, verdict, before, parts, text, members))
    return found


def _listed(text: str, same: list[Mention]) -> list[Mention]:
    """The items of the list the sentence opens: those of its first statement, then one a clause
    past ';' while each clause names one more (其中:黄牛存栏28510头;奶牛存栏8984头;马存栏2708匹;
    生猪存栏…: the list cannot be read past the horses, and the pigs are no large livestock)."""
    if not same:
        return []
    stop = breakdown_lists.STATEMENT.search(text, same[0].local[1])
    end = stop.start() if stop else len(text)
    first = [m for m in same if m.local[0] < end]
    return first + breakdown_lists.items_past_semicolons(text, stop, same, first[-1])


# A holder's market share named before its items (삼성전자의 시장 점유율은 D램 …, 三星的市场份额：…,
# Samsung's market share was … in DRAM): the items are markets, each a share of its own whole. Not
# so where the word before the possessive is the market itself (D램 시장의 점유율은 삼성전자 …).
_HOLDER = re.compile(
    r"(\S+?)(?:의|的|'s|’s)\s?(?:(?:global|world|시장|세계|全球|市场)\s?)?"
    r"(?:market\s)?(?:점유율|份额|占有率|share)",
    re.IGNORECASE,
)
_WHOLE_WORD = re.compile(
    r"(?:시장|산업|업계|전체|市场|行业|全球|国内|market|industry|total)$", re.I
)


def one_holder(lead: str) -> bool:
    """True when ``lead`` (the text before the items) names one holder's market share."""
    found = list(_HOLDER.finditer(lead))
    return bool(found) and not _WHOLE_WORD.search(found[-1].group(1))
