"""The company ids a load has stored so far, exactly, in memory that does not grow with the file.

A company comes once per load (its first row describes it; ``Adapter.unseen``). Holding every id
of a load in a Python set grew with the file (about 100 bytes per company: 3M companies, 300
MiB). Here the recent ids are a set of at most ``recent`` entries; beyond that they are handed to
a ``Spill`` (the store keeps them in a temporary table, in DuckDB's memory-limited buffer pool)
and remembered by a Bloom filter of fixed size. An id the filter has never seen is new for sure;
an id it may have seen is looked up in the spill, so the answer is always exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

_MASK = (1 << 64) - 1


class Spill(Protocol):
    """Where ids go once the recent set is full (a temporary table of the store)."""

    def add(self, ids: Sequence[str]) -> None:
        """Remember ``ids`` (each given once)."""

    def find(self, ids: Sequence[str]) -> set[str]:
        """The ``ids`` remembered so far."""


class SeenIds:
    """Claims company ids in file order: the first claim of an id is new, later ones are not."""

    def __init__(self, spill: Spill | None = None, *, recent: int = 65_536, bits: int = 1 << 28):
        if bits & (bits - 1):
            raise ValueError("bits must be a power of two")
        self._spill = spill
        self._cap = recent
        self._bits = bits
        self._recent: set[str] = set()
        self._filter: bytearray | None = None  # allocated at the first spill (bits / 8 bytes)
        self.spilled = 0  # ids handed to the spill so far

    def claim(self, ids: Sequence[str]) -> list[bool]:
        """For each id of ``ids`` in order: True when this load has not claimed it before."""
        recent = self._recent
        found: set[str] = set()
        if self._filter is not None:
            maybe = [i for i in set(ids) if i not in recent and self._maybe(i)]
            if maybe:
                assert self._spill is not None
                found = self._spill.find(maybe)
        out = []
        for company_id in ids:
            new = company_id not in recent and company_id not in found
            if new:
                recent.add(company_id)
            out.append(new)
        if len(recent) > self._cap and self._spill is not None:
            self._flush()
        return out

    def _positions(self, company_id: str) -> tuple[int, ...]:
        h = hash(company_id) & _MASK  # a str's hash is cached on it: computed once
        step, mask = (h >> 32) | 1, self._bits - 1
        return tuple((h + k * step) & mask for k in range(4))

    def _maybe(self, company_id: str) -> bool:
        bloom = self._filter
        assert bloom is not None
        return all(bloom[p >> 3] & (1 << (p & 7)) for p in self._positions(company_id))

    def _flush(self) -> None:
        assert self._spill is not None
        if self._filter is None:
            self._filter = bytearray(self._bits >> 3)
        bloom = self._filter
        for company_id in self._recent:
            for p in self._positions(company_id):
                bloom[p >> 3] |= 1 << (p & 7)
        self._spill.add(sorted(self._recent))
        self.spilled += len(self._recent)
        self._recent = set()
