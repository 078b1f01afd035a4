"""``sectorlens parse``: read quantities from the command line or stdin."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sectorlens.cli.app import app
from sectorlens.errors import UsageError

if TYPE_CHECKING:
    from sectorlens.model import Quantity


class As(StrEnum):
    """Which reader to use."""

    ANY = "any"
    MONEY = "money"
    NUMBER = "number"
    PERCENT = "percent"
    COUNT = "count"
    PERIOD = "period"


def _reader(how: As, currency: str | None, date_format: str | None) -> Callable[[str], Quantity]:
    from sectorlens.parse import (
        parse,
        parse_count,
        parse_money,
        parse_number,
        parse_percent,
        parse_period,
    )

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


def _reading(d: dict[str, Any]) -> str:
    """One line that says what was read: bounds, qualifier, currency or unit, period, reason."""
    if d["reason"]:
        return str(d["reason"])
    if d["start"]:
        return f"{d['start']} – {d['end']}"
    q = d["qualifier"]
    shown = {
        "exact": f"{d['value']}",
        "approx": f"≈ {d['value']}",
        "at_least": f"{'>' if d['low_open'] else '≥'} {d['low']}",
        "at_most": f"{'<' if d['high_open'] else '≤'} {d['high']}",
        "range": f"[{d['low']}, {d['high']})" if d["high_open"] else f"{d['low']} – {d['high']}",
    }.get(q, "")
    unit = (d["currency"] or "") + (d["unit"] or "")
    text = f"{shown} {unit}".strip()
    if d["equivalent"]:
        text += f" (= {_reading(d['equivalent'])})"
    for note in d["assumptions"]:
        text += f" ({note})"
    return text


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
    from sectorlens.parse import as_dict

    read = _reader(how, default_currency, date_format)
    results = [as_dict(read(text)) for text in _inputs(texts)]
    if as_json:
        for d in results:
            typer.echo(json.dumps(d, ensure_ascii=False))
        return
    from rich.table import Table

    from sectorlens.cli.console import console

    table = Table("input", "kind", "reading", box=None, pad_edge=False)
    for d in results:
        table.add_row(str(d["input"]), str(d["kind"]), _reading(d))
    console().print(table)
