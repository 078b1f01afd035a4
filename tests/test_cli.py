"""The CLI shell: version, help, unknown commands."""

from __future__ import annotations

import subprocess
import sys

from sectorlens import __version__


def test_version(cli) -> None:
    result = cli("version")
    assert result.exit_code == 0
    assert result.stdout.strip() == __version__


def test_unknown_command_exits_2(cli) -> None:
    result = cli("no-such-command")
    assert result.exit_code == 2
    assert "no-such-command" in result.stderr


def test_python_dash_m() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sectorlens", "version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == __version__


# Libraries only some commands need; loading them all cost every command a second of start-up.
HEAVY = ("ibis", "pyarrow", "pandas", "duckdb", "altair", "vl_convert", "jinja2", "ftfy",
         "sectorlens.facts", "sectorlens.sources", "sectorlens.report.build")  # fmt: skip


def _imported_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_cli_start_up_loads_no_command_library() -> None:
    loaded = set(_imported_after("import sectorlens.cli"))
    assert [m for m in HEAVY if m in loaded] == []


def test_the_report_of_reference_data_needs_neither_ibis_nor_arrow() -> None:
    code = (
        "from sectorlens.report import build_report\n"
        "from sectorlens.store import connect, ensure_reference\n"
        "con = connect(':memory:'); ensure_reference(con); build_report(con, 'en', font='x')"
    )
    loaded = set(_imported_after(code))
    assert [m for m in ("ibis", "pyarrow", "pandas", "altair") if m in loaded] == []


def test_query_help_names_every_format() -> None:
    from sectorlens.cli.query import FORMAT_HELP
    from sectorlens.metrics.output import FORMATS

    assert FORMAT_HELP.split(" | ") == list(FORMATS)
