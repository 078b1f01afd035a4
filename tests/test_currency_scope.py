"""Amounts in their stated currency, converted at query time from the store's ``fx_rates``;
subjects' scopes; the upgrade of a schema-2 store (issue 11 §1, §3)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

import metrics_data
from sectorlens.errors import InputError, StoreError, UsageError
from sectorlens.fx import EcbTable
from sectorlens.metrics import Scope, compute, from_duckdb
from sectorlens.metrics.scope import scope_counts
from sectorlens.report import build_report, render_markdown
from sectorlens.store import connect, load_reference
from sectorlens.store.keys import derive_mid_amounts
from sectorlens.store.rates import load_dataset_rates, load_ecb_rates
from sectorlens.store.schema import CONVERTED_COLUMNS

D = Decimal
_COLUMNS = (
    "deal_id, load_id, row_ref, source_format, deal_date, amount_kind, amount_qualifier, "
    "amount_value, currency, disclosed, country, province, sector"
)


def _deal(
    con: duckdb.DuckDBPyConnection, did: str, day: str, value: str, cur: str, **kw: Any
) -> None:
    con.execute(
        f"INSERT INTO deals ({_COLUMNS}) VALUES (?, 'L1', ?, 'fixture', ?, 'money', 'exact', ?,"
        " ?, true, ?, ?, ?)",
        [did, did, date.fromisoformat(day), D(value), cur, kw.get("country", "CN"),
         kw.get("province"), kw.get("sector")],
    )  # fmt: skip
    if "amount_mid_x2" in {
        c for (c,) in con.execute("SELECT name FROM pragma_table_info('deals')").fetchall()
    }:
        derive_mid_amounts(con)  # what a load does as it inserts


def _cross(table: EcbTable, base: str, quote: str, on: date) -> Decimal:
    """The store's rate of ``base`` in ``quote`` fixed on ``on``: units of quote per EUR × EUR
    per unit of base (18 places), rounded to 12 places."""

    def per_eur(code: str) -> Decimal:
        return D(1) if code == "EUR" else table.rates(code)[on]

    inverse = (D(1) / per_eur(base)).quantize(D("1e-18"), ROUND_HALF_UP)
    return (per_eur(quote) * inverse).quantize(D("1e-12"), ROUND_HALF_UP)


def _exact(rows: list[dict[str, Any]]) -> Decimal:
    return sum((D(r["amount_exact"]) for r in rows if r["amount_exact"] is not None), D(0))


@pytest.fixture(scope="module")
def ecb() -> EcbTable:
    return EcbTable()


@pytest.fixture
def store() -> duckdb.DuckDBPyConnection:
    con = connect(":memory:")
    load_ecb_rates(con)
    return con


def test_a_deal_is_converted_at_its_day_s_rate_through_eur(
    store: duckdb.DuckDBPyConnection, ecb: EcbTable
) -> None:
    # Saturday 2020-01-04: the last fixing on or before it is Friday's
    _deal(store, "k1", "2020-01-04", "1000000000", "KRW")
    engine = from_duckdb(store)
    rate = _cross(ecb, "KRW", "JPY", date(2020, 1, 3))
    rows = compute(engine, "deals", currency="JPY").to_pylist()
    assert _exact(rows) == (D(1_000_000_000) * rate).quantize(D("0.000001"), ROUND_HALF_UP)
    (used,) = compute(engine, "fx", currency="JPY").to_pylist()
    assert (used["original_currency"], used["converted"], used["not_converted"]) == ("KRW", 1, 0)
    assert used["first_fixing"] == date(2020, 1, 3) and used["min_rate"] == rate
    # the other way round, through EUR again, and not the inverse of the rate above
    _deal(store, "j1", "2020-01-06", "1000000", "JPY")
    krw = compute(from_duckdb(store), "deals", currency="KRW", where=["currency=JPY"]).to_pylist()
    assert _exact(krw) == D(1_000_000) * _cross(ecb, "JPY", "KRW", date(2020, 1, 6))


def test_a_deal_without_a_rate_is_left_unconverted_and_said_so(
    store: duckdb.DuckDBPyConnection,
) -> None:
    _deal(store, "u1", "1998-06-01", "5000000", "USD")  # before the first ECB fixing
    _deal(store, "u2", "1998-06-01", "7000000", "CNY")  # already in the target currency
    engine = from_duckdb(store)
    rows = compute(engine, "deals", currency="CNY").to_pylist()
    assert _exact(rows) == D(7_000_000) and rows[0]["deals"] == 2
    used = {r["original_currency"]: r for r in compute(engine, "fx", currency="CNY").to_pylist()}
    assert used["USD"]["not_converted"] == 1 and used["CNY"]["converted"] == 1


def test_a_currency_only_the_data_set_supplies(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, ecb: EcbTable
) -> None:
    assert "TWD" not in ecb.currencies()
    (tmp_path / "fx_rates.csv").write_text(
        "currency,date,rate,per,until,note\nTWD,2020-01-02,30,USD,2020-12-31,assumed\n",
        encoding="utf-8",
    )
    assert load_dataset_rates(store, tmp_path, "dataset:test") == 365
    _deal(store, "t1", "2020-06-01", "30000000", "TWD")
    _deal(store, "t2", "2020-06-01", "1000000", "USD")
    engine = from_duckdb(store)
    twd_per_eur = 30 * ecb.rates("USD")[date(2020, 1, 2)]
    inverse = (1 / twd_per_eur).quantize(D("1e-18"), ROUND_HALF_UP)
    rate = (ecb.rates("USD")[date(2020, 6, 1)] * inverse).quantize(D("1e-12"), ROUND_HALF_UP)
    usd = compute(engine, "deals", currency="USD", where=["currency=TWD"]).to_pylist()
    assert _exact(usd) == (D(30_000_000) * rate).quantize(D("0.000001"), ROUND_HALF_UP)
    # and into the data set's currency
    twd = compute(engine, "deals", currency="TWD", where=["currency=USD"]).to_pylist()
    assert D(29_000_000) < _exact(twd) < D(31_000_000)
    assert "TWD" in engine.currencies()


def test_a_bad_rates_file_names_its_line(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    (tmp_path / "fx_rates.csv").write_text(
        "currency,date,rate,per\nTWD,2020-01-02,-3,USD\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"fx_rates.csv:2: rate must be a positive number"):
        load_dataset_rates(store, tmp_path, "dataset:test")


def test_an_unknown_currency_is_a_clear_error(store: duckdb.DuckDBPyConnection) -> None:
    _deal(store, "k1", "2020-01-04", "1000", "KRW")
    with pytest.raises(
        UsageError, match=r"no exchange rates for currency 'XYZ'.*known: KRW, EUR, AUD, BGN"
    ):
        compute(from_duckdb(store), "deals", currency="XYZ")


def test_the_default_currency_is_the_deals_most_common(store: duckdb.DuckDBPyConnection) -> None:
    for i in range(3):
        _deal(store, f"i{i}", f"2019-05-0{i + 1}", "1000000", "INR")
    _deal(store, "u1", "2019-05-01", "1000", "USD")
    engine = from_duckdb(store)
    assert compute(engine, "deals").query.currency == "INR"
    assert compute(engine, "deals", scope=Scope(currency="EUR")).query.currency == "EUR"


@pytest.fixture
def india(db_path: Path) -> Path:
    """An India-like store: INR and USD rounds of 2016–2019 in Indian states."""
    con = connect(db_path)
    load_ecb_rates(con)
    rounds = [
        ("n1", "2016-02-10", "150000000", "INR", "Karnataka"),
        ("n2", "2017-07-03", "2000000", "USD", "Maharashtra"),
        ("n3", "2018-11-20", "500000000", "INR", "Karnataka"),
        ("n4", "2019-03-15", "10000000", "USD", "Delhi"),
    ]
    for did, day, value, cur, state in rounds:
        _deal(con, did, day, value, cur, country="IN", province=state)
    con.close()
    return db_path


@pytest.mark.parametrize("currency", ["INR", "EUR", "JPY"])
def test_query_by_year_in_any_currency_of_the_rate_table(
    india: Path, cli: Any, currency: str, ecb: EcbTable
) -> None:
    result = cli("query", "deals", "--by", "year", "--currency", currency, "--format", "json")
    assert result.exit_code == 0, result.stderr
    import json

    rows = {int(r["period"]): r for r in json.loads(result.stdout)["rows"]}
    assert set(rows) == {2016, 2017, 2018, 2019}
    assert {r["currency"] for r in rows.values()} == {currency}
    expected = D(10_000_000) * _cross(ecb, "USD", currency, date(2019, 3, 15))
    assert D(rows[2019]["amount_exact"]) == expected.quantize(D("0.000001"), ROUND_HALF_UP)


def test_query_rejects_an_unknown_currency_in_one_line(india: Path, cli: Any) -> None:
    result = cli("query", "deals", "--currency", "ABC")
    assert result.exit_code != 0
    assert result.stderr.strip().count("\n") == 0
    assert "no exchange rates for currency 'ABC'" in result.stderr
    assert "Traceback" not in result.stderr


def _schema_2_store(path: Path) -> None:
    """A store as schema 2 left it: per-currency columns filled at ingest, no fx_rates."""
    con = connect(path)
    con.execute("DROP TABLE fx_rates")
    for column in CONVERTED_COLUMNS:
        kind = (
            "DATE"
            if column == "fx_rate_date"
            else "VARCHAR"
            if column == "fx_note"
            else "DECIMAL(38, 6)"
        )
        con.execute(f"ALTER TABLE deals ADD COLUMN {column} {kind}")
    _deal(con, "o1", "2019-05-06", "8000000", "USD")
    con.execute("UPDATE deals SET cny_value = 54000000")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()


def test_an_old_store_is_upgraded_with_one_line(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "old.duckdb"
    _schema_2_store(path)
    with pytest.raises(StoreError, match=r"schema version 2.*sectorlens db init"):
        connect(path, read_only=True)
    notes: list[str] = []
    con = connect(path, on_upgrade=notes.append)
    assert len(notes) == 1 and "schema 2 → 5" in notes[0] and "\n" not in notes[0]
    columns = {r[0] for r in con.execute("DESCRIBE deals").fetchall()}
    assert not columns & set(CONVERTED_COLUMNS) and "amount_mid_x2" in columns
    assert con.execute("SELECT count(*) FROM fx_rates WHERE source = 'ECB'").fetchone()[0] > 0  # type: ignore[index]
    rows = compute(from_duckdb(con), "deals", currency="CNY").to_pylist()
    assert D(50_000_000) < _exact(rows) < D(60_000_000)  # USD 8M at May 2019's rate
    con.close()
    # the CLI says it once, and the next opening has nothing to say
    _schema_2_store(tmp_path / "old2.duckdb")
    first = cli("db", "status", "--db", str(tmp_path / "old2.duckdb"))
    assert first.exit_code != 0 and "sectorlens db init" in first.stderr
    init = cli("db", "init", "--db", str(tmp_path / "old2.duckdb"))
    assert init.exit_code == 0 and init.stderr.count("upgraded store") == 1
    again = cli("db", "init", "--db", str(tmp_path / "old2.duckdb"))
    assert "upgraded" not in again.stderr


def test_a_schema_3_store_gets_its_deals_midpoints(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = connect(path)
    con.execute("ALTER TABLE deals DROP COLUMN amount_mid_x2")
    _deal(con, "o1", "2019-05-06", "8000000", "USD")
    con.execute(
        "INSERT INTO deals (deal_id, load_id, row_ref, source_format, amount_kind, "
        "amount_qualifier, amount_low, amount_high, currency, disclosed) "
        "VALUES ('o2', 'L1', 'o2', 'fixture', 'money', 'range', 10, 100, 'CNY', true)"
    )
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    notes: list[str] = []
    con = connect(path, on_upgrade=notes.append)
    assert len(notes) == 1 and "schema 3 → 5" in notes[0] and "midpoint" in notes[0]
    rows = con.execute("SELECT deal_id, amount_mid_x2 FROM deals ORDER BY deal_id").fetchall()
    assert rows == [("o1", D(16_000_000)), ("o2", D(110))]
    con.close()


# --- scope --------------------------------------------------------------------------------------


@pytest.fixture
def mixed(store: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Chinese, Indian and unplaced rounds in one store."""
    _deal(store, "c1", "2016-05-01", "10000000", "CNY", province="Beijing", sector="vision")
    _deal(store, "c2", "2018-05-01", "20000000", "CNY", province="Shanghai", sector="chip")
    _deal(store, "c3", "2012-05-01", "30000000", "CNY", province="Beijing", sector="vision")
    _deal(store, "i1", "2017-05-01", "40000000", "INR", country="IN", province="Karnataka")
    _deal(store, "i2", "2018-05-01", "50000000", "INR", country="IN", province="Delhi")
    _deal(store, "x1", "2018-05-01", "60000000", "USD", country=None)
    return store


