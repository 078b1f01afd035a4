"""Issue 16, session of 2026-12-07 (fourth): Korean tables head their columns ``2019 3Q``,
``2022 3Q(A)``, ``2023 3Q(B)``, ``B-A``: quarters (a balance at the quarter's end), and ``(B)``
after a period is the column's mark, no billion; ``(단위: 억)`` scales the cells by 10^8 and
names no currency. Texts of our own."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fact_mentions import cells
from sectorlens.parse import parse_period

_TABLE = """2023년 11월 20일

표 1. 생명보험 업계 3분기 실적 추이(단위: 억)

| 구분 | 2022 3Q(A) | 2023 3Q(B) | B-A |
|---|---|---|---|
| 자산 | 9,371,724 | 8,313,706 | -1,058,018 |
"""


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019 3Q", date(2019, 7, 1), date(2019, 9, 30)),
        ("3Q 2019", date(2019, 7, 1), date(2019, 9, 30)),
        ("2019.3Q", date(2019, 7, 1), date(2019, 9, 30)),
        ("2019년 3Q", date(2019, 7, 1), date(2019, 9, 30)),
        ("2019 2H", date(2019, 7, 1), date(2019, 12, 31)),
    ],
)
def test_quarters_and_halves_written_number_first(text: str, start: date, end: date) -> None:
    p = parse_period(text).period
    assert p is not None and (p.start, p.end) == (start, end)


def test_a_column_mark_is_no_scale_and_a_bare_scale_names_no_currency() -> None:
    got = {m.fact.quantity.value: m for m in cells(_TABLE)}
    want = {Decimal(937172400000000), Decimal(831370600000000), Decimal(-105801800000000)}
    assert set(got) == want
    assert all(m.fact.quantity.currency is None for m in got.values())
    period = got[Decimal(831370600000000)].fact.period
    assert period is not None and period.end == date(2023, 9, 30)
