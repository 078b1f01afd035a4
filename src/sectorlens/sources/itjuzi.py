"""IT桔子 (itjuzi) company export: a company row, then its further rounds as continuation rows.

A company row that also carries a round yields a Company and a Deal with the same row_ref and is
counted as a *deal* row; a company row without a round (all financing cells ``-``) is counted
as a *company* row. So rows_read = deal rows + company rows + rejects, while the ``companies``
table holds every company.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from sectorlens.model import Company
from sectorlens.sources.base import Adapter, Record, blank, text
from sectorlens.sources.common import (
    company_key,
    day_of,
    make_deal,
    name_flags,
    place_fields,
    sector_fields,
)
from sectorlens.sources.readers import RawRow

NAME, LEGAL, SITE, FOUNDED, PLACE, STATUS = (
    "公司名称",
    "工商名称",
    "公司网址",
    "成立时间",
    "地点",
    "运营状态",
)
SECTOR, SUBSECTOR, DESCRIPTION = "行业", "子行业", "公司简介"
DATE, ROUND, AMOUNT, INVESTORS = "融资时间", "轮次", "融资金额", "投资方"


class ItjuziAdapter(Adapter):
    """itjuzi CSV or XLSX export (20 columns, continuation rows for further rounds)."""

    name = "itjuzi"
    personal: ClassVar[frozenset[str]] = frozenset({"团队", "详细地址", "公开电话", "公开邮箱"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._company: dict[str, Any] | None = None

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """The itjuzi header names its company, place and financing columns."""
        return {NAME, PLACE, ROUND, AMOUNT, DATE} <= set(header)

    def transform(self, row: RawRow) -> list[Record]:
        """A company row → Company (+ Deal when it carries a round); a continuation → Deal."""
        name = text(row, NAME)
        financing = [text(row, c) for c in (DATE, ROUND, AMOUNT)]
        has_round = any(not blank(v) for v in financing)
        if not name:
            if any(text(row, c) for c in (LEGAL, SITE, PLACE, SECTOR)):
                return self.reject(row, "missing_name", "company columns filled but no name")
            if self._company is None:
                return self.reject(row, "orphan_continuation", "a round before any company row")
            if not has_round:
                return self.reject(row, "empty_row", "continuation row without a round")
            return [self._deal(row, self._company)]
        company = self._new_company(row, name)
        records: list[Record] = [company]
        if has_round:
            records.append(self._deal(row, self._company or {}))
        return records

    def _new_company(self, row: RawRow, name: str) -> Company:
        norm = self.norm
        place_raw = text(row, PLACE)
        places_named = norm.split_places(place_raw)
        place = norm.place(places_named[0]) if places_named else None
        sector_raw, subsector_raw = text(row, SECTOR), text(row, SUBSECTOR)
        match = norm.sector("itjuzi", {"subsector": subsector_raw, "sector": sector_raw})
        founded_raw = text(row, FOUNDED)
        flags = name_flags(row, NAME)
        founded, precision = day_of(norm, founded_raw)
        if precision:
            flags.append(f"{precision}:founded")
        company_id = company_key(self.name, name)
        places = place_fields(place_raw, place)
        sectors = sector_fields(sector_raw, subsector_raw, match)
        fields: dict[str, Any] = {
            "company_id": company_id,
            "row_ref": row.ref,
            "source_format": self.name,
            "name": name,
            "name_raw": row.raw(NAME),
            "legal_name": _opt(text(row, LEGAL)),
            "website": _opt(text(row, SITE)),
            "founded": founded,
            "founded_raw": founded_raw or None,
            "status": _opt(text(row, STATUS)),
            "description": _opt(text(row, DESCRIPTION)),
            **places,
            **sectors,
            "flags": sorted(set(flags) | set(row.flags)) or None,
        }
        self._company = {"id": company_id, "name": name, "place": places, "sector": sectors}
        return Company(company_id, name, row.ref, fields)

    def _deal(self, row: RawRow, company: dict[str, Any]) -> Record:
        norm = self.norm
        date_raw, amount_raw = text(row, DATE), text(row, AMOUNT)
        deal_date, precision = day_of(norm, date_raw)
        flags: list[str] = [f"{precision}:deal"] if precision else []
        round_raw = text(row, ROUND)
        return make_deal(
            norm,
            row,
            source=self.name,
            deal_id=row.ref,
            company_id=company.get("id"),
            company_name=company.get("name"),
            deal_date=deal_date,
            date_raw=date_raw,
            round_raw=round_raw,
            amount_raw=amount_raw,
            quantity=norm.money(amount_raw),
            investors=_opt(text(row, INVESTORS)),
            place=company.get("place") or place_fields(None, None),
            sector=company.get("sector") or sector_fields(None, None, None),
            flags=flags,
        )


def _opt(value: str) -> str | None:
    return None if blank(value) else value
