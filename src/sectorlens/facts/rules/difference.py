"""A difference stated as a figure: a level, the earlier level and the change between them.

``영업이익은 73조2047억원으로 전년 동기(59조7992억원) 대비 13조4055억원 증가했다``;
``작년(1천282조원)보다 358조원 늘어난 1천641조원``; ``$987 million, up $63 million from $924
million``: the sentence states all three, the earlier level marked by 전년/작년/去年/a year
earlier (or read as ``from``/``compared with``), the change by its change word. The later
level minus the earlier one must be the change, in its direction, within the rounding of the
three printed values. The roles are read from the wording, so a mismatch is a warning. Sums of
stated figures (``이들 증가분을 합치면 7조3361억원``) are checked against the figures of the
sentence before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, point
from sectorlens.facts.rules.levels import per_unit
from sectorlens.model import Finding, Kind, Severity

RULE = "derived.difference"
RULE_SUM = "breakdown.combined"
_KINDS = (Kind.MONEY, Kind.COUNT, Kind.NUMBER)
_NEAR = (Decimal("0.67"), Decimal("1.5"))  # a stated change this near the computed one is it
_EARLIER = re.compile(
    r"(?:전년|작년|지난해|전분기|전년\s?동기|같은\s?기간|去年|上年|同期|上季度|"
    r"\ba\syear\s(?:earlier|ago)|\bprior[-\s]year|\blast\syear|\byear[-\s]earlier)[^\d]{0,8}$",
    re.IGNORECASE,
)
# (80조원보다 12조원 많은 92조원: an amount more or less than the earlier one is the change)
_UP = re.compile(
    r"증가|늘|상승|확대|급증|많(?:은|아|다)|增加|增长|增長|提高|\bup\b|\brose\b|\bincreas|\bgrew",
    re.I,
)
_DOWN = re.compile(
    r"감소|줄|하락|축소|급감|적(?:은|어|다)|减少|下降|\bdown\b|\bfell\b|\bdecreas|\bdeclin", re.I
)
_COMBINED = re.compile(r"합치면|합하면|합계는|합산하면|合计|合計|\bcombined\b", re.IGNORECASE)
# the sum is of the figures before only where its clause points back to them (이들, 两家, the
# two) or opens with it; a clause naming a whole of its own (对…沿线国家合计进出口) sums that
_BACK_REF = re.compile(
    r"이들|이를|이상을|\b두\s|둘|양사|양국|[两兩二][家者个個国國项項]|二者|双方|雙方|上述|以上|前述|这些|這些|"
    r"\b(?:these|those|both|the\stwo|together)\b",
    re.IGNORECASE,
)

_OFF = {
    "ko": "{later}에서 이전 {earlier}을(를) 빼면 {computed}인데, 보고서는 변화를 {stated}(이)라고 "
    "합니다.",
    "en": "{later} against the earlier {earlier} is a change of {computed}, but the report states "
    "{stated}.",
}
_OK = {
    "ko": "{later}와(과) 이전 {earlier}의 차이 {computed}는 보고서의 변화 {stated}와 맞습니다.",
    "en": "{later} against the earlier {earlier} is a change of {computed}, as stated ({stated}).",
}
_SUM_OFF = {
    "ko": "앞 문장의 {n}개 수치 합은 {computed}인데, 보고서는 합계를 {stated}(이)라고 합니다.",
    "en": "The {n} figures of the sentence before add up to {computed}, but the report states "
    "{stated}.",
}
_SUM_OK = {
    "ko": "앞 문장의 {n}개 수치 합 {computed}는 보고서의 합계 {stated}와 맞습니다.",
    "en": "The {n} figures of the sentence before add up to {computed}, as stated ({stated}).",
}
_WHY = "a level, its earlier level and the change between them, stated in one sentence"
_WHY_SUM = "a sum ('combined', 합치면, 合计) of the figures stated in the sentence before"


def check(ctx: Context) -> list[Finding]:
    """Each stated change against its two levels; each stated sum against its figures."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in ctx.extraction.mentions:
        if m.sentence is not None and m.cell is None:
            by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Finding] = []
    for index, members in sorted(by_sentence.items()):
        text = ctx.extraction.layout.sentences[index].text
        got = _difference(ctx, text, members)
        if got is not None:
            out.append(got)
        got = _combined(ctx, text, members, by_sentence.get(index - 1, []))
        if got is not None:
            out.append(got)
    return out


