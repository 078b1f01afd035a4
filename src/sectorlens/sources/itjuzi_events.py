"""IT桔子 (itjuzi) investment events: one round per row (date, link, company, field, place, round,
amount, investor), as the 2016 scrape exports it (GB18030 text: the encoding is detected).

Company ids are ``itjuzi:<name>``, as in the itjuzi company export, so both link. Amounts are
itjuzi's buckets where not exact: ``亿元及以上人民币`` is at least 100 million, ``千万级美元`` ten
to a hundred million; ``其他`` ("other") names no currency, so the amount is kept without one.
``place`` is a province or a country (``美国``); ``国外`` ("abroad") names no country and is
kept raw (and counted as unmapped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sectorlens.model import Kind, Quantity
from sectorlens.sources.base import Adapter, Batch, blank, opts
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.columns import company_key, deal_table, pick
from sectorlens.sources.normalize import Classified, Located

HEADER = ("date", "link", "company", "field", "place", "round", "amount", "investor")
#: itjuzi's amount buckets, rewritten as amounts the parser reads (until it reads them itself)
_BUCKETS = (
    (re.compile(r"^亿元及以上(.*)$"), r"超1亿\1"),
    (re.compile(r"^千万级(.*)$"), r"1000万-1亿\1"),
    (re.compile(r"^百万级(.*)$"), r"100万-1000万\1"),
)
_NO_CURRENCY = "其他"  # "other": a currency itjuzi does not name
_NO_INVESTOR = frozenset({"投资方未透露", "未透露"})


class ItjuziEventsAdapter(Adapter):
    """``invest_event.csv``: one investment event per row."""

    name = "itjuzi_events"

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """Exactly the eight columns of the itjuzi events scrape."""
        return tuple(h.strip().casefold() for h in header) == HEADER

    def transform(self, chunk: Chunk) -> Batch:
        """One row → one deal (a row without a company name is rejected)."""
        norm, batch = self.norm, Batch(chunk)
        every = chunk.text("company")
        batch.reject(
            [i for i, n in enumerate(every) if blank(n)], "missing_name", "no company name"
        )
        rows = batch.kept()
        batch.deal_rows = list(range(len(chunk))) if rows is None else rows
        names = pick(every, rows)
        date_raw = chunk.text_of("date", rows)
        amount_raw = chunk.text_of("amount", rows)
        fields = chunk.text_of("field", rows)
        batch.deals = deal_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=norm.each("company:itjuzi", names, self._key),
            company_name=names,
            date_raw=date_raw,
            dates=norm.days(date_raw, date_format="ymd"),
            round_raw=opts(chunk.text_of("round", rows)),
            amount_raw=amount_raw,
            amounts=norm.code("money:itjuzi_events", amount_raw, self._money),
            investors=[
                None if blank(v) or v in _NO_INVESTOR else v
                for v in chunk.text_of("investor", rows)
            ],
            places=norm.places(chunk.text_of("place", rows), self._locate, kind=self.name),
            sectors=norm.sectors(fields, self._classify, kind=self.name),
        )
        return batch

    @staticmethod
    def _key(name: str) -> str:
        return company_key("itjuzi", name)  # the same company ids as the itjuzi company export

    def _money(self, raw: str) -> Quantity:
        q = self.norm.money(raw)
        if q.kind is not Kind.UNPARSED:
            return q
        text = raw.strip()
        for pattern, rewrite in _BUCKETS:
            if pattern.match(text):
                found = self.norm.money(pattern.sub(rewrite, text))
                if found.kind is Kind.MONEY:
                    return replace(found, input=raw, reason=f"itjuzi bucket {text!r}")
        if text.endswith(_NO_CURRENCY) and len(text) > len(_NO_CURRENCY):
            bare = text.removesuffix(_NO_CURRENCY)
            for pattern, rewrite in _BUCKETS:
                bare = pattern.sub(rewrite, bare)
            # read with a stand-in currency, then say plainly that none is known
            found = self.norm.money(bare, "XXX")
            if found.kind is Kind.MONEY:
                reason = f"currency given as {_NO_CURRENCY!r} (other): unknown"
                return replace(found, input=raw, currency=None, reason=reason)
        return q

    def _locate(self, raw: str) -> Located:
        if blank(raw):
            return Located(raw or None)
        named = self.norm.split_places(raw)
        return Located(raw, self.norm.place(named[0]) if named else None, len(named))

    def _classify(self, field: str) -> Classified:
        return self.norm.classify("itjuzi", {"sector": field}, raw=field)
