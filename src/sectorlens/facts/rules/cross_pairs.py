"""Pairs across two sentences: a sentence that opens by referring back to the change of the one
before (``This increase of 131.8%``), or an earlier level with no level of its own sentence
(``전분기 37.80%보다 3.10%포인트 증가했다`` after ``…40.90%를 냈다``), or the earlier levels of
the levels before, listed in brackets and taken respectively (``2조8419억 원의 매출과 1149억 원의
영업이익을 올렸다. 전년(2조5040억 원, 990억 원)보다 각각 13.5%, 15.6% 증가했다``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import point
from sectorlens.facts.rules.levels import per_unit
from sectorlens.facts.rules.pair_changes import attached_changes
from sectorlens.facts.rules.pair_words import RESPECTIVELY
from sectorlens.facts.rules.pairs import Pair, is_level, is_prior, open_bracket, unit_of
from sectorlens.model import Kind

# A sentence that opens with the change of the one before: This increase of 48.7%, 这一增长为20%
_ANAPHORA = re.compile(
    r"^\W{0,3}(?:(?:this|the|that)\s(?:increase|decrease|rise|decline|growth|gain|drop|reduction)"
    r"\s(?:of|was)\s(?:approximately\s|about\s|nearly\s)?"
    # This represents an increase in adjusted diluted earnings per share of 14.6 percent
    r"|(?:this|that|which)\s(?:represents|reflects|is|was)\s(?:an?\s)?"
    r"(?:increase|decrease|rise|decline|growth|gain|drop|reduction)\s(?:in\s[\w\s'-]{1,60}?\s)?"
    r"of\s(?:approximately\s|about\s|nearly\s)?"
    r"|(?:这一|这个|此|该|這一)(?:增长|增幅|下降|降幅|增長|下降)(?:为|是|达|為)?"
    r"|이\s?(?:증가|감소)(?:율|폭)?[은는]\s?)$",
    re.I,
)


def cross_pairs(
    text: str,
    members: Sequence[Mention],
    pairs: Sequence[Pair],
    prev_members: Sequence[Mention],
    prev_pairs: Sequence[Pair],
    prev_text: str,
) -> list[tuple[Pair, list[Mention]]]:
    """Pairs across two sentences, with the changes of the second one.

    ``…$257.9 million compared to $111.2 million. This increase of 131.8% …``: a sentence that
    opens by referring back takes the last pair of the one before. ``…40.90%를 냈다. 전분기
    37.80%보다 3.10%포인트 증가했다``: an earlier level with no level of its own sentence to
    pair with takes the last level of the same unit in the sentence before. Never ``stated``:
    the link crosses a sentence end.
    """
    respective = _respective(text, members, prev_members, prev_text)
    if respective:
        return respective
    if _OWN_TIME.match(text):
        return []  # 지난 4월에는 3월(1.8달러)보다 16.67% 올라: its own later level, not stated
    if _PARTS_OF.match(text):
        return []  # 其中，…261105辆…环比增长3.74%: a part of the level before, not its past
    out: list[tuple[Pair, list[Mention]]] = []
    paired = {id(m) for p in pairs for m in (p.prior, p.current)}
    levels = [m for m in members if is_level(text, m)]
    for prior in levels:
        if id(prior) in paired or not is_prior(text, prior):
            continue
        kind = prior.fact.quantity.kind
        others = [x for x in members if x is not prior and x.fact.quantity.kind is kind]
        if any(not is_prior(text, x) for x in others):
            continue  # a figure of its own kind here: the comparison may well be with it
        before = [
            x
            for x in prev_members
            if unit_of(x) == unit_of(prior)
            and not _price_and_amount(prev_text, x, text, prior)
            and is_level(prev_text, x)
            and not is_prior(prev_text, x)
        ]
        if others:
            # 매출은 2022년(83조)보다 …, 영업이익은 전년(3조5510억)보다: several earlier levels,
            # each of its own measure: the level of that measure the sentence before stated
            before = [x for x in before if _same_measure(x.metric, prior.metric)]
        if before:
            pair = Pair(prior, before[-1], False)
            out.append((pair, attached_changes(text, members, Pair(prior, prior, False))))
    if not pairs and prev_pairs and not out and members:
        first = members[0]
        if first.fact.quantity.kind in (Kind.PERCENT, Kind.PP) and _ANAPHORA.match(
            text[: first.local[0]]
        ):
            last = prev_pairs[-1]
            out.append((Pair(last.prior, last.current, True), [first]))
    return out


def _same_measure(a: str | None, b: str | None) -> bool:
    """``LG전자 매출`` and ``매출``: one measure, one named with its holder."""
    if not a or not b:
        return False
    return a == b or a.endswith(f" {b}") or b.endswith(f" {a}")


def _price_and_amount(text_a: str, a: Mention, text_b: str, b: Mention) -> bool:
    """One is an amount per unit (배럴당 130달러), the other a total of another order of
    magnitude (1100억 달러): no change links them."""
    if per_unit(text_a, a) == per_unit(text_b, b):
        return False
    va, vb = point(a.fact.quantity), point(b.fact.quantity)
    if va is None or vb is None or not va or not vb:
        return False
    big, small = max(abs(va), abs(vb)), min(abs(va), abs(vb))
    return big > 10 * small


# A sentence that opens on the parts of the whole before it (其中, 이 중, Of this, Of which)
_PARTS_OF = re.compile(
    r"^\W{0,3}(?:其中|當中|当中|이\s?중|이\s?가운데|of\s(?:this|these|which|the\stotal))", re.I
)


# A sentence that opens on a time of its own (지난 4월에는, 4月份，, In April,): a new statement,
# whose later level is of that time, not the level the sentence before stated
_OWN_TIME = re.compile(
    r"^\W*(?:지난\s?|올해\s?|올\s)?(?:\d{1,2}\s?월|\d\s?분기)(?:에는|에도|엔|에)\s"
    r"|^\W*\d{1,2}月份?[，,]"
    r"|^\W*In\s(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)


# 전년(2조5040억 원, 990억 원)보다, (a year earlier: $2.5 billion and $99 million) than: the
# earlier levels listed in one bracket, then the word that compares with them
_BRACKET_THEN = re.compile(r"\s?[)）]\s?(?:보다|대비|에\s?비해|比|相比|than|from|compared)", re.I)


def _respective(
    text: str, members: Sequence[Mention], prev_members: Sequence[Mention], prev_text: str
) -> list[tuple[Pair, list[Mention]]]:
    """The earlier levels of the sentence before's levels, in one bracket, with their changes
    in the same order after it (각각, respectively)."""
    if not RESPECTIVELY.search(text):
        return []
    amounts = [m for m in members if m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP)]
    if len(amounts) < 2:
        return []
    opened = open_bracket(text, amounts[0].local[0])
    close = _BRACKET_THEN.match(text, amounts[-1].local[1])
    if (
        opened is None
        or close is None
        or re.search(r"[()（）]", text[opened + 1 : amounts[-1].local[0]])
    ):
        return []
    rates = [
        m for m in members if m.fact.quantity.kind is Kind.PERCENT and m.local[0] > close.end()
    ]
    later = [
        m
        for m in prev_members
        if m.fact.quantity.kind not in (Kind.PERCENT, Kind.PP)
        and is_level(prev_text, m)
        and not is_prior(prev_text, m)
    ]
    if len(rates) != len(amounts) or len(later) != len(amounts):
        return []
    if [unit_of(m) for m in later] != [unit_of(m) for m in amounts]:
        return []
    return [(Pair(p, c, False), [r]) for p, c, r in zip(amounts, later, rates, strict=True)]
