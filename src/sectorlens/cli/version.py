"""``sectorlens version``."""

from __future__ import annotations

import typer

from sectorlens import __version__
from sectorlens.cli.app import app


@app.command()
def version() -> None:
    """Print the version of sectorlens."""
    typer.echo(__version__)
