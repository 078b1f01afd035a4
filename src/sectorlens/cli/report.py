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
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            help="html, md, pdf or all (repeatable; default: html and md). Chart data ZIPs always.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the report (HTML, Markdown, PDF; charts and their data) from the store."""
    # Imported here so that other commands do not pay for the report's libraries. The chart
    # workers start first: they warm up while this process loads the rest and builds the report.
    from sectorlens.report.chartrender import ChartRenderer, default_cache_dir

    with ChartRenderer() as renderer:
        from sectorlens.report import LANGS, build_report, check_writable, write_report
        from sectorlens.report.render import DEFAULT_FORMATS, FORMATS
        from sectorlens.store import connect, default_db_path, ensure_reference, reference_needed

        if lang not in LANGS:
            raise UsageError(f"unknown --lang {lang!r}: use one of {', '.join(LANGS)}")
        formats = _formats(fmt or list(DEFAULT_FORMATS), FORMATS)
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
                con, lang, subject=subject, on_chart=lambda c: renderer.prefetch(c.spec, cache)
            )
        finally:
            con.close()
        for warning in built.warnings:
            typer.echo(f"warning: {warning}", err=True)
        files = write_report(built, out, renderer=renderer, formats=formats)
    wrote = [str(p) for p in (files.html, files.markdown) if p is not None]
    if wrote:
        wrote[0] += f" ({lang})"
    if files.pdf is not None:
        wrote.append(f"{files.pdf.path} ({lang}, {files.pdf.pages} pages)")
    typer.echo(
        f"wrote {', '.join(wrote)}, {len(files.charts)} chart files"
        f" and {len(files.chart_data)} chart-data ZIPs"
    )
    if files.pdf is not None:
        for warning in files.pdf.warnings:
            typer.echo(f"warning: PDF: {warning}", err=True)
        if files.pdf.missing_glyphs:
            typer.echo(
                f"warning: PDF: {files.pdf.missing_glyphs} characters have no glyph in the "
                "installed fonts and show as boxes (install Debian's fonts-noto-cjk)",
                err=True,
            )


def _formats(asked: list[str], known: tuple[str, ...]) -> tuple[str, ...]:
    """``--format`` values (``all``, or comma-separated) as known format names, in order."""
    out: list[str] = []
    for value in asked:
        for name in value.split(","):
            name = name.strip().lower()
            names = known if name == "all" else (name,)
            if name != "all" and name not in known:
                raise UsageError(f"unknown --format {name!r}: use {', '.join(known)} or all")
            out += [n for n in names if n not in out]
    return tuple(out)
