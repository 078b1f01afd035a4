"""Parts of a period against the whole period: the quarters of a half or a year, the months of
a quarter (``상반기 투자 건수는 497건 … 1분기 256건 … 2분기 241건``; ``H1 revenue $5.1 billion …
$2.4 billion in Q1 and $2.7 billion in Q2``).

The relation: one flow (a count or an amount over a period, not a balance, an average or a
rate) stated for a whole period and for sub-periods of one kind (all quarters, all months) that
tile it exactly, each period named in its own sentence, the same metric words, the same segment
and section, a few paragraphs apart. The pairing is inferred from the words, so a sum off by
more than rounding is a warning; parts far from the whole (a subset, another scope) give no
finding, and neither do sub-periods of mixed lengths (cumulative statistics: 1–6月 and 7月
against 1–7月 are revised in between).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal
from itertools import pairwise

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, half_unit, norm, point
from sectorlens.facts.rules.levels import per_unit, stated_level
from sectorlens.model import Finding, Kind, Period, Qualifier, Severity

RULE = "breakdown.periods"
_KINDS = (Kind.MONEY, Kind.COUNT, Kind.NUMBER)  # NUMBER: 出游人次48.91亿, a count in 亿
_NEAR = Decimal("0.05")  # parts this close to the whole are its parts (a wrong one among them)
_PARAGRAPHS = 3  # paragraphs between the whole and its parts
# Balances, averages, cumulative and per-period rates do not add up over time.
_STOCK = re.compile(
    r"잔액|잔고|누적|평균|말\s?기준|기준\s?잔|余额|餘額|累计|累計|平均|日均|期末|年末|末|"
    r"balance|outstanding|cumulative|average|per\s(?:day|month)|as\sof|at\s(?:the\s)?end|"
    r"headcount|employees|backlog|assets|liabilities|equity|cash|price|index|market\s(?:value|cap)|"
    r"users|subscribers|members|stores|시가총액|주가|가격|지수|가입자|회원|매장|점포|직원|"
    r"市值|股价|价格|指数|用户|会员|门店|员工",
    re.I,
)
# Words of a sentence's teller, not of its metric (the company reported revenue of …)
_FILLER = frozenset(
    {"the", "a", "company", "companys", "group", "firm", "it", "its", "our", "we", "reported"}
    | {"posted", "recorded", "generated", "had", "total"}
)
_OFF = {
    "ko": "{metric}: {parts}의 합 {sum}이(가) {whole_period}의 {whole}과(와) 다릅니다 "
    "(차이 {diff}).",
    "en": "{metric}: {parts} add up to {sum}, not the {whole} stated for {whole_period} "
    "(difference {diff}).",
}
_OK = {
    "ko": "{metric}: {parts}의 합 {sum}은(는) {whole_period}의 {whole}과(와) 맞습니다.",
    "en": "{metric}: {parts} add up to {sum}, the {whole} stated for {whole_period}.",
}
_WHY = "one flow stated for a period and for the sub-periods that make it up"


def check(ctx: Context) -> list[Finding]:
    """Each whole period's flow against its stated sub-periods."""
    flows = [m for m in ctx.extraction.mentions if _flow(ctx, m)]
    groups: dict[tuple[object, ...], list[Mention]] = defaultdict(list)
    for m in flows:
        q = m.fact.quantity
        groups[(q.kind, q.currency, q.unit, m.section, m.segment)].append(m)
    out = []
    for members in groups.values():
        for whole in members:
            got = _judge(ctx, whole, members)
            if got is not None:
                out.append(got)
    return out


def _flow(ctx: Context, m: Mention) -> bool:
    q = m.fact.quantity
    if m.cell is not None or m.sentence is None or q.kind not in _KINDS or m.estimate:
        return False
    if m.period_source not in ("sentence", "context") or m.fact.period is None:
        return False  # a period from the heading or the report's date: not established here
    if point(q) is None:
        return False
    if q.qualifier not in (Qualifier.EXACT, None) or not m.metric:
        return False
    text = ctx.extraction.layout.sentences[m.sentence].text
    if not stated_level(text, m) or per_unit(text, m):
        return False
    return not _STOCK.search(m.metric) and not _STOCK.search(_clause(text, m))


def _clause(text: str, m: Mention) -> str:
    start = max((x.end() for x in re.finditer(r"[,，;；。]", text[: m.local[0]])), default=0)
    return text[start : m.local[1] + 12]


