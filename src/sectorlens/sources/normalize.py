"""The one place where sources call ``sectorlens.parse`` and ``fx``: raw text → normalized values.

Normalization works on whole columns of a chunk: each column is coded as its distinct raw values
(``Coded``), each distinct value is normalized once and remembered for the rest of the load, and
the results are mapped back to the rows with Arrow. So the cost of parsing grows with the number
of distinct values, not of rows. What a load saw (unmapped values, currencies, flags) is tallied
per row, from the counts of each code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, TypeVar

import pyarrow as pa

from sectorlens import parse
from sectorlens.fx import FxError, FxRates
from sectorlens.model import Kind, Money, Period, Quantity
from sectorlens.sources.coded import PAIR, STRING, Coded, Values, pairs
from sectorlens.sources.gazetteer import Gazetteer, Place
from sectorlens.sources.taxonomy import SectorMatch, Taxonomy

QUOTES = ("CNY", "USD", "KRW")
_SCALE = Decimal("0.000001")
_RATE_SCALE = Decimal("1e-12")
_EXACT = Context(prec=100, rounding=ROUND_HALF_UP)  # products of 38-digit amounts and rates
_CACHE_LIMIT = 50_000  # distinct values remembered per kind; beyond it, start again (memory)

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

Day = tuple[date | None, str | None]
"""The first day a date cell names, and ``date_precision``/``bad_date`` when it is not a day."""
Rates = tuple[Decimal | None, Decimal | None, Decimal | None, date | None, str | None]
"""CNY, USD and KRW rates of an amount's currency, the date of the rates, and a note."""
NO_RATES: Rates = (None, None, None, None, None)
Converted = tuple[Decimal | None, ...]
"""cny_value, cny_low, cny_high, usd_value, … krw_high: amount × rate."""
CONVERTED = tuple(f"{q.lower()}_{part}" for q in QUOTES for part in ("value", "low", "high"))
_NOTHING: Converted = (None,) * 9


@dataclass
class Tally:
    """What a load saw that is worth reporting: unmapped values and currencies."""

    unmapped_sectors: Counter[str] = field(default_factory=Counter)
    unmapped_places: Counter[str] = field(default_factory=Counter)
    unmapped_rounds: Counter[str] = field(default_factory=Counter)
    currencies: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class Located:
    """A place cell: its raw text, the place it resolves to, how many places it names."""

    raw: str | None
    place: Place | None = None
    named: int = 0


@dataclass(frozen=True, slots=True)
class Classified:
    """Sector cells: their raw text, the taxonomy's match, and the text tallied when unmapped."""

    raw: str | None
    sub: str | None = None
    match: SectorMatch | None = None
    unmapped: str | None = None


