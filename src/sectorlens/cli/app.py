"""The Typer application and the options commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

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


def _print_version(value: bool) -> None:
    if value:
        from sectorlens import __version__

        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Checked, cited, bilingual (ko/en) industry reports from data."""


def plain_help(command: Any) -> Any:
    """``command`` (and its subcommands) with help that shows flags without ``<bool>`` and
    arguments as ``FILE`` / ``[METRIC]`` rather than ``{file}`` / ``[metric]``."""
    for param in command.params:
        if getattr(param, "is_flag", False):
            param.display_type_rich = lambda ctx: None
        elif param.param_type_name == "argument":
            param.make_metavar = _usage_metavar(param, param.make_metavar)
    original = command.get_help_option

    def help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.display_type_rich = lambda ctx: None
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)
    return command


def _usage_metavar(param: Any, original: Any) -> Any:
    def make_metavar(ctx: Any, *, usage: bool = False) -> str:
        if not usage:
            return str(original(ctx, usage=usage))
        text = str(param.metavar or param.name or "").upper()
        text = text if param.required else f"[{text}]"
        return text + ("..." if param.nargs != 1 else "")

    return make_metavar
