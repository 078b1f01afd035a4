"""Deal and company rows of one chunk as Arrow tables, built column by column.

An adapter decides which rows of a chunk are deals or companies and hands over their raw columns
(lists aligned with those rows) and coded normalizations (``Normalizer.days``, ``moneys``,
``places``, ``sectors``); these functions assemble the store's columns: raw text beside every
normalized value and flags. Amounts stay in their stated currency (metrics convert them at query
time from the store's ``fx_rates``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeAlias, TypeVar

import pyarrow as pa
import pyarrow.compute as pc

from sectorlens.model import Kind, Quantity
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.coded import Coded
from sectorlens.sources.normalize import (
    Classified,
    Day,
    Located,
    Normalizer,
    quantize,
)

STRING, DATE, FLAGS = pa.string(), pa.date32(), pa.list_(pa.string())
AMOUNT = pa.decimal128(38, 6)
PLACE_COLUMNS = ("country", "region", "province", "city", "district", "cluster")
T = TypeVar("T")
Flags = dict[int, list[str]]
"""Flags an adapter sets, by row of the chunk."""


def company_key(source: str, name: str) -> str:
    """A stable company id from a source and a natural key (case and width folded)."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return f"{source}:{folded}"


Text: TypeAlias = Sequence[str | None] | pa.Array
"""A text column: Python text, or an Arrow column of it."""


def strings(values: Text) -> pa.Array:
    """A text column, with '' stored as NULL."""
    if isinstance(values, pa.Array):
        return pc.if_else(pc.equal(values, ""), pa.scalar(None, STRING), values)
    return pa.array([v or None for v in values], STRING)


def texts(values: Text) -> pa.Array:
    """A text column as Arrow."""
    return values if isinstance(values, pa.Array) else pa.array(values, STRING)


def pick(values: Sequence[T], rows: Sequence[int] | None) -> Sequence[T]:
    """``values`` of ``rows`` only (all of them when ``rows`` is None)."""
    return values if rows is None else list(map(values.__getitem__, rows))


def deal_table(
    norm: Normalizer,
    chunk: Chunk,
    rows: Sequence[int] | None,
    *,
    source: str,
    company_id: Text,
    company_name: Text,
    date_raw: Text,
    dates: Coded[Day],
    round_raw: Text,
    amount_raw: Text,
    amounts: Coded[Quantity],
    investors: Text,
    places: Coded[Located],
    sectors: Coded[Classified],
    flags: Flags | None = None,
    notes: Sequence[str | None] | None = None,
) -> pa.Table:
    """The deals of ``rows`` (every column aligned with them)."""
    refs = pick(chunk.refs, rows)
    rounds = norm.rounds(
        pc.fill_null(round_raw, "")
        if isinstance(round_raw, pa.Array)
        else [r or "" for r in round_raw]
    )
    for code, n in amounts.counts():
        currency = amounts.values[code].currency
        if currency:
            norm.tally.currencies[currency] += n
    extra: Flags = {}
    for j, day in dates.where("imprecise", _imprecise):
        extra[j] = [f"{day[1]}:deal"]
    for j, _ in amounts.where("unparsed", _unparsed):
        extra.setdefault(j, []).append("amount_unparsed")
    flag_column = _flags(chunk, rows, flags, extra, tally=norm)
    note = amounts.field("amount_note", _note, STRING)
    if notes is not None:
        note = pa.array(
            [
                f"{a}; {b}" if a and b else a or b
                for a, b in zip(note.to_pylist(), notes, strict=True)
            ],
            STRING,
        )
    columns: dict[str, pa.Array] = {
        "deal_id": (ref_array := pa.array(refs, STRING)),
        "row_ref": ref_array,
        "source_format": pa.array([source] * len(refs), STRING),
        "company_id": texts(company_id),
        "company_name": texts(company_name),
        "deal_date": dates.field("day", _day, DATE),
        "date_raw": strings(date_raw),
        "round_raw": strings(round_raw),
        "round": rounds.field("round", _same, STRING),
        "amount_raw": texts(amount_raw),
        "amount_kind": amounts.field("amount_kind", _kind, STRING),
        "amount_value": amounts.field("amount_value", _value, AMOUNT),
        "amount_low": amounts.field("amount_low", _low, AMOUNT),
        "amount_high": amounts.field("amount_high", _high, AMOUNT),
        "amount_qualifier": amounts.field("amount_qualifier", _qualifier, STRING),
        "currency": amounts.field("currency", _currency, STRING),
        "disclosed": amounts.field("disclosed", _disclosed, pa.bool_()),
        "amount_note": note,
        **_place_columns(places),
        **_sector_columns(sectors),
        "investors": texts(investors),
        "flags": flag_column,
    }
    return pa.table(columns)


