"""Curated numbers checked against the originals in ../shared (skip where absent)."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from sectorlens.store import bundled_dataset, read_reference

pytestmark = pytest.mark.shared


def _table(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["row_id"]: r for r in csv.DictReader(handle)}


def test_pitchbook_figures_match_nsf_sei_tables(shared_data: Path) -> None:
    tables = {
        "nsf_sei_6208": (_table(shared_data / "nsf_sei/6208/data.csv"), Decimal(10**6), 2020),
        "nsf_sei_1974": (_table(shared_data / "nsf_sei/1974/data.csv"), Decimal(1), 2018),
    }
    curated = [o for o in read_reference().observations if o.source_id in tables]
    seen: set[tuple[str, str, int]] = set()
    for obs in curated:
        table, scale, _ = tables[obs.source_id]
        row_id = (obs.locator or "").split()[-1]
        assert obs.period_start is not None
        year = obs.period_start.year
        original = table[row_id][f"field_{year}"]
        assert obs.value == Decimal(original) * scale, obs.obs_id
        seen.add((obs.source_id, row_id, year))
    # Every published cell of 2014..last year is curated; only NA / empty cells are left out.
    for source_id, (table, _, last) in tables.items():
        for row_id, row in table.items():
            for year in range(2014, last + 1):
                cell = row[f"field_{year}"]
                if cell and cell != "NA":
                    assert (source_id, row_id, year) in seen, (source_id, row_id, year)


def test_no_seed_sentence_is_copied_into_the_repository(seed_text_path: Path) -> None:
    text = seed_text_path.read_text(encoding="utf-8")
    # Sentence-like runs of the seed (long enough to be prose, not a name or a citation).
    chunks = {
        re.sub(r"\s+", " ", c).strip() for c in re.split(r"[.。!?\n]", text) if len(c.strip()) >= 30
    }
    assert len(chunks) > 50
    repo = Path(__file__).resolve().parents[1]
    files = [bundled_dataset(), repo / "src", repo / "tests", repo / "README.md"]
    corpus = ""
    for root in files:
        paths = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in paths:
            if path.suffix in {".py", ".csv", ".yaml", ".md", ".j2", ".txt", ".html", ".css"}:
                corpus += re.sub(r"\s+", " ", path.read_text(encoding="utf-8", errors="ignore"))
    copied = [c for c in chunks if c in corpus]
    assert copied == []
