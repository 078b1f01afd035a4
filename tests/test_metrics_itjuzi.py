"""Metrics over the real itjuzi export, checked against figures derived here from the raw CSV.

The store is filled by ``sectorlens ingest``; the expectations come from reading the CSV with the
csv module (UTF-8 BOM, continuation rows whose company columns are blank), independently of the
ingestion code.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sectorlens.metrics import Engine, compute, open_engine

pytestmark = pytest.mark.shared

CSV = Path("itjuzi") / "companies_820_2018-12-25.csv"
BLANK = ("", "-")
_EXACT_CNY = re.compile(r"^(\d+(?:\.\d+)?)(万|亿)人民币$")
_UNIT = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


def raw_rounds(path: Path) -> list[dict[str, Any]]:
    """Every financing round of the CSV with its company's place, read without sectorlens."""
    rounds = []
    place = ""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["公司名称"].strip():
                place = row["地点"].strip()
            financing = [row[c].strip() for c in ("融资时间", "轮次", "融资金额")]
            if all(v in BLANK for v in financing):
                continue
            day, stage, amount = financing
            rounds.append(
                {
                    "year": int(day[:4]) if re.match(r"^\d{4}-", day) else None,
                    "province": place.split("-")[0],
                    "round": stage,
                    "amount": amount,
                }
            )
    return rounds


def ingest_store(shared_data: Path, folder: Path) -> Path:
    """A store holding the itjuzi CSV, loaded by ``sectorlens ingest``."""
    pytest.importorskip("sectorlens.ingest", reason="ingestion has not landed on this branch")
    from sectorlens.cli import main

    db = folder / "itjuzi.duckdb"
    try:
        main(["ingest", str(shared_data / CSV), "--db", str(db)])
    except SystemExit as exc:
        assert exc.code in (0, None), f"ingest failed with {exc.code}"
    return db


@pytest.fixture(scope="module")
def rounds(shared_data: Path) -> list[dict[str, Any]]:
    return raw_rounds(shared_data / CSV)


@pytest.fixture(scope="module")
def engine(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    db = ingest_store(shared_data, tmp_path_factory.mktemp("itjuzi"))
    with open_engine(db) as eng:
        yield eng


def test_deal_count_per_year(engine: Engine, rounds: list[dict[str, Any]]) -> None:
    result = compute(engine, "deals", where=["source_format=itjuzi"]).to_pylist()
    years = {int(r["period"]) if r["period"] else None: r["deals"] for r in result}
    expected = Counter(r["year"] for r in rounds)
    assert sum(years.values()) == len(rounds)
    assert {y: n for y, n in years.items() if y is not None} == {
        y: n for y, n in expected.items() if y is not None
    }


def test_beijing_share_of_the_rounds(engine: Engine, rounds: list[dict[str, Any]]) -> None:
    result = compute(engine, "shares", by=["province"], where=["year>=2014", "year<=2018"])
    window = [r for r in rounds if r["year"] is not None and 2014 <= r["year"] <= 2018]
    beijing = sum(1 for r in window if r["province"] == "北京")
    top = result.to_pylist()[0]
    assert top["province"] == "CN-BJ"  # the gazetteer's id for 北京
    assert top["deals"] == beijing
    assert top["deal_share_pct"] == (Decimal(beijing) * 100 / len(window)).quantize(
        Decimal("0.0001")
    )


def test_undisclosed_rounds(engine: Engine, rounds: list[dict[str, Any]]) -> None:
    (total,) = compute(engine, "deal_size", by=[]).to_pylist()
    hidden = sum(1 for r in rounds if r["amount"] in BLANK or r["amount"].startswith("未透露"))
    assert total["deals"] == len(rounds)
    assert total["undisclosed"] == hidden


def test_exact_yuan_amounts_per_year(engine: Engine, rounds: list[dict[str, Any]]) -> None:
    result = compute(engine, "deals", where=["currency=CNY"]).to_pylist()
    got = {r["period"]: r["amount_exact"] for r in result}
    expected: Counter[str] = Counter()
    for r in rounds:
        m = _EXACT_CNY.match(r["amount"])
        if m and r["year"] is not None:
            expected[str(r["year"])] += Decimal(m[1]) * _UNIT[m[2]]
    for year in ("2015", "2016", "2017", "2018"):
        assert got[year] == expected[year], year


def test_angel_rounds_in_the_stage_mix(engine: Engine, rounds: list[dict[str, Any]]) -> None:
    mix = compute(engine, "stage_mix").to_pylist()
    for year in (2016, 2017):
        angel = sum(r["deals"] for r in mix if r["year"] == year and r["round"] == "angel")
        assert angel == sum(1 for r in rounds if r["year"] == year and r["round"] == "天使轮")


def test_ingest_gives_every_company_id_one_key(engine: Engine) -> None:
    con = engine.backend.con
    for table in ("deals", "companies"):
        missing, ids, keys, pairs = con.execute(
            "SELECT count(*) FILTER (WHERE company_key IS NULL AND company_id IS NOT NULL),"
            " count(DISTINCT company_id), count(DISTINCT company_key),"
            f" count(DISTINCT (company_id, company_key)) FROM {table}"
        ).fetchone()
        assert missing == 0 and ids == keys == pairs > 0


def test_segments_count_the_companies_that_raised(engine: Engine) -> None:
    # the distinct company ids per sector, counted here by SQL on the ids themselves
    expected = dict(
        engine.backend.con.execute(
            "SELECT sector, count(DISTINCT company_id) FROM deals GROUP BY ALL"
        ).fetchall()
    )
    result = compute(engine, "segments", by=["sector"]).to_pylist()
    assert {r["sector"]: r["companies"] for r in result} == expected
    assert sum(expected.values()) > 100