def test_scope_counts_say_why_deals_were_left_out(mixed: duckdb.DuckDBPyConnection) -> None:
    engine = from_duckdb(mixed)
    scope = Scope("cn", countries=("CN",), years=(2014, 2021))
    counts = scope_counts(engine, scope)
    assert (counts.total, counts.in_scope, counts.out) == (6, 2, {"country": 3, "years": 1})
    assert counts.describe() == (
        "2 of 6 deals in scope; left out: 3 out of country, 1 out of years"
    )
    sectors = scope_counts(engine, Scope("v", countries=("CN",), sectors=("vision",)))
    assert sectors.out == {"country": 3, "sector": 1} and sectors.in_scope == 2
    shares = compute(engine, "shares", by=["province"], currency="CNY", scope=scope).to_pylist()
    assert {r["province"] for r in shares} == {"Beijing", "Shanghai"}
    assert sum(r["deals"] for r in shares) == 2
    assert scope_counts(engine, None).left_out == 0


def test_scope_from_a_subject_file() -> None:
    scope = Scope.from_subject(
        {"id": "x", "scope": {"countries": ["IN"], "years": [2015, 2021]}, "home_currency": "INR"}
    )
    assert (scope.countries, scope.years, scope.currency) == (("IN",), (2015, 2021), "INR")
    assert Scope.from_subject({"id": "y", "country": "CN"}).countries == ("CN",)
    with pytest.raises(InputError, match="unknown scope key"):
        Scope.from_subject({"id": "z", "scope": {"country": ["CN"]}})
    with pytest.raises(InputError, match=r"years must be \[first, last\]"):
        Scope.from_subject({"id": "z", "scope": {"years": [2021, 2015]}})


