"""Projection of one publisher's series: the growth-band method on known numbers, and the
report keeps projected years out of the tables of published figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb
import pytest

from sectorlens.fx import FxRates
from sectorlens.metrics.projection import NotProjectable, first_year_reaching, growth_band
from sectorlens.model import Observation, Qualifier, Status
from sectorlens.report import build_report, render_markdown
from sectorlens.report.blocks import Chart, Table
from sectorlens.store import ensure_reference, ensure_schema


def _obs(
    oid: str,
    year: int,
    value: str,
    *,
    metric: str = "size",
    unit: str = "money",
    who: str = "pub",
    status: Status = Status.ACTUAL,
    qualifier: Qualifier = Qualifier.EXACT,
) -> Observation:
    return Observation(
        oid,
        metric,
        Decimal(value),
        unit,
        "page",
        currency="CNY" if unit == "money" else None,
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        status=status,
        qualifier=qualifier,
        cites=(who,),
    )


def test_growth_band_on_a_known_series() -> None:
    # 100 → 121 over two years is 10% a year; a published 20% for 2022: band 10%–20%, median 15%
    levels = [_obs("a", 2020, "100"), _obs("b", 2022, "121")]
    growth = [_obs("g", 2022, "20", metric="growth", unit="percent")]
    proj = growth_band(levels, growth, until=2024)
    assert [r.value for r in proj.rates] == [Decimal("0.1"), Decimal("0.2")]
    assert (proj.low_rate, proj.central_rate, proj.high_rate) == (
        Decimal("0.1"),
        Decimal("0.15"),
        Decimal("0.2"),
    )
    assert proj.base.obs_id == "b" and proj.publisher == "pub"
    # 121·1.1 = 133.1, 121·1.15 = 139.15, 121·1.2 = 145.2; 121·1.21 = 146.41, ·1.3225 = 160.0225,
    # ·1.44 = 174.24 — rounded to whole units, half to even
    assert [(p.year, p.low, p.central, p.high) for p in proj.points] == [
        (2023, Decimal(133), Decimal(139), Decimal(145)),
        (2024, Decimal(146), Decimal(160), Decimal(174)),
    ]
    assert first_year_reaching(proj, Decimal(150)) == (2024, None)


def test_forecasts_are_never_inputs_and_a_fractional_cagr_is_exact() -> None:
    levels = [
        _obs("a", 2020, "100"),
        _obs("b", 2023, "133.1"),
        _obs("f", 2025, "1000", status=Status.FORECAST),
    ]
    growth = [_obs("g", 2021, "5", metric="growth", unit="percent")]
    proj = growth_band(levels, growth, until=2025)
    assert proj.rates[0].value == Decimal("0.1")  # (1.331) ** (1/3) − 1, in Decimal
    assert [o.obs_id for o in proj.levels] == ["a", "b"]
    assert [p.year for p in proj.points] == [2024, 2025]


def test_publishers_are_never_mixed_in_one_projection() -> None:
    with pytest.raises(ValueError, match="one publisher"):
        growth_band([_obs("a", 2020, "100"), _obs("b", 2022, "121", who="other")], until=2025)
    with pytest.raises(ValueError, match="one publisher"):
        growth_band(
            [_obs("a", 2020, "100"), _obs("b", 2022, "121")],
            [_obs("g", 2022, "20", metric="growth", unit="percent", who="other")],
            until=2025,
        )


def test_too_few_rates_is_not_projectable() -> None:
    with pytest.raises(NotProjectable):
        growth_band([_obs("a", 2020, "100"), _obs("b", 2022, "121")], until=2025)
    with pytest.raises(NotProjectable):
        growth_band([], until=2025)


def test_a_lower_bound_input_is_flagged() -> None:
    levels = [_obs("a", 2020, "100"), _obs("b", 2022, "121", qualifier=Qualifier.AT_LEAST)]
    growth = [_obs("g", 2022, "20", metric="growth", unit="percent")]
    assert growth_band(levels, growth, until=2023).lower_bound_inputs


@pytest.fixture(scope="module")
def reports() -> dict[str, object]:
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    ensure_reference(con, "cn_ai_2025")
    out = {
        lang: build_report(con, lang, fx=FxRates(), font="x", subject="cn_ai_2025")
        for lang in ("ko", "en")
    }
    con.close()
    return out  # type: ignore[return-value]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_projected_years_stay_out_of_the_tables_of_published_figures(reports, lang: str) -> None:  # type: ignore[no-untyped-def]
    report = reports[lang]
    projection_word = report.context.words.say("status.projection")
    (section,) = [s for s in report.sections if s.section_id == "projection"]
    tables = [b for b in section.blocks if isinstance(b, Table)]
    projected = [t for t in tables if any(r[-1] == projection_word for r in t.rows)]
    assert projected, "no projection table"
    for table in projected:  # every row of a projection table is marked as a projection
        assert all(r[-1] == projection_word for r in table.rows)
        assert all(2025 <= int(r[0]) <= 2030 for r in table.rows)
    for other in report.sections:
        if other is section:
            continue
        for block in other.blocks:
            if isinstance(block, Table):
                cells = " ".join(" ".join(r) for r in block.rows)
                assert projection_word not in cells, other.section_id
                # no year row beyond the published ones (a dated policy of 2026 is no year row)
                assert not any(
                    r[0] in {"2026", "2027", "2028", "2029", "2030"} for r in block.rows
                ), other.section_id


def test_the_chart_marks_the_projection_dashed_with_its_band(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["en"]
    (section,) = [s for s in report.sections if s.section_id == "projection"]
    charts = [b for b in section.blocks if isinstance(b, Chart)]
    assert len(charts) == 2 and len({c.chart_id for c in charts}) == 2
    for chart in charts:
        assert "projection" in chart.title
        layers = chart.spec["layer"]
        band, line = layers[0], layers[1]
        assert band["mark"]["type"] == "area"
        assert band["transform"] == [{"filter": {"field": "series", "equal": "projection"}}]
        dash = line["encoding"]["strokeDash"]["condition"]
        assert dash["test"] == {"field": "series", "equal": "projection"} and dash["value"]
        values = chart.spec["data"]["values"]
        years = {v["year"] for v in values if v["series"] == "projection"}
        assert max(years) == 2030
        assert all(v["year"] <= 2025 for v in values if v["series"] == "published figures")


def test_the_report_lists_the_method_and_inputs(reports) -> None:  # type: ignore[no-untyped-def]
    text = render_markdown(reports["en"])  # type: ignore[arg-type]
    assert "Inputs of the projection — core AI industry size (CAICT)" in text
    assert "never combined with another's" in text
    assert "core AI industry size (CINGAI): not projected" in text
