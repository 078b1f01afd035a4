"""Comparisons (이미 … 초과, 超过, exceeded, more than) between two values of the report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import (
    Context,
    bounds,
    finding,
    kind_measure,
    norm,
    point,
    topic_of,
)
from sectorlens.facts.rules.metric_names import canonical
from sectorlens.model import Finding, Period, Severity

RULE = "comparison"
_GT = lx.compile_words(lx.COMPARE_GT)
_LT = lx.compile_words(lx.COMPARE_LT)
# What may stand between the comparison word and the value compared with: 을/를 before 초과,
# "the" after "more than" (and nothing else, or it is not that value).
_GAP_BEFORE = re.compile(r"^\s?(?:을|를|이|가)?\s?$")
_NEGATED = re.compile(r"(?:不|未|没有|\bnot\s|\bno\s)$", re.I)
_GAP_AFTER = re.compile(r"^\s?(?:the\s|that of\s|those of\s|了)?\s?$", re.IGNORECASE)

_HOLDS = {
    "ko": "{left}({pl})이(가) {right}({pr})보다 {word}는 서술은 맞습니다 (차이 {diff}, {rel}).",
    "en": "{left} ({pl}) is {word} {right} ({pr}), as the report says (difference {diff}, {rel}).",
}
_FAILS = {
    "ko": "보고서는 {left}({pl})이(가) {right}({pr})보다 {word}고 하지만 그렇지 않습니다 "
    "(차이 {diff}, {rel}).",
    "en": "The report says {left} ({pl}) is {word} {right} ({pr}), but it is not "
    "(difference {diff}, {rel}).",
}
_UNSURE = {
    "ko": "{left}({pl})과(와) {right}({pr})은(는) 반올림 범위 안에서 같아 '{word}'를 확인할 수 "
    "없습니다.",
    "en": "{left} ({pl}) and {right} ({pr}) are equal within rounding: '{word}' cannot be "
    "confirmed.",
}
_WORD = {
    ("gt", "ko"): "크다",
    ("lt", "ko"): "작다",
    ("gt", "en"): "more than",
    ("lt", "en"): "less than",
}


def check(ctx: Context) -> list[Finding]:
    """Every comparison whose two sides the report gives."""
    by_sentence = ctx.by_sentence
    out = []
    for sent in ctx.extraction.layout.sentences:
        mentions = by_sentence.get(sent.index, ())
        if not mentions:
            continue
        for pattern, sense in ((_GT, "gt"), (_LT, "lt")):
            for word in pattern.finditer(sent.text):
                if _NEGATED.search(sent.text[max(0, word.start() - 4) : word.start()]):
                    continue  # 不低于80%: a bound, not a comparison
                pair = _sides(ctx, sent.index, mentions, word.start(), word.end())
                found = _verdict(ctx, sense, *pair) if pair is not None else None
                if found is not None:
                    out.append(found)
        out.extend(_korean_than(ctx, sent.text, mentions))
    return out


# 23.8%로 … 지난해 11월(22.0%)보다도 높았다: the value before 보다 is the one compared with
_KO_THAN = re.compile(
    r"\s?[)）]?\s?보다(?:도|는)?\s?(?:더\s?|훨씬\s?)?(?:(높|많|크|컸)|(낮|적|작))"
)


def _korean_than(ctx: Context, text: str, mentions: Sequence[Mention]) -> list[Finding]:
    """``A … B보다 높다/많다/크다`` (or 낮다/적다/작다): the sentence's own value A against B. A is
    the nearest value of B's kind before it that is not itself set in brackets (``전년(20.1%)은
    물론``: another value compared with), in the same clause of one subject."""
    out = []
    for right in mentions:
        than = _KO_THAN.match(text, right.local[1])
        if than is None:
            continue
        before = [
            m
            for m in mentions
            if m.local[1] <= right.local[0] and not text[: m.local[0]].endswith(("(", "（"))
        ]
        left = _same_kind(before, right)
        if left is None or _own_subject(text[left.local[1] : right.local[0]]):
            continue
        found = _verdict(ctx, "gt" if than.group(1) else "lt", left, right)
        if found is not None:
            out.append(found)
    return out


def _sides(
    ctx: Context, index: int, mentions: Sequence[Mention], w_start: int, w_end: int
) -> tuple[Mention, Mention] | None:
    if any(m.local[0] <= w_start and w_end <= m.local[1] for m in mentions):
        return None  # a qualifier of one value (超过10亿元, more than 1,200 deals)
    before = [m for m in mentions if m.local[1] <= w_start]
    after = [m for m in mentions if m.local[0] >= w_end]
    # The compared-to value is written right after the word (超过X, more than X) …
    text = ctx.extraction.layout.sentences[index].text
    if after and _GAP_AFTER.match(text[w_end : after[0].local[0]]):
        right = after[0]
        left = _same_kind(before, right)
        if left is not None and _EXCESS.match(text, left.local[1]) and left.local[1] <= w_start:
            return None  # $12 billion more than the $80 billion: the excess, not a value compared
        return (left, right) if left and not _own_subject(text[left.local[1] : w_start]) else None
    # … or right before it (X을 초과) — in Korean or Chinese only: '22% higher than a year
    # ago' states the difference, not the value compared with …
    word_ascii = text[w_start:w_end].isascii()
    if before and not word_ascii and _GAP_BEFORE.match(text[before[-1].local[1] : w_start]):
        right = before[-1]
        left = _same_kind(before[:-1], right)
        if left is None or _own_subject(text[left.local[1] : right.local[0]]):
            return None
        return left, right
    # … or named by its period (2020년의 총 금액을 초과, exceeded the 2020 total).
    if not before:
        return None
    left = before[-1]
    periods = ctx.extraction.periods.get(index, ())
    named = [p for s, _, p in periods if w_end <= s <= w_end + 12]
    named += [p for s, e, p in reversed(periods) if s >= left.local[1] and e <= w_start]
    for period in named:
        if period != left.fact.period:
            found = _value_for(ctx, left, period)
            return (left, found) if found is not None else None
    return None


_EXCESS = re.compile(r"\s?(?:more|less|fewer|higher|lower|greater|above|below)\s+than\b", re.I)


# a clause of its own with its own subject between the two values: ``1인 가구의 비중은 30%에
# 육박했고, 아파트에 거주하는 가구 비율은 처음으로 50%를 넘어섰다``, ``一人户占比接近30%，住在公寓的
# 家庭比例首次超过了50%``: the second clause compares its own subject with the threshold
_CLAUSE_BREAK = re.compile(r"[,，;；]")
_SUBJECT_KO = re.compile(r"[가-힣A-Za-z]{2,}(?:은|는|이|가)\s")
_OWN_VERB_KO = re.compile(r"[가-힣](?:했|였|됐|었|았)(?:다가|으나|지만|고|으며)\s")
_ADVERBS_ZH = re.compile(
    r"首次|首度|再次|已经|已|也|均|都|仍然|仍|明显|大幅|略|进一步|继续|了|并|且|而|但"
)
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _own_subject(between: str) -> bool:
    """The text between the left value and the comparison opens a clause with its own subject,
    or ends the left value's clause with a verb of its own (830만대를 기록했다가 2024년부터 …
    800만대를 밑돌고: the later years' sales fall short, not the 2023 figure)."""
    if _OWN_VERB_KO.search(between):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(between))
    if not breaks:
        return False
    tail = between[breaks[-1].end() :]
    return bool(_SUBJECT_KO.search(tail) or _HAN.search(_ADVERBS_ZH.sub("", tail)))


