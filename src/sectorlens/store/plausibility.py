"""A deal amount above its subject's whole market in its year is implausible.

A subject may name, in ``subject.yaml``, the published series of its whole market (``market``:
one ``where`` over observations, or a list of them). For each calendar year with a figure of one
whole year, the largest such figure bounds a single deal: a deal of that subject's scope
(countries, sectors, years) whose amount — the least it can be: the low end of a range, else its
value — is above it, both converted into euros at the mean ECB rate of that year, is flagged
``implausible_amount`` with the reason ``above_market:<subject>``. Years without a figure are
judged by the median rule only (``ingest.checks``); :func:`market_years` says which years have
one. The check runs when a load is ingested (its deals, against every subject the store holds)
and when a subject is (re)loaded (every deal, against that subject; its earlier market flags are
recomputed). The median rule's reason is ``above_median``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb

from sectorlens.errors import InputError

IMPLAUSIBLE = "implausible_amount"
ABOVE_MEDIAN = "above_median"
ABOVE_MARKET = "above_market:"
# observation columns a ``market`` where may name (as metrics.reference.select reads them)
WHERE_KEYS = (
    *("metric", "geography", "currency", "segment_type", "segment", "status", "source_id"),
    *("unit", "cites"),
)
_YEAR_RATES = (
    "SELECT currency, year(day) AS yr, avg(eur_per)::DOUBLE AS eur_per FROM fx_rates GROUP BY ALL"
)
# the least a deal's amount can be (an ``at_most`` amount has none)
_LEAST = "coalesce(d.amount_low, d.amount_value)"


@dataclass(frozen=True, slots=True)
class MarketYear:
    """The figure that bounds a single deal of one subject in one year."""

    year: int
    amount: Decimal
    currency: str
    obs_id: str


def market_wheres(spec: Mapping[str, Any], at: str = "subject.yaml") -> list[dict[str, Any]]:
    """The ``market`` wheres of a subject spec, checked (an empty list when it has none)."""
    raw = spec.get("market")
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        if not isinstance(item, Mapping) or not item:
            raise InputError(f"{at} market: each entry is a `where` over observations")
        unknown = sorted(set(map(str, item)) - set(WHERE_KEYS))
        if unknown:
            raise InputError(
                f"{at} market: unknown key {unknown[0]!r} (allowed: {', '.join(WHERE_KEYS)})"
            )
        out.append({str(k): (None if v is None else str(v)) for k, v in item.items()})
    return out


def _stored_subjects(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every subject the store holds: its reference load id and its ``subject.yaml``."""
    from sectorlens.store.reference import stored_subjects

    out = {}
    for sid, load_id in stored_subjects(con).items():
        row = con.execute("SELECT value FROM meta WHERE key = ?", [f"reference:{sid}"]).fetchone()
        spec = (json.loads(row[0]) if row else {}).get("subject") or {}
        out[sid] = (load_id, spec)
    return out


def market_years(con: duckdb.DuckDBPyConnection, subject: str) -> list[MarketYear]:
    """Per year, the largest whole-year figure of the subject's market series (in euros at the
    year's mean rate), or none when the subject names no market or the store has no rates."""
    found = _stored_subjects(con).get(subject)
    if found is None:
        return []
    return _bounds(con, found[0], market_wheres(found[1]))


def _bounds(
    con: duckdb.DuckDBPyConnection, ref_load: str, wheres: Sequence[Mapping[str, Any]]
) -> list[MarketYear]:
    if not wheres:
        return []
    clauses, params = [], [ref_load]
    for w in wheres:
        wanted = dict(w)
        if "segment_type" not in wanted and "segment" not in wanted:
            wanted |= {"segment_type": None, "segment": None}
        parts = ["equivalent_of IS NULL"]
        for key, value in wanted.items():
            if key == "cites":
                parts.append("list_contains(cites, ?)")
                params.append(value)
            elif value is None:
                parts.append(f"{key} IS NULL")
            else:
                parts.append(f"{key} = ?")
                params.append(value)
        clauses.append("(" + " AND ".join(parts) + ")")
    rows = con.execute(
        f"""
        WITH fig AS (
            SELECT year(period_start) AS yr, coalesce(high, value, low) AS amount, currency, obs_id
            FROM observations
            WHERE load_id = ? AND unit = 'money' AND currency IS NOT NULL
              AND period_start = make_date(year(period_start), 1, 1)
              AND period_end = make_date(year(period_start), 12, 31)
              AND ({" OR ".join(clauses)})
        ), rate AS ({_YEAR_RATES})
        SELECT f.yr, arg_max(f.amount, f.amount * r.eur_per),
               arg_max(f.currency, f.amount * r.eur_per), arg_max(f.obs_id, f.amount * r.eur_per)
        FROM fig f JOIN rate r ON r.currency = f.currency AND r.yr = f.yr
        WHERE f.amount > 0
        GROUP BY f.yr ORDER BY f.yr
        """,
        params,
    ).fetchall()
    return [MarketYear(int(y), Decimal(a), str(c), str(o)) for y, a, c, o in rows]


def flag_above_market(
    con: duckdb.DuckDBPyConnection, *, load_id: str | None = None, subject: str | None = None
) -> dict[str, int]:
    """Flag deals above their subject's market (those of ``load_id``, or every deal; against
    ``subject`` or every subject of the store). Returns the deals flagged per subject."""
    out: dict[str, int] = {}
    for sid, (ref_load, spec) in _stored_subjects(con).items():
        if subject is not None and sid != subject:
            continue
        if load_id is None:
            _clear(con, sid)
        years = _bounds(con, ref_load, market_wheres(spec))
        if years:
            out[sid] = _flag(con, sid, spec, years, load_id)
    return out


