"""Physical and industry units after a number (power, ships, containers, oil and gas) read as
counts of that unit, with large units before them (586만CGT, 40万TEU)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from sectorlens.model import Kind
from sectorlens.parse import parse


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("586만CGT", "5860000", "CGT"),
        ("3677만 CGT", "36770000", "CGT"),
        ("40万TEU", "400000", "TEU"),
        ("3.5GW", "3.5", "GW"),
        ("500만kW", "5000000", "kW"),
        ("2,500 MW", "2500", "MW"),
        ("12 GWp", "12", "GWp"),
        ("1.2 million bbl", "1200000", "bbl"),
        ("30 bcm", "30", "bcm"),
        ("8만DWT", "80000", "DWT"),
    ],
)
def test_a_measure_unit_makes_a_count_of_it(text: str, value: str, unit: str) -> None:
    q = parse(text)
    assert (q.kind, q.value, q.unit) == (Kind.COUNT, D(value), unit)


def test_single_letters_stay_scales_and_money() -> None:
    assert parse("$5m").value == D(5_000_000)
    assert parse("5 GWh").unit == "GWh"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("73만7천t", "737000", "t"),
        ("492㎏", "492", "kg"),
        ("14만9천878㏊", "149878", "ha"),
        ("12151.88㎡", "12151.88", "m2"),
        ("2.5 million tonnes", "2500000", "tonnes"),
        ("4억3542만 박스", "435420000", "박스"),
    ],
)
def test_metric_units_of_weight_and_area_make_a_count_of_them(
    text: str, value: str, unit: str
) -> None:
    q = parse(text)
    assert (q.kind, q.value, q.unit) == (Kind.COUNT, D(value), unit)


@pytest.mark.parametrize("text", ["$5T", "5T"])
def test_a_capital_t_is_trillion_or_tonnes_and_stays_unread(text: str) -> None:
    assert parse(text).kind is Kind.UNPARSED
