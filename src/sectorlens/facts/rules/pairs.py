"""Relation finding for derived figures: which two levels of one sentence a change links, and
which stated changes (a rate, a change amount, a %p change) belong to that pair.

Written constructions, not guesses: the earlier level is marked by ``from``/``에서``/``从``,
by a comparison (``보다``, ``than``, ``대비``, ``compared with``, ``较``), or by a parenthesis
after a word naming the earlier period (``전년(20억 달러)``, ``(去年同期为X)``,
``(November: 1.1%)``); the later level is the other level of the same unit in the clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import point
from sectorlens.facts.rules.levels import inherit_per_unit, per_unit
from sectorlens.facts.rules.moves import bare_move, near_trend, rate_levels
from sectorlens.facts.rules.pair_words import (
    RESPECTIVELY,
    opposite_sign,
    versus_period,
)
from sectorlens.model import Kind

# a bullet mark in running text (■ 실업률은 … ■ 취업자는 …) starts a new statement
SENTENCE_END = re.compile(r"[。！？；;■□●○◆◇▶►•▪※]|[.!?](?!\d)")
_TO_AFTER = re.compile(r"^\s?(?:으로|로)")
_FROM_AFTER = re.compile(r"^\s?에서")
# 2023년 203조4000억원에 이어 지난해 213조1000억원으로: the level a series goes on from (only
# where the two are dated in order: 삼성 30%에 이어 애플 25% ranks, it does not move)
_FOLLOWING = re.compile(r"^\s?에\s?이어")
# …增至2020年的150亿元, …to a record $5 billion: the later level right after a 'to' word
_TO_BEFORE = re.compile(
    r"(?:\bto|至|到|为)\s*\S{0,3}\s*$|(?:至|到|为)[^，,。；;：:]{0,10}$|\bto\s(?:[a-z]+\s){1,2}$",
    re.I,
)
# Between ``from A`` and its ``to B``: a few words, no clause boundary.
# …, whereas …: 늘어난 데 비해, 반면, 而 open a clause about another item
_CLAUSE_BREAK = re.compile(
    r"[,，;；、:：]|\band\b|\bwhile\b|\bwhereas\b|데\s?(?:비해|반해)|반면|而|但|"
    # 25% 줄었고 유럽은 15억 달러로: a Korean clause ends with its verb
    r"(?:었|였|했|았)고\s|(?:으)?며\s|지만\s|는데\s"
)
# A level compared with: 5.44%보다, 8.55% 대비, 785조원에 비해, than $3 billion
# (past the same figure in another unit: 전년 644명(611건) 대비)
_THAN_AFTER = re.compile(
    r"^(?:[(（][^()（）]{1,16}[)）])?\s?[)）]?\s?"
    r"(?:보다|대비|에\s?비해|과\s?비교해|와\s?비교해|相比|相較|相较|比较|比較)"
)
# than $3 billion ('over $5 billion' is more than, not a comparison)
_THAN_BEFORE = re.compile(r"\bthan\s(?:[a-z]+(?:['’]s)?\s){0,3}(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$", re.I)
# The earlier period named right before a parenthesis holding its level: 전년(20억 달러),
# 去年同期(…); or inside it: (去年同期为12.6万亿); a date inside it only with its separator:
# (November: 1.1%), (2022: $3.1 billion) — 2023 ($61 billion) may be the current year
_PREV = (
    r"전년|작년|지난해|전년\s?동기|전년\s?동월|전분기|전월|직전|前年|去年|上年|上月|上季度?|同期|"
    r"\bprior\b|\bprevious\b|\ba\syear\s(?:earlier|ago)\b|\blast\syear\b|\byear[-\s]earlier\b"
)
_DATE_WORD = (
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:19|20)\d{2}\b"
)
_PAREN_PRIOR = re.compile(
    rf"(?:(?:{_PREV})[^\d()（）]{{0,4}}[(（]\s*"
    rf"|[(（]\s*[^()（）\d]{{0,10}}(?:{_PREV})[^()（）\d]{{0,12}}?(?:为|為|:|：|은|는|was)?\s*"
    rf"|[(（]\s*(?:{_DATE_WORD})[^()（）\d]{{0,6}}?(?:为|為|:|：|was)\s*)"
    r"(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$",
    re.I,
)
# A change word right after an amount, past a parenthesized or listed rate: 13조원(22.4%) 증가,
# 45조원, 5.8% 늘었다, (51억 달러) 증가, 162万吨,下降1.2%
_RATE_AFTER = r"(?:\s?[(（][^()（）]{0,14}[)）]|\s?[,，·]\s?[-+]?\d[\d.,]*\s?%)?"
# (46명(7.1%), 27건(4.4%) 감소: the same change counted in another unit before the verb)
_OTHER_UNIT_CHANGE = rf"(?:\s?,\s?\d[\d.,]*\s?[가-힣]{{1,2}}{_RATE_AFTER})?"
_CHANGE_VERB_AFTER = re.compile(
    rf"^{_RATE_AFTER}{_OTHER_UNIT_CHANGE}\s?[)）]?\s?(?:[을를이가]\s?)?"
    rf"(?:{lx.KO_MOVE_AFTER}|增长|增加|下降|减少|減少|下滑)"
    r"(?![了]?\s?(?:至|到|为|為))"
    r"|^\s?(?:—|-|–)?\s?(?:or\s[\d.]+%\s?(?:—|-|–)\s?)?(?:increase|decrease|rise|decline|gain|drop)\b"
    # $53.6 million or 12% higher than last quarter: the amount is the difference
    r"|^\s?,?\s?(?:or\s[\d.]+\s?(?:%|percent)\s?,?\s?)?"
    r"(?:higher|lower|more|less|greater|above|below)\s(?:than|compared|from|versus)\b",
    re.I,
)
# A change word right before an amount: increased by $63 million, a decrease of $3 million,
# rose $51.6 billion, were up $3.9 billion, 比上年减少162万吨
_CHANGE_VERB_BEFORE = re.compile(
    r"(?:\bby|(?:increase|decrease|rise|decline|gain|drop|growth|uplift|boost|surge|jump|fall|"
    r"reduction)\sof|\bup|\bdown|rose|fell|"
    r"grew|gained|"
    r"dropped|declined|jumped|slipped|climbed|"
    r"增加了?|减少了?|減少了?|增长了?|下降了?|增产了?|减产了?|增收|减收|增支|减支|增|减|涨|跌)"
    r"(?:\san?(?:\s[a-z]+)?)?\s*"  # by an impressive £8.4 billion
    r"(?:approximately|about|some|nearly|约|近)?\s*(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two levels of one measure the text links: the earlier and the later."""

    prior: Mention
    current: Mention
    stated: bool  # linked in one sentence by the text, not inferred


