"""How the words beside an amount in a sentence qualify it: bounds stated after it, estimates,
a stated equivalent in another currency, rates listed with 分别/각각/respectively."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.candidates import Span
from sectorlens.facts.scope import metric_of
from sectorlens.model import Kind, Qualifier, Quantity

_AT_LEAST_AFTER = re.compile(r"^\s?[을를]?\s?(?:넘어|넘을|넘는|넘었|넘게|넘긴|초과|상회|웃돌|돌파)")
# 50% '문턱', 50% 목전: a threshold approached, not reached
_AT_MOST_AFTER = re.compile(r"^\s?[을를]?\s?(?:밑돌|하회|못 미|['‘’\"]?(?:문턱|목전|눈앞))")
# ``assets of $50 million and over``, ``deals of $500 million or more``: a bound in a name (a
# class of firms or deals), whatever stands before it; not ``5% and over the year``
_EN_BOUND = r"^\s+(?:and|or)\s+(?:{})\b(?!\s+(?:the|a|an|its|their|this|that|last|next|\d))"
_EN_AT_LEAST = re.compile(_EN_BOUND.format("over|above|more|greater|higher|larger"), re.I)
_EN_AT_MOST = re.compile(_EN_BOUND.format("under|below|less|fewer|lower|smaller"), re.I)
_ESTIMATE = lx.compile_words(lx.ESTIMATE_CUES)
_DONE = re.compile(r"했다|였다|었다|달했|기록했|was|were|reached|recorded|达到了|实现了|完成了")
_CLAUSE_END = re.compile(r"[,，;；]|$")


_EACH = re.compile(r"分别|分別|각각|respectively", re.I)
_LIST_GAP = re.compile(r"\s?(?:[、,，]|及|和|与|與|및|와|과|and|,\s?and)\s?", re.I)


_POINTS = re.compile(
    r"(?:个|個)?百分点|百分點|%p|%\s?포인트|포인트|\bp\.?p\.?|percentage\spoints?", re.I
)


def respective_levels(text: str, spans: Sequence[tuple[str, Span]]) -> dict[int, int]:
    """``营业收入85.33亿元、利润总额11,179万元、净利润8,132万元，同比分别增长13.99%、8.63%及
    6.73%``: the rates listed after 分别 (각각, respectively) are those of the amounts listed before
    it, in order, when there are as many of each."""
    for m in _EACH.finditer(text):
        # 对甲、乙分别进出口A、B，同比分别增长x%、y%: the marker the rates follow
        got = _levels_at(text, spans, m)
        if got:
            return got
    return {}


def _levels_at(text: str, spans: Sequence[tuple[str, Span]], m: re.Match[str]) -> dict[int, int]:
    """``respective_levels`` for the rates listed right after the marker ``m``."""
    after = [i for i, (h, s) in enumerate(spans) if s.start >= m.end() and h == "percent"]
    listed: list[int] = []
    for i in after:
        if listed and not _LIST_GAP.fullmatch(text[spans[listed[-1]][1].end : spans[i][1].start]):
            break
        if not listed and len(text[m.end() : spans[i][1].start]) > 8:
            return {}
        listed.append(i)
    levels = [i for i, (h, s) in enumerate(spans) if s.end <= m.start() and h in ("money", "count")]
    if len(listed) >= 2 and len(levels) > len(listed):
        # 前2个月，对甲、乙分别进出口A、B: only the amounts listed right before the marker
        last = levels[-len(listed) :]
        gaps = [text[spans[a][1].end : spans[b][1].start] for a, b in itertools.pairwise(last)]
        if all(_LIST_GAP.fullmatch(g) for g in gaps):
            levels = last
    if len(listed) >= 2 and len(levels) != len(listed):
        # 毛利为167百万元及毛利率为25.4%，分别增长36.9%及9.2个百分点: a rate's change is in
        # points; each change in points is that of the rate listed before, in order
        before = [i for i, (h, s) in enumerate(spans) if s.end <= m.start()]
        points = [_POINTS.search(spans[i][1].text) is not None for i in listed]
        rates = [spans[i][0] == "percent" for i in before]
        if len(before) == len(listed) and any(points) and points == rates:
            levels = before
    if len(listed) < 2 or len(levels) != len(listed):
        return {}
    gap = text[spans[levels[-1]][1].end : spans[listed[0]][1].start]
    if metric_of(re.sub(r"[,，、;；\s]", "", gap)) is not None:
        return {}  # 市场规模…，市场占比分别为…: the rates name a measure of their own
    return dict(zip(listed, levels, strict=True))


def same_kind(a: Quantity, b: Quantity) -> bool:
    """Two quantities of one kind (a rate and its change in points count as one)."""
    return a.kind is b.kind or {a.kind, b.kind} == {Kind.PERCENT, Kind.PP}


# What stands between an amount and its stated equivalent in another currency.
EQUIV_LINK = re.compile(
    # (…달러로, 한화 약 …원: the particle ending the amount's clause before the comma)
    r"\s?(?:(?:으로|로)(?=[,，]))?[,，]?\s?(?:约合|約合|折合|约折合|約折合|相当于|相當於|合人民币|即约|即約|"
    r"우리\s?돈\s?(?:약\s?)?|원화로\s?(?:약\s?)?|한화로?\s?(?:약\s?)?|"
    r"or\sabout|or\sroughly|or\sapproximately|or\saround|(?:the\s)?equivalent\sof|"
    r"equivalent\sto(?:\sabout)?)\s?",
    re.IGNORECASE,
)


def approx_lead(text: str) -> str:
    """The approximation word a quantity's text starts with (about, 약, 约), if any."""
    m = _APPROX_LEAD.match(text)
    return m.group(0) if m else ""


