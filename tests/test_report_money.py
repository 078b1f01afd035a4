"""Money in the report: written with the parse package's formatter and read back exactly."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sectorlens.fx import FxRates
from sectorlens.parse import parse_money
from sectorlens.report.fmt import Formatter, significant
from sectorlens.report.wording import Wording

FX = FxRates()
KO = Formatter(Wording("ko"), FX, "KRW")
EN = Formatter(Wording("en"), FX, "KRW")

# Report-sized amounts: whole yuan/won up to 10^15, or with up to two decimals below 10^6.
amounts = st.one_of(
    st.integers(min_value=1, max_value=10**15).map(Decimal),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**6), places=2),
)
currencies = st.sampled_from(["CNY", "KRW", "USD", "EUR"])


def _one_decimal_of_unit(value: Decimal) -> Decimal:
    for size in (Decimal(10**12), Decimal(10**9), Decimal(10**6)):
        if value >= size:
            return (value / size).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) * size
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@settings(max_examples=300, deadline=None)
@given(amounts, currencies)
def test_korean_money_round_trips_exactly(value: Decimal, currency: str) -> None:
    text = KO.money(value, currency)
    back = parse_money(text, default_currency="USD")  # ko 달러 is USD in a report
    assert back.value == value, text
    assert back.currency == currency, text


@settings(max_examples=300, deadline=None)
@given(amounts, currencies)
def test_english_money_round_trips_to_one_decimal_of_its_unit(
    value: Decimal, currency: str
) -> None:
    text = EN.money(value, currency)
    back = parse_money(text)
    assert back.currency == currency, text
    assert back.value == _one_decimal_of_unit(value), text


def test_seed_figures_are_written_as_the_brief_shows() -> None:
    assert KO.money(Decimal("768539000000"), "CNY") == "7,685억 3,900만 위안"
    assert EN.money(Decimal("768539000000"), "CNY") == "CNY 768.5 bn"


@pytest.mark.parametrize(
    ("fmt", "open_", "unit"), [(KO, "(약 ", "조 원)"), (EN, "(≈ KRW ", " tn)")]
)
def test_equivalent_uses_the_ecb_average_of_the_figures_period(
    fmt: Formatter, open_: str, unit: str
) -> None:
    start, end = date(2014, 1, 1), date(2020, 12, 31)
    value = Decimal("768539000000")
    converted = fmt.money_with_equivalent(value, "CNY", start, end)
    rate = FX.average_rate("CNY", "KRW", start, end)
    assert converted.conversion is not None
    assert converted.conversion.rate == rate
    expected = significant(value * rate.rate) / Decimal(10**12)  # three significant digits
    text = f"{converted.text} ({converted.equivalent})"
    assert text.endswith(f"{open_}{expected.normalize():f}{unit}"), text
    assert parse_money(converted.equivalent or "").value == expected * 10**12


@pytest.mark.parametrize(
    ("start", "end", "ko", "en"),
    [
        (date(2021, 1, 1), date(2021, 12, 31), "2021년", "2021"),
        (date(2014, 1, 1), date(2020, 12, 31), "2014~2020년", "2014–2020"),
        (date(2021, 1, 1), date(2021, 7, 31), "2021년 1~7월", "Jan–Jul 2021"),
        (date(2012, 1, 1), date(2023, 6, 30), "2012년 1월~2023년 6월", "Jan 2012 to Jun 2023"),
        (
            date(2019, 3, 5),
            date(2020, 2, 10),
            "2019년 3월 5일~2020년 2월 10일",
            "5 Mar 2019 to 10 Feb 2020",
        ),
        (date(2020, 3, 9), date(2020, 3, 9), "2020년 3월 9일", "9 Mar 2020"),
    ],
)
def test_periods_are_written_for_readers_never_as_iso_dates(
    start: date, end: date, ko: str, en: str
) -> None:
    assert (KO.period(start, end), EN.period(start, end)) == (ko, en)
