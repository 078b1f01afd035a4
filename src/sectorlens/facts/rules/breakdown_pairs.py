"""Two complementary parts stated in sentences of their own against the whole before them.

``Construction spending was $1,219.5 billion. … Private construction was $942.7 billion. …
The rate of public construction spending was $276.8 billion``; ``城镇常住人口306.40萬人。…
乡村常住人口287.06萬人``; ``남성 취업자는 …명 … 여성 취업자는 …명``: the two sides of one
split (private and public, residential and nonresidential, urban and rural, 남성 and 여성) of
the same thing (the word after the side word is the same) make up one whole. The whole is the
nearest amount of the same unit stated before them and larger than each: the relation is
inferred, so parts over it are a warning; parts short of it say nothing (the split may leave
out a third side). Two sides in one sentence are left to the rules of one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.breakdown_by import verdict, wholes_of
from sectorlens.facts.rules.breakdown_sums import by_unit, one_period
from sectorlens.facts.rules.common import Context, norm, point
from sectorlens.model import Finding, Kind

RULE = "breakdown.pair"
# the two sides of one split; the second is tried first (nonresidential holds residential)
_SIDES = tuple(
    (re.compile(a, re.IGNORECASE), re.compile(b, re.IGNORECASE))
    for a, b in (
        (r"\bprivate\b", r"\bpublic\b"),
        (r"\bresidential\b", r"\bnon-?residential\b"),
        (r"\bdomestic\b", r"\b(?:international|foreign|overseas)\b"),
        (r"\burban\b", r"\brural\b"),
        (r"城镇|城鎮", r"乡村|鄉村|农村|農村"),
        (r"境内|境內", r"境外"),
        (r"男性|男子", r"女性|女子"),
        (r"남성|남자", r"여성|여자"),
        (r"국내", r"해외|국외"),
    )
)
_NEAR = 6  # sentences between the two sides, and before the first where the whole may be
# an amount compared with, not stated: …above the revised August estimate of $946.2 billion
_COMPARED = re.compile(
    r"\b(?:than|compared|from|versus|revised|previous|prior|above|below|estimate\sof)\b|"
    r"比|较|較|同期|上年|去年|보다|대비|전년|지난해",
    re.IGNORECASE,
)
_WHY = "the two sides of one split (private and public, 城镇 and 乡村) after a whole"


def check(ctx: Context) -> list[Finding]:
    """Each pair of complementary sides, in two sentences, against the whole before them."""
    levels = [m for m in ctx.extraction.mentions if _level(ctx, m)]
    out: list[Finding] = []
    for i, a in enumerate(levels):
        for split, which, word in _sides(a):
            if which != 0:
                continue
            b = next(
                (
                    m
                    for m in levels[i + 1 :]
                    if (m.sentence or 0) - (a.sentence or 0) <= _NEAR
                    and (split, 1, word) in _sides(m)
                    and by_unit([a, m]).keys() == by_unit([a]).keys()
                ),
                None,
            )
            if b is None or b.sentence == a.sentence or not one_period([a, b]):
                continue
            whole = _whole(ctx, levels, a, [a, b], (split, word))
            if whole is None:
                continue
            sides = f"{_label(a)} / {_label(b)}"
            found = verdict(ctx, sides, [a, b], [whole], RULE, _WHY)
            if found is not None:
                out.append(found)
    return out


def level_amount(ctx: Context, m: Mention) -> bool:
    """An amount the sentence states (not a change, a share, or a figure compared with)."""
    return _level(ctx, m)


def _level(ctx: Context, m: Mention) -> bool:
    """An amount the sentence states (not a change, a share, or a figure compared with)."""
    if m.sentence is None or m.cell is not None or m.figure_run is not None:
        return False
    if m.change is not None or m.estimate or m.fact.quantity.kind is Kind.PERCENT:
        return False
    sentence = ctx.extraction.sentence(m)
    lead = sentence.text[max(0, m.local[0] - 45) : m.local[0]] if sentence else ""
    return not _COMPARED.search(lead) and point(m.fact.quantity) is not None


def _sides(m: Mention) -> set[tuple[int, int, str]]:
    """The splits the amount's name is a side of: the split, the side, the word after it."""
    metric = m.metric or ""
    out = set()
    for n, (first, second) in enumerate(_SIDES):
        for which, words in ((1, second), (0, first)):
            found = words.search(metric)
            if found:
                out.add((n, which, _next_word(metric[found.end() :])))
                break
    return out


def _next_word(rest: str) -> str:
    rest = rest.strip()
    if re.match(r"[A-Za-z]", rest):
        return norm(rest.split()[0])
    return norm(rest[:2])


def _whole(
    ctx: Context,
    levels: Sequence[Mention],
    first: Mention,
    parts: list[Mention],
    split_word: tuple[int, str],
) -> Mention | None:
    """The nearest amount before the first side, of its unit, larger than each side, of the
    thing split (its name holds the word after the side word: construction, 消费, 취업)."""
    split, word = split_word
    start = first.sentence or 0
    before = [
        m
        for m in levels
        if m.sentence is not None
        and start - _NEAR <= m.sentence <= start
        and (m.sentence, m.local[0]) < (start, first.local[0])
        and all(n != split for n, _, _ in _sides(m))
        and word in _named(ctx, m)
    ]
    found = wholes_of(ctx, parts, before)
    return max(found, key=lambda m: (m.sentence or 0, m.local[0]), default=None)


def _named(ctx: Context, m: Mention) -> str:
    """The words that name an amount: its metric and its sentence up to it."""
    sentence = ctx.extraction.sentence(m)
    lead = sentence.text[: m.local[0]] if sentence else ""
    return norm(f"{m.metric or ''} {lead}")


def _label(m: Mention) -> str:
    return (m.metric or "?").strip()
