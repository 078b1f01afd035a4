"""What a number states besides its level: a CAGR, a change year over year or quarter over
quarter, a signed change, the earlier level of a change (``from``) or a compared value
(``versus``) — read from the words around it."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx

CHANGE_KINDS = ("cagr", "yoy", "qoq", "change")
_CHANGE = (
    (
        "cagr",
        re.compile(
            r"CAGR|compound(?:ed)?\sannual|연평균\s?(?:성장률|증가율|성장|증가)?|"
            r"年(?:均)?复合(?:增长率|增速)?|年均(?:增长率|增速|增长)?|复合增长率",
            re.I,
        ),
    ),
    (
        "yoy",
        re.compile(
            r"同比|按年|較上年|较上年|比上年|上年同期|YoY|Y/Y|year[-\s]over[-\s]year|"
            r"year[-\s]on[-\s]year|"
            r"from\sa\syear\s(?:ago|earlier)|전년\s?(?:동기\s?)?대비|전년비|전년동기비",
            re.I,
        ),
    ),
    (
        "qoq",
        re.compile(
            r"环比|環比|按季|按月|QoQ|Q/Q|sequential(?:ly)?|quarter[-\s]over[-\s]quarter|전분기\s?대비|"
            r"전월\s?대비|전기\s?대비",
            re.I,
        ),
    ),
    (
        "change",
        re.compile(
            r"增长|增加|增幅|增速|下降|下滑|减少|降幅|上升|提升|回落|上涨|下跌|涨幅|跌幅|上行|下行|"
            # 增收34.96亿元, 减收1941万元: revenue (or spending, 增支) up or down by an amount
            r"增收|减收|增支|减支|"
            r"증가|감소|성장|상승|하락|늘어|줄어|확대|축소|"
            # 1767조원으로 동기간 2000억원 (줄었다): the change over the period just compared
            r"(?:으로|로)\s동기간\s?$|"
            r"\b(?:increase[sd]?|increasing|decrease[sd]?|decreasing|grew|growth|growing|rose|"
            r"rising|fell|falling|declined?|declining|up|down|gain(?:ed)?|drop(?:ped)?|"
            r"higher|lower)\b|[▲▼△▽↑↓]",
            re.I,
        ),
    ),
)
# the words of a change against the year before, and against the month or quarter before
YEAR_ON_YEAR, SEQUENTIAL = _CHANGE[1][1], _CHANGE[2][1]
_ZH_SHORT_CHANGE = re.compile(r"[\u4e00-\u9fff](?:增|降|涨|跌|减)\s?$")
_YOY_AFTER = re.compile(
    r"^\s?(?:[(（]\s?)?(?:Y/Y|YoY|year[-\s]over[-\s]year|year[-\s]on[-\s]year|同比)", re.I
)
_EN_DASH_BEFORE = re.compile(r"[A-Za-z] - ?$")
_SIGN_BEFORE = re.compile(r"(?:^|[\s(（:：,，])[+\-−]\s?$")
_BULLET = re.compile(r"\s*[-−–]\s")
_LEVEL_LEAD = re.compile(
    r"(?:증가한|감소한|성장한|상승한|하락한|늘어난|줄어든|확대된|축소된|\bto|\breach(?:ed|ing)?|"
    # 7.4% higher at £139.5m: the level reached
    r"\b(?:higher|lower|up|down|increased|decreased|rose|fell|grew)\s+at|"
    r"(?:至|到|达到?|为|升至|降至|增至|减至)(?:目前的|当前的|现在的|了)?)\s*"
    r"(?:approximately|about|around|nearly|约|近)?\s*(?:[$€£¥￥₩]|[A-Z]{3}\s?)?\s*$",
    re.I,
)
_RATE_LEAD = re.compile(
    r"(?:增长率|增速|增幅|降幅|growth\srate|증가율|성장률|감소율)\s*(?:为|是|达|of|was|is|은|는|이)?\s*$",
    re.I,
)
_CAGR_AFTER = re.compile(
    r"^\s*(?:compounded annually|compound(?:ed)? annual|per annum|annually)", re.I
)
_VERSUS_LEAD = re.compile(
    r"(?:compared\s(?:to|with)|versus|\bvs\.?|as against)\s(?:[^\d,;.]{0,30}\s)?"
    r"(?:[$€£¥￥₩]|[A-Z]{3}\s?)?$",
    re.I,
)
_VERSUS_ZH = re.compile(
    r"(?:较|比|相比|相较|对比)\s?(?:(?:19|20)\d{2}\s?年|上年|去年|同期|上月|年初)?"
    r"[^\d，,。；;]{0,4}[（(]\s*$"
)
# 较上年的13.2万吨, 比上年末的9.77%, 较2021年的500亿元: the level compared with, not a change
_VERSUS_ZH_OF = re.compile(
    r"(?:较|比|相比|相较|对比)\s?(?:上年同期|上年末|上年|去年同期|去年|同期|上月|年初|上季度|"
    r"(?:19|20)\d{2}\s?年(?:末|同期)?)\s?(?:的|之)\s*$"
)
# 较2022年63.27%微幅提升, 比上年末9.77%有所上升: the level compared with, written between the
# comparison word and the direction verb (较上年增长5% has the verb first: a change)
_VERSUS_ZH_BARE = re.compile(
    r"(?:较|比|相比|相较)\s?(?:(?:19|20)\d{2}\s?年(?:末|底|同期)?|上年(?:末|底|同期)?|"
    r"去年(?:末|底|同期)?|上月|上季度?|年初)\s*$"
)
_MOVE_AFTER_ZH = re.compile(
    r"^\s?(?:微幅|小幅|大幅|略有|略微|稍有|有所|明显|显著|进一步|继续)?\s?"
    r"(?:提升|提高|上升|增长|增加|下降|下滑|减少|回落|降低|扩大|收窄|缩小|萎缩|回升|上涨|下跌)"
)
_DATED = re.compile(r"(?:19|20)\d{2}\s?(?:年|년)?\s?(?:的|의)?\s?$")
_FROM_LEAD = re.compile(
    r"(?:\bfrom|从|由)(?:[^\d,，。;；\s]{0,5}|\s)\s*(?:[$€£¥￥₩]|[A-Z]{3}\s?)?\s*$", re.I
)
# £139.5m (2022: £129.9m), 208.3p (FY22: 195.7p): last year's figure, labelled in brackets
_COMPARATIVE_LEAD = re.compile(
    r"[(（]\s?(?:(?:FY\s?)?(?:19|20)?\d{2}(?:/\d{2})?|prior\syear|last\syear|previous\syear)"
    r"\s?[:：]\s?[-+]?\s?(?:[$€£¥￥₩]|[A-Z]{1,3}\$?\s?)?\s?$",
    re.I,
)
# 500万元提高到2000万元, 20%左右提高到近30%: the level before a move to another one
_ZH_MOVED_TO = re.compile(
    r"\s?(?:左右|上下)?\s?(?:提高|提升|增加|增长|上升|上涨|扩大|下降|降低|减少|回落|下跌|缩小|增|降|升|减|涨|跌)"
    r"(?:到|至)\s?(?:了)?\s?(?:近|约|超过|逾|不足)?\s?\d"
)
# 6.86%에서 4.67%로, 120억 원에서 150억 원으로: the level a change starts from
_KO_FROM_TO = re.compile(
    r"\s?에서\s(?:[^\d,.]{0,8}\s)?[\d.,]+(?:\s?[^\s\d,.]{1,4}?){0,2}?(?:으로|로)(?=\s|$)"
)
# 80조원보다 12조원 많은 92조원: the level compared with (보다, then 많은/적은/높은/낮은 after
# it), then the difference (많은 after it, a 보다 before it); 보다 alone marks no earlier level
# (147조원보다 3.32% 늘었다 is checked as a growth rate)
_KO_THAN_AFTER = re.compile(
    r"[)）]?\s?보다\s[^,.]{0,16}?(?:더\s)?(?:많|적|높|낮)(?:은|아|어|다|게|았|었)"
)
_KO_MORE_AFTER = re.compile(r"\s?(?:더\s)?(?:많|적|높|낮)(?:은|아|어|다|게|았|었)")
_VALUE_ADDED = re.compile(r"增加值|附加值|부가가치|\bvalue[-\s]added\b", re.I)
_CHANGE_AFTER = re.compile(
    # a bracketed note may sit between (67조7564억원(44.4%) 늘어, 13조4055억원(22.4%) 증가)
    r"^(?:\s?[(（][^()（）]{1,24}[)）])?\s?(?:[을를이가씩]\s?)?"
    rf"(?:{lx.KO_MOVE_AFTER})"
    r"|^\s(?:increase|decrease|growth|rise|decline|gain|drop|jump|improvement)\b"
    # 7.4% higher at £139.5m (not 14% higher organic sales: an adjective of the noun after it)
    r"|^\s(?:higher|lower)(?=\s(?:at|than|in|on|year|compared|versus)\b|\s?[,.;)]|\s?$)"
    r"|^\s?(?:的)?(?:增长|增幅|下降|降幅)"
    r"|^\s?[↑↓▲▼△▽]",  # 45조 원·71.7%↑: an arrow after the number marks its change
    re.I,
)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_OR_AFTER_CHANGE = re.compile(r"\s?,?\s?or\s(?:by\s)?", re.I)
_NEW_TOPIC = re.compile(r"[,，;；]\s*([^\s,，;；]*[\uac00-\ud7a3][은는이가]\s)")


_CLAUSE_SEP = re.compile(r"[,，;；]")
_BARE_YEAR = re.compile(r"\b(?:19|20)\d{2}\b\s?")


def change_of(text: str, start: int, end: int, floor: int) -> str | None:
    """What the number at ``text[start:end]`` states: cagr, yoy, qoq, change, from, or None.

    ``from`` marks the earlier level of a change (``up from $3.3 billion``, ``从…增至``);
    a level reached (``increased to X``) is None. Looks at the words since the previous number
    (``floor``), a sign right before it (``同比 + 14.52%``, ``▲1.7%``) and a change word right
    after it (``30% 증가``).
    """
    return change_in_simplified(lx.simplified(text), start, end, floor)


def change_in_simplified(text: str, start: int, end: int, floor: int) -> str | None:
    """``change_of`` in a text already simplified (``lx.simplified``: 增長, 減少, 上漲 read as
    增长, 减少, 上涨, the same length), simplified once for all the numbers of a sentence."""
    if text[start : start + 1] in ("+", "-", "−", "▲", "▼"):
        return _plain_change(text, end)  # +30.09%: a signed number states a change
    before = _CHANGE_AFTER.match(text[floor:start]) if floor > 0 else None
    if before is not None:
        # 13.8% 증가하였고, 영업이익은 122억원으로: the change word after the number before is
        # that number's (the verb comes last); a new clause with a topic of its own starts
        # this number's words (a 10% increase, or $63 million: still the increase)
        clause = _NEW_TOPIC.search(text[floor:start])
        if clause is not None:
            floor += clause.start(1)
        elif _HANGUL.search(before.group(0)):
            floor += before.end()  # 5.2% 성장을 거듭해 2030년에 1,373억 달러: 성장 is the rate's
    if floor > 0 and _OR_AFTER_CHANGE.fullmatch(text, floor, start):
        # an increase of £28.4 billion or 7%: the rate of the change just named
        named = _CLAUSE_SEP.split(text[max(0, floor - 48) : floor])[-1]
        if _CHANGE[3][1].search(named) and not _LEVEL_LEAD.search(named):
            return _plain_change(text, end)
    lead = _DATED.sub("", text[floor:start])  # 从2019年的120亿元: the period is no word
    lead = _VALUE_ADDED.sub("", lead)  # 第二产业增加值209415亿元: value added, not an increase
    lead = lead[max(0, len(lead) - 30) :]
    # 增加税负…等不利因素，全年实现营业收入: another clause; after a figure, …用电量增长较快；
    # 城乡居民生活用电量1155亿千瓦时: the change word of another statement
    lead = (_CLAUSE_SEP if floor == 0 else lx.STATEMENT_END).split(lead)[-1]
    if _CHANGE[0][1].search(lead):
        return "cagr"
    if (
        _FROM_LEAD.search(lead)
        or _KO_FROM_TO.match(text, end)
        or _ZH_MOVED_TO.match(text, end)
        or _COMPARATIVE_LEAD.search(lead)
    ):
        return "from"
    if _KO_THAN_AFTER.match(text, end):
        return "versus"
    if _KO_MORE_AFTER.match(text, end) and "보다" in text[max(floor, start - 40) : start]:
        return "change"
    undated = _BARE_YEAR.sub("", text[floor:start])[-44:]
    versus = _VERSUS_LEAD.search(undated)  # compared to 2022 sales of $8.1 billion
    near = text[max(0, start - 16) : start]
    bare = _VERSUS_ZH_BARE.search(near) and _MOVE_AFTER_ZH.match(text[end : end + 12])
    if versus or bare or _VERSUS_ZH.search(near) or _VERSUS_ZH_OF.search(near):
        return "versus"  # compared to net revenue of $5.6 billion in 2021
    if _LEVEL_LEAD.search(lead) and not _RATE_LEAD.search(lead):
        return None
    if _ZH_SHORT_CHANGE.search(lead):
        return "change"  # 出口增5.6%: a one-character change word right before the number
    for kind, pattern in _CHANGE:
        if pattern.search(lead):
            if kind == "change" and _YOY_AFTER.match(text[end : end + 24]):
                return "yoy"  # an increase of 11% Y/Y
            return kind
    signed = _SIGN_BEFORE.search(text[max(0, start - 3) : start])
    if signed and _EN_DASH_BEFORE.search(text[max(0, start - 4) : start]):
        signed = None  # return of capital - 120p per share: a dash between words, not a minus
    if signed and _BULLET.fullmatch(text[:start]):
        signed = None  # - 71% (£103.3bn) of sales…: a list item's dash, not a minus
    if signed or _CHANGE_AFTER.match(text[end : end + 36]):
        return _plain_change(text, end)
    if _CAGR_AFTER.match(text[end : end + 30]):
        return "cagr"  # a rate of 20.2% compounded annually
    return None


def _plain_change(text: str, end: int) -> str:
    """A change a sign or the verb after it states: ``yoy`` where ``Y/Y`` follows (+21% Y/Y)."""
    return "yoy" if _YOY_AFTER.match(text[end : end + 24]) else "change"


__all__ = ["CHANGE_KINDS", "change_in_simplified", "change_of"]
