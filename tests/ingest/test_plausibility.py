"""A deal above its subject's whole market in its year is implausible (issue 12 §8).

A tiny subject (country DE) names its market series; its market was EUR 1 bn in 2020 and has no
figure for 2021. Every other round is EUR 5 m, so the median rule (1,000× the median) would let
anything below EUR 5 bn pass: what is flagged here is flagged by the market rule.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import Load, scalar
from sectorlens.errors import InputError
from sectorlens.metrics import Scope, from_duckdb
from sectorlens.metrics.scope import implausible_deals
from sectorlens.report.blocks import Note
from sectorlens.report.build import build_report
from sectorlens.store.plausibility import market_years
from sectorlens.store.reference import load_reference
from tiny_dataset import write_dataset

SUBJECT = """\
id: tiny
title: {ko: 작은 시험 주제, en: A small test subject}
scope: {countries: [DE]}
home_currency: EUR
market: {metric: market_size, geography: DE}
sections:
  - id: years
    kind: ingested_series
    title: {ko: 연도별, en: By year}
    currency: EUR
"""
MAPPING = """
[source]
name = "m"
default_currency = "EUR"
country = "DE"
[columns]
company_name = "Company"
amount = "Amount"
round = "Round"
deal_date = "Date"
"""


def _market(value: str) -> list[dict[str, str]]:
    return [
        {"obs_id": "market_2020", "metric": "market_size", "value": value, "unit": "money",
         "currency": "EUR", "period_start": "2020-01-01", "period_end": "2020-12-31",
         "geography": "DE"},
    ]  # fmt: skip


def _subject(root: Path, market: str = "1000000000", subject: str = SUBJECT) -> Path:
    return write_dataset(root, "tiny", rows=_market(market), subject=subject)


def _export(tmp_path: Path, extra: list[str]) -> tuple[Path, str]:
    rows = [f"C{i},{5_000_000 + i},A,{2020 + i % 2}-03-01" for i in range(12)] + extra
    data = tmp_path / "deals.csv"
    data.write_text("Company,Amount,Round,Date\n" + "\n".join(rows) + "\n", "utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, "utf-8")
    return data, str(mapping)


def _flagged(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    rows = con.execute(
        "SELECT company_name, list_sort(list_filter(flags, lambda f: f LIKE 'above_%' "
        "OR f = 'implausible_amount')) FROM deals WHERE list_contains(flags, 'implausible_amount')"
    ).fetchall()
    return {name: list(flags) for name, flags in rows}


# USD 1.5 bn in 2020 is about EUR 1.31 bn at 2020's mean rate (1.142 USD per EUR): above the
# market. USD 1.1 bn is about EUR 0.96 bn: below it (compared without conversion it would not be).
EXTRA = [
    "Giant,2000000000,A,2020-06-01",
    "Dollar giant,USD 1500000000,A,2020-06-01",
    "Dollar near,USD 1100000000,A,2020-06-01",
    "Unbounded,2000000000,A,2021-06-01",  # 2021: no market figure, the median rule only
    "Ranged,1000000000-3000000000,A,2020-06-01",  # its low end is not above the market
]


def test_a_deal_above_the_subjects_market_is_flagged_at_ingest(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    load_reference(con, _subject(tmp_path / "tiny"))
    data, mapping = _export(tmp_path, EXTRA)
    r = load(data, source=mapping)
    assert _flagged(con) == {
        "Giant": ["above_market:tiny", "implausible_amount"],
        "Dollar giant": ["above_market:tiny", "implausible_amount"],
    }
    assert r.implausible == 2 and r.above_market == {"tiny": 2}
    assert r.no_market == {"tiny": {2021: 7}}  # said in the summary: median rule only
    [year] = market_years(con, "tiny")
    assert (year.year, year.currency, year.obs_id) == (2020, "EUR", "market_2020")


def test_the_summary_names_the_market_rule_and_the_years_without_a_figure(
    tmp_path: Path, cli: Any, db_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    load_reference(con, _subject(tmp_path / "tiny"))
    con.close()
    data, mapping = _export(tmp_path, EXTRA)
    result = cli("ingest", str(data), "--source", mapping)
    assert result.exit_code == 0, result.stderr
    assert "implausible amounts flagged: 2 (" in result.stdout
    assert "above a subject's whole market in their year (2: tiny 2)" in result.stdout
    assert "no market figure of tiny for 2021 (7 deals): only the median rule" in result.stdout


def test_loading_a_subject_later_flags_and_reloading_it_recomputes(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    data, mapping = _export(tmp_path, EXTRA)
    load(data, source=mapping)
    assert _flagged(con) == {}  # no subject yet, and the median rule lets EUR 2 bn pass
    load_reference(con, _subject(tmp_path / "tiny"))
    assert set(_flagged(con)) == {"Giant", "Dollar giant"}
    # a revised market figure (EUR 10 bn): the flags it alone set are taken off again
    load_reference(con, _subject(tmp_path / "tiny", market="10000000000"))
    assert _flagged(con) == {}


def test_a_median_flag_survives_when_the_market_flag_goes(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    load_reference(con, _subject(tmp_path / "tiny"))
    data, mapping = _export(tmp_path, ["Huge,6000000000,A,2020-06-01"])  # 1,200× the median
    load(data, source=mapping)
    assert _flagged(con) == {"Huge": ["above_market:tiny", "above_median", "implausible_amount"]}
    load_reference(con, _subject(tmp_path / "tiny", market="99000000000"))
    assert _flagged(con) == {"Huge": ["above_median", "implausible_amount"]}


def test_deals_outside_the_subjects_scope_are_not_judged_by_its_market(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    load_reference(con, _subject(tmp_path / "tiny"))
    data, mapping = _export(tmp_path, [])
    text = data.read_text("utf-8") + "Abroad,2000000000,A,2020-06-01\n"
    data.write_text(text, "utf-8")
    toml = Path(mapping).read_text("utf-8").replace("[columns]", '[columns]\ncountry = "Country"')
    Path(mapping).write_text(toml, "utf-8")
    data.write_text(
        "Company,Amount,Round,Date,Country\n"
        + "\n".join(line + ("," + ("FR" if line.startswith("Abroad") else "DE"))
                    for line in text.splitlines()[1:]) + "\n",
        "utf-8",
    )  # fmt: skip
    load(data, source=mapping)
    assert _flagged(con) == {}
    assert scalar(con, "SELECT count(*) FROM deals WHERE country = 'FR'") == 1


def test_an_unknown_market_key_is_a_load_error(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    bad = SUBJECT.replace("geography: DE}", "geography: DE, colour: red}")
    with pytest.raises(InputError, match=r"market: unknown key 'colour'"):
        load_reference(con, _subject(tmp_path / "tiny", subject=bad))


def _notes(con: duckdb.DuckDBPyConnection, lang: str, include: bool = False) -> list[str]:
    report = build_report(con, lang, subject="tiny", font="sans-serif", include_implausible=include)
    return [b.text for s in report.sections for b in s.blocks if isinstance(b, Note)]


def test_the_report_says_how_many_implausible_deals_it_left_out_and_the_largest(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    load_reference(con, _subject(tmp_path / "tiny"))
    data, mapping = _export(tmp_path, EXTRA)
    load(data, source=mapping)
    [en] = [n for n in _notes(con, "en") if "implausible" in n]
    assert en.startswith("2 deals with implausible amounts are left out of these figures")
    assert "(largest: EUR 2 bn, Giant, 2020)" in en
    assert "market figures for 2020; other years are judged by the median rule only" in en
    [ko] = [n for n in _notes(con, "ko") if "비현실적" in n]
    assert ko.startswith("금액이 비현실적인 2건은 집계에서 제외했다") and "Giant" in ko
    [kept] = [n for n in _notes(con, "en", include=True) if "implausible" in n]
    assert kept.startswith("2 deals with implausible amounts are included, as asked")


def test_the_reports_figures_leave_them_out_unless_included(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    load_reference(con, _subject(tmp_path / "tiny"))
    data, mapping = _export(tmp_path, EXTRA)
    load(data, source=mapping)

    def deals_2020(include: bool) -> str:
        report = build_report(
            con, "en", subject="tiny", font="sans-serif", include_implausible=include
        )
        [table] = [b for s in report.sections for b in s.blocks if type(b).__name__ == "Table"]
        [row] = [r for r in table.rows if str(r[0]).startswith("2020")]
        return str(row[1])

    assert (deals_2020(False), deals_2020(True)) == ("8 deals", "10 deals")


def test_implausible_deals_are_counted_under_the_filters(
    tmp_path: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    load_reference(con, _subject(tmp_path / "tiny"))
    data, mapping = _export(tmp_path, EXTRA)
    load(data, source=mapping)
    engine = from_duckdb(con)
    found = implausible_deals(engine, Scope(countries=("DE",)))
    assert found.count == 2
    top = found.largest[0]  # USD 1.5 bn is less than EUR 2 bn: euros decide, not the numbers
    assert (top["company_name"], top["currency"]) == ("Giant", "EUR")
    assert implausible_deals(engine, Scope(countries=("FR",))).count == 0
    assert implausible_deals(engine, None, ["currency=USD"]).count == 1


def test_report_include_implausible_reaches_the_build(
    monkeypatch: pytest.MonkeyPatch, cli: Any, tmp_path: Path, db_path: Path
) -> None:
    import sectorlens.report as report_pkg

    seen: dict[str, Any] = {}

    def fake(*args: Any, **kwargs: Any) -> Any:
        seen.update(kwargs)
        raise InputError("stop here")

    monkeypatch.setattr(report_pkg, "build_report", fake)
    result = cli("report", "--include-implausible", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "stop here" in result.stderr
    assert seen["include_implausible"] is True


@pytest.mark.shared
def test_india_rounds_above_the_years_total_funding_are_left_out(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    from sectorlens.store.subject import bundled_subjects

    folder = shared_data / "india_funding_2018_2021"
    examples = Path(__file__).resolve().parents[2] / "examples" / "ingest"
    for year in (2018, 2020, 2021):
        load(folder / f"startup_funding{year}.csv", source=str(examples / f"india_{year}.toml"))
    subject = bundled_subjects()["india_startups"]
    load_reference(con, subject, current=False)
    # the largest published total of each year, read here from the data set's own file
    tops: dict[int, float] = {}
    with (subject / "observations" / "published.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kind = (row["metric"], row["geography"], row["segment_type"])
            whole = row["period_start"][5:] == "01-01" and row["period_end"][5:] == "12-31"
            if kind == ("deal_amount", "IN", "") and whole:
                y = int(row["period_start"][:4])
                tops[y] = max(tops.get(y, 0), float(row["value"] or row["high"]))
    expected = set()
    for year in (2020, 2021):
        with (folder / f"startup_funding{year}.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                amount = row["Amount"].replace(",", "").replace("$", "").strip()
                if amount.replace(".", "").isdigit() and float(amount) > tops[year]:
                    expected.add(row["Company_Brand"])
    assert len(expected) == 2
    above = {n for n, flags in _flagged(con).items() if "above_market:india_startups" in flags}
    assert above == expected
    # what is left (in USD) is within twice each year's published total funding
    for year, total in con.execute(
        "SELECT year(deal_date), sum(amount_value) FROM deals WHERE country = 'IN' "
        "AND currency = 'USD' "
        "AND NOT list_contains(flags, 'implausible_amount') GROUP BY 1"
    ).fetchall():
        assert float(total) < tops[year] * 2, year


@pytest.mark.shared
def test_crunchbase_catch_all_rounds_are_not_judged_by_their_median(
    shared_data: Path, load: Load, con: duckdb.DuckDBPyConnection
) -> None:
    r = load(shared_data / "crunchbase_2013" / "crunchbase-rounds.csv")
    med, top = con.execute(
        "SELECT median(amount_value), max(amount_value) FROM deals WHERE round = 'other'"
    ).fetchone()  # type: ignore[misc]
    assert top >= 1000 * med  # the old rule flagged these real debt and project financings
    flagged = con.execute(
        "SELECT round, count(*) FROM deals WHERE list_contains(flags, 'implausible_amount') "
        "GROUP BY 1"
    ).fetchall()
    assert ("other", 0) not in flagged and all(rnd != "other" for rnd, _ in flagged)
    assert r.implausible == sum(n for _, n in flagged)
