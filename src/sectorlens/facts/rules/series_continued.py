"""A series told over two sentences: ``…2021년 97만명까지 줄었다. 이후 2022년 320만명으로
증가한 뒤 …``, ``… fell to 0.97 million in 2021. It then rose to 3.2 million in 2022``. The
second sentence goes on from the last level of the first (이후, then, 此后) to a level it moves
to (``로 증가``, ``rose to``, ``增至``): its trend word is checked against the two levels, as a
warning (the link crosses a sentence end)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context
from sectorlens.facts.rules.moves import direction_word
from sectorlens.facts.rules.pairs import Pair, is_level, unit_of
from sectorlens.facts.rules.trend_levels import verdict
from sectorlens.model import Finding

_THEN = re.compile(
    r"^\W{0,3}(?:이후|이어|이어서|그\s?뒤|그\s?후|之后|之後|此后|此後|随后|隨後|"
    r"(?:it|they|the\s\w+)?\s?then\b|thereafter|after\sthat)",
    re.I,
)
# the level a move went to: 320만명으로 증가, rose to 3.2 million, 增至320万
_KO_TO = re.compile(
    r"\s?(?:으로|로)\s?(?:다시\s)?\S{0,3}?(?:증가|감소|늘|줄|상승|하락|급증|급감|반등)"
)
_TO_BEFORE = re.compile(
    r"(?:\b(?:rose|fell|increased|decreased|climbed|dropped|grew|declined|jumped|rebounded)"
    r"\s(?:\w+\s)?to\s(?:[$€£¥]|[A-Z]{3}\s?)?"
    r"|(?:增至|降至|升至|增长至|增長至|下降至|减少至|減少至|增加到|上升到|下降到|回升至))$",
    re.I,
)


def continued_series(
    ctx: Context,
    text: str,
    members: Sequence[Mention],
    prev_text: str,
    prev_members: Sequence[Mention],
) -> Finding | None:
    """The move from the last level of the sentence before to the first level of this one."""
    if not _THEN.match(text):
        return None
    levels = sorted((m for m in members if is_level(text, m)), key=lambda m: m.local[0])
    if not levels:
        return None
    first = levels[0]
    start, end = first.local
    if not (_KO_TO.match(text, end) or _TO_BEFORE.search(text[max(0, start - 30) : start])):
        return None
    before = [m for m in prev_members if is_level(prev_text, m) and unit_of(m) == unit_of(first)]
    if not before:
        return None
    last = max(before, key=lambda m: m.local[0])
    a, b = last.fact.period, first.fact.period
    if a is None or b is None or a.end >= b.start:
        return None  # the two levels of one series in time order, or no series at all
    word = direction_word(text, end, end, reach=0) or direction_word(text, start, start, reach=30)
    return None if word is None else verdict(ctx, word, Pair(last, first, False))
