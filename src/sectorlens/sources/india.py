"""Indian startup funding export (Kaggle layout): one round per row, amounts in USD.

Dates are dd/mm/yyyy; a place cell may name several cities (``Bengaluru and Gurugram``): the first
is the deal's place and the row is flagged ``multi_place``. Placeholders (``N/A``, ``nan``,
``unknown``) in the amount column are "not disclosed", as the export means them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sectorlens.model import Kind, Quantity
from sectorlens.sources.base import Adapter, Batch, blank, blank_rows, blanked, opts
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.columns import Flags, company_key, deal_table, pick
from sectorlens.sources.normalize import Classified, Located

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

    def transform(self, chunk: Chunk) -> Batch:
        """One row → one deal (a row without a startup name is rejected)."""
        norm, batch = self.norm, Batch(chunk)
        every = chunk.text("StartupName")
        batch.reject(blank_rows(every), "missing_name", "no startup name")
        rows = batch.kept()
        batch.deal_rows = list(range(len(chunk))) if rows is None else rows
        names = pick(every, rows)
        date_raw = chunk.text_of("Date", rows)
        amount_raw = chunk.text_of("AmountInUSD", rows)
        places = norm.places(chunk.text_of("CityLocation", rows), self._locate, kind=self.name)
        flags: Flags = {}
        for j, located in places.where("multi", _multi):
            flags[batch.deal_rows[j]] = [f"multi_place:{located.named}"]
        verticals = blanked(chunk.text_of("IndustryVertical", rows))
        subs = blanked(chunk.text_of("SubVertical", rows))
        batch.deals = deal_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=norm.each("company:india", names, self._key),
            company_name=names,
            date_raw=date_raw,
            dates=norm.days(date_raw, date_format=DATE_FORMAT),
            round_raw=opts(chunk.text_of("InvestmentType", rows)),
            amount_raw=amount_raw,
            amounts=norm.code("money:india", amount_raw, self._money),
            investors=opts(chunk.text_of("InvestorsName", rows)),
            places=places,
            sectors=norm.sectors(
                list(zip(verticals, subs, strict=True)), self._classify, kind=self.name
            ),
            flags=flags,
        )
        return batch

    def _key(self, name: str) -> str:
        return company_key(self.name, name)

    def _money(self, raw: str) -> Quantity:
        if blank(raw) or raw.casefold() in _PLACEHOLDERS:
            return Quantity(raw, Kind.UNDISCLOSED, currency="USD", reason=f"placeholder {raw!r}")
        return self.norm.money(raw, "USD")

    def _locate(self, raw: str) -> Located:
        if blank(raw):
            return Located(raw or None)
        named = self.norm.split_places(raw)
        place = self.norm.place(named[0], country=self.country) if named else None
        return Located(raw or None, place, len(named))

    def _classify(self, key: tuple[str, str]) -> Classified:
        vertical, sub = key
        return self.norm.classify(self.name, {"vertical": vertical}, raw=vertical, sub=sub)


def _multi(located: Located) -> bool:
    return located.named > 1
