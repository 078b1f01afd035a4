"""Derived numbers over reference observations, against hand-computed values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sectorlens.errors import InputError
from sectorlens.metrics.reference import (
    cagr,
    change,
    check_breakdown,
    common_range,
    covered_sum,
    implied_rate,
    is_partial,
    remainder,
    runs,
    select,
    whole_years,
    years_between,
)
from sectorlens.model import Observation

D = Decimal


def obs(
    obs_id: str, value: str, start: date | None = None, end: date | None = None, **kw
) -> Observation:
    kw.setdefault("unit", "percent")
    return Observation(
        obs_id, kw.pop("metric", "m"), D(value), kw.pop("unit"), "s", start, end, **kw
    )


def year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def test_cagr_and_change() -> None:
    assert cagr(D(100), D(121), D(2)) == D("0.1")
    assert change(D(200), D(150)) == D("-0.25")
    with pytest.raises(ValueError, match="positive"):
        cagr(D(0), D(1), D(1))


def test_periods() -> None:
    assert whole_years(*year(2018)) and whole_years(date(2014, 1, 1), date(2020, 12, 31))
    assert is_partial(date(2021, 1, 1), date(2021, 7, 31))
    assert not is_partial(*year(2020)) and not is_partial(date(2021, 3, 31), date(2021, 3, 31))
    assert years_between(date(2018, 12, 31), date(2020, 12, 31)) == 2
    assert years_between(date(2021, 7, 31), date(2025, 12, 31)) == D(53) / 12


def test_select_matches_fields_and_empty_values() -> None:
    a = obs("a", "1", segment="x", segment_type="t")
    b = obs("b", "2")
    assert select([a, b], {"segment": "x"}) == [a]
    assert select([a, b], {"segment": None}) == [b]
    with pytest.raises(InputError, match="cannot select observations by colour"):
        select([a], {"colour": "red"})


def test_breakdown_over_100_names_the_item_equal_to_the_excess() -> None:
    parts = [obs("a", "50"), obs("b", "30"), obs("c", "20.5"), obs("d", "20.5")]
    check = check_breakdown(parts)
    assert check.total == D("121") and check.status == "over" and check.rest == D("-21")
    assert check.excess_item is None
    parts.append(obs("e", "21"))
    assert check_breakdown(parts).excess_item is None  # excess is now 42
    over = check_breakdown([obs("a", "60"), obs("b", "30"), obs("c", "10"), obs("d", "18.52")])
    assert over.excess_item is not None and over.excess_item.obs_id == "d"


def test_breakdown_group_totals_are_checked_against_their_parts() -> None:
    parts = [
        obs("bj", "32.53", segment="BJ"),
        obs("sh", "21.76", segment="SH"),
        obs("gd", "20", segment="GD"),
        obs("top", "74.29", segment="BJ+SH+GD"),
    ]
    check = check_breakdown(parts)
    assert check.total == D("74.29") and check.status == "partial" and check.rest == D("25.71")
    ((group, parts_sum),) = check.groups
    assert group.obs_id == "top" and parts_sum == D("74.29")


def test_covered_sum_and_remainder() -> None:
    yearly = [obs(f"y{y}", str(y - 2000), *year(y)) for y in (2014, 2015, 2016)]
    total, used = covered_sum(yearly, date(2014, 1, 1), date(2016, 12, 31)) or (None, [])
    assert total == D(14 + 15 + 16) and len(used) == 3
    assert covered_sum(yearly, date(2014, 1, 1), date(2017, 12, 31)) is None
    big = obs("t", "100", date(2014, 1, 1), date(2020, 12, 31))
    rest = remainder(big, [obs("a", "10", *year(2018)), obs("b", "20", *year(2020))])
    assert rest is not None
    assert rest.value == D(70) and rest.years == (2014, 2015, 2016, 2017, 2019)
    assert runs(rest.years) == [(2014, 2017), (2019, 2019)]


def test_implied_rate_range_and_common_range() -> None:
    base = obs("cny", "100", unit="money", currency="CNY")
    eq = obs("krw", "18000", unit="money", currency="KRW", low=D(17500), high=D(18500))
    rate = implied_rate(base, eq)
    assert (rate.rate, rate.low, rate.high) == (D(180), D(175), D(185))
    other = implied_rate(base, obs("k2", "18300", unit="money", low=D(18200), high=D(18400)))
    assert common_range([rate, other]) == (D(182), D(184))
    far = implied_rate(base, obs("k3", "20000", unit="money", low=D(19900), high=D(20100)))
    assert common_range([rate, far]) is None
