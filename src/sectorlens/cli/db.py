"""``sectorlens db init``, ``db status``, ``db loads``, ``db drop LOAD_ID`` and ``db export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sectorlens.cli.app import DbOption, app

db_app = typer.Typer(
    help="Create the store, show what it holds, list and drop loads, export it as Parquet.",
    no_args_is_help=True,
)
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


@db_app.command("export")
def export(
    parquet: Annotated[
        Path, typer.Option("--parquet", help="Folder to write one NAME.parquet per table into.")
    ],
    db: DbOption = None,
) -> None:
    """Write the tables metrics read as Parquet (for `query --engine spark --parquet DIR`)."""
    from sectorlens.metrics.spark import export_parquet
    from sectorlens.store import connect, default_db_path

    path = db or default_db_path()
    con = connect(path, read_only=True)
    try:
        written = export_parquet(con, parquet)
    finally:
        con.close()
    typer.echo(f"store: {path}")
    for item in written:
        size = item.path.stat().st_size / 2**20
        typer.echo(f"{item.table:<12} {item.rows:>12,} rows → {item.path} ({size:.1f} MiB)")


@db_app.command("status")
def status(db: DbOption = None) -> None:
    """Show the store's path, row counts per table and its loads."""
    from sectorlens.ingest.text import printable
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
            printable(
                f"  {load.load_id}  {load.source_format}  {load.started_at:%Y-%m-%d %H:%M}  "
                f"{load.rows_read or 0} rows  {what}  {load.path}"
            )
        )


@db_app.command("loads")
def loads(db: DbOption = None) -> None:
    """List the loads: id, format, file, text encoding, rows read and where they went, time."""
    from sectorlens.ingest.text import printable
    from sectorlens.store import connect, default_db_path
    from sectorlens.store.loads import list_loads

    path = db or default_db_path()
    con = connect(path, read_only=True)
    try:
        found = list_loads(con)
    finally:
        con.close()
    typer.echo(f"store: {printable(str(path))} ({len(found)} loads)")
    for load in found:
        options = load.options
        what = options.get("dataset_id") or (
            f"{load.rows_read:,} rows: {load.deals:,} deals, {load.companies:,} companies, "
            f"{load.observations:,} observations, {load.rejects:,} rejects"
        )
        encoding = options.get("encoding")
        when = f"{load.started_at:%Y-%m-%d %H:%M:%S}"
        if load.finished_at is not None:
            when += f" ({(load.finished_at - load.started_at).total_seconds():.1f} s)"
        typer.echo(printable(f"{load.load_id}  {load.source_format}  {when}"))
        typer.echo(printable(f"    {load.path}" + (f"  [{encoding}]" if encoding else "")))
        typer.echo(printable(f"    {what}"))


@db_app.command("drop")
def drop(
    load_id: Annotated[str, typer.Argument(help="The load to remove (see `sectorlens db loads`).")],
    db: DbOption = None,
) -> None:
    """Remove one load and every row it added (deals, companies, rejects, …), atomically."""
    from sectorlens.errors import StoreError
    from sectorlens.ingest.text import printable
    from sectorlens.store import connect, default_db_path
    from sectorlens.store.loads import drop_load

    path = db or default_db_path()
    if not Path(path).expanduser().exists():
        raise StoreError(f"no store at {printable(str(path))}")
    try:
        con = connect(path)
    except StoreError as exc:
        if "lock" in str(exc).lower():
            raise StoreError(
                f"cannot drop {printable(load_id)}: the store {printable(str(path))} is open in "
                "another process (a running `sectorlens serve`?); stop it and try again; "
                "nothing was changed"
            ) from exc
        raise
    try:
        removed = drop_load(con, load_id)
    finally:
        con.close()
    counts = ", ".join(f"{n:,} {table}" for table, n in removed.items() if n)
    typer.echo(printable(f"dropped load {load_id}: removed {counts or 'no rows'}"))
