"""Every metric on the hand-made fixture (tests/metrics_data.py); expectations worked by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal as D
from typing import Any

import duckdb
import pytest

import metrics_data
from sectorlens.metrics import Engine, compute, from_duckdb
from sectorlens.store import assign_company_keys

M = D(1_000_000)


@pytest.fixture
def engine(con: duckdb.DuckDBPyConnection) -> Iterator[Engine]:
    """The fixture store on DuckDB."""
    metrics_data.fill(con)
    yield from_duckdb(con)


def rows(engine: Engine, name: str, **kw: Any) -> list[dict[str, Any]]:
    return compute(engine, name, **kw).to_pylist()


def by_key(result: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {r[key]: r for r in result}


def test_deals_by_year_sums_four_ways_and_marks_the_partial_year(engine: Engine) -> None:
    years = by_key(rows(engine, "deals"), "period")
    assert list(years) == ["2016", "2017", "2018"]
    # 2017: d02 exact 10 (low=high=10), d03 range 10..100, d10 undisclosed, d11 at most 100.
    y = years["2017"]
    assert (y["deals"], y["disclosed"], y["undisclosed"], y["unparsed"]) == (4, 3, 1, 0)
    assert y["amount_exact"] == 10 * M and y["n_exact"] == 1
    assert y["amount_low"] == 20 * M and y["n_low"] == 2  # d11 has no low end
    assert y["amount_high"] == 210 * M and y["n_high"] == 3
    assert y["amount_mid"] == 65 * M and y["n_mid"] == 2  # 10 + (10+100)/2
    assert y["undisclosed_share_pct"] == D("25.0000")
    # 2018: d05 ≈5, d06 ≥100, d09 200, d12 50 (stated in USD), d04 undisclosed, d08 unparsed.
    y = years["2018"]
    assert (y["deals"], y["undisclosed"], y["unparsed"]) == (6, 1, 1)
    assert (y["amount_exact"], y["amount_low"], y["amount_high"], y["amount_mid"]) == (
        250 * M,
        355 * M,
        255 * M,
        255 * M,
    )
    assert y["undisclosed_share_pct"] == D("16.6667")
    # The latest deal is 2018-12-20, so only 2018 is partial.
    assert [years[p]["partial"] for p in years] == [False, False, True]
    assert years["2018"]["period_end"] == date(2018, 12, 31)


def test_deals_by_quarter_and_city_in_usd(engine: Engine) -> None:
    result = rows(engine, "deals", by=["quarter", "city"], currency="USD")
    q4 = [r for r in result if r["period"] == "2018-Q4"]
    assert [(r["city"], r["amount_low"]) for r in q4] == [
        ("Hangzhou", 200 * M * metrics_data.USD_PER_CNY),
        ("Shenzhen", 100 * M * metrics_data.USD_PER_CNY),
    ]
    assert all(r["partial"] for r in q4)  # Q4 ends after 2018-12-20
    assert {r["currency"] for r in result} == {"USD"}
    assert sum(r["deals"] for r in result) == 12


def test_deals_by_month_with_an_explicit_as_of(engine: Engine) -> None:
    result = rows(engine, "deals", by=["month"], params={"as_of": "2018-11-30"})
    months = by_key(result, "period")
    assert months["2018-11"]["partial"] is False and months["2018-12"]["partial"] is True
    assert months["2018-12"]["period_start"] == date(2018, 12, 1)


def test_ytd_compares_like_for_like_windows(engine: Engine) -> None:
    years = by_key(rows(engine, "ytd", params={"through": "06-30"}), "year")
    # Jan 1 – Jun 30: 2016 d01; 2017 d02 d03 d11; 2018 d04 d05 d08 d12.
    assert [years[y]["deals_ytd"] for y in (2016, 2017, 2018)] == [1, 3, 4]
    assert years[2017]["deals_ytd_yoy_pct"] == D("200.0000")  # 1 → 3
    assert years[2018]["deals_ytd_yoy_pct"] == D("33.3333")  # 3 → 4
    # mid amounts in the window: 2017 10+55 = 65M; 2018 5+50 = 55M → −15.3846 %
    assert years[2018]["amount_mid_ytd"] == 55 * M
    assert years[2018]["amount_ytd_yoy_pct"] == D("-15.3846")
    assert years[2018]["deals_full_year"] == 6 and years[2018]["full_year_partial"] is True
    assert years[2018]["ytd_end"] == date(2018, 6, 30) and years[2018]["ytd_complete"]


def test_ytd_defaults_to_the_as_of_day(engine: Engine) -> None:
    years = by_key(rows(engine, "ytd"), "year")
    assert years[2017]["ytd_end"] == date(2017, 12, 20)
    assert years[2017]["deals_ytd"] == 4


def test_shares_by_province_rank_known_values_and_keep_unknown_last(engine: Engine) -> None:
    result = rows(engine, "shares", by=["province"])
    assert [(r["rank"], r["province"], r["deals"]) for r in result] == [
        (1, "Beijing", 5),
        (2, "Guangdong", 2),
        (3, "Shanghai", 2),
        (4, "Zhejiang", 2),
        (None, None, 1),
    ]
    beijing = result[0]
    assert beijing["deal_share_pct"] == D("41.6667")  # 5 / 12
    # Beijing's mid amounts 1+10+2+50 = 63 of 323 in all
    assert beijing["amount_mid"] == 63 * M and beijing["amount_share_pct"] == D("19.5046")
    assert result[3]["cum_deal_share_pct"] == D("91.6667")  # 11 / 12


def test_shares_respect_filters(engine: Engine) -> None:
    result = rows(engine, "shares", by=["cluster"], where=["year>=2018", "round=a,b"])
    # 2018 a/b rounds: d04 YRD, d06 GBA, d08 JJJ, d09 YRD, d12 JJJ
    assert [(r["cluster"], r["deals"]) for r in result] == [("JJJ", 2), ("YRD", 2), ("GBA", 1)]


def test_concentration_cr_and_hhi(engine: Engine) -> None:
    result = by_key(rows(engine, "concentration", by=["province"]), "measure")
    d = result["deals"]
    # known provinces: 5, 2, 2, 2 of 11 → CR1 45.4545, CR3 81.8182, CR5 100
    assert (d["groups"], d["leader"]) == (4, "Beijing")
    assert (d["cr1_pct"], d["cr3_pct"], d["cr5_pct"]) == (D("45.4545"), D("81.8182"), D("100.0000"))
    # HHI = (5² + 3·2²) / 11² · 10,000 = 37/121 · 10,000 = 3057.85
    assert d["hhi"] == D("3057.85")
    assert d["known_pct"] == D("91.6667")
    a = result["amount_mid"]
    # mid amounts: Zhejiang 200, Beijing 63, Shanghai 55, Guangdong 5 of 323
    assert a["leader"] == "Zhejiang" and a["cr1_pct"] == D("61.9195")
    assert a["cr3_pct"] == D("98.4520")
    # (200² + 63² + 55² + 5²) / 323² · 10,000 = 47,019 / 104,329 · 10,000 = 4506.80
    assert a["hhi"] == D("4506.80")


def test_segments_side_by_side_and_quadrants(engine: Engine) -> None:
    result = by_key(rows(engine, "segments", by=["sector"]), "sector")
    vision, robotics, chip = result["vision"], result["robotics"], result["chip"]
    assert (vision["deals"], vision["companies"], vision["amount_mid"]) == (5, 2, 116 * M)
    assert vision["deal_share_pct"] == D("41.6667")
    assert vision["company_share_pct"] == D("33.3333")  # 2 of 6 funded companies
    assert vision["amount_share_pct"] == D("35.9133")  # 116 / 323
    assert vision["mean_deal_mid"] == D("29000000.00")  # 116 / 4 deals with an amount
    # average segment has 5/3 companies; overall mean deal 323/7 ≈ 46.1M
    assert (vision["quadrant"], robotics["quadrant"], chip["quadrant"]) == (
        "early",
        "early",
        "mature",
    )
    assert result[None]["quadrant"] is None


def test_segments_by_chain_layer(engine: Engine) -> None:
    result = by_key(rows(engine, "segments", by=["chain_layer"]), "chain_layer")
    assert result["basic"]["amount_mid"] == 200 * M and result["basic"]["deals"] == 2
    assert result["application"]["companies"] == 2


def test_segments_count_each_company_once_and_none_without_one(
    con: duckdb.DuckDBPyConnection,
) -> None:
    for deal, company, sector in (
        ("d1", "a", "y"),
        ("d2", "a", "y"),
        ("d3", "b", "y"),
        ("d4", None, "x"),
        ("d5", "b", "z"),
    ):
        con.execute(
            "INSERT INTO deals (deal_id, load_id, row_ref, source_format, company_id,"
            " amount_kind, disclosed, sector) VALUES (?, 'L1', ?, 'fixture', ?, 'undisclosed',"
            " false, ?)",
            [deal, deal, company, sector],
        )
    assign_company_keys(con)
    result = by_key(rows(from_duckdb(con), "segments", by=["sector"]), "sector")
    assert {s: r["companies"] for s, r in result.items()} == {"y": 2, "x": 0, "z": 1}


def test_stage_mix_shares_within_each_year(engine: Engine) -> None:
    result = rows(engine, "stage_mix")
    mix = {(r["year"], r["round"]): r for r in result}
    assert mix[(2018, "b")]["deals"] == 3 and mix[(2018, "b")]["deal_share_pct"] == D("50.0000")
    # 2018 mid amounts: B 200+50 = 250, angel 5, A none → B is 250/255
    assert mix[(2018, "b")]["amount_share_pct"] == D("98.0392")
    assert mix[(2018, "a")]["amount_mid"] is None
    assert mix[(2017, "a")]["deal_share_pct"] == D("75.0000")
    assert sum(r["deals"] for r in result) == 12
    # rounds in stage order (parse.ROUND_STAGES): seed, angel, then the series
    assert [r["round"] for r in result if r["year"] == 2018] == ["angel", "a", "b"]
    assert [r["round"] for r in result if r["year"] == 2016] == ["seed", "angel"]


def test_deal_size_three_ways_with_the_undisclosed_share(engine: Engine) -> None:
    (total,) = rows(engine, "deal_size", by=[])
    assert (total["deals"], total["undisclosed"], total["unparsed"]) == (12, 2, 1)
    assert total["undisclosed_share_pct"] == D("16.6667")
    # exact: 1, 10, 2, 200, 50 → mean 52.6, median 10
    assert (total["exact_n"], total["exact_mean"], total["exact_median"]) == (
        5,
        D("52600000.00"),
        D("10000000.00"),
    )
    # low: 1, 10, 10, 5, 100, 2, 200, 50 → mean 47.25, median (10+10)/2
    assert (total["low_n"], total["low_mean"], total["low_median"]) == (
        8,
        D("47250000.00"),
        D("10000000.00"),
    )
    # high: 1, 10, 100, 5, 2, 200, 100, 50 → mean 58.5, median (10+50)/2 = 30
    assert (total["high_n"], total["high_mean"], total["high_median"]) == (
        8,
        D("58500000.00"),
        D("30000000.00"),
    )
    # mid: 1, 10, 55, 5, 2, 200, 50 → mean 323/7, median 10
    assert (total["mid_n"], total["mid_mean"], total["mid_median"]) == (
        7,
        D("46142857.14"),
        D("10000000.00"),
    )


def test_deal_size_by_year(engine: Engine) -> None:
    years = by_key(rows(engine, "deal_size"), "year")
    assert years[2018]["low_median"] == D("75000000.00")  # 5, 50, 100, 200
    assert years[2017]["high_mean"] == D("70000000.00")  # (10 + 100 + 100) / 3
    # 2017 midpoints: d02 10, d03 (10+100)/2 = 55 (d10, d11 have none) → median 32.5
    assert (years[2017]["mid_n"], years[2017]["mid_median"]) == (2, D("32500000.00"))


def test_deal_size_by_quarter_or_month_names_the_year(engine: Engine) -> None:
    quarters = rows(engine, "deal_size", by=["quarter"])
    assert list(quarters[0])[:2] == ["year", "quarter"]
    keys = [(r["year"], r["quarter"]) for r in quarters]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert {r["year"] for r in quarters} >= {2017, 2018}
    assert sum(r["deals"] for r in quarters) == 12
    months = rows(engine, "deal_size", by=["month", "round"])
    assert list(months[0])[:3] == ["year", "month", "round"]


def test_the_median_of_midpoints_is_rounded_once(con: duckdb.DuckDBPyConnection) -> None:
    # one range 0.000001..0.009998: its midpoint 0.0049995 rounds half-up to 0.00; rounding
    # the midpoint to 6 places first (0.005000) would give 0.01
    con.execute(
        "INSERT INTO deals (deal_id, load_id, row_ref, source_format, deal_date, amount_kind,"
        " amount_qualifier, disclosed, currency, amount_low, amount_high) VALUES ('r1', 'L1', 'r1',"
        " 'fixture', '2018-01-01', 'money', 'range', true, 'CNY', 0.000001, 0.009998)"
    )
    assign_company_keys(con)  # (and the midpoint, as a load does)
    (row,) = rows(from_duckdb(con), "deal_size", by=[])
    assert (row["mid_n"], row["mid_median"]) == (1, D("0.00"))


def test_growth_year_on_year(engine: Engine) -> None:
    years = by_key(rows(engine, "growth"), "year")
    assert years[2016]["deals_yoy_pct"] is None
    assert years[2017]["deals_yoy_pct"] == D("100.0000")  # 2 → 4
    assert years[2018]["deals_yoy_pct"] == D("50.0000")  # 4 → 6
    assert years[2017]["amount_mid_yoy_pct"] == D("2066.6667")  # 3M → 65M
    assert years[2018]["partial"] is True


def test_cagr_defaults_to_complete_years_and_takes_a_range(engine: Engine) -> None:
    default = by_key(rows(engine, "cagr"), "measure")
    assert (default["deals"]["start_year"], default["deals"]["end_year"]) == (2016, 2017)
    explicit = by_key(rows(engine, "cagr", params={"start": 2016, "end": 2018}), "measure")
    # deals 2 → 6 over two years: √3 − 1 = 73.2051 %
    assert explicit["deals"]["cagr_pct"] == D("73.2051")
    assert explicit["deals"]["end_partial"] is True
    # exact amounts 3M → 250M: √(250/3) − 1 = 812.8709 %
    assert explicit["amount_exact"]["cagr_pct"] == D("812.8709")


def test_cohorts_by_founding_year(engine: Engine) -> None:
    cohorts = by_key(rows(engine, "cohorts"), "founded_year")
    # 2015: c1, c4, c7 (c7 raised nothing); c1 d01 d02 d12, c4 d07 d08
    c = cohorts[2015]
    assert (c["companies"], c["funded"], c["deals"]) == (3, 2, 5)
    assert c["funded_share_pct"] == D("66.6667") and c["amount_mid"] == 63 * M
    assert (cohorts[2016]["deals"], cohorts[2016]["amount_mid"]) == (4, 255 * M)
    assert cohorts[None]["companies"] == 1  # c6 has no founding date


def test_cohorts_filter_on_company_fields(engine: Engine) -> None:
    result = rows(engine, "cohorts", by=["sector"], where=["province=Beijing"])
    assert [(r["founded_year"], r["sector"], r["companies"]) for r in result] == [
        (2015, "robotics", 1),
        (2015, "vision", 2),
    ]


def test_reconcile_puts_reference_and_deal_values_in_one_currency(
    engine: Engine, con: duckdb.DuckDBPyConnection
) -> None:
    con.execute("INSERT INTO sources (source_id, title) VALUES ('seed', 'A report')")
    con.execute(
        "INSERT INTO observations (obs_id, metric, value, unit, currency, period_start,"
        " period_end, source_id, locator) VALUES"
        " ('o1', 'investment_amount', 40000000, 'USD', 'USD', '2018-01-01', '2018-12-31',"
        " 'seed', 'p.3'), ('o2', 'investment_deals', 7, 'count', NULL, '2018-01-01',"
        " '2018-12-31', 'seed', 'p.3'), ('o3', 'investment_amount', 1, 'CNY', 'CNY',"
        " '2017-01-01', '2018-12-31', 'seed', NULL)"
    )
    from sectorlens.fx import FxRates

    fx = FxRates()
    rate = fx.average_rate("USD", "CNY", date(2018, 1, 1), date(2018, 12, 31)).rate
    result = rows(engine, "reconcile", params={"period": "2018"}, fx=fx)
    ref, deals = result  # o3 covers another period; o2 is a count
    assert (ref["kind"], ref["source"], ref["original_value"]) == ("reference", "seed", 40 * M)
    assert ref["value"] == (40 * M * rate).quantize(D("0.000001"))
    assert ref["rate"] == rate and ref["note"] == "p.3"
    # deals: CNY mids 5 (d05) + 200 (d09); d12's USD 8M at the year's average rate
    assert deals["kind"] == "deals" and (deals["deals"], deals["companies"]) == (6, 5)
    assert deals["value"] == 205 * M + (8 * M * rate).quantize(D("0.000001"))
    assert deals["value_at_deal_date_rates"] == 255 * M  # ingestion's own conversions
    # low ends: d05 5 + d06 at least 100 + d09 200, and d12; d06 has no upper bound, so neither
    # has the total (a high end summed without it would lie below the low end)
    assert deals["low"] == 305 * M + (8 * M * rate).quantize(D("0.000001"))
    assert deals["high"] is None
    assert "no upper bound: 1 deals stated as 'at least'" in deals["note"]
    counts = rows(engine, "reconcile", params={"period": "2018", "measure": "deals"})
    assert [(r["kind"], r["value"]) for r in counts] == [("reference", 7), ("deals", 6)]


def test_results_convert_to_pandas_and_polars(engine: Engine) -> None:
    result = compute(engine, "shares", by=["province"])
    frame = result.to_pandas()
    assert frame["deals"].sum() == 12 and isinstance(frame["amount_mid"][0], D)
    pl = pytest.importorskip("polars")
    assert isinstance(result.to_polars(), pl.DataFrame)
    assert result.to_polars()["deals"].sum() == 12


def test_an_empty_store_gives_empty_results(con: duckdb.DuckDBPyConnection) -> None:
    engine = from_duckdb(con)
    for name in (
        "deals",
        "ytd",
        "shares",
        "concentration",
        "segments",
        "stage_mix",
        "deal_size",
        "growth",
        "cagr",
        "cohorts",
    ):
        result = compute(engine, name)
        assert result.table.num_rows in (0, 1, 2), name  # deal_size/concentration: totals
