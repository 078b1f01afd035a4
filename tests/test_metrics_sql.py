"""Golden files of the DuckDB SQL that Ibis generates for the main metrics.

A change in a metric's expression (or in Ibis' SQL generation) shows up here as a diff.
Regenerate after a deliberate change with::

    SECTORLENS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_metrics_sql.py

and review the diff of ``tests/golden/metrics/`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
import pytest

from sectorlens.metrics import from_duckdb, sql

GOLDEN = Path(__file__).parent / "golden" / "metrics"
UPDATE = bool(os.environ.get("SECTORLENS_UPDATE_GOLDEN"))

CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("deals-year", "deals", {}),
    (
        "deals-quarter-province",
        "deals",
        {"by": ["quarter", "province"], "where": ["year>=2014", "round=a,b"]},
    ),
    ("ytd", "ytd", {"params": {"through": "07-31"}}),
    ("shares-province", "shares", {"by": ["province"], "currency": "USD"}),
    ("segments-sector", "segments", {"by": ["sector"]}),
    ("stage_mix", "stage_mix", {}),
    ("deal_size-year", "deal_size", {}),
    ("growth", "growth", {}),
    ("cohorts", "cohorts", {"by": ["sector"]}),
    ("reconcile", "reconcile", {"params": {"period": "2014-2018"}}),
]


@pytest.mark.parametrize(("label", "name", "request_"), CASES, ids=[c[0] for c in CASES])
def test_generated_sql_matches_golden(
    con: duckdb.DuckDBPyConnection, label: str, name: str, request_: dict[str, Any]
) -> None:
    generated = sql(from_duckdb(con), name, **request_)
    assert generated
    for key, text in generated.items():
        path = GOLDEN / f"{label}.{key}.sql"
        text = text.strip() + "\n"
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"{path} is missing: regenerate with SECTORLENS_UPDATE_GOLDEN=1"
        assert text == path.read_text(encoding="utf-8"), f"{path.name} differs"


def test_no_stale_golden_files() -> None:
    expected = {f"{label}." for label, _, _ in CASES}
    stale = [
        p.name for p in GOLDEN.glob("*.sql") if not any(p.name.startswith(e) for e in expected)
    ]
    assert stale == []
