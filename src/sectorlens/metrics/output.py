"""A metric result as CSV, JSON, Parquet or XLSX (exact values: decimals are never floats)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pyarrow as pa

from sectorlens.errors import UsageError

FORMATS = ("table", "csv", "json", "parquet", "xlsx")
BINARY_FORMATS = ("parquet", "xlsx")


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


def to_csv(table: pa.Table) -> str:
    """CSV with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow([cell_text(v) for v in row.values()])
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
    ws.append(table.column_names)
    for row in table.to_pylist():
        ws.append(list(row.values()))
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
