"""A margin against the two amounts it is the ratio of: 영업이익률 = 영업이익 / 매출액.

A margin's name says what it divides: ``매출액 영업이익률`` (operating profit over sales),
``净利率`` (net profit over revenue), ``operating margin`` (operating income over revenue). Where
the text states both amounts next to the margin (in its sentence or within two sentences), the
ratio must be the margin within the rounding of the printed values. Which amounts are meant is
inferred from their names and nearness, so a mismatch is a warning; the margin nearest to the
amounts is the one checked (a margin of another period stated beside it is left alone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, bounds, finding, pct, point
from sectorlens.model import Finding, Kind, Severity

RULE = "derived.margin"
HUNDRED = Decimal(100)
_WINDOW = 2  # sentences between a margin and the amounts it divides
# (margin words, numerator words, denominator words)
_MARGINS = (
    (r"영업이익률|영업이익율", r"영업이익", r"매출"),
    (r"순이익률|순이익율", r"순이익", r"매출"),
    (r"营业利润率|營業利潤率", r"营业利润|營業利潤", r"营业收入|營業收入|营收|營收"),
    (r"净利率|淨利率|净利润率|淨利潤率", r"净利润|淨利潤", r"营业收入|營業收入|营收|營收"),
    (
        r"\boperating\s(?:income\s|profit\s)?margin",
        r"\boperating\s(?:income|profit)",
        r"\b(?:net\s)?(?:sales|revenues?)\b",
    ),
    (
        r"\bnet\s(?:income\s|profit\s)?margin",
        r"\bnet\s(?:income|profit|earnings)",
        r"\b(?:net\s)?(?:sales|revenues?)\b",
    ),
)
_PRIOR = re.compile(
    r"전년|작년|전분기|누적|去年|上年|同期|累计|累計|\bprior\b|\bprevious\b|\blast\b", re.I
)
_NEAR = (Decimal("0.67"), Decimal("1.5"))
_OFF = {
    "ko": "{num} / {den} = {computed}%인데, 보고서는 {what}을(를) {stated}%라고 합니다.",
    "en": "{num} / {den} is {computed}%, but the report gives the {what} as {stated}%.",
}
_OK = {
    "ko": "{num} / {den} = {computed}%로, 보고서의 {what} {stated}%와 맞습니다.",
    "en": "{num} / {den} is {computed}%, the stated {what} ({stated}%).",
}
_WHY = "a margin named by the two amounts it divides, stated beside them"


def check(ctx: Context) -> list[Finding]:
    """Each pair of amounts a margin divides, against the margin nearest to them."""
    mentions = [m for m in ctx.extraction.mentions if m.sentence is not None and m.cell is None]
    out: list[Finding] = []
    for margin_words, num_words, den_words in _MARGINS:
        margin_re = re.compile(margin_words, re.I)
        num_re, den_re = re.compile(num_words, re.I), re.compile(den_words, re.I)
        margins = [m for m in mentions if _is_margin(ctx, m, margin_re)]
        if not margins:
            continue
        amounts = [m for m in mentions if m.fact.quantity.kind is Kind.MONEY and m.change is None]
        nums = [m for m in amounts if _named(m, num_re) and not margin_re.search(m.metric or "")]
        dens = [m for m in amounts if _named(m, den_re) and not _named(m, num_re)]
        for n in nums:
            same = [d for d in dens if d.fact.quantity.currency == n.fact.quantity.currency]
            near = [d for d in same if d.sentence == n.sentence]
            near = near or [d for d in same if abs((d.sentence or 0) - (n.sentence or 0)) <= 1]
            if len(near) != 1:
                continue
            d = near[0]
            close = [
                m
                for m in margins
                if _distance(m, n, d) <= _WINDOW and not _after_a_stop(ctx, m, (n, d))
            ]
            if not close:
                continue
            # a margin before its amounts or beside them first (``HMM의 영업이익률은 50.04%
            # … HMM은 매출액 …, 영업이익 …``); one after them only where none precedes; and
            # of several near them, one that holds settles which they divide
            last = max(n.sentence or 0, d.sentence or 0)
            close.sort(key=lambda x: ((x.sentence or 0) > last, _distance(x, n, d)))
            verdicts = [_verdict(ctx, x, n, d) for x in close]
            held = [v for v in verdicts if v is not None and v.severity is Severity.OK]
            got = held[0] if held else verdicts[0]
            if got is not None:
                out.append(got)
    return out


def _is_margin(ctx: Context, m: Mention, margin_re: re.Pattern[str]) -> bool:
    q = m.fact.quantity
    if q.kind is not Kind.PERCENT or m.change is not None or m.estimate:
        return False
    sent = ctx.extraction.sentence(m)
    lead = sent.text[max(0, m.local[0] - 24) : m.local[0]] if sent is not None else ""
    if not margin_re.search(f"{m.metric or ''} {lead}"):
        return False
    if _OF_A_PART.search(m.metric or ""):
        return False  # 세계 최고 제품의 영업이익률: a segment's margin, not the whole's amounts'
    return not _PRIOR.search(lead[-12:])  # 전분기 영업이익률 50.02%: another period's margin


# a margin of some products or one business only (제품의 영업이익률, 该业务的毛利率, the
# segment's operating margin)
_OF_A_PART = re.compile(
    r"(?:제품|사업|부문|품목|产品|產品|业务|業務|板块|板塊|\bsegment|\bdivision|\bproducts?)"
    r"\s?(?:의|的|['’]s)?\s?\S*(?:이익률|이익율|利润率|利潤率|利率|margin)",
    re.I,
)
_STOP = re.compile(r"다\.(?=\s|\d|[가-힣])|[。！？]|\.\s(?=[A-Z0-9])")


def _after_a_stop(ctx: Context, m: Mention, amounts: Sequence[Mention]) -> bool:
    """A margin after the amounts in one read sentence, past a sentence end the reader missed
    (``…영업이익 4조원을 냈다. 2위는 … 영업이익률 47.37%``): the next company's margin."""
    last = max(amounts, key=lambda x: (x.sentence or 0, x.local[1]))
    if last.sentence != m.sentence or m.local[0] < last.local[1]:
        return False
    sent = ctx.extraction.sentence(m)
    return sent is not None and bool(_STOP.search(sent.text[last.local[1] : m.local[0]]))


