"""A table printed without its unit takes the unit of the same figures stated elsewhere.

A summary table gives ``매출액 (십억원) 44,622`` for 2022; a table of quarterly estimates further
on prints ``매출액 … 44,622`` for 2022 with no unit at all. When at least two of the bare table's
cells repeat, row label, period and number alike, figures that another table states with one
scale and currency, and nothing contradicts it, the bare table's amounts are read in that unit —
and the assumption is recorded on every quantity read so. Rows of rates, ratios, changes and
per-share figures keep their bare numbers.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence

from sectorlens.facts.cell_kind import quantity_text
from sectorlens.facts.document import Table
from sectorlens.facts.table_facts import CellFact, is_change_header
from sectorlens.facts.tables import row_parents
from sectorlens.model import Kind, Period
from sectorlens.parse import parse

MIN_MATCHES = 2
_UNIT_PART = re.compile(r"[(（][^()（）]*[)）]")
# Rows whose numbers are not amounts: rates, margins, ratios, per-share figures, multiples.
_NOT_AMOUNT = re.compile(
    r"%|percent|margin|rate|ratio|yield|per\s+share|\bEPS\b|\bBPS\b|\bDPS\b|\bP/[EB]\b|ROE|ROA|"
    r"[(（]\s*(?:배|x|倍)\s*[)）]|률|율|비중|비율|주당|率|占比|比重|每股",
    re.I,
)

Key = tuple[str, Period, str]


def _base(label: str | None) -> str:
    return re.sub(r"\s+", " ", _UNIT_PART.sub(" ", label or "")).strip().lower()


def _key(cf: CellFact) -> Key | None:
    period = cf.fact.period
    if period is None or not cf.number or not cf.metric:
        return None
    return (_base(cf.metric), period, cf.number)


def borrow_units(tables: Sequence[tuple[Table, list[CellFact]]]) -> list[list[CellFact]]:
    """The cell facts of every table, a bare table's amounts read in the unit its repeated
    figures are stated with elsewhere (see the module docstring)."""
    stated: dict[Key, set[tuple[str | None, str | None]]] = defaultdict(set)
    for _, cfs in tables:
        for cf in cfs:
            if cf.stated is not None and (key := _key(cf)) is not None:
                stated[key].add(cf.stated)
    out: list[list[CellFact]] = []
    for table, cfs in tables:
        if not stated or any(cf.stated is not None for cf in cfs):
            out.append(cfs)
            continue
        hits = [stated[k] for cf in cfs if cf.plain and (k := _key(cf)) in stated]
        units = set().union(*hits) if hits else set()
        if len(hits) < MIN_MATCHES or len(units) != 1:
            out.append(cfs)
            continue
        unit = units.pop()
        out.append([_read_in(table, cf, unit, hits) for cf in cfs])
    return out


def _read_in(
    table: Table, cf: CellFact, unit: tuple[str | None, str | None], hits: Sequence[object]
) -> CellFact:
    """``cf`` read in ``unit`` when it is a bare amount of an amount row."""
    if not cf.plain:
        return cf
    label = cf.fact.sentence.split(" | ")[0]
    rows = [label, *row_parents(table, cf.row, cf.col, is_change_header)]
    if any(_NOT_AMOUNT.search(t) or is_change_header(t) for t in rows):
        return cf
    scale, currency = unit
    q = parse(quantity_text(cf.number, Kind.NUMBER, currency, scale))
    if q.value is None:
        return cf
    why = (
        f"unit {' '.join(u for u in unit if u)} taken from {len(hits)} figures this table "
        "repeats from a table that states it"
    )
    q = dataclasses.replace(q, assumptions=(*q.assumptions, why))
    return dataclasses.replace(cf, fact=dataclasses.replace(cf.fact, quantity=q), plain=False)


__all__ = ["borrow_units"]
