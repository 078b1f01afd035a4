"""Counts in native Korean numerals: ``세 가지``, ``두 곳``, ``열두 개``, ``스무 명``.

Native numerals (한, 두, 세 … 아흔아홉) count things only right before a counter word; on their
own they are ordinary syllables (``세계``, ``한국``), so they are read here and nowhere else.
"""

from __future__ import annotations

import re
from decimal import Decimal

_UNITS = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
}
_TENS = {
    "열": 10,
    "스물": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
# Counter words native numerals stand before (Sino-Korean digits take them too: 3가지, 2곳).
NATIVE_COUNTERS = ("가지", "개국", "개사", "개", "곳", "군데", "명", "건", "번", "차례")
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(sorted(_TENS, key=len, reverse=True))
# Before a counter, twenty alone is 스무 (스물 only with a unit after it: 스물세).
_TEN_ALONE = "|".join(t for t in sorted(_TENS, key=len, reverse=True) if t != "스물")
NATIVE_NUMERAL = rf"(?:스무|(?:{_TEN})?(?:{_UNIT})|(?:{_TEN_ALONE}))"
_NATIVE_COUNT = re.compile(
    rf"(?P<ten>{_TEN}|스무)?(?P<unit>{_UNIT})? ?(?P<counter>{'|'.join(NATIVE_COUNTERS)})"
)


def native_count(text: str) -> tuple[Decimal, str] | None:
    """``세 가지`` -> (3, ``가지``); None unless the whole text is a native numeral and counter."""
    m = _NATIVE_COUNT.fullmatch(text)
    if m is None:
        return None
    ten, unit, counter = m.group("ten", "unit", "counter")
    if not (ten or unit) or (ten == "스물" and not unit) or (ten == "스무" and unit):
        return None
    return Decimal(_TENS.get(ten, 20) if ten else 0) + _UNITS.get(unit or "", 0), counter
