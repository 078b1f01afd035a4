"""Flows and balances: a table row that measures what happened over a period (revenue, profit,
EPS, margins) or what stood at a day (assets, debt, book value per share).

A column headed by a bare day (``12/31/2024``) in a series of yearly or quarterly days holds
each flow over the year or quarter ending that day; a column headed by a period (``2024年中报``,
``FY2023``) holds each balance at that period's last day. The words are data; a row that names
neither keeps its column's period as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from sectorlens.facts.fiscal import span_ending
from sectorlens.model import Period

_FLOW = re.compile(
    r"revenue|sales|income|profit|earnings|\bEPS\b|expense|\bcosts?\b|margin|growth|EBITDA|"
    r"\bEBIT\b|cash\s+flow|research|SG&A|selling|\btax\b|turnover|"
    r"매출|이익|손익|손실|비용|원가|판관비|현금흐름|증가율|성장률|"
    r"收入|营收|利润|费用|成本|收益|毛利|净利|增长|现金流",
    re.I,
)
_BALANCE = re.compile(
    r"\bassets?\b|liabilit|\bequity\b|\bcash\b|\bdebt(?:\d|\b)|borrowings|inventor|receivable|payable|"
    r"book\s+value|\bBPS\b|net\s+worth|shares\s+outstanding|\bend\s+of\s+(?:the\s+)?period\b|"
    r"자산|부채|자본|현금|차입금|재고|잔액|주당순자산|매출채권|매입채무|"
    r"资产|负债|权益|余额|存货|净资产|借款|股本",
    re.I,
)
# A rate of return names a balance but measures a flow over the period (净资产收益率, ROE), as
# does the cash an activity brought in (net cash from operating activities, 영업활동 현금); a
# business of managing assets (资产经营, 자산운용, asset management) is a segment, not a stock.
_RETURN = re.compile(
    r"收益率|利润率|이익률|수익률|\breturn\s+on\b|\bRO[EA]\b|cash\s+flow|현금흐름|现金流|"
    r"资产(?:经营|管理)|자산\s?(?:운용|관리)|\basset\s+management\b|"
    r"\b(?:operating|investing|financing)\s+activities\b|(?:영업|투자|재무)활동|(?:经营|投资|筹资)活动",
    re.I,
)


def is_balance(label: str) -> bool:
    """The row measures a stock at a day (assets, debt, book value per share)."""
    return bool(_BALANCE.search(label)) and not _RETURN.search(label)


def is_flow(label: str) -> bool:
    """The row measures a flow over a period (revenue, profit, a margin, a growth rate)."""
    return bool(_FLOW.search(label)) and not is_balance(label)


def series_months(periods: Iterable[Period]) -> int | None:
    """12 or 3 when the single days among ``periods`` are a series a year or a quarter apart."""
    days = sorted({p.end for p in periods if p.start == p.end})
    if len(days) < 2:
        return None
    gaps = [(b - a).days for a, b in pairwise(days)]
    if all(355 <= g <= 375 for g in gaps):
        return 12
    if all(84 <= g <= 98 for g in gaps):
        return 3
    return None


def row_period(period: Period, label: str, months: int | None) -> Period:
    """The period of a cell in row ``label`` under a column of ``period``: a flow under a day
    of a yearly or quarterly series is the span ending that day; a balance under a span is
    its last day."""
    if period.start == period.end:
        if months is not None and is_flow(label):
            return Period(*span_ending(period.end, months))
        return period
    if is_balance(label):
        return Period(period.end, period.end)
    return period


__all__ = ["is_balance", "is_flow", "row_period", "series_months"]
