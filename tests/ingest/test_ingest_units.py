"""Header units, mapping units, missing values and the period of an undated file."""

from __future__ import annotations

import csv
import re
import tomllib
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import Load
from sectorlens.errors import UsageError
from sectorlens.sources.units import header_unit

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "ingest"


@pytest.mark.parametrize(
    ("header", "scale", "currency"),
    [
        ("누적투자금액 (억원)", 10**8, "KRW"),
        ("金额（万元）", 10**4, "CNY"),
        ("Amount ($ in millions)", 10**6, "USD"),
        ("Raised (USD M)", 10**6, "USD"),
        ("Deal (EUR mn)", 10**6, "EUR"),
        ("Amount (INR Cr)", 10**7, "INR"),
        ("Amount (in thousands)", 10**3, None),
    ],
)
def test_header_units(header: str, scale: int, currency: str | None) -> None:
    unit = header_unit(header)
    assert unit is not None and (unit.scale, unit.currency) == (Decimal(scale), currency)


@pytest.mark.parametrize("header", ["Amount", "Share (%)", "Amount (2020)", "Name (Inc)"])
def test_headers_without_a_unit(header: str) -> None:
    assert header_unit(header) is None


def _load(tmp_path: Path, load: Load, header: str, cells: list[str], extra: str = "") -> Load:
    data = tmp_path / "d.csv"
    with data.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Company", header, "Date"])
        writer.writerows([f"C{i}", cell, "2020-05-01"] for i, cell in enumerate(cells))
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        f'[source]\nname = "u"\n{extra}\n[columns]\ncompany_name = "Company"\n'
        f'amount = "{header}"\ndeal_date = "Date"\n',
        "utf-8",
    )
    return load(data, source=str(mapping))  # type: ignore[return-value]