def _same_kind(candidates: list[Mention], other: Mention) -> Mention | None:
    """The nearest value before of the same kind, unit and change (a rate against a rate)."""
    q = other.fact.quantity
    for m in reversed(candidates):
        mq = m.fact.quantity
        if mq.kind is q.kind and mq.currency == q.currency and mq.unit == q.unit:
            return m if _is_change(m) == _is_change(other) else None
    return None


def _is_change(m: Mention) -> bool:
    return m.change is not None and m.change not in ("from", "versus")


def _value_for(ctx: Context, left: Mention, period: Period) -> Mention | None:
    """The report's value for the same topic and measure as ``left`` in ``period``."""
    topic, measure = topic_of(ctx, left), kind_measure(left)
    metric = canonical(norm(left.metric or left.fact.subject))  # 营收 is 营业收入
    if _is_change(left) or not metric:
        return None  # a growth rate is not compared with a level of another year
    best = None
    for m in ctx.extraction.mentions:
        p = m.fact.period
        if m is left or p is None or (p.start, p.end) != (period.start, period.end):
            continue
        if ctx.parts.apart(left, m) or not ctx.parts.pairable(left, m):
            continue  # another part of a long document: another company, segment or year
        if kind_measure(m) != measure or m.fact.quantity.currency != left.fact.quantity.currency:
            continue
        if topic_of(ctx, m) != topic or _is_change(m):
            continue
        other = canonical(norm(m.metric or m.fact.subject))
        if other and other != metric and metric not in other and other not in metric:
            continue
        if best is None or (best.estimate and not m.estimate):
            best = m
    return best


def _verdict(ctx: Context, sense: str, left: Mention, right: Mention) -> Finding | None:
    lq, rq = left.fact.quantity, right.fact.quantity
    if lq.input.strip() == rq.input.strip():
        return None  # 12个月内…少于12个月: one value named twice, not two compared
    l_lo, l_hi = bounds(lq)
    r_lo, r_hi = bounds(rq)
    lv, rv = point(lq) or Decimal(0), point(rq) or Decimal(0)
    lang = "ko" if ctx.lang == "ko" else "en"
    diff = lv - rv
    rel = f"{'+' if diff > 0 else ''}{(diff / rv * 100).quantize(Decimal('0.1'))}%" if rv else "—"
    words = {
        "left": ctx.quantity(lq),
        "right": ctx.quantity(rq),
        "pl": ctx.period(left.fact.period),
        "pr": ctx.period(right.fact.period),
        "word": _WORD[(sense, lang)],
        "diff": ctx.quantity(lq, abs(diff)),
        "rel": rel,
    }
    if sense == "lt":
        l_lo, l_hi, r_lo, r_hi = r_lo, r_hi, l_lo, l_hi
    values = [lv, rv, diff]
    if l_lo is not None and r_hi is not None and l_lo > r_hi:
        return finding(RULE, Severity.OK, ctx.say(_HOLDS, **words), [left, right], values)
    if l_hi is not None and r_lo is not None and l_hi <= r_lo:
        return finding(RULE, Severity.ERROR, ctx.say(_FAILS, **words), [left, right], values)
    return finding(RULE, Severity.INFO, ctx.say(_UNSURE, **words), [left, right], values)
