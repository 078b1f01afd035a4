"""Any CSV/TSV/XLSX/JSON-lines deal export, described by a small TOML mapping (see README).

The mapping names which column holds which deal field, the date format, the default currency,
the language of the text, the default country, and columns never to store.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sectorlens.errors import UsageError
from sectorlens.sources.base import Adapter, Record, blank, text
from sectorlens.sources.common import (
    company_key,
    day_of,
    make_deal,
    place_fields,
    sector_fields,
)
from sectorlens.sources.readers import FileInfo, Progress, RawRow, open_table

FIELDS = frozenset(
    {
        "company_id",
        "company_name",
        "deal_date",
        "round",
        "amount",
        "currency",
        "investors",
        "place",
        "country",
        "sector",
        "subsector",
    }
)
SETTINGS = frozenset(
    {
        "name",
        "delimiter",
        "encoding",
        "sheet",
        "date_format",
        "default_currency",
        "language",
        "country",
        "sector_source",
        "drop",
    }
)


def load_mapping(path: Path) -> dict[str, Any]:
    """Read and check a mapping file; UsageError says what is wrong with it."""
    try:
        spec = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read mapping {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"mapping {path} is not valid TOML: {exc}") from exc
    source = spec.get("source", {})
    columns = spec.get("columns", {})
    if not isinstance(source, dict) or not isinstance(columns, dict):
        raise UsageError(f"mapping {path}: [source] and [columns] must be tables")
    if unknown := set(source) - SETTINGS:
        raise UsageError(f"mapping {path}: unknown [source] keys {sorted(unknown)}")
    if unknown := set(columns) - FIELDS:
        raise UsageError(
            f"mapping {path}: unknown fields {sorted(unknown)}; known: {sorted(FIELDS)}"
        )
    if "company_name" not in columns:
        raise UsageError(f"mapping {path}: [columns] needs at least company_name")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return {"source": source, "columns": columns, "sha": digest, "path": str(path)}


class GenericAdapter(Adapter):
    """Deals from any table, as a mapping says."""

    name = "generic"

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """Never chosen by ``auto``: it needs a mapping."""
        return False

    @property
    def _spec(self) -> dict[str, Any]:
        if not self.options.mapping:
            raise UsageError("the generic adapter needs a mapping file (--source MAPPING.toml)")
        return self.options.mapping

    @property
    def label(self) -> str:
        """The source_format recorded for this mapping's loads."""
        return str(self._spec["source"].get("name") or "generic")

    def fingerprint(self) -> str:
        """The mapping's content takes part in the load id."""
        return f"{self.label}:{self._spec['sha']}"

    def read(self, info: FileInfo, progress: Progress | None = None) -> Any:
        """Open with the mapping's delimiter/encoding/sheet; check the mapped columns exist."""
        src = self._spec["source"]
        header, rows = open_table(
            info.path,
            info,
            delimiter=src.get("delimiter"),
            encoding=src.get("encoding"),
            sheet=src.get("sheet"),
            progress=progress,
        )
        missing = [c for c in self._spec["columns"].values() if c not in header]
        if missing:
            raise UsageError(f"{info.path}: mapped columns not in the header: {missing}")
        return header, rows

    def personal_columns(self, header: Sequence[str]) -> frozenset[str]:
        """The mapping's ``drop`` list."""
        return frozenset(self._spec["source"].get("drop", ())) & set(header)

    def transform(self, row: RawRow) -> list[Record]:
        """One row → one Deal."""
        norm, cols, src = self.norm, self._spec["columns"], self._spec["source"]

        def cell(field: str) -> str:
            column = cols.get(field)
            return text(row, column) if column else ""

        name = cell("company_name")
        if blank(name):
            return self.reject(row, "missing_name", f"no value in {cols['company_name']!r}")
        flags: list[str] = []
        date_raw = cell("deal_date")
        deal_date, precision = day_of(norm, date_raw, date_format=src.get("date_format"))
        if precision:
            flags.append(f"{precision}:deal")
        currency = cell("currency") or src.get("default_currency")
        amount_raw = cell("amount")
        quantity = norm.money(amount_raw, default_currency=currency or None)
        country = cell("country") or src.get("country")
        place_raw = cell("place")
        place = None
        if not blank(place_raw):
            named = norm.split_places(place_raw)
            if len(named) > 1:
                flags.append(f"multi_place:{len(named)}")
            if named:
                place = norm.place(named[0], country=country or None)
        elif country:
            place = norm.place((country,))
        sector_raw, sub_raw = cell("sector"), cell("subsector")
        taxonomy_source = src.get("sector_source") or self.label
        match = norm.sector_any(taxonomy_source, (sub_raw, sector_raw))
        company_id = cell("company_id") or name
        return [
            make_deal(
                norm,
                row,
                source=self.label,
                deal_id=row.ref,
                company_id=company_key(self.label, company_id),
                company_name=name,
                deal_date=deal_date,
                date_raw=date_raw,
                round_raw=cell("round") or None,
                amount_raw=amount_raw,
                quantity=quantity,
                investors=None if blank(cell("investors")) else cell("investors"),
                place=place_fields(place_raw or None, place),
                sector=sector_fields(sector_raw, sub_raw, match),
                flags=flags,
            )
        ]
