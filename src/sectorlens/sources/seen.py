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
            maybe = self._maybe([i for i in set(ids) if i not in recent])
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

    # Three bits per id (double hashing of a str's hash, which Python caches on the str): with
    # the default 2^28 bits, one id in ~70,000 is a false "maybe" at 1M ids spilled, one in
    # ~30,000 at 3M; a "maybe" costs a look-up in the spill, never a wrong answer. Inlined: this
    # runs once per company id of a large load.

    def _maybe(self, ids: list[str]) -> list[str]:
        bloom, mask, out = self._filter, self._bits - 1, []
        assert bloom is not None
        for company_id in ids:
            h = hash(company_id) & _MASK
            step = (h >> 32) | 1
            a, b, c = h & mask, (h + step) & mask, (h + 2 * step) & mask
            if (
                bloom[a >> 3] >> (a & 7) & 1
                and bloom[b >> 3] >> (b & 7) & 1
                and bloom[c >> 3] >> (c & 7) & 1
            ):
                out.append(company_id)
        return out

    def _flush(self) -> None:
        assert self._spill is not None
        if self._filter is None:
            self._filter = bytearray(self._bits >> 3)
        bloom, mask = self._filter, self._bits - 1
        for company_id in self._recent:
            h = hash(company_id) & _MASK
            step = (h >> 32) | 1
            a, b, c = h & mask, (h + step) & mask, (h + 2 * step) & mask
            bloom[a >> 3] |= 1 << (a & 7)
            bloom[b >> 3] |= 1 << (b & 7)
            bloom[c >> 3] |= 1 << (c & 7)
        self._spill.add(list(self._recent))
        self.spilled += len(self._recent)
        self._recent = set()
