"""A change whose written sign contradicts the trend word attached to it (``+48.3% 감소``).

The relation is the text itself: the number and the word that says which way it went sit side by
side (the word right after the number, or right before it). ``+`` and ``-`` count as signs, and
``△``/``▽`` right after an item's opening bracket (``선박(△97.7%)``: the minus of Korean and
Japanese statistics); ``▲`` does not (a rise in Korean news, a minus in Japanese writing), nor a
white triangle elsewhere (``△전력부문``: a list mark). A minus written before a fall word
(``-5% 감소``) is redundant, not contradictory, so only ``+`` with a fall word and ``-`` with a
rise word are flagged.
"""

from __future__ import annotations

import re
from itertools import pairwise

from sectorlens.facts import lexicon as lx
from sectorlens.facts.rules.common import Context, finding, point
from sectorlens.model import Finding, Kind, Severity

RULE = "trend.sign"
_UP = re.compile(rf"^\s?(?:[을를이가]\s?)?(?:{lx.TREND_UP})", re.I)
_DOWN = re.compile(rf"^\s?(?:[을를이가]\s?)?(?:{lx.TREND_DOWN})", re.I)
_UP_BEFORE = re.compile(rf"(?:{lx.TREND_UP})(?:\s?(?:by|了|률|幅))?\s?$", re.I)
_DOWN_BEFORE = re.compile(rf"(?:{lx.TREND_DOWN})(?:\s?(?:by|了|률|幅))?\s?$", re.I)
# 增长-5.2%, 增速为-3%: Chinese writes a negative growth rate after the growth word (a fall).
_SIGNED_GROWTH = re.compile(r"(?:增长|增長|增速|增幅)(?:为|為|是)?\s?$")
# The closing bracket of an item's rate and the 'and the like' that ends the list of items
# (…(-6.57%)은 1분기 대비 증가했다: the items' topic marker and what they are compared with)
_ITEM_BRACKET = re.compile(
    r"^\s?[)）]\s?(?:등(?:에서|으로)?(?:이|은|는|도|의)?|等|"
    r"(?:은|는|이|가|도)(?:\s?[^\s,，]{1,8}\s?(?:대비|보다|에 비해))?)?\s?"
)
# 76억8000만 달러↑) 감소했다: an arrow right after an amount in brackets is its sign
_ARROW = {"↑": "+", "↓": "-"}
_WHY = "a signed change and the trend word written right next to it"
_TEXTS = {
    "ko": "{value}는 부호와 바로 옆의 '{word}'이(가) 서로 반대 방향을 말합니다.",
    "en": "{value} is written with a sign that contradicts the word '{word}' next to it.",
}


def check(ctx: Context) -> list[Finding]:
    """Each signed change in prose against the trend word written right next to it."""
    out = []
    for m in ctx.extraction.mentions:
        q = m.fact.quantity
        if m.sentence is None or q.kind not in (Kind.PERCENT, Kind.PP, Kind.MONEY, Kind.COUNT):
            continue
        text = ctx.extraction.layout.sentences[m.sentence].text
        start, end = m.local
        sign = _sign(text, start)
        arrow = _ARROW.get(text[end : end + 1]) if text[end + 1 : end + 2] in (")", "）") else None
        if sign is None and arrow is not None:
            sign, end = arrow, end + 1
        if sign is None or point(q) is None:
            continue
        before = text[max(0, start - 16) : start].rstrip("+-− ")
        # 화학제품(-0.6%) 등에서 감소, 化学制品（-0.6%）等下降: the word after the item's bracket
        after = _ITEM_BRACKET.sub("", text[end : end + 32], count=1)[:12]
        if sign == "+":
            word = _DOWN.match(after) or _DOWN_BEFORE.search(before)
        elif _SIGNED_GROWTH.search(before):
            continue  # 同比增长-31.25%: a growth rate of −31.25%, the way statistics write a fall
        else:
            word = _UP.match(after) or _UP_BEFORE.search(before)
        if word is None:
            continue
        words = {"value": text[start:end].strip(), "word": word.group(0).strip()}
        message = ctx.say(_TEXTS, **words)
        out.append(finding(RULE, Severity.WARNING, message, [m], [point(q)], why=_WHY))
    return out + paired(ctx)


# 比上年减少91万吨，下降2.7%: one change given as an amount and a rate, each with its word
_PAIRED_GAP = re.compile(
    rf"\s?[,，]\s?(?:or\s)?(?:(?P<up>{lx.TREND_UP})|(?P<down>{lx.TREND_DOWN}))(?:了|\s?by)?\s?$",
    re.I,
)
_PAIR_TEXTS = {
    "ko": "같은 변화를 '{a}' {x}와(과) '{b}' {y}로 서로 반대 방향으로 적었습니다.",
    "en": "One change is written '{a}' {x} and '{b}' {y}: the two words go opposite ways.",
}


def paired(ctx: Context) -> list[Finding]:
    """An amount and a rate of one change, side by side, whose words go opposite ways."""
    out = []
    mentions = [m for m in ctx.extraction.mentions if m.sentence is not None]
    for m0, m1 in pairwise(mentions):
        if m0.sentence != m1.sentence or m1.fact.quantity.kind is not Kind.PERCENT:
            continue
        text = ctx.extraction.layout.sentences[m0.sentence or 0].text
        gap = _PAIRED_GAP.match(text[m0.local[1] : m1.local[0]])
        if gap is None or m0.fact.quantity.kind is Kind.PERCENT:
            continue
        lead = text[max(0, m0.local[0] - 8) : m0.local[0]]
        first = _UP_BEFORE.search(lead) or _DOWN_BEFORE.search(lead)
        if first is None or bool(_UP_BEFORE.search(lead)) == bool(gap.group("up")):
            continue
        words = {
            "a": first.group(0).strip(),
            "x": text[m0.local[0] : m0.local[1]],
            "b": (gap.group("up") or gap.group("down")).strip(),
            "y": text[m1.local[0] : m1.local[1]],
        }
        values = [point(m0.fact.quantity), point(m1.fact.quantity)]
        why = "an amount and a rate of one change written side by side"
        out.append(
            finding(
                RULE, Severity.WARNING, ctx.say(_PAIR_TEXTS, **words), [m0, m1], values, why=why
            )
        )
    return out


def _sign(text: str, start: int) -> str | None:
    """``+`` or ``-`` written right before (or as the first character of) the number."""
    head = text[start : start + 1]
    if head in ("△", "▽") or text[max(0, start - 1) : start] in ("△", "▽"):
        # 액정디바이스(△12.9%): a white triangle before an item's rate in brackets is its minus
        # (Korean and Japanese statistics); elsewhere it may be a list mark (△전력부문)
        at = start if head in ("△", "▽") else start - 1
        return "-" if text[max(0, at - 1) : at] in ("(", "（") else None
    if head in ("+", "-", "−"):
        sign = head
    else:
        lead = text[max(0, start - 2) : start].rstrip()
        sign = lead[-1:] if lead[-1:] in ("+", "-", "−") else ""
        if sign and re.match(r"[\w%)]", text[max(0, start - 3) : start - 1].strip()[-1:] or " "):
            return None  # 2020-2021, A-1: a hyphen, not a sign
    if not sign:
        return None
    return "+" if sign == "+" else "-"
