"""Run the CLI as ``python -m sectorlens``."""

from __future__ import annotations

from sectorlens.cli import run

if __name__ == "__main__":
    run()
