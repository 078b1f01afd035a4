"""Helpers adapters share: place and sector columns, deal assembly, company ids."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from sectorlens.model import Deal, Period, Quantity
from sectorlens.sources.gazetteer import Place
from sectorlens.sources.normalize import Normalizer
from sectorlens.sources.readers import RawRow
from sectorlens.sources.taxonomy import SectorMatch
from sectorlens.sources.text import excel_artefact

PLACE_COLUMNS = ("country", "region", "province", "city", "district", "cluster")


def place_fields(raw: str | None, place: Place | None) -> dict[str, Any]:
    """The place columns of a deal or company."""
    out: dict[str, Any] = {"place_raw": raw or None}
    for column in PLACE_COLUMNS:
        out[column] = getattr(place, column) if place is not None else None
    return out


def sector_fields(
    sector_raw: str | None, subsector_raw: str | None, match: SectorMatch | None
) -> dict[str, Any]:
    """The sector columns of a deal or company."""
    return {
        "sector_raw": sector_raw or None,
        "subsector_raw": subsector_raw or None,
        "sector": match.category if match else None,
        "chain_layer": match.layer if match else None,
    }


def company_key(source: str, name: str) -> str:
    """A stable company id from a source and a natural key (case and width folded)."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return f"{source}:{folded}"


def name_flags(row: RawRow, column: str) -> list[str]:
    """Flags for a name cell that is a spreadsheet artefact (``#NAME?``)."""
    kind = excel_artefact(row.raw(column))
    return [f"excel_artefact:{column}"] if kind else []


def day_of(
    norm: Normalizer, raw: str, *, date_format: str | None = None
) -> tuple[date | None, str | None]:
    """The first day ``raw`` names, and a flag when it is a month/year (or not a date at all)."""
    if not raw or raw.strip() in {"-", "—"}:
        return None, None
    period = norm.period(raw, date_format=date_format)
    if period is None:
        return None, "bad_date"
    if period.start == period.end:
        return period.start, None
    return period.start, "date_precision"


def make_deal(
    norm: Normalizer,
    row: RawRow,
    *,
    source: str,
    deal_id: str,
    company_id: str | None,
    company_name: str | None,
    deal_date: date | None,
    date_raw: str | None,
    round_raw: str | None,
    amount_raw: str | None,
    quantity: Quantity,
    investors: str | None,
    place: dict[str, Any],
    sector: dict[str, Any],
    flags: list[str],
    period: Period | None = None,
) -> Deal:
    """Assemble a Deal record; with a ``period`` amounts convert at its average ECB rate."""
    on = None if period is not None else deal_date
    fields: dict[str, Any] = {
        "deal_id": deal_id,
        "row_ref": row.ref,
        "source_format": source,
        "company_id": company_id,
        "company_name": company_name,
        "deal_date": deal_date,
        "date_raw": date_raw or None,
        "round_raw": round_raw or None,
        "round": norm.round(round_raw) if round_raw else None,
        "investors": investors or None,
        **norm.amount_fields(amount_raw, quantity, on=on, period=period),
        **place,
        **sector,
    }
    if quantity.kind.value == "unparsed":
        flags.append("amount_unparsed")
    if flags or row.flags:
        fields["flags"] = sorted({*flags, *row.flags})
        for flag in fields["flags"]:
            norm.tally.flags[flag.partition(":")[0]] += 1
    return Deal(deal_id, row.ref, company_id, fields)