def test_query_subject_uses_its_scope_and_says_what_it_left_out(db_path: Path, cli: Any) -> None:
    con = connect(db_path)
    load_reference(con)
    metrics_data.fill(con)  # 12 Chinese rounds
    _deal(con, "i1", "2017-05-01", "40000000", "INR", country="IN", province="Karnataka")
    con.close()
    every = cli("query", "shares", "--by", "province", "--format", "json")
    scoped = cli(
        "query", "shares", "--by", "province", "--subject", "cn_ai_2021", "--format", "json"
    )
    assert every.exit_code == 0 and scoped.exit_code == 0, scoped.stderr
    import json

    assert "Karnataka" in {r["province"] for r in json.loads(every.stdout)["rows"]}
    rows = json.loads(scoped.stdout)["rows"]
    assert "Karnataka" not in {r["province"] for r in rows}
    assert sum(r["deals"] for r in rows) == 12
    assert "12 of 13 deals in scope; left out: 1 out of country" in scoped.stderr
    unknown = cli("query", "shares", "--by", "province", "--subject", "nope")
    assert unknown.exit_code != 0 and "unknown subject 'nope'; known: cn_ai_2021" in unknown.stderr


def test_the_report_counts_only_the_subject_s_deals(db_path: Path) -> None:
    con = connect(db_path)
    load_reference(con)
    metrics_data.fill(con)
    _deal(con, "i1", "2017-05-01", "40000000", "INR", country="IN", province="Karnataka")
    report = build_report(con, "en", font="x")
    sections = {s.section_id: s for s in report.sections}
    regions = sections["ingested_regions"].blocks[0]
    assert "Karnataka" not in str(regions)
    text = render_markdown(report)
    assert "12 deals of the 13 deals in the store are within this subject's scope" in text
    assert "(countries CN)" in text and "left out: 1 " in text
    assert "outside its countries" in text
    ko = render_markdown(build_report(con, "ko", font="x"))
    assert "범위(국가 CN)에 드는 12건만 집계했다. 제외: 국가 범위 밖 1건" in ko


