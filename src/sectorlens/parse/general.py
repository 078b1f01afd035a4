"""``parse``: any quantity text, its kind decided from what it says."""

from __future__ import annotations

import re
from functools import lru_cache

from sectorlens.model import Kind, Quantity
from sectorlens.parse._core import only, read_quantity
from sectorlens.parse._tokens import normalize
from sectorlens.parse.periods import read_period

_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_LIKELY_YEARS = range(1900, 2101)


@lru_cache(maxsize=1 << 16)
def _parse(text: str, default_currency: str | None, date_format: str | None) -> Quantity:
    norm = normalize(text)
    if norm and not _PLAIN_NUMBER.fullmatch(norm):
        got = read_period(norm, date_format)
        if isinstance(got, tuple):
            period = got[0]
            if period.start.year in _LIKELY_YEARS and period.end.year in _LIKELY_YEARS:
                return Quantity(input=text, kind=Kind.PERIOD, period=period)
            q = read_quantity(text, default_currency, False)
            return q if q.ok else Quantity(input=text, kind=Kind.PERIOD, period=period)
        if isinstance(got, str):
            q = read_quantity(text, default_currency, False)
            return q if q.ok else Quantity(input=text, kind=Kind.UNPARSED, reason=got)
    return read_quantity(text, default_currency, False)


def parse(
    text: str, *, default_currency: str | None = None, date_format: str | None = None
) -> Quantity:
    """Read any quantity text; the kind says what it was (money, percent, period, ...).

    A plain number (``2018``, ``2021.08``) is a number here: use ``parse_period`` on date
    columns. Text shaped like a date or period is a period when its years are 1900–2100.
    ``default_currency`` only resolves ambiguous symbols; bare numbers stay numbers.
    """
    return _parse(text, default_currency, date_format)


def parse_number(text: str) -> Quantity:
    """Read a plain number (``1,839억 9200만``, ``20,00,00,000``, ``4.78万亿``, ``1.2bn``)."""
    return only(read_quantity(text, None, False), Kind.NUMBER)


__all__ = ["parse", "parse_number"]
