"""The README's mapping reference lists exactly the keys the loader accepts; its examples load."""

from __future__ import annotations

import re
from pathlib import Path

from sectorlens.sources.generic import FIELDS, SETTINGS, load_mapping

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text("utf-8")
    start = text.index("### Any other export: a mapping file")
    return text[start : text.index("### ", start + 5)]


def test_source_keys_and_fields_match_the_loader() -> None:
    section = _section()
    table = section[section.index("`[source]`") : section.index("`[columns]`")]
    documented = set(re.findall(r"^\| `(\w+)` \|", table, re.M))
    assert documented == set(SETTINGS)
    columns = section[section.index("`[columns]`") : section.index("`[units]`")]
    assert set(re.findall(r"`(\w+)`", columns)) - {"columns"} == set(FIELDS)


def test_the_readme_examples_are_valid_mappings(tmp_path: Path) -> None:
    examples = re.findall(r"```toml\n(.*?)```", _section(), re.S)
    assert len(examples) == 4
    for n, body in enumerate(examples):
        path = tmp_path / f"m{n}.toml"
        path.write_text(body, "utf-8")
        spec = load_mapping(path)
        assert spec["columns"]["company_name"]