def unit_of(m: Mention) -> tuple[object, ...]:
    """What makes two levels comparable: kind, currency and unit."""
    q = m.fact.quantity
    return (q.kind, q.currency, q.unit)


def change_amount(text: str, m: Mention) -> bool:
    """An amount stated as a change: ``by $63 million``, ``45조원, 5.8% 늘었다``."""
    start, end = m.local
    if versus_period(text, start):
        return False  # 较第二季度的28亿美元下降25%: the level compared with, then the change
    if m.fact.quantity.input.startswith("+"):
        return True  # rose by 24% (+245 TWh): a level is never written with a plus sign
    if _CHANGE_VERB_AFTER.match(text[end : end + 24]):
        return True
    lead = text[max(0, start - 32) : start]
    return bool(_CHANGE_VERB_BEFORE.search(lead)) and not re.search(r"(?:\bto|至|到)\s*$", lead)


def is_level(text: str, m: Mention) -> bool:
    """A level of a measure: not a rate of change, not a %p change, not a change amount, not
    the one of ``여성 한 명이 평생 낳을``, ``한 곳당`` (a unit counted per, written in words)."""
    q = m.fact.quantity
    if point(q) is None or m.change in ("cagr", "qoq") or q.kind is Kind.PP:
        return False
    if _ONE_IN_WORDS.match(q.input):
        return False
    if q.kind is Kind.PERCENT:
        if m.change not in ("from", "versus") and bare_move(text, m.local[0]):
            return False
        return m.change in (None, "from", "versus") or not near_trend(text, m)
    return m.change in ("from", "versus") or not change_amount(text, m)


