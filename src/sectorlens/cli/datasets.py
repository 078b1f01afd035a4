"""``sectorlens datasets``: the bundled subjects (data sets) a report can be built from."""

from __future__ import annotations

from typing import Annotated

import typer

from sectorlens.cli.app import app


@app.command()
def datasets(
    lang: Annotated[str, typer.Option("--lang", help="Title language: ko or en.")] = "en",
) -> None:
    """List the bundled subjects: id, title, scope and folder."""
    from sectorlens.store.subject import list_subjects

    for info in list_subjects():
        years = f" {info.scope.years[0]}–{info.scope.years[1]}" if info.scope.years else ""
        countries = ",".join(info.scope.countries) or "-"
        mark = " (default)" if info.default else ""
        title = info.title.get(lang) or info.title.get("en") or ""
        typer.echo(f"{info.id}{mark}  {title}  [scope: {countries}{years}]  {info.path}")
    typer.echo("build one with: sectorlens report --subject ID [--lang ko|en]")
