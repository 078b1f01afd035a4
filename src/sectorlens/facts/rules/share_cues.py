"""Shares stated beside their parts: which percent is a share (its cue words), and which part
each share is of (``P(S%)``, ``S%(P)``, ``P, or S%``, the nearest level of its own metric)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import norm, point
from sectorlens.facts.rules.pairs import unit_of
from sectorlens.model import Kind

HUNDRED = Decimal(100)
# an amount in brackets right after a share: 77% (£46.8bn)
_AMOUNT_BRACKET = r"\s?[(（]\s?(?:[$€£¥￥₩]|[A-Z]{3}\s?)?\d[^()（）]{0,20}[)）]"
_CUE_BEFORE = re.compile(
    r"(?:(?:份额|占比|比重|占有率|佔比|點有率|점유율|비중|\bshare)[^\d,，;；。]{0,6}"
    # 占全国总产量的83.8%, 전체의 51%: a share of the whole the words name
    r"|[占佔][^\d,，;；。、]{1,12}的|전체(?:의|에서)\s?)$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    # 71% (£103.3bn) of sales: the part in brackets between the share and its whole
    r"^(?:\s?[(（][^()（）]{1,30}[)）])?\s?(?:的(?:市场)?份额|(?:market\s)?share\b|of\s(?:the\s)?(?:total|net\s|its\s)?"
    r"(?:sales|revenues?|market|total)|[를을]\s?차지)"  # 11.0%를 차지했다
    # 77% (£46.8bn) of purchases: a share, its part in brackets, then what it is of
    rf"|^{_AMOUNT_BRACKET}\s?of\s",
    re.IGNORECASE,
)
# P(S%), S%(P), P, or S% and P or S% (``$31.8 million or 5.5 percent of net sales``)
_ADJACENT = re.compile(r"^\s?(?:[(（,，]\s?(?:or\s)?|or\s|\s)?$", re.IGNORECASE)


def share_partners(
    text: str, levels: Sequence[Mention], shares: Sequence[Mention]
) -> list[tuple[Mention, Mention]]:
    """Which share is whose: ``P(S%)``, ``S%(P)``, ``P, or S%``; else the sentence's one of each,
    or its parts and shares in turn (``A with P1 and a S1 share, B with P2 and a S2 share``)."""
    out = []
    for s in shares:
        for level in levels:
            gap = (
                text[level.local[1] : s.local[0]]
                if level.local[1] <= s.local[0]
                else text[s.local[1] : level.local[0]]
            )
            if _ADJACENT.match(gap):
                out.append((level, s))
                break
        else:
            # 5G手机2420.0万部，同比增长4.2%，占同期手机出货量的85.6%: the nearest level
            # before the share, of the share's own metric, with only changes between them
            before = [x for x in levels if x.local[1] <= s.local[0]]
            near = max(before, key=lambda x: x.local[1], default=None)
            if near is not None and norm(near.metric) and norm(near.metric) == norm(s.metric):
                out.append((near, s))
            elif near is not None and _one_statement(text, near, s, levels, shares):
                # 苹果…出货量约为230万台,市场占有率为31%;华为…: the one level of its statement
                out.append((near, s))
    if out:
        return out
    if len(shares) == 1 and len(levels) == 1:
        return [(levels[0], shares[0])]
    order = sorted([*levels, *shares], key=lambda m: m.local[0])
    kinds = [m.fact.quantity.kind is Kind.PERCENT for m in order]
    if len(levels) == len(shares) >= 2 and kinds == [False, True] * len(levels):
        return [(order[i], order[i + 1]) for i in range(0, len(order), 2)]
    return []


# 总票房为300.67亿元，其中国产电影票房为255.11亿元，在总票房中占比为84.85%: a part's statement
# starts after 其中 (이 중, of which) as after a semicolon
_STATEMENT_START = re.compile(r"[;；。]|其中|이\s?중|이\s?가운데|\bof\swhich\b", re.I)


def _one_statement(
    text: str,
    level: Mention,
    share: Mention,
    levels: Sequence[Mention],
    shares: Sequence[Mention],
) -> bool:
    """The level and the share stand in one statement (no ``;`` between) that holds no other
    level and no other share, the level a clause before the share."""
    if lx.STATEMENT_END.search(text, level.local[1], share.local[0]):
        return False
    ends = [m.end() for m in _STATEMENT_START.finditer(text, 0, level.local[0])]
    start = ends[-1] if ends else 0
    stop = lx.STATEMENT_END.search(text, share.local[1])
    end = stop.start() if stop else len(text)
    inside = [
        x
        for x in (*levels, *shares)
        if start <= x.local[0] < end
        # …占比为84.85%，全年观影人次为7.12亿: a clause after the share states a figure of
        # another unit, no rival of the level
        and not (
            x.local[0] > share.local[1]
            and x in levels
            and unit_of(x) != unit_of(level)
            and _COMMA.search(text, share.local[1], x.local[0])
        )
    ]
    return sorted(inside, key=lambda x: x.local[0]) == [level, share]


_COMMA = re.compile(r"[,，]")


_AMOUNT_OPEN = re.compile(
    r"\d\s?(?:[^\d\s(（]{0,3}|(?:million|billion|thousand|trillion)\b)(?:\s[A-Za-z]{2,12})?"
    r"\s?[(（]\s?$",
    re.I,
)


_AMOUNT_AFTER = re.compile(_AMOUNT_BRACKET)


def _share_like(m: Mention) -> bool:
    """A percent between 0 and 100 that states no change: what a share may be."""
    q = m.fact.quantity
    v = point(q)
    return q.kind is Kind.PERCENT and m.change is None and v is not None and 0 < v < HUNDRED


def amount_in_parens(text: str, m: Mention) -> bool:
    """``23% (£13.8bn)``: a percent with an amount in parentheses right after it."""
    return _share_like(m) and bool(_AMOUNT_AFTER.match(text, m.local[1]))


def in_parens(text: str, m: Mention) -> bool:
    """``24조6339억원(7.9%)``: a percent alone in parentheses right after an amount."""
    if not _share_like(m):
        return False
    before, after = text[: m.local[0]], text[m.local[1] :]
    return bool(_AMOUNT_OPEN.search(before) and re.match(r"\s?[)）]", after))


def is_share(text: str, m: Mention) -> bool:
    """A percent its words mark as a share of a whole (``占…的``, ``share``, ``of net sales``)."""
    if not _share_like(m) or m.estimate:
        return False
    before = text[max(0, m.local[0] - 16) : m.local[0]]
    after = text[m.local[1] : m.local[1] + 24]
    return bool(_CUE_BEFORE.search(before) or _CUE_AFTER.match(after))


__all__ = ["amount_in_parens", "in_parens", "is_share", "share_partners"]
