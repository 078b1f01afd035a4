"""HTML pages and the dashboard's JSON (test client): escaping, charts, report, findings, CLI."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from web_data import FORMULA_NAME, ODD_ID, XSS_DESCRIPTION, XSS_NAME

from sectorlens.report.charts import columns


@pytest.mark.parametrize("url", ["/companies?q=onerror", "/companies/x1", "/companies/x1?lang=en"])
def test_data_text_is_escaped_in_pages(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert XSS_NAME not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    if "/x1" in url:
        assert XSS_DESCRIPTION not in html and "&lt;script&gt;" in html
        assert "<svg onload" not in html and "&lt;b&gt;1亿&lt;/b&gt;" in html


def test_pages_carry_no_inline_script(client: TestClient) -> None:
    for url in ("/", "/companies", "/companies/c1", "/report"):
        html = client.get(url).text
        scripts = html.split("<script")[1:]
        for tag in scripts:
            head = tag.split(">", 1)[0]
            assert 'src="/static/' in head or 'type="application/json"' in head, head
        assert "style=" not in html and "<style" not in html


def test_dashboard_offers_the_store_s_values_as_filters(client: TestClient) -> None:
    html = client.get("/?lang=en").text
    for value in ("Beijing", "Shanghai", "vision", "robotics"):
        assert f'<option value="{value}">' in html
    assert '<option value="a">Series A (5)</option>' in html  # round codes get names
    assert '<option value="2016">' in html and '<option value="2018">' in html
    facets = client.get("/api/facets?lang=en").json()
    assert facets["years"] == [2016, 2017, 2018]
    assert [load["load_id"] for load in facets["loads"]] == ["L1"]
    # economic clusters: a filter of their own, named, most deals first
    clusters = [(c["value"], c["label"], c["deals"]) for c in facets["cluster"]]
    assert clusters == [
        ("JJJ", "Jing-Jin-Ji", 5),
        ("YRD", "Yangtze River Delta", 4),
        ("GBA", "Greater Bay Area", 2),
    ]
    assert '<option value="YRD">Yangtze River Delta (4)</option>' in html


def test_company_page_lists_its_rounds_and_404s_when_unknown(client: TestClient) -> None:
    html = client.get("/companies/c1?lang=en").text
    assert '<h1 id="company-name">Alpha</h1>' in html
    assert html.count("<tr>") - 1 == 3  # three rounds under the header row
    assert "Series B" in html
    missing = client.get("/companies/nobody?lang=en")
    assert missing.status_code == 404 and "Company not found" in missing.text


def test_company_list_pages_and_search(client: TestClient) -> None:
    html = client.get("/companies?lang=en&q=a").text
    assert "Alpha" in html and "Gamma" in html and "Eta" in html and "Zeta" in html
    assert "Beta" in html and FORMULA_NAME.replace('"', "&#34;") in html


def test_chart_documents_use_the_report_s_builders(client: TestClient) -> None:
    doc = client.get("/api/charts/deals_by_year.json?lang=en&where=year>=2017").json()
    spec = doc["spec"]
    assert spec["title"] == "Deals per year"
    assert doc["query"]["where"] == ["year>=2017"] and doc["loads"][0]["load_id"] == "L1"
    values = spec["data"]["values"]
    assert [v["period"] for v in values] == ["2017", "2018"]
    # the same spec the report's builder makes from those rows (plus tooltips)
    made = columns(
        values, x="period", y="value", text="label", x_title="Year", y_title="Deals", width=420
    ).to_dict(validate=False)
    assert [layer["mark"] for layer in spec["layer"]] == [layer["mark"] for layer in made["layer"]]
    region = client.get("/api/charts/by_region.json?lang=ko").json()["spec"]
    rows = region["data"]["values"]
    assert [r["name"] for r in rows][:1] == ["Beijing"]


def test_chart_ids_and_languages_are_validated(client: TestClient) -> None:
    assert client.get("/api/charts/nope.json").status_code == 422
    assert client.get("/api/charts/by_round.json?lang=fr").status_code == 422
    assert client.get("/api/charts").json()["charts"][0]["chart_id"] == "deals_by_year"


def test_reference_report_charts_cite_their_sources(client: TestClient) -> None:
    doc = client.get("/api/report.json?lang=en").json()
    assert doc["charts"] and all(c["spec"] for c in doc["charts"])
    cited = {s for c in doc["charts"] for s in c["cites"]}
    assert cited == {s["source_id"] for s in doc["sources"]}


def test_reference_report_charts_offer_their_data(client: TestClient) -> None:
    doc = client.get("/api/report.json?lang=ko").json()
    for chart in doc["charts"]:
        answer = client.get(chart["data_url"])
        assert answer.status_code == 200, chart["data_url"]
        assert answer.headers["content-type"] == "application/zip"
        assert '-data.zip"' in answer.headers["content-disposition"]
        with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
            meta = json.loads(archive.read(f"{chart['chart_id']}.json"))
            assert meta["title"] == chart["title"] and meta["language"] == "ko"
            assert "README.txt" in archive.namelist()
    missing = client.get("/api/report/charts/nope.zip")
    assert missing.status_code == 404 and "nope" in missing.json()["error"]


def test_dashboard_charts_offer_their_data(client: TestClient) -> None:
    html = client.get("/?lang=en").text
    assert 'href="/api/charts/deals_by_year.zip?lang=en"' in html
    url = "/api/charts/deals_by_year.zip?lang=en&currency=USD&where=year>=2015"
    answer = client.get(url)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    spec = client.get(url.replace(".zip", ".json")).json()["spec"]
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        meta = json.loads(archive.read("deals_by_year.json"))
        rows = list(csv.reader(io.StringIO(archive.read("deals_by_year.csv").decode("utf-8-sig"))))
    drawn = spec["data"]["values"]
    assert rows[0] == [c["name"] for c in meta["columns"]]
    assert len(rows) - 1 == len(drawn) == meta["rows"]
    values = [r[rows[0].index("value")] for r in rows[1:]]
    assert values == [str(d["value"]) for d in drawn]  # the numbers the chart draws
    assert meta["query"]["currency"] == "USD" and meta["query"]["where"] == ["year>=2015"]
    assert meta["sources"] and all(s["title"] for s in meta["sources"])  # loads at least
    assert meta["fx_rates"] and meta["definitions"]


def test_findings_of_the_reference_text(client: TestClient) -> None:
    doc = client.get("/api/findings.json?lang=en").json()
    assert doc["document"] == "report.ko.txt"
    assert any(f["severity"] == "error" and "120%" in f["message"] for f in doc["findings"])
    html = client.get("/report?lang=en").text
    assert "120%" in html and 'id="findings-table"' in html


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_sectorlens_serve_starts_on_loopback(web_store: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sectorlens", "serve", "--db", str(web_store), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    assert r.read() == b'{"ok":true}'
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"sectorlens serve did not answer: {proc.stderr and proc.stderr.read()}"
                    )
                time.sleep(0.2)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err


def test_sectorlens_serve_refuses_a_missing_store(cli: Callable[..., Any], tmp_path: Path) -> None:
    result = cli("serve", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1 and "sectorlens db init" in result.stderr


def test_an_empty_store_serves_empty_answers_not_errors(tmp_path: Path) -> None:
    from sectorlens.store import connect
    from sectorlens.web import create_app

    connect(tmp_path / "empty.duckdb").close()
    app = create_app(tmp_path / "empty.duckdb")
    try:
        client = TestClient(app, base_url="http://127.0.0.1")
        page = client.get("/?lang=en")
        assert page.status_code == 200 and 'id="empty-store"' in page.text
        chart = client.get("/api/charts/by_region.json").json()
        assert chart["empty"] is True and chart["loads"] == []
        assert client.get("/api/deals.json").json()["rows"] == []
        assert client.get("/api/facets").json()["years"] == []
        report = client.get("/api/report.json")
        assert report.status_code == 404 and "sectorlens db init" in report.json()["error"]
        assert 'id="no-reference"' in client.get("/report").text
    finally:
        app.state.site.close()


def test_company_ids_with_dots_slashes_and_hanzi_work_everywhere(client: TestClient) -> None:
    quoted = quote(ODD_ID, safe="")
    for path in (f"/api/companies/{quoted}", f"/api/companies/{quoted}.json"):
        assert client.get(path).json()["company"]["company_id"] == ODD_ID
    as_csv = client.get(f"/api/companies/{quoted}.csv")
    assert as_csv.status_code == 200 and as_csv.text.startswith("deal_id,")
    disposition = as_csv.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="') and "filename*=UTF-8''" in disposition
    page = client.get(f"/companies/{quoted}?lang=en")
    assert page.status_code == 200 and "小马智行 pony.ai" in page.text
    listing = client.get("/companies?q=pony").text
    assert f'href="/companies/{quote(ODD_ID, safe="")}?lang=' in listing
