"""A counter unit with its scale in a table's row label or column header (``销量（万辆）``,
``(Bil Gb)``), and a cell's number read in it."""

from __future__ import annotations

import dataclasses
import re

from sectorlens.model import Quantity
from sectorlens.parse import is_currency_word, parse

# A scale and a counter in a label's unit: （万辆）, (천 대), (Bil Gb), (百万吨), (1,000 Acres).
_COUNTER = re.compile(
    r"[(（]\s*(?:(万|亿|千|百万|千万|十亿|천|만|억|백만|십억)\s?([^\W\d_A-Za-z]{1,3})|"
    r"(thousands?|millions?|billions?|bil|mil|mn|bn|1,000|1000)\s([A-Za-z]{1,8}))\s*[)）]",
    re.I,
)
_SCALE_WORD = {
    "1,000": "thousand",  # (1,000 Acres)
    "1000": "thousand",
    "thousand": "thousand",
    "thousands": "thousand",
    "mil": "million",
    "mn": "million",
    "million": "million",
    "millions": "million",
    "bil": "billion",
    "bn": "billion",
    "billion": "billion",
    "billions": "billion",
    "千": "thousand",
    "천": "thousand",
    "百万": "million",
    "백만": "million",
    "十亿": "billion",
    "십억": "billion",
}


def counter_of(label: str) -> tuple[str, str] | None:
    """The scale and counter of a label's unit (``（万辆）`` → (``万``, ``辆``), ``(Bil Gb)`` →
    (``billion``, ``Gb``)); None where the unit is money or has no scale."""
    m = _COUNTER.search(label)
    if m is None:
        return None
    word, counter = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if is_currency_word(counter) or is_currency_word(counter.upper()):
        return None  # a currency after a scale is money, which the table's scale rules read
    scale = word if word in ("万", "亿", "千万", "만", "억") else _SCALE_WORD.get(word.lower())
    if scale is None:
        return None
    return scale, counter


# A counter alone in a label's unit: 新签项目数量(个), 점포 수(개), 판매(대): counted one by one,
# whatever scale the table states for its amounts
_BARE_COUNTER = re.compile(
    r"[(（]\s*(个|個|家|辆|輛|台|套|件|项|項|人|名|户|戶|次|笔|筆|座|명|건|개|대|곳|가구|개사|척)\s*[)）]\s*$"
)


def bare_counter(label: str) -> str | None:
    """The counter a label's unit names with no scale (``(个)`` → ``个``)."""
    m = _BARE_COUNTER.search(label)
    return m.group(1) if m else None


def counted(number: str, scale: str, counter: str) -> Quantity:
    """``1285.90`` under ``（万辆）``: 12,859,000 辆; ``12,088`` under ``(Bil Gb)``: 1.2e13 Gb."""
    if scale in ("万", "亿", "千万", "만", "억"):
        q = parse(f"{number}{scale}{counter}")
        if q.value is not None:
            return q
    q = parse(f"{number} {scale}" if scale.isascii() else f"{number}{scale}")
    return dataclasses.replace(q, unit=counter) if q.value is not None else q


__all__ = ["bare_counter", "counted", "counter_of"]
