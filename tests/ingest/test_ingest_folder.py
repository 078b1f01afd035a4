"""``ingest FOLDER`` reads the exports in it, not the files that document them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAPPING = """
[source]
name = "f"
default_currency = "USD"
[columns]
company_name = "Company"
amount = "Amount"
"""


def test_a_folders_readme_licence_and_provenance_are_skipped(
    tmp_path: Path, cli: Any, db_path: Path
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "deals.csv").write_text("Company,Amount\nA,100\nB,200\n", "utf-8")
    for name in ("PROVENANCE.txt", "README.md", "LICENSE.txt", "notes.pdf"):
        (folder / name).write_text("repo: somewhere\nlicence: none stated\n", "utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text(MAPPING, "utf-8")
    result = cli("ingest", str(folder), "--source", str(mapping))
    assert result.exit_code == 0, result.stderr
    assert "skipped (documentation, not exports): LICENSE.txt, PROVENANCE.txt, README.md, " in (
        result.stderr
    )
    assert "2 rows read, loaded 2" in result.stdout


def test_a_documentation_file_named_on_the_command_line_is_read(
    tmp_path: Path, cli: Any, db_path: Path
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# notes\n", "utf-8")
    result = cli("ingest", str(readme))
    assert result.exit_code != 0 and "unknown file type .md" in result.stderr
