"""The source-by-source view: each publisher's series with its editions, and the report's
side-by-side tables with their reconciliation (page and JSON)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sectorlens.store import connect, ensure_reference
from sectorlens.web import create_app

SUBJECT = "cn_ai_2025"
BASE_URL = "http://localhost"  # a loopback Host (conftest.BASE_URL)


@pytest.fixture(scope="module")
def compared_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("compared") / "store.duckdb"
    con = connect(path)
    ensure_reference(con, SUBJECT)  # brings the 2021 edition along (compare_with)
    con.close()
    app = create_app(path)
    yield TestClient(app, base_url=BASE_URL)
    app.state.site.close()


def test_json_lists_every_figure_with_its_edition(compared_client: TestClient) -> None:
    doc = compared_client.get("/api/sources-compared.json?lang=en").json()
    assert doc["subject"] == SUBJECT and doc["subjects"] == [SUBJECT]
    itjuzi_2021 = [
        r
        for r in doc["series"]
        if r["publisher"] == "ITJuzi" and r["period"] == "2021" and "amount" in r["metric"]
    ]
    assert [(r["edition"], r["edition_state"]) for r in itjuzi_2021] == [
        ("2023-06-30", "superseded"),
        ("2024-05-25", "latest"),
    ]
    assert all(r["url"] for r in doc["series"])  # every figure links to its page
    ids = {s["source_id"] for s in doc["sources"]}
    assert {r["source_id"] for r in doc["series"]} <= ids


def test_json_carries_the_side_by_side_tables_and_reconciliation(
    compared_client: TestClient,
) -> None:
    doc = compared_client.get(f"/api/sources-compared.json?subject={SUBJECT}&lang=en").json()
    by_id = {s["id"]: s for s in doc["sections"]}
    assert {"investment_by_source", "deals_by_source", "size_by_source"} <= set(by_id)
    invest = by_id["investment_by_source"]
    side, recon = invest["tables"][0], invest["tables"][1]
    assert [r[0] for r in side["rows"]] == [str(y) for y in range(2014, 2026)]
    assert len(side["columns"]) - 1 >= 6
    assert recon["caption"] == "Reconciliation by year"
    assert any("converted at the 2024 average" in r[-1] for r in recon["rows"])


def test_page_shows_tables_editions_and_links(compared_client: TestClient) -> None:
    html = compared_client.get("/sources-compared?lang=en").text
    assert "Reconciliation by year" in html and 'id="series-table"' in html
    assert "2023-06-30 (superseded)" in html and "2024-05-25 (latest)" in html
    assert 'rel="noreferrer noopener"' in html
    scripts = html.split("<script")[1:]
    assert all('src="/static/' in s.split(">", 1)[0] for s in scripts)
    assert "style=" not in html
    ko = compared_client.get("/sources-compared?lang=ko").text
    assert "연도별 대조" in ko and "대체됨" in ko


def test_unknown_or_missing_comparison_is_404(compared_client: TestClient, web_store: Path) -> None:
    assert compared_client.get("/api/sources-compared.json?subject=nope").status_code == 404
    assert compared_client.get("/sources-compared?subject=nope").status_code == 404
    # the shared web store holds only the 2021 subject, which has no such tables
    app = create_app(web_store)
    try:
        other = TestClient(app, base_url=BASE_URL)
        answer = other.get("/api/sources-compared.json")
        assert answer.status_code == 404 and "no subject" in answer.json()["error"]
        page = other.get("/sources-compared")
        assert page.status_code == 404 and 'id="no-comparison"' in page.text
    finally:
        app.state.site.close()
