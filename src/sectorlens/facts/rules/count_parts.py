"""Counts of one whole: ``17개 업종 가운데 11개 … 반면 … 6개``, ``of the 38 firms, 22 …``.

The relation is the text's: a count named as the whole the others are taken from (``N개 가운데``,
``N곳 중``, ``N家企业中``, ``of the N``, ``out of N``) and counts of the same counter word after it
in the sentence, or in the next sentence where that one opens by contrast (``반면``, ``while``,
``其余``). Parts that add up to more than the whole are an error; where one part is the rest
(``나머지``, ``其余``, ``the remaining``), the parts must add up to the whole. A sentence that
takes its parts from a whole it does not count (``분석 대상 기업 중 402곳 … 나머지 138곳``) is
paired with the last count of the same counter word before it, in its paragraph or the one before:
that relation is inferred, a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, point
from sectorlens.model import Finding, Kind, Severity

RULE = "breakdown.count"
# what a whole is written as: 17개 업종 가운데, 540곳 중, 38家企业中, of the 38 firms, out of 38
_OF_WHOLE_AFTER = re.compile(
    r"^\s?[^\s\d,，.。]{0,8}\s?(?:가운데|중에서|중(?![가-힣])|之中|当中|中(?![一-龥]))"
)
_OF_WHOLE_BEFORE = re.compile(r"(?:\bof\sthe|\bout\sof|\bamong\sthe)\s$", re.I)
_FROM_UNCOUNTED = re.compile(r"(?:가운데|중에서|중)\s", re.I)
_REST = re.compile(r"(?:나머지|其余|其他|\bthe\s(?:remaining|rest|other))\s?$", re.I)
_CONTRAST = re.compile(
    r"^\s?(?:반면|이에\s?비해|한편|나머지|其余|另有|相比之下|while|whereas)", re.I
)
# a count taken from the part before it, not from the whole: 7家增长，更有4家超过1亿; 이 중 3곳
_NESTED = re.compile(
    r"(?:更有|其中|其中有|이\s?중|그\s?중|이\s?가운데|그\s?가운데|\bof\s(?:them|which|those)"
    r"|\bamong\sthem|\bincluding)[^\d,，.。]{0,6}$",
    re.I,
)
_AMBIGUOUS = re.compile(r"(?:이상|이하|미만|초과|약|여|以上|以下|约|近|about|over|more\sthan)")
_TEXTS = {
    "ko": "{whole} 가운데 {parts}를 합하면 {sum}으로 전체와 맞지 않습니다.",
    "en": "Of the {whole}, the parts {parts} add up to {sum}, which does not fit the whole.",
}


def check(ctx: Context) -> list[Finding]:
    """Counts taken from a counted whole against that whole."""
    sentences = ctx.extraction.layout.sentences
    counts: dict[int, list[Mention]] = {}
    for m in ctx.extraction.mentions:
        q = m.fact.quantity
        if m.sentence is not None and q.kind is Kind.COUNT and q.unit and point(q) is not None:
            counts.setdefault(m.sentence, []).append(m)
    out = []
    for index, members in sorted(counts.items()):
        text = sentences[index].text
        for i, whole in enumerate(members):
            after = text[whole.local[1] : whole.local[1] + 16]
            before = text[max(0, whole.local[0] - 12) : whole.local[0]]
            if not (_OF_WHOLE_AFTER.match(after) or _OF_WHOLE_BEFORE.search(before)):
                continue
            parts = _same_counter(whole, members[i + 1 :])
            parts += _contrasted(ctx, index, whole, counts)
            if parts:
                out.extend(_verdict(ctx, whole, parts, Severity.ERROR))
            break
        else:
            out.extend(_uncounted_whole(ctx, index, text, members, counts))
    return out


def _same_counter(whole: Mention, others: Sequence[Mention]) -> list[Mention]:
    unit = whole.fact.quantity.unit
    return [m for m in others if m.fact.quantity.unit == unit]


def _contrasted(
    ctx: Context, index: int, whole: Mention, counts: dict[int, list[Mention]]
) -> list[Mention]:
    """The same counter's counts in the next sentence, where it opens by contrast (반면 …)."""
    sentences = ctx.extraction.layout.sentences
    if index + 1 >= len(sentences) or not _CONTRAST.match(sentences[index + 1].text):
        return []
    if sentences[index + 1].paragraph != sentences[index].paragraph:
        return []
    return _same_counter(whole, counts.get(index + 1, []))


def _uncounted_whole(
    ctx: Context, index: int, text: str, members: list[Mention], counts: dict[int, list[Mention]]
) -> list[Finding]:
    """``분석 대상 기업 중 402곳은 … 나머지 138곳은``: the whole is the last count before."""
    if len(members) < 2 or not _FROM_UNCOUNTED.search(text[: members[0].local[0]]):
        return []
    rest = [m for m in members if _REST.search(text[max(0, m.local[0] - 8) : m.local[0]])]
    parts = _same_counter(members[0], members)
    if not rest or len(parts) != len(members):
        return []
    sentences = ctx.extraction.layout.sentences
    paragraphs = {sentences[index].paragraph, sentences[index].paragraph - 1}
    earlier = [
        m
        for i in sorted(counts)
        if i < index and sentences[i].paragraph in paragraphs
        for m in _same_counter(members[0], counts[i])
    ]
    if not earlier:
        return []
    return _verdict(ctx, earlier[-1], parts, Severity.WARNING)


def _verdict(
    ctx: Context, whole: Mention, parts: list[Mention], severity: Severity
) -> list[Finding]:
    sentences = ctx.extraction.layout.sentences
    if any(_AMBIGUOUS.search(_around(ctx, m)) for m in [whole, *parts]):
        return []  # 10곳 이상, about 20: bounds, not counts that add up
    if any(_NESTED.search(_before(ctx, m)) for m in parts[1:]):
        return []  # a part of a part: the parts are not apart
    total = point(whole.fact.quantity) or Decimal(0)
    values = [point(m.fact.quantity) or Decimal(0) for m in parts]
    rest = any(
        _REST.search(sentences[m.sentence or 0].text[max(0, m.local[0] - 8) : m.local[0]])
        for m in parts
    )
    s = sum(values, Decimal(0))
    if s <= total and not (rest and s != total):
        return []
    if not rest and sum(v * 2 > total for v in values) >= 2:
        return []  # 20家中18家营收增长，17家净利润增长: two parts over half overlap, no partition
    words = {
        "whole": whole.fact.quantity.input,
        "parts": " + ".join(m.fact.quantity.input for m in parts),
        "sum": ctx.number(s),
    }
    why = "counts taken from a counted whole (가운데, 중, of the N), the rest included"
    return [
        finding(
            RULE, severity, ctx.say(_TEXTS, **words), [whole, *parts], [total, *values, s], why=why
        )
    ]


def _before(ctx: Context, m: Mention) -> str:
    text = ctx.extraction.layout.sentences[m.sentence or 0].text
    return text[max(0, m.local[0] - 12) : m.local[0]]


def _around(ctx: Context, m: Mention) -> str:
    text = ctx.extraction.layout.sentences[m.sentence or 0].text
    return text[max(0, m.local[0] - 4) : m.local[1] + 4]
