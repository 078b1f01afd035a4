"""Columns as codes into the distinct values of a load: each distinct raw value normalized once.

A ``Values`` holds every distinct key of one kind (amount texts, date texts, place keys…) seen
in a load with what it was normalized to, and keeps Arrow columns of those values (a field each)
that grow as new keys come. A ``Coded`` column of a chunk is one code per row into a ``Values``;
its Arrow fields are ``take``s of the shared columns, so a chunk costs a dictionary lookup per
row and Python work per *new* distinct key only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress, repeat
from operator import is_
from typing import Any, Generic, TypeVar

import pyarrow as pa
import pyarrow.compute as pc

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
STRING = pa.string()
_EPOCH = date(1970, 1, 1).toordinal()


class Values(Generic[T]):
    """The distinct keys of one kind seen so far in a load, their values, Arrow columns of them."""

    __slots__ = ("_columns", "index", "keys", "serial", "values")

    def __init__(self, serial: int) -> None:
        self.serial = serial  # tells this table from the one that replaced it (pair keys)
        self.index: dict[Any, int] = {}
        self.keys: list[Any] = []
        self.values: list[T] = []
        self._columns: dict[str, list[pa.Array]] = {}

    def __len__(self) -> int:
        return len(self.values)

    def codes(self, keys: Sequence[Any], make: Callable[[Any], T]) -> list[int]:
        """The code of each key; a key not seen before is made into a value first (in order of
        first appearance). One lookup per row; the rows of new keys are visited again."""
        index = self.index
        codes: list[int | None] = list(map(index.get, keys))
        if None in codes:
            for j in compress(range(len(codes)), map(is_, codes, repeat(None))):
                key = keys[j]
                code = index.get(key)
                if code is None:
                    code = self.add(key, make(key))
                codes[j] = code
        return codes  # type: ignore[return-value]  # every None was replaced

    def add(self, key: Any, value: T) -> int:
        """Remember ``value`` as what ``key`` became; its code."""
        code = self.index[key] = len(self.values)
        self.keys.append(key)
        self.values.append(value)
        return code

    def column(self, name: str, get: Callable[[T], Any], type: pa.DataType) -> pa.ChunkedArray:
        """``get`` of every value as an Arrow column (built for new values only)."""
        pieces = self._columns.get(name)
        if pieces is None:
            pieces = self._columns[name] = [pa.array([], type)]
        done = sum(len(p) for p in pieces)
        if done < len(self.values):
            pieces.append(_array([get(v) for v in self.values[done:]], type))
            if len(self.values) >= 2 * len(pieces[0]):  # merged each time the column doubles
                pieces[:] = [pa.concat_arrays(pieces)]
        return pa.chunked_array(pieces, type)


def _array(values: list[Any], type: pa.DataType) -> pa.Array:
    if pa.types.is_decimal(type):  # through text: Arrow converts Python Decimals slowly
        return pa.array([None if v is None else f"{v:f}" for v in values], STRING).cast(type)
    if type == pa.date32():  # as day numbers: converting date objects makes Arrow load pandas
        days = [None if v is None else v.toordinal() - _EPOCH for v in values]
        return pa.array(days, pa.int32()).cast(type)
    return pa.array(values, type)


class Coded(Generic[T]):
    """A column of a chunk as codes into the ``Values`` of its kind."""

    __slots__ = ("_local", "codes", "table")

    def __init__(self, codes: pa.Array, table: Values[T]) -> None:
        self.codes, self.table = codes, table
        self._local: tuple[pa.Array, pa.Array] | None = None

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def values(self) -> list[T]:
        """The values codes point into (of the whole load, not only of this column)."""
        return self.table.values

    def field(self, name: str, get: Callable[[T], Any], type: pa.DataType) -> pa.Array:
        """One Arrow column of the rows: field ``name`` (``get``) of each row's value.

        Text comes dictionary-encoded (the distinct values of this column, and an index per row):
        cheaper to build, and cheaper for DuckDB to insert.
        """
        column = self.table.column(name, get, type)
        if not pa.types.is_string(type):
            return column.take(self.codes).combine_chunks()
        if self._local is None:
            distinct = pc.unique(self.codes)
            self._local = (pc.index_in(self.codes, value_set=distinct), distinct)
        indices, distinct = self._local
        return pa.DictionaryArray.from_arrays(indices, column.take(distinct).combine_chunks())

    def take(self, rows: Sequence[int]) -> Coded[T]:
        """The values of ``rows`` only."""
        return Coded(self.codes.take(pa.array(rows, pa.int64())), self.table)

    def counts(self) -> Iterator[tuple[int, int]]:
        """Each code in use with the number of rows that have it."""
        if not len(self.codes):
            return
        counted = pc.value_counts(self.codes)
        codes = counted.field("values").to_pylist()
        yield from zip(codes, counted.field("counts").to_pylist(), strict=True)

    def where(self, name: str, test: Callable[[T], bool]) -> list[tuple[int, T]]:
        """The rows whose value passes ``test`` (a field called ``name``): (position, value)."""
        positions = pc.indices_nonzero(self.field(name, test, pa.bool_()))
        if not len(positions):
            return []
        values = self.table.values
        codes = self.codes.take(positions).to_pylist()
        return [(j, values[c]) for j, c in zip(positions.to_pylist(), codes, strict=True)]

    def pylist(self) -> list[T]:
        """The value of every row, as a Python list."""
        values = self.table.values
        return [values[c] for c in self.codes.to_pylist()]


PAIR = 1 << 31  # a pair of codes (a, b) as one number: a * PAIR + b


@dataclass(frozen=True, slots=True)
class Distinct(Generic[K]):
    """A column as its distinct keys and, for each row, the position of its key among them."""

    keys: list[K]
    indices: pa.Array

    @classmethod
    def of(cls, column: pa.Array) -> Distinct[Any]:
        """The distinct values of an Arrow column (without nulls)."""
        encoded = column.dictionary_encode()
        return cls(encoded.dictionary.to_pylist(), encoded.indices)


def distinct_pairs(a: pa.Array, b: pa.Array) -> Distinct[tuple[Any, Any]]:
    """The (a, b) pair of each row of two Arrow columns, as distinct pairs."""
    first, second = a.dictionary_encode(), b.dictionary_encode()
    combined = pc.add(
        pc.multiply(first.indices.cast(pa.int64()), PAIR), second.indices.cast(pa.int64())
    ).dictionary_encode()
    va, vb = first.dictionary.to_pylist(), second.dictionary.to_pylist()
    keys = [(va[k // PAIR], vb[k % PAIR]) for k in combined.dictionary.to_pylist()]
    return Distinct(keys, combined.indices)


def pairs(a: Coded[Any], b: Coded[Any]) -> tuple[pa.Array, list[int]]:
    """Codes (into the list returned) of the distinct (a, b) code pairs of two columns."""
    if not len(a):
        return pa.array([], pa.int32()), []
    combined = pc.add(pc.multiply(a.codes.cast(pa.int64()), PAIR), b.codes.cast(pa.int64()))
    encoded = combined.dictionary_encode()
    return encoded.indices, encoded.dictionary.to_pylist()
