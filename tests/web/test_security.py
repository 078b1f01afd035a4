"""A server safe to leave running: headers on every answer, Host allow-list, bounded filters,
links that stay on the site, unknown languages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote, urljoin

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from sectorlens.errors import UsageError
from sectorlens.metrics.filters import clause_pattern, parse_where
from sectorlens.web import CSP, Settings, create_app
from sectorlens.web.app import host_name
from sectorlens.web.pages import segment

HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def _has_security_headers(headers: object) -> bool:
    return all(headers.get(k) == v for k, v in HEADERS.items())  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "url",
    [
        "/api/deals.json?where=year>=99999999999999999999999",
        "/api/deals.csv?where=year<=-99999999999999999999",
        "/api/deals?where=founded_year=1" + "9" * 5000,
        "/api/ytd?through=13-45",
    ],
)
def test_out_of_range_numbers_are_a_one_line_4xx(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and "\n" not in body["error"]
    assert _has_security_headers(response.headers)


def test_404_422_and_500_answers_carry_the_headers(web_store: Path) -> None:
    app = create_app(web_store)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    try:
        client = TestClient(app, base_url="http://localhost", raise_server_exceptions=False)
        for url, status in (("/nope", 404), ("/api/deals?by=nope", 422), ("/boom", 500)):
            response = client.get(url)
            assert response.status_code == status
            assert _has_security_headers(response.headers), url
            assert "error" in response.json()
        assert "a bug" not in client.get("/boom").text  # no internals in the answer
    finally:
        app.state.site.close()


@pytest.mark.parametrize(
    ("host", "served"),
    [
        ("localhost", True),
        ("localhost:8000", True),
        ("127.0.0.1:8000", True),
        ("[::1]:8000", True),
        ("LOCALHOST", True),
        ("evil.example", False),
        ("evil.example:8000", False),
        ("127.0.0.1.evil.example", False),
        ("", False),
    ],
)
def test_only_allowed_host_names_are_served(client: TestClient, host: str, served: bool) -> None:
    response = client.get("/healthz", headers={"Host": host})
    assert (response.status_code == 200) is served, response.text
    assert _has_security_headers(response.headers)
    if not served:
        assert response.status_code == 400 and "--allow-host" in response.json()["error"]


def test_allow_host_adds_a_name(web_store: Path) -> None:
    app = create_app(web_store, Settings(allowed_hosts=("dash.example.org",)))
    try:
        client = TestClient(app, base_url="http://localhost")
        assert client.get("/healthz", headers={"Host": "dash.example.org:80"}).status_code == 200
        assert client.get("/healthz", headers={"Host": "other.example.org"}).status_code == 400
    finally:
        app.state.site.close()


def test_host_names_lose_their_port() -> None:
    assert host_name("[::1]:8000") == "::1"
    assert host_name("Example.ORG:80") == "example.org"
    assert host_name("127.0.0.1") == "127.0.0.1"


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_links_built_from_ids_stay_on_the_site(client: TestClient) -> None:
    hostile = "../../etc/passwd"
    assert segment(hostile) == "..%2F..%2Fetc%2Fpasswd"
    page = client.get("/companies/" + quote(hostile, safe="") + "?lang=en")
    assert page.status_code == 404
    base = "http://localhost/companies/" + quote(hostile, safe="")
    for href in _links(page.text):
        resolved = urljoin(base, href.replace("&amp;", "&"))
        path = resolved.split("?")[0]
        assert not unquote(path).startswith("/etc") and "/etc/passwd" not in path, href
    lang_links = [h for h in _links(page.text) if "lang=" in h and "companies/" in h]
    assert lang_links and all(
        h.startswith("/companies/..%2F..%2Fetc%2Fpasswd?") for h in lang_links
    )


def test_an_unknown_language_gets_the_default_page(client: TestClient) -> None:
    for url in ("/?lang=fr", "/companies?lang=xx", "/report?lang=de", "/companies/c1?lang=fr"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert '<html lang="ko">' in response.text


def test_the_store_file_s_path_is_never_served(web_app: FastAPI, client: TestClient) -> None:
    body = client.get("/api/sources").text + client.get("/api/facets").text
    assert "/secret/server/path" not in body and "deals.csv" in body


@settings(max_examples=300, deadline=None, database=None)
@given(st.from_regex(clause_pattern(), fullmatch=False) | st.text(max_size=40))
def test_the_where_pattern_is_exactly_what_the_parser_reads(text: str) -> None:
    try:
        parse_where(text)
        accepted = True
    except UsageError:
        accepted = False
    assert accepted == bool(re.search(clause_pattern(), text)), repr(text)
