"""IT桔子 (itjuzi) company export: a company row, then its further rounds as continuation rows.

A company row that also carries a round yields a Company and a Deal with the same row_ref and is
counted as a *deal* row; a company row without a round (all financing cells ``-``) is counted
as a *company* row. So rows_read = deal rows + company rows + rejects, while the ``companies``
table holds every company. A continuation row belongs to the last company row before it, also
across chunks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import reduce
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.compute as pc

from sectorlens.sources.base import Adapter, Batch, blank_cells, opt_cells, opts
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.coded import Distinct, distinct_pairs
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
_MISSING = ("missing_name", "company columns filled but no name")
_ORPHAN = ("orphan_continuation", "a round before any company row")
_EMPTY = ("empty_row", "continuation row without a round")


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
        name, places = chunk.strings(NAME), chunk.strings(PLACE)
        sectors, subsectors = chunk.strings(SECTOR), chunk.strings(SUBSECTOR)
        named = pc.not_equal(name, "")
        financing = (chunk.strings(DATE), chunk.strings(ROUND), chunk.strings(AMOUNT))
        has_round = _any(pc.invert(blank_cells(c)) for c in financing)
        deal = has_round
        # the row of the company each row belongs to (NULL before the chunk's first company row)
        owner = pc.fill_null_forward(
            pc.if_else(named, pa.array(range(len(chunk)), pa.int64()), pa.nulls(1, pa.int64())[0])
        )
        if not pc.all(named).as_py():  # continuation rows: are they what they seem?
            unnamed = pc.invert(named)
            columns = (chunk.strings(LEGAL), chunk.strings(SITE), places, sectors)
            company_cells = _any(pc.not_equal(c, "") for c in columns)
            missing = pc.and_(unnamed, company_cells)
            bare = pc.and_(unnamed, pc.invert(company_cells))
            orphan = pc.and_(bare, pc.is_null(owner)) if self._company is None else None
            if orphan is not None:
                bare = pc.and_(bare, pc.invert(orphan))
            empty = pc.and_(bare, pc.invert(has_round))
            found: dict[int, tuple[str, str]] = {}
            for mask, why in ((missing, _MISSING), (orphan, _ORPHAN), (empty, _EMPTY)):
                if mask is not None:
                    found.update(dict.fromkeys(_rows(mask), why))
            batch.rejects.update(sorted(found.items()))  # in row order, as a reader goes
            rejected = missing if orphan is None else pc.or_(missing, orphan)
            deal = pc.and_(deal, pc.invert(rejected))
        batch.company_rows = _rows(named)
        batch.deal_rows = _rows(deal)
        last = self._company
        if batch.company_rows:
            i = batch.company_rows[-1]
            cells = [c[i].as_py() for c in (name, places, sectors, subsectors)]
            self._company = (cells[0], cells[1], cells[2], cells[3])
        batch.companies = self._companies(batch, name, places, sectors, subsectors)
        # a deal of the company carried from earlier chunks takes its cells from one more row
        owners = pc.filter(owner, deal).fill_null(len(chunk))

        def owned(values: pa.Array, carried: int) -> pa.Array:
            if last is not None:
                values = pa.concat_arrays([values, pa.array([last[carried]], pa.string())])
            return values.take(owners)

        batch.deals = self._deals(
            batch,
            financing,
            owned(name, 0),
            owned(places, 1),
            distinct_pairs(owned(subsectors, 3), owned(sectors, 2)),
        )
        return batch

    def _companies(
        self,
        batch: Batch,
        name: pa.Array,
        places: pa.Array,
        sectors: pa.Array,
        subsectors: pa.Array,
    ) -> Any:
        norm, chunk, rows = self.norm, batch.chunk, batch.company_rows
        at = pa.array(rows, pa.int64())
        names = name.take(at)
        ids: Sequence[str] = norm.each("company:itjuzi", names.to_pylist(), self._key)
        # every company row is located and classified (and tallied), even one seen before
        located = norm.places(places.take(at), self._locate, kind=self.name)
        pairs = distinct_pairs(subsectors.take(at), sectors.take(at))
        classified = norm.sectors(pairs, self._classify, kind=self.name)
        keep = self.unseen(batch, rows, ids)
        if len(keep) < len(rows):
            rows = batch.company_rows = [rows[j] for j in keep]
            ids, located, classified = pick(ids, keep), located.take(keep), classified.take(keep)
            names = names.take(pa.array(keep, pa.int64()))
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
            name=names.to_pylist(),
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
        self,
        batch: Batch,
        financing: tuple[pa.Array, pa.Array, pa.Array],
        names: pa.Array,
        places: pa.Array,
        sectors: Distinct[tuple[str, str]],
    ) -> Any:
        """The deals of the batch's deal rows: ``financing`` is the chunk's date, round and
        amount columns, the others are of the deal rows already."""
        norm, chunk, rows = self.norm, batch.chunk, batch.deal_rows
        at = pa.array(rows, pa.int64())
        date_raw, round_raw, amount_raw = (c.take(at) for c in financing)
        ids = norm.code("company:itjuzi", names, self._key)
        return deal_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=ids.field("company_id", str, pa.string()).cast(pa.string()),
            company_name=names,
            date_raw=date_raw,
            dates=norm.days(date_raw),
            round_raw=round_raw,
            amount_raw=amount_raw,
            amounts=norm.moneys(amount_raw, None),
            investors=opt_cells(chunk.strings(INVESTORS).take(at)),
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


def _any(masks: Iterable[pa.Array]) -> pa.Array:
    """The rows where any of ``masks`` holds."""
    return reduce(pc.or_, masks)


def _rows(mask: pa.Array) -> list[int]:
    """The rows where ``mask`` holds."""
    return pc.indices_nonzero(mask).to_pylist()
