"""Equivalent names of one measure, per language: data, not code branches.

Reports name one measure in several ways (``cash from operations``, ``operating cash flow``,
``net cash provided by operating activities``; ``营业收入`` and ``营收``; ``영업익``,
``영업이익``).
``acronym`` writes an indicator named in full as its acronym (``國內生產總值`` → ``gdp``).
``canonical`` writes the name a metric ends with as its group's first name, so two statements of
the figure compare equal; the words before it (a segment, a region) are kept, so ``Europe
operating profit`` and ``Europe operating income`` are one measure and ``operating income`` of
the company another. Names are written as ``norm`` leaves them: lower case, no spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sectorlens.facts import lexicon as lx

# (the name every other one is written as, the names it stands for)
EQUIVALENT_NAMES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "en": (
        (
            "operatingcashflow",
            (
                "cashfromoperations",
                "cashflowfromoperations",
                "cashflowsfromoperations",
                "cashgeneratedfromoperations",
                "cashfromoperatingactivities",
                "cashflowfromoperatingactivities",
                "cashflowsfromoperatingactivities",
                "netcashfromoperatingactivities",
                "cashprovidedbyoperatingactivities",
                "netcashprovidedbyoperatingactivities",
                "operatingcashflows",
            ),
        ),
        (
            "dilutedeps",
            (
                "earningsperdilutedshare",
                "dilutedearningspershare",
                "dilutedearningspercommonshare",
                "netincomeperdilutedshare",
            ),
        ),
        ("operatingincome", ("incomefromoperations", "operatingprofit")),
        ("capitalexpenditures", ("capitalexpenditure", "capitalspending", "capex")),
    ),
    "ko": (
        ("영업이익", ("영업익",)),
        ("순이익", ("순익",)),
        ("영업활동현금흐름", ("영업활동으로인한현금흐름", "영업현금흐름")),
    ),
    "zh": (
        ("营业收入", ("营收",)),
        ("归母净利润", ("归属于母公司股东的净利润", "归属于上市公司股东的净利润", "归母净利")),
        (
            "经营活动产生的现金流量净额",
            (
                "经营活动现金流量净额",
                "经营性现金流净额",
                "经营现金流净额",
                "经营性现金流",
                "经营现金流",
            ),
        ),
    ),
}

# every name, longest first: 归属于母公司股东的净利润 before a shorter name it ends with
_NAMES = sorted(
    (
        (name, first)
        for groups in EQUIVALENT_NAMES.values()
        for first, names in groups
        for name in names
    ),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
# a preposition the sentence left before an English metric (an increase in earnings per share)
LEADING = re.compile(r"^(?:(?:in|of|for|on|by|at|to)\s+)+", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def canonical(metric: str) -> str:
    """``metric`` (as ``norm`` writes it) with the name it ends with written as its group's."""
    key = lx.simplified(metric)
    for name, first in _NAMES:
        if key.endswith(name):
            return key[: len(key) - len(name)] + first
    return metric


# An indicator's acronym and its full names (compared without spaces, in simplified characters):
# 三季度GDP同比增長4.9% in the headline is 國內生產總值 … 增長4.9% in the body
_ACRONYMS = {
    "gdp": ("国内生产总值", "국내총생산", "grossdomesticproduct"),
    "cpi": ("居民消费价格指数", "消费者物价指数", "소비자물가지수", "consumerpriceindex"),
    "ppi": ("工业生产者出厂价格指数", "생산자물가지수", "producerpriceindex"),
    "pmi": ("采购经理指数", "采购经理人指数", "구매관리자지수", "purchasingmanagersindex"),
}


# A measure's acronym and its full names as part of a longer name: GAAP EPS is GAAP earnings
# per share
_WITHIN = {"eps": ("earningspershare", "주당순이익", "每股收益")}


def acronym(metric: str) -> str:
    """The acronym of an indicator named in full (``國內生產總值`` → ``gdp``; ``GAAP earnings
    per share`` → ``gaapeps``), else ``metric``."""
    key = lx.simplified(metric)
    for short, names in _ACRONYMS.items():
        if key == short or any(key in (name, name + short, short + name) for name in names):
            return short
    for short, names in _WITHIN.items():
        for name in names:
            if name in key:
                return key.replace(name, short)
    return metric


__all__ = ["EQUIVALENT_NAMES", "LEADING", "acronym", "canonical"]
