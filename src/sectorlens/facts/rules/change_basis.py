"""Whether a stated change is the change between the two levels of a pair: the same span of
comparison (year on year against last year's level, month on month against last month's) and
the same basis (a real or volume rate is not the change of two nominal amounts).

``销量45.2万辆，同比增长25.3%，较上月的40.1万辆增长12.7%``: the pair is last month's level and
this month's; 25.3% compares with a year before and is not their change. ``GDP grew 5.2% in
real terms to 126 trillion yuan from 121 trillion``: the levels are in current prices, the rate
is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.pairs import Pair

YEAR, MONTH, QUARTER, PERIOD = "year", "month", "quarter", "period"

# The words that name what an earlier level is, before it (较上月的40.1万辆, 전월(480억 달러),
# prior-year) or after it (from $40.1 million in the prior quarter)
_SPANS = (
    (
        YEAR,
        r"同比|上年|去年|前年|同期|전년|작년|지난해|전년\s?동[기월]|"
        r"\b(?:a\s)?year[-\s](?:earlier|ago|over[-\s]year|on[-\s]year)\b|\bprior[-\s]year\b|"
        r"\bprevious[-\s]year\b|\blast\syear\b|\bY/Y\b|\bYoY\b|\bsame\s(?:period|quarter|month)\b",
    ),
    (MONTH, r"上月|上个月|전월|전달|지난달|\b(?:prior|previous|last)\smonth\b|\bM/M\b|\bMoM\b"),
    (
        QUARTER,
        r"上季度?|上一季度|전분기|직전\s?분기|\b(?:prior|previous|last|preceding)\squarter\b|"
        r"\bQ/Q\b|\bQoQ\b|\bsequential(?:ly)?\b",
    ),
    (PERIOD, r"环比|環比|전기\s?대비"),
)
_SPAN_RES = tuple((span, re.compile(words, re.I)) for span, words in _SPANS)
# Where the words of one figure stop: a clause break or another figure's statement
_BREAK = re.compile(
    r"[,，;；、。.!?]\s|[，；、。]|\band\b|\bwhile\b|이며|이고|했고|었고|였고|며\s", re.I
)


def _span_in(text: str) -> str | None:
    """The one span of comparison ``text`` names, or None (none, or more than one)."""
    found = {span for span, pattern in _SPAN_RES if pattern.search(text)}
    if len(found) == 1:
        return found.pop()
    return None


_LINK_WORDS = re.compile(r"대비(?:로는)?|보다|比|较|相比|\b(?:the|of|in|vs|versus)\b|[\s\W]", re.I)


def only_comparison(words: str) -> bool:
    """A subject that is only the period compared with (전분기, 전년 동기, 上年同期, prior year):
    it names no measure of its own."""
    rest = words
    for _span, pattern in _SPAN_RES:
        rest = pattern.sub("", rest)
    rest = _LINK_WORDS.sub("", rest)
    return bool(words.strip()) and rest == ""


def _clause_before(text: str, start: int, reach: int) -> str:
    lead = text[max(0, start - reach) : start]
    cut = [m.end() for m in _BREAK.finditer(lead)]
    return lead[cut[-1] :] if cut else lead


def _clause_after(text: str, end: int, reach: int) -> str:
    tail = text[end : end + reach]
    cut = _BREAK.search(tail)
    return tail[: cut.start()] if cut else tail


def prior_span(text: str, prior: Mention) -> str | None:
    """The span the earlier level of a pair is named with: 上月, a year ago, the prior quarter."""
    start, end = prior.local
    return _span_in(_clause_before(text, start, 24) + " " + _clause_after(text, end, 40))


def change_span(text: str, m: Mention) -> str | None:
    """The span a stated change names for itself: 同比, 전월 대비, year over year, sequentially."""
    start, end = m.local
    return _span_in(_clause_before(text, start, 16) + " " + _clause_after(text, end, 28))


def _agree(a: str, b: str) -> bool:
    if a == b:
        return True
    # 环比, 전기 대비: the period before, a month or a quarter (never a year)
    return PERIOD in (a, b) and YEAR not in (a, b)


# A rate in real terms, at constant prices, in volume, in constant currency or organic: not
# the change of two amounts as reported in current prices
_REAL = re.compile(
    r"实际增长|實際增長|实际下降|扣除价格因素|扣除價格因素|按不变价格|按不變價格|按可比价格|按可比價格|"
    r"不变价|可比价|실질|불변\s?가격|물량\s?기준|"
    r"\bin\sreal\sterms\b|\breal(?:ly)?\s(?:increase|decrease|growth|gain|rise|decline|terms)\b|"
    r"\binflation[-\s]adjusted\b|\bprice[-\s]adjusted\b|\bat\sconstant\sprices\b|"
    r"\b(?:by|in)\svolume\b|\bvolume\sterms\b|"
    # in constant currency, organic: another basis than the amounts as reported
    r"\bcurrency[-\s]neutral\b|\bconstant[-\s](?:currency|exchange)|\bFX[-\s]neutral\b|"
    r"\bexcluding\s(?:the\s)?(?:impacts?|effects?)\sof\s(?:foreign\s)?(?:currency|exchange)|"
    r"\badjusted\sfor\s(?:the\s)?(?:impacts?|effects?)\sof\s(?:foreign\s)?(?:currency|exchange)|"
    r"\borganic(?:ally)?\b|\blike[-\s]for[-\s]like\b|不变汇率|固定汇率|剔除汇率|"
    r"불변\s?환율|고정\s?환율",
    re.I,
)


_NOMINAL = re.compile(r"名义|名義|명목|\bnominal", re.I)
_RATE = re.compile(r"\d\s?(?:%|％|percent\b|per\scent\b|个百分点|%p|포인트)", re.I)


def other_basis(text: str, pair: Pair, m: Mention) -> bool:
    """A rate stated in real terms, in volume, in constant currency or organic when its levels
    are amounts of money as reported."""
    if pair.current.fact.quantity.currency is None:
        return False
    start, end = m.local
    if _NOMINAL.search(_clause_before(text, start, 16)):
        return False  # 同比名义增长17.3%: in current prices, as the levels
    if _REAL.search(text[end : end + 24]):
        return True  # 增长5.2%（按不变价格计算）, 5.2% in real terms
    # the basis word before the rate in its sentence (In real terms, GDP grew 5.2%), with no
    # other rate between them (扣除价格因素实际增长12.8% … 1-11月份 … 名义增长17%)
    words = list(_REAL.finditer(text, 0, start))
    return bool(words) and not _RATE.search(text, words[-1].end(), start)


def other_comparison(text: str, pair: Pair, m: Mention) -> bool:
    """The change compares with another period than the pair's earlier level, or is stated on
    another basis: it is not the change between the two levels."""
    if other_basis(text, pair, m):
        return True
    own = change_span(text, m)
    if own is None:
        return False
    earlier = prior_span(text, pair.prior)
    return earlier is not None and not _agree(own, earlier)


# A note that every rate of the document is in real terms: 以下增加值增速均为扣除价格因素的
# 实际增长率, 绝对数按现价计算，增长速度按不变价格计算, 이하 증감률은 실질 기준, growth rates are in
# real terms
_REAL_THROUGHOUT = re.compile(
    r"(?:增速|增长速度|增长率|增長速度|增長率)[^。；;]{0,12}?(?:均为|均按|均是|按)[^。；;]{0,6}?"
    r"(?:扣除价格因素|不变价格|不變價格|可比价格|可比價格|实际增长|實際增長)|"
    r"(?:증감률|증가율|성장률)[^.。]{0,12}실질\s?기준|"
    r"\b(?:growth\s)?rates?\s(?:are|is)\s(?:in\sreal\sterms|adjusted\sfor\sinflation)\b",
    re.I,
)


_VALUE_ADDED = re.compile(r"(?:增加值|增加價值|부가가치|value[-\s]added)\s?$", re.I)


def real_throughout(texts: Iterable[str]) -> str | None:
    """What the document says is in real terms (at constant prices): ``all`` its growth rates,
    or only those of ``value added`` (以下增加值增速均为…实际增长率); None when it says neither."""
    scope = None
    for t in texts:
        for m in _REAL_THROUGHOUT.finditer(t):
            if not _VALUE_ADDED.search(t[max(0, m.start() - 12) : m.start()]):
                return "all"
            scope = "value added"
    return scope


def real_for(scope: str | None, metric: str | None) -> bool:
    """The document's note on real rates covers a measure named ``metric``."""
    if scope == "all":
        return True
    return scope == "value added" and bool(metric) and _VALUE_ADDED.search(metric or "") is not None


def nominal(text: str, m: Mention) -> bool:
    """The rate says it is nominal (名义增长, 명목, nominal): in current prices, as amounts."""
    return bool(_NOMINAL.search(_clause_before(text, m.local[0], 24)))


def yoy_within_one_period(m: Mention, pair: Pair) -> bool:
    """A year-on-year rate beside two levels of one period (``up 6.2% Y/Y to $37.4B in 2020, up
    from our previous forecast of $36.9B``): the earlier level is no year-earlier figure."""
    a, b = pair.prior.fact.period, pair.current.fact.period
    return m.change == "yoy" and a is not None and a == b


__all__ = [
    "change_span",
    "nominal",
    "only_comparison",
    "other_basis",
    "other_comparison",
    "prior_span",
    "real_for",
    "real_throughout",
    "yoy_within_one_period",
]
