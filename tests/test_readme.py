"""The README's checked console examples are what the commands print today (cog-style)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_console_examples_match_real_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("<!-- console: checked -->") >= 2
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts/readme_console.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, (
        "README console examples drifted; run `python scripts/readme_console.py`:\n" + done.stdout
    )
