"""Each shared dataset ingested; counts checked against the raw file read independently here."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest

from conftest import TODAY, Load, scalar

pytestmark = pytest.mark.shared


def _table_counts(con: duckdb.DuckDBPyConnection, load_id: str) -> dict[str, int]:
    return {
        t: int(scalar(con, f"SELECT count(*) FROM {t} WHERE load_id = ?", load_id))  # type: ignore[arg-type]
        for t in ("deals", "companies", "rejects", "observations")
    }


def _rows_accounted(con: duckdb.DuckDBPyConnection, load_id: str) -> int:
    """Distinct input rows that ended in deals, companies, observations or rejects."""
    return int(
        scalar(  # type: ignore[arg-type]
            con,
            "SELECT count(DISTINCT row_ref) FROM ("
            " SELECT row_ref FROM deals WHERE load_id = $1"
            " UNION ALL SELECT row_ref FROM companies WHERE load_id = $1"
            " UNION ALL SELECT row_ref FROM rejects WHERE load_id = $1"
            " UNION ALL SELECT split_part(obs_id, '/', 2) FROM observations WHERE load_id = $1)",
            load_id,
        )
    )


def _itjuzi_raw(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _has_round(row: dict[str, str]) -> bool:
    return any(row[c].strip() not in ("", "-") for c in ("融资时间", "轮次", "融资金额"))


def test_itjuzi_csv(shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection) -> None:
    path = shared_data / "itjuzi" / "companies_820_2018-12-25.csv"
    raw = _itjuzi_raw(path)
    company_rows = [r for r in raw if r["公司名称"].strip()]
    rounds = [r for r in raw if _has_round(r)]
    company_only = [r for r in company_rows if not _has_round(r)]
    r = load(path)
    counts = _table_counts(con, r.load_id)
    assert r.rows_read == len(raw)
    assert counts["companies"] == len(company_rows)
    assert counts["deals"] == len(rounds)
    assert counts["rejects"] == 0
    # the disposition rule: a company row with its round counts as a deal row
    assert (r.deals, r.companies) == (len(rounds), len(company_only))
    assert r.deals + r.companies + sum(r.rejects.values()) == len(raw)
    assert _rows_accounted(con, r.load_id) == len(raw)
    assert scalar(con, "SELECT rows_read FROM loads WHERE load_id = ?", r.load_id) == len(raw)

    # currencies seen: from the currency word in the raw amount text
    words = {"人民币": "CNY", "美元": "USD", "欧元": "EUR"}
    expected = Counter(
        code for row in rounds for word, code in words.items() if word in row["融资金额"]
    )
    stored = dict(
        con.execute(
            "SELECT currency, count(*) FROM deals WHERE load_id = ? AND currency IS NOT NULL "
            "GROUP BY 1",
            [r.load_id],
        ).fetchall()
    )
    assert stored == dict(expected)
    assert dict(r.tally.currencies) == dict(expected)


def test_itjuzi_province_shares(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection, ctx: object
) -> None:
    path = shared_data / "itjuzi" / "companies_820_2018-12-25.csv"
    raw = [r for r in _itjuzi_raw(path) if r["公司名称"].strip()]
    first = Counter(r["地点"].split("-")[0] for r in raw)
    r = load(path)
    rows = con.execute(
        "SELECT province, count(*) FROM companies WHERE load_id = ? GROUP BY 1", [r.load_id]
    ).fetchall()
    gazetteer = ctx.gazetteer  # type: ignore[attr-defined]
    by_name = {gazetteer.name(code, "zh"): n for code, n in rows if code is not None}
    total = len(raw)
    continents = {"北美洲", "欧洲", "亚洲"}
    for name, n in first.items():
        if name in continents:
            continue
        assert by_name.get(name, 0) / total == pytest.approx(n / total), name
    abroad = sum(n for name, n in first.items() if name in continents)
    assert dict(rows).get(None, 0) == abroad
    # 北京 has the largest share, as the raw file says
    assert max(by_name, key=by_name.__getitem__) == first.most_common(1)[0][0]


def test_itjuzi_xlsx_matches_its_csv(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = shared_data / "itjuzi" / "china_ai_vendors.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book.worksheets[0]
    cells = [row for row in sheet.iter_rows(values_only=True)][1:]
    book.close()
    rows = [c for c in cells if any(v not in (None, "") for v in c)]
    names = [c for c in rows if c[0]]
    r = load(path)
    counts = _table_counts(con, r.load_id)
    assert r.rows_read == len(rows)
    assert counts["companies"] == len(names)
    assert counts["deals"] + r.companies + counts["rejects"] == len(rows)


def _crunchbase(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("latin-1")
    return list(csv.reader(io.StringIO(text, newline="")))[1:]


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def test_crunchbase_three_tables(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    folder = shared_data / "crunchbase_2013"
    companies = _crunchbase(folder / "crunchbase-companies.csv")
    rounds = _crunchbase(folder / "crunchbase-rounds.csv")
    acquisitions = _crunchbase(folder / "crunchbase-acquisitions.csv")
    rc = load(folder / "crunchbase-companies.csv")
    rr = load(folder / "crunchbase-rounds.csv")
    ra = load(folder / "crunchbase-acquisitions.csv")
    assert (rc.rows_read, rc.companies) == (len(companies), len(companies))
    assert (rr.rows_read, rr.deals) == (len(rounds), len(rounds))
    empty = [r for r in acquisitions if not any(c.strip() for c in r)]
    # EDS "acquired for 2.6E+12 USD" (GM paid USD 2.5 bn): above the USD 1 tn ceiling
    huge = [r for r in acquisitions if len(r) > 18 and _number(r[18]) >= 10**12]
    assert len(huge) == 1
    assert ra.rows_read == len(acquisitions)
    assert ra.rejects == Counter({"empty_row": len(empty), "amount_above_ceiling": len(huge)})
    assert ra.deals == len(acquisitions) - len(empty) - len(huge)
    # empty amounts are "not disclosed", never 0
    blank = sum(1 for r in rounds if not r[-1].strip())
    assert (
        scalar(
            con,
            "SELECT count(*) FROM deals WHERE load_id = ? AND amount_kind = 'undisclosed'",
            rr.load_id,
        )
        == blank
    )
    # acquisitions keep their own currency codes (empty → USD, the export's currency)
    codes = Counter(
        r[-1] or "USD" for r in acquisitions if any(c.strip() for c in r) and r not in huge
    )
    stored = dict(
        con.execute(
            "SELECT currency, count(*) FROM deals WHERE load_id = ? GROUP BY 1", [ra.load_id]
        ).fetchall()
    )
    assert stored == dict(codes)
    # mojibake repaired and flagged, Excel artefacts flagged; rounds link to companies
    name, flags = con.execute(
        "SELECT name, flags FROM companies WHERE company_id = 'crunchbase:/company/agmi-systems'"
    ).fetchone() or (None, None)
    assert name == "agámi Systems" and "legacy_encoding" in flags
    artefacts = scalar(
        con, "SELECT count(*) FROM companies WHERE list_contains(flags, 'excel_artefact:name')"
    )
    assert artefacts == sum(1 for r in companies if r[1] == "#NAME?")
    linked = scalar(
        con,
        "SELECT count(*) FROM deals d JOIN companies c USING (company_id) WHERE d.load_id = ?",
        rr.load_id,
    )
    assert int(linked) > 0.9 * len(rounds)  # type: ignore[call-overload]


def test_cset(shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection) -> None:
    path = shared_data / "cset" / "amplyfi_investments_zh_usd.jsonl"
    raw = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    impossible = [d for d in raw if d.get("year") and not 1950 <= int(d["year"]) <= TODAY.year]
    r = load(path)
    counts = _table_counts(con, r.load_id)
    assert r.rows_read == len(raw)
    assert counts["deals"] + counts["rejects"] == len(raw)
    assert r.rejects["impossible_year"] == len(impossible)
    # the misread codes never reach the deals
    stored = {
        c
        for (c,) in con.execute(
            "SELECT DISTINCT currency FROM deals WHERE load_id = ?", [r.load_id]
        ).fetchall()
    }
    assert not stored & {"TOP", "BTN", "ADA"}
    assert stored <= {d["currency"] for d in raw}
    misread = sum(1 for d in raw if d["currency"] in {"TOP", "BTN"})
    assert (
        scalar(
            con,
            'SELECT count(*) FROM rejects WHERE load_id = ? AND (raw LIKE \'%"currency": "TOP"%\''
            ' OR raw LIKE \'%"currency": "BTN"%\')',
            r.load_id,
        )
        == misread
    )
    # a year-only deal is dated its first day (and converted at that day's rate at query time)
    day = scalar(
        con,
        "SELECT deal_date FROM deals WHERE load_id = ? AND date_raw = '2019' AND currency = 'CNY' "
        "LIMIT 1",
        r.load_id,
    )
    assert str(day) == "2019-01-01"


def test_india(shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection) -> None:
    path = shared_data / "india_startup_funding" / "startup_funding.csv"
    raw = list(csv.DictReader(io.StringIO(path.read_bytes().decode("cp1252"), newline="")))
    r = load(path)
    assert r.rows_read == len(raw)
    assert r.deals + sum(r.rejects.values()) == len(raw)
    assert set(r.tally.currencies) == {"USD"}
    first = con.execute(
        "SELECT company_name, amount_value, deal_date, city, country FROM deals "
        "WHERE load_id = ? AND row_ref = 'L2'",
        [r.load_id],
    ).fetchone()
    assert first is not None
    assert first[0] == raw[0]["StartupName"]  # byte 0x92 read as Windows-1252: BYJU’S
    assert first[1] == 200_000_000  # "20,00,00,000": Indian digit grouping
    assert first[2] == date(2020, 1, 9)  # dd/mm/yyyy
    assert (first[3], first[4]) == ("Bengaluru", "IN")
    multi = sum(
        1
        for row in raw
        if row["CityLocation"].strip() != "N/A"
        and len([p for p in re.split(r"/|,|&|\band\b", row["CityLocation"]) if p.strip()]) > 1
    )
    flagged = scalar(
        con,
        "SELECT count(*) FROM deals WHERE load_id = ? AND "
        "len(list_filter(flags, lambda f: f LIKE 'multi_place%')) > 0",
        r.load_id,
    )
    assert flagged == multi


@pytest.mark.parametrize("table", ["6208", "1974", "1942"])
def test_nsf_sei_observations(
    table: str, shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    path = shared_data / "nsf_sei" / table / "data.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        raw = list(csv.DictReader(fh))
    years = [c for c in raw[0] if c.startswith("field_")]
    with_values = [row for row in raw if any(row[y].strip() for y in years)]
    r = load(path)
    assert r.rows_read == len(raw)
    assert r.observations == len(with_values)
    assert sum(r.rejects.values()) == len(raw) - len(with_values)
    assert scalar(con, "SELECT count(*) FROM observations WHERE load_id = ?", r.load_id) == len(
        with_values
    ) * len(years)
    assert scalar(con, "SELECT count(*) FROM sources WHERE source_id = ?", f"nsf_sei:{table}") == 1
    assert _rows_accounted(con, r.load_id) == len(raw)


def test_itjuzi_xlsx_twin_of_the_csv_adds_no_deals(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    pytest.importorskip("openpyxl")
    folder = shared_data / "itjuzi"
    raw = _itjuzi_raw(folder / "companies_820_2018-12-25.csv")
    rounds = [r for r in raw if _has_round(r)]
    first = load(folder / "companies_820_2018-12-25.csv")
    twin = load(folder / "china_ai_vendors.xlsx")
    # the same deals (company, date, round, amount) in another format are not stored again ...
    assert scalar(con, "SELECT count(*) FROM deals") == len(rounds) == first.deals
    assert twin.deals == 0
    # ... yet every row of the twin is accounted for: duplicates name the deal already stored
    assert twin.rejects == {"duplicate_deal": len(rounds)}
    assert twin.deals + twin.companies + sum(twin.rejects.values()) == twin.rows_read
    assert _rows_accounted(con, twin.load_id) == twin.rows_read
    stored = scalar(
        con,
        "SELECT count(*) FROM rejects r JOIN deals d ON r.detail = 'same deal as ' || d.deal_id "
        "WHERE r.load_id = ? AND d.load_id = ?",
        twin.load_id,
        first.load_id,
    )
    assert stored == len(rounds)
