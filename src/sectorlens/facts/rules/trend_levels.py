"""Trend words against the two levels they describe: ``fell to 3 from 5``, ``down from 2.5%``,
``개선``/``악화`` read from a measure's better way (a warning)."""

from __future__ import annotations

import dataclasses
import re

from sectorlens.facts.rules.common import (
    ACTUAL_DIRECTION,
    CLAIMED_DIRECTION,
    Context,
    finding,
    point,
    what_of,
)
from sectorlens.facts.rules.moves import better_or_worse, direction_word, moved, rate_move
from sectorlens.facts.rules.pair_words import level_bounds
from sectorlens.facts.rules.pairs import Pair, far_apart
from sectorlens.model import Finding, Kind, Severity

RULE = "trend.levels"
_DIRECTION_OFF = {
    "ko": "{what}: 보고서는 {claim}고 하지만 값은 {a}에서 {b}(으)로 {actual}.",
    "en": "{what}: the report says it {claim}, but its values went from {a} to {b}: it {actual}.",
}


def direction_near(ctx: Context, text: str, pair: Pair) -> Finding | None:
    """The trend word next to the earlier level (``The figure is down from 2.5%``), when the
    later level stands in the sentence before."""
    start, end = pair.prior.local
    word = rate_move(text[start : end + 24])
    if word is None and _THAN_AFTER.match(text, end):
        # 매출은 …보다 늘었고 영업이익은 전년(3조5,510억 원)보다 줄었다: the verb after 보다
        word = direction_word(text, end, end, reach=0)
    word = word or direction_word(text, start, end, reach=48)
    return None if word is None else verdict(ctx, word, pair)


_THAN_AFTER = re.compile(r"\s?[)）]?\s?(?:보다|대비|에\s?비해)")


def direction(ctx: Context, text: str, pair: Pair) -> Finding | None:
    """``fell to 3 from 5`` / ``down from X``: the trend word against the two levels."""
    start = min(pair.prior.local[0], pair.current.local[0])
    end = max(pair.prior.local[1], pair.current.local[1])
    moved_rate = rate_move(text[start : end + 24])
    if moved_rate is None and _both_changes(pair):
        # 26.7% 증가에 그쳐 성장률이 전년(28.6%)보다 낮아졌다, the 2 percent gain was lower than
        # the 4 percent increase: 증가 and gain say each rate is a rise, not that the rate rose
        return None
    # fell from a monthly increase of 0.3%: the verb before 'from', not the words after it
    cut = text.lower().rfind("from ", max(0, pair.prior.local[0] - 50), pair.prior.local[0])
    word = (
        moved_rate
        or (_infinitive(text[max(0, cut - 40) : cut]) if cut >= 0 else None)
        or (direction_word(text, cut, cut) if cut >= 0 else None)
        or direction_word(text, start, end)
        or direction_word(text, end, end)
    )
    if word is None and (better := better_or_worse(text, start, end)) is not None:
        # 개선, 악화: a direction read from the measure's better way, not stated: a warning
        got = verdict(ctx, better, pair)
        return None if got is None else dataclasses.replace(got, severity=Severity.WARNING)
    return None if word is None else verdict(ctx, word, pair)


def _both_changes(pair: Pair) -> bool:
    """Both levels are rates of change (a growth rate against the one before)."""
    return all(
        m.change is not None and m.fact.quantity.kind is Kind.PERCENT
        for m in (pair.prior, pair.current)
    )


# expected to rise marginally from, will fall from: the verb's plain form, which the trend words
# (rose, rising) leave out
_TO_MOVE = re.compile(
    r"\b(?:to|will|would|could|may|should)\s(?:\w+ly\s)?(?:(rise|grow|increase|climb)|"
    r"(fall|decline|decrease|drop|shrink))\s(?:\w+ly\s)?$",
    re.I,
)


def _infinitive(lead: str) -> str | None:
    """up/down from ``to rise`` / ``to fall`` right before ``from``."""
    m = _TO_MOVE.search(lead)
    return None if m is None else ("up" if m.group(1) else "down")


def verdict(ctx: Context, word: str, pair: Pair) -> Finding | None:
    """The trend word ``word`` (up/down) against the pair's two levels; None where they agree."""
    a_lo, a_hi = level_bounds(pair.prior.fact.quantity)
    b_lo, b_hi = level_bounds(pair.current.fact.quantity)
    if None in (a_lo, a_hi, b_lo, b_hi):
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    actual = moved(pair.prior.fact.quantity, pair.current.fact.quantity)
    if actual is None or actual == word:
        return None
    if far_apart(pair.prior, pair.current):
        return None  # 100.5 million … 8,892 read as one measure's move: no pair
    lang = "ko" if ctx.lang == "ko" else "en"
    words = {
        "what": what_of(pair.current),
        "claim": CLAIMED_DIRECTION[(word, lang)],
        "a": ctx.quantity(pair.prior.fact.quantity),
        "b": ctx.quantity(pair.current.fact.quantity),
        "actual": ACTUAL_DIRECTION[(actual, lang)],
    }
    values = [point(pair.prior.fact.quantity), point(pair.current.fact.quantity)]
    return finding(
        RULE,
        Severity.ERROR if pair.stated else Severity.WARNING,
        ctx.say(_DIRECTION_OFF, **words),
        [pair.prior, pair.current],
        values,
    )


__all__ = ["RULE", "direction", "direction_near", "verdict"]
