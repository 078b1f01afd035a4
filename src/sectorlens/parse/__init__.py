"""sectorlens.parse: pure functions from a string to a typed value.

Numbers, money, percents, counts, periods, funding rounds and place strings in Korean, Chinese
and English, as ``sectorlens.model.Quantity`` (see DESIGN.md, "the parse contract"):

- exact: ``value`` = ``low`` = ``high``; approx: ``value`` only; at_least: ``low`` only;
  at_most: ``high`` only; range: ``low`` and ``high``.
- undisclosed (``未透露``, ``비공개``, ``undisclosed``) is its own kind, with the currency if one
  was named; missing-value markers (``None``, ``N/A``, ``NaN``, ``-``, ``—``) are kind missing;
  whatever cannot be fully read is kind unparsed with a ``reason``.
- an assumption made to read the text is listed in ``assumptions`` (a bare ``$`` read as USD);
  ``low_open``/``high_open`` mark bounds the value cannot reach (``미만``, ``千万级``).
- values are ``Decimal`` without exponent (``2.6E+12`` -> ``2600000000000``) and below 10^22
  (larger ones are unparsed, never an exception); negative amounts (``-1000万``) stay negative.

Results are cached (the functions are pure and Quantity is immutable).
"""

from __future__ import annotations

from sectorlens.parse._core import EQUIVALENT_NAMED
from sectorlens.parse._counters import COUNTED_NOUNS_EN
from sectorlens.parse.currency_in import (
    currency_codes,
    currency_in,
    currency_names,
    currency_signs,
    is_currency_word,
)
from sectorlens.parse.format import format_money, format_number
from sectorlens.parse.general import parse, parse_number
from sectorlens.parse.money import parse_money
from sectorlens.parse.native import NATIVE_COUNTERS, NATIVE_NUMERAL
from sectorlens.parse.percent import parse_count, parse_percent
from sectorlens.parse.periods import parse_date, parse_period
from sectorlens.parse.places import split_place, split_places
from sectorlens.parse.rounds import ROUND_STAGES, canonical_round
from sectorlens.parse.serialize import as_dict, clear_caches

__all__ = [
    "COUNTED_NOUNS_EN",
    "EQUIVALENT_NAMED",
    "NATIVE_COUNTERS",
    "NATIVE_NUMERAL",
    "ROUND_STAGES",
    "as_dict",
    "canonical_round",
    "clear_caches",
    "currency_codes",
    "currency_in",
    "currency_names",
    "currency_signs",
    "format_money",
    "format_number",
    "is_currency_word",
    "parse",
    "parse_count",
    "parse_date",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_period",
    "split_place",
    "split_places",
]
