"""Which way a figure moved, as the words beside it say: trend words (증가, 下降, rose), the
verbs news writes for sharp moves (급증, 뛰며, 跌), bare ``up``/``down``, and the size of a move
and what it did (상승폭이 축소, 增速放缓, the pace slowed)."""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import bounds, half_unit, point
from sectorlens.model import Qualifier, Quantity

_TREND = re.compile(rf"(?:{lx.TREND_UP})|(?:{lx.TREND_DOWN})", re.I)
# The trend words, and the verbs news writes for sharp or plain moves (급증, 뛰며, 内렸고, 涨, 跌)
_UP = lx.compile_words(
    f"{lx.TREND_UP}|{lx.HEADLINE_UP}|급증|급등|뛰었|뛰며|올랐|올라|오르며|jumped|soared"
)
_DOWN = lx.compile_words(
    f"{lx.TREND_DOWN}|{lx.HEADLINE_DOWN}|급감|급락|내렸|내려|내리며|떨어|缩减|縮減|缩水|"
    r"slipped|sank|\beased"
)


# The size of a move and what it did: 상승폭이 줄었지만, 增速放缓, the pace of growth slowed
_RATE_NOUN = (
    r"(?:상승|오름|증가|하락|내림|감소|성장)\s?(?:폭|률|세)|增速|增幅|涨幅|降幅|跌幅|"
    r"增长(?:速度|幅度)|growth\srate|pace"
)
_RATE_UP = r"확대|커|늘|높아|가팔라|加快|扩大|提高|回升|widen|accelerat|quicken|pick"
_RATE_DOWN = r"축소|줄|작아|낮아|둔화|放缓|回落|收窄|缩小|narrow|slow|decelerat"
_RATE_MOVE = re.compile(
    rf"(?:{_RATE_NOUN})[^\d,，.。;；]{{0,6}}?(?:(?P<up>{_RATE_UP})|(?P<down>{_RATE_DOWN}))", re.I
)


def rate_move(text: str) -> str | None:
    """up/down where ``text`` says how the size of a move changed (상승폭이 축소, 增速加快)."""
    m = _RATE_MOVE.search(text)
    if m is None:
        return None
    return "up" if m.group("up") else "down"


_PCT = r"(?:%|\spercent\b|\sper\scent\b)"
_RATE_FROM_TO = re.compile(
    rf"\bfrom\b[^%,;]{{0,40}}?{_PCT}[^%,;]{{0,40}}?\bto\b[^%,;]{{0,12}}?{_PCT}", re.I
)


def rate_levels(text: str) -> bool:
    """The sentence compares rates of change themselves (상승폭, 增速, growth rate, from an
    increase of 0.3% to 0.2%)."""
    return bool(re.search(_RATE_NOUN, text, re.I) or _RATE_FROM_TO.search(text))


_BARE = re.compile(r"\b(up|down|higher|lower)\s(?:by\s)?(?:[$€£¥₩]|[A-Z]{3}\s?)?$", re.I)
# Net debt lower at £20.2m (2022: £36.2m): the level reached, after its direction
_BARE_AT = re.compile(r"\b(up|down|higher|lower)\sat\s(?:[$€£¥₩]|[A-Z]{3}\s?)?$", re.I)


def bare_move(text: str, start: int) -> bool:
    """The number at ``start`` comes right after up/down (``up 0.8 percent from …``): a change."""
    return _BARE.search(text[max(0, start - 12) : start]) is not None


# Where the clause of a number starts: a comma, or a contrast (늘어난 데 비해 / 반면 / whereas)
# a clause boundary: a comma, or a contrast (반면, 지만, but, whereas, 而)
CLAUSE = re.compile(
    r"[,，;；…]|데\s?(?:비해|반해)|반면|지만|\bwhereas\b|\bwhile\b|\bbut\b|而|但", re.I
)


def _lead(text: str, start: int, reach: int) -> str:
    """The ``reach`` characters before ``start``, without a word cut in two at the window's
    edge ('increased' cut to 'eased' is no fall)."""
    a = max(0, start - reach)
    while (
        0 < a < min(start, len(text))
        and text[a - 1].isascii()
        and text[a - 1].isalpha()
        and text[a].isalpha()
    ):
        a += 1
    return text[a:start]


_RATE_NAME = re.compile(r"\s?[률율率]|액")  # (and 증가액: the amount of an increase, a measure)


