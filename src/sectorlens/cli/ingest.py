"""``sectorlens ingest PATH...``: load deal exports (and aggregate tables) into the store."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sectorlens.cli.app import DbOption, app
from sectorlens.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from sectorlens.ingest import LoadResult

_SHOWN = 8  # unmapped values listed per kind in the summary


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Export files (CSV, TSV, XLSX, JSON lines), or folders: their files are read.",
            show_default=False,
        ),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--source",
            help="auto (detect from the header), itjuzi, crunchbase, cset, india, nsf_sei, "
            "or a MAPPING.toml for any other export.",
        ),
    ] = "auto",
    db: DbOption = None,
    preview: Annotated[
        bool, typer.Option("--preview", help="Show normalized rows and rejects; write nothing.")
    ] = False,
    rows: Annotated[int, typer.Option("--rows", help="Rows shown by --preview.", min=1)] = 10,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Text encoding of the files (e.g. gb18030, cp949, utf-16); default: detected.",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Re-ingest a file in place of its earlier loads (e.g. with another encoding or "
            "mapping): they are removed in the same transaction.",
        ),
    ] = False,
    memory_limit: Annotated[
        str | None,
        typer.Option(
            "--memory-limit",
            help="DuckDB's memory limit for the load, e.g. 512MB or 2GiB (default: an eighth of "
            "the machine's memory, 64–256 MiB; the load streams, so more does not help).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Ingest exports into the store: normalized, every row accounted for, atomic, idempotent."""
    # Imported here so that other commands do not pay for the readers and their libraries.
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from sectorlens.cli.console import console as make_console
    from sectorlens.ingest import ingest
    from sectorlens.store import connect
    from sectorlens.store.memory import limit_memory, parse_size

    limit = None if memory_limit is None else parse_size(memory_limit)  # before anything opens
    _system_allocator()
    skipped: list[Path] = []
    paths = expand(paths, skipped)
    console = make_console(stderr=True)
    if skipped:
        console.print(
            "skipped (documentation, not exports): " + ", ".join(_safe(p.name) for p in skipped)
        )
    # Piped output (CI, files) is never wrapped: a path or a summary line stays one line.
    out = make_console()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        tasks: dict[Path, Any] = {}

        def progress(path: Path, done: int, total: int) -> None:
            if path not in tasks:
                tasks[path] = bar.add_task(path.name, total=total)
            bar.update(tasks[path], completed=done)

        if preview:
            results = ingest(
                None, paths, source=source, preview=rows, progress=progress, encoding=encoding
            )
        else:
            con = connect(db, on_upgrade=lambda note: typer.echo(note, err=True))
            try:
                limit_memory(con, limit)
                results = ingest(
                    con,
                    paths,
                    source=source,
                    progress=progress,
                    encoding=encoding,
                    replace=replace,
                )
            finally:
                con.close()
    for result in results:
        if preview:
            _print_preview(out, result)
        _print_summary(out, result)


def _system_allocator() -> None:
    """Arrow allocates through the C library's malloc for this process, unless
    ``ARROW_DEFAULT_MEMORY_POOL`` says otherwise.

    A load builds Arrow tables on one thread while DuckDB frees them on another: with mimalloc
    (the wheels' default) a 250k-row itjuzi load took ~6% more CPU, most of it in the main
    thread's Arrow allocations, and kept more memory (1M rows: 521 MiB peak RSS, 447 with malloc).
    """
    import os

    import pyarrow as pa

    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        pa.set_memory_pool(pa.system_memory_pool())


def _safe(value: object) -> str:
    """Data as inert text: control characters escaped, no Rich markup."""
    from rich.markup import escape

    from sectorlens.ingest.text import printable

    return escape(printable(str(value)))


# Files of a folder that document it rather than hold an export (named on the command line,
# they are read like any file).
_DOCS = re.compile(
    r"^(readme|licen[cs]e|provenance|notice|changelog|copying)([._-].*)?$|\.(md|pdf|html?)$",
    re.I,
)


def expand(paths: list[Path], skipped: list[Path] | None = None) -> list[Path]:
    """``paths`` with each folder replaced by the files in it (by name; hidden files and the
    folder's documentation — README, LICENSE, PROVENANCE, Markdown, PDF — skipped, and listed
    in ``skipped``)."""
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        docs = [p for p in files if _DOCS.search(p.name)]
        files = [p for p in files if p not in docs]
        if skipped is not None:
            skipped.extend(docs)
        if not files:
            raise UsageError(f"{path} is a folder with no files to ingest")
        out.extend(files)
    return out


