"""CSET's investment mentions mined from Chinese text (JSON lines, one mention per line).

Each mention is a deal: entity, evidence sentence, year, series, amount and currency. Mined data
misreads, so a mention is rejected when its year is impossible (before ``Options.min_year`` or
after the load date), its currency is not one sectorlens knows, or its evidence sentence never
names that currency (``TOP10`` read as Tongan paʻanga). The source's own USD figure used fixed
rates; it is kept in ``amount_note`` and the amount is converted again at ECB rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sectorlens.model import Kind, Period, Qualifier, Quantity
from sectorlens.sources.base import Adapter, Batch
from sectorlens.sources.chunk import Chunk
from sectorlens.sources.columns import Flags, deal_table, pick
from sectorlens.sources.currencies import Currencies
from sectorlens.sources.normalize import Classified, Located

KEYS = {"entity_id", "original_entity", "amount", "currency"}


class CsetAdapter(Adapter):
    """CSET ``amplyfi_investments`` JSON lines."""

    name = "cset"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._currencies = Currencies.load()

    @classmethod
    def detect(cls, header: Sequence[str], path: Path) -> bool:
        """Keys of a CSET mention."""
        return set(header) >= KEYS

    def transform(self, chunk: Chunk) -> Batch:
        """One mention → one deal, or a reject saying what was misread."""
        norm, batch = self.norm, Batch(chunk)
        years, currencies = chunk.text("year"), [c.upper() for c in chunk.text("currency")]
        sentences, amounts = chunk.text("sentence_texts"), chunk.column("amount")
        periods: list[Period | None] = []
        quantities: list[Quantity] = []
        amount_raw: list[str] = []
        for i, line in enumerate(chunk.column("_line")):
            if line is not None:
                batch.rejects[i] = ("bad_json", ", ".join(chunk.flags.get(i, ())))
                continue
            period = norm.period(years[i]) if years[i] else None
            year = period.start.year if period is not None else None
            if years[i] and (
                year is None or not self.options.min_year <= year <= self.options.today.year
            ):
                batch.rejects[i] = ("impossible_year", f"year {years[i]}")
                continue
            currency = currencies[i]
            if currency and not self._currencies.known(currency):
                batch.rejects[i] = ("unknown_currency", f"currency code {currency}")
                continue
            if currency and sentences[i] and not self._currencies.evidenced(currency, sentences[i]):
                batch.rejects[i] = (
                    "currency_not_in_text",
                    f"{currency} is not named in the sentence",
                )
                continue
            value = amounts[i]
            raw = "" if value is None else str(value)
            kind = value.__class__.__name__
            quantity = norm.once("cset-amount", (kind, raw, currency), self._amount)
            if quantity.kind is Kind.UNPARSED:
                batch.rejects[i] = ("bad_amount", f"amount {raw!r}")
                continue
            batch.deal_rows.append(i)
            periods.append(period)
            quantities.append(quantity)
            amount_raw.append(raw)
        rows = batch.deal_rows
        flags: Flags = {}
        for j, i in enumerate(rows):
            found = ["date_precision:year"] if periods[j] is not None else []
            if not sentences[i]:
                found.append("no_evidence_text")
            if found:
                flags[i] = found
        entity = chunk.text("original_entity")
        subjects = chunk.text("original_subjects")
        ids = chunk.text("entity_id")
        series = chunk.text_of("series", rows)
        usd = pick(chunk.column("amount_usd"), rows)
        batch.deals = deal_table(
            norm,
            chunk,
            rows,
            source=self.name,
            company_id=[f"{self.name}:{ids[i]}" if ids[i] else None for i in rows],
            company_name=[(entity[i] or subjects[i]) or None for i in rows],
            date_raw=pick(years, rows),
            dates=norm.code("cset-day", periods, lambda p: (p.start if p else None, None)),
            round_raw=[f"Series {s}" if s else None for s in series],
            amount_raw=amount_raw,
            amounts=norm.code("cset-quantity", quantities, lambda q: q),
            investors=[None] * len(rows),
            places=norm.code("no-place", [None] * len(rows), lambda _: Located(None)),
            sectors=norm.code("no-sector", [None] * len(rows), lambda _: Classified(None)),
            flags=flags,
            notes=[None if u is None else f"source amount_usd {u} (fixed rate)" for u in usd],
        )
        return batch

    def _amount(self, key: tuple[str, str, str]) -> Quantity:
        """The amount of a mention from its JSON type, text and currency."""
        kind, raw, currency_code = key
        currency = currency_code or None
        if raw == "":
            return Quantity(raw, Kind.UNDISCLOSED, currency=currency, reason="no amount")
        if kind in {"int", "float"}:
            try:
                number = Decimal(raw)
            except InvalidOperation:  # inf / nan
                return Quantity(raw, Kind.UNPARSED, reason="not a finite number")
            return Quantity(
                raw, Kind.MONEY, value=number, qualifier=Qualifier.EXACT, currency=currency
            )
        return self.norm.money(raw, currency)


def _same(value: Period | None) -> Period | None:
    return value