def _amount(text: str, m: Mention) -> bool:
    q = m.fact.quantity
    return q.kind in _KINDS and point(q) is not None and not per_unit(text, m) and not m.estimate


def _unit(m: Mention) -> tuple[object, ...]:
    q = m.fact.quantity
    return (q.kind, q.currency, q.unit)


# the change word of a rate that follows the amount: $47.5 billion, up 217%; 47.5亿元，增长21.7%
_RATE_WORD_AFTER = re.compile(
    r"^\W{0,3}(?:up|down|rose|fell|grew|increased|decreased|declined|增长|增長|增加|下降|减少|"
    r"減少|上升|提高|下滑)(?:\s?by)?\s?[+\-]?[\d.]+\s?(?:%|％|percent|per\scent)",
    re.I,
)


def _said(text: str, m: Mention) -> bool:
    """An amount followed by its change word (``47조원, 5.8% 늘었다``): the change itself; not an
    amount whose word is a rate's (``$47.5 billion, up 217%``: a level and its growth)."""
    after = text[m.local[1] : m.local[1] + 16]
    if _RATE_WORD_AFTER.match(text[m.local[1] : m.local[1] + 24]):
        return False
    return bool(_UP.search(after) or _DOWN.search(after)) and not re.search(
        r"[으로]{1,2}\s", after[:3]
    )


def _difference(ctx: Context, text: str, members: Sequence[Mention]) -> Finding | None:
    amounts = [m for m in members if _amount(text, m)]
    earlier = [
        m
        for m in amounts
        if m.change in ("from", "versus")
        or (
            m.change in (None, "yoy")  # 比上年的100亿元: the base of the comparison
            and _EARLIER.search(text[max(0, m.local[0] - 14) : m.local[0]])
        )
    ]
    if len(earlier) != 1:
        return None
    e = earlier[0]
    same = [m for m in amounts if m is not e and _unit(m) == _unit(e)]
    changes = [m for m in same if m.change in ("change", "yoy")]
    changes = changes or [m for m in same if m.change is None and _said(text, m)]
    after = [m for m in changes if m.local[0] > e.local[1]]
    if not changes:
        return None
    d = (after or changes)[0]
    levels = [
        m
        for m in amounts
        if m.change is None and m is not e and m is not d and _unit(m) == _unit(e)
    ]
    between = levels if len(levels) == 1 else []
    between = between or [m for m in levels if e.local[1] <= m.local[0] < d.local[0]]
    if not between:
        nxt = [m for m in levels if m.local[0] > d.local[1]][:1]
        prev = [m for m in levels if m.local[1] <= e.local[0]][-1:]
        between = nxt if nxt and not prev else prev if prev and not nxt else []
    if len(between) != 1:
        return None
    later = between[0]
    if _dated_the_other_way(e, later):
        e, later = later, e  # 2000년 163개국에서 지난해 190개국으로: the dates give the order
    around = text[max(0, d.local[0] - 8) : d.local[1] + 24]
    up, down = bool(_UP.search(around)), bool(_DOWN.search(around))
    if up == down:
        return None
    sign = Decimal(1) if up else Decimal(-1)
    lv, ev, dv = point(later.fact.quantity), point(e.fact.quantity), point(d.fact.quantity)
    if lv is None or ev is None or dv is None:
        return None
    computed = lv - ev
    stated = sign * abs(dv)
    tol = sum((half_unit(m.fact.quantity) for m in (later, e, d)), Decimal(0))
    q = d.fact.quantity
    words = {
        "later": ctx.quantity(later.fact.quantity),
        "earlier": ctx.quantity(e.fact.quantity),
        "computed": ctx.quantity(q, computed),
        "stated": ctx.quantity(q, stated),
    }
    ok = abs(computed - stated) <= tol
    # the size agrees but the word says the other way (was down $4.9 million to $199.8 million,
    # compared with $194.9 million): the three figures bear the roles out, the word is wrong
    flipped = computed != 0 and abs(computed + stated) <= tol and _leads(text, d, later, e, up)
    near = computed * stated > 0 and _NEAR[0] <= stated / computed <= _NEAR[1]
    if not (ok or flipped or near):
        return None  # far off: the roles were misread (a loss of last year is no earlier level)
    message = ctx.say(_OK if ok else _OFF, **words)
    severity = Severity.OK if ok else Severity.WARNING
    return finding(RULE, severity, message, [e, later, d], [ev, lv, stated], why=_WHY)


