"""IT桔子 (itjuzi) company export: a company row, then its further rounds as continuation rows.

A company row that also carries a round yields a Company and a Deal with the same row_ref and is
counted as a *deal* row; a company row without a round (all financing cells ``-``) is counted
as a *company* row. So rows_read = deal rows + company rows + rejects, while the ``companies``
table holds every company. A continuation row belongs to the last company row before it, also
across chunks.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from pathlib import Path
from typing import Any, ClassVar

from sectorlens.sources.base import Adapter, Batch, filled, opts
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.columns import company_key, company_table, deal_table, pick
from sectorlens.sources.normalize import Classified, Located
from sectorlens.sources.text import excel_artefact

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
        self._company: tuple[str, str, str, str] | None = None  # name, place, sector, subsector

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """The itjuzi header names its company, place and financing columns."""
        return {NAME, PLACE, ROUND, AMOUNT, DATE} <= set(header)

    def transform(self, chunk: Chunk) -> Batch:
        """Company rows → companies (+ deals when they carry a round); continuations → deals."""
        batch = Batch(chunk)
        name = chunk.text(NAME)
        dates, rounds, amounts = chunk.text(DATE), chunk.text(ROUND), chunk.text(AMOUNT)
        places, sectors, subsectors = chunk.text(PLACE), chunk.text(SECTOR), chunk.text(SUBSECTOR)
        legal, site = chunk.text(LEGAL), chunk.text(SITE)
        has_round = [
            a or b or c
            for a, b, c in zip(filled(dates), filled(rounds), filled(amounts), strict=True)
        ]
        owners: list[int] = []  # the company row of each deal; -1: the last one of earlier chunks
        current = None if self._company is None else -1
        if all(name):  # every row a company row (no continuation): each deal is its own row's
            batch.company_rows[:] = range(len(name))
            batch.deal_rows[:] = compress(range(len(name)), has_round)
            owners = batch.deal_rows.copy()
            name_rows: Sequence[str] = ()
        else:
            name_rows = name
        for i, company in enumerate(name_rows):
            if company:
                batch.company_rows.append(i)
                current = i
            elif legal[i] or site[i] or places[i] or sectors[i]:
                batch.rejects[i] = ("missing_name", "company columns filled but no name")
                continue
            elif current is None:
                batch.rejects[i] = ("orphan_continuation", "a round before any company row")
                continue
            elif not has_round[i]:
                batch.rejects[i] = ("empty_row", "continuation row without a round")
                continue
            if has_round[i]:
                batch.deal_rows.append(i)
                owners.append(current)
        last = self._company
        if batch.company_rows:
            i = batch.company_rows[-1]
            self._company = (name[i], places[i], sectors[i], subsectors[i])
        batch.companies = self._companies(batch, name, places, sectors, subsectors)

        def owned(values: Sequence[str], carried: int) -> list[str]:
            return [values[o] if o >= 0 else last[carried] for o in owners]  # type: ignore[index]

        batch.deals = self._deals(
            batch,
            owned(name, 0),
            owned(places, 1),
            list(zip(owned(subsectors, 3), owned(sectors, 2), strict=True)),
        )
        return batch

    def _companies(
        self,
        batch: Batch,
        name: list[str],
        places: list[str],
        sectors: list[str],
        subsectors: list[str],
    ) -> Any:
        norm, chunk, rows = self.norm, batch.chunk, batch.company_rows
        ids: Sequence[str] = norm.each("company:itjuzi", pick(name, rows), self._key)
        # every company row is located and classified (and tallied), even one seen before
        located = norm.places(pick(places, rows), self._locate, kind=self.name)
        pairs = list(zip(pick(subsectors, rows), pick(sectors, rows), strict=True))
        classified = norm.sectors(pairs, self._classify, kind=self.name)
        keep = self.unseen(batch, rows, ids)
        if len(keep) < len(rows):
            rows = batch.company_rows = [rows[j] for j in keep]
            ids, located, classified = pick(ids, keep), located.take(keep), classified.take(keep)
        raw_names = pick(chunk.raw(NAME), rows)
        founded_raw = chunk.text_of(FOUNDED, rows)
        artefacts = norm.each("excel_artefact", raw_names, excel_artefact)
        flags = {rows[j]: [f"excel_artefact:{NAME}"] for j, a in enumerate(artefacts) if a}
        return company_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=ids,
            name=pick(name, rows),
            name_raw=raw_names,
            legal_name=opts(chunk.text_of(LEGAL, rows)),
            website=opts(chunk.text_of(SITE, rows)),
            founded_raw=founded_raw,
            founded=norm.days(founded_raw),
            status=opts(chunk.text_of(STATUS, rows)),
            description=opts(chunk.text_of(DESCRIPTION, rows)),
            places=located,
            sectors=classified,
            flags=flags,
        )

    def _deals(
        self, batch: Batch, names: list[str], places: list[str], sectors: list[tuple[str, str]]
    ) -> Any:
        norm, chunk, rows = self.norm, batch.chunk, batch.deal_rows
        date_raw, amount_raw = chunk.text_of(DATE, rows), chunk.text_of(AMOUNT, rows)
        return deal_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=norm.each("company:itjuzi", names, self._key),
            company_name=names,
            date_raw=date_raw,
            dates=norm.days(date_raw),
            round_raw=chunk.text_of(ROUND, rows),
            amount_raw=amount_raw,
            amounts=norm.moneys(amount_raw, None),
            investors=opts(chunk.text_of(INVESTORS, rows)),
            # a deal is where its company is: resolved again (remembered), not tallied again
            places=norm.places(places, self._locate, kind=self.name, tally=False),
            sectors=norm.sectors(sectors, self._classify, kind=self.name, tally=False),
        )

    def _key(self, name: str) -> str:
        return company_key(self.name, name)

    def _locate(self, raw: str) -> Located:
        named = self.norm.split_places(raw)
        return Located(raw or None, self.norm.place(named[0]) if named else None, len(named))

    def _classify(self, key: tuple[str, str]) -> Classified:
        subsector, sector = key
        values = {"subsector": subsector, "sector": sector}
        return self.norm.classify(self.name, values, raw=sector, sub=subsector)
