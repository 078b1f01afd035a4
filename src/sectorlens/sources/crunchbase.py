"""Crunchbase CSV exports (2013 layout): companies, funding rounds and acquisitions.

The three files share company permalinks, so ``crunchbase:/company/x`` links rounds and
acquisitions to companies across loads. Amounts are USD unless a currency column says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sectorlens.sources.base import Adapter, Batch
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.coded import Coded
from sectorlens.sources.columns import Flags, company_table, deal_table, pick
from sectorlens.sources.gazetteer import Place
from sectorlens.sources.normalize import Classified, Located, Normalizer
from sectorlens.sources.text import excel_artefact, looks_like_date

COMPANIES = {"permalink", "name", "category_code", "funding_total_usd", "founded_at"}
ROUNDS = {"company_permalink", "funding_round_type", "funded_at", "raised_amount_usd"}
ACQUISITIONS = {"company_permalink", "acquirer_permalink", "acquired_at", "price_amount"}
_PLACE = ("country_code", "state_code", "region", "city")


class CrunchbaseAdapter(Adapter):
    """One of the three Crunchbase tables, told apart by its header."""

    name = "crunchbase"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kind: str | None = None

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

    def transform(self, chunk: Chunk) -> Batch:
        """Companies, rounds or acquisitions; a row with every cell empty is rejected."""
        batch = Batch(chunk)
        empty = chunk.blank_rows()  # a first cell with text says it at once
        # a row wider than the header may still have text beyond it
        empty = [i for i in empty if not any(str(v).strip() for v in chunk.values_of(i).values())]
        batch.reject(empty, "empty_row", "every cell is empty")
        if self._kind == "companies":
            self._companies(batch)
        else:
            self._deals(batch, acquisition=self._kind == "acquisitions")
        return batch

    def _artefacts(self, values: Sequence[str], *, dates: bool = False) -> list[bool]:
        """Cells that are spreadsheet artefacts (or, with ``dates``, dates in a number column)."""

        def test(value: str) -> bool:
            return bool(excel_artefact(value)) or (dates and looks_like_date(value))

        return self.norm.each(f"artefact:{dates}", values, test)

    def _places(self, chunk: Chunk, rows: list[int] | None, prefix: str) -> Coded[Located]:
        keys = list(zip(*(chunk.text_of(prefix + c, rows) for c in _PLACE), strict=True))
        return self.norm.places(keys, self._locate, kind=self.name)

    def _locate(self, key: tuple[str, str, str, str]) -> Located:
        return locate(self.norm, key)

    def _sectors(self, chunk: Chunk, rows: list[int] | None, column: str) -> Coded[Classified]:
        return self.norm.sectors(chunk.text_of(column, rows), self._classify, kind=self.name)

    def _classify(self, raw: str) -> Classified:
        return self.norm.classify(self.name, {"category": raw}, raw=raw)

    def _companies(self, batch: Batch) -> None:
        chunk, norm = batch.chunk, self.norm
        permalink = chunk.text("permalink")
        batch.reject([i for i, p in enumerate(permalink) if not p], "missing_id", "no permalink")
        rows = batch.kept()
        batch.company_rows = list(range(len(chunk))) if rows is None else rows
        ids: Sequence[str] = [f"{self.name}:{p}" for p in pick(permalink, rows)]
        located = self._places(chunk, rows, "")  # every row's place and sector are tallied
        classified = self._sectors(chunk, rows, "category_code")
        keep = self.unseen(batch, batch.company_rows, ids)
        if len(keep) < len(batch.company_rows):
            rows = batch.company_rows = [batch.company_rows[j] for j in keep]
            ids, located, classified = pick(ids, keep), located.take(keep), classified.take(keep)
        names, raw_names = chunk.text_of("name", rows), pick(chunk.raw("name"), rows)
        links = pick(permalink, rows)
        founded_raw = chunk.text_of("founded_at", rows)
        flags: Flags = {}
        for j, bad in enumerate(self._artefacts(raw_names)):
            if bad:
                flags[batch.company_rows[j]] = ["excel_artefact:name"]
        totals = chunk.text_of("funding_total_usd", rows)
        for j, bad in enumerate(self._artefacts(totals, dates=True)):
            if bad:
                flags.setdefault(batch.company_rows[j], []).append(
                    "excel_artefact:funding_total_usd"
                )
        batch.companies = company_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=ids,
            name=[n or p for n, p in zip(names, links, strict=True)],
            name_raw=raw_names,
            founded_raw=founded_raw,
            founded=norm.days(founded_raw),
            status=[s or None for s in chunk.text_of("status", rows)],
            places=located,
            sectors=classified,
            flags=flags,
        )

    def _deals(self, batch: Batch, *, acquisition: bool) -> None:
        chunk, norm = batch.chunk, self.norm
        permalink = chunk.text("company_permalink")
        batch.reject(
            [i for i, p in enumerate(permalink) if not p], "missing_id", "no company permalink"
        )
        amount_col = "price_amount" if acquisition else "raised_amount_usd"
        amounts = chunk.text(amount_col)
        for i, bad in enumerate(self._artefacts(amounts, dates=True)):
            if bad:
                batch.reject([i], "excel_artefact", f"{amount_col} is {amounts[i]!r}")
        rows = batch.kept()
        batch.deal_rows = list(range(len(chunk))) if rows is None else rows
        date_raw = chunk.text_of("acquired_at" if acquisition else "funded_at", rows)
        amount_raw = pick(amounts, rows)
        flags: Flags = {}
        for j, bad in enumerate(self._artefacts(pick(chunk.raw("company_name"), rows))):
            if bad:
                flags[batch.deal_rows[j]] = ["excel_artefact:company_name"]
        for j, raw in enumerate(amount_raw):
            if "E+" in raw or "e+" in raw:
                flags.setdefault(batch.deal_rows[j], []).append("excel_scientific:" + amount_col)
        if acquisition:
            currency: Any = [c or "USD" for c in chunk.text_of("price_currency_code", rows)]
            round_raw: Sequence[str] = ["acquisition"] * len(batch.deal_rows)
            investors = [v or None for v in chunk.text_of("acquirer_name", rows)]
        else:
            currency = "USD"
            round_raw = chunk.text_of("funding_round_type", rows)
            investors = [None] * len(batch.deal_rows)
        batch.deals = deal_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=[f"{self.name}:{p}" for p in pick(permalink, rows)],
            company_name=[v or None for v in chunk.text_of("company_name", rows)],
            date_raw=date_raw,
            dates=norm.days(date_raw),
            round_raw=round_raw,
            amount_raw=amount_raw,
            amounts=norm.moneys(amount_raw, currency),
            investors=investors,
            places=self._places(chunk, rows, "company_"),
            sectors=self._sectors(chunk, rows, "company_category_code"),
            flags=flags,
        )


def locate(norm: Normalizer, key: tuple[str, str, str, str]) -> Located:
    """(country code, state code, region, city): the country (ISO-3 or ISO-2) first, the state
    looked up inside it; the export's own city kept as given."""
    country, state, _region, city = key
    raw = " / ".join(p for p in key if p) or None
    if not country and not state and not city:
        return Located(raw)
    code = norm.country(country) if country else None
    if country and code is None:
        return Located(raw, Place(unresolved=(country,)))
    if state:
        place = norm.place((state,), country=code, strict=code is not None)
        if code is not None and place.province is None:  # a state the gazetteer lacks: ISO 3166-2
            sub = norm.once("subdivision", (code, state), _subdivision(norm))
            if sub is not None:
                place = replace(place, province=sub, city=None, unresolved=())
    elif code is not None:
        place = norm.gazetteer.country_place(code)
    else:
        place = Place()
    if city and place.city is None and place.province is None and code is not None:
        found = norm.place((city,), country=code, strict=True)  # a known city of the country
        if found.province is not None:
            place = found
    if city and place.city is None:
        place = replace(place, city=city)
    return Located(raw, place)


def _subdivision(norm: Normalizer) -> Any:
    def find(key: tuple[str, str]) -> str | None:
        return norm.gazetteer.countries.subdivision(*key)

    return find