def _moves(words: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The trend words in ``text`` but those naming a rate (물가상승률, 경제성장률, 增长率) or an
    amount of change (증가액): the name of a measure says nothing of which way it moved."""
    return [m for m in words.finditer(text) if not _RATE_NAME.match(text, m.end())]


# 매출 증가 업체의 비율은 …, 영업이익이 늘어난 업체 비율은 …, 증가했고 영업이익은 …: a Korean
# trend word before the topic or subject of the figure's clause modifies that noun or ends an
# earlier clause; the figure's own verb comes after it
_TOPIC_AFTER = re.compile(r"\s[가-힣A-Za-z]+(?:은|는|이|가)(?:\s|$)")


def direction_word(text: str, start: int, end: int, reach: int = 30) -> str | None:
    """up/down from the trend word nearest the span ``text[start:end]`` (its clause)."""
    lead = CLAUSE.split(_lead(text, start, reach))[-1]
    bare = _BARE.search(lead) or _BARE_AT.search(lead)  # down 3.9 points, up 7.6%, lower at £2m
    if bare is not None:
        return "up" if bare.group(1).lower() in ("up", "higher") else "down"
    tail = re.split(r"[,，;；]", text[end : end + 12])[0]
    ups = [m.end() for m in _moves(_UP, lead) if not _TOPIC_AFTER.search(lead, m.end())]
    ups += [100 + m.start() for m in _moves(_UP, tail)]
    downs = [m.end() for m in _moves(_DOWN, lead) if not _TOPIC_AFTER.search(lead, m.end())]
    downs += [100 + m.start() for m in _moves(_DOWN, tail)]
    if not ups and not downs:
        return None

    def closeness(pos: int) -> int:  # the last word before the number, else the first after
        return len(lead) - pos if pos < 100 else pos

    best_up = min((closeness(p) for p in ups), default=10**6)
    best_down = min((closeness(p) for p in downs), default=10**6)
    return "up" if best_up < best_down else "down"


def near_trend(text: str, m: Mention) -> bool:
    """A trend word right next to the number, in its own clause."""
    start, end = m.local
    lead = re.split(r"[,，;；]", _lead(text, start, 14))[-1]
    tail = re.split(r"[,，;；]", text[end : end + 8])[0]
    return bool(_TREND.search(lead) or _TREND.search(tail))


def moved(a: Quantity, b: Quantity) -> str | None:
    """``up``/``down`` where ``b`` is certainly above/below ``a`` with their rounding, else None.

    Two different values written to the same precision are ordered as written (9.2 → 9.1 is a
    fall although 9.15 may round either way).
    """
    a_lo, a_hi = bounds(a)
    b_lo, b_hi = bounds(b)
    va, vb = point(a), point(b)
    if None in (a_lo, a_hi, b_lo, b_hi) or va is None or vb is None:
        return None
    assert a_lo is not None and a_hi is not None and b_lo is not None and b_hi is not None
    same = half_unit(a) == half_unit(b) and Qualifier.EXACT is a.qualifier is b.qualifier
    if b_lo > a_hi or (same and vb > va and b_lo >= a_hi):
        return "up"
    if b_hi < a_lo or (same and vb < va and b_hi <= a_lo):
        return "down"
    return None


def rate_range(
    a_lo: Decimal, a_hi: Decimal, b_lo: Decimal, b_hi: Decimal
) -> tuple[Decimal, Decimal]:
    """The lowest and highest % change from a positive level in [a_lo, a_hi] to one in
    [b_lo, b_hi] (the later level may be negative: 1,300 to -2,100 is -261.54%)."""
    rates = [(b - a) / a * Decimal(100) for a in (a_lo, a_hi) for b in (b_lo, b_hi)]
    return min(rates), max(rates)


# Better and worse (개선, 악화, 改善, improved): a direction only for a measure whose better way
# is known — a margin or a return is better higher, an unemployment or debt ratio lower.
_BETTER = re.compile(r"개선|좋아|호전|改善|好转|好轉|\bimprov(?:ed|ing)\b", re.I)
_WORSE = re.compile(r"악화|나빠|恶化|惡化|\bworsen(?:ed|ing)\b|\bdeteriorat(?:ed|ing)\b", re.I)
_HIGHER_BETTER = re.compile(
    r"이익률|수익률|이익의?\s?비율|마진|利润率|利潤率|毛利率|净利率|淨利率|收益率|"
    r"\b(?:gross|operating|profit|net)\smargins?\b|\breturn\son\s(?:equity|assets)\b",
    re.I,
)
_LOWER_BETTER = re.compile(
    r"실업률|부채\s?비율|원가율|연체율|失业率|失業率|负债率|負債率|不良率|"
    r"\bunemployment\srate\b|\bdebt[-\s]to[-\s]equity\b|\bdelinquency\srate\b",
    re.I,
)


def judged(text: str, start: int) -> bool:
    """The figure at ``start`` follows a word that says better or worse (``improved by 6.2
    percentage points``): a direction only the measure's better way tells."""
    lead = re.split(r"[,，;；.。]", text[max(0, start - 24) : start])[-1]
    return bool(_BETTER.search(lead) or _WORSE.search(lead))


def better_or_worse(text: str, start: int, end: int) -> str | None:
    """up/down where the clause says a measure of known better way improved or worsened."""
    subject = re.split(r"[,，;；.。]", text[max(0, start - 40) : start])[-1]
    tail = re.split(r"[;；.。]", text[end : end + 24])[0]
    words = subject + " " + tail
    better, worse = _BETTER.search(words), _WORSE.search(words)
    if (better is None) == (worse is None):
        return None
    if _HIGHER_BETTER.search(subject) and not _LOWER_BETTER.search(subject):
        return "up" if better else "down"
    if _LOWER_BETTER.search(subject) and not _HIGHER_BETTER.search(subject):
        return "down" if better else "up"
    return None