def _kind_of(p: Period) -> str | None:
    """month, quarter or half, by the period's length (None for other spans)."""
    days = (p.end - p.start).days + 1
    if 28 <= days <= 31 and p.start.day == 1:
        return "month"
    if 89 <= days <= 92 and p.start.day == 1:
        return "quarter"
    if 181 <= days <= 184 and p.start.day == 1:
        return "half"
    return None


def _same_metric(a: str, b: str) -> bool:
    """One metric in the two places: the same words, or (CJK) the same last four characters or
    more, with words of scope before them (스타트업 및 중소기업 대상 투자 건수, 1분기의 경우 투자
    건수)."""
    x, y = norm(a), norm(b)
    if x == y:
        return bool(x)
    wa, wb = set(re.findall(r"[a-z]+", a.lower())), set(re.findall(r"[a-z]+", b.lower()))
    if wa and wb and (wa - wb <= _FILLER) and (wb - wa <= _FILLER) and (wa - _FILLER):
        return True  # the company reported revenue, Revenue: the same words besides the teller
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    return n >= 4 and re.fullmatch(r"[\u3131-\ud7a3\u4e00-\u9fff]+", x[-n:]) is not None


def _tiling(whole: Period, parts: Sequence[Mention]) -> bool:
    periods = sorted((m.fact.period for m in parts if m.fact.period), key=lambda p: p.start)
    if len(periods) < 2 or len(periods) != len(parts):
        return False
    if len({_kind_of(p) for p in periods}) != 1 or _kind_of(periods[0]) is None:
        return False
    if periods[0].start != whole.start or periods[-1].end != whole.end:
        return False
    return all(b.start == a.end + timedelta(days=1) for a, b in pairwise(periods))


def _judge(ctx: Context, whole: Mention, members: Sequence[Mention]) -> Finding | None:
    """The whole's sub-periods of one kind that tile it, judged; None where none do."""
    wp = whole.fact.period
    assert wp is not None and whole.metric is not None and whole.sentence is not None
    paragraph = ctx.extraction.layout.sentences[whole.sentence].paragraph
    inside: dict[Period, list[Mention]] = defaultdict(list)
    for m in members:
        p = m.fact.period
        assert p is not None and m.metric is not None and m.sentence is not None
        if m is whole or p == wp or not (wp.start <= p.start and p.end <= wp.end):
            continue
        if m.period_source != "sentence":  # each part's period named beside it
            continue
        if abs(ctx.extraction.layout.sentences[m.sentence].paragraph - paragraph) > _PARAGRAPHS:
            continue
        if _same_metric(m.metric, whole.metric):
            inside[p].append(m)
    for kind in ("half", "quarter", "month"):
        own = {p: ms for p, ms in inside.items() if _kind_of(p) == kind}
        if any(len({point(m.fact.quantity) for m in ms}) > 1 for ms in own.values()):
            continue  # two values for one sub-period: two scopes
        parts = [ms[0] for _, ms in sorted(own.items(), key=lambda kv: kv[0].start)]
        if _tiling(wp, parts):
            return _verdict(ctx, whole, parts)
    return None


def _verdict(ctx: Context, whole: Mention, parts: list[Mention]) -> Finding | None:
    wp = whole.fact.period
    assert wp is not None
    total = point(whole.fact.quantity) or Decimal(0)
    values = [point(m.fact.quantity) or Decimal(0) for m in parts]
    s = sum(values, Decimal(0))
    tol = half_unit(whole.fact.quantity) + sum(half_unit(m.fact.quantity) for m in parts)
    ok = abs(s - total) <= tol
    if not ok and abs(s - total) > abs(total) * _NEAR:
        return None  # far off: not this whole's parts (a subset, another scope)
    q = whole.fact.quantity
    words = {
        "metric": whole.metric,
        "parts": " + ".join(ctx.period(m.fact.period) for m in parts),
        "sum": ctx.quantity(q, s),
        "whole": ctx.quantity(q),
        "whole_period": ctx.period(wp),
        "diff": ctx.quantity(q, total - s),
    }
    severity = Severity.OK if ok else Severity.WARNING
    message = ctx.say(_OK if ok else _OFF, **words)
    return finding(RULE, severity, message, [whole, *parts], [total, *values, s], why=_WHY)
