"""The one place where sources call ``sectorlens.parse``: raw text → normalized values.

Amounts stay in their stated currency: metrics convert them at query time (store ``fx_rates``).

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
from typing import Any, TypeAlias, TypeVar

import pyarrow as pa

from sectorlens import parse
from sectorlens.fx import FxRates
from sectorlens.model import Kind, Period, Quantity
from sectorlens.sources.coded import PAIR, Coded, Distinct, Values, pairs
from sectorlens.sources.gazetteer import Gazetteer, Place
from sectorlens.sources.taxonomy import SectorMatch, Taxonomy

#: cells that hold no value, whatever the column (compared case-folded)
BLANKS = frozenset({"", "-", "—", "–", "n/a", "na", "nan", "null", "none", "n.a."})
_SCALE = Decimal("0.000001")
_EXACT = Context(prec=100, rounding=ROUND_HALF_UP)  # amounts of up to 38 digits, exactly
MAX_VALUE = 200  # characters of an amount, date, round or place cell that are parsed at all
_HUGE = Decimal(10) ** 24  # no amount is this large: a number beyond it is not an amount
_CACHE_LIMIT = 50_000  # distinct values remembered per kind; beyond it, start again (memory)

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
Keys: TypeAlias = Sequence[K] | pa.Array | pa.ChunkedArray | Distinct[K]
"""A column of keys: Python values, an Arrow column, or its distinct keys."""

Day = tuple[date | None, str | None]
"""The first day a date cell names, and ``date_precision``/``bad_date`` when it is not a day."""


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
        self,
        kind: str,
        keys: Keys[K],
        fn: Callable[[K], T],
    ) -> Coded[T]:
        """``keys`` coded, each distinct key mapped once by ``fn`` (remembered per ``kind``)."""
        table: Values[T] = self._values(kind)
        if isinstance(keys, pa.ChunkedArray):
            keys = keys.combine_chunks()
        if isinstance(keys, pa.Array):
            keys = Distinct.of(keys)
        if isinstance(keys, Distinct):
            codes = table.codes(keys.keys, fn)
            return Coded(pa.array(codes, pa.int32()).take(keys.indices), table)
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
        try:
            return list(map(cache.__getitem__, keys))
        except KeyError:
            pass
        missing = set(keys).difference(cache)
        if len(cache) + len(missing) > _CACHE_LIMIT:
            cache.clear()
            missing = set(keys)
        for key in missing:
            cache[key] = fn(key)
        return list(map(cache.__getitem__, keys))

    def once(self, kind: str, key: K, fn: Callable[[K], T]) -> T:
        """``fn(key)``, remembered for the rest of the load under ``kind``."""
        cache = self._caches.setdefault(kind, {})
        found = cache.get(key, cache)
        if found is cache:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()  # bounded memory on pathological inputs; results do not change
            found = cache[key] = fn(key)
        return found

    def days(self, raws: Keys[str], *, date_format: str | None = None) -> Coded[Day]:
        """The first day each cell names, flagged when it is a month/year or not a date."""
        return self.code(f"day:{date_format}", raws, lambda raw: self.day(raw, date_format))

    def rounds(self, raws: Keys[str]) -> Coded[str | None]:
        """``parse.canonical_round`` of each cell; unmapped non-empty values are tallied."""
        coded = self.code("round", raws, self.round)
        for code, n in coded.counts():
            raw = str(coded.table.keys[code]).strip()
            if not blank_cell(raw) and coded.values[code] is None:
                self.tally.unmapped_rounds[raw] += n
        return coded

    def moneys(
        self, raws: Sequence[str] | pa.Array, currency: str | Sequence[str | None] | None
    ) -> Coded[Quantity]:
        """``parse.parse_money`` of each cell with its default currency (one for all, or each)."""
        if currency is None or isinstance(currency, str):
            return self.code(f"money:{currency}", raws, lambda raw: self.money(raw, currency))
        cells = raws.to_pylist() if isinstance(raws, pa.Array) else raws
        keys = list(zip(cells, currency, strict=True))
        return self.code("money", keys, lambda key: self.money(*key))

    def places(
        self, keys: Keys[K], resolve: Callable[[K], Located], *, kind: str, tally: bool = True
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
        keys: Keys[K],
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

    # -- one value ---------------------------------------------------------------------------
    def money(self, text: str, default_currency: str | None = None) -> Quantity:
        """``parse.parse_money`` of ``text``; an empty cell is undisclosed (noted as empty).

        A number beyond any amount (≥ 10^24) is unparsed with the note "number too large", which
        the load rejects (``amount_above_ceiling``)."""
        if not text.strip():
            return Quantity(text, Kind.UNDISCLOSED, currency=default_currency, reason="empty cell")
        if blank_cell(text):
            reason = f"missing value {text.strip()!r}"
            return Quantity(text, Kind.UNDISCLOSED, currency=default_currency, reason=reason)
        if len(text) > MAX_VALUE:  # bounded parse time, whatever the cell
            return Quantity(
                text, Kind.UNPARSED, reason=f"too long for an amount ({len(text):,} characters)"
            )
        q = parse.parse_money(text, default_currency=default_currency)
        if q.kind is Kind.MISSING:  # a missing-value marker the parser knows
            reason = f"missing value {text.strip()!r}"
            return Quantity(text, Kind.UNDISCLOSED, currency=default_currency, reason=reason)
        if q.kind is Kind.MONEY and any(
            v is not None and abs(v) >= _HUGE for v in (q.value, q.low, q.high)
        ):
            shown = text if len(text) <= 40 else text[:40] + "…"
            return Quantity(
                text, Kind.UNPARSED, currency=q.currency, reason=f"number too large: {shown}"
            )
        return q

    def period(self, text: str, *, date_format: str | None = None) -> Period | None:
        """``parse.parse_period`` of ``text`` (a day, month, year…), None when unreadable."""
        return self.once(f"period:{date_format}", text, lambda t: _period(t, date_format))

    def day(self, raw: str, date_format: str | None = None) -> Day:
        """The first day ``raw`` names, and a flag when it is a month/year (or not a date)."""
        if not raw or blank_cell(raw):
            return None, None
        if len(raw) > MAX_VALUE:
            return None, "bad_date"
        period = self.period(raw, date_format=date_format)
        if period is None:
            return None, "bad_date"
        if period.start == period.end:
            return period.start, None
        return period.start, "date_precision"

    @staticmethod
    def round(text: str) -> str | None:
        """``parse.canonical_round`` of ``text`` (None for an empty cell)."""
        if blank_cell(text) or len(text) > MAX_VALUE:
            return None
        return parse.canonical_round(text)

    def split_places(self, text: str) -> tuple[tuple[str, ...], ...]:
        """``parse.split_places``: each place named in ``text`` as its levels, broadest first."""
        if not text.strip() or len(text) > MAX_VALUE:
            return ()
        return tuple(parse.split_places(text))

    def place(
        self, parts: tuple[str, ...], *, country: str | None = None, strict: bool = False
    ) -> Place:
        """Resolve ``parts`` with the gazetteer (unresolved parts are in ``Place.unresolved``)."""
        return self.gazetteer.resolve(parts, country=country, strict=strict)

    def country(self, text: str) -> str | None:
        """The ISO alpha-2 code a country cell names (``USA``, ``840``, ``미국``), or None."""
        return self.once("country", text.strip(), self.gazetteer.countries.resolve)

    def locate(self, raw: str, country_cell: str = "", default: str | None = None) -> Located:
        """A place cell with the row's country cell (which wins) or a default country
        (``sources.placing.locate``)."""
        from sectorlens.sources.placing import locate

        return locate(self, raw, country_cell, default)

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


def blank_cell(value: str) -> bool:
    """An empty cell or a bare placeholder (``-``, ``N/A``, ``None``, ``nan``)."""
    value = value.strip()
    return len(value) <= 5 and value.casefold() in BLANKS


def _period(text: str, date_format: str | None) -> Period | None:
    if not text.strip():
        return None
    q = parse.parse_period(text, date_format=date_format)
    return q.period if q.kind is Kind.PERIOD else None


def quantize(value: Decimal | None) -> Decimal | None:
    """An amount at the store's scale (6 decimal places)."""
    return None if value is None else _EXACT.quantize(value, _SCALE)