def _named(m: Mention, words: re.Pattern[str]) -> bool:
    return bool(words.search(m.metric or m.fact.subject or ""))


def _distance(m: Mention, *others: Mention) -> int:
    return max(abs((m.sentence or 0) - (o.sentence or 0)) for o in others)


def _verdict(ctx: Context, m: Mention, num: Mention, den: Mention) -> Finding | None:
    n_lo, n_hi = bounds(num.fact.quantity)
    d_lo, d_hi = bounds(den.fact.quantity)
    s_lo, s_hi = bounds(m.fact.quantity)
    nv, dv, sv = point(num.fact.quantity), point(den.fact.quantity), point(m.fact.quantity)
    values: Sequence[Decimal | None] = (n_lo, n_hi, d_lo, d_hi, s_lo, s_hi, nv, dv, sv)
    if any(v is None for v in values) or not d_lo or (d_lo or 0) <= 0:
        return None
    assert n_lo is not None and n_hi is not None and d_lo is not None and d_hi is not None
    assert s_lo is not None and s_hi is not None and nv is not None and dv is not None
    assert sv is not None
    lo, hi, computed = n_lo / d_hi * HUNDRED, n_hi / d_lo * HUNDRED, nv / dv * HUNDRED
    ok = s_lo <= hi and lo <= s_hi
    if not ok and not (computed > 0 and _NEAR[0] <= sv / computed <= _NEAR[1]):
        return None  # far off: not the amounts this margin divides
    words = {
        "num": ctx.quantity(num.fact.quantity),
        "den": ctx.quantity(den.fact.quantity),
        "computed": pct(computed),
        "stated": pct(sv),
        "what": m.metric or "margin",
    }
    message = ctx.say(_OK if ok else _OFF, **words)
    severity = Severity.OK if ok else Severity.WARNING
    return finding(RULE, severity, message, [num, den, m], [nv, dv, sv, computed], why=_WHY)
