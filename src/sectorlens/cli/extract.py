"""``sectorlens extract FILE``: the quantitative facts of a report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from sectorlens.cli.app import app

FileArg = Annotated[
    Path,
    typer.Argument(help="Report to read: .txt, .md, .html, .docx or .pdf.", show_default=False),
]
CurrencyOption = Annotated[
    str | None,
    typer.Option(
        "--default-currency",
        help="Currency of bare $ / ¥ / 달러 (ISO code); without it they are reported unread.",
        show_default=False,
    ),
]


@app.command("extract")
def extract_command(
    file: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
    default_currency: CurrencyOption = None,
) -> None:
    """Extract the facts of a report: values, units, periods, subjects, lines."""
    from rich.table import Table

    from sectorlens.cli.console import console as make_console
    from sectorlens.facts import extract_file
    from sectorlens.facts.coverage import coverage_dict, extraction_coverage
    from sectorlens.facts.render import extraction_dict, fact_dict

    extraction = extract_file(file, default_currency=default_currency)
    coverage = coverage_dict(extraction_coverage(extraction))
    if as_json:
        payload = extraction_dict(extraction)
        payload["coverage"] = coverage
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{file.name}: {len(extraction.facts)} facts", show_lines=False)
    for column in ("line", "kind", "value", "unit", "period", "subject", "text"):
        table.add_column(column, overflow="fold")
    for fact in extraction.facts:
        d = fact_dict(fact)
        value = d["value"] or "–".join(x for x in (d["low"], d["high"]) if x) or ""
        if d["qualifier"] not in (None, "exact"):
            value = f"{value} ({d['qualifier']})"
        period = "" if d["period"] is None else f"{d['period']['start']}..{d['period']['end']}"
        unit = (d["currency"] or "") + (d["unit"] or "")
        if d["equivalent"]:
            eq = d["equivalent"]
            unit += f" (= {eq['value'] or eq['low']} {eq['currency'] or ''})"
        subject = (d["subject"] or "") + (" [fig]" if d["figure"] and not fact.sentence else "")
        table.add_row(str(d["line"]), d["kind"], value, unit, period, subject, d["text"])
    console = make_console()
    console.print(table)
    ignored = ", ".join(f"{k} {v}" for k, v in coverage["ignored"].items())
    unread = ", ".join(f"{k} {v}" for k, v in coverage["unparsed"].items())
    console.print(
        f"{coverage['numbers']} numbers: {coverage['fact']} in facts; "
        f"ignored: {ignored or 'none'}; unparsed: {unread or 'none'}"
    )
    if extraction.unparsed:
        console.print(f"[yellow]{len(extraction.unparsed)} candidate(s) not read:[/yellow]")
        for f in extraction.unparsed:
            console.print(f"  line {f.line}: {f.quantity.input!r} — {f.quantity.reason}")
