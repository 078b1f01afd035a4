"""``sectorlens db init`` and ``sectorlens db status``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sectorlens.cli.app import DbOption, app

db_app = typer.Typer(help="Create the store and show what it holds.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("init")
def init(
    db: DbOption = None,
    data: Annotated[
        Path | None,
        typer.Option(help="Reference data set folder (default: the bundled one).", exists=True),
    ] = None,
    force: Annotated[bool, typer.Option(help="Reload even if unchanged.")] = False,
) -> None:
    """Create the store if needed and load the reference data set (idempotent)."""
    from sectorlens.store import connect, default_db_path, load_reference

    path = db or default_db_path()
    con = connect(path, on_upgrade=lambda note: typer.echo(note, err=True))
    try:
        result = load_reference(con, data, force=force)
    finally:
        con.close()
    counts = ", ".join(f"{n} {table}" for table, n in result.counts.items())
    typer.echo(f"store: {path}")
    if result.loaded:
        typer.echo(f"loaded reference data set {result.dataset_id} ({counts}) as {result.load_id}")
    else:
        typer.echo(
            f"reference data set {result.dataset_id} already loaded as {result.load_id}; "
            "nothing changed"
        )


@db_app.command("status")
def status(db: DbOption = None) -> None:
    """Show the store's path, row counts per table and its loads."""
    from sectorlens.store import connect, default_db_path, store_status

    path = db or default_db_path()
    con = connect(path, read_only=True)
    try:
        info = store_status(con)
    finally:
        con.close()
    typer.echo(f"store: {path} (schema {info.schema_version})")
    typer.echo(f"reference load: {info.reference_load or 'none'}")
    typer.echo("")
    width = max(len(t) for t in info.counts)
    typer.echo(f"{'table':<{width}}  {'rows':>8}")
    for table, n in info.counts.items():
        typer.echo(f"{table:<{width}}  {n:>8,}")
    typer.echo("")
    typer.echo(f"loads: {len(info.loads)}")
    for load in info.loads:
        what = load.dataset_id or f"{load.deals or 0} deals, {load.rejects or 0} rejects"
        typer.echo(
            f"  {load.load_id}  {load.source_format}  {load.started_at:%Y-%m-%d %H:%M}  "
            f"{load.rows_read or 0} rows  {what}  {load.path}"
        )
