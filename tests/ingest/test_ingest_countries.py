"""Country cells: codes and names in any language, a country column wins, places stay inside it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from conftest import Load

MAPPING = """
[source]
name = "{name}"
default_currency = "USD"
{extra}
[columns]
company_name = "Company"
amount = "Amount"
place = "City"
country = "Country"
"""


def _mapping(tmp_path: Path, name: str = "t", extra: str = "") -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(MAPPING.format(name=name, extra=extra), "utf-8")
    return str(path)


def _csv(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "deals.csv"
    lines = ["Company,Amount,City,Country"] + [f"{c},100,{p},{k}" for c, p, k in rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _places(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[object, ...]]:
    rows = con.execute("SELECT company_name, country, province, city FROM deals").fetchall()
    return {str(r[0]): tuple(r[1:]) for r in rows}


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("IN", "IN"),  # India, never Indiana (US-IN)
        ("DE", "DE"),  # Germany, never Delaware (US-DE)
        ("USA", "US"),
        ("United States", "US"),
        ("840", "US"),
        ("GBR", "GB"),
        ("미국", "US"),
        ("美国", "US"),
        ("英国", "GB"),
        ("대만", "TW"),
        ("台湾", "TW"),
        ("香港", "HK"),
        ("Hong Kong", "HK"),
        ("Norway", "NO"),  # not in the gazetteer: pycountry knows it
    ],
)
def test_country_cell_with_an_empty_place(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection, cell: str, code: str
) -> None:
    load(_csv(tmp_path, [("Acme", "", cell)]), source=_mapping(tmp_path))
    assert _places(con)["Acme"] == (code, None, None)


def test_country_column_wins_and_places_resolve_inside_it(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = _csv(
        tmp_path,
        [
            ("UKCo", "Cambridge", "United Kingdom"),  # not Cambridge, Massachusetts
            ("USCo", "Cambridge", "USA"),
            ("INCo", "Bengaluru", "IN"),
            ("Nowhere", "Atlantis City", "Atlantis"),
        ],
    )
    r = load(path, source=_mapping(tmp_path))
    got = _places(con)
    assert got["UKCo"] == ("GB", None, "Cambridge")
    assert got["USCo"] == ("US", "US-MA", "Cambridge")
    assert got["INCo"] == ("IN", "IN-KA", "Bengaluru")
    assert got["Nowhere"] == (None, None, None)  # unknown country: kept raw and counted
    raw = con.execute("SELECT place_raw FROM deals WHERE company_name = 'Nowhere'").fetchone()
    assert raw is not None and "Atlantis" in str(raw[0])
    assert r.tally.unmapped_places["Atlantis"] == 1


def test_abroad_is_not_the_default_country(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = _csv(tmp_path, [("Home", "北京", ""), ("Away", "国外", ""), ("US", "美国", "")])
    r = load(path, source=_mapping(tmp_path, extra='country = "CN"'))
    got = _places(con)
    assert got["Home"][:2] == ("CN", "CN-BJ")
    assert got["Away"] == (None, None, None)  # "abroad": some country, not China
    assert got["US"][0] == "US"  # explicit foreign text beats the mapping's default
    assert r.tally.unmapped_places["国外"] == 1


@pytest.mark.shared
def test_crunchbase_odm_iso3_countries(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    import csv

    path = shared_data / "crunchbase_odm_2016" / "funding_rounds.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    r = load(path)
    assert (r.source_format, r.rows_read, r.deals) == ("crunchbase_odm", len(rows), len(rows))
    iso3 = {"USA": "US", "GBR": "GB", "CAN": "CA", "ISR": "IL", "DEU": "DE", "CHN": "CN"}
    stored = dict(con.execute("SELECT row_ref, country FROM deals").fetchall())
    for line, row in enumerate(rows, 2):
        if row["country_code"] in iso3:
            assert stored[f"L{line}"] == iso3[row["country_code"]], row
    # the original currency where the export gives it, else USD
    eur = [row for row in rows if row["raised_amount_currency_code"] == "EUR"]
    assert con.execute("SELECT count(*) FROM deals WHERE currency = 'EUR'").fetchone() == (
        len(eur),
    )
    states = con.execute("SELECT province FROM deals WHERE country = 'CA'").fetchall()
    assert states == [("CA-QC",)]  # a state code looked up inside its country (ISO 3166-2)