_APPROX_LEAD = re.compile(r"(?:about|approximately|roughly|around|약|约|約|大约|大約)\s?", re.I)


def equivalent_pair(a: Quantity, b: Quantity) -> bool:
    """Two amounts of money in different currencies, the first without an equivalent yet."""
    return (
        a.kind is Kind.MONEY
        and b.kind is Kind.MONEY
        and a.equivalent is None
        and bool(a.currency)
        and bool(b.currency)
        and a.currency != b.currency
    )


# 3000元/吨, 5720公斤/公頃, $70/bbl, 1,300원/달러: an amount per unit of something else, no
# amount of that unit nor comparable with one (before a long word a slash lists: 1조원/영업이익)
_PER_UNIT = re.compile(
    r"\s?/\s?(?:[A-Za-z]{1,7}(?![A-Za-z])|[\u4e00-\u9fff]{1,3}(?![\u4e00-\u9fff])"
    r"|[가-힣]{1,2}(?![가-힣]))"
)


def with_unit_per(q: Quantity, after: str) -> Quantity:
    """An amount or count followed by ``/unit`` is per that unit: the unit says so (``/吨``)."""
    if q.kind not in (Kind.MONEY, Kind.COUNT) or not (m := _PER_UNIT.match(after)):
        return q
    return dataclasses.replace(q, unit=f"{q.unit or ''}/{m[0].split('/', 1)[1].strip()}")


PENCE = "'p' read as pence (GBP 0.01): the document counts in pounds"


def pence_of(text: str) -> Quantity:
    """``79.4p`` in a document that counts in pounds: GBP 0.794, the reading noted on it."""
    value = Decimal(text[:-1]) / 100
    return Quantity(
        text, Kind.MONEY, value, value, value, Qualifier.EXACT, "GBP", assumptions=(PENCE,)
    )


def qualified(q: Quantity, after: str, compares: bool = False) -> Quantity:
    """``4000억 위안을 넘어서고`` reads as at least 4000억: a bound stated after the number
    (where the number may be compared with one before it, ``compares``, only an English bound
    written into a name is: ``assets of $50 million and over``)."""
    if q.qualifier is not Qualifier.EXACT or q.value is None:
        return q
    if _EN_AT_LEAST.match(after) or (not compares and _AT_LEAST_AFTER.match(after)):
        return dataclasses.replace(q, qualifier=Qualifier.AT_LEAST, value=None, high=None)
    if _EN_AT_MOST.match(after) or (not compares and _AT_MOST_AFTER.match(after)):
        return dataclasses.replace(q, qualifier=Qualifier.AT_MOST, value=None, low=None)
    return q


def clause_predicts(text: str, end: int) -> bool:
    """The clause after the number at ``text[…:end]`` predicts (``…억 원에 이를 전망``)."""
    stop = _CLAUSE_END.search(text, end)
    clause = text[end : stop.start()] if stop else text[end:]
    return bool(_ESTIMATE.search(clause))


def sentence_predicts(text: str) -> bool:
    """The sentence predicts and reports nothing done (the same for each of its numbers)."""
    return bool(_ESTIMATE.search(text)) and not _DONE.search(text)
