"""The report's sections from ingested deals: present only with deals, compared with the seed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

import metrics_data
from sectorlens.fx import FxRates
from sectorlens.report import build_report, render_markdown
from sectorlens.store import connect, load_reference

INGESTED = ("ingested_regions", "ingested_years", "ingested_size", "ingested_layers")


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


def _ids(con: duckdb.DuckDBPyConnection, fx: FxRates, lang: str = "en") -> list[str]:
    return [s.section_id for s in build_report(con, lang, fx=fx, font="x").sections]


def test_no_deals_no_ingested_sections(con: duckdb.DuckDBPyConnection, fx: FxRates) -> None:
    load_reference(con)
    assert not set(INGESTED) & set(_ids(con, fx))


def test_fixture_deals_add_the_sections(con: duckdb.DuckDBPyConnection, fx: FxRates) -> None:
    load_reference(con)
    metrics_data.fill(con)
    report = build_report(con, "en", fx=fx, font="x")
    sections = {s.section_id: s for s in report.sections}
    assert set(INGESTED) <= set(sections)
    regions = sections["ingested_regions"].blocks[0]
    # Beijing: 5 of the 12 fixture rounds
    assert regions.rows[0][:4] == ("1", "Beijing", "5 deals", "41.67%")  # type: ignore[union-attr]
    years = sections["ingested_years"].blocks[0]
    assert [r[0] for r in years.rows] == ["2016", "2017", "2018 (partial)"]  # type: ignore[union-attr]
    assert years.rows[1][3] == "25.0%"  # type: ignore[union-attr]  # 1 of 4 undisclosed in 2017
    ko = render_markdown(build_report(con, "ko", fx=fx, font="x"))
    assert "수집한 투자 건의 지역 분포" in ko and "41.67%" in ko


@pytest.mark.shared
def test_itjuzi_rounds_beside_the_seed_figure(
    tmp_path: Path, fx: FxRates, shared_data: Path
) -> None:
    from test_metrics_itjuzi import CSV, ingest_store, raw_rounds

    store = connect(ingest_store(shared_data, tmp_path))
    load_reference(store)
    # the subject's scope is China: rounds of companies placed on another continent are out
    abroad = ("亚洲", "北美洲", "南美洲", "欧洲", "非洲", "大洋洲")
    rounds = [
        r
        for r in raw_rounds(shared_data / CSV)
        if r["year"] is not None and 2014 <= r["year"] <= 2018 and r["province"] not in abroad
    ]
    beijing = Decimal(sum(1 for r in rounds if r["province"] == "北京")) * 100 / len(rounds)
    text = render_markdown(build_report(store, "en", fx=fx, font="x"))
    store.close()
    expected = f"{beijing.quantize(Decimal('0.01'))}% of the ingested itjuzi rounds 2014–2018"
    assert "Beijing's share: 32.53% for 2020 in" in text
    assert expected in text
