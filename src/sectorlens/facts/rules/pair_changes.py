"""The changes stated with a pair of levels: between its two levels, or right next to them
(``45조원, 5.8% 늘었다``, ``rose by $117 billion (7.6 percent) to``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import point
from sectorlens.facts.rules.moves import near_trend
from sectorlens.facts.rules.pair_words import (
    BRACKETED,
    in_other_unit,
    or_share,
    rate_named,
    share_of,
)
from sectorlens.facts.rules.pairs import SENTENCE_END, Pair, change_amount, is_prior, unit_of
from sectorlens.model import Kind

# Where a run of changes ends: a list break, another item, or an object of its own (전체 물가를
# 0.47%포인트 올렸다, 拉动…1.2个百分点: a contribution, not the change between the levels)
_STOP = re.compile(
    r"[;；、△]|\band\b|\bwhile\b|\bwhereas\b|\bbut\b|이어|반면|이 중|[가-힣][을를]\s|"
    r"而|但|其中|其他|拉动|带动|贡献|上拉|下拉|contribut",
    re.I,
)


# a comma, then a new subject and its verb of change: the change of that subject, not the pair's
_NEW_CLAUSE = re.compile(
    r"[,，]\s*(?!(?:which|that|it|this|and|but|or)\b)(?:[A-Za-z][\w'’&.-]*\s+){1,4}"
    r"(?:rose|fell|grew|declined|increased|decreased|dropped|jumped|advanced|climbed|slipped|"
    r"gained|surged|plunged|slumped|soared)\b",
    re.I,
)


def attached_changes(text: str, members: Sequence[Mention], pair: Pair) -> list[Mention]:
    """The stated changes that belong to a pair: between its two levels, or right next to them.

    After the pair's last level the changes follow with only a few characters between
    (``45조원, 5.8% 늘었다``, ``(22.4%) 증가``); the run stops at a list break (``;``, ``、``,
    ``and``, ``이어``) or at another level.
    """
    lo = min(pair.prior.local[0], pair.current.local[0])
    hi = max(pair.prior.local[1], pair.current.local[1])
    levels = {id(pair.prior), id(pair.current)}
    out = [
        m
        for m in members
        if lo < m.local[0] < hi and id(m) not in levels and _changelike(text, m, pair)
    ]
    last, skip_rate = hi, False
    for m in sorted(members, key=lambda x: x.local[0]):
        if m.local[0] < hi or id(m) in levels:
            continue
        gap = text[last : m.local[0]]
        close = in_other_unit(text, gap, m, unit_of(pair.current))
        if close is not None:
            last = close  # 61791万吨(12358亿斤), 增加166万吨(33亿斤): the figure in another unit
            continue
        gap = BRACKETED.sub("", gap)  # 13659.6万吨(2731.9亿斤),比2013年增产: a note, no words
        gap = _PRIOR_WHEN.sub("", gap)  # $3.65 billion a year earlier, an increase of 15.3%
        if len(gap) > _reach(gap) or SENTENCE_END.search(gap):
            break
        if _STOP.search(gap) and not _SAME_CHANGE.fullmatch(gap):
            break
        if _NEW_CLAUSE.search(gap):
            break  # …from $1.50 billion, operating income fell 23.3 percent: another's change
        if _share_between(text, m, pair):
            last = m.local[1]  # 29612万元,占年初预算的27.7%,较上年同期增收1735万元: a share
            continue
        if skip_rate and gap.strip() in ("(", "（") and m.fact.quantity.kind is Kind.PERCENT:
            last, skip_rate = m.local[1], False  # the rate of the other unit's change
            continue
        if _other_unit_change(text, m, pair):
            last, skip_rate = m.local[1], True  # 611건 … 대비 46명(7.1%), 27건(4.4%): 명's
            continue
        skip_rate = False
        if not _changelike(text, m, pair) or is_prior(text, m) or _rate_level(text, m, pair):
            break
        if or_share(text, m, gap):
            break  # were $21.2 billion, or 26%, a year ago: the level's share, not a change
        out.append(m)
        last = m.local[1]
    # right before the pair: 增长10.3% to $930.9 million, rose by $117 billion (7.6 percent) to
    first = lo
    run: list[Mention] = []
    for m in sorted(members, key=lambda x: -x.local[0]):
        if m.local[1] > lo or id(m) in levels:
            continue
        gap = text[m.local[1] : first]
        # by £0.6 billion or 12%, amounting to £5.4 billion: the change, then its result
        result = not run and _RESULT_LEAD.fullmatch(gap)
        if not result and (len(gap) > 14 or SENTENCE_END.search(gap) or _STOP.search(gap)):
            break
        if not result and "," in gap and not _APPOSED.fullmatch(gap):
            break
        if not _changelike(text, m, pair) or "，" in gap:
            break
        run.append(m)
        first = m.local[0]
    if any(
        m.change in ("change", "yoy") or near_trend(text, m) or change_amount(text, m) for m in run
    ):
        out.extend(run)
    return out


# increased by $2.6 million, or 0.6%, to $413.8 million; rose by 24%, from A to B: the commas of
# one change, not a list
_APPOSED = re.compile(r"[)）]?\s?,\s(?:or|to|from)\s", re.I)


# …or 12%, amounting to; …or 11% in 2022, reaching a total of; …or 25% to reach: the level the
# change ends at, after it
_RESULT_LEAD = re.compile(
    r"\s?(?:in\s(?:19|20)\d{2}\s?)?,?\s?(?:amounting\sto|total(?:l)?ing|reaching|to\sreach|"
    r"bringing\s(?:it|the\stotal)\sto|taking\s(?:it|the\stotal)\sto)(?:\sa\stotal\sof)?\s",
    re.I,
)


# 增收34.96亿元、增长12.6%: the change as an amount, then as a rate, after a list mark
_SAME_CHANGE = re.compile(
    r"\s?、\s?(?:同比|比上年|较上年|比去年|较去年)?(?:增长|增加|增收|下降|减少|减收|增支|减支)了?\s?"
)


def _share_between(text: str, m: Mention, pair: Pair) -> bool:
    """A share of a named base after a level (``占年初预算的27.7%``): not a change, and not
    the end of the level's changes either."""
    q = m.fact.quantity
    return pair.prior is pair.current and q.kind is Kind.PERCENT and share_of(text, m)


