"""Golden files of the report text (Markdown) in ko and en.

Regenerate after an intended change, then review the diff:
``SECTORLENS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from sectorlens.fx import FxRates
from sectorlens.report import build_report, render_markdown
from sectorlens.store import load_reference

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_report_text_matches_golden(con: duckdb.DuckDBPyConnection, fx: FxRates, lang: str) -> None:
    load_reference(con)
    # A fixed font name keeps the text independent of the fonts installed on the machine.
    text = render_markdown(build_report(con, lang, fx=fx, font="Noto Sans CJK KR"))
    path = GOLDEN / f"report.{lang}.md"
    if os.environ.get("SECTORLENS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with SECTORLENS_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
