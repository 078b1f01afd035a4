"""The dashboard's Korean pages have the right particles; its English pages read right."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from sectorlens.korean import particle_errors

PAGES = ("/", "/companies", "/companies/c1", "/report")
API = ("/api/findings.json", "/api/report.json", "/api/charts")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _texts(client: TestClient, lang: str) -> list[str]:
    texts: list[str] = []
    for url in PAGES:
        page = client.get(f"{url}?lang={lang}")
        assert page.status_code == 200, url
        tree = lxml_html.fromstring(page.text)
        for script in tree.xpath("//script[@type='application/json']"):
            texts += _strings(json.loads(script.text or "null"))
        for bad in tree.xpath("//script|//style"):
            bad.drop_tree()
        texts += [t.strip() for t in tree.itertext() if t.strip()]
    for url in API:
        answer = client.get(f"{url}?lang={lang}")
        if answer.status_code == 200:
            texts += _strings(answer.json())
    return texts


def test_every_korean_text_of_the_dashboard_has_the_right_particles(client: TestClient) -> None:
    texts = _texts(client, "ko")
    assert sum(bool(re.search(r"[가-힣]", t)) for t in texts) > 30  # the pages were read
    assert [(t, particle_errors(t)) for t in texts if particle_errors(t)] == []


@pytest.mark.parametrize(
    "pattern", [r"(?<![\d.,])1 (?:years|deals|companies|sources)\b", r"\d\.\d{7,}"]
)
def test_english_dashboard_text_has_no_plural_slip_or_decimal_repr(
    client: TestClient, pattern: str
) -> None:
    texts = _texts(client, "en")
    assert len(texts) > 30
    assert [t for t in texts if re.search(pattern, t)] == []
