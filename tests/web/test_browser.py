"""The dashboard in Chromium (Playwright): clean load, filters, download, language, XSS."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_data import XSS_NAME

pytestmark = pytest.mark.browser


class Page:
    """A browser page that records console errors, uncaught exceptions and dialogs."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on(
            "console", lambda m: m.type in ("error", "warning") and self.problems.append(m.text)
        )
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)

    def ready(self, after: str | None = None) -> str:
        """Wait until the page has drawn everything (a new drawing after ``after``)."""
        self.page.wait_for_function(
            "prev => document.body.dataset.ready && document.body.dataset.ready !== prev",
            arg=after,
            timeout=30_000,
        )
        return str(self.page.evaluate("document.body.dataset.ready"))

    def chart_texts(self, chart_id: str) -> list[str]:
        return self.page.locator(f"#chart-{chart_id} svg text").all_text_contents()

    def table(self) -> list[list[str]]:
        return [
            row.locator("td").all_inner_texts()
            for row in self.page.locator("#data-table tbody tr").all()
        ]

    def column(self, name: str) -> list[str]:
        """The table's cells of the column ``name`` (its data name, not its header text)."""
        names = [
            th.get_attribute("data-column") for th in self.page.locator("#data-table th").all()
        ]
        i = names.index(name)
        return [row[i] for row in self.table()]


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    yield Page(context.new_page(), live_server)
    context.close()


def _get(live_server: str, path: str) -> bytes:
    with urllib.request.urlopen(live_server + path, timeout=30) as response:  # loopback only
        body: bytes = response.read()
    return body


def test_dashboard_loads_with_no_console_errors(page: Page, tmp_path: Path) -> None:
    page.open("/")
    page.ready()
    assert page.problems == []
    for figure in page.page.locator("figure.chart").all():
        assert figure.locator("svg").count() >= 1, figure.get_attribute("id")
    assert page.page.locator("#data-table tbody tr").count() > 0
    assert page.page.locator("#source-list li").first.inner_text().startswith("적재 L1")
    shot = tmp_path / "dashboard.png"
    page.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_filters_change_the_chart_and_the_table(page: Page, live_server: str) -> None:
    page.open("/")
    first = page.ready()
    before_chart, before_table = page.chart_texts("by_region"), page.table()
    page.page.select_option("#f-province", ["Shanghai"])
    page.ready(after=first)
    after_chart, after_table = page.chart_texts("by_region"), page.table()
    assert after_chart != before_chart and after_table != before_table
    assert "Shanghai" in after_chart and "Beijing" not in after_chart
    # the table shows what the API answers for the same filter
    doc = json.loads(_get(live_server, "/api/deals.json?by=year&where=province=Shanghai"))
    assert page.column("deals") == [str(r["deals"]) for r in doc["rows"]]
    assert page.page.evaluate("location.search").count("province=Shanghai") == 1
    assert page.problems == []


def test_the_cluster_filter_narrows_regions_to_the_cluster(page: Page, live_server: str) -> None:
    page.open("/?lang=en")
    first = page.ready()
    page.page.select_option("#f-cluster", ["YRD"])
    page.ready(after=first)
    chart = page.chart_texts("by_region")
    assert "Shanghai" in chart and "Zhejiang" in chart and "Beijing" not in chart
    doc = json.loads(_get(live_server, "/api/deals.json?by=year&where=cluster=YRD"))
    assert page.column("deals") == [str(r["deals"]) for r in doc["rows"]]
    assert page.page.evaluate("location.search").count("cluster=YRD") == 1
    assert page.problems == []


def test_csv_download_matches_the_api(page: Page, live_server: str) -> None:
    page.open("/?from=2017&currency=USD")
    page.ready()
    href = page.page.get_attribute("#download-csv", "href")
    assert href and "year%3E%3D2017" in href and "currency=USD" in href
    with page.page.expect_download() as info:
        page.page.click("#download-csv")
    downloaded = Path(info.value.path()).read_bytes()
    assert downloaded == _get(live_server, href)
    assert info.value.suggested_filename == "deals.csv"
    rows = list(csv.DictReader(io.StringIO(downloaded.decode("utf-8"))))
    assert [r["period"] for r in rows] == ["2017", "2018"]
    assert {r["currency"] for r in rows} == {"USD"}
    # each chart's data link carries the same filters
    data = page.page.get_attribute("#chart-amount_by_year a.chart-data", "href")
    assert data and data.startswith("/api/charts/amount_by_year.zip?")
    assert "year%3E%3D2017" in data and "currency=USD" in data
    with zipfile.ZipFile(io.BytesIO(_get(live_server, data))) as archive:
        meta = json.loads(archive.read("amount_by_year.json"))
    assert meta["query"]["currency"] == "USD" and meta["rows"] == 2


def test_switching_to_english_changes_the_labels(page: Page) -> None:
    page.open("/?lang=ko&province=Beijing")
    page.ready()
    assert page.page.inner_text(".filters legend >> nth=3") == "지역"
    assert "연도별 투자 건수" in page.chart_texts("deals_by_year")
    page.page.click("#lang-en")
    page.ready(after=None)  # a new page: any drawing is new
    assert page.page.evaluate("document.documentElement.lang") == "en"
    assert page.page.inner_text(".filters legend >> nth=3") == "Regions"
    assert "Deals per year" in page.chart_texts("deals_by_year")
    assert "Series A" in " ".join(page.chart_texts("by_round"))
    # the filters survive the switch
    assert page.page.eval_on_selector(
        "#f-province", "s => [...s.selectedOptions].map(o => o.value)"
    ) == ["Beijing"]
    assert page.problems == []


def test_a_hostile_company_name_renders_as_text(page: Page) -> None:
    page.open("/companies?q=onerror&lang=en")
    link = page.page.locator("#company-table a")
    assert link.inner_text() == XSS_NAME
    link.click()
    page.page.wait_for_selector("#company-name")
    assert page.page.inner_text("#company-name") == XSS_NAME
    assert page.page.title().startswith(XSS_NAME)
    assert "<script>" in page.page.inner_text("#company-description")
    assert page.page.locator("img[src='x'], main script, main svg[onload]").count() == 0
    assert page.dialogs == [] and page.problems == []


def test_reference_report_shows_its_charts_and_the_checker_s_findings(page: Page) -> None:
    page.open("/report?lang=en")
    page.ready()
    assert page.page.locator("#report-charts figure svg").count() >= 3
    links = page.page.locator("#report-charts figure a.chart-data")  # one per chart
    assert links.count() == page.page.locator("#report-charts figure").count()
    assert links.first.get_attribute("href").startswith("/api/report/charts/")
    findings = page.page.locator("#findings-table tbody tr")
    assert findings.count() >= 1
    assert "120%" in findings.first.inner_text()
    assert page.page.locator("#source-list li").count() >= 1
    assert page.problems == []


def test_charts_are_interactive_with_tooltips(page: Page) -> None:
    page.open("/?lang=en")
    page.ready()
    bar = page.page.locator("#chart-deals_by_year svg .mark-rect path").first
    bar.hover()
    tooltip = page.page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5_000)
    assert "2016" in tooltip.inner_text() and "Deals" in tooltip.inner_text()
    assert page.problems == []
