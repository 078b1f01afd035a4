"""Response bodies: JSON documents and spreadsheet-safe CSV."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import orjson
import pyarrow as pa

from sectorlens.metrics.output import csv_text as _csv_text


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Spreadsheet-safe CSV (the CLI's, :func:`sectorlens.metrics.output.csv_text`), CRLF."""
    return _csv_text(columns, rows, "\r\n")


def table_csv(table: pa.Table) -> str:
    """An Arrow table as safe CSV."""
    return csv_text(table.column_names, (tuple(r.values()) for r in table.to_pylist()))


def attachment(filename: str) -> str:
    """A Content-Disposition value: an ASCII fallback name plus the UTF-8 name (RFC 6266)."""
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("_") or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def header_list(values: Iterable[str]) -> str:
    """Ids for a response header: space-separated, percent-encoded beyond printable ASCII."""
    return " ".join(quote(v, safe="!#$&'()*+,/:;=?@[]~-._") for v in values)


def json_value(value: Any) -> Any:
    """A cell as JSON: decimals as strings (every digit kept), dates ISO, the rest as is."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return value


def table_rows(table: pa.Table) -> list[dict[str, Any]]:
    """Rows of an Arrow table as JSON-ready dictionaries."""
    return [{k: json_value(v) for k, v in r.items()} for r in table.to_pylist()]


def table_columns(table: pa.Table) -> list[dict[str, str]]:
    """Column names and Arrow types."""
    return [{"name": f.name, "type": str(f.type)} for f in table.schema]


def dumps(document: Any) -> bytes:
    """Compact UTF-8 JSON (non-ASCII kept as is; a NaN is null): orjson's, or the standard
    library's for what orjson does not write (integers beyond 64 bits, keys not strings)."""
    try:
        return orjson.dumps(document)
    except TypeError:  # orjson.JSONEncodeError is one
        pass
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