def _clear(con: duckdb.DuckDBPyConnection, sid: str) -> None:
    """Take ``sid``'s market flags off every deal (and the implausible flag they alone set)."""
    reason = ABOVE_MARKET + sid
    con.execute(
        f"""
        UPDATE deals SET flags = CASE
            WHEN len(list_filter(flags, lambda f: f <> $r AND (f = '{ABOVE_MEDIAN}'
                                                      OR starts_with(f, '{ABOVE_MARKET}')))) = 0
            THEN list_filter(flags, lambda f: f <> $r AND f <> '{IMPLAUSIBLE}')
            ELSE list_filter(flags, lambda f: f <> $r) END
        WHERE list_contains(flags, $r)
        """,
        {"r": reason},
    )


def _flag(
    con: duckdb.DuckDBPyConnection,
    sid: str,
    spec: Mapping[str, Any],
    years: Sequence[MarketYear],
    load_id: str | None,
) -> int:
    scope = spec.get("scope") or {}
    countries = [str(c) for c in scope.get("countries") or []]
    if not countries:
        return 0
    params: dict[str, Any] = {"reason": ABOVE_MARKET + sid, "countries": countries}
    where = ["d.country IN (SELECT unnest($countries))"]
    if scope.get("sectors"):
        where.append("d.sector IN (SELECT unnest($sectors))")
        params["sectors"] = [str(s) for s in scope["sectors"]]
    span = scope.get("years")
    if span:
        where.append("year(d.deal_date) BETWEEN $first AND $last")
        params |= {"first": int(span[0]), "last": int(span[1])}
    if load_id is not None:
        where.append("d.load_id = $load")
        params["load"] = load_id
    values = ", ".join(f"({y.year}, {y.amount}, '{y.currency}')" for y in years)
    # the yearly rates as a small Arrow table of known size: as a CTE over the rates of a
    # load's open transaction, DuckDB misjudged its size and hashed the deals to join them
    # (1M itjuzi rows: a 108 MiB hash table)
    con.register("_sectorlens_year_rates", con.sql(_YEAR_RATES).to_arrow_table())
    try:
        found = _flag_rows(con, where, values, params)
    finally:
        con.unregister("_sectorlens_year_rates")
    return int(found[0]) if found else 0


def _flag_rows(
    con: duckdb.DuckDBPyConnection, where: list[str], values: str, params: dict[str, Any]
) -> tuple[Any, ...] | None:
    """Flag the deals ``where`` selects above their year's market (``values``); the count."""
    return con.execute(
        f"""
        UPDATE deals SET flags = list_distinct(list_concat(
            coalesce(deals.flags, []),
            CASE WHEN list_contains(deals.flags, '{IMPLAUSIBLE}')
                  AND len(list_filter(deals.flags, lambda f: f = '{ABOVE_MEDIAN}'
                                      OR starts_with(f, '{ABOVE_MARKET}'))) = 0
                 THEN ['{ABOVE_MEDIAN}'] ELSE [] END,
            ['{IMPLAUSIBLE}', $reason]))
        FROM (
            WITH rate AS (SELECT currency, yr, eur_per FROM _sectorlens_year_rates),
            market(yr, amount, currency) AS (VALUES {values}),
            top AS (
                SELECT m.yr, m.amount * r.eur_per AS eur FROM market m
                JOIN rate r ON r.currency = m.currency AND r.yr = m.yr
            )
            SELECT d.deal_id FROM deals d
            JOIN top t ON t.yr = year(d.deal_date)
            JOIN rate r ON r.currency = d.currency AND r.yr = t.yr
            WHERE d.amount_kind = 'money' AND {" AND ".join(where)}
              AND ({_LEAST})::DOUBLE * r.eur_per > t.eur
        ) AS x
        WHERE deals.deal_id = x.deal_id
        """,
        params,
    ).fetchone()


def uncovered_years(con: duckdb.DuckDBPyConnection, load_id: str) -> dict[str, dict[int, int]]:
    """Per subject with a market series: the years of this load's dated money deals in its
    countries that have no market figure (so only the median rule judged them), with counts."""
    out: dict[str, dict[int, int]] = {}
    for sid, (ref_load, spec) in _stored_subjects(con).items():
        wheres = market_wheres(spec)
        countries = [str(c) for c in (spec.get("scope") or {}).get("countries") or []]
        if not wheres or not countries:
            continue
        have = {y.year for y in _bounds(con, ref_load, wheres)}
        span = (spec.get("scope") or {}).get("years")
        rows = con.execute(
            "SELECT year(deal_date) AS yr, count(*) FROM deals WHERE load_id = $load "
            "AND amount_kind = 'money' AND deal_date IS NOT NULL "
            "AND country IN (SELECT unnest($countries)) GROUP BY yr ORDER BY yr",
            {"load": load_id, "countries": countries},
        ).fetchall()
        missing = {
            int(y): int(n)
            for y, n in rows
            if int(y) not in have and (not span or span[0] <= int(y) <= span[1])
        }
        if missing:
            out[sid] = missing
    return out


def implausible_count(con: duckdb.DuckDBPyConnection, load_id: str) -> int:
    """How many deals of ``load_id`` are flagged implausible (for any reason)."""
    row = con.execute(
        f"SELECT count(*) FROM deals WHERE load_id = ? AND list_contains(flags, '{IMPLAUSIBLE}')",
        [load_id],
    ).fetchone()
    return int(row[0]) if row else 0


def year_spans(years: list[int]) -> str:
    """``2014–2017, 2019`` from sorted years."""
    parts: list[str] = []
    start = prev = years[0]
    for y in [*years[1:], None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if y is not None:
            start = prev = y
    return ", ".join(parts)
