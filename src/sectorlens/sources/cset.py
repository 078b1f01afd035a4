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

from sectorlens.model import Kind, Qualifier, Quantity
from sectorlens.sources.base import Adapter, Record, text
from sectorlens.sources.common import make_deal, place_fields, sector_fields
from sectorlens.sources.currencies import Currencies
from sectorlens.sources.readers import RawRow

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

    def transform(self, row: RawRow) -> list[Record]:
        """One mention → one Deal, or a Reject saying what was misread."""
        if "_line" in row.values:
            return self.reject(row, "bad_json", ", ".join(row.flags))
        year_raw = text(row, "year")
        period = None
        if year_raw:
            period = self.norm.period(year_raw)
            year = period.start.year if period is not None else None
            if year is None or not self.options.min_year <= year <= self.options.today.year:
                return self.reject(row, "impossible_year", f"year {year_raw}")
        currency = text(row, "currency").upper()
        if currency and not self._currencies.known(currency):
            return self.reject(row, "unknown_currency", f"currency code {currency}")
        sentence = text(row, "sentence_texts")
        if currency and sentence and not self._currencies.evidenced(currency, sentence):
            return self.reject(
                row, "currency_not_in_text", f"{currency} is not named in the sentence"
            )
        quantity, amount_raw = self._amount(row, currency or None)
        if quantity.kind is Kind.UNPARSED:
            return self.reject(row, "bad_amount", f"amount {amount_raw!r}")
        flags = ["date_precision:year"] if period is not None else []
        if not sentence:
            flags.append("no_evidence_text")
        usd = row.values.get("amount_usd")
        series = text(row, "series")
        entity = text(row, "original_entity") or text(row, "original_subjects")
        deal = make_deal(
            self.norm,
            row,
            source=self.name,
            deal_id=row.ref,
            company_id=f"{self.name}:{text(row, 'entity_id')}" if text(row, "entity_id") else None,
            company_name=entity or None,
            deal_date=period.start if period is not None else None,
            date_raw=year_raw,
            round_raw=f"Series {series}" if series else None,
            amount_raw=amount_raw,
            quantity=quantity,
            investors=None,
            place=place_fields(None, None),
            sector=sector_fields(None, None, None),
            flags=flags,
            period=period,
        )
        if usd is not None:
            note = deal.fields.get("amount_note")
            source_usd = f"source amount_usd {usd} (fixed rate)"
            deal.fields["amount_note"] = f"{note}; {source_usd}" if note else source_usd
        return [deal]

    def _amount(self, row: RawRow, currency: str | None) -> tuple[Quantity, str]:
        value = row.values.get("amount")
        raw = "" if value is None else str(value)
        if value is None or raw == "":
            return Quantity(raw, Kind.UNDISCLOSED, currency=currency, reason="no amount"), raw
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                number = Decimal(raw)
            except InvalidOperation:  # inf / nan
                return Quantity(raw, Kind.UNPARSED, reason="not a finite number"), raw
            return Quantity(
                raw, Kind.MONEY, value=number, qualifier=Qualifier.EXACT, currency=currency
            ), raw
        return self.norm.money(raw, default_currency=currency), raw
