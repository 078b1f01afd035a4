"""Crunchbase CSV exports (2013 layout): companies, funding rounds and acquisitions.

The three files share company permalinks, so ``crunchbase:/company/x`` links rounds and
acquisitions to companies across loads. Amounts are USD unless a currency column says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sectorlens.model import Company
from sectorlens.sources.base import Adapter, Record, text
from sectorlens.sources.common import (
    day_of,
    make_deal,
    name_flags,
    place_fields,
    sector_fields,
)
from sectorlens.sources.readers import RawRow
from sectorlens.sources.text import excel_artefact, looks_like_date

COMPANIES = {"permalink", "name", "category_code", "funding_total_usd", "founded_at"}
ROUNDS = {"company_permalink", "funding_round_type", "funded_at", "raised_amount_usd"}
ACQUISITIONS = {"company_permalink", "acquirer_permalink", "acquired_at", "price_amount"}


class CrunchbaseAdapter(Adapter):
    """One of the three Crunchbase tables, told apart by its header."""

    name = "crunchbase"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kind: str | None = None
        self._places: dict[tuple[str, ...], tuple[dict[str, Any], tuple[str, ...]]] = {}

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """Any of the companies / rounds / acquisitions headers."""
        columns = set(header)
        return columns >= COMPANIES or columns >= ROUNDS or columns >= ACQUISITIONS

    def extract(self, info: Any, progress: Any = None) -> Any:
        """Read the file and remember which of the three tables it is."""
        header, rows = super().extract(info, progress)
        columns = set(header)
        self._kind = (
            "companies"
            if columns >= COMPANIES
            else "rounds"
            if columns >= ROUNDS
            else "acquisitions"
        )
        return header, rows

    def transform(self, row: RawRow) -> list[Record]:
        """A company, a round or an acquisition."""
        if not any(str(v).strip() for v in row.values.values()):
            return self.reject(row, "empty_row", "every cell is empty")
        if self._kind == "companies":
            return self._company(row)
        return self._deal(row, acquisition=self._kind == "acquisitions")

    def _place(self, row: RawRow, prefix: str) -> dict[str, Any]:
        key = tuple(
            text(row, f"{prefix}{c}") for c in ("country_code", "state_code", "region", "city")
        )
        found = self._places.get(key)
        if found is not None:  # the same place again: count its unknown parts again
            for part in found[1]:
                self.norm.tally.unmapped_places[part] += 1
            return found[0]
        if len(self._places) > 100_000:
            self._places.clear()
        self._places[key] = self._resolve(*key)
        return self._places[key][0]

    def _resolve(
        self, country_raw: str, state: str, region: str, city: str
    ) -> tuple[dict[str, Any], tuple[str, ...]]:
        parts = tuple(p for p in (country_raw, state) if p)
        raw = " / ".join(p for p in (country_raw, state, region, city) if p) or None
        if not parts and not city:
            return place_fields(raw, None), ()
        place = self.norm.place(parts)
        if city and place.city is None:
            place = replace(place, city=city)  # the export's own city is kept as given
        return place_fields(raw, place), place.unresolved

    def _sector(self, row: RawRow, column: str) -> dict[str, Any]:
        raw = text(row, column)
        return sector_fields(raw, None, self.norm.sector(self.name, {"category": raw}))

    def _company(self, row: RawRow) -> list[Record]:
        permalink = text(row, "permalink")
        if not permalink:
            return self.reject(row, "missing_id", "no permalink")
        name = text(row, "name")
        flags = name_flags(row, "name")
        total = text(row, "funding_total_usd")
        if excel_artefact(total) or looks_like_date(total):
            flags.append("excel_artefact:funding_total_usd")
        founded_raw = text(row, "founded_at")
        founded, precision = day_of(self.norm, founded_raw)
        if precision:
            flags.append(f"{precision}:founded")
        company_id = f"{self.name}:{permalink}"
        fields: dict[str, Any] = {
            "company_id": company_id,
            "row_ref": row.ref,
            "source_format": self.name,
            "name": name or permalink,
            "name_raw": row.raw("name"),
            "founded": founded,
            "founded_raw": founded_raw or None,
            "status": text(row, "status") or None,
            **self._place(row, ""),
            **self._sector(row, "category_code"),
            "flags": sorted(set(flags) | set(row.flags)) or None,
        }
        return [Company(company_id, fields["name"], row.ref, fields)]

    def _deal(self, row: RawRow, *, acquisition: bool) -> list[Record]:
        permalink = text(row, "company_permalink")
        if not permalink:
            return self.reject(row, "missing_id", "no company permalink")
        norm = self.norm
        date_col = "acquired_at" if acquisition else "funded_at"
        amount_col = "price_amount" if acquisition else "raised_amount_usd"
        date_raw, amount_raw = text(row, date_col), text(row, amount_col)
        deal_date, precision = day_of(norm, date_raw)
        flags = name_flags(row, "company_name")
        if precision:
            flags.append(f"{precision}:deal")
        if excel_artefact(amount_raw) or looks_like_date(amount_raw):
            return self.reject(row, "excel_artefact", f"{amount_col} is {amount_raw!r}")
        currency = (text(row, "price_currency_code") if acquisition else "") or "USD"
        if "E+" in amount_raw.upper():
            flags.append("excel_scientific:" + amount_col)
        return [
            make_deal(
                norm,
                row,
                source=self.name,
                deal_id=row.ref,
                company_id=f"{self.name}:{permalink}",
                company_name=text(row, "company_name") or None,
                deal_date=deal_date,
                date_raw=date_raw,
                round_raw="acquisition" if acquisition else text(row, "funding_round_type"),
                amount_raw=amount_raw,
                quantity=norm.money(amount_raw, default_currency=currency),
                investors=(text(row, "acquirer_name") or None) if acquisition else None,
                place=self._place(row, "company_"),
                sector=self._sector(row, "company_category_code"),
                flags=flags,
            )
        ]
