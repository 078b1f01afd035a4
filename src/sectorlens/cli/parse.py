"""``sectorlens parse``: read quantities from the command line or stdin."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from sectorlens.cli.app import app
from sectorlens.errors import UsageError
from sectorlens.model import Quantity
from sectorlens.parse import (
    as_dict,
    parse,
    parse_count,
    parse_money,
    parse_number,
    parse_percent,
    parse_period,
)


class As(StrEnum):
    """Which reader to use."""

    ANY = "any"
    MONEY = "money"
    NUMBER = "number"
    PERCENT = "percent"
    COUNT = "count"
    PERIOD = "period"


def _reader(how: As, currency: str | None, date_format: str | None) -> Callable[[str], Quantity]:
    readers: dict[As, Callable[[str], Quantity]] = {
        As.ANY: lambda s: parse(s, default_currency=currency, date_format=date_format),
        As.MONEY: lambda s: parse_money(s, default_currency=currency),
        As.NUMBER: parse_number,
        As.PERCENT: parse_percent,
        As.COUNT: parse_count,
        As.PERIOD: lambda s: parse_period(s, date_format=date_format),
    }
    return readers[how]


def _inputs(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        if text == "-":
            out.extend(line.rstrip("\r\n") for line in sys.stdin)
        else:
            out.append(text)
    return out


def _bounds(d: dict[str, object]) -> str:
    if d["value"] is not None and d["low"] == d["high"] == d["value"]:
        return str(d["value"])
    parts = [f"{k} {d[k]}" for k in ("value", "low", "high") if d[k] is not None]
    return ", ".join(parts)


@app.command("parse")
def parse_command(
    texts: Annotated[
        list[str],
        typer.Argument(
            help="Texts to read; '-' reads one text per line from stdin. Put '--' before "
            "texts that start with '-'.",
            show_default=False,
        ),
    ],
    default_currency: Annotated[
        str | None,
        typer.Option(
            "--default-currency",
            help="ISO code for bare amounts and ambiguous $, ¥, 달러 (e.g. USD).",
            show_default=False,
        ),
    ] = None,
    date_format: Annotated[
        str | None,
        typer.Option(
            "--date-format",
            help="Day/month order of dd/mm/yyyy dates: dmy, mdy, ymd or a strptime pattern.",
            show_default=False,
        ),
    ] = None,
    how: Annotated[As, typer.Option("--as", help="Reader to use.")] = As.ANY,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per input, in order.")
    ] = False,
) -> None:
    """Read numbers, money, percents, counts and periods (ko, zh, en)."""
    if default_currency is not None and not re.fullmatch(r"[A-Z]{3}", default_currency):
        raise UsageError(
            f"--default-currency must be an ISO code like USD, not {default_currency!r}"
        )
    read = _reader(how, default_currency, date_format)
    results = [as_dict(read(text)) for text in _inputs(texts)]
    if as_json:
        for d in results:
            typer.echo(json.dumps(d, ensure_ascii=False))
        return
    table = Table()
    for column in ("input", "kind", "value / bounds", "qualifier", "currency / unit", "period"):
        table.add_column(column, overflow="fold")
    table.add_column("equivalent / reason", overflow="fold")
    for d in results:
        eq = d["equivalent"]
        note = d["reason"] or (
            f"= {eq['value'] or _bounds(eq)} {eq['currency'] or ''}" if eq else ""
        )
        period = f"{d['start']} – {d['end']}" if d["start"] else ""
        table.add_row(
            str(d["input"]),
            str(d["kind"]),
            _bounds(d),
            d["qualifier"] or "",
            d["currency"] or d["unit"] or "",
            period,
            note,
        )
    Console().print(table)