def company_table(
    norm: Normalizer,
    chunk: Chunk,
    rows: Sequence[int] | None,
    *,
    source: str,
    company_id: Sequence[str],
    name: Sequence[str],
    name_raw: Sequence[str],
    founded_raw: Sequence[str],
    founded: Coded[Day],
    places: Coded[Located],
    sectors: Coded[Classified],
    flags: Flags | None = None,
    status: Sequence[str | None] | None = None,
    legal_name: Sequence[str | None] | None = None,
    website: Sequence[str | None] | None = None,
    description: Sequence[str | None] | None = None,
) -> pa.Table:
    """The companies of ``rows`` (every column aligned with them)."""
    refs = pick(chunk.refs, rows)
    extra: Flags = {}
    for j, day in founded.where("imprecise", _imprecise):
        extra[j] = [f"{day[1]}:founded"]
    none = [None] * len(refs)
    columns: dict[str, pa.Array] = {
        "company_id": pa.array(company_id, STRING),
        "row_ref": pa.array(refs, STRING),
        "source_format": pa.array([source] * len(refs), STRING),
        "name": pa.array(name, STRING),
        "name_raw": pa.array(name_raw, STRING),
        "legal_name": pa.array(legal_name or none, STRING),
        "website": pa.array(website or none, STRING),
        "founded": founded.field("day", _day, DATE),
        "founded_raw": strings(founded_raw),
        "status": pa.array(status or none, STRING),
        **_place_columns(places),
        **_sector_columns(sectors),
        "description": pa.array(description or none, STRING),
        "flags": _flags(chunk, rows, flags, extra, tally=None),
    }
    return pa.table(columns)


def _place_columns(places: Coded[Located]) -> dict[str, pa.Array]:
    out = {"place_raw": places.field("place_raw", _raw, STRING)}
    for column in PLACE_COLUMNS:
        out[column] = places.field(column, _part(column), STRING)
    return out


def _part(column: str) -> Any:
    def get(located: Located) -> str | None:
        return None if located.place is None else getattr(located.place, column)

    return get


def _sector_columns(sectors: Coded[Classified]) -> dict[str, pa.Array]:
    return {
        "sector_raw": sectors.field("sector_raw", _raw, STRING),
        "subsector_raw": sectors.field("subsector_raw", _sub, STRING),
        "sector": sectors.field("sector", _category, STRING),
        "chain_layer": sectors.field("chain_layer", _layer, STRING),
    }


def _flags(
    chunk: Chunk,
    rows: Sequence[int] | None,
    flags: Flags | None,
    extra: Flags,
    *,
    tally: Normalizer | None,
) -> pa.Array:
    """The flags column: the reader's, the adapter's and the normalization's, sorted."""
    count = len(chunk) if rows is None else len(rows)
    merged: dict[int, tuple[str, ...]] = {j: tuple(f) for j, f in extra.items()}
    given: list[dict[int, Any]] = [chunk.flags, flags or {}]
    for by_row in given:
        if not by_row:
            continue
        position = None if rows is None else {i: j for j, i in enumerate(rows) if i in by_row}
        for i, found in by_row.items():
            j = i if position is None else position.get(i)
            if j is not None:
                merged[j] = merged.get(j, ()) + tuple(found)
    # few distinct sets of flags: each is sorted (and tallied) once, rows point to it
    distinct: dict[tuple[str, ...], int] = {(): 0}
    codes = [0] * count
    for j, found in merged.items():
        codes[j] = distinct.setdefault(found, len(distinct))
    lists = [sorted(set(found)) or None for found in distinct]
    if tally is not None:
        counted = Counter(codes)
        for found, n in zip(lists, (counted[k] for k in range(len(lists))), strict=True):
            for flag in found or ():
                tally.tally.flags[flag.partition(":")[0]] += n
    return pa.array(lists, FLAGS).take(pa.array(codes, pa.int32()))


def _imprecise(day: Day) -> bool:
    return day[1] is not None


def _unparsed(q: Quantity) -> bool:
    return q.kind is Kind.UNPARSED


def _same(value: Any) -> Any:
    return value


def _day(day: Day) -> Any:
    return day[0]


def _raw(value: Located | Classified) -> str | None:
    return value.raw or None


def _sub(value: Classified) -> str | None:
    return value.sub or None


def _category(value: Classified) -> str | None:
    return value.match.category if value.match else None


def _layer(value: Classified) -> str | None:
    return value.match.layer if value.match else None


def _kind(q: Quantity) -> str:
    return q.kind.value


def _qualifier(q: Quantity) -> str | None:
    return q.qualifier.value if q.qualifier else None


def _currency(q: Quantity) -> str | None:
    return q.currency


def _disclosed(q: Quantity) -> bool:
    return q.kind is Kind.MONEY


def _value(q: Quantity) -> Decimal | None:
    return quantize(q.value) if q.kind is Kind.MONEY else None


def _low(q: Quantity) -> Decimal | None:
    money = q.kind is Kind.MONEY
    return quantize(q.low if q.low is not None else (q.value if money else None))


def _high(q: Quantity) -> Decimal | None:
    money = q.kind is Kind.MONEY
    return quantize(q.high if q.high is not None else (q.value if money else None))


def _note(q: Quantity) -> str | None:
    if q.equivalent is not None:
        return "; ".join(n for n in (q.reason, f"stated equivalent: {q.equivalent.input}") if n)
    return q.reason
