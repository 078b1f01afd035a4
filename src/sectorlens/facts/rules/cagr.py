"""A stated CAGR against its endpoints and span (years of the two levels, or a stated span)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, norm, pct, point, what_of
from sectorlens.facts.rules.levels import per_unit
from sectorlens.facts.rules.pair_words import level_bounds
from sectorlens.facts.rules.pairs import is_level, is_prior
from sectorlens.facts.rules.same_metric import alike_names
from sectorlens.model import Finding, Kind, Period, Qualifier, Severity

RULE_CAGR = "derived.cagr"
HUNDRED = Decimal(100)
_FROM_AFTER = re.compile(r"^\s?에서")


def _unit(m: Mention) -> tuple[object, ...]:
    q = m.fact.quantity
    return (q.kind, q.currency, q.unit)


def _is_level(m: Mention) -> bool:
    return m.change is None and point(m.fact.quantity) is not None


def _years(p: Period | None) -> int | None:
    return None if p is None else p.end.year


def check_cagr(ctx: Context, text: str, members: Sequence[Mention]) -> list[Finding]:
    """A stated CAGR against two levels of the same measure and the years between them."""
    out = []
    cagrs = [i for i, m in enumerate(members) if m.change == "cagr"]
    for n, i in enumerate(cagrs):
        m = members[i]
        if m.fact.quantity.kind is not Kind.PERCENT:
            continue
        # The endpoints of this CAGR: the levels since the CAGR before it, else up to the next.
        lo = cagrs[n - 1] + 1 if n else 0
        hi = cagrs[n + 1] if n + 1 < len(cagrs) else len(members)
        reached = _reaching(text, members[lo:i], m, members[i + 1 : hi])
        if reached is not None:
            got = _cagr_verdict(ctx, m, *reached)
            if got is not None:
                out.append(got)
            continue
        scope = list(members[lo:i])
        start = members[lo - 1].local[1] if lo else 0
        before = re.sub(r"(?:19|20)\d{2}", "", text[start : m.local[0]])
        if not scope and not re.search(r"\d", before):
            scope = list(members[i + 1 : hi])  # a CAGR of 15% from A in 2020 to B in 2025
        levels = [x for x in scope if _is_level(x) or x.change == "from"]
        levels = [x for x in levels if x.fact.quantity.kind is not Kind.PERCENT]
        by_unit: dict[tuple[object, ...], list[Mention]] = {}
        for x in levels:
            by_unit.setdefault(_unit(x), []).append(x)
        if len(by_unit) != 1:
            continue  # two measures around one rate: which it belongs to is not clear
        (same,) = by_unit.values()
        dated = [x for x in same if _years(x.fact.period) is not None]
        years = {_years(x.fact.period) for x in dated}
        span = None
        if len(dated) == 2 and len(years) == 2:
            first, last = sorted(dated, key=lambda x: _years(x.fact.period) or 0)
            said = _stated_span(text)
            if said is not None and said != int(said):
                # from 2019년 7월 10일 to 2025년, 6.4년간 연평균 19.9%: the span the text states
                span = said
        elif len(same) == 2 and (span := _stated_span(text)) is not None:
            first, last = (same[0], same[1]) if same[0].change == "from" else (same[1], same[0])
            if first.change != "from" and _FROM_AFTER.match(text[first.local[1] :]) is None:
                first, last = same[0], same[1]  # in the order written: from A … to B
        else:
            continue
        if _another_subject(text, same, m):
            continue  # …to $3.0 billion, while the overall market grew at a CAGR of 5%
        got = _cagr_verdict(ctx, m, first, last, span)
        if got is not None:
            out.append(got)
    return out


_GROWING_TO = re.compile(
    r"^\W{0,2}\s?(?:성장해|증가해|늘어|확대돼|growing\sto|rising\sto|to\sreach|to|reaching|"
    r"增长至|增至|达到|达)\s?(?:약|about|约)?\s?(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$"
    # 연평균 8.6%의 고성장세를 지속, 99년에는 1천7백89억달러; 연평균 4.7%씩 증가, 2000년에는 …
    r"|^(?:의\s?\S{1,6}(?:세|률|율)[을를]\s?지속|씩\s?(?:증가|늘어|성장))[해하]?\s?,?\s?"
    r"(?:(?:19|20)?\d{2}\s?년\s?(?:에는|엔|에|까지는?)\s?)?$",
    re.I,
)


def _reaching(
    text: str, before: Sequence[Mention], m: Mention, after: Sequence[Mention]
) -> tuple[Mention, Mention] | None:
    """``2019년 1.5조원 … 2025년까지 연평균 38.4% 성장해 10.5조원``: the CAGR runs from the last
    dated level before it to the level it grows to, right after it (of the same unit, later)."""
    if not after or not _GROWING_TO.match(text[m.local[1] : after[0].local[0]]):
        return None
    last = after[0]
    if not is_level(text, last) and last.change != "change":
        return None
    dated = [
        x
        for x in before
        if _unit(x) == _unit(last)
        and is_level(text, x)
        and _years(x.fact.period) is not None
        and (_years(x.fact.period) or 0) < (_years(last.fact.period) or 0)
    ]
    if (
        not dated
        or last.fact.period is None
        or last.fact.period.start.year != _years(last.fact.period)
    ):
        return None
    return dated[-1], last


_CLAUSE = re.compile(r"[,，;；]")
_NOT_A_SUBJECT = re.compile(
    r"(?:19|20)\d{2}|[\d\W_]|\b(?:CAGR|compound|annual|average|growth|grew|rate|over|the|same|"
    r"period|while|whereas|and|at|of|an?|in|by|with|a|about|around|approximately|roughly|"
    r"nearly|some|compounded|annually|per|year)\b|"
    r"复合|複合|年均|年平均|增长率|增长|增長|增速|成长|成長|同期|期间|期間|为|為|是|率|约|約|大约|"
    r"左右|达|達|年|"
    r"연\s?평균|성장률|성장|증가율|같은|기간|동안|동기간|이는|약|연|은|는|이|가|으로|로|에|의",
    re.IGNORECASE,
)


def _another_subject(text: str, levels: Sequence[Mention], m: Mention) -> bool:
    """True when a clause break separates the CAGR from its levels and the CAGR's clause names
    something the levels are not (같은 기간 전체 시장은 연평균 5%, 同期整体市场年均增长5%)."""
    ends = [x.local[1] for x in levels if x.local[1] <= m.local[0]]
    if not ends:
        return False
    seg = text[max(ends) : m.local[0]]
    cuts = list(_CLAUSE.finditer(seg))
    if not cuts:
        return False
    rest = _NOT_A_SUBJECT.sub(" ", seg[cuts[-1].end() :]).split()
    own = (levels[-1].metric or "").lower()
    return any(len(w) >= 2 and w.lower() not in own for w in rest)


_CAGR_OFF = {
    "ko": "{what}: {a}({pa})에서 {b}({pb})까지 {n}년의 연평균 성장률은 {computed}인데, "
    "보고서는 {stated}라고 합니다.",
    "en": "{what}: from {a} ({pa}) to {b} ({pb}) over {n} years is a CAGR of {computed}, but "
    "the report states {stated}.",
}
_CAGR_OK = {
    "ko": "{what}: {a}({pa})에서 {b}({pb})까지 {n}년의 연평균 성장률 {computed}, 보고서의 "
    "{stated}과(와) 맞습니다.",
    "en": "{what}: from {a} ({pa}) to {b} ({pb}) over {n} years is a CAGR of {computed}, as "
    "stated ({stated}).",
}


def _root(x: Decimal, n: Decimal) -> Decimal:
    return Decimal(repr(float(x) ** (1.0 / float(n))))


_SPAN = re.compile(
    r"(?:last|past|over|in)\s+(\d{1,3}(?:\.\d+)?)\s+years|"
    r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*年(?:以来|来|间|內|内)|"
    r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*년\s?(?:간|동안)",
    re.I,
)


def _stated_span(text: str) -> Decimal | None:
    """The number of years a sentence says its change took (over the last 46 years, 6.4년간)."""
    m = _SPAN.search(text)
    return None if m is None else Decimal(next(g for g in m.groups() if g))


def _other_span(m: Mention, first: Mention, last: Mention) -> bool:
    """The CAGR names years of its own (``2023~2028년 연평균``, ``from 2023 to 2028``) that are
    not the years of the two levels (the first year of growth after the base year is the same
    span: ``2024~2030년`` from a level of 2023)."""
    p = m.fact.period
    a, b = _years(first.fact.period), _years(last.fact.period)
    if p is None or p.start.year >= p.end.year or a is None or b is None:
        return False
    return b != p.end.year or a not in (p.start.year, p.start.year - 1)


def _cagr_verdict(
    ctx: Context, m: Mention, first: Mention, last: Mention, span: Decimal | None = None
) -> Finding | None:
    parts = ctx.parts
    if not (parts.pairable(first, last) and parts.pairable(first, m) and parts.pairable(last, m)):
        return None  # an endpoint dated by another part's date, or in another part undated
    if _other_span(m, first, last):
        return None  # …to 200억원 in 2023, and 2023~2028년 연평균 15%: a span of its own
    a_lo, a_hi = level_bounds(first.fact.quantity)
    b_lo, b_hi = level_bounds(last.fact.quantity)
    a, b, v = point(first.fact.quantity), point(last.fact.quantity), point(m.fact.quantity)
    n = span or Decimal((_years(last.fact.period) or 0) - (_years(first.fact.period) or 0))
    if a is None:  # 超过3,500亿元: at least, and no more is known
        a = a_lo
    if None in (a_lo, b_lo, b_hi, a, b, v) or n <= 0:
        return None
    assert a_lo is not None and b_lo is not None and b_hi is not None
    assert a is not None and b is not None and v is not None
    if a_lo <= 0 or b_lo <= 0:
        return None
    # an open end (more than X) leaves only one side of the rate bounded
    lo = (_root(b_lo / a_hi, n) - 1) * HUNDRED if a_hi is not None else -HUNDRED
    hi = (_root(b_hi / a_lo, n) - 1) * HUNDRED
    computed = (_root(b / a, n) - 1) * HUNDRED
    h = half_unit(m.fact.quantity)
    words = {
        "what": what_of(last),
        "a": ctx.quantity(first.fact.quantity),
        "b": ctx.quantity(last.fact.quantity),
        "pa": ctx.period(first.fact.period),
        "pb": ctx.period(last.fact.period),
        "n": n,
        "computed": f"{pct(computed)}%",
        "stated": f"{pct(v)}%",
    }
    values = [a, b, n, v, computed.quantize(Decimal("0.01"))]
    members = [first, last, m]
    if v + h >= lo and v - h <= hi:
        return finding(RULE_CAGR, Severity.OK, ctx.say(_CAGR_OK, **words), members, values)
    approx = any(x.fact.quantity.qualifier is not Qualifier.EXACT for x in members)
    severity = Severity.WARNING if approx else Severity.ERROR
    return finding(RULE_CAGR, severity, ctx.say(_CAGR_OFF, **words), members, values)


def cross_cagr(ctx: Context, judged: set[int]) -> list[Finding]:
    """A stated CAGR whose span names its years (``2014~2020年期间年均复合增速15%``,
    ``지난해부터 2021년까지 5년간 연평균 13%``) against the nearest levels of those two years in
    the sentences around it (same unit; bullets listing the endpoints). A ``warning``: the
    endpoints are inferred.
    """
    out = []
    mentions = ctx.extraction.mentions
    for m in mentions:
        p = m.fact.period or m.compared  # grow at a CAGR of 31.3% from 2017 to 2025
        if m.change != "cagr" or id(m.fact) in judged or m.sentence is None or p is None:
            continue
        if m.fact.quantity.kind is not Kind.PERCENT or p.start.year >= p.end.year:
            continue
        said = _stated_span(ctx.extraction.layout.sentences[m.sentence].text)
        if said is not None and said not in (
            p.end.year - p.start.year,
            p.end.year - p.start.year + 1,
        ):
            continue  # 지난해부터 2021년까지 5년간 read as 2021–2022: the years are not known
        near = [
            x
            for x in mentions
            if x.sentence is not None
            and abs(x.sentence - m.sentence) <= _REACH
            and not ctx.parts.apart(x, m)
            and x.fact.quantity.kind in (Kind.MONEY, Kind.COUNT)
            and is_level(ctx.extraction.layout.sentences[x.sentence].text, x)
        ]
        # the nearest first: the sentences before, then those after (a list of findings)
        near.sort(key=lambda x: (abs((x.sentence or 0) - (m.sentence or 0)), x.local[0]))
        near.reverse()
        own = [
            x
            for x in mentions
            if x.sentence == m.sentence and x.fact.quantity.kind in (Kind.MONEY, Kind.COUNT)
        ]
        if len(own) >= 2:
            continue  # its own sentence has the levels it could belong to: judged there
        near = [x for x in near if not _per_currency(ctx, x)]
        ends = [x for x in near if _whole_year(x) == p.end.year]
        if not ends:
            continue
        last = ends[-1]
        if own and _unit(own[0]) != _unit(last):
            continue  # 매출액(…→9조8500억원)은 연평균 14.4%: a rate of the won, not of 명 nearby
        starts = [x for x in near if _whole_year(x) == p.start.year and _unit(x) == _unit(last)]
        if not starts:
            continue
        sentences = ctx.extraction.layout.sentences
        marked = [  # 184억달러에서, from $2 billion: a start
            x for x in starts if x.sentence is not None and is_prior(sentences[x.sentence].text, x)
        ]
        first = (marked or starts)[-1]
        if not _one_subject(m, first, last):
            continue  # 미국 시장 301억 달러 … 중국은 연평균 7.3% 확대해 233억 달러: two markets
        got = _cagr_verdict(ctx, m, first, last)
        if got is not None:
            severity = Severity.WARNING if got.severity is Severity.ERROR else got.severity
            out.append(dataclasses.replace(got, severity=severity))
    return out


_REACH = 6  # sentences away where a CAGR's endpoints may stand


def _one_subject(cagr: Mention, first: Mention, last: Mention) -> bool:
    """Each of the three facts stated outside the CAGR's sentence names what one of the other two
    names (``the 2017 global cryptocurrency market size`` and ``the market``), or next to nothing
    (``시장``: a word that refers back)."""
    group = (cagr, first, last)
    names = [norm(x.metric) for x in group]
    for x, name in zip(group, names, strict=True):
        if x.sentence == cagr.sentence or _vague(name):
            continue
        others = [o for y, o in zip(group, names, strict=True) if y is not x]
        if not any(_vague(o) or alike_names(name, o) for o in others):
            return False
    return True


# words that refer back to a market named before them, rather than name one
_REFERS_BACK = re.compile(
    r"(?:이|그|해당|동|본)?시장|이는|the(?:overall|total|global)?market|(?:this|that|its)market|"
    r"market|(?:该|此|整个|全球)?市场|其|它|该",
)


def _vague(name: str) -> bool:
    return not name or bool(_REFERS_BACK.fullmatch(name))


def _per_currency(ctx: Context, m: Mention) -> bool:
    """A rate per unit (0.149 USD/CNY, $3 per share), not a level."""
    if m.sentence is None:
        return False
    text = ctx.extraction.layout.sentences[m.sentence].text
    return bool(re.match(r"\s?/\s?[A-Za-z]", text[m.local[1] : m.local[1] + 4])) or per_unit(
        text, m
    )


def _whole_year(m: Mention) -> int | None:
    """The year of a level of one whole year, or of its last day (截至2014年底)."""
    p = m.fact.period
    if p is None or p.start.year != p.end.year or (p.end.month, p.end.day) != (12, 31):
        return None
    return p.start.year if (p.start.month == 1 and p.start.day == 1) or p.start == p.end else None
