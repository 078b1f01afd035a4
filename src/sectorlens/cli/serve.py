"""``sectorlens serve``: the dashboard and HTTP API over the store (read-only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sectorlens.cli.app import DbOption, app


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    reference_text: Annotated[
        Path | None,
        typer.Option(
            "--reference-text",
            help="The reference report's text: the dashboard shows the checker's findings on it.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.", min=0.1)] = 5.0,
    row_cap: Annotated[int, typer.Option(help="Rows a response may carry.", min=1)] = 10_000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A Host name to serve besides localhost/127.0.0.1/::1 and --host "
            "(repeatable); other names get 400 (against DNS rebinding).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the dashboard and HTTP API over the store (read-only)."""
    from sectorlens.web.serve import serve as run  # the web stack loads only for this command
    from sectorlens.web.site import Settings

    settings = Settings(
        timeout=timeout,
        row_cap=row_cap,
        reference_text=reference_text,
        allowed_hosts=tuple(allow_host or ()),
    )
    run(
        db,
        host=host,
        port=port,
        settings=settings,
        announce=lambda line: typer.echo(line, err=True),
    )
