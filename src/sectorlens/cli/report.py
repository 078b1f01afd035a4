"""``sectorlens report``: build the industry report from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sectorlens.cli.app import DbOption, app
from sectorlens.errors import StoreError, UsageError


@app.command()
def report(
    lang: Annotated[str, typer.Option("--lang", help="Report language: ko or en.")] = "ko",
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("report"),
    subject: Annotated[
        str | None,
        typer.Option(
            "--subject",
            help="Data set to report on (see `sectorlens datasets`; default: the store's current).",
        ),
    ] = None,
    db: DbOption = None,
    include_implausible: Annotated[
        bool,
        typer.Option(
            "--include-implausible",
            help="Keep deals flagged implausible_amount in the deal sections (left out by "
            "default; a note says how many either way).",
        ),
    ] = False,
) -> None:
    """Write the report (index.html, report.md, charts/*.svg|png) from the store."""
    # Imported here so that other commands do not pay for the report's libraries. The chart
    # workers start first: they warm up while this process loads the rest and builds the report.
    from sectorlens.report.chartrender import ChartRenderer, default_cache_dir

    with ChartRenderer() as renderer:
        from sectorlens.report import LANGS, build_report, check_writable, write_report
        from sectorlens.store import connect, default_db_path, ensure_reference, reference_needed

        if lang not in LANGS:
            raise UsageError(f"unknown --lang {lang!r}: use one of {', '.join(LANGS)}")
        check_writable(out)
        if db is not None and not db.exists():
            raise StoreError(f"no store at {db}: run `sectorlens db init --db {db}` first")
        path = db or default_db_path()
        # Read-only (so a report runs beside `sectorlens serve`), unless the store must be
        # written first: a new store, an older schema, a missing or outdated bundled subject.
        con = None
        if path.exists():
            try:
                con = connect(path, read_only=True)
            except StoreError:
                con = None  # an older schema (upgraded below), or a lock the next open names
        if con is None or reference_needed(con, subject):
            if con is not None:
                con.close()
            con = connect(path, on_upgrade=lambda note: typer.echo(note, err=True))
        try:
            loaded = ensure_reference(con, subject)
            if loaded is not None:
                typer.echo(f"loaded reference data set {loaded.dataset_id} into {path}", err=True)
            cache = default_cache_dir()
            built = build_report(
                con,
                lang,
                subject=subject,
                on_chart=lambda c: renderer.prefetch(c.spec, cache),
                include_implausible=include_implausible,
            )
        finally:
            con.close()
        for warning in built.warnings:
            typer.echo(f"warning: {warning}", err=True)
        files = write_report(built, out, renderer=renderer)
    typer.echo(f"wrote {files.html} ({lang}), {files.markdown} and {len(files.charts)} chart files")
