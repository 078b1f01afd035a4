"""Indian startup funding export (Kaggle layout): one round per row, amounts in USD.

Dates are dd/mm/yyyy; a place cell may name several cities (``Bengaluru and Gurugram``): the first
is the deal's place and the row is flagged ``multi_place``. Placeholders (``N/A``, ``nan``,
``unknown``) in the amount column are "not disclosed", as the export means them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sectorlens.model import Kind, Quantity
from sectorlens.sources.base import Adapter, Record, blank, text
from sectorlens.sources.common import (
    company_key,
    day_of,
    make_deal,
    place_fields,
    sector_fields,
)
from sectorlens.sources.readers import RawRow

DATE_FORMAT = "dmy"
HEADER = {"StartupName", "AmountInUSD", "CityLocation", "InvestmentType", "Date"}
_PLACEHOLDERS = {"unknown"}


class IndiaAdapter(Adapter):
    """``startup_funding.csv``."""

    name = "india"
    country = "IN"

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """The Kaggle Indian startup funding header."""
        return set(header) >= HEADER

    def transform(self, row: RawRow) -> list[Record]:
        """One row → one Deal (a row without a startup name is rejected)."""
        norm = self.norm
        name = text(row, "StartupName")
        if blank(name):
            return self.reject(row, "missing_name", "no startup name")
        flags: list[str] = []
        date_raw = text(row, "Date")
        deal_date, precision = day_of(norm, date_raw, date_format=DATE_FORMAT)
        if precision:
            flags.append(f"{precision}:deal")
        amount_raw = text(row, "AmountInUSD")
        if blank(amount_raw) or amount_raw.casefold() in _PLACEHOLDERS:
            quantity = Quantity(
                amount_raw, Kind.UNDISCLOSED, currency="USD", reason=f"placeholder {amount_raw!r}"
            )
        else:
            quantity = norm.money(amount_raw, default_currency="USD")
        place_raw = text(row, "CityLocation")
        place = None
        if not blank(place_raw):
            named = norm.split_places(place_raw)
            if len(named) > 1:
                flags.append(f"multi_place:{len(named)}")
            if named:
                place = norm.place(named[0], country=self.country)
        vertical, sub = text(row, "IndustryVertical"), text(row, "SubVertical")
        vertical, sub = ("" if blank(vertical) else vertical), ("" if blank(sub) else sub)
        match = norm.sector(self.name, {"vertical": vertical})
        round_raw = text(row, "InvestmentType")
        return [
            make_deal(
                norm,
                row,
                source=self.name,
                deal_id=row.ref,
                company_id=company_key(self.name, name),
                company_name=name,
                deal_date=deal_date,
                date_raw=date_raw,
                round_raw=None if blank(round_raw) else round_raw,
                amount_raw=amount_raw,
                quantity=quantity,
                investors=None if blank(text(row, "InvestorsName")) else text(row, "InvestorsName"),
                place=place_fields(place_raw or None, place),
                sector=sector_fields(vertical, sub, match),
                flags=flags,
            )
        ]
