"""Re-run the README's checked ``console`` examples and compare (or rewrite) their output.

A ``console`` block right after a ``<!-- console: checked -->`` line holds commands whose output
does not depend on the machine (no store paths, no clocks): each ``$ sectorlens …`` line is run
in a fresh temporary store from the repository's root, stdout and stderr together, and a
non-zero exit is shown as ``(exit status N)``, as the README writes it (as cog does for
datasette's documentation).

    python scripts/readme_console.py          # rewrite the checked blocks from real runs
    python scripts/readme_console.py --check  # exit 1 and show a diff when they drifted
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = "<!-- console: checked -->"
_BLOCK = re.compile(rf"({re.escape(MARK)}\n```console\n)(.*?)(\n```)", re.S)


def commands(block: str) -> list[str]:
    """The commands of a console block (``$ …`` lines, ``\\`` continuations joined)."""
    out: list[str] = []
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command += "\n" + lines[i]
            out.append(command)
        i += 1
    return out


def run(command: str, env: dict[str, str]) -> str:
    """``$ command`` and what it printed, as the README shows it."""
    args = shlex.split(command.replace("\\\n", " ").replace("\n", " "))
    if args[0] != "sectorlens":
        raise SystemExit(f"only sectorlens commands can be checked, not {command!r}")
    done = subprocess.run(
        [sys.executable, "-m", "sectorlens", *args[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [f"$ {command}", *(done.stdout + done.stderr).rstrip("\n").splitlines()]
    if done.returncode:
        lines.append(f"(exit status {done.returncode})")
    return "\n".join(line.rstrip() for line in lines)


def regenerate(text: str) -> str:
    """The README with every checked block's output from a real run."""

    def block(match: re.Match[str]) -> str:
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                **os.environ,
                "SECTORLENS_DB": str(Path(tmp) / "store.duckdb"),
                "SECTORLENS_CACHE": "off",
                "PYTHONPATH": str(ROOT / "src"),
                "COLUMNS": "100",
            }
            env.pop("FORCE_COLOR", None)
            body = "\n".join(run(c, env) for c in commands(match.group(2)))
        return match.group(1) + body + match.group(3)

    return _BLOCK.sub(block, text)


def main() -> int:
    """Rewrite the README's checked blocks, or with --check report drift (exit 1)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on drift")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args()
    text = args.readme.read_text(encoding="utf-8")
    fresh = regenerate(text)
    if args.check:
        if fresh != text:
            sys.stdout.writelines(
                difflib.unified_diff(
                    text.splitlines(True), fresh.splitlines(True), "README.md", "real runs"
                )
            )
            return 1
        return 0
    args.readme.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
