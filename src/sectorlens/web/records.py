"""Reading records for the web: filter options, companies and their rounds (parameterised SQL)."""

from __future__ import annotations

from typing import Any

from sectorlens.parse import ROUND_STAGES
from sectorlens.web.labels import Labels
from sectorlens.web.output import json_value
from sectorlens.web.provenance import load_rows
from sectorlens.web.runner import Lease

FACETS = ("country", "province", "cluster", "sector", "round")
COMPANY_COLUMNS = (
    "company_id",
    "name",
    "legal_name",
    "website",
    "founded",
    "founded_raw",
    "status",
    "place_raw",
    "country",
    "province",
    "city",
    "district",
    "cluster",
    "sector_raw",
    "subsector_raw",
    "sector",
    "chain_layer",
    "description",
    "source_format",
    "load_id",
    "row_ref",
)
ROUND_COLUMNS = (
    "deal_id",
    "deal_date",
    "date_raw",
    "round",
    "round_raw",
    "amount_raw",
    "amount_kind",
    "amount_qualifier",
    "amount_value",
    "amount_low",
    "amount_high",
    "currency",
    "disclosed",
    "investors",
    "source_format",
    "load_id",
    "row_ref",
)
LIST_COLUMNS = ("company_id", "name", "founded", "province", "city", "sector", "deals", "load_id")


def _rows(cur: Any, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{k: json_value(v) for k, v in zip(columns, row, strict=True)} for row in cur.fetchall()]


def stage_rank(code: str | None) -> int:
    """Position of a round code in the canonical stage order (unknown codes last)."""
    return ROUND_STAGES.index(code) if code in ROUND_STAGES else len(ROUND_STAGES)


def facets(lease: Lease, labels: Labels, lang: str) -> dict[str, Any]:
    """The values the dashboard's filters offer, with deal counts and display names."""
    con = lease.con
    row = con.execute(
        "SELECT min(year(deal_date)), max(year(deal_date)), count(*) FROM deals"
    ).fetchone()
    first, last, total = row if row else (None, None, 0)
    loads = [x[0] for x in con.execute("SELECT DISTINCT load_id FROM deals").fetchall()]
    out: dict[str, Any] = {
        "deals": total,
        "loads": load_rows(con, loads),
        "years": list(range(first, last + 1)) if first is not None and last is not None else [],
    }
    for dim in FACETS:
        cur = con.execute(
            f"SELECT {dim}, count(*) AS n FROM deals WHERE {dim} IS NOT NULL "
            f"GROUP BY {dim} ORDER BY n DESC, {dim}"
        )
        values = [
            {"value": v, "label": labels.name(dim, v, lang), "deals": n} for v, n in cur.fetchall()
        ]
        if dim == "round":
            values.sort(key=lambda x: stage_rank(x["value"]))
        out[dim] = values
    return out


def company_list(
    lease: Lease, q: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Companies whose name contains ``q`` (case-insensitive), most deals first; and the total."""
    pattern = (q or "").strip().lower()
    where = "WHERE strpos(lower(c.name), ?) > 0" if pattern else ""
    args: list[Any] = [pattern] if pattern else []
    total_row = lease.con.execute(f"SELECT count(*) FROM companies c {where}", args).fetchone()
    cur = lease.con.execute(
        "SELECT c.company_id, c.name, c.founded, c.province, c.city, c.sector, "
        "count(d.deal_id) AS deals, c.load_id "
        f"FROM companies c LEFT JOIN deals d ON d.company_id = c.company_id {where} "
        "GROUP BY ALL ORDER BY deals DESC, c.name, c.company_id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return _rows(cur, LIST_COLUMNS), int(total_row[0]) if total_row else 0


def company(lease: Lease, company_id: str) -> dict[str, Any] | None:
    """One company with its rounds (oldest first), or None."""
    cols = ", ".join(COMPANY_COLUMNS)
    cur = lease.con.execute(f"SELECT {cols} FROM companies WHERE company_id = ?", [company_id])
    found = _rows(cur, COMPANY_COLUMNS)
    if not found:
        return None
    cur = lease.con.execute(
        f"SELECT {', '.join(ROUND_COLUMNS)} FROM deals WHERE company_id = ? "
        "ORDER BY deal_date NULLS LAST, row_ref",
        [company_id],
    )
    return {"company": found[0], "rounds": _rows(cur, ROUND_COLUMNS)}
