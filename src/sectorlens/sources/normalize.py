"""The one place where sources call ``sectorlens.parse`` and ``fx``: raw text → normalized fields.

Every call is memoised per load (exports repeat the same amounts, dates, rounds and places over
and over), so the cost of parsing does not grow with the number of rows but with distinct values.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sectorlens import parse
from sectorlens.fx import FxError, FxRates
from sectorlens.model import Kind, Money, Period, Quantity
from sectorlens.sources.gazetteer import Gazetteer, Place
from sectorlens.sources.taxonomy import SectorMatch, Taxonomy

QUOTES = ("CNY", "USD", "KRW")
_SCALE = Decimal("0.000001")
_RATE_SCALE = Decimal("1e-12")
_CACHE_LIMIT = 200_000  # distinct values remembered per kind; beyond it, parse again


@dataclass
class Tally:
    """What a load saw that is worth reporting: unmapped values and currencies."""

    unmapped_sectors: Counter[str] = field(default_factory=Counter)
    unmapped_places: Counter[str] = field(default_factory=Counter)
    unmapped_rounds: Counter[str] = field(default_factory=Counter)
    currencies: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)


class Normalizer:
    """Parses and converts raw values for one load; create one per load and pass it on."""

    def __init__(
        self, fx: FxRates, gazetteer: Gazetteer, taxonomy: Taxonomy, *, tally: Tally | None = None
    ) -> None:
        self.fx, self.gazetteer, self.taxonomy = fx, gazetteer, taxonomy
        self.tally = tally or Tally()
        self._money: dict[tuple[str, str | None], Quantity] = {}
        self._periods: dict[tuple[str, str | None], Period | None] = {}
        self._rounds: dict[str, str | None] = {}
        self._places: dict[tuple[str, str | None], Place] = {}
        self._splits: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._amounts: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._rate_fields: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._sectors: dict[tuple[Any, ...], SectorMatch | None] = {}
        self._rates: dict[tuple[Any, ...], tuple[Decimal, date] | str] = {}

    # -- parse -----------------------------------------------------------------------------
    def money(self, text: str, *, default_currency: str | None = None) -> Quantity:
        """``parse.parse_money`` of ``text``; an empty cell is undisclosed (noted as empty)."""
        key = (text, default_currency)
        found = self._money.get(key)
        if found is None:
            if not text.strip():
                found = Quantity(
                    text, Kind.UNDISCLOSED, currency=default_currency, reason="empty cell"
                )
            else:
                found = parse.parse_money(text, default_currency=default_currency)
            _remember(self._money, key, found)
        return found

    def period(self, text: str, *, date_format: str | None = None) -> Period | None:
        """``parse.parse_period`` of ``text`` (a day, month, year…), None when unreadable."""
        key = (text, date_format)
        if key in self._periods:
            return self._periods[key]
        found = None
        if text.strip():
            q = parse.parse_period(text, date_format=date_format)
            found = q.period if q.kind is Kind.PERIOD else None
        _remember(self._periods, key, found)
        return found

    def round(self, text: str) -> str | None:
        """``parse.canonical_round`` of ``text``; unmapped non-empty values are tallied."""
        if text in self._rounds:
            found = self._rounds[text]
        else:
            found = parse.canonical_round(text) if text.strip() else None
            _remember(self._rounds, text, found)
        if found is None and text.strip() and text.strip() not in {"-", "—"}:
            self.tally.unmapped_rounds[text.strip()] += 1
        return found

    def split_places(self, text: str) -> tuple[tuple[str, ...], ...]:
        """``parse.split_places``: each place named in ``text`` as its levels, broadest first."""
        found = self._splits.get(text)
        if found is None:
            found = tuple(parse.split_places(text)) if text.strip() else ()
            _remember(self._splits, text, found)
        return found

    # -- places and sectors ------------------------------------------------------------------
    def place(self, parts: tuple[str, ...], *, country: str | None = None) -> Place:
        """Resolve ``parts`` with the gazetteer; unresolved parts are tallied."""
        key = ("\x1f".join(parts), country)
        found = self._places.get(key)
        if found is None:
            found = self.gazetteer.resolve(parts, country=country)
            _remember(self._places, key, found)
        for part in found.unresolved:
            self.tally.unmapped_places[part] += 1
        return found

    def sector(self, source: str, values: dict[str, str | None]) -> SectorMatch | None:
        """Classify with the taxonomy; a non-empty value that maps nowhere is tallied."""
        key = (source, *values.items())
        if key in self._sectors:
            found = self._sectors[key]
        else:
            found = self._sectors[key] = self.taxonomy.classify(source, values)
        if found is None:
            raw = " / ".join(v for v in values.values() if v)
            if raw:
                self.tally.unmapped_sectors[raw] += 1
        return found

    def sector_any(self, source: str, values: tuple[str, ...]) -> SectorMatch | None:
        """Classify the first of ``values`` any of ``source``'s taxonomy fields knows."""
        for value in values:
            for field_name in self.taxonomy.fields(source):
                found = self.taxonomy.match(source, field_name, value)
                if found is not None:
                    return found
        raw = " / ".join(v for v in values if v)
        if raw:
            self.tally.unmapped_sectors[raw] += 1
        return None

    # -- amounts ---------------------------------------------------------------------------
    def amount_fields(
        self, raw: str | None, quantity: Quantity, *, on: date | None, period: Period | None = None
    ) -> dict[str, Any]:
        """The deal columns of an amount: kind, bounds, currency, and the CNY/USD/KRW rates.

        The converted amounts themselves (``cny_value`` …) are amount × rate; the store computes
        them in bulk (``store.load.DERIVED``), and ``converted()`` does it for one row.
        """
        key = (raw, quantity)
        money = self._amounts.get(key)
        if money is None:
            money = self._money_fields(raw, quantity)
            _remember(self._amounts, key, money)
        currency = money["currency"]
        if currency:
            self.tally.currencies[currency] += 1
        if not money["disclosed"]:
            return money | _NO_RATES
        if currency is None:
            return money | _NO_RATES | {"fx_note": "no currency"}
        rkey = (currency, on, period)
        rates = self._rate_fields.get(rkey)
        if rates is None:
            rates = self._rates_for(currency, on, period)
            _remember(self._rate_fields, rkey, rates)
        return money | rates

    @staticmethod
    def _money_fields(raw: str | None, q: Quantity) -> dict[str, Any]:
        money = q.kind is Kind.MONEY
        low = q.low if q.low is not None else (q.value if money else None)
        high = q.high if q.high is not None else (q.value if money else None)
        note = q.reason
        if q.equivalent is not None:
            note = "; ".join(n for n in (q.reason, f"stated equivalent: {q.equivalent.input}") if n)
        return {
            "amount_raw": raw,
            "amount_kind": q.kind.value,
            "amount_value": _q(q.value) if money else None,
            "amount_low": _q(low),
            "amount_high": _q(high),
            "amount_qualifier": q.qualifier.value if q.qualifier else None,
            "currency": q.currency,
            "disclosed": money,
            "amount_note": note,
        }

    def _rates_for(self, currency: str, on: date | None, period: Period | None) -> dict[str, Any]:
        out: dict[str, Any] = dict(_NO_RATES)
        notes: list[str] = []
        days: list[date] = []
        for quote in QUOTES:
            got = self._rate(currency, quote, on, period)
            if isinstance(got, str):
                notes.append(got)
                continue
            rate, day = got
            days.append(day)
            out[f"{quote.lower()}_rate"] = rate
        out["fx_rate_date"] = min(days) if days and on is not None else None
        if days and on is None and period is not None:
            notes.append(f"ECB average {period.start}..{period.end}")
        out["fx_note"] = "; ".join(dict.fromkeys(notes)) or None
        return out

    def _rate(
        self, base: str, quote: str, on: date | None, period: Period | None
    ) -> tuple[Decimal, date] | str:
        day = on or (period.end if period is not None else None)
        if day is None:
            return "no date: not converted"
        key: tuple[Any, ...] = (base, quote, on) if on is not None else (base, quote, day, period)
        found = self._rates.get(key)
        if found is None:
            try:
                if on is not None:
                    conv = self.fx.convert(Money(Decimal(1), base), quote, on)
                    found = (conv.rate.rate.quantize(_RATE_SCALE), conv.rate.on or on)
                else:
                    assert period is not None
                    conv = self.fx.convert_period(
                        Money(Decimal(1), base), quote, period.start, period.end
                    )
                    found = (conv.rate.rate.quantize(_RATE_SCALE), period.end)
            except FxError as exc:
                found = f"not converted: {exc}"
            self._rates[key] = found
        return found


_NO_RATES: dict[str, Any] = {
    **{f"{quote.lower()}_rate": None for quote in QUOTES},
    "fx_rate_date": None,
    "fx_note": None,
}


def converted(fields: dict[str, Any]) -> dict[str, Decimal | None]:
    """The converted amount columns of one deal row (what the store computes in bulk)."""
    out: dict[str, Decimal | None] = {}
    for quote in QUOTES:
        rate = fields.get(f"{quote.lower()}_rate")
        for part in ("value", "low", "high"):
            amount = fields.get(f"amount_{part}")
            out[f"{quote.lower()}_{part}"] = (
                None if rate is None or amount is None else _q(amount * rate)
            )
    return out


def _q(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_SCALE)


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()  # bounded memory on pathological inputs; correctness does not depend on it
    cache[key] = value
