"""A headline's figure against the body's: the same level and change, restated.

A report's title, headings and opening highlights restate figures of its body, each a level with
its change (``exports up 5.6% to $6.17 billion``). The relation is established when the body
gives a level and a change of the same period and unit whose metrics share a word (and, for an
item of a breakdown by a dimension, name one measure: 商品零售 listed 按消费类型分 is a part of
社会消费品零售总额), and one of the two figures is the same as the headline's: then the other
must be the same as well. A different
level with the same change (``$6.67 billion, up 5.6%``), or the same level with the change in the
other direction (``down 5.6%``), is a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.compared_periods import CMP_AFTER
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules import breakdown_lists
from sectorlens.facts.rules.common import Context, finding, point
from sectorlens.facts.rules.rounded import restates
from sectorlens.model import Finding, Kind, Severity

RULE = "restated.headline"
_LEAD_CHARS = 2000  # a document's opening (its title, highlights): at most a tenth of it
_SAME_FIGURE = Decimal("0.3")
_UP = re.compile(rf"(?:{lx.TREND_UP})|(?<![\w])(?:up|higher)\b|[增涨升]|▲", re.I)
_DOWN = re.compile(rf"(?:{lx.TREND_DOWN})|(?<![\w])(?:down|lower)\b|[降跌减]|▼", re.I)
_WHY = "a headline restating a body figure: same period, unit and change, metrics sharing a word"
_LEVEL_OFF = {
    "ko": "제목·요약의 {a}({change})와(과) 본문의 {b}({change})는 같은 수치여야 합니다.",
    "en": "The headline gives {a} ({change}) and the body {b} ({change}) for the same figure.",
}
_DIRECTION_OFF = {
    "ko": "제목·요약은 {level}이(가) {a} 변했다고 하고 본문은 {b} 변했다고 합니다.",
    "en": "The headline says {level} changed {a}, the body says {b}.",
}


@dataclass(frozen=True, slots=True)
class Stated:
    """A level and its change, stated together in one sentence."""

    level: Mention
    change: Mention
    direction: int  # +1 up, -1 down, 0 not said


def check(ctx: Context) -> list[Finding]:
    """Each headline (level, change) pair against the body's pairs it restates."""
    pairs = _pairs(ctx)
    heads = [p for p in pairs if _is_lead(ctx, p.level)]
    body = [p for p in pairs if not _is_lead(ctx, p.level)]
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for h in heads:
        for b in body:
            got = _compare(ctx, h, b)
            key = (h.level.fact.span[0], b.level.fact.span[0])
            if got is not None and key not in seen:
                seen.add(key)
                out.append(got)
    return out