class Normalizer:
    """Parses and converts raw values for one load; create one per load and pass it on."""

    def __init__(
        self, fx: FxRates, gazetteer: Gazetteer, taxonomy: Taxonomy, *, tally: Tally | None = None
    ) -> None:
        self.fx, self.gazetteer, self.taxonomy = fx, gazetteer, taxonomy
        self.tally = tally or Tally()
        self._tables: dict[str, Values[Any]] = {}
        self._caches: dict[str, dict[Any, Any]] = {}
        self._serial = 0

    # -- columns -----------------------------------------------------------------------------
    def _values(self, kind: str, family: str | None = None) -> Values[Any]:
        table = self._tables.get(kind)
        if table is None or len(table) >= _CACHE_LIMIT:  # bounded memory; results do not change
            self._serial += 1
            table = self._tables[kind] = Values(self._serial)
            if family is not None:  # one table per family: forget those of replaced tables
                stale = [k for k in self._tables if k.startswith(f"{family}:") and k != kind]
                for k in stale:
                    del self._tables[k]
        return table

    def code(
        self, kind: str, keys: Sequence[K] | pa.Array | pa.ChunkedArray, fn: Callable[[K], T]
    ) -> Coded[T]:
        """``keys`` coded, each distinct key mapped once by ``fn`` (remembered per ``kind``)."""
        table: Values[T] = self._values(kind)
        if isinstance(keys, pa.ChunkedArray):
            keys = keys.combine_chunks()
        if isinstance(keys, pa.Array):
            encoded = keys.dictionary_encode()
            codes = table.codes(encoded.dictionary.to_pylist(), fn)
            return Coded(pa.array(codes, pa.int32()).take(encoded.indices), table)
        return Coded(pa.array(table.codes(keys, fn), pa.int32()), table)

    def pairs(
        self, kind: str, a: Coded[Any], b: Coded[Any], make: Callable[[Any, Any], T]
    ) -> Coded[T]:
        """A column of ``make(a value, b value)`` of each row, made once per distinct pair."""
        local, keys = pairs(a, b)
        # pairs of codes mean something only with the same two tables of values
        table: Values[T] = self._values(f"{kind}:{a.table.serial}:{b.table.serial}", kind)
        va, vb = a.table.values, b.table.values
        codes = table.codes(keys, lambda k: make(va[k // PAIR], vb[k % PAIR]))
        return Coded(pa.array(codes, pa.int32()).take(local), table)

    def each(self, kind: str, keys: Sequence[K], fn: Callable[[K], T]) -> list[T]:
        """``fn`` of every key as a list, computed once per distinct key."""
        cache = self._caches.setdefault(f"each:{kind}", {})
        missing = set(keys).difference(cache)
        if len(cache) + len(missing) > _CACHE_LIMIT:
            cache.clear()
            missing = set(keys)
        for key in missing:
            cache[key] = fn(key)
        return [cache[k] for k in keys]

    def once(self, kind: str, key: K, fn: Callable[[K], T]) -> T:
        """``fn(key)``, remembered for the rest of the load under ``kind``."""
        cache = self._caches.setdefault(kind, {})
        found = cache.get(key, cache)
        if found is cache:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()  # bounded memory on pathological inputs; results do not change
            found = cache[key] = fn(key)
        return found

    def days(self, raws: Sequence[str], *, date_format: str | None = None) -> Coded[Day]:
        """The first day each cell names, flagged when it is a month/year or not a date."""
        return self.code(f"day:{date_format}", raws, lambda raw: self.day(raw, date_format))

    def rounds(self, raws: Sequence[str]) -> Coded[str | None]:
        """``parse.canonical_round`` of each cell; unmapped non-empty values are tallied."""
        coded = self.code("round", raws, self.round)
        for code, n in coded.counts():
            raw = str(coded.table.keys[code]).strip()
            if raw and raw not in {"-", "—"} and coded.values[code] is None:
                self.tally.unmapped_rounds[raw] += n
        return coded

    def moneys(
        self, raws: Sequence[str], currency: str | Sequence[str | None] | None
    ) -> Coded[Quantity]:
        """``parse.parse_money`` of each cell with its default currency (one for all, or each)."""
        if currency is None or isinstance(currency, str):
            return self.code(f"money:{currency}", raws, lambda raw: self.money(raw, currency))
        keys = list(zip(raws, currency, strict=True))
        return self.code("money", keys, lambda key: self.money(*key))

    def places(
        self, keys: Sequence[K], resolve: Callable[[K], Located], *, kind: str, tally: bool = True
    ) -> Coded[Located]:
        """Each place key resolved once; unresolved parts tallied per row (unless ``tally``)."""
        coded = self.code(f"place:{kind}", keys, resolve)
        if tally:
            for code, n in coded.counts():
                place = coded.values[code].place
                for part in place.unresolved if place else ():
                    self.tally.unmapped_places[part] += n
        return coded

    def sectors(
        self,
        keys: Sequence[K],
        classify: Callable[[K], Classified],
        *,
        kind: str,
        tally: bool = True,
    ) -> Coded[Classified]:
        """Each sector key classified once; unmapped values tallied per row (unless ``tally``)."""
        coded = self.code(f"sector:{kind}", keys, classify)
        if tally:
            for code, n in coded.counts():
                unmapped = coded.values[code].unmapped
                if unmapped:
                    self.tally.unmapped_sectors[unmapped] += n
        return coded

    def rates(self, amounts: Coded[Quantity], when: Coded[Any], *, period: bool) -> Coded[Rates]:
        """Rates of each amount's currency on its date: the ECB rate of the day (``when`` holds
        Days), or a period's average (``when`` holds Periods, ``period``)."""
        # rates depend on the currency (or on there being no amount), not on the amount
        classes = self.code("rate-class", amounts.field("rate_class", _rate_class, STRING), str)

        def make(currency: str, day: Any) -> Rates:
            if period:
                return self.once("rates", (currency, None, day), self._rates_of)
            return self.once("rates", (currency, day[0], None), self._rates_of)

        return self.pairs("rates", classes, when, make)

    def converted(self, amounts: Coded[Quantity], rates: Coded[Rates]) -> Coded[Converted]:
        """Amount × rate for CNY, USD and KRW (value, low, high), each distinct pair once."""
        return self.pairs("converted", amounts, rates, _converted)

    # -- one value ---------------------------------------------------------------------------
    def money(self, text: str, default_currency: str | None = None) -> Quantity:
        """``parse.parse_money`` of ``text``; an empty cell is undisclosed (noted as empty)."""
        if not text.strip():
            return Quantity(text, Kind.UNDISCLOSED, currency=default_currency, reason="empty cell")
        q = parse.parse_money(text, default_currency=default_currency)
        if q.kind is Kind.MISSING:  # N/A, -, None: stored as before, as undisclosed with a note
            return Quantity(text, Kind.UNDISCLOSED, reason=f"missing-value marker {text.strip()!r}")
        return q

    def period(self, text: str, *, date_format: str | None = None) -> Period | None:
        """``parse.parse_period`` of ``text`` (a day, month, year…), None when unreadable."""
        return self.once(f"period:{date_format}", text, lambda t: _period(t, date_format))

    def day(self, raw: str, date_format: str | None = None) -> Day:
        """The first day ``raw`` names, and a flag when it is a month/year (or not a date)."""
        if not raw or raw.strip() in {"-", "—"}:
            return None, None
        period = self.period(raw, date_format=date_format)
        if period is None:
            return None, "bad_date"
        if period.start == period.end:
            return period.start, None
        return period.start, "date_precision"

    @staticmethod
    def round(text: str) -> str | None:
        """``parse.canonical_round`` of ``text`` (None for an empty cell)."""
        return parse.canonical_round(text) if text.strip() else None

    def split_places(self, text: str) -> tuple[tuple[str, ...], ...]:
        """``parse.split_places``: each place named in ``text`` as its levels, broadest first."""
        return tuple(parse.split_places(text)) if text.strip() else ()

    def place(self, parts: tuple[str, ...], *, country: str | None = None) -> Place:
        """Resolve ``parts`` with the gazetteer (unresolved parts are in ``Place.unresolved``)."""
        return self.gazetteer.resolve(parts, country=country)

    def classify(
        self, source: str, values: dict[str, str], *, raw: str | None, sub: str | None = None
    ) -> Classified:
        """Classify with the taxonomy, fields tried in order; unmapped text is kept to tally."""
        match = self.taxonomy.classify(source, values)
        text = " / ".join(v for v in values.values() if v)
        return Classified(raw or None, sub or None, match, None if match else text or None)

    def classify_any(
        self, source: str, values: tuple[str, ...], *, raw: str | None, sub: str | None = None
    ) -> Classified:
        """Classify the first of ``values`` any of ``source``'s taxonomy fields knows."""
        for value in values:
            for field_name in self.taxonomy.fields(source):
                found = self.taxonomy.match(source, field_name, value)
                if found is not None:
                    return Classified(raw or None, sub or None, found, None)
        text = " / ".join(v for v in values if v)
        return Classified(raw or None, sub or None, None, text or None)

    # -- rates -----------------------------------------------------------------------------
    def _rates_of(self, key: tuple[str, date | None, Period | None]) -> Rates:
        currency, on, period = key
        if not currency:
            return NO_RATES  # nothing disclosed: nothing to convert
        if currency == "?":
            return (None, None, None, None, "no currency")
        return self._rates_for(currency, on, period)

    def _rates_for(self, currency: str, on: date | None, period: Period | None) -> Rates:
        rates: dict[str, Decimal] = {}
        notes: list[str] = []
        days: list[date] = []
        for quote in QUOTES:
            got = self._rate(currency, quote, on, period)
            if isinstance(got, str):
                notes.append(got)
                continue
            rate, day = got
            days.append(day)
            rates[quote] = rate
        when = min(days) if days and on is not None else None
        if days and on is None and period is not None:
            notes.append(f"ECB average {period.start}..{period.end}")
        note = "; ".join(dict.fromkeys(notes)) or None
        return (rates.get("CNY"), rates.get("USD"), rates.get("KRW"), when, note)

    def _rate(
        self, base: str, quote: str, on: date | None, period: Period | None
    ) -> tuple[Decimal, date] | str:
        day = on or (period.end if period is not None else None)
        if day is None:
            return "no date: not converted"
        key: tuple[Any, ...] = (base, quote, on) if on is not None else (base, quote, day, period)
        return self.once("rate", key, lambda _: self._fetch_rate(base, quote, on, period))

    def _fetch_rate(
        self, base: str, quote: str, on: date | None, period: Period | None
    ) -> tuple[Decimal, date] | str:
        try:
            if on is not None:
                conv = self.fx.convert(Money(Decimal(1), base), quote, on)
                return conv.rate.rate.quantize(_RATE_SCALE), conv.rate.on or on
            assert period is not None
            conv = self.fx.convert_period(Money(Decimal(1), base), quote, period.start, period.end)
            return conv.rate.rate.quantize(_RATE_SCALE), period.end
        except FxError as exc:
            return f"not converted: {exc}"


def _rate_class(q: Quantity) -> str:
    """'' without an amount, '?' for an amount without a currency, else the currency."""
    return (q.currency or "?") if q.kind is Kind.MONEY else ""


def _converted(q: Quantity, rates: Rates) -> Converted:
    """The nine converted amounts of one amount (as text, exact), rounded like the store."""
    if q.kind is not Kind.MONEY:
        return _NOTHING
    parts = (
        q.value,
        q.low if q.low is not None else q.value,
        q.high if q.high is not None else q.value,
    )
    out: list[Decimal | None] = []
    for rate in rates[:3]:
        for part in parts:
            out.append(None if rate is None or part is None else _product(quantize(part), rate))
    return tuple(out)


def _product(amount: Decimal | None, rate: Decimal) -> Decimal | None:
    """amount × rate, exact, rounded to the amount scale half away from zero (as DuckDB does)."""
    if amount is None:
        return None
    return _EXACT.quantize(_EXACT.multiply(amount, rate), _SCALE)


def _period(text: str, date_format: str | None) -> Period | None:
    if not text.strip():
        return None
    q = parse.parse_period(text, date_format=date_format)
    return q.period if q.kind is Kind.PERIOD else None


def converted(fields: dict[str, Any]) -> dict[str, Decimal | None]:
    """The converted amount columns of one deal row (as ``deal_table`` computes them)."""
    out: dict[str, Decimal | None] = {}
    for quote in QUOTES:
        rate = fields.get(f"{quote.lower()}_rate")
        for part in ("value", "low", "high"):
            amount = fields.get(f"amount_{part}")
            out[f"{quote.lower()}_{part}"] = None if rate is None else _product(amount, rate)
    return out


def quantize(value: Decimal | None) -> Decimal | None:
    """An amount at the store's scale (6 decimal places)."""
    return None if value is None else value.quantize(_SCALE)
