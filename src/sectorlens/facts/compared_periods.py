"""Which periods a sentence names are a comparison's, not its figures' own: ``2020년 대비``,
``compared with Q4 2018``, ``比2019年``, ``94.4% of October 2019 levels``, the month a streak
started (``2021년 5월 이후 10개월 연속``), a sentence that is itself the comparison."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.period_shift import MONTH_BEFORE

# a period's level that a figure is measured against (the period is the base's, not the figure's)
_LEVELS_OF = re.compile(
    r"^\s?(?:['’]s\s)?levels?\b|^\s?(?:의\s)?수준|^\s?(?:同期)?(?:的)?水平", re.I
)
# A period named right before these (2020년 대비, 与2019年相比) or right after these (compared with
# Q4 2018, 比2019年, 较上年) is the comparison's, not the fact's.
_CMP_BEFORE = re.compile(
    r"(?:compared\s(?:with|to)|comparable\sto|versus|vs\.?|against|from|over|since|"
    r"after\sthe\s(?:start|beginning|end)\sof|"
    # with the last instance occurring in the third quarter of 2022: an earlier event's period
    r"\b(?:last|previous)\s(?:instance|time|occasion)\s(?:\w+\s)?in|"
    # 8.5% above the August 2021 estimate: the period of the figure compared with
    r"\babove|\bbelow|\bthan|"
    r"比|较|較|與|与|和|同|相对于|相较于|相比于|相對於|相較於|相比於)"
    r"\s?(?:the\s)?(?:(?:end|start|beginning|close)\sof\s(?:the\s)?)?"
    r"(?:same\s(?:period|quarter|month)\s(?:(?:of|in)\s)?)?$"
    # for the comparable period in 2021, the corresponding quarter of 2021
    r"|\b(?:comparable|corresponding|prior[-\s]year|year[-\s]ago)\s(?:period|quarter)\s(?:of|in)\s$",
    re.I,
)
# compared to net revenue of $6.9 billion in 2021: the period of the compared figure
CMP_VALUE_BEFORE = re.compile(
    r"(?:compared\s(?:to|with)|versus|\bvs\.?|\bagainst)\s[^,;:()]{0,55}?"
    r"(?:,\s(?:or|and)\s[^,;:()]{1,45},)?\s(?:in|for|during)\s(?:the\s)?$"
    # compared to revenue of $1.235 billion last year, 33.5 percent compared to 34.9 percent
    # last year: the period right after the compared figure
    r"|(?:compared\s(?:to|with)|versus|\bvs\.?)\s[^,;:()]{0,55}?\d[\d.,]*"
    r"(?:\s?(?:million|billion|trillion|thousand|percent|%))?"
    # compared to $50.8 million, or $1.56 per diluted share, last year
    r"(?:,\s(?:or|and)\s[^,;:()]{1,45},)?\s$"
    # up 8.7 percent from the $409.8 billion of the third quarter of 2004
    # (up 26.5 per cent on EUR1360m in 2021: the figure a change is taken on)
    r"|(?:\bfrom|(?:per\s?cent|percent|%)\son)\s(?:the\s)?(?:[A-Z]{3}\s?)?[$€£¥]?\d[\d.,]*"
    r"(?:\s?(?:million|billion|trillion|percent|bn|mn|tn|m|%))?"
    r"(?:,\s(?:or|and)\s[^,;:()]{1,45},)?\s(?:of|in|for)\s(?:the\s)?"
    r"(?:(?:comparable|corresponding|same|prior[-\s]year|year[-\s]ago)\s(?:period|quarter)\s(?:of|in)\s)?$",
    re.I,
)
# This compares with net income of $74.4 million in the prior year period: a sentence that is
# the comparison names the compared figures' periods only.
COMPARES_LEAD = re.compile(
    r"^\W{0,3}(?:this|that|which)\s(?:compares|compared)\s(?:with|to)\b", re.I
)
CMP_AFTER = re.compile(
    r"^\s?(?:(?:동기|동월|동분기|같은\s?기간|같은\s?달|같은\s?분기)\s?)?(?:[(（][^()（）]{0,30}[)）]\s?)?"
    r"(?:대비|보다|에\s?비해|비해|에\s?비하여|비(?![가-힣])|比|相比|相较|比较|同期相比|同期)"
    # 전년과 비교하면, 2016년과 비교해: the period compared with
    r"|^\s?(?:과|와)\s?비교(?:하면|해|하여|했을|할)"
    # 2011년 11월 이후 5년4개월 만에, 2015年以来首次: the point a record is counted from
    r"|^\s?(?:이후|이래)\s?(?:\S+\s?){0,2}?(?:만에|만의|처음|최대|최고|최저)"
    r"|^\s?(?:以来|以來)的?(?:首次|最高|最低|最大|最小|最快|最慢|新高|新低)"
)


# 전년 동월 115.4억 달러에서 103.6억 달러로: a period before past a value moved from is that
# value's, the one compared with (the value it moved to is of the period in context)
_FROM_VALUE_AFTER = re.compile(
    r"^\s?(?:동월|동기|동분기|같은\s?기간|같은\s?달)?\s?[\d.,]+(?:\s?[조억만천백]\s?[\d.,]*)*\s?"
    rf"(?:{lx.CURRENCY_WORDS})?\s?에서\s"
)
# 전년 15조6000억 원보다, 2018년 7246만톤 대비: a period before the value compared with
_VALUE_COMPARED_AFTER = re.compile(
    r"^\s?[\d.,]+(?:\s?[조억만천백]\s?[\d.,]*)*\s?"
    rf"(?:{lx.CURRENCY_WORDS}|톤|대|명|건|개|%)?\s?(?:보다|대비|에\s?비해|과\s?비교|와\s?비교)"
)
_PRIOR = re.compile(r"전년|작년|지난해|전월|전달|지난달|전분기|전기|前月")


_RANGED = re.compile(r"\b(?:to|through)\b|[-–—~]")
_FROM_END = re.compile(r"\bfrom\s$")
# 2021년 5월 이후 10개월 연속, 2021年5月以来连续10个月: the month a streak started, not the
# figure's period (the figure is of the streak's last month, the text's own)
_STREAK_SINCE = re.compile(
    r"^\s?(?:이후|이래|以来|以來)\s?(?:连续|連續)?\s?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s?"
    r"(?:개월|달|년|분기|个月|個月|年|季度)\s?(?:연속|째|连续|連續)?"
)


_STREAK_MONTHS = re.compile(
    r"^\s?(?:이후|이래|以来|以來)\s?(?:(?:连续|連續)\s?(\d{1,2})\s?(?:个月|個月)|"
    r"(\d{1,2})\s?개월\s?(?:연속|째))"
)


def streak_months(tail: str) -> tuple[int, int] | None:
    """``이후 10개월 연속`` after a month: how many months the streak ran (counting that first
    month), and where the words end in ``tail``; None for no streak of months."""
    m = _STREAK_MONTHS.match(tail)
    months = int(m.group(1) or m.group(2)) if m else 0
    return (months, m.end()) if m and months >= 1 else None


def is_compared(text: str, start: int, end: int) -> bool:
    """The period named at ``text[start:end]`` is the one a figure is compared with."""
    lead = text[max(0, start - 40) : start]
    tail = text[end : end + 48]
    ranged = _RANGED.search(text[start:end])
    from_range = ranged and _FROM_END.search(lead)  # from July through September
    return bool(
        COMPARES_LEAD.match(text)
        or MONTH_BEFORE.fullmatch(text, start, end)  # 전달: the month compared with
        or (_CMP_BEFORE.search(lead) and not from_range)
        or CMP_AFTER.match(tail)
        or _LEVELS_OF.match(tail)  # 94.4% of October 2019 levels, 2019년 수준의 90%
        or _STREAK_SINCE.match(tail)  # 2021년 5월 이후 10개월 연속: the streak's first month
        or (_FROM_VALUE_AFTER.match(tail) and _PRIOR.search(text[start:end]))
        or _VALUE_COMPARED_AFTER.match(tail)
        or CMP_VALUE_BEFORE.search(text[max(0, start - 130) : start])
    )


__all__ = ["CMP_AFTER", "CMP_VALUE_BEFORE", "COMPARES_LEAD", "is_compared", "streak_months"]
