"""Which number of a sentence is what, for pairing derived figures: a percent that is a share
of a whole rather than a change, the rounding of a level, a loss against a profit, the level of
the period compared with (较上年同期的…), a figure restated in another unit in brackets, a list
stated respectively (``pairs`` uses them)."""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import bounds, half_unit, point
from sectorlens.facts.rules.rounded import padded_half, rounded_half
from sectorlens.model import Kind, Qualifier, Quantity

# A percent set after a level by ", or": the level's share of a whole (``$21.2 billion, or
# 26%, a year ago``), unless a comparative follows (``or 3.2% lower``, ``or 5% more``).
_OR_SHARE = re.compile(r"\s*,\s*or\s*", re.I)
_MOVED = re.compile(
    r"\b(?:increas|decreas|ris[ei]|rose|fell|fall|gr[eo]w|declin|gain|jump|drop|climb|up\b|"
    r"down\b|higher|lower)",
    re.I,
)
_COMPARATIVE = re.compile(
    r"\s*(?:higher|lower|more|less|above|below|up|down|increase|decrease|growth|over|from)\b",
    re.I,
)


def or_share(text: str, m: Mention, gap: str) -> bool:
    """A percent set after a level by ", or" in a sentence that names no move: the level's
    share of a whole (``were $21.2 billion, or 26%, a year ago``), not its change."""
    return bool(
        _OR_SHARE.fullmatch(gap)
        and not _COMPARATIVE.match(text[m.local[1] : m.local[1] + 20])
        and not _MOVED.search(text[: m.local[0]])
    )


_SHARE_AFTER = re.compile(
    r"^\s?(?:of\s(?:(?:total|net|consolidated|group|our|its)\s){0,3}(?:sales|revenues?|the\s)|"
    r"of\s(?:it|that|this|them)\b|의\s?비중|"
    # a 7.5 percent market share, 7.5%的市场份额: the share the level holds, not a change
    r"(?:(?:market|revenue|unit|volume|global|world)\s)?share\b|的?(?:市场|市場)?(?:份额|份額)|"
    # 경쟁 모델(10만 달러) 대비 10% 수준: the level as a share of the other, not a change
    r"수준|에\s?(?:불과|그쳐|그쳤|그친|해당))",
    re.I,
)
_SHARE_BEFORE = re.compile(r"(?:占|比重|份额|share|비중|점유율)[^\d]{0,8}$", re.I)


def share_of(text: str, m: Mention) -> bool:
    """A percent that is a share (``36.1% of net sales``, ``占…比重为22.7%``, or one the
    sentence names the whole of: ``占规模以上企业原煤产量的51.9%``), not a change."""
    start, end = m.local
    return bool(
        (m.base is not None and m.change is None and m.fact.quantity.kind is Kind.PERCENT)
        or _SHARE_AFTER.match(text[end : end + 20])
        or _SHARE_BEFORE.search(text[max(0, start - 12) : start])
    )


def level_bounds(q: Quantity) -> tuple[Decimal | None, Decimal | None]:
    """``bounds`` of a level, zeros that pad the last group of a compound amount not taken as
    significant (``22억 8000만 달러`` is ±500만, not ±5000: writers round the group and pad it),
    nor one zero ending an amount of four digits or more (``1030억`` may be 1025억 to 1035억;
    ``20억`` stays 20억: its zero is too much of it to be rounding)."""
    lo, hi = bounds(q)
    v = point(q)
    if q.qualifier is not Qualifier.EXACT or lo is None or hi is None or v is None:
        return lo, hi
    half, rounded = padded_half(q), rounded_half(q)
    if v and rounded <= abs(v) * _ROUNDED_AT_MOST:
        half = max(half, rounded)
    widen = half - half_unit(q)
    return lo - widen, hi + widen


_ROUNDED_AT_MOST = Decimal("0.005")  # a zero taken as rounding moves the amount by 0.5% at most


__all__ = ["level_bounds", "or_share", "share_of"]


# What a level is named in its own clause: a loss or a profit (net loss … compared with net
# income of $0.8 billion, 영업손실은 … 전년 동기(영업이익 80억원)), an outflow or an inflow
# (净流出 … 上年同期为净流入, 순유출 … 순유입, used in … provided by): figures of opposite sign,
# both written positive, are not two levels of one measure.
_LOSS = re.compile(
    r"\bloss(?:es)?\b|\bdeficit\b|\bused\sin\b|\boutflows?\b|손실|적자|손해|유출|"
    r"亏损|虧損|净亏|淨虧|流出",
    re.I,
)
_PROFIT = re.compile(
    r"\b(?:income|profit|earnings|surplus|provided\sby|inflows?)\b|이익|흑자|유입|"
    r"盈利|利润|利潤|净利|淨利|盈余|盈餘|流入",
    re.I,
)
_CLAUSE_START = re.compile(r"[,，;；。:：(（]|\band\b|\bcompared\b|\bversus\b|\bvs\b", re.I)


