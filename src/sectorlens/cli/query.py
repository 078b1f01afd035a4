"""``sectorlens query METRIC``: one metric over the store, as a table or a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sectorlens.cli.app import DbOption, app
from sectorlens.errors import UsageError

if TYPE_CHECKING:
    import pyarrow as pa

    from sectorlens.metrics import MetricResult, Scope
    from sectorlens.metrics.scope import ScopeCounts

# The names of ``sectorlens.metrics.output.FORMATS``, spelled out so that --help needs no Arrow.
FORMAT_HELP = "table | csv | json | parquet | xlsx"


def _pairs(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param takes NAME=VALUE, not {item!r}")
        out[key.strip()] = value.strip()
    return out


def _spark_options(
    engine: str, master: str | None, conf: list[str] | None, parquet: str | None
) -> dict[str, Any]:
    """The Spark keywords of ``open_engine`` (an error if given to another engine)."""
    given = [
        flag
        for flag, value in (
            ("--spark-master", master),
            ("--spark-conf", conf),
            ("--parquet", parquet),
        )
        if value
    ]
    if engine != "spark":
        if given:
            raise UsageError(f"{given[0]} needs --engine spark")
        return {}
    settings: dict[str, str] = {}
    for item in conf or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--spark-conf takes KEY=VALUE, not {item!r}")
        settings[key.strip()] = value.strip()
    return {
        "spark_master": master or "local[2]",
        "spark_conf": settings,
        "parquet": parquet,
        "on_note": lambda note: typer.echo(note, err=True),
    }


@app.command()
def query(
    metric: Annotated[str | None, typer.Argument(help="Metric name (see --list).")] = None,
    by: Annotated[list[str] | None, typer.Option("--by", help="Group by (repeatable).")] = None,
    where: Annotated[
        list[str] | None,
        typer.Option("--where", help="Filter FIELD OP VALUE, e.g. year>=2014 (repeatable)."),
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", help="Metric parameter NAME=VALUE.")
    ] = None,
    currency: Annotated[
        str | None,
        typer.Option(
            help="Any currency of the store's rate table (default: the subject's currency, "
            "else the deals' most common one)."
        ),
    ] = None,
    subject: Annotated[
        str | None,
        typer.Option(
            "--subject", help="Only the deals in this subject's scope (its id or data set folder)."
        ),
    ] = None,
    include_implausible: Annotated[
        bool,
        typer.Option(
            "--include-implausible",
            help="Keep deals flagged implausible_amount at ingest (left out by default).",
        ),
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "table",
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file.")] = None,
    engine: Annotated[str, typer.Option(help="duckdb or spark.")] = "duckdb",
    spark_master: Annotated[
        str | None,
        typer.Option(
            "--spark-master",
            help="Spark master URL: local[N], spark://HOST:7077, k8s://… (default local[2]).",
        ),
    ] = None,
    spark_conf: Annotated[
        list[str] | None,
        typer.Option("--spark-conf", help="Spark setting KEY=VALUE (repeatable)."),
    ] = None,
    parquet: Annotated[
        str | None,
        typer.Option(
            "--parquet",
            help="Spark reads the tables from this folder or URI (written by `db export`; "
            "default: an export cached beside the store).",
        ),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the metrics.")] = False,
    raw: Annotated[
        bool,
        typer.Option("--raw", help="Tables show exact decimals (not rounded, grouped amounts)."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Compute one metric over the store (read-only)."""
    # Imported here so that other commands do not pay for Ibis and Arrow.
    from sectorlens.metrics import REGISTRY, Scope, compute, open_engine
    from sectorlens.metrics.output import BINARY_FORMATS, FORMATS, cell_text, render
    from sectorlens.metrics.scope import find_subject, scope_counts

    if list_ or metric is None:
        for m in REGISTRY.values():
            by_text = f" [--by {'|'.join(m.by)}]" if m.by else ""
            params = "".join(f" [--param {p.name}=…]" for p in m.params)
            typer.echo(f"{m.name:<14} {m.title}{by_text}{params}")
        return
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS and out is None:
        raise UsageError(f"--format {fmt} writes a binary file: give --out FILE")
    spark_options = _spark_options(engine, spark_master, spark_conf, parquet)
    if engine == "duckdb":
        result, counts, scope = _compiled(
            db, metric, by, where, currency, param, subject, include_implausible
        )
    else:
        if subject is not None:
            from sectorlens.store.connection import connect

            with connect(db, read_only=True) as con:
                scope = Scope.from_subject(find_subject(con, subject))
        else:
            scope = None
        with open_engine(db, engine, **spark_options) as eng:
            result = compute(
                eng,
                metric,
                by=by,
                where=[
                    *(where or ()),
                    *(["implausible=true,false"] if include_implausible else []),
                ],
                currency=currency,
                params=_pairs(param or []),
                scope=scope,
            )
            counts = scope_counts(eng, scope) if scope is not None else None
    if scope is not None and counts is not None:
        typer.echo(f"subject {scope.subject} ({scope.describe()}): {counts.describe()}", err=True)
    q = result.query
    meta = {
        "metric": metric,
        "by": list(q.by),
        "where": [str(f) for f in q.where],
        "currency": q.currency,
        "subject": scope.subject if scope is not None else None,
        "params": {k: cell_text(v) for k, v in q.params.items()},
        "engine": result.engine,
    }
    if fmt == "table":
        _print_table(result.table, metric, meta, out, raw=raw)
        return
    data = render(result.table, fmt, meta)
    if out is None:
        typer.echo(data if isinstance(data, str) else data.decode(), nl=False)
    else:
        try:
            if isinstance(data, str):
                out.write_text(data, encoding="utf-8")
            else:
                out.write_bytes(data)
        except OSError as exc:
            raise UsageError(f"cannot write {out}: {exc.strerror}") from exc
        typer.echo(f"{result.table.num_rows} rows → {out}", err=True)


