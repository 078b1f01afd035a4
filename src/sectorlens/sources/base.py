"""The one adapter contract every source follows (after OpenBB's Fetcher).

``detect`` (does this header look like my format?) → ``extract`` (raw rows with refs, personal
columns already removed) → ``transform`` (one raw row → records). Each input row becomes exactly
one disposition: a Reject, or one or more Deals/Companies/Observations.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from sectorlens.model import Company, Deal, Observation, Reject, Source
from sectorlens.sources.normalize import Normalizer
from sectorlens.sources.readers import FileInfo, Progress, RawRow, open_table

Record = Company | Deal | Observation | Reject | Source


@dataclass(frozen=True, slots=True)
class Options:
    """Per-load settings an adapter may use."""

    today: date = field(default_factory=date.today)
    min_year: int = 1950
    mapping: dict[str, Any] | None = None


class Adapter(ABC):
    """Reads one export format; a new instance per load (it may keep state between rows)."""

    name: ClassVar[str]
    #: columns holding personal contact data: never stored, not even in rejects' raw rows
    personal: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, norm: Normalizer, options: Options | None = None) -> None:
        self.norm = norm
        self.options = options or Options()

    @classmethod
    @abstractmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """True when ``header`` (and the file name) look like this format."""

    def fingerprint(self) -> str:
        """Text that makes loads of the same file with other settings distinct."""
        return self.name

    def read(
        self, info: FileInfo, progress: Progress | None = None
    ) -> tuple[list[str], Iterator[RawRow]]:
        """Open the file; the header and rows as the reader gives them."""
        return open_table(info.path, info, progress=progress)

    def extract(
        self, info: FileInfo, progress: Progress | None = None
    ) -> tuple[list[str], Iterator[RawRow]]:
        """Header and raw rows with personal columns removed."""
        header, rows = self.read(info, progress)
        drop = self.personal_columns(header)
        if not drop:
            return header, rows
        return [h for h in header if h not in drop], _without(rows, drop)

    def personal_columns(self, header: Sequence[str]) -> frozenset[str]:
        """The columns of ``header`` this adapter never stores."""
        return frozenset(h for h in header if h in self.personal)

    @abstractmethod
    def transform(self, row: RawRow) -> list[Record]:
        """The records of one raw row: a single Reject, or deals/companies/observations."""

    def finish(self) -> list[Record]:
        """Records only known at the end of the file (none by default)."""
        return []

    def reject(self, row: RawRow, reason: str, detail: str | None = None) -> list[Record]:
        """A one-element list with the Reject of ``row``."""
        return [Reject(row.ref, reason, row.values, detail)]


def _without(rows: Iterator[RawRow], drop: frozenset[str]) -> Iterator[RawRow]:
    for row in rows:
        for column in drop:  # the row's dicts are its own: drop in place
            row.values.pop(column, None)
            row.original.pop(column, None)
        if row.flags:
            row = RawRow(
                row.ref,
                row.values,
                tuple(f for f in row.flags if f.partition(":")[2] not in drop),
                row.original,
            )
        yield row


def text(row: RawRow, column: str) -> str:
    """A cell as stripped text ('' when absent or null)."""
    value = row.values.get(column)
    if value.__class__ is str:
        return value.strip()
    return "" if value is None else str(value).strip()


def blank(value: str) -> bool:
    """True for an empty cell or a bare placeholder (``-``, ``N/A``, ``nan``)."""
    return value.strip().casefold() in {"", "-", "—", "n/a", "na", "nan", "null", "none"}