def _is_lead(ctx: Context, m: Mention) -> bool:
    lead = min(_LEAD_CHARS, len(ctx.extraction.document.text) // 10)
    if m.fact.span[0] < lead:
        return True
    block = ctx.extraction.document.block_at(m.fact.span[0])
    return block is not None and block.kind.value in ("heading", "front_matter")


def _pairs(ctx: Context) -> list[Stated]:
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in ctx.extraction.mentions:
        if m.sentence is not None:
            by_sentence[m.sentence].append(m)
    out = []
    for index, members in by_sentence.items():
        text = ctx.extraction.layout.sentences[index].text
        spans = {m.fact.span: m for m in members}
        for m in members:
            if m.fact.quantity.kind is not Kind.PERCENT or m.change not in ("yoy", "change"):
                continue
            level = spans.get(m.level) if m.level is not None else None
            after = text[level.local[1] : level.local[1] + 40] if level is not None else ""
            if level is not None and CMP_AFTER.match(after.lstrip(")）")):
                continue  # 2010년(222조7000억원)에 비해 27.0% 증가: the level it grew from
            if level is None:
                level = _level_after(text, m, members)
            if level is None or level.fact.quantity.kind not in (Kind.MONEY, Kind.COUNT):
                continue
            out.append(Stated(level, m, _direction(text, m)))
    return out


def _level_after(text: str, m: Mention, members: Sequence[Mention]) -> Mention | None:
    """增5.6%达61.7亿美元: the level right after the change, in its clause."""
    later = [x for x in members if x.local[0] >= m.local[1] and x.change is None]
    if not later:
        return None
    x = later[0]
    gap = text[m.local[1] : x.local[0]]
    return x if len(gap) <= 6 and not re.search(r"[,，;；。]", gap) else None


def _direction(text: str, m: Mention) -> int:
    v = point(m.fact.quantity)
    if v is not None and v < 0:
        return -1
    lead = re.split(r"[,，;；]", text[max(0, m.local[0] - 12) : m.local[0]])[-1]
    ups, downs = list(_UP.finditer(lead)), list(_DOWN.finditer(lead))
    if ups and (not downs or ups[-1].start() > downs[-1].start()):
        return 1
    if downs:
        return -1
    return 0


def _words(m: Mention) -> set[str]:
    text = (m.metric or m.fact.subject or "").lower()
    words = {w for w in re.findall(r"[a-z]{4,}", text)}
    han = re.sub(r"[^\u4e00-\u9fff\uac00-\ud7a3]", " ", text)
    for chunk in han.split():
        words |= {chunk[i : i + 2] for i in range(len(chunk) - 1)}
    return words


def _an_item(ctx: Context, m: Mention) -> bool:
    """A figure listed as one item of a breakdown by a dimension (按消费类型分, 업종별로는, by
    segment) its sentence opens before it."""
    if m.sentence is None:
        return False
    text = ctx.extraction.layout.sentences[m.sentence].text
    return breakdown_lists.dimension_before(text, m.local[0])


def _compare(ctx: Context, h: Stated, b: Stated) -> Finding | None:
    ql, bl = h.level.fact.quantity, b.level.fact.quantity
    if (ql.kind, ql.currency, ql.unit) != (bl.kind, bl.currency, bl.unit):
        return None
    if h.level.estimate != b.level.estimate:
        return None  # a forecast is not the figure it forecasts
    if not ctx.parts.pairable(h.level, b.level):
        return None  # dated by the date of another part of a long document
    undated = [x.period_source == "reference" for x in (h.level, b.level)]
    if all(undated):
        return None
    if not any(undated) and h.level.fact.period != b.level.fact.period:
        return None  # an undated body figure may be the headline's, a dated one must match
    hw, bw = _words(h.level), _words(b.level)
    if not hw & bw:
        return None
    if not (hw <= bw or bw <= hw) and _an_item(ctx, b.level):
        return None  # 社会消费品零售总额 and, 按消费类型分, 商品零售: a part of it, not it
    hv, bv = point(ql), point(bl)
    hc, bc = point(h.change.fact.quantity), point(b.change.fact.quantity)
    if None in (hv, bv, hc, bc):
        return None
    assert hv is not None and bv is not None and hc is not None and bc is not None
    same_level = restates(h.level, b.level)
    same_change = abs(hc) == abs(bc)
    if same_change and not same_level and h.direction * b.direction >= 0:
        if hv <= 0 or bv <= 0 or abs(hv - bv) / max(hv, bv) > _SAME_FIGURE:
            return None
        change = h.change.fact.quantity.input
        words = {"a": ctx.quantity(ql), "b": ctx.quantity(bl), "change": change}
        message = ctx.say(_LEVEL_OFF, **words)
        members = [h.level, h.change, b.level, b.change]
        return finding(RULE, Severity.WARNING, message, members, [hv, bv, hc], why=_WHY)
    if same_level and same_change and h.direction * b.direction < 0:
        words = {
            "level": ctx.quantity(ql),
            "a": _signed(hc, h.direction),
            "b": _signed(bc, b.direction),
        }
        message = ctx.say(_DIRECTION_OFF, **words)
        members = [h.level, h.change, b.level, b.change]
        return finding(RULE, Severity.WARNING, message, members, [hv, hc, bc], why=_WHY)
    return None


def _signed(v: Decimal, direction: int) -> str:
    return f"{'+' if direction > 0 else '-'}{abs(v)}%"
