"""``--where`` values as users write them: labels in any language resolved to the stored codes.

``round=A,B`` means the codes ``a,b``; ``province=Beijing`` or ``province=北京`` means ``CN-BJ``.
A value that is neither a stored code nor a label of one is a UsageError that lists the values
the store holds, so a filter never silently matches nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sectorlens.errors import UsageError

if TYPE_CHECKING:
    import duckdb

    from sectorlens.web.labels import Labels

# Fields whose values are codes with display names (labels) in the store's label data.
LABELLED = ("country", "region", "province", "city", "cluster", "sector", "chain_layer", "round")
_SHOWN = 20  # known values listed in the message


def resolve_where(
    con: duckdb.DuckDBPyConnection, clauses: list[str], table: str = "deals"
) -> list[str]:
    """``clauses`` with label values replaced by codes; UsageError for a value nothing matches."""
    from sectorlens.metrics.filters import FIELDS, parse_where

    out: list[str] = []
    labels: Labels | None = None
    for clause in clauses:
        f = parse_where(clause)  # a malformed clause fails here, with its own message
        if (
            f.field not in LABELLED
            or f.op not in ("=", "!=")
            or table not in FIELDS[f.field].tables
        ):
            out.append(clause)
            continue
        known = _stored(con, table, f.field)
        values: list[str] = []
        for value in f.values:
            if value is None or value in known:
                values.append("null" if value is None else str(value))
                continue
            if labels is None:
                from sectorlens.web.labels import load_labels

                labels = load_labels(con)
            codes = [c for c in _codes(labels, f.field, str(value)) if c in known]
            if not codes:
                raise UsageError(_no_match(f.field, str(value), known, labels))
            values.extend(codes)
        out.append(f"{f.field}{f.op}{','.join(dict.fromkeys(values))}")
    return out


def _stored(con: duckdb.DuckDBPyConnection, table: str, field: str) -> dict[str, int]:
    """The field's stored values and their row counts."""
    rows = con.execute(
        f"SELECT {field}, count(*) FROM {table} WHERE {field} IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return {str(v): int(n) for v, n in rows}


def _codes(labels: Labels, field: str, text: str) -> list[str]:
    """Codes whose display name (any language) or canonical round name is ``text``."""
    codes = labels.codes(field, text)
    if field == "round":
        from sectorlens.parse import canonical_round

        code = canonical_round(text)
        if code is not None:
            codes.append(code)
    return codes


def _no_match(field: str, value: str, known: dict[str, int], labels: Labels) -> str:
    if not known:
        return f"no deals have a {field}, so {field}={value} matches nothing"
    shown = [
        f"{code} ({name})" if (name := labels.name(field, code, "en")) != code else code
        for code in list(known)[:_SHOWN]
    ]
    more = f", … {len(known) - _SHOWN} more" if len(known) > _SHOWN else ""
    return f"no deals with {field}={value}; known values: {', '.join(shown)}{more}"
