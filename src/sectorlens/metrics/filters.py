"""A small, validated filter grammar: ``field OP value`` — never SQL text.

Each clause names a known field, one operator of ``= != >= <= > <`` and a value that is parsed
into the field's type; ``=``/``!=`` accept a comma-separated list (``province=Beijing,Shanghai``)
and the word ``null`` (``cluster=null``). Clauses are ANDed. The predicate is built with Ibis, so
no user text ever reaches an SQL string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import ibis
import ibis.expr.types as ir

from sectorlens.errors import UsageError

OPERATORS = ("!=", ">=", "<=", "=", ">", "<")
_CLAUSE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(!=|>=|<=|=|>|<)\s*(.*?)\s*$", re.S)
NULL_WORD = "null"
IMPLAUSIBLE = "implausible_amount"  # the flag ingest sets on an amount far outside its context


@dataclass(frozen=True, slots=True)
class Field:
    """A filterable field: its value type and the tables that have it."""

    name: str
    kind: str  # "str" | "int" | "date" | "bool"
    tables: tuple[str, ...]
    help: str


_DEAL = ("deals",)
_BOTH = ("deals", "companies")

FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("source_format", "str", _BOTH, "the export format a row came from (itjuzi, …)"),
        Field("load_id", "str", _BOTH, "one ingest run"),
        Field("country", "str", _BOTH, "ISO country or the export's country name"),
        Field("region", "str", _BOTH, "region above province"),
        Field("province", "str", _BOTH, "province or state"),
        Field("city", "str", _BOTH, "city"),
        Field("cluster", "str", _BOTH, "economic cluster (e.g. a development zone)"),
        Field("sector", "str", _BOTH, "normalized sector"),
        Field("chain_layer", "str", _BOTH, "basic | technology | application"),
        Field("round", "str", _DEAL, "canonical stage code"),
        Field("currency", "str", _DEAL, "ISO currency of the stated amount"),
        Field("amount_kind", "str", _DEAL, "money | undisclosed | unparsed"),
        Field("amount_qualifier", "str", _DEAL, "exact | approx | at_least | at_most | range"),
        Field("disclosed", "bool", _DEAL, "true when an amount was disclosed"),
        Field("deal_date", "date", _DEAL, "date of the round (YYYY-MM-DD)"),
        Field("year", "int", _DEAL, "calendar year of the round"),
        Field(
            "implausible",
            "bool",
            _DEAL,
            "flagged implausible_amount at ingest (left out unless asked for: "
            "implausible=true,false keeps every deal)",
        ),
        Field("founded", "date", ("companies",), "founding date (YYYY-MM-DD)"),
        Field("founded_year", "int", ("companies",), "founding year"),
    )
}


@dataclass(frozen=True, slots=True)
class Filter:
    """One validated clause: ``field op values`` (several values only with = and !=)."""

    field: str
    op: str
    values: tuple[Any, ...]

    def __str__(self) -> str:
        shown = ",".join(
            NULL_WORD if v is None else str(v).lower() if isinstance(v, bool) else str(v)
            for v in self.values
        )
        return f"{self.field}{self.op}{shown}"


def parse_where(text: str) -> Filter:
    """Parse one ``field OP value`` clause; UsageError says what is wrong."""
    m = _CLAUSE.match(text)
    if not m:
        raise UsageError(
            f"cannot read filter {text!r}: expected FIELD OP VALUE with OP one of "
            + " ".join(OPERATORS)
        )
    name, op, raw = m.group(1).lower(), m.group(2), m.group(3)
    return make_filter(name, op, raw)


def make_filter(name: str, op: str, raw: str | Sequence[str]) -> Filter:
    """Validate a clause given as parts (the web passes query parameters this way)."""
    field = FIELDS.get(name)
    if field is None:
        raise UsageError(f"unknown filter field {name!r}; known: {', '.join(sorted(FIELDS))}")
    if op not in OPERATORS:
        raise UsageError(f"unknown operator {op!r}; use one of {' '.join(OPERATORS)}")
    parts = [raw] if isinstance(raw, str) else list(raw)
    if op in ("=", "!="):
        parts = [p for chunk in parts for p in chunk.split(",")]
    parts = [p.strip() for p in parts]
    if not parts or any(p == "" for p in parts):
        raise UsageError(f"filter {name}{op} needs a value")
    if op not in ("=", "!=") and len(parts) != 1:
        raise UsageError(f"operator {op} takes exactly one value")
    values = tuple(_convert(field, p, op) for p in parts)
    return Filter(name, op, values)


def parse_all(clauses: Iterable[str | Filter]) -> tuple[Filter, ...]:
    """Parse every clause (already-built Filters pass through)."""
    return tuple(c if isinstance(c, Filter) else parse_where(c) for c in clauses)


def _convert(field: Field, text: str, op: str) -> Any:
    if text.lower() == NULL_WORD:
        if op not in ("=", "!="):
            raise UsageError(f"{field.name}{op}null: null only works with = and !=")
        return None
    if field.kind == "str":
        return text
    if field.kind == "int":
        try:
            return int(text)
        except ValueError:
            raise UsageError(f"{field.name} takes a whole number, not {text!r}") from None
    if field.kind == "bool":
        low = text.lower()
        if low in ("true", "yes", "1"):
            return True
        if low in ("false", "no", "0"):
            return False
        raise UsageError(f"{field.name} takes true or false, not {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{field.name} takes a date YYYY-MM-DD, not {text!r}") from None


def column(t: ir.Table, name: str) -> ir.Value:
    """The Ibis value a field names on table ``t`` (derived fields included)."""
    if name == "year":
        return t.deal_date.year()
    if name == "founded_year":
        return t.founded.year()
    if name == "implausible":
        return t.flags.contains(IMPLAUSIBLE).fill_null(False)
    return t[name]


def plausible(t: ir.Table, filters: Sequence[Filter]) -> ir.Table:
    """``t`` without deals flagged implausible, unless a filter names ``implausible``."""
    if any(f.field == "implausible" for f in filters):
        return t
    return t.filter(~column(t, "implausible"))


def check_fields(filters: Sequence[Filter], table: str) -> None:
    """UsageError when a filter names a field that ``table`` does not have."""
    for f in filters:
        if table not in FIELDS[f.field].tables:
            raise UsageError(f"filter field {f.field!r} does not apply to {table} for this metric")


def apply(t: ir.Table, filters: Sequence[Filter], table: str) -> ir.Table:
    """``t`` restricted by every filter (validated against ``table``)."""
    check_fields(filters, table)
    preds = [_predicate(column(t, f.field), f) for f in filters]
    return t.filter(*preds) if preds else t


def _predicate(col: ir.Value, f: Filter) -> ir.BooleanValue:
    values = [v for v in f.values if v is not None]
    has_null = len(values) != len(f.values)
    if f.op in ("=", "!="):
        parts: list[ir.BooleanValue] = []
        if values:
            parts.append(col == values[0] if len(values) == 1 else col.isin(values))
        if has_null:
            parts.append(col.isnull())
        pred = parts[0]
        for p in parts[1:]:
            pred = pred | p
        if f.op == "!=":
            # != keeps rows whose value is unknown unless null itself is excluded.
            return ~pred if has_null else (~pred) | col.isnull()
        return pred
    value = ibis.literal(f.values[0])
    return {">=": col >= value, "<=": col <= value, ">": col > value, "<": col < value}[f.op]
