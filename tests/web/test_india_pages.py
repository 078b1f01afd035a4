"""The dashboard's India pages carry none of the China data set's vocabulary (a leak test).

A store of the India subject with the India export's deals (ingested from ``../shared/data``),
served by the app: every page (dashboard, companies, a company, the reference report) and every
API answer the dashboard's script asks for with ``subject=india_startups`` (charts, tables,
facets, sources, the report's charts), in ko and en. The China vocabulary is read from the China
data set's files (scope country names and codes, currencies, sectors, chain layers, clusters and
their labels), as the report's leak test does; a word both data sets declare is not a leak.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sectorlens.store import connect, ensure_reference
from sectorlens.web import Settings, create_app
from sectorlens.web.presets import TABLES
from test_subjects import CHINA, INDIA, _names_of, _vocabulary

pytestmark = pytest.mark.shared
EXPORT = Path("india_startup_funding") / "startup_funding.csv"
# The currency selector lists every currency of the store's rate table (the ECB's): data of the
# store, not of a subject; it is cut out of the page before the check.
_CURRENCY_SELECT = re.compile(r'<select name="currency".*?</select>', re.S)


@pytest.fixture(scope="module")
def india_client(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    from sectorlens.cli import main

    db = tmp_path_factory.mktemp("india-web") / "india.duckdb"
    try:
        main(["ingest", str(shared_data / EXPORT), "--db", str(db)])
    except SystemExit as exc:
        assert exc.code in (0, None), f"ingest failed with {exc.code}"
    con = connect(db)
    try:
        ensure_reference(con, INDIA)
    finally:
        con.close()
    app = create_app(db, Settings())
    yield TestClient(app, base_url="http://localhost")
    app.state.site.close()


def _word(term: str) -> re.Pattern[str]:
    # a word of its own, not part of a code (vision_ai), a name (zh-CN) or a MIME type
    # (application/json)
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w/-])")


def _terms() -> set[str]:
    """China's words, less those the India data set uses itself (a word of one of its own
    labels, as IoT in "Deep tech (AI, IoT, space)", is not a leak)."""
    china, own = _vocabulary(CHINA), _vocabulary(INDIA)
    mine = set().union(*own.values()) | _names_of(INDIA)
    terms = (set().union(*china.values()) | _names_of(CHINA)) - mine
    return {t for t in terms if not any(_word(t).search(m) for m in mine)}


def _leaks(text: str, terms: set[str]) -> list[str]:
    return sorted(t for t in terms if _word(t).search(text))


def _get(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return response.text


def _india_texts(client: TestClient, lang: str) -> dict[str, str]:
    """Every page and API answer of the dashboard for the India subject in ``lang``."""
    subject = f"subject={INDIA}&lang={lang}"
    texts = {"/": _CURRENCY_SELECT.sub("", _get(client, f"/?lang={lang}"))}
    for url in (f"/companies?lang={lang}", f"/report?lang={lang}", f"/api/facets?lang={lang}"):
        texts[url] = _get(client, url)
    texts["/api/report.json"] = _get(client, f"/api/report.json?lang={lang}")
    texts["/api/sources"] = _get(client, "/api/sources")
    companies = json.loads(_get(client, "/api/companies.json?limit=5"))
    for row in (companies.get("rows") or companies.get("companies") or [])[:3]:
        url = f"/companies/{row['company_id']}?lang={lang}"
        texts[url] = _get(client, url)
    charts = json.loads(_get(client, "/api/charts"))["charts"]
    assert charts
    for chart in charts:
        url = f"/api/charts/{chart['chart_id']}.json?{subject}"
        texts[url] = _get(client, url)
    for view in TABLES:
        by = "".join(f"&by={b}" for b in view.by)
        url = f"/api/{view.metric}.json?{subject}{by}"
        texts[url] = _get(client, url)
    return texts


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_dashboard_s_india_pages_have_no_china_vocabulary(
    india_client: TestClient, lang: str
) -> None:
    terms = _terms()
    assert {"CNY", "China", "Greater Bay Area", "computer_vision"} <= terms  # the check can fail
    texts = _india_texts(india_client, lang)
    found = {url: hits for url, text in texts.items() if (hits := _leaks(text, terms))}
    assert not found, found
    # the pages do show the India data: its places, in the page's language
    shown = "\n".join(texts.values())
    assert "Karnataka" in shown or "카르나타카" in shown, "no Indian place on the India pages"