def loss_or_profit(text: str, m: Mention) -> str | None:
    """``loss`` or ``profit`` when the words naming the figure in its clause say which."""
    tail = text[m.local[1] : m.local[1] + 6]  # 120억원 순유출로, (340억원 순유입)
    if (loss := _LOSS.search(tail)) or _PROFIT.search(tail):
        return "loss" if loss else "profit"
    lead = text[max(0, m.local[0] - 40) : m.local[0]]
    cuts = [x.end() for x in _CLAUSE_START.finditer(lead)]
    # compared with net income of $0.8 billion: the words after the comparison name the level
    words = lead[cuts[-1] :] if cuts and lead[cuts[-1] :].strip() else lead
    loss, profit = _LOSS.search(words), _PROFIT.search(words)
    if loss and not profit:
        return "loss"
    if profit and not loss:
        return "profit"
    return None


def opposite_sign(text: str, a: Mention, b: Mention) -> bool:
    """One level named a loss and the other a profit."""
    x, y = loss_or_profit(text, a), loss_or_profit(text, b)
    return x is not None and y is not None and x != y


# A list stated respectively: A and B, up 12% and 15% respectively
RESPECTIVELY = re.compile(r"\brespectively\b|分别|分別|각각", re.I)
# 较第二季度的28亿美元, 相比2021年5月的12.4%, 较上年同期的净亏损3.2亿元: the level of the period
# compared with (a measure may be named between; a change verb may not: 比上年增加166万吨)
_VERSUS_PERIOD_OF = re.compile(
    # 比 alone, not 占比, 对比, 比重, 比例 (纯电动占比：5 月纯电动销量 83.40 万辆 is no comparison)
    r"(?:较|相比|相较|(?<![占对對])比(?![重例率值]))\s?[^，,。；;：:*]{0,10}?"
    r"(?:季度|月份?|年度?|期|周)(?:末|底)?的?"
    r"(?P<tail>[^\d，,。；;：:*]{0,8})(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$"
)
_MOVE_CHARS = re.compile(r"[增减減降升涨漲跌提下上回扩擴缩縮收]")


def versus_period(text: str, start: int) -> bool:
    """The figure at ``start`` follows 较/比 and the period compared with: that period's level."""
    m = _VERSUS_PERIOD_OF.search(text[max(0, start - 24) : start])
    return m is not None and not _MOVE_CHARS.search(m.group("tail"))


_CLOSE = re.compile(r"\s?[)）]")
# a bracketed note without figures of its own read (亿斤 and 亩 equivalents, an abbreviation)
BRACKETED = re.compile(r"[(（][^()（）%％]{1,24}[)）]")


def in_other_unit(text: str, gap: str, m: Mention, unit: tuple[object, ...]) -> int | None:
    """Where the bracket ends, for an amount in brackets right after a figure that is in another
    unit than ``unit`` (the same figure converted, ``(12358亿斤)``); None otherwise."""
    if gap.strip() not in ("(", "（") or m.fact.quantity.kind in (Kind.PERCENT, Kind.PP):
        return None
    q = m.fact.quantity
    if (q.kind, q.currency, q.unit) == unit:
        return None
    close = _CLOSE.match(text, m.local[1])
    return None if close is None else close.end()


# 고용률은 62.9%로, 渗透率为35.2%, 利润率为8.5%, gross margin was 45.2%: a rate of its own named
# right before it (a level of another measure), not the change of the figures before it;
# 增长率为12%, 성장률은 3%, a growth rate of 5% name a change
_RATE_NAMED = re.compile(
    r"(?:률|율|率|비중|점유율|占比|比重|\brate|\bmargin|\bratio|\bshare)\s?"
    r"(?:[은는이가]|为|為|达到?|達到?|是|\bwas|\bis|\bwere|\bof|\bstood\sat|[:：])?\s*$",
    re.I,
)
_CHANGE_RATE = re.compile(
    r"(?:增长|增長|增|降|涨|跌|성장|증가|감소|증감|변동|growth|change|increase|decrease|decline)"
    r"\s?(?:率|률|율|\s?rate)\s?(?:[은는이가]|为|為|是|\bwas|\bis|\bof|[:：])?\s*$",
    re.I,
)


def rate_named(text: str, m: Mention) -> bool:
    """A percent stated as the value of a named rate, share or margin (not a growth rate)."""
    lead = text[max(0, m.local[0] - 16) : m.local[0]]
    return bool(_RATE_NAMED.search(lead)) and not _CHANGE_RATE.search(lead)
