"""Numbers, money, percents, periods and rates written for one report language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sectorlens.fx import Conversion, FxError, FxRates, Rate
from sectorlens.model import Money
from sectorlens.parse import format_money
from sectorlens.report.wording import Wording

_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True, slots=True)
class Converted:
    """A money figure with its reader-currency equivalent at the ECB rate of its period."""

    text: str
    equivalent: str | None
    conversion: Conversion | None
    reason: str | None = None


def significant(value: Decimal, digits: int = 3) -> Decimal:
    """``value`` rounded to ``digits`` significant digits (for approximate equivalents)."""
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


class Formatter:
    """Formats values in one language; money equivalents use ECB rates of the figure's period."""

    def __init__(self, words: Wording, fx: FxRates, reader_currency: str | None) -> None:
        self.words = words
        self.lang = words.lang
        self.fx = fx
        self.reader_currency = reader_currency
        self._averages: dict[tuple[str, str, date, date], Rate] = {}
        self.conversions: list[Conversion] = []  # every conversion made, in order (chart data)

    # -- plain numbers ---------------------------------------------------------------------
    def number(self, value: Decimal, places: int | None = None) -> str:
        """Thousands-separated; ``places`` fixes the decimals, else as many as the value has."""
        if places is not None:
            value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        elif value == value.to_integral_value():
            value = value.quantize(Decimal(1))
        else:
            value = value.normalize()
        return f"{value:,}"

    def pct(self, value: Decimal, places: int | None = None) -> str:
        """A value already in percent: ``32.53%``."""
        return f"{self.number(value, places)}%"

    def pct_of(self, fraction: Decimal, places: int = 1) -> str:
        """A fraction written as a percent: ``0.469`` → ``46.9%``."""
        return self.pct(fraction * 100, places)

    def signed_pct_of(self, fraction: Decimal, places: int = 1) -> str:
        """A change as a signed percent: ``+4.2%`` / ``−25.1%``."""
        text = self.pct_of(abs(fraction), places)
        return ("+" if fraction >= 0 else "−") + text

    def pp(self, value: Decimal) -> str:
        """Percentage points."""
        return self.words.say("units.pp", value=self.number(value))

    def ratio(self, value: Decimal, places: int = 2) -> str:
        """A multiple: ``2.16배`` / ``2.16×``."""
        return self.words.say("units.times", value=self.number(value, places))

    def years(self, value: Decimal) -> str:
        """A span in years: ``2 years`` / ``1 year`` / ``5.1 years`` (one decimal at most)."""
        shown = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return self.words.say("units.years", value=self.number(shown), one=shown == 1)

    def count(self, value: Decimal, unit: str, unit_label: str | None = None) -> str:
        """A count with its unit: ``4,796건`` / ``4,796 deals``."""
        label = unit_label or (
            self.words.say(f"units.{unit}") if self.words.has(f"units.{unit}") else unit
        )
        return self.words.say("units.count", value=self.number(value), unit=label, one=value == 1)

    # -- money -----------------------------------------------------------------------------
    def money(self, value: Decimal, currency: str, *, rounded: bool = False) -> str:
        """``7,685억 3,900만 위안`` (ko, exact) / ``CNY 768.5 bn`` (en, one decimal of the unit).

        ``rounded`` writes ko with one decimal of its largest unit too (``131.7조 원``), for
        approximate figures such as equivalents.
        """
        digits = 1 if rounded or self.lang != "ko" else None
        return format_money(value, currency, self.lang, digits=digits)

    def money_with_equivalent(
        self, value: Decimal, currency: str, start: date | None, end: date | None
    ) -> Converted:
        """The figure and, in brackets, its reader-currency equivalent at the period's ECB rate."""
        text = self.money(value, currency)
        if self.reader_currency is None or currency == self.reader_currency:
            return Converted(text, None, None)
        try:
            conversion = self.convert(value, currency, self.reader_currency, start, end)
        except FxError as exc:
            return Converted(text, None, None, str(exc))
        amount = significant(conversion.result.amount)
        equivalent = self.money(amount, self.reader_currency, rounded=True)
        return Converted(text, self.words.say("units.approx", value=equivalent), conversion)

    def convert(
        self, value: Decimal, currency: str, quote: str, start: date | None, end: date | None
    ) -> Conversion:
        """Convert at the ECB average of ``start..end`` (or the rate of a single day)."""
        if start is None or end is None:
            raise FxError("no period, so no exchange rate")
        money = Money(value, currency)
        if start == end:
            conversion = self.fx.convert(money, quote, start)
        else:
            key = (currency, quote, start, end)
            rate = self._averages.get(key)
            if rate is None:  # a period average walks every day of the period: compute it once
                rate = self._averages[key] = self.fx.average_rate(currency, quote, start, end)
            conversion = Conversion(money, Money(value * rate.rate, rate.quote), rate)
        self.conversions.append(conversion)
        return conversion

    def take_conversions(self) -> list[Conversion]:
        """The conversions made since the last call (a section's, when called per section)."""
        taken, self.conversions = self.conversions, []
        return taken

    def rate(self, rate: Rate | Decimal, base: str, quote: str, places: int = 2) -> str:
        """``1위안 = 166.41원`` / ``166.41 KRW/CNY``."""
        value = rate.rate if isinstance(rate, Rate) else rate
        if 0 < abs(value) < 1:  # (0.0136 USD/INR, not 0.01: keep three significant digits)
            places = max(places, 2 - value.adjusted())
        return self.words.say(
            "units.rate",
            value=self.number(value, places),
            base=self.currency_name(base),
            quote=self.currency_name(quote),
        )

    def currency_name(self, code: str) -> str:
        """``위안`` for CNY in ko; the ISO code in en."""
        key = f"currency.{code}"
        return self.words.say(key) if self.words.has(key) else code

    # -- time ------------------------------------------------------------------------------
    def period(self, start: date | None, end: date | None) -> str:
        """``2018년`` / ``2014~2020년`` / ``2021년 1~7월`` / ``2012년 1월~2023년 6월`` (ko)."""
        say = self.words.say
        if start is None or end is None:
            return say("period.unknown")
        last_of_month = (end + timedelta(days=1)).day == 1
        if start == end:
            key = "period.end_of_month" if last_of_month else "period.day"
            return say(key, y=end.year, m=end.month, d=end.day, mon=_MONTHS_EN[end.month - 1])
        if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
            if start.year == end.year:
                return say("period.year", y=start.year)
            return say("period.years", y1=start.year, y2=end.year)
        if start.day == 1 and last_of_month and start.year == end.year:
            return say(
                "period.months",
                y=start.year,
                m1=start.month,
                m2=end.month,
                mon1=_MONTHS_EN[start.month - 1],
                mon2=_MONTHS_EN[end.month - 1],
            )
        key = "period.month" if start.day == 1 and last_of_month else "period.day"
        a, b = (
            say(key, y=d.year, m=d.month, d=d.day, mon=_MONTHS_EN[d.month - 1])
            for d in (start, end)
        )
        return say("period.range", start=a, end=b)

    def issued(self, day: date, precision: str) -> str:
        """A policy date at the precision the data knows: ``2017년 7월`` / ``Jul 2017``."""
        if precision == "year":
            return self.words.say("period.year", y=day.year)
        if precision == "month":
            return self.words.say(
                "period.month", y=day.year, m=day.month, mon=_MONTHS_EN[day.month - 1]
            )
        return self.words.say(
            "period.day", y=day.year, m=day.month, d=day.day, mon=_MONTHS_EN[day.month - 1]
        )
