"""What the OpenAPI schema declares about responses (bodies, status codes, content types)."""

from __future__ import annotations

from typing import Any

ERROR: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}},
}
# A metric's JSON answer.
METRIC: dict[str, Any] = {
    "type": "object",
    "required": ["meta", "columns", "rows", "loads", "sources"],
    "properties": {
        "meta": {"type": "object"},
        "columns": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "type"],
                "properties": {"name": {"type": "string"}, "type": {"type": "string"}},
            },
        },
        "rows": {"type": "array", "items": {"type": "object"}},
        "loads": {"type": "array", "items": {"type": "object"}},
        "sources": {"type": "array", "items": {"type": "object"}},
    },
}
OBJECT: dict[str, Any] = {"type": "object"}
CSV: dict[str, Any] = {"type": "string"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("bad parameters"),
    404: _error("no answer: a range that ends before it starts, or no such record"),
    422: _error("malformed parameters"),
    503: _error("the query ran past the time limit, or the store is unavailable"),
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: _error("no such record")}


def ok(*, json: dict[str, Any] | None = None, csv: bool = False) -> dict[int | str, Any]:
    """A documented 200 answer in JSON (with ``json`` as its schema), CSV, or either."""
    content: dict[str, Any] = {}
    if json is not None:
        content["application/json"] = {"schema": json}
    if csv:
        content["text/csv"] = {"schema": CSV}
    return {200: {"description": "OK", "content": content}, **ERRORS}
