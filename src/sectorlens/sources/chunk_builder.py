"""Building a Chunk row by row, each row's cells repaired (and flagged) as they are added."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sectorlens.sources.chunk import KEPT, MAX_CELL, Chunk
from sectorlens.sources.text import DAMAGE, repair


class Repairs:
    """``text.repair`` of each distinct cell once (exports repeat the same damaged values)."""

    def __init__(self, limit: int = 16_000_000) -> None:
        self._done: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._size = 0
        self._limit = limit  # characters remembered, at most

    def __call__(self, cell: str) -> tuple[str, tuple[str, ...]]:
        if cell.isascii() and "\\" not in cell:
            return cell, ()  # nothing to repair (and nothing worth remembering)
        found = self._done.get(cell)
        if found is None:
            found = repair(cell)
            self._size += 2 * len(cell)
            if self._size > self._limit:
                self._done.clear()  # bounded memory; correctness does not depend on it
                self._size = 2 * len(cell)
            self._done[cell] = found
        return found


class ChunkBuilder:
    """Collects rows for one Chunk; rows that needed repair keep their flags and raw text."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.refs: list[str] = []
        self.rows: list[list[str]] = []
        self.flags: dict[int, tuple[str, ...]] = {}
        self.original: dict[int, dict[str, str]] = {}
        self.values: dict[int, dict[str, Any]] = {}

    def add_repaired(
        self, ref: str, cells: Sequence[str], repaired: Repairs, *, legacy: bool = False
    ) -> None:
        """Add a row whose cells are repaired (and flagged) one by one."""
        header, width, i = self.header, len(self.header), len(self.refs)
        flags: list[str] = ["legacy_encoding"] if legacy else []
        if len(cells) == width:  # the usual shape: only cells that may be damaged are looked at
            row = list(cells)
            original_cells: dict[str, str] = {}
            big = sum(map(len, cells)) > MAX_CELL  # else no cell can be over the cap
            damage = DAMAGE.search
            for j, cell in enumerate(cells):
                if big and len(cell) > MAX_CELL:
                    flags.append(f"cell_too_large:{header[j]}")
                    row[j] = cell[:KEPT] + "…"
                    continue
                if (cell.isascii() and "\\" not in cell) or not damage(cell):
                    continue  # repair would leave it as it is
                text, fixes = repaired(cell)
                if fixes:
                    flags.extend(f"{f}:{header[j]}" for f in fixes)
                    original_cells[header[j]] = cell
                    row[j] = text
            self.refs.append(ref)
            self.rows.append(row)
            if flags:
                self.flags[i] = tuple(flags)
            if original_cells:
                self.original[i] = original_cells
            return
        values: dict[str, Any] = {}
        original: dict[str, str] = {}
        for j, cell in enumerate(cells):
            name = header[j] if j < width else f"extra_{j + 1}"
            if len(cell) > MAX_CELL:
                flags.append(f"cell_too_large:{name}")
                cell = cell[:KEPT] + "…"
            text, fixes = repaired(cell)
            if fixes:
                flags.extend(f"{f}:{name}" for f in fixes)
                original[name] = cell
            if j < width or text.strip():
                values[name] = text
        if len(cells) != width:
            flags.append(f"width:{len(cells)}")
            self.values[i] = values
        self.refs.append(ref)
        self.rows.append([values.get(name, "") for name in header])
        if flags:
            self.flags[i] = tuple(flags)
        if original:
            self.original[i] = original

    def build(self) -> Chunk:
        """The chunk of the rows added so far."""
        return Chunk(
            self.header,
            self.refs,
            self.rows,
            flags=self.flags,
            original=self.original,
            values=self.values,
        )
