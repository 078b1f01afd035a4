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
