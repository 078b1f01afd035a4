"""A chunk of consecutive input rows, read column by column: what readers give adapters.

Readers fill a chunk row by row (cells as lists, or JSON objects as dicts); adapters read it
column by column (``text``, ``raw``), so that a chunk is normalized with a few passes over
columns instead of a Python call per cell. Repair flags and pre-repair text are kept only for the
rows that have them. Personal columns are hidden: readable by nobody, not even in rejects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

MAX_CELL = 65_536  # characters: a longer cell rejects its row (cell_too_large); it is cut
KEPT = 200  # characters of an oversized cell kept in the row (and in the reject's raw row)

# the characters str.strip() removes (str.isspace), for Arrow's utf8_trim to remove the same
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

Progress = Callable[[int], None]
"""Called now and then with the bytes consumed so far (estimated from rows for XLSX)."""


@dataclass(frozen=True, slots=True)
class RawRow:
    """One input record: its reference in the file, its cells by column name, repair flags."""

    ref: str
    values: dict[str, Any]
    flags: tuple[str, ...] = ()
    original: dict[str, str] = field(default_factory=dict)  # cells as read, where repaired

    def raw(self, column: str) -> str:
        """The cell as it was in the file (before repair), '' when absent."""
        if column in self.original:
            return self.original[column]
        value = self.values.get(column)
        return "" if value is None else str(value)


class Chunk:
    """Rows ``refs[i]``: cells ``rows[i]`` (in ``header`` order), JSON objects ``records[i]``, or
    Arrow text columns ``arrow[k]`` (in ``header`` order; the rows ``patched`` holds are repaired
    and read from there instead)."""

    __slots__ = (
        "_cells",
        "_columns",
        "_hidden",
        "_names",
        "_picked",
        "_shown",
        "_texts",
        "arrow",
        "flags",
        "header",
        "original",
        "patched",
        "records",
        "refs",
        "rows",
        "values",
    )

    def __init__(
        self,
        header: Sequence[str],
        refs: list[str],
        rows: list[list[str]] | None = None,
        *,
        records: list[dict[str, Any]] | None = None,
        flags: dict[int, tuple[str, ...]] | None = None,
        original: dict[int, dict[str, str]] | None = None,
        values: dict[int, dict[str, Any]] | None = None,
        arrow: list[pa.Array] | None = None,
        patched: dict[int, list[str]] | None = None,
    ) -> None:
        self._names = list(header)  # the cells of ``rows`` in this order
        self.header = list(header)  # the columns an adapter may see
        self.refs = refs
        self.rows = rows  # delimited text and XLSX: one list of cells per row, header-wide
        self.records = records  # JSON lines: one object per row, any keys
        self.flags = flags or {}  # row → repair flags (only rows that have some)
        self.original = original or {}  # row → {column: text before repair}
        self.values = values or {}  # row → its exact cells, for rows not header-wide
        self.arrow = arrow  # delimited text read by Arrow: one text column per header name
        self.patched = patched or {}  # arrow: row → its cells after repair (header-wide)
        self._cells: list[list[str]] | None = None  # arrow: every column as Python text
        self._picked: dict[int, list[str]] = {}  # arrow: rows taken whole (prefetch)
        self._columns: dict[str, Sequence[Any]] = {}
        self._texts: dict[str, list[str]] = {}  # text() of each column asked for
        self._hidden: frozenset[str] = frozenset()
        self._shown: list[tuple[int, str]] | None = None  # (index, name) of columns not hidden

    def __len__(self) -> int:
        return len(self.refs)

    def hide(self, columns: frozenset[str]) -> None:
        """Never show ``columns`` again (personal data): not as columns, raw rows or flags."""
        if not columns:
            return
        self._hidden = self._hidden | columns
        self._shown = None
        self.header = [h for h in self.header if h not in columns]
        self._columns = {k: v for k, v in self._columns.items() if k not in columns}
        self._texts = {k: v for k, v in self._texts.items() if k not in columns}
        self.flags = {
            i: kept
            for i, flags in self.flags.items()
            if (kept := tuple(f for f in flags if f.partition(":")[2] not in columns))
        }

    def column(self, name: str) -> Sequence[Any]:
        """The cells of column ``name`` as read ('' or None where the row lacks it)."""
        found = self._columns.get(name)
        if found is not None:
            return found
        if self.records is not None:
            found = (
                [None] * len(self) if name in self._hidden else [r.get(name) for r in self.records]
            )
        elif self.rows and name in self.header:
            # only the columns asked for, each in one C-level pass (rows are header-wide): a
            # transposition of every column (zip) touched the cells of columns nobody reads
            found = list(map(itemgetter(self._names.index(name)), self.rows))
        elif self.arrow is not None and name in self.header:
            found = self._arrow_column(self._names.index(name))
        else:
            found = [""] * len(self)
        self._columns[name] = found
        return found

    def text(self, name: str) -> list[str]:
        """Column ``name`` as stripped text ('' where absent or null); a list of the caller's own.

        Adapters ask for some columns more than once: each is stripped once per chunk."""
        found = self._texts.get(name)
        if found is None:
            if self.arrow is not None and name in self.header and name not in self._columns:
                found = self._arrow_text(self._names.index(name), None)
            elif self.records is None:  # cells of text files and sheets are always text
                found = list(map(str.strip, self.column(name)))
            else:
                found = [
                    v.strip() if v.__class__ is str else ("" if v is None else str(v).strip())
                    for v in self.column(name)
                ]
            self._texts[name] = found
        return found.copy()

    def strings(self, name: str) -> pa.Array:
        """``text(name)`` as an Arrow text column (of an Arrow chunk: stripped by Arrow)."""
        if self.arrow is None or name not in self.header or name in self._columns:
            return pa.array(self.text(name), pa.string())
        k = self._names.index(name)
        found = pc.utf8_trim(self.arrow[k], WHITESPACE)
        if self.patched:
            mask = [False] * len(self)
            for i in self.patched:
                mask[i] = True
            cells = [self.patched[i][k].strip() for i in sorted(self.patched)]
            found = pc.replace_with_mask(found, pa.array(mask), pa.array(cells, pa.string()))
        return found

    def text_of(self, name: str, rows: Sequence[int] | None) -> list[str]:
        """``text(name)`` of ``rows`` only (every row when None), in their order."""
        if rows is None:
            return self.text(name)
        found = self._texts.get(name)
        if found is None and self.arrow is not None and name in self.header:
            if len(rows) < len(self) // 2:  # taken from Arrow: the other cells stay there
                return self._arrow_text(self._names.index(name), rows)
            found = self.text(name)
        elif found is None:
            found = self.text(name)
        return list(map(found.__getitem__, rows))

    def raw(self, name: str) -> list[str]:
        """Column ``name`` as it was in the file, before repair ('' where absent)."""
        cells = [
            v if v.__class__ is str else ("" if v is None else str(v)) for v in self.column(name)
        ]
        for i, original in self.original.items():
            if name in original:
                cells[i] = original[name]
        return cells

    def _arrow_column(self, k: int) -> list[str]:
        """Column ``k`` of an Arrow chunk as Python text, repaired rows patched in."""
        assert self.arrow is not None
        found: list[str] = self.arrow[k].to_pylist()
        for i, cells in self.patched.items():
            found[i] = cells[k]
        return found

    def _arrow_text(self, k: int, rows: Sequence[int] | None) -> list[str]:
        """Column ``k`` of an Arrow chunk stripped as ``str.strip`` strips (of ``rows`` only,
        when given), repaired rows patched in."""
        assert self.arrow is not None
        column = self.arrow[k]
        if rows is not None:
            column = column.take(pa.array(rows, pa.int64()))
        found: list[str] = pc.utf8_trim(column, WHITESPACE).to_pylist()
        if rows is None:
            for i, cells in self.patched.items():
                found[i] = cells[k].strip()
        elif self.patched:
            for j, i in enumerate(rows):
                if i in self.patched:
                    found[j] = self.patched[i][k].strip()
        return found

    def _cells_at(self, i: int, *, whole: bool = False) -> list[str]:
        """Row ``i``'s cells, header-wide; a row taken by ``prefetch`` has its hidden cells
        empty unless ``whole``."""
        if self.rows is not None:
            return self.rows[i]
        found = self.patched.get(i) or (None if whole else self._picked.get(i))
        if found is not None:
            return found
        if self._cells is None:  # a chunk with rejects: its rows are wanted whole, once
            self._cells = [self._arrow_column(k) for k in range(len(self._names))]
        return [cells[i] for cells in self._cells]

    def prefetch(self, rows: Sequence[int]) -> None:
        """Take the cells of ``rows`` (to be read whole, e.g. rejects) from Arrow at once."""
        if self.arrow is None or self._cells is not None:
            return
        wanted = [i for i in rows if i not in self.patched and i not in self._picked]
        if not wanted:
            return
        index = pa.array(wanted, pa.int64())
        blank = [""] * len(wanted)  # a hidden column: never shown, not taken
        columns = [
            blank if name in self._hidden else column.take(index).to_pylist()
            for name, column in zip(self._names, self.arrow, strict=True)
        ]
        for i, cells in zip(wanted, zip(*columns, strict=True), strict=True):
            self._picked[i] = list(cells)

    def same_rows(self, rows: Sequence[int]) -> list[int]:
        """For each of ``rows``, the first of them whose shown cells are the same cells (found
        by Arrow in an Arrow chunk; a repaired row, or a row of another chunk, is its own)."""
        first = list(rows)
        plain = [i for i in rows if i not in self.patched and i not in self.values]
        shown = [k for k, name in enumerate(self._names) if name not in self._hidden]
        if self.arrow is None or len(plain) < 2 or not shown:
            return first
        at = pa.array(plain, pa.int64())
        table = pa.table({f"c{k}": self.arrow[k].take(at) for k in shown} | {"row": at})
        groups = table.group_by([f"c{k}" for k in shown], use_threads=False).aggregate(
            [("row", "min"), ("row", "list")]
        )
        members = groups.column("row_list").combine_chunks()
        firsts = groups.column("row_min").to_pylist()
        parents = pc.list_parent_indices(members).to_pylist()
        flat = pc.list_flatten(members).to_pylist()
        same = dict(zip(flat, map(firsts.__getitem__, parents), strict=True))
        return [same.get(i, i) for i in first]

    def blank_rows(self) -> list[int]:
        """The rows of text or sheet cells that are all empty or white space."""
        if self.rows is not None:
            rows: Sequence[list[str]] = self.rows
            return [
                i
                for i, row in enumerate(rows)
                if not (row and row[0].strip()) and not "".join(row).strip()
            ]
        if self.arrow is None or not self._names:
            return []
        first = self._arrow_column(0)
        return [
            i
            for i, cell in enumerate(first)
            if not cell.strip() and not "".join(self._cells_at(i, whole=True)).strip()
        ]

    def values_of(self, i: int) -> dict[str, Any]:
        """Row ``i`` as a dict of its cells (personal columns left out): a reject's raw row."""
        if self.records is None and i not in self.values:
            if not self._hidden:
                return dict(zip(self._names, self._cells_at(i), strict=True))
            row = self._cells_at(i)
            if self._shown is None:
                self._shown = [(k, n) for k, n in enumerate(self._names) if n not in self._hidden]
            return {name: row[k] for k, name in self._shown}
        record = self.records[i] if self.records is not None else self.values[i]
        if self._hidden:
            record = {k: v for k, v in record.items() if k not in self._hidden}
        return record

    def cells_of(self, i: int) -> tuple[str, ...] | None:
        """Row ``i``'s cells as a tuple when the row is header-wide text (None otherwise)."""
        if (self.rows is None and self.arrow is None) or i in self.values:
            return None
        return tuple(self._cells_at(i))

    def row(self, i: int) -> RawRow:
        """Row ``i`` as a RawRow, for adapters that work row by row."""
        original = self.original.get(i, {})
        if self._hidden and original:
            original = {k: v for k, v in original.items() if k not in self._hidden}
        return RawRow(self.refs[i], self.values_of(i), self.flags.get(i, ()), original)


def clean_header(names: list[Any]) -> list[str]:
    """Strip BOM and blanks from column names; name unnamed or repeated columns by position."""
    out: list[str] = []
    for i, name in enumerate(names, 1):
        text = "" if name is None else str(name).replace("\ufeff", "").strip()
        if not text or text in out:
            text = f"{text or 'column'}_{i}"
        out.append(text)
    return out
