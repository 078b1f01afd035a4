"""``7057만여명``: a figure and less than one more of its last unit, whatever its digits (issue
16; before, only one digit before the unit was read)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sectorlens.parse import parse


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("9만여명", "90000", "100000"),
        ("7057만여명", "70570000", "70580000"),
        ("39만여회", "390000", "400000"),
        ("12억여원", "1200000000", "1300000000"),
        ("20여명", "20", "30"),
    ],
)
def test_an_odd_amount_reaches_one_more_of_its_last_unit(written: str, low: str, high: str) -> None:
    q = parse(written)
    assert (q.low, q.high) == (Decimal(low), Decimal(high))
