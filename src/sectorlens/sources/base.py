"""The one adapter contract every source follows (after OpenBB's Fetcher).

``detect`` (does this header look like my format?) → ``extract`` (chunks of raw rows with refs,
personal columns hidden) → ``transform`` (one chunk → a Batch: deal and company tables, and each
row's disposition). Each input row ends in exactly one disposition: a reject, or a deal, company
or observation row.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from operator import not_
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.compute as pc

from sectorlens.model import Observation, Source
from sectorlens.sources.chunk import Chunk, Progress
from sectorlens.sources.normalize import BLANKS, Normalizer
from sectorlens.sources.readers import CHUNK_ROWS, FileInfo, open_table
from sectorlens.sources.seen import SeenIds

Record = Observation | Source
"""Records an adapter may give one by one (aggregate tables), besides its deal/company tables."""


@dataclass(frozen=True, slots=True)
class Options:
    """Per-load settings an adapter may use."""

    today: date = field(default_factory=date.today)
    min_year: int = 1950
    mapping: dict[str, Any] | None = None
    chunk_rows: int | None = None  # rows per chunk (the reader's default when None)
    encoding: str | None = None  # a text encoding the user forced (--encoding)


@dataclass
class Batch:
    """What one chunk became. A row is a reject if it has one (even if it also gave a company),
    else a deal row if it gave a deal (even with its company), else a company or observation row.
    ``deal_rows[k]`` / ``company_rows[k]`` is the chunk row of row ``k`` of ``deals`` /
    ``companies``."""

    chunk: Chunk
    deals: pa.Table | None = None
    deal_rows: list[int] = field(default_factory=list)
    companies: pa.Table | None = None
    company_rows: list[int] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    observation_rows: list[int] = field(default_factory=list)
    rejects: dict[int, tuple[str, str | None]] = field(default_factory=dict)

    def reject(self, rows: Sequence[int], reason: str, detail: str | None = None) -> None:
        """Reject ``rows`` (the first reason given for a row stands)."""
        for i in rows:
            self.rejects.setdefault(i, (reason, detail))

    def kept(self) -> list[int] | None:
        """The rows not rejected so far; None when that is every row (nothing to pick)."""
        if not self.rejects:
            return None
        return [i for i in range(len(self.chunk)) if i not in self.rejects]


class Adapter(ABC):
    """Reads one export format; a new instance per load (it may keep state between chunks)."""

    name: ClassVar[str]
    #: columns holding personal contact data: never stored, not even in rejects' raw rows
    personal: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, norm: Normalizer, options: Options | None = None) -> None:
        self.norm = norm
        self.options = options or Options()
        self.seen = SeenIds()  # ids of the companies this load stores (bounded: sources.seen)

    def unseen(self, batch: Batch, rows: Sequence[int], ids: Sequence[str]) -> list[int]:
        """Positions in ``rows`` of companies this load has not stored yet (it now does).

        A company comes once per load: a row that names one again is a ``duplicate_company``
        reject, unless it gives a deal too (then it is a deal row).
        """
        claims = self.seen.claim(ids)
        keep = list(compress(range(len(claims)), claims))
        if len(keep) < len(claims):
            dealt = set(batch.deal_rows)
            for j in compress(range(len(claims)), map(not_, claims)):
                if rows[j] not in dealt:
                    batch.rejects.setdefault(rows[j], ("duplicate_company", ids[j]))
        return keep

    @classmethod
    @abstractmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """True when ``header`` (and the file name) look like this format."""

    def fingerprint(self) -> str:
        """Text that makes loads of the same file with other settings distinct."""
        return self.name

    def read(
        self, info: FileInfo, progress: Progress | None = None
    ) -> tuple[list[str], Iterator[Chunk]]:
        """Open the file; the header and chunks of rows as the reader gives them."""
        return open_table(
            info.path,
            info,
            encoding=self.options.encoding,
            progress=progress,
            chunk_rows=self.chunk_rows,
        )

    @property
    def chunk_rows(self) -> int:
        """Rows per chunk to read."""
        return self.options.chunk_rows or CHUNK_ROWS

    def extract(
        self, info: FileInfo, progress: Progress | None = None
    ) -> tuple[list[str], Iterator[Chunk]]:
        """Header and chunks of raw rows with personal columns hidden."""
        header, chunks = self.read(info, progress)
        drop = self.personal_columns(header)
        if not drop:
            return header, chunks
        return [h for h in header if h not in drop], _hiding(chunks, drop)

    def personal_columns(self, header: Sequence[str]) -> frozenset[str]:
        """The columns of ``header`` this adapter never stores."""
        return frozenset(h for h in header if h in self.personal)

    @abstractmethod
    def transform(self, chunk: Chunk) -> Batch:
        """The deals, companies, observations and rejects of one chunk."""

    def load_options(self) -> dict[str, Any]:
        """Settings worth recording with the load (e.g. the period an undated file covers)."""
        return {}

    def finish(self) -> list[Record]:
        """Records only known at the end of the file (none by default)."""
        return []


def _hiding(chunks: Iterator[Chunk], drop: frozenset[str]) -> Iterator[Chunk]:
    for chunk in chunks:
        chunk.hide(drop)
        yield chunk


def blank(value: str) -> bool:
    """True for an empty cell or a bare placeholder (``-``, ``N/A``, ``nan``)."""
    value = value.strip()
    return len(value) <= 5 and value.casefold() in BLANKS


def opt(value: str) -> str | None:
    """A stripped cell, None when blank."""
    return None if blank(value) else value


def blank_cells(column: pa.Array) -> pa.Array:
    """``blank`` of each cell of an Arrow text column, as a mask (once per distinct cell)."""
    encoded = column.dictionary_encode()
    known = [blank(v) for v in encoded.dictionary.to_pylist()]
    return pa.array(known, pa.bool_()).take(encoded.indices)


def opt_cells(column: pa.Array) -> pa.Array:
    """``opts`` of an Arrow column of stripped text: NULL where blank."""
    return pc.if_else(blank_cells(column), pa.scalar(None, pa.string()), column)


def opts(values: Sequence[str]) -> list[str | None]:
    """``opt`` of every cell of a column of stripped text."""
    return [None if len(v) <= 5 and v.casefold() in BLANKS else v for v in values]


def blanked(values: Sequence[str]) -> list[str]:
    """Each cell of a column of stripped text, '' where it is blank (``blank`` inlined)."""
    return ["" if len(v) <= 5 and v.casefold() in BLANKS else v for v in values]


def blank_rows(values: Sequence[str]) -> list[int]:
    """The positions of the blank cells of a column of stripped text."""
    return [i for i, v in enumerate(values) if len(v) <= 5 and v.casefold() in BLANKS]