def _other_unit_change(text: str, m: Mention, pair: Pair) -> bool:
    """A change of the same kind counted in another unit (``46명``, beside ``27건``): the
    parallel measure's change, passed over to reach the pair's own."""
    q, level = m.fact.quantity, pair.current.fact.quantity
    return (
        q.kind is level.kind
        and q.kind not in (Kind.PERCENT, Kind.PP)
        and unit_of(m) != unit_of(pair.current)
        and change_amount(text, m)
    )


# the period of the earlier level, written after it: not words between the level and its change
_PRIOR_WHEN = re.compile(
    r"^\s?(?:a\syear\s(?:earlier|ago|before)|in\sthe\s(?:prior|previous|same)\s(?:year|period|"
    r"quarter)(?:\s(?:period|quarter))?(?:\s(?:a\syear\s)?(?:earlier|ago))?|last\syear)",
    re.I,
)


def _reach(gap: str) -> int:
    """How far a change may stand from its level: a few CJK characters, or a few words."""
    return 28 if gap.isascii() else 14


def _rate_level(text: str, m: Mention, pair: Pair) -> bool:
    """A rate after a pair of rates that is a level of its own: no change word next to it, or
    a period of its own stated in the sentence (``2021년 53.2%에서 2022년 45.4%, 2023년 32.8%로
    … 줄어들고``: the third level of a series)."""
    levels_are_rates = pair.current.fact.quantity.kind is Kind.PERCENT
    q, when = m.fact.quantity, pair.current.fact.period
    own_period = m.period_source == "sentence" and when is not None and m.fact.period != when
    return levels_are_rates and q.kind is Kind.PERCENT and (own_period or not near_trend(text, m))


def _changelike(text: str, m: Mention, pair: Pair) -> bool:
    q = m.fact.quantity
    if point(q) is None or m.change == "cagr":
        return False
    if q.kind in (Kind.PERCENT, Kind.PP):
        return not share_of(text, m) and not (q.kind is Kind.PERCENT and rate_named(text, m))
    return unit_of(m) == unit_of(pair.current) and change_amount(text, m)


__all__ = ["attached_changes"]