def _amounts(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute(
        "SELECT amount_kind, amount_value, currency FROM deals ORDER BY row_ref"
    ).fetchall()


def test_a_unit_in_the_header_scales_bare_numbers(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    _load(tmp_path, load, "누적투자금액 (억원)", ["853", "1.5억원", "12.5"])
    assert _amounts(con) == [
        ("money", Decimal(85_300_000_000), "KRW"),  # not KRW 853
        ("money", Decimal(150_000_000), "KRW"),  # the cell's own unit is read as it is
        ("money", Decimal(1_250_000_000), "KRW"),
    ]
    note = con.execute("SELECT amount_note FROM deals WHERE row_ref = 'L2'").fetchone()
    assert note is not None and "억원" in str(note[0])


def test_a_mapping_unit_wins_over_the_header(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    _load(
        tmp_path,
        load,
        "Amount (USD M)",
        ["3"],
        "[units]\namount = { scale = 1000, currency = 'EUR' }",
    )
    assert _amounts(con) == [("money", Decimal(3000), "EUR")]


@pytest.mark.parametrize(
    "given",
    [
        "'bananas'",
        "{ scale = 'lots' }",  # used to raise decimal.InvalidOperation: a traceback
        "{ scale = 1000, curency = 'EUR' }",  # a misspelt key is never silently ignored
        "{ scale = -5 }",
        "{ scale = 1000, currency = 'euro' }",
    ],
)
def test_a_bad_mapping_unit_is_a_usage_error(tmp_path: Path, load: Load, given: str) -> None:
    with pytest.raises(UsageError, match="is not a unit"):
        _load(tmp_path, load, "Amount", ["3"], f"[units]\namount = {given}")


@pytest.mark.parametrize("missing", ["None", "N/A", "NaN", "-", "—", "null"])
def test_missing_values_are_missing_not_unparsed(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection, missing: str
) -> None:
    r = _load(tmp_path, load, "Amount", [missing], "default_currency = 'USD'")
    assert _amounts(con) == [("undisclosed", None, "USD")]
    assert r.tally.flags["amount_unparsed"] == 0


def test_period_of_an_undated_file(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    data = tmp_path / "undated.csv"
    data.write_text("Company,Amount\nA,100\nB,200\n", "utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        '[source]\nname = "p"\ndefault_currency = "EUR"\nperiod = "2020"\n'
        '[columns]\ncompany_name = "Company"\namount = "Amount"\n',
        "utf-8",
    )
    load(data, source=str(mapping))
    rows = con.execute("SELECT deal_date, flags FROM deals").fetchall()
    assert {r[0] for r in rows} == {date(2020, 1, 1)}  # the period's first day, flagged
    assert all({"period_from_mapping", "date_precision:deal"} <= set(r[1]) for r in rows)
    options = con.execute("SELECT options FROM loads").fetchone()
    assert options is not None and '"period": "2020"' in str(options[0])


def test_undated_deals_in_two_files_are_not_duplicates(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        '[source]\nname = "nd"\ndefault_currency = "USD"\n'
        '[columns]\ncompany_name = "Company"\namount = "Amount"\nround = "Round"\n',
        "utf-8",
    )
    (tmp_path / "a.csv").write_text("Company,Amount,Round\nAcme,100,Seed\n", "utf-8")
    (tmp_path / "b.csv").write_text("Company,Amount,Round\nAcme,100,Seed\nBeta,5,Seed\n", "utf-8")
    load(tmp_path / "a.csv", source=str(mapping))
    second = load(tmp_path / "b.csv", source=str(mapping))
    # both lack a date: the same company, round and amount in another file is another deal
    assert second.deals == 2 and not second.rejects


@pytest.mark.shared
@pytest.mark.parametrize("year", [2018, 2020, 2021])
def test_india_files_with_their_documented_mappings(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection, year: int
) -> None:
    path = shared_data / "india_funding_2018_2021" / f"startup_funding{year}.csv"
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    spec = tomllib.loads((EXAMPLES / f"india_{year}.toml").read_text("utf-8"))
    r = load(path, source=str(EXAMPLES / f"india_{year}.toml"))
    assert r.rows_read == len(rows) == r.deals + sum(r.rejects.values())
    years = dict(con.execute("SELECT year(deal_date), count(*) FROM deals GROUP BY 1").fetchall())
    assert years == {year: r.deals}
    missing = {"", "—", "undisclosed", "nan"}
    number = re.compile(r"^[₹$]?(\d{1,3}(,\d{3})+|\d{1,2}(,\d{2})*,\d{3}|\d+)(\.\d+)?$")
    stage = re.compile(r"(?i)^(pre-?)?(seed|series\b|angel)")
    cols = spec["columns"]

    def shifted(row: dict[str, str]) -> bool:
        """An investor or a stage in Amount beside an amount, or a stage there, read here."""
        a, st = row[cols["amount"]].strip(), row[cols["round"]].strip()
        inv = row.get(cols.get("investors", ""), "").strip()
        odd = a.casefold() not in missing and not number.match(a)
        return bool(number.match(st)) or (
            odd and bool(stage.match(a) or number.match(inv) or number.match(st))
        )

    # misaligned rows are rejected, never realigned: the 2021 file has 11, counted here
    bad = [row for row in rows if shifted(row)]
    assert r.rejects["misaligned_row"] == len(bad) == {2018: 0, 2020: 0, 2021: 11}[year]
    # an undated row whose every mapped cell repeats an earlier one's is that deal again
    seen: set[tuple[str, ...]] = set()
    kept = []
    for row in rows:
        if shifted(row):
            continue
        key = tuple("" if row[c].strip().casefold() == "undisclosed" else row[c].strip()
                    for _, c in sorted(cols.items()))  # fmt: skip
        if key not in seen:
            seen.add(key)
            kept.append(row)
    assert r.rejects["duplicate_deal"] == len(rows) - len(bad) - len(kept)
    amounts = [row["Amount"].strip() for row in kept]
    currencies = Counter(
        str(c)
        for (c,) in con.execute("SELECT currency FROM deals WHERE amount_kind = 'money'").fetchall()
    )
    assert currencies["INR"] == sum(1 for a in amounts if a.startswith("₹"))
    undisclosed = sum(1 for a in amounts if a.casefold() in missing)
    stored = con.execute("SELECT count(*) FROM deals WHERE amount_kind = 'undisclosed'").fetchone()
    assert stored == (undisclosed,)
    odd = sum(1 for a in amounts if a.casefold() not in missing and not number.match(a))
    assert r.tally.flags["amount_unparsed"] == odd
    founders = con.execute(  # the dropped column, not an investor named "Founders Room"
        "SELECT count(*) FROM rejects WHERE raw LIKE '%\"Founders\":%'"
    ).fetchone()
    assert founders == (0,)
