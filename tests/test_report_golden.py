"""Golden files of the report text (Markdown) and chart specs (Vega-Lite JSON) in ko and en.

Regenerate after an intended change, then review the diff:
``SECTORLENS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py``.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sectorlens.fx import FxRates
from sectorlens.report import build_report, render_markdown
from sectorlens.report.blocks import Chart
from sectorlens.store import load_reference

GOLDEN = Path(__file__).parent / "golden"
DAY = date(2026, 1, 1)  # the cover's date, fixed so that the text does not change daily


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_report_text_matches_golden(con: duckdb.DuckDBPyConnection, fx: FxRates, lang: str) -> None:
    load_reference(con)
    # A fixed font name keeps the text independent of the fonts installed on the machine.
    text = render_markdown(build_report(con, lang, fx=fx, font="Noto Sans CJK KR", today=DAY))
    path = GOLDEN / f"report.{lang}.md"
    if os.environ.get("SECTORLENS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with SECTORLENS_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_chart_specs_match_golden(con: duckdb.DuckDBPyConnection, fx: FxRates, lang: str) -> None:
    # The specs are written without Altair; these files hold what Altair 6 made of the same
    # charts, key order included (the order Vega-Lite reads them in), so the pictures are as before.
    load_reference(con)
    built = build_report(con, lang, fx=fx, font="Noto Sans CJK KR", today=DAY)
    specs = {b.chart_id: b.spec for s in built.sections for b in s.blocks if isinstance(b, Chart)}
    text = json.dumps(specs, ensure_ascii=False, indent=1) + "\n"
    path = GOLDEN / f"charts.{lang}.json"
    if os.environ.get("SECTORLENS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with SECTORLENS_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
