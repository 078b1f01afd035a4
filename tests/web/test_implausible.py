"""The dashboard and the API count the deals with implausible amounts and can keep them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from sectorlens.store import assign_company_keys, connect
from sectorlens.store.rates import load_ecb_rates
from sectorlens.web import Settings, create_app

DEALS = [  # name, amount, currency, flagged
    ("Small A", "5000000", "EUR", False),
    ("Small B", "6000000", "EUR", False),
    ("Giant", "2000000000000", "HKD", True),  # HKD 2 tn ≈ EUR 0.2 tn: the largest in euros
    ("Big yen", "9000000000000", "JPY", True),  # more units, fewer euros
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("implausible") / "store.duckdb"
    con = connect(path)
    load_ecb_rates(con)
    for i, (name, amount, currency, flagged) in enumerate(DEALS):
        flags = ["implausible_amount", "above_median"] if flagged else []
        con.execute(
            "INSERT INTO deals (deal_id, load_id, row_ref, source_format, company_id, "
            "company_name, deal_date, amount_kind, amount_value, amount_low, amount_high, "
            "amount_qualifier, currency, disclosed, country, flags) VALUES "
            "(?, 'L1', ?, 'fixture', ?, ?, ?, 'money', ?, ?, ?, 'exact', ?, true, 'CN', ?)",
            [f"d{i}", f"L{i}", f"fixture:{name}", name, date(2020, 3, 1),
             *[Decimal(amount)] * 3, currency, flags],
        )  # fmt: skip
    assign_company_keys(con)
    con.close()
    app = create_app(path, Settings())
    yield TestClient(app, base_url="http://localhost")
    app.state.site.close()


def test_the_api_counts_the_implausible_deals_it_leaves_out(client: TestClient) -> None:
    doc = client.get("/api/deals.json", params={"by": "year", "currency": "EUR"}).json()
    assert [r["deals"] for r in doc["rows"]] == [2]
    assert doc["meta"]["implausible"] == {
        "count": 2,
        "included": False,
        "largest": {
            "amount": "2000000000000.000000",
            "currency": "HKD",
            "company_name": "Giant",
            "year": 2020,
        },
    }


def test_a_filter_naming_implausible_keeps_them_and_says_so(client: TestClient) -> None:
    params = {"by": "year", "currency": "EUR", "where": "implausible=true,false"}
    doc = client.get("/api/deals.json", params=params).json()
    assert [r["deals"] for r in doc["rows"]] == [4]
    assert doc["meta"]["implausible"]["included"] is True
    assert doc["meta"]["implausible"]["count"] == 2


def test_the_count_follows_the_other_filters(client: TestClient) -> None:
    params = {"by": "year", "currency": "EUR", "where": "currency=JPY"}
    meta = client.get("/api/deals.json", params=params).json()["meta"]["implausible"]
    assert (meta["count"], meta["largest"]["company_name"]) == (1, "Big yen")


def test_the_dashboard_has_the_switch_and_the_note(client: TestClient) -> None:
    for lang, label in (("en", "Include implausible amounts"), ("ko", "비현실적 금액 포함")):
        html = client.get("/", params={"lang": lang}).text
        assert 'id="f-implausible"' in html and 'id="implausible-note"' in html
        assert label in html
    script = client.get("/static/app.js").text
    assert 'where.push("implausible=true,false")' in script
    assert "status.implausible_out" in script
