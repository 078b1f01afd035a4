"""``prose.yaml``: authored qualitative points are checked on load and shown as cited blocks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sectorlens.errors import InputError
from sectorlens.store.refdata import bundled_dataset, read_reference


def test_the_bundled_points_load_with_their_sources_and_locators() -> None:
    prose = read_reference(bundled_dataset("cn_ai_2021")).presentation["prose"]
    assert {p["kind"] for p in prose} == {"risk", "priority", "context", "implication"}
    assert all(p["text"]["ko"] and p["text"]["en"] and p["source_id"] for p in prose)
    assert all(p["locator"] for p in prose)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("section: chain", "section: nowhere", r"prose\.yaml:5: section 'nowhere'"),
        ("kind: risk", "kind: rumour", r"kind 'rumour' is not one of"),
        ("cites: [leadleo_2020]", "cites: [nobody]", r"unknown source 'nobody'"),
        ("  source_id: seed_report\n", "  source_id: seed_report\n  colour: red\n", "colour"),
        ("prose_id: priority_regions", "prose_id: priority_talent", "appears twice"),
    ],
)
def test_a_bad_point_is_a_load_error_naming_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    ds = tmp_path / "ds"
    shutil.copytree(bundled_dataset("cn_ai_2021"), ds)
    path = ds / "prose.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_reference(ds)


def test_a_text_in_one_language_only_is_refused(tmp_path: Path) -> None:
    ds = tmp_path / "ds"
    shutil.copytree(bundled_dataset("cn_ai_2021"), ds)
    (ds / "prose.yaml").write_text(
        "- {prose_id: x, section: chain, text: {ko: 한국어만}, source_id: seed_report}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="needs a text in each of ko, en"):
        read_reference(ds)
