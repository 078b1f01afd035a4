"""The thin command-line layer: arguments in, library call, output out."""

from __future__ import annotations

import importlib.abc
import os
import sys
from typing import Any

import typer

from sectorlens.cli.app import app, plain_help
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

__all__ = ["app", "main", "run"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; user errors become one line on stderr and a non-zero exit."""
    try:
        command = plain_help(typer.main.get_command(app))
        command(args=argv, prog_name="sectorlens")  # exits through SystemExit
    except SectorlensError as exc:
        from sectorlens.ingest.text import printable

        typer.echo(f"error: {printable(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


def run() -> None:
    """The ``sectorlens`` program (a process of its own): :func:`main` with start-up trimmed.

    ``query`` on DuckDB and ``ingest`` never need pandas nor numpy, but pyarrow imports them
    (half a second) on import and on its first Python → Arrow conversion, only to ask whether a
    value is one of theirs. In a process of its own these commands tell pyarrow there are none;
    in-process callers of :func:`main` (tests, notebooks) keep them.
    """
    args = sys.argv[1:]
    # ``ingest`` builds Arrow tables from Python lists: the first such conversion imported
    # pandas and numpy (half a second of every load's fixed cost), which no reader needs
    lean = args[:1] == ["ingest"] or (
        args[:1] == ["query"] and not any(a.startswith("--engine") for a in args)
    )
    if lean:
        sys.meta_path.insert(0, _NoPandas())
        # typer validates options with pydantic, whose plugin look-up scans every installed
        # package's metadata (tens of ms); sectorlens uses no pydantic plugin
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    main(args)


class _NoPandas(importlib.abc.MetaPathFinder):
    """An import finder for which pandas and numpy are not installed."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        """``import pandas`` or ``numpy`` fails (ModuleNotFoundError); others go on."""
        if name.partition(".")[0] in ("pandas", "numpy"):
            raise ModuleNotFoundError(f"no {name} on the query path", name=name)
