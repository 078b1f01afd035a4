"""Crunchbase Open Data Map funding rounds (2016 layout): one round per row.

Countries are ISO-3 codes (``USA``, ``GBR``), states are looked up inside them. The amount is
``raised_amount`` in ``raised_amount_currency_code`` where the export gives both, else
``raised_amount_usd`` in USD. The round is the series code (``A``) where there is one, else the
round type (``seed``, ``venture``). Company ids are ``crunchbase:<organization path>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

from sectorlens.sources.base import Adapter, Batch, blank
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.columns import deal_table, pick
from sectorlens.sources.crunchbase import locate
from sectorlens.sources.normalize import Classified, Located

HEADER = {"company_name", "country_code", "funding_round_type", "announced_on", "raised_amount_usd"}


class CrunchbaseOdmAdapter(Adapter):
    """``funding_rounds.csv`` of the Crunchbase Open Data Map."""

    name = "crunchbase_odm"

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """The ODM rounds header (announced_on, ISO-3 country_code, raised_amount_usd)."""
        return set(header) >= HEADER

    def transform(self, chunk: Chunk) -> Batch:
        """One row → one deal (a row without a company name is rejected)."""
        norm, batch = self.norm, Batch(chunk)
        every = chunk.text("company_name")
        batch.reject([i for i, n in enumerate(every) if blank(n)], "missing_name", "no name")
        rows = batch.kept()
        batch.deal_rows = list(range(len(chunk))) if rows is None else rows
        names = pick(every, rows)
        usd, own = (
            chunk.text_of("raised_amount_usd", rows),
            chunk.text_of("raised_amount", rows),
        )
        codes = chunk.text_of("raised_amount_currency_code", rows)
        use_own = [bool(a) and bool(c) for a, c in zip(own, codes, strict=True)]
        amount_raw = [a if u else b for a, b, u in zip(own, usd, use_own, strict=True)]
        currency = [c if u else "USD" for c, u in zip(codes, use_own, strict=True)]
        series = chunk.text_of("funding_round_code", rows)
        kinds = chunk.text_of("funding_round_type", rows)
        rounds = [f"series {c}" if c else k for c, k in zip(series, kinds, strict=True)]
        urls = chunk.text_of("cb_url", rows)
        ids = [_company_id(u, n) for u, n in zip(urls, names, strict=True)]
        date_raw = chunk.text_of("announced_on", rows)
        places = list(
            zip(
                *(chunk.text_of(c, rows) for c in ("country_code", "state_code", "region", "city")),
                strict=True,
            )
        )
        batch.deals = deal_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=ids,
            company_name=names,
            date_raw=date_raw,
            dates=norm.days(date_raw),
            round_raw=[r or None for r in rounds],
            amount_raw=amount_raw,
            amounts=norm.moneys(amount_raw, currency),
            investors=[v or None for v in chunk.text_of("investor_names", rows)],
            places=norm.places(places, self._locate, kind=self.name),
            sectors=norm.sectors(
                chunk.text_of("company_category_list", rows), self._classify, kind=self.name
            ),
        )
        return batch

    def _locate(self, key: tuple[str, str, str, str]) -> Located:
        return locate(self.norm, key)

    def _classify(self, raw: str) -> Classified:
        values = tuple(v.strip().casefold() for v in raw.split("|") if v.strip())
        return self.norm.classify_any("crunchbase", values, raw=raw)


def _company_id(url: str, name: str) -> str:
    path = urlparse(url).path if url else ""
    return f"crunchbase:{path}" if path.strip("/") else f"crunchbase:name:{name.casefold()}"
