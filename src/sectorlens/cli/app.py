"""The Typer application and the options commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="sectorlens",
    help="Checked, cited, bilingual (ko/en) industry reports from data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="DuckDB store file (default: $SECTORLENS_DB or a per-user data file).",
        show_default=False,
    ),
]


@app.callback()
def _root() -> None:
    """Checked, cited, bilingual (ko/en) industry reports from data."""
