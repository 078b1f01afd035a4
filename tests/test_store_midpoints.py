"""Deals written without their derived midpoint are refused, never summed as no amount."""

from __future__ import annotations

from pathlib import Path

import pytest

import metrics_data
from sectorlens.errors import StoreError
from sectorlens.metrics import compute, from_duckdb, open_engine
from sectorlens.store import connect


def _store_with_a_raw_deal(path: Path) -> None:
    con = connect(path)
    metrics_data.fill(con)  # written as a load writes them: midpoints derived
    one = "SELECT min(deal_id) FROM deals WHERE amount_value IS NOT NULL"
    con.execute(f"UPDATE deals SET amount_mid_x2 = NULL WHERE deal_id = ({one})")
    con.close()


def test_a_deal_without_its_midpoint_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    _store_with_a_raw_deal(path)
    con = connect(path, read_only=True)
    try:
        with pytest.raises(StoreError, match=r"^1 deals have an amount but no derived midpoint"):
            from_duckdb(con)
    finally:
        con.close()
    with pytest.raises(StoreError, match="sectorlens db init"):
        open_engine(path)


def test_opening_the_store_for_writing_derives_them(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    _store_with_a_raw_deal(path)
    connect(path).close()  # what `sectorlens db init` (or any write command) does first
    con = connect(path, read_only=True)
    try:
        years = compute(from_duckdb(con), "deals", currency="CNY").to_pylist()
    finally:
        con.close()
    assert sum(r["deals"] for r in years) == 12
    assert all(r["amount_mid"] is not None for r in years if r["period"] is not None)
