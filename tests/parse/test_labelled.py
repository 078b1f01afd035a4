"""The labelled set: real strings from every shared dataset and the seed, parsed as labelled.

``labelled.tsv`` holds each string with the parse a person wrote down for it; this test runs the
parser on them. A second test checks that every string really occurs in its source column.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from sectorlens.model import Kind, Quantity
from sectorlens.parse import (
    canonical_round,
    parse,
    parse_count,
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
    parse_period,
    split_places,
)

TSV = Path(__file__).with_name("labelled.tsv")


def _rows() -> list[dict[str, str]]:
    lines = [line for line in TSV.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(reader)


ROWS = _rows()


def _check_quantity(q: Quantity, spec: str, where: str) -> None:
    main, _, eq = spec.partition(" = ")
    t = main.split()
    kind = Kind(t[0])
    assert q.kind is kind, f"{where}: {q}"
    if kind is Kind.UNPARSED:
        assert q.reason and q.value is None and q.low is None and q.high is None, where
        return
    if kind is Kind.UNDISCLOSED:
        assert q.currency == (t[1] if len(t) > 1 else None), where
        return
    if kind is Kind.MISSING:
        assert q.value is None and q.low is None and q.high is None and q.currency is None, where
        return
    if kind is Kind.PERIOD:
        assert q.period is not None, where
        assert (q.period.start.isoformat(), q.period.end.isoformat()) == (t[1], t[2]), where
        assert q.period.partial == (t[-1] == "partial"), where
        return
    rest = t[1:]
    if kind is Kind.MONEY:
        assert q.currency == rest.pop(0), where
    if kind is Kind.COUNT:
        unit = rest.pop(0)
        assert q.unit == (None if unit == "-" else unit), where
    qual, *nums = rest
    n = [Decimal(x) for x in nums]
    expected = {
        "exact": (n[0], n[0], n[0]) if n else None,
        "approx": (n[0], None, None) if n else None,
        "at_least": (None, n[0], None) if n else None,
        "at_most": (None, None, n[0]) if n else None,
        "range": (None, n[0], n[1]) if len(n) > 1 else None,
    }[qual]
    assert q.qualifier is not None and q.qualifier.value == qual, f"{where}: {q}"
    assert (q.value, q.low, q.high) == expected, f"{where}: {q}"
    if eq:
        assert q.equivalent is not None, where
        _check_quantity(q.equivalent, eq, where + " (equivalent)")
    else:
        assert q.equivalent is None, where


def _reader(row: dict[str, str]) -> Callable[[str], object]:
    cur = row["default_currency"] or None
    fmt = row["date_format"] or None
    return {
        "parse": lambda s: parse(s, default_currency=cur, date_format=fmt),
        "money": lambda s: parse_money(s, default_currency=cur),
        "number": parse_number,
        "percent": parse_percent,
        "count": parse_count,
        "period": lambda s: parse_period(s, date_format=fmt),
        "date": lambda s: parse_date(s, date_format=fmt),
        "round": canonical_round,
        "place": split_places,
    }[row["reader"]]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['reader']}:{r['input']}" for r in ROWS])
def test_labelled(row: dict[str, str]) -> None:
    text, spec = row["input"], row["expected"]
    where = f"{row['source']} {text!r}"
    got = _reader(row)(text)
    kind = spec.split(" ", 1)[0]
    if row["reader"] == "date":
        assert (got.isoformat() if got else "none") == spec.split()[1], where  # type: ignore[attr-defined]
    elif row["reader"] == "round":
        assert (got or "none") == spec.split()[1], where
    elif row["reader"] == "place":
        wanted = spec[len("place") :].strip()
        places = tuple(tuple(p.split(">")) for p in wanted.split("|")) if wanted else ()
        assert got == places, where
    else:
        assert isinstance(got, Quantity)
        _check_quantity(got, spec, where)
    if kind == "unparsed" or spec.endswith("none"):
        assert row["note"], f"{where}: every miss needs a documented reason"


def test_labelled_set_is_large_and_covers_every_source() -> None:
    assert len({r["input"] for r in ROWS}) >= 500
    sources = {r["source"].split(":")[0] for r in ROWS}
    assert sources == {"itjuzi", "crunchbase", "cset", "india", "nsf", "seed"}
    readers = {r["reader"] for r in ROWS}
    assert readers >= {"money", "number", "percent", "count", "period", "date", "round", "place"}


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    return list(csv.DictReader(io.StringIO(raw.replace("\r\n", "\n").replace("\r", "\n"))))


@cache
def _cells(data: Path, source: str) -> frozenset[str] | str:
    """Every value a source names (a set of cells, or a text to search in)."""
    name, _, column = source.partition(":")
    if name == "itjuzi":
        rows = _csv(data / "itjuzi" / "companies_820_2018-12-25.csv")
        return frozenset(r[column] for r in rows)
    if name == "crunchbase":
        table, _, col = column.partition("/")
        rows = _csv(data / "crunchbase_2013" / f"crunchbase-{table}.csv")
        cols = {col, "city"} if col == "company_city" else {col}
        return frozenset(r[c] for r in rows for c in cols if c in r)
    if name == "india":
        rows = _csv(data / "india_startup_funding" / "startup_funding.csv")
        return frozenset(r[column if column != "Date" else "Date "] for r in rows)
    if name == "cset":
        path = data / "cset" / "amplyfi_investments_zh_usd.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        if column == "sentence":
            return "\n".join(r.get("sentence_texts") or "" for r in records)
        return frozenset(str(r.get(column)) for r in records)
    table, _, kind = column.partition("/")
    if kind == "README":
        return (data / "nsf_sei" / table / "README.md").read_text(encoding="utf-8")
    rows = _csv(data / "nsf_sei" / table / "data.csv")
    return frozenset(v for r in rows for k, v in r.items() if k.startswith("field_") or "path" in k)


@pytest.mark.shared
def test_every_labelled_string_is_real(shared_data: Path, seed_text_path: Path) -> None:
    seed = seed_text_path.read_text(encoding="utf-8")
    missing = []
    for row in ROWS:
        text, source = row["input"], row["source"]
        pool = seed if source == "seed" else _cells(shared_data, source)
        if text not in pool:
            missing.append((source, text))
    assert not missing
