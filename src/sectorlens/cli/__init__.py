"""The thin command-line layer: arguments in, library call, output out."""

from __future__ import annotations

import sys

import typer

from sectorlens.cli.app import app
from sectorlens.errors import SectorlensError

# Each module registers its commands on ``app`` when imported.
from sectorlens.cli import db as _db  # noqa: F401  isort: skip
from sectorlens.cli import datasets as _datasets  # noqa: F401  isort: skip
from sectorlens.cli import report as _report  # noqa: F401  isort: skip
from sectorlens.cli import version as _version  # noqa: F401  isort: skip
from sectorlens.cli import parse as _parse  # noqa: F401  isort: skip
from sectorlens.cli import query as _query  # noqa: F401  isort: skip
from sectorlens.cli import check as _check, extract as _extract  # noqa: F401  isort: skip
from sectorlens.cli import ingest as _ingest  # noqa: F401  isort: skip
from sectorlens.cli import serve as _serve  # noqa: F401  isort: skip

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors become one line on stderr and a non-zero exit."""
    try:
        app(args=argv, prog_name="sectorlens")  # exits through SystemExit
    except SectorlensError as exc:
        from sectorlens.ingest.text import printable

        typer.echo(f"error: {printable(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
