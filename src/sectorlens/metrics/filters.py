"""A small, validated filter grammar: ``field OP value`` — never SQL text.

Each clause names a known field, one operator of ``= != >= <= > <`` and a value that is parsed
into the field's type; ``=``/``!=`` accept a comma-separated list (``province=Beijing,Shanghai``)
and the word ``null`` (``cluster=null``). Clauses are ANDed. The predicate is built with Ibis, so
no user text ever reaches an SQL string.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sectorlens._lazy import lazy_module
from sectorlens.errors import UsageError

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")

OPERATORS = ("!=", ">=", "<=", "=", ">", "<")
# Spaces a clause may hold around its parts: ASCII only, the same in Python and in JSON Schema's
# (ECMA) regular expressions, whose \s differs from Python's.
SPACE = " \t\n\r\f\v"
WS = r"[ \t\n\r\f\v]"
_CLAUSE = re.compile(rf"^{WS}*([A-Za-z_][A-Za-z0-9_]*){WS}*(!=|>=|<=|=|>|<){WS}*(.*?){WS}*\Z", re.S)
NULL_WORD = "null"
IMPLAUSIBLE = "implausible_amount"  # the flag ingest sets on an amount far outside its context


@dataclass(frozen=True, slots=True)
class Field:
    """A filterable field: its value type and the tables that have it."""

    name: str
    kind: str  # "str" | "int" | "date" | "bool"
    tables: tuple[str, ...]
    help: str
    bounds: tuple[int, int] = (-(2**31), 2**31 - 1)  # inclusive range of an int field


YEARS = (1, 9999)  # the years a date can hold
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
        Field("year", "int", _DEAL, "calendar year of the round", YEARS),
        Field(
            "implausible",
            "bool",
            _DEAL,
            "flagged implausible_amount at ingest (left out unless asked for: "
            "implausible=true,false keeps every deal)",
        ),
        Field("founded", "date", ("companies",), "founding date (YYYY-MM-DD)"),
        Field("founded_year", "int", ("companies",), "founding year", YEARS),
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


def _ci(word: str) -> str:
    """``word`` matched in any case, without regex flags (JSON Schema patterns have none)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


_LEAP = (
    r"(?!0000)(?:[0-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29"
)
# A real calendar day YYYY-MM-DD (year 0001–9999): what date.fromisoformat reads, and only that.
DATE_PATTERN = (
    r"(?:(?!0000)[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
    rf"|(?:0[13578]|1[02])-31)|{_LEAP})"
)
_NULL = _ci(NULL_WORD)
_ITEM = {  # one value of a field kind (surrounding spaces allowed)
    "int": r"0*[1-9][0-9]{0,3}",  # the year fields: 1–9999
    "bool": "|".join(_ci(w) for w in ("true", "false", "yes", "no")) + "|1|0",
    "date": DATE_PATTERN,
}


@functools.cache
def clause_pattern(fields: tuple[str, ...] | None = None) -> str:
    """The regular expression of a valid ``--where`` clause on ``fields``.

    Exactly what :func:`parse_where` accepts (it checks this first): the web's OpenAPI schema
    states it, so a clause the schema allows is never refused, and one it forbids never read.
    Anchored ``^…$`` with JSON Schema's search semantics.
    """
    by_kind: dict[str, list[str]] = {}
    for name in fields if fields is not None else tuple(FIELDS):
        by_kind.setdefault(FIELDS[name].kind, []).append(name)
    alternatives = []
    for kind, names in by_kind.items():
        names_re = "|".join(sorted(names, key=len, reverse=True))
        if kind == "str":
            item = r"[^, \t\n\r\f\v][^,]*"
            ordered = rf"(?!{_NULL}{WS}*$)[^ \t\n\r\f\v][^\n\r\u2028\u2029]*{WS}*"
        else:
            item = rf"(?:{_ITEM[kind]}){WS}*"
            ordered = rf"(?:{_ITEM[kind]}){WS}*"
        listed = rf"{WS}*(?:{item}|{_NULL}{WS}*)(?:,{WS}*(?:{item}|{_NULL}{WS}*))*"
        alternatives.append(rf"(?:{names_re}){WS}*(?:(?:!=|=){listed}|(?:>=|<=|>|<){WS}*{ordered})")
    return rf"^{WS}*(?:{'|'.join(alternatives)})$"


def parse_where(text: str) -> Filter:
    """Parse one ``field OP value`` clause; UsageError says what is wrong."""
    m = _CLAUSE.match(text)
    if m and m.group(1).lower() in FIELDS and not re.search(clause_pattern(), text):
        field = FIELDS[m.group(1).lower()]
        make_filter(field.name, m.group(2), m.group(3))  # says what is wrong with the value
        m = None
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
    parts = [p.strip(SPACE) for p in parts]
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
        low, high = field.bounds
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise UsageError(
                f"{field.name} takes a whole number from {low} to {high}, not {_short(text)}"
            )
        return number
    if field.kind == "bool":
        word = text.lower()
        if word in ("true", "yes", "1"):
            return True
        if word in ("false", "no", "0"):
            return False
        raise UsageError(f"{field.name} takes true or false, not {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{field.name} takes a date YYYY-MM-DD, not {text!r}") from None


def _short(text: str, limit: int = 40) -> str:
    """``text`` quoted for a one-line message, cut when long."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


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
    preds = [predicate(column(t, f.field), f) for f in filters]
    return t.filter(*preds) if preds else t


def predicate(col: ir.Value, f: Filter) -> ir.BooleanValue:
    """The rows of ``col`` that filter ``f`` keeps."""
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
