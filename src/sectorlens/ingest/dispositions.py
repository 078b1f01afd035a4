"""Where each row of a chunk ends: counted in a LoadResult, written by a LoadWriter.

The adapter's Batch says what each row gave; here deals already in the store become
``duplicate_deal`` rejects, every row is checked to have exactly one disposition, the counts and
preview samples are taken and the tables (deals, companies, rejects with their raw rows,
observations, sources) are handed to the writer.
"""

from __future__ import annotations

import json
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sectorlens.errors import SectorlensError
from sectorlens.model import Company, Deal, Observation, Reject, Source
from sectorlens.sources.base import Batch
from sectorlens.sources.chunk import Chunk
from sectorlens.store.load import LoadWriter
from sectorlens.store.stored_deals import StoredDeals

if TYPE_CHECKING:
    from sectorlens.ingest.run import LoadResult


def dedupe(batch: Batch, stored: StoredDeals | None) -> None:
    """A deal already in the store (from an earlier load, e.g. the same export in another
    format) is not stored again: its row is a ``duplicate_deal`` reject naming the stored deal."""
    if stored is None or batch.deals is None:
        return
    found = stored.find(batch.deals)
    if found:
        for k, deal_id in found.items():
            batch.rejects[batch.deal_rows[k]] = ("duplicate_deal", f"same deal as {deal_id}")
        keep = [k for k in range(batch.deals.num_rows) if k not in found]
        batch.deals = batch.deals.take(pa.array(keep, pa.int64()))
        batch.deal_rows = [batch.deal_rows[k] for k in keep]


class RawRows:
    """The JSON text of rejected rows (a reject's raw row); a row repeated in a file, say a
    company named again, is encoded once."""

    def __init__(self, limit: int = 10_000) -> None:
        self._done: dict[tuple[str, ...], str] = {}
        self._limit = limit

    def of(self, chunk: Chunk, rows: list[int]) -> list[str]:
        """The raw row of each of ``rows``: rows with the same cells are encoded once, and
        only one of them is taken from the chunk."""
        same = chunk.same_rows(rows)
        distinct = sorted(set(same))
        chunk.prefetch(distinct)  # their cells, taken at once
        text = {i: self(chunk, i) for i in distinct}
        return list(map(text.__getitem__, same))

    def __call__(self, chunk: Chunk, i: int) -> str:
        key = chunk.cells_of(i)
        found = None if key is None else self._done.get(key)
        if found is None:
            found = json.dumps(chunk.values_of(i), ensure_ascii=False, default=str)
            if key is not None:
                if len(self._done) >= self._limit:
                    self._done.clear()  # bounded memory; the text does not depend on it
                self._done[key] = found
        return found


def dispose(
    batch: Batch, result: LoadResult, writer: LoadWriter | None, sample: int, raws: RawRows
) -> None:
    chunk = batch.chunk
    rejects = batch.rejects
    deals = {r for r in batch.deal_rows if r not in rejects}
    companies = {r for r in batch.company_rows if r not in rejects and r not in deals}
    observations = {r for r in batch.observation_rows if r not in rejects}
    observations -= deals | companies
    counted = len(rejects) + len(deals) + len(companies) + len(observations)
    if counted != len(chunk) or max(rejects, default=-1) >= len(chunk):
        raise SectorlensError(
            f"rows from {_first_ref(batch)} on: {len(chunk)} rows but {counted} dispositions"
        )
    result.deals += len(deals)
    result.companies += len(companies)
    result.observations += len(observations)
    result.rejects.update(map(itemgetter(0), rejects.values()))
    if len(result.sample) < sample or len(result.sample_rejects) < sample:
        _take_samples(batch, result, sample)
    if writer is None:
        return
    if batch.deals is not None:
        writer.add_table("deals", batch.deals)
    if batch.companies is not None:
        writer.add_table("companies", batch.companies)
    for record in batch.records:
        if isinstance(record, Source):
            writer.add("sources", source_row(record))
        else:
            writer.add("observations", _observation_row(record))
    if rejects:
        rows = sorted(rejects)
        why = list(map(rejects.__getitem__, rows))
        table = {
            "row_ref": list(map(chunk.refs.__getitem__, rows)),
            "reason": list(map(itemgetter(0), why)),
            "detail": list(map(itemgetter(1), why)),
            "raw": raws.of(chunk, rows),
        }
        writer.add_table("rejects", pa.table(table, schema=_REJECTS))


_REJECTS = pa.schema([(name, pa.string()) for name in ("row_ref", "reason", "detail", "raw")])


def _first_ref(batch: Batch) -> str:
    """The first row reference of a batch, to name it in an error."""
    return batch.chunk.refs[0] if len(batch.chunk) else "an empty chunk"


def _take_samples(batch: Batch, result: LoadResult, sample: int) -> None:
    found: list[tuple[int, int, Deal | Company | Observation]] = []
    if batch.companies is not None:
        for k, fields in enumerate(batch.companies.slice(0, sample).to_pylist()):
            company = Company(fields["company_id"], fields["name"], fields["row_ref"], fields)
            found.append((batch.company_rows[k], 0, company))
    if batch.deals is not None:
        for k, fields in enumerate(batch.deals.slice(0, sample).to_pylist()):
            deal = Deal(fields["deal_id"], fields["row_ref"], fields["company_id"], fields)
            found.append((batch.deal_rows[k], 1, deal))
    found.extend((0, 2, r) for r in batch.records[:sample] if isinstance(r, Observation))
    for _row, _kind, record in sorted(found, key=lambda x: (x[0], x[1])):
        if len(result.sample) < sample:
            result.sample.append(record)
    for i, (reason, detail) in sorted(batch.rejects.items()):
        if len(result.sample_rejects) >= sample:
            break
        chunk = batch.chunk
        result.sample_rejects.append(Reject(chunk.refs[i], reason, chunk.values_of(i), detail))


def _observation_row(obs: Observation) -> dict[str, Any]:
    return {
        "obs_id": obs.obs_id,
        "metric": obs.metric,
        "value": obs.value,
        "low": obs.low,
        "high": obs.high,
        "qualifier": obs.qualifier.value,
        "unit": obs.unit,
        "currency": obs.currency,
        "period_start": obs.period_start,
        "period_end": obs.period_end,
        "geography": obs.geography,
        "segment_type": obs.segment_type,
        "segment": obs.segment,
        "status": obs.status.value,
        "source_id": obs.source_id,
        "locator": obs.locator,
        "equivalent_of": obs.equivalent_of,
        "note": obs.note,
    }


def source_row(source: Source) -> dict[str, Any]:
    return {
        "source_id": source.source_id,
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published,
        "url": source.url,
        "language": source.language,
        "licence": source.licence,
        "note": source.note,
    }
