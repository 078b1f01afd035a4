"""NSF Science & Engineering Indicators tables (NCSES layout): aggregates, not deals.

Each row is a path in a hierarchy (``Total -> region -> country``) with one value per year column
(``field_2019``); each (row, year) becomes an Observation with the table as its Source. Path parts
the gazetteer knows are the geography; the rest is the segment. ``NA``/``D`` are kept as NULL
values with a note. A heading row without any value is rejected as ``no_values``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sectorlens.model import Observation, Source, Status
from sectorlens.sources.base import Adapter, Batch, Record
from sectorlens.sources.chunk import Chunk, Progress, RawRow
from sectorlens.sources.readers import FileInfo

_YEAR = re.compile(r"field_(\d{4})$")
_UNITS = re.compile(r"\*\*Units:\*\*\s*\(?([^)\n]+)\)?", re.I)
_TITLE = re.compile(r"^#\s+(.+)$", re.M)
_TABLE_NO = re.compile(r"\*\*Table Number:\*\*\s*(\S+)")
# Unit phrases of NCSES tables → (multiplier, unit, currency).
_UNIT_TABLE = {
    "millions of u.s. dollars": (Decimal(1_000_000), "USD", "USD"),
    "millions of dollars": (Decimal(1_000_000), "USD", "USD"),
    "number": (Decimal(1), "count", None),
}
_SPECIAL = {"NA": "not available", "D": "suppressed (disclosure)", "": "empty"}


class NsfSeiAdapter(Adapter):
    """``nsf_sei/<table>/data.csv`` with its README.md beside it."""

    name = "nsf_sei"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._years: list[tuple[str, int]] = []
        self._path_col = ""
        self._levels: list[str] = []
        self._source: Source | None = None
        self._unit: tuple[Decimal, str, str | None] = (Decimal(1), "value", None)

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """``table_id``, ``row_id``, a ``*_full_path`` column and ``field_YYYY`` columns."""
        return (
            {"table_id", "row_id"} <= set(header)
            and any(h.endswith("_full_path") for h in header)
            and any(_YEAR.match(h) for h in header)
        )

    def read(self, info: FileInfo, progress: Progress | None = None) -> Any:
        """Read the table and its README (title, units) to describe the Source."""
        header, rows = super().read(info, progress)
        self._years = [(h, int(m.group(1))) for h in header if (m := _YEAR.match(h))]
        self._path_col = next(h for h in header if h.endswith("_full_path"))
        self._segment_type = self._path_col.removesuffix("_full_path")
        readme = info.path.with_name("README.md")
        notes = readme.read_text("utf-8", errors="replace") if readme.exists() else ""
        title = _TITLE.search(notes)
        units = _UNITS.search(notes)
        number = _TABLE_NO.search(notes)
        unit_text = units.group(1).strip() if units else "value"
        self._unit = _UNIT_TABLE.get(unit_text.casefold(), (Decimal(1), unit_text, None))
        self._title = title.group(1).strip() if title else info.path.parent.name
        self._note = f"NCSES table {number.group(1)}" if number else None
        return header, rows

    def transform(self, chunk: Chunk) -> Batch:
        """One hierarchy row → one Observation per year column (small tables: row by row)."""
        batch = Batch(chunk)
        for i in range(len(chunk)):
            records = self._row(chunk.row(i))
            if isinstance(records, tuple):
                batch.rejects[i] = records
                continue
            batch.records.extend(records)
            batch.observation_rows.append(i)
        return batch

    def _row(self, row: RawRow) -> list[Record] | tuple[str, str]:
        table_id = _text(row, "table_id")
        path = [p.strip() for p in _text(row, self._path_col).split("->") if p.strip()]
        if not table_id or not path:
            return ("missing_id", "no table id or row path")
        cells = {year: _text(row, col) for col, year in self._years}
        if not any(cells.values()):
            return ("no_values", "a heading row of the hierarchy without values")
        records: list[Record] = []
        source_id = f"nsf_sei:{table_id}"
        if self._source is None:
            self._source = Source(
                source_id,
                self._title,
                publisher="NSF NCSES (PitchBook data)",
                url=None,
                language="en",
                note=self._note,
            )
            records.append(self._source)
        geography, segments = self._split(path)
        multiplier, unit, currency = self._unit
        for year, cell in cells.items():
            value, status, note = self._value(cell)
            records.append(
                Observation(
                    obs_id=f"{row.ref}/{year}",
                    metric=f"nsf_sei_{table_id}",
                    value=None if value is None else value * multiplier,
                    unit=unit,
                    currency=currency,
                    source_id=source_id,
                    period_start=date(year, 1, 1),
                    period_end=date(year, 12, 31),
                    geography=geography,
                    segment_type=self._segment_type,
                    segment=" -> ".join(segments) or None,
                    status=status,
                    locator=f"{self._note or 'table ' + table_id}, row {_text(row, 'row_id')}",
                    note=note,
                )
            )
        return records

    def _split(self, path: list[str]) -> tuple[str | None, list[str]]:
        geography: str | None = None
        segments: list[str] = []
        for part in path:
            place = self.norm.gazetteer.lookup(part)
            if place is not None and place.kind in {"country", "continent", "cluster"}:
                geography = place.id
            else:
                segments.append(part)
        return geography, segments

    @staticmethod
    def _value(cell: str) -> tuple[Decimal | None, Status, str | None]:
        if cell in _SPECIAL:
            return None, Status.ACTUAL, _SPECIAL[cell]
        status = Status.ACTUAL
        if cell.endswith("i"):  # NCSES marks imputed values with a trailing i
            cell, status = cell[:-1].strip(), Status.ESTIMATE
        try:
            return Decimal(cell.replace(",", "")), status, None
        except InvalidOperation:
            return None, status, f"unreadable value {cell!r}"


def _text(row: RawRow, column: str) -> str:
    value = row.values.get(column)
    return "" if value is None else str(value).strip()