_ONE_IN_WORDS = re.compile(r"^(?:한|하나|one|一)\s?\S{0,2}$", re.I)
# up from the previous estimate of 2.5%, compared with a year-earlier figure of $3 billion
_FROM_WORDS = re.compile(
    r"\b(?:from|versus|compared\s(?:to|with))\s(?P<words>(?:[a-z-]+\s){0,5}?)of\s"
    r"(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$",
    re.I,
)
# decreased 3.2 percent to $293.6 million from net sales of $303.5 million: after a 'to'
# level, 'from <the measure> of' names the earlier one
_TO_LEVEL = re.compile(r"\bto\s(?:[$€£¥￥₩]|[A-Z]{3}\s?)?\d[\d,.]*\s?(?:[a-z]+\s?)?$", re.I)
# …or a rate itself: from a monthly increase of 0.3 percent (in June) to 0.2 percent
# a 19% increase from 2017, when it exported $8.8 billion; 去年同期的数值为3.105亿部
_FROM_YEAR_WHEN = re.compile(
    r"\bfrom\s(?:19|20)\d{2},?\s(?:when|in\swhich)\b[^.;]{0,60}$"
    r"|(?:去年同期|上年同期|去年|上年)[^\d。；;]{0,12}(?:为|為)\s*$",
    re.I,
)
# compared with the consensus EPS estimate of NT$3.80: the base of a comparison, whatever the
# words between
_COMPARED_OF = re.compile(
    r"\bcompared\s(?:to|with)\s(?:[\w&'.-]+\s){0,10}?of\s(?:[$€£¥￥₩]|[A-Z]{2,3}\$?\s?)?$", re.I
)
# An opening balance (期初余额47322.31元, 年初数, 上年末, 기초 잔액): the earlier level of the
# closing one (期末余额4521.6元) beside it.
_OPENING = re.compile(
    r"(?:期初|年初|上年末|上年年末|上期末|기초|전기말|전년말)\s?(?:余额|餘額|数|數|金额|金額|잔액)?"
    r"\s?(?:为|為|是|은|는|:|：)?\s?$"
)
_EARLIER = re.compile(
    r"previous|prior|earlier|last|year[-\s]ago|initial|revised|"
    r"increase|decrease|rise|decline|gain|drop|growth|rate|pace",
    re.I,
)


def is_prior(text: str, m: Mention) -> bool:
    """A level the text marks as the earlier one of a comparison."""
    start, end = m.local
    return bool(
        m.change in ("from", "versus")
        or _FROM_AFTER.match(text[end:])
        or _FOLLOWING.match(text[end:])
        or _THAN_AFTER.match(text[end : end + 10])
        or _THAN_BEFORE.search(text[max(0, start - 30) : start])
        or _PAREN_PRIOR.search(text[max(0, start - 40) : start])
        or _OPENING.search(text[max(0, start - 12) : start]) is not None
        or versus_period(text, start)
        or _FROM_YEAR_WHEN.search(text[max(0, start - 80) : start]) is not None
        or _COMPARED_OF.search(text[max(0, start - 90) : start]) is not None
        or bool(
            (w := _FROM_WORDS.search(text[max(0, start - 60) : start]))
            and (
                _EARLIER.search(w.group("words"))
                or _TO_LEVEL.search(text[: max(0, start - 60) + w.start()])
            )
        )
    )