@pytest.mark.shared
def test_a_store_of_every_export_gives_a_china_report_of_chinese_deals(
    shared_data: Path, tmp_path: Path
) -> None:
    pytest.importorskip("sectorlens.ingest", reason="ingestion has not landed on this branch")
    from sectorlens.cli import main

    db = tmp_path / "all.duckdb"
    exports = [
        shared_data / "itjuzi" / "companies_820_2018-12-25.csv",
        shared_data / "india_startup_funding" / "startup_funding.csv",
        shared_data / "crunchbase_2013" / "crunchbase-rounds.csv",
    ]
    for path in exports:
        try:
            main(["ingest", str(path), "--db", str(db)])
        except SystemExit as exc:
            assert exc.code in (0, None), f"ingest of {path.name} failed with {exc.code}"
    con = connect(db)
    load_reference(con)
    by_country = dict(
        con.execute("SELECT coalesce(country, '?'), count(*) FROM deals GROUP BY 1").fetchall()
    )
    chinese, total = by_country.get("CN", 0), sum(by_country.values())
    assert chinese and total > chinese  # the store holds other countries' deals too
    report = build_report(con, "en", font="x")
    sections = {s.section_id: s for s in report.sections}
    text = render_markdown(report)
    # every deal section counts Chinese rounds only, and the report says how many it left out
    shares = compute(from_duckdb(con), "shares", by=["country"], scope=Scope(countries=("CN",)))
    assert {r["country"] for r in shares.to_pylist()} == {"CN"}
    assert f"{chinese:,} deals of the {total:,} deals in the store" in text
    assert f"{total - chinese:,} deals outside its countries" in text
    regions = str(sections["ingested_regions"].blocks[0])
    for place in ("Karnataka", "Maharashtra", "California"):
        assert place not in regions
    con.close()


def test_a_data_set_s_monthly_rates_bridge_the_month(db_path: Path, tmp_path: Path) -> None:
    # loaded with the data set, before any ingest: the ECB rates it needs are loaded first
    (tmp_path / "fx_rates.csv").write_text(
        "currency,date,rate,per\nTWD,2020-01-01,30,USD\nTWD,2020-02-01,31,USD\n",
        encoding="utf-8",
    )
    con = connect(db_path)
    assert load_dataset_rates(con, tmp_path, "dataset:test") == 31 + 8  # January, then 7 days
    days = con.execute(
        "SELECT min(day), max(day), count(DISTINCT fixed_on) FROM fx_rates WHERE currency = 'TWD'"
    ).fetchone()
    assert days == (date(2020, 1, 1), date(2020, 2, 8), 2)
    # a rate the data set gives again for a day the ECB has is not taken
    (tmp_path / "fx_rates.csv").write_text(
        "currency,date,rate,per\nUSD,2020-01-02,2,EUR\n", encoding="utf-8"
    )
    assert load_dataset_rates(con, tmp_path, "dataset:test") == 0
    con.close()