def _print_summary(out: Console, r: LoadResult) -> None:
    from sectorlens.store.plausibility import year_spans

    if r.status == "skipped":
        out.print(
            f"{_safe(r.path)}: already loaded as {_safe(r.load_id)} (from "
            f"{_safe(r.previous_path)}); nothing added (--replace to load it again)"
        )
        return
    verb = "would load" if r.status == "preview" else "loaded"
    out.print(
        f"[bold]{_safe(r.path)}[/bold] ({_safe(r.source_format)}, load {_safe(r.load_id)}, "
        f"text {_safe(r.encoding)}): {r.rows_read} rows read, "
        f"{verb} {r.loaded} (deals {r.deals}, companies {r.companies}, "
        f"observations {r.observations}), rejected {sum(r.rejects.values())}"
    )
    if r.replaced:
        out.print("  replaced earlier load(s): " + _safe(", ".join(r.replaced)))
    if r.implausible:
        market = sum(r.above_market.values())
        why = "≥ 1,000× the median of their round and currency" + (
            f", or above a subject's whole market in their year ({market}: "
            + ", ".join(f"{_safe(s)} {n}" for s, n in r.above_market.items() if n)
            + ")"
            if market
            else ""
        )
        out.print(
            f"  implausible amounts flagged: {r.implausible} ({why}; left out of aggregates "
            "unless --include-implausible)"
        )
    for subject, years in r.no_market.items():
        out.print(
            f"  no market figure of {_safe(subject)} for {year_spans(sorted(years))} "
            f"({sum(years.values())} deals): only the median rule judged their amounts"
        )
    if r.rejects:
        out.print("  rejected by reason: " + _counts(r.rejects))
    t = r.tally
    for label, counter in (
        ("unmapped sectors", t.unmapped_sectors),
        ("unmapped places", t.unmapped_places),
        ("unmapped rounds", t.unmapped_rounds),
    ):
        if counter:
            out.print(f"  {label} ({len(counter)} distinct): " + _counts(counter, _SHOWN))
    if t.currencies:
        out.print("  currencies seen: " + _counts(t.currencies))
    if t.flags:
        out.print("  flags: " + _counts(t.flags))


def _counts(counter: Counter[str], limit: int | None = None) -> str:
    items = counter.most_common(limit)
    more = len(counter) - len(items)
    text = ", ".join(f"{_safe(k)} {v}" for k, v in items)
    return text + (f", … {more} more" if more > 0 else "")


def _print_preview(out: Console, r: LoadResult) -> None:
    from rich.table import Table

    from sectorlens.model import Company, Deal, Observation

    deals = [x for x in r.sample if isinstance(x, Deal)]
    companies = [x for x in r.sample if isinstance(x, Company)]
    observations = [x for x in r.sample if isinstance(x, Observation)]
    if deals:
        table = Table(title=f"{_safe(r.path.name)}: first deals", show_lines=False)
        for col in (
            "row",
            "company",
            "date",
            "round",
            "amount",
            "kind",
            "ccy",
            "value",
            "place",
            "sector",
        ):
            table.add_column(col, overflow="fold")
        for d in deals:
            f = d.fields
            place = "/".join(str(f[k]) for k in ("country", "province", "city") if f.get(k))
            table.add_row(
                *map(
                    _safe,
                    (
                        d.row_ref,
                        f.get("company_name") or "",
                        f.get("deal_date") or "",
                        f.get("round") or f.get("round_raw") or "",
                        f.get("amount_raw") or "",
                        f.get("amount_kind"),
                        f.get("currency") or "",
                        _value(f),
                        place,
                        f.get("sector") or "",
                    ),
                )
            )
        out.print(table)
    if companies:
        table = Table(title=f"{_safe(r.path.name)}: first companies")
        for col in ("row", "company", "place", "sector", "layer"):
            table.add_column(col, overflow="fold")
        for c in companies:
            f = c.fields
            place = "/".join(str(f[k]) for k in ("country", "province", "city") if f.get(k))
            table.add_row(
                *map(
                    _safe,
                    (c.row_ref, c.name, place, f.get("sector") or "", f.get("chain_layer") or ""),
                )
            )
        out.print(table)
    if observations:
        table = Table(title=f"{_safe(r.path.name)}: first observations")
        for col in ("metric", "period", "geography", "segment", "value", "unit", "note"):
            table.add_column(col, overflow="fold")
        for o in observations:
            table.add_row(
                *map(
                    _safe,
                    (
                        o.metric,
                        o.period_start.year if o.period_start else "",
                        o.geography or "",
                        o.segment or "",
                        o.value if o.value is not None else "",
                        o.unit,
                        o.note or "",
                    ),
                )
            )
        out.print(table)
    if r.sample_rejects:
        table = Table(title=f"{_safe(r.path.name)}: first rejects")
        for col in ("row", "reason", "detail"):
            table.add_column(col, overflow="fold")
        for j in r.sample_rejects:
            table.add_row(_safe(j.row_ref), _safe(j.reason), _safe(j.detail or ""))
        out.print(table)


def _value(row: dict[str, Any]) -> str:
    """The amount as read, in its own currency: a point or a low–high range."""
    value = row.get("amount_value")
    if value is not None:
        return f"{value:,.0f}"
    low, high = row.get("amount_low"), row.get("amount_high")
    if low is not None or high is not None:
        return f"{'' if low is None else f'{low:,.0f}'}–{'' if high is None else f'{high:,.0f}'}"
    return ""