def find_pairs(text: str, members: Sequence[Mention]) -> list[Pair]:
    """``from A to B`` / ``B, up X% from A`` / ``A에서 B로`` / ``B(으)로 전년(A) 대비`` /
    ``작년(A)보다 … 늘어난 B`` / ``从A增至B`` in one sentence.

    Amounts per share (or per person, per unit) pair only with amounts per share.
    """
    out = []
    keys = {id(m): (*unit_of(m), per_unit(text, m)) for m in members}
    levels = [m for m in members if is_level(text, m)]
    inherit_per_unit(text, levels, keys)
    if rate_levels(text):  # 10월(2.0%)보다 상승폭이 줄었지만 11월 1.5% 올라: rates as levels
        rates = [
            m
            for m in members
            if m.fact.quantity.kind is Kind.PERCENT
            and point(m.fact.quantity) is not None
            and not bare_move(text, m.local[0])
        ]
        # (575억 달러에서 564억 달러로 감소했지만 증가세를 유지: no rates, the amounts are levels)
        levels = rates if len(rates) >= 2 else levels
    paired: set[int] = set()
    for _i, prior in enumerate(levels):
        if not is_prior(text, prior) or id(prior) in paired:
            continue
        same = [x for x in levels if keys[id(x)] == keys[id(prior)] and x is not prior]
        if _part_in_brackets(text, prior, same):
            continue  # 전년 794만대(내수 135만대·수출 658만대)보다: 보다 is the whole's
        if len(same) >= 2 and RESPECTIVELY.search(text):
            continue  # A and B, up 12% and 15% respectively, from C and D: pairs by position
        later = [x for x in same if x.local[0] > prior.local[0] and id(x) not in paired]
        earlier = [x for x in same if x.local[0] < prior.local[0] and id(x) not in paired]
        between = text[prior.local[1] : later[0].local[0]] if later else ""
        pair = None
        if (
            later
            and not SENTENCE_END.search(between)
            and not _CLAUSE_BREAK.search(between)
            and (
                _TO_AFTER.match(text[later[0].local[1] :])
                or _TO_BEFORE.search(text[: later[0].local[0]])
            )
        ):
            pair = Pair(prior, later[0], True)
        elif earlier and not SENTENCE_END.search(text, earlier[-1].local[1], prior.local[0]):
            current = _before_its_parts(text, earlier)
            if current is not None and not is_prior(text, current):
                pair = Pair(prior, current, True)  # B, up 64% from A; B로 전년(A) 대비
        elif (
            later
            and not SENTENCE_END.search(between)
            and not _foreign_number(text, prior.local[1], later[0].local[0], members)
            # 2019년(7057만여명) 대비 … 2023년(5576만여명) 대비: two bases, no move between them
            and not is_prior(text, later[0])
        ) and (not _CLAUSE_BREAK.search(between) or _in_order(prior, later[0])):
            pair = Pair(prior, later[0], _TO_AFTER.match(text[later[0].local[1] :]) is not None)
        if pair is not None and _FOLLOWING.match(text[prior.local[1] :]):
            pair = pair if _in_order(pair.prior, pair.current) else None
        if pair is not None and _scale_lost(pair):
            pair = None  # EUR233.5m … compared to EUR197.8min the previous year: a scale unread
        if pair is not None and _one_bracket_list(text, pair.prior, pair.current):
            pair = None  # 전년(2조5040억 원, 990억 원)보다: two earlier levels, listed
        if pair is not None and opposite_sign(text, pair.prior, pair.current):
            pair = None  # net loss of $1.2 billion, compared with net income of $0.8 billion
        if pair is not None:
            paired |= {id(pair.prior), id(pair.current)}
            out.append(pair)
    return out


def open_bracket(text: str, pos: int) -> int | None:
    """Where the bracket still open at ``pos`` opens (the last one before it, not closed)."""
    opened = max(text.rfind("(", 0, pos), text.rfind("（", 0, pos))
    if opened < 0 or re.search(r"[)）]", text[opened:pos]):
        return None
    return opened