def _compiled(
    db: Path | None,
    metric: str,
    by: list[str] | None,
    where: list[str] | None,
    currency: str | None,
    param: list[str] | None,
    subject: str | None,
    include_implausible: bool,
) -> tuple[MetricResult, ScopeCounts | None, Scope | None]:
    """The metric on DuckDB from a compiled plan (no Ibis once the query's shape is known)."""
    from sectorlens.metrics import Scope, get_metric
    from sectorlens.metrics.compiled import Compiled
    from sectorlens.metrics.scope import find_subject
    from sectorlens.store.connection import connect

    with connect(db, read_only=True) as con:
        scope = Scope.from_subject(find_subject(con, subject)) if subject is not None else None
        if where:
            from sectorlens.cli.where import resolve_where

            where = resolve_where(con, where, get_metric(metric).table)
        compiled = Compiled(con)
        result = compiled.compute(
            con,
            metric,
            by=by,
            where=[*(where or ()), *(["implausible=true,false"] if include_implausible else [])],
            currency=currency,
            params=_pairs(param or []),
            scope=scope,
        )
        counts = compiled.scope_counts(con, scope) if scope is not None else None
    return result, counts, scope


def _print_table(table: pa.Table, metric: str, meta: dict, out: Path | None, *, raw: bool) -> None:
    from rich import box
    from rich.table import Table

    from sectorlens.cli.console import console
    from sectorlens.metrics.output import cell_text, readable

    title = f"{metric} ({', '.join(meta['by']) or 'all'}; amounts in {meta['currency']})"
    if meta["where"]:
        title += f" where {' and '.join(meta['where'])}"
    t = Table(
        title=title, box=box.SIMPLE_HEAD, title_justify="left", show_edge=False, pad_edge=False
    )
    numeric = [_is_number(f.type) for f in table.schema]
    for name, right in zip(table.column_names, numeric, strict=True):
        t.add_column(name, justify="right" if right else "left", no_wrap=True)
    for row in table.to_pylist():
        cells = [(cell_text(v) if raw else readable(v, name)) or "–" for name, v in row.items()]
        t.add_row(*cells)
    if out is None:
        console().print(t)
        return
    try:
        with out.open("w", encoding="utf-8") as fh:
            console(file=fh).print(t)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror}") from exc


def _is_number(typ: pa.DataType) -> bool:
    import pyarrow.types as pt

    return bool(pt.is_integer(typ) or pt.is_decimal(typ) or pt.is_floating(typ))
