"""One figure stated twice where neither statement's period could be read.

A news item or release often dates nothing it can resolve (``이달 1~20일``, ``in September``
without a year, ``같은 기간``): its lead and its body restate the same figure all the same. Two
prose statements are taken as one figure when the metric is the same words, the unit and kind
of change are the same, and the two sentences name the same periods in words (the same month,
days or quarter, or none at all) — or the later one names none and refers back (``같은 기간``,
``同期``, ``the same period``). Where one of the two is dated only by its heading or the sentence
before, the two sentences must name the same period words, and some. Two sentences of different
paragraphs that name no period are dated by their paragraphs' openings: ``Second-quarter net
sales …`` and ``Through six months, …`` make two periods' figures. The relation is inferred:
a disagreement is a warning.
"""

from __future__ import annotations

import re

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, generic

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sep\.|sept\.|oct\.|nov\.|dec\."
)
# words naming a period of the figure itself (not a comparison's: 전년, 上年, last year are left)
_TIME = re.compile(
    r"\d{1,2}\s?[~\-–]\s?\d{1,2}\s?일|\d{1,2}\s?월|[1-4]\s?분기|[상하]\s?반기|올해|금년|"
    r"\d{2,4}\s?년(?!\s?(?:대비|比))|"
    r"\d{1,2}\s?[~\-–—]\s?\d{1,2}\s?月份?|\d{1,2}\s?月份?|[一二三四1-4]\s?季度|前三季度|"
    r"[上下]半年|今年|本月|当月|當月|\d{4}\s?年|"
    rf"\b(?:{_MONTHS})|\bQ[1-4]\b|\b(?:first|second|third|fourth)[-\s]quarter\b|"
    r"\b(?:fiscal\s)?(?:19|20)\d{2}\b|\bfull[-\s]year\b|\bH[12]\b|\byear-to-date\b|"
    r"\btrailing\s(?:twelve|12)\smonths\b|\b(?:three|six|nine|twelve)\smonths\b",
    re.IGNORECASE,
)
_BACK = re.compile(
    r"같은\s?기간|동\s?기간|이\s?기간|同期|同一时期|\b(?:the\s)?same\speriod\b", re.I
)
_MIN_ASCII = 4  # 'rate' and shorter English metrics name no figure of their own
_WORD = re.compile(r"[^\W\d_]+")
_PARTICLE = re.compile(r"(?:의|은|는|이|가|을|를|에서)$")
# small words and total words: ``total revenue`` and ``revenue`` name one figure
_SMALL = frozenset(["and", "of", "the", "for", "in", "from", "total", "총", "전체", "合计", "总"])
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _opening_words(ctx: Context, m: Mention) -> tuple[str, ...] | None:
    """The words of the metric the sentence of ``m`` opens with, when a fact before ``m``."""
    first = ctx.openers.get(m.sentence) if m.sentence is not None else None
    if first is None or first is m or first.local[0] > m.local[0] or not first.metric:
        return None
    words = (_PARTICLE.sub("", w) for w in _WORD.findall(first.metric.lower()))
    return tuple(w for w in words if w and w not in _SMALL)


def _one_measure(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two different names of one measure's entities: a word in common (``시지역의 취업자``,
    ``군지역의 취업자``), or for words run together a common ending (``城镇地区就业人员``,
    ``乡村地区就业人员``)."""
    if a == b:
        return False
    if set(a) & set(b):
        return True
    x, y = "".join(a), "".join(b)
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    return n >= 2 and bool(_CJK.match(x[-1]))


def _parallel(ctx: Context, a: Mention, b: Mention) -> bool:
    """Two sentences that open with one measure of two entities (``9개 도 시지역의 취업자는
    …, 고용률은 59.7%``, ``9개 도 군지역의 취업자는 …, 고용률은 67.3%``): each figure is
    its own entity's, the two state no figure twice."""
    wa, wb = _opening_words(ctx, a), _opening_words(ctx, b)
    return bool(wa and wb and _one_measure(wa, wb))


def time_words(text: str) -> frozenset[str]:
    """The period words a sentence names, normalised (``8월``, ``1~10일``, ``september``)."""
    return frozenset(re.sub(r"\s", "", m.group(0)).lower() for m in _TIME.finditer(text))


def lent_words(ctx: Context, m: Mention) -> frozenset[str]:
    """The period words the sentences before ``m``'s in its paragraph name (``Second-quarter
    net sales …`` and ``Through six months, …`` date the undated sentences that follow)."""
    sentences = ctx.extraction.layout.sentences
    own = sentences[m.sentence or 0]
    words: set[str] = set()
    for sent in sentences[: m.sentence or 0]:
        if sent.paragraph == own.paragraph:
            words |= time_words(sent.text)
    return frozenset(w.replace("-", "") for w in words)


def twins(ctx: Context, a: Mention, b: Mention, metric: str, *, strict: bool = False) -> bool:
    """Two undated prose statements of one metric in sentences naming the same periods.

    ``strict`` (two sentences of one paragraph, which may list a series): the periods named
    must be the same and not none, or the later sentence must refer back to the earlier one's.
    """
    if a.cell is not None or b.cell is not None or a.figure_run is not None:
        return False
    if b.figure_run is not None or a.sentence is None or b.sentence is None:
        return False
    dated = [m for m in (a, b) if m.fact.period is not None]
    if len(dated) == 2 or generic(metric):
        return False
    if dated:
        # one dated only by its heading or the sentence before: the other's sentence must name
        # the same period words (declined to 3.9% in September … 3.8%, declined in September)
        if dated[0].period_source not in ("heading", "context"):
            return False
        strict = True
    if len(metric) < 2 or (metric.isascii() and len(metric) < _MIN_ASCII):
        return False
    sentences = ctx.extraction.layout.sentences
    first, later = sorted((a, b), key=lambda m: m.sentence or 0)
    if _parallel(ctx, first, later):
        return False
    words_first = time_words(sentences[first.sentence or 0].text)
    text_later = sentences[later.sentence or 0].text
    words_later = time_words(text_later)
    if words_first == words_later and (words_first or not strict):
        if (
            words_first
            or sentences[first.sentence or 0].paragraph == sentences[later.sentence or 0].paragraph
        ):
            return True
        # undated sentences of two paragraphs that open with other periods: two figures
        lent_first, lent_later = lent_words(ctx, first), lent_words(ctx, later)
        return not (lent_first and lent_later and lent_first != lent_later)
    return not words_later and bool(_BACK.search(text_later))
