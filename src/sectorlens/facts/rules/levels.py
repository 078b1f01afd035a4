"""What counts as a level: an amount stated as such, not a figure per share or per unit."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import point
from sectorlens.model import Kind

# $1.65 per share, $0.26 a share, 每股收益0.25元, 주당 배당금 1,000원, $12 per unit: an amount per
# unit, never one level with a total ($24.8 billion, or $1.65 per share).
_PER_UNIT_AFTER = re.compile(
    r"^\s?(?:per|a|an|/)\s?(?:[a-z]+\s){0,2}"
    r"(?:share|unit|person|capita|head|employee|customer|user|subscriber|household|ton|barrel)s?\b",
    re.IGNORECASE,
)
_PER_UNIT_BEFORE = re.compile(
    r"(?:每股|人均|户均|每吨|每桶|주당|1인당|인당|가구당|배럴당|톤당|t당|대당|개당|명당|건당|평당|㎡당|"
    r"kg당|㎏당|리터당|ℓ당|\bEPS\b|per[-\s]share|per[-\s]capita)[^\d,，;；。]{0,14}$",
    re.IGNORECASE,
)
# Diluted earnings per share decreased 7 per cent to $4.95: the measure per share named at the
# head of the clause, its change between (no other amount, no clause break)
_PER_UNIT_HEAD = re.compile(
    r"(?:\bearnings\sper\s(?:diluted\s)?share|\bEPS\b)[^,，;；。$€£¥￥₩]{0,40}"
    r"\b(?:to|at|of|was|were)\s(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$",
    re.IGNORECASE,
)


def per_unit(text: str, m: Mention) -> bool:
    """True for an amount per share, per person or per unit in ``text`` (the mention's sentence)."""
    start, end = m.local
    return bool(
        "/" in (m.fact.quantity.unit or "")
        or _PER_UNIT_AFTER.match(text[end : end + 40])
        or _PER_UNIT_BEFORE.search(text[max(0, start - 24) : start])
        or _PER_UNIT_HEAD.search(text[max(0, start - 72) : start])
    )


LEVEL_KINDS = (Kind.MONEY, Kind.COUNT, Kind.NUMBER)


def stated_level(text: str, m: Mention) -> bool:
    """A positive amount, count or number stated as a level: no change, estimate or per unit."""
    q = m.fact.quantity
    return (
        q.kind in LEVEL_KINDS
        and m.change is None
        and not m.estimate
        and (point(q) or 0) > 0
        and not per_unit(text, m)
    )


def unit_key(m: Mention) -> tuple[object, ...]:
    """What two figures must share to be compared: kind, currency and unit."""
    q = m.fact.quantity
    return (q.kind, q.currency, q.unit)


def is_point_level(m: Mention) -> bool:
    """A figure that is no change and has one value (not a range)."""
    return m.change is None and point(m.fact.quantity) is not None


def inherit_per_unit(
    text: str, levels: Sequence[Mention], keys: dict[int, tuple[object, ...]]
) -> None:
    """``EPS was $0.75, down from $0.80``, ``$2.02 per share, compared to $2.39``: a bare amount
    that follows an amount per share with only comparison words between (no measure named, as
    in ``or $2.02 per share, compared to net income of $157 million``) is per share too."""
    ordered = sorted(levels, key=lambda x: x.local[0])
    for before, m in itertools.pairwise(ordered):
        kb, km = keys[id(before)], keys[id(m)]
        link = text[before.local[1] : m.local[0]]
        if kb[:3] == km[:3] and kb[3] and not km[3] and _BARE_LINK.fullmatch(link):
            keys[id(m)] = kb


# only the words of a comparison between two figures: ", down from", " compared with "
_BARE_LINK = re.compile(
    r"[\s,，(（]*(?:(?:up|down|higher|lower|rising|falling|increased|decreased|from|compared|"
    r"to|with|versus|vs\.?|than|against|or|and|was|were|in|the|a|an)\b[\s,，]*){0,5}"
    r"(?:[$€£¥￥₩]|[A-Z]{3})?\s?",
    re.I,
)


# 中位数, 중위, median: a middle value, never the sum of the middle values of its groups
_MEDIAN = re.compile(r"中位[数數]|중위|\bmedian\b", re.IGNORECASE)
# the population an amount per head is of: 城镇居民人均, 도시가구 1인당 (empty: the one before)
_PER_HEAD = re.compile(r"([^\d\s,，、;；。:：()（）]{0,8}?)\s?(?:人均|户均|戶均|1인당|인당|가구당)")


def _per_whom(text: str, m: Mention) -> str | None:
    """Whose amount per head ``m`` is (``城镇居民``; ``""`` when not named), None for a level."""
    if not per_unit(text, m):
        return None
    found = list(_PER_HEAD.finditer(text[max(0, m.local[0] - 24) : m.local[0]]))
    return found[-1].group(1) if found else ""


def adds_up(whole: tuple[str, Mention], parts: Sequence[tuple[str, Mention]]) -> bool:
    """Whether the parts (each with its sentence) can add up to the whole: no medians, and amounts
    per head only of the whole's population (人均工资性收入 · 人均经营净收入 of 全国居民 add up;
    城镇居民人均 · 农村居民人均 do not)."""
    members = [whole, *parts]
    lead = [t[max(0, m.local[0] - 16) : m.local[0]] + (m.metric or "") for t, m in members]
    if any(_MEDIAN.search(x) for x in lead):
        return False
    whom = [_per_whom(t, m) for t, m in members]
    if whom[0] is None:
        return all(w is None for w in whom)  # a level is no sum of amounts per head
    # a part that names no population is the whole's (其中，工资性收入…; 이 중 근로소득…)
    return all(w in (None, "", whom[0]) for w in whom[1:])