def _before_its_parts(text: str, earlier: Sequence[Mention]) -> Mention | None:
    """The last level before, or the level its bracket of parts follows: ``1억 2005만명(국내선
    3113만명, 국제선 8892만명)으로 전년(1억 50만명)보다`` pairs the whole, not 국제선."""
    last = earlier[-1]
    opened = open_bracket(text, last.local[0])
    if opened is None:
        return last  # not inside brackets
    if sum(x.local[0] > opened for x in earlier) < 2:
        return last  # 여객 수(1억 2005만명)는: the level itself in brackets
    whole = [x for x in earlier if x.local[1] <= opened]
    if whole and not text[whole[-1].local[1] : opened].strip():
        return whole[-1]
    return None  # parts in brackets after no level: no pair


def _part_in_brackets(text: str, m: Mention, same: Sequence[Mention]) -> bool:
    """``m`` stands with another level of its unit in brackets opened right after a level of
    that unit: a part of it (``(2022: £129.9m)`` holds one, last year's)."""
    opened = open_bracket(text, m.local[0])
    if opened is None:
        return False
    if not any(x.local[0] > opened and x.local[1] <= m.local[0] for x in same):
        return False
    return any(x.local[1] <= opened and not text[x.local[1] : opened].strip() for x in same)


def _scale_lost(pair: Pair) -> bool:
    """Two levels a thousandfold apart, one written with a scale word and one without: the
    other's scale was not read (a typo, a unit joined to the next word)."""
    a, b = point(pair.prior.fact.quantity), point(pair.current.fact.quantity)
    if not a or not b:
        return False
    scaled = [bool(_SCALE_WORD.search(m.fact.quantity.input)) for m in (pair.prior, pair.current)]
    return scaled[0] != scaled[1] and max(abs(a), abs(b)) >= 1000 * min(abs(a), abs(b))


_SCALE_WORD = re.compile(
    r"\d\s?(?:thousand|million|billion|trillion|tn|bn|mn|mln|[kmb])\b|[万萬亿億억조천만]", re.I
)


def _one_bracket_list(text: str, a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` listed in one bracket (``(2조5040억 원, 990억 원)``)."""
    lo, hi = sorted((a, b), key=lambda m: m.local[0])
    opened = open_bracket(text, lo.local[0])
    if opened is None or re.search(r"[()（）]", text[lo.local[1] : hi.local[0]]):
        return False
    return bool(re.search(r"[,，、·]", text[lo.local[1] : hi.local[0]]))


def _foreign_number(text: str, start: int, end: int, members: Sequence[Mention]) -> bool:
    """A number between two levels that is neither a fact nor a year: one that was not read."""
    chars = list(text[start:end])
    for m in members:
        for i in range(max(m.local[0], start), min(m.local[1], end)):
            chars[i - start] = " "
    between = "".join(chars)
    dates = r"(?<!\d)(?:19|20)\d{2}(?!\d)|’\d{2}|\d{1,2}\s?(?:월|일|月|日|분기|季度)|Q\d"
    return bool(re.search(r"\d", re.sub(dates, "", between)))


def _in_order(prior: Mention, later: Mention) -> bool:
    """Both levels dated, the 'from' one earlier: ``from X in 2019, reaching Y in 2020``."""
    a, b = prior.fact.period, later.fact.period
    return a is not None and b is not None and a.end < b.end


_FAR = Decimal(100)


def far_apart(a: Mention, b: Mention) -> bool:
    """Two levels of one sign a hundred times apart with no two periods of their own to tell them
    apart: no move of one measure, but two figures paired by their order alone (``311만섬 …
    476``, ``1억 50만명 … 8892명``); ``2021년 281MWh에서 2022년 3만91MWh로`` dates its move."""
    x, y = point(a.fact.quantity), point(b.fact.quantity)
    if not x or not y or (x < 0) != (y < 0):
        return False
    pa, pb = a.fact.period, b.fact.period
    if pa is not None and pb is not None and pa != pb:
        return False
    return not 1 / _FAR <= abs(y / x) <= _FAR
