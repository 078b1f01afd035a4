"""Chart data for download: one ZIP per chart with the chart's numbers, metadata and a README."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from sectorlens.report import build_report, write_report
from sectorlens.report.blocks import Chart, Section
from sectorlens.report.build import Report
from sectorlens.report.chartdata import chart_packages, chart_table, chart_zip, zip_name
from sectorlens.report.render import report_view
from sectorlens.store import load_reference


@pytest.fixture
def report(con: duckdb.DuckDBPyConnection) -> Report:
    load_reference(con)
    return build_report(con, "ko", font="Noto Sans CJK KR")


def _charts(report: Report) -> list[tuple[Section, Chart]]:
    return [(s, b) for s in report.sections for b in s.blocks if isinstance(b, Chart)]


def _open(package: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()}


def test_each_chart_has_csv_metadata_and_readme(report: Report) -> None:
    packages = chart_packages(report, report_view(report))
    charts = _charts(report)
    assert len(charts) >= 9 and set(packages) == {c.chart_id for _, c in charts}
    for section, chart in charts:
        files = _open(packages[chart.chart_id])
        assert set(files) == {f"{chart.chart_id}.csv", f"{chart.chart_id}.json", "README.txt"}
        meta = json.loads(files[f"{chart.chart_id}.json"])
        assert meta["title"] == chart.title and meta["section"] == section.title
        assert meta["dataset"] == "cn_ai_2021" and meta["language"] == "ko"
        for key in ("unit", "columns", "definitions", "sources", "fx_rates"):
            assert key in meta, key
        assert meta["sources"], chart.chart_id  # every chart says where its numbers come from
        for source in meta["sources"]:
            assert source["title"] and source["citation"]
        assert chart.title in files["README.txt"]


def test_csv_numbers_are_the_charts_numbers(report: Report) -> None:
    packages = chart_packages(report, report_view(report))
    for _, chart in _charts(report):
        rows = list(
            csv.reader(
                io.StringIO(
                    _open(packages[chart.chart_id])[f"{chart.chart_id}.csv"].lstrip("\ufeff")
                )
            )
        )
        values = chart.spec.get("data", {}).get("values")
        if values is None:
            continue  # (panes with their own data: see chart_table's panel column)
        header, body = rows[0], rows[1:]
        assert len(body) == len(values)
        for row, drawn in zip(body, values, strict=True):
            for name, cell in zip(header, row, strict=True):
                expected = drawn.get(name)
                if isinstance(expected, float):
                    assert float(cell) == expected, (chart.chart_id, name)
                elif expected is not None:
                    assert cell == str(expected).lstrip("'"), (chart.chart_id, name)


def test_market_size_states_its_unit_sources_and_rates(report: Report) -> None:
    view = report_view(report)
    meta = json.loads(_open(chart_packages(report, view)["market_size"])["market_size.json"])
    assert meta["unit"] == "억 위안"
    numbers = {s["id"]: s["number"] for s in view["sources"]}
    assert [s["number"] for s in meta["sources"]] == [numbers[s["id"]] for s in meta["sources"]]
    # the section's won equivalents were converted at ECB averages of each figure's period
    rates = {(r["base"], r["quote"], r["period_start"][:4]) for r in meta["fx_rates"]}
    assert {("CNY", "KRW", "2018"), ("CNY", "KRW", "2020")} <= rates
    assert all(r["source"].startswith("ECB") for r in meta["fx_rates"])
    assert any("ECB" in d for d in meta["definitions"])


def test_csv_cells_are_guarded_against_formulas(report: Report) -> None:
    spec = {
        "data": {"values": [{"k": '=HYPERLINK("http://x")', "v": -1.5, "t": "@SUM(A1)"}]},
        "encoding": {"x": {"field": "v", "type": "quantitative", "title": "%"}},
    }
    section, _ = _charts(report)[0]
    files = _open(chart_zip(report, section, Chart("x/../evil", "t", spec), {}))
    assert set(files) == {"x_.._evil.csv", "x_.._evil.json", "README.txt"}
    body = list(csv.reader(io.StringIO(files["x_.._evil.csv"].lstrip("\ufeff"))))
    assert body == [["k", "v", "t"], ['\'=HYPERLINK("http://x")', "-1.5", "'@SUM(A1)"]]
    assert zip_name("x/../evil") == "x_.._evil-data.zip"


def test_columns_name_their_role_and_title() -> None:
    spec = {
        "data": {"values": [{"period": "2018", "value": 1.0, "_lane": 1}]},
        "layer": [
            {"encoding": {"x": {"field": "period", "type": "nominal", "title": "Year"}}},
            {"encoding": {"y": {"field": "value", "type": "quantitative", "title": "CNY bn"}}},
        ],
    }
    columns, rows = chart_table(spec)
    assert [c["name"] for c in columns] == ["period", "value"]  # (_lane is layout)
    assert columns[1] == {
        "name": "value",
        "title": "CNY bn",
        "roles": ["y"],
        "type": "quantitative",
    }
    assert rows == [["2018", 1.0]]


def test_written_beside_the_charts_and_linked_under_each(report: Report, tmp_path: Path) -> None:
    files = write_report(report, tmp_path, cache_dir=None)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert len(files.chart_data) == len(_charts(report))
    for _, chart in _charts(report):
        path = tmp_path / "charts" / zip_name(chart.chart_id)
        assert path in files.chart_data and zipfile.is_zipfile(path)
        assert f'href="charts/{zip_name(chart.chart_id)}" download' in html


def test_deal_chart_lists_the_rates_its_amounts_were_converted_at(
    con: duckdb.DuckDBPyConnection,
) -> None:
    import metrics_data

    load_reference(con)
    metrics_data.fill(con)  # one of the fixture's rounds is in USD, the rest in CNY
    report = build_report(con, "en", font="x")
    section = next(s for s in report.sections if s.section_id == "ingested_years")
    chart = next(b for b in section.blocks if isinstance(b, Chart))
    files = _open(chart_packages(report, report_view(report))[chart.chart_id])
    meta = json.loads(files[f"{chart.chart_id}.json"])
    rates = {r["original_currency"]: r for r in meta["fx_rates"]}
    assert set(rates) == {"CNY", "USD"}
    assert rates["USD"]["currency"] == "CNY" and rates["USD"]["converted"] == "1"
    assert Decimal(rates["USD"]["min_rate"]) == Decimal("6.25")
    assert rates["USD"]["first_fixing"] == "2015-01-01"
    assert "USD" in files["README.txt"] and "6.25" in files["README.txt"]
    _, rows = chart_table(chart.spec)
    assert {r[0] for r in rows} == {1, 2}  # amount and count panels
    assert meta["sources"]  # (the fixture's deals have no load row: the section's citations)