def _dated_the_other_way(e: Mention, later: Mention) -> bool:
    """The sentence dates the level its word marks as earlier (지난해, last year) after the other
    level (``2000년 163개국에서 지난해 190개국으로 27개국 늘었다``): the stated dates, not the
    word, say which level came first."""
    pe, pl = e.fact.period, later.fact.period
    if pe is None or pl is None or "sentence" not in (e.period_source, later.period_source):
        return False
    if e.period_source != later.period_source:
        return False
    return pe.start > pl.end


def _leads(text: str, d: Mention, later: Mention, e: Mention, up: bool) -> bool:
    """The word is the change's own: right before a change stated first (``was down $4.9
    million to $199.8 million, compared with $194.9 million``), or beside a change that follows
    its two levels closely (``전년 동기(1,949억원) 대비 49억원 감소``,
    ``比上年的194.9亿元减少4.9亿元``) — not another item's change later in the sentence."""
    word = _UP if up else _DOWN
    lead = text[max(0, d.local[0] - 10) : d.local[0]]
    if d.local[0] < min(later.local[0], e.local[0]):
        return bool(word.search(lead))
    gap = text[max(later.local[1], e.local[1]) : d.local[0]]
    tail = text[d.local[1] : d.local[1] + 6]
    return len(gap) <= 12 and bool(word.search(lead) or word.search(tail))


def _combined(
    ctx: Context, text: str, members: Sequence[Mention], before: Sequence[Mention]
) -> Finding | None:
    marker = _COMBINED.search(text)
    if marker is None:
        return None
    lead = re.split(r"[,，;；:：]", text[: marker.start()])[-1]
    if lead.strip() and not _BACK_REF.search(lead):
        return None  # 中国对沿线国家合计进出口: the sentence's own whole, not the figures before
    total = next((m for m in members if m.local[0] >= marker.end() and _amount(text, m)), None)
    if total is None or not before:
        return None
    prev = ctx.extraction.sentence(before[0])
    prev_text = prev.text if prev is not None else ""
    items = [m for m in before if _amount(prev_text, m) and _unit(m) == _unit(total)]
    if len(items) < 2:
        return None
    s = sum((point(m.fact.quantity) or Decimal(0) for m in items), Decimal(0))
    v = point(total.fact.quantity) or Decimal(0)
    tol = sum((half_unit(m.fact.quantity) for m in [*items, total]), Decimal(0))
    q = total.fact.quantity
    words = {"n": len(items), "computed": ctx.quantity(q, s), "stated": ctx.quantity(q)}
    ok = abs(s - v) <= tol
    if not ok and not v / 2 < s < v * 2:
        return None  # far off: the figures before are not what the sum adds
    message = ctx.say(_SUM_OK if ok else _SUM_OFF, **words)
    severity = Severity.OK if ok else Severity.WARNING
    return finding(RULE_SUM, severity, message, [total, *items], [v, s], why=_WHY_SUM)
