"""A metric result as CSV, JSON, Parquet or XLSX (exact values: decimals are never floats)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (imported on use: the report's chart data needs only the CSV writer)
    import pyarrow as pa

from sectorlens.errors import UsageError

FORMATS = ("table", "csv", "json", "parquet", "xlsx")
BINARY_FORMATS = ("parquet", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")


def safe_cell(text: str) -> str:
    """``text`` made inert for spreadsheets: a leading ``= + - @`` (or tab/CR) gets a ``'``.

    Plain numbers (``-12.5``) are left alone: they cannot be formulas, and quoting them would
    turn every negative growth rate into text. Every CSV sectorlens writes (CLI and web) uses it.
    """
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def cell_text(value: Any) -> str:
    """A cell as text: ISO dates, plain decimals, lower-case booleans, empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def readable(value: Any, column: str = "") -> str:
    """A cell for reading, not for computing: ``116,000,000``, ``12.3`` (a ``_pct`` column).

    Amounts of 100 and more are rounded to units and grouped; smaller numbers keep two
    decimals (three significant digits below 1); percentages one decimal. ``cell_text`` gives
    the exact value (``--raw``, and every file format).
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return cell_text(value)
    if isinstance(value, int):
        return f"{value:,}"
    number = Decimal(str(value)) if isinstance(value, float) else value
    if not number.is_finite():
        return cell_text(value)
    if column.endswith("_pct") or column.endswith("_pp"):
        return f"{number:,.1f}"
    if abs(number) >= 100 or number == number.to_integral_value():
        return f"{number:,.0f}"
    if abs(number) >= 1:
        return f"{number:,.2f}"
    return f"{number:.3g}"


def to_csv(table: pa.Table, lineterminator: str = "\n") -> str:
    """CSV with a header row; every cell passed through :func:`safe_cell`."""
    return csv_text(
        table.column_names, (tuple(r.values()) for r in table.to_pylist()), lineterminator
    )


def csv_text(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], lineterminator: str = "\n"
) -> str:
    """CSV with a header row; every cell (header included) passed through :func:`safe_cell`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=lineterminator)
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(cell_text(v)) for v in row])
    return buf.getvalue()


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")  # a string keeps every digit; JSON numbers are floats
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_json(table: pa.Table, meta: dict[str, Any] | None = None) -> str:
    """``{"meta": …, "columns": […], "rows": [{…}]}``; decimals as strings."""
    rows = [{k: _json_value(v) for k, v in r.items()} for r in table.to_pylist()]
    columns = [{"name": f.name, "type": str(f.type)} for f in table.schema]
    return json.dumps(
        {"meta": meta or {}, "columns": columns, "rows": rows}, ensure_ascii=False, indent=1
    )


def to_parquet(table: pa.Table) -> bytes:
    """Parquet bytes (decimals stay decimals)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def to_xlsx(table: pa.Table, sheet: str = "metric") -> bytes:
    """An XLSX workbook with one sheet (needs openpyxl)."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise UsageError("--format xlsx needs openpyxl (pip install openpyxl)") from None
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet[:31]
    for r, row in enumerate([table.column_names, *(x.values() for x in table.to_pylist())], 1):
        for c, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                # Text stays text: openpyxl would store "=…" as a live formula.
                cell.value = value
                cell.data_type = "s"
            else:
                cell.value = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render(table: pa.Table, fmt: str, meta: dict[str, Any] | None = None) -> str | bytes:
    """The table in ``fmt`` (not ``table``, which the CLI draws itself)."""
    if fmt == "csv":
        return to_csv(table)
    if fmt == "json":
        return to_json(table, meta)
    if fmt == "parquet":
        return to_parquet(table)
    if fmt == "xlsx":
        return to_xlsx(table, str((meta or {}).get("metric", "metric")))
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
