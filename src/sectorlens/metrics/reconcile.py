"""Reconciliation: every value the store holds for one measure and period, side by side.

Reference observations (from reports) and aggregates of the ingested deals (one row per source
format) are put in one currency at the period's average ECB rate (``FxRates.average_rate``), each
with the coverage behind it (deals, companies, disclosed deals). Deal amounts are summed in their
stated currency first and converted once per currency, so every row uses the same rate; the sum of
the store's own per-deal conversions (at each deal's date) is shown beside it.

Observations match when their period is exactly the requested one. For ``measure=amount`` they are
those with a currency; for ``measure=deals`` those with unit ``count`` or ``deals``. ``obs_metric``
and ``geography`` narrow them further.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sectorlens._lazy import lazy_module
from sectorlens.errors import NoAnswer, UsageError
from sectorlens.metrics.common import (
    ARROW_AMOUNT,
    amounts,
    amounts_of,
    converted,
    deals,
    mid_sum,
    rows_of,
    to_arrow,
)
from sectorlens.metrics.filters import DATE_PATTERN, WS
from sectorlens.metrics.registry import Query

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir

    from sectorlens.fx import FxRates
else:
    ibis = lazy_module("ibis")

COUNT_UNITS = ("count", "deals")
_YEAR = re.compile(r"^(\d{4})$")
_Y = r"(?!0000)[0-9]{4}"
# What parse_period reads (its dates real calendar days); a range ending first is NoAnswer.
PERIOD_PATTERN = (
    rf"^{WS}*(?:{_Y}|{_Y}{WS}*[-–]{WS}*{_Y}|{DATE_PATTERN}{WS}*\.\.{WS}*{DATE_PATTERN}){WS}*$"
)
_YEARS = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")
_DATES = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")


def parse_period(text: str) -> tuple[date, date]:
    """``2018``, ``2014-2018`` or ``2021-01-01..2021-07-31`` → (first day, last day)."""
    text = text.strip()
    if m := _YEAR.match(text):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := _YEARS.match(text):
        start, end = date(int(m[1]), 1, 1), date(int(m[2]), 12, 31)
    elif m := _DATES.match(text):
        try:
            start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        except ValueError:
            raise UsageError(f"period {text!r} has an impossible date") from None
    else:
        raise UsageError(
            f"cannot read period {text!r}: use 2018, 2014-2018 or 2021-01-01..2021-07-31"
        )
    if end < start:
        raise NoAnswer(f"period {text!r} ends before it starts")
    return start, end


def build_reconcile(q: Query, engine: Any) -> dict[str, ir.Table]:
    """Matching observations; deal coverage per source; deal sums per source and currency."""
    period = q.param("period")
    if period is None:
        raise UsageError("reconcile needs --param period=… (e.g. 2018 or 2014-2018)")
    start, end = parse_period(period)
    o = engine.table("observations")
    o = o.filter(o.period_start == start, o.period_end == end)
    if q.param("measure") == "deals":
        o = o.filter(o.unit.isin(COUNT_UNITS))
    else:
        o = o.filter(o.currency.notnull())
    if q.param("obs_metric"):
        o = o.filter(o.metric == q.param("obs_metric"))
    if q.param("geography"):
        o = o.filter(o.geography == q.param("geography"))
    from ibis.common.exceptions import TableNotFound

    try:  # the edition date of each figure: its source's publication date
        src = engine.table("sources")
    except TableNotFound:  # an engine given only deals and observations: no edition dates
        o = o.mutate(as_of=ibis.null("date"))
    else:
        src = src.select(src_id=src.source_id, as_of=src.published)
        o = o.left_join(src, o.source_id == src.src_id)
    t = deals(q, engine)
    t = t.filter(t.deal_date >= start, t.deal_date <= end)
    coverage = t.group_by("source_format").aggregate(
        deals=t.count(),
        companies=t.company_id.nunique(),
        disclosed=t.count(where=t.disclosed),
    )
    m = converted(t.filter(t.currency.notnull()), q, engine)
    own = amounts_of(m, m.amount_value, m.amount_low, m.amount_high)
    at_dates = amounts(m)
    sums = m.group_by("source_format", "currency").aggregate(
        n=own["mid_x2"].count(),
        **mid_sum(own, "mid"),
        low=own["low"].sum(),
        high=own["high"].sum(),
        # deals stated as "at least": the total has no upper bound
        open_high=m.count(where=own["low"].notnull() & own["high"].isnull()),
        **mid_sum(at_dates, "at_deal_dates"),
    )
    obs_cols = [
        "obs_id",
        "metric",
        "value",
        "low",
        "high",
        "unit",
        "currency",
        "period_start",
        "period_end",
        "geography",
        "segment",
        "status",
        "source_id",
        "locator",
        "note",
        "cites",
        "as_of",
    ]
    return {"observations": o.select(*obs_cols), "coverage": coverage, "sums": sums}


def finish_reconcile(results: dict[str, pa.Table], q: Query) -> pa.Table:
    """One row per observation and per deal source, all in ``q.currency``."""
    from sectorlens.fx import FxRates  # (ECB rates: imported when a reconciliation runs)

    start, end = parse_period(q.param("period"))
    fx = q.fx or FxRates()
    target = q.currency
    amount = q.param("measure") != "deals"
    out: list[dict[str, Any]] = []
    observations = results["observations"].to_pylist()
    editions = _editions(observations)
    for o in sorted(observations, key=lambda r: r["obs_id"]):
        row: dict[str, Any] = {
            "kind": "reference",
            "source": o["source_id"],
            "publisher": (o.get("cites") or [o["source_id"]])[0],
            "as_of": o.get("as_of"),
            "edition": editions.get(o["obs_id"]),
            "metric": o["metric"],
            "status": o["status"],
            "period_start": o["period_start"],
            "period_end": o["period_end"],
            "geography": o["geography"],
            "segment": o["segment"],
            "note": o["locator"] or o["note"],
        }
        if amount:
            row.update(
                _convert(fx, o["currency"], target, start, end, o["value"], o["low"], o["high"])
            )
        else:
            row.update(value=o["value"], low=o["low"], high=o["high"])
        out.append(row)
    sums: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in rows_of(results, "sums"):
        sums[s["source_format"]].append(s)
    for c in sorted(results["coverage"].to_pylist(), key=lambda r: r["source_format"]):
        row = {
            "kind": "deals",
            "source": c["source_format"],
            "metric": q.param("measure"),
            "status": "actual",
            "period_start": start,
            "period_end": end,
            "deals": c["deals"],
            "companies": c["companies"],
            "disclosed": c["disclosed"],
        }
        if amount:
            row.update(_deal_amounts(fx, sums[c["source_format"]], target, start, end))
        else:
            row["value"] = Decimal(c["deals"])
        out.append(row)
    for r in out:
        r["currency"] = target if amount else None
    return to_arrow(out, _SCHEMA)


def _editions(observations: list[dict[str, Any]]) -> dict[str, str]:
    """``latest`` / ``superseded`` for figures one publisher published in several editions.

    The edition date is the publication date of the page read (``as_of``); a figure read in an
    undated page makes the order unknown (``undated``).
    """
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for o in observations:
        who = (o.get("cites") or [o["source_id"]])[0]
        key = (who, o["metric"], o["unit"], o["currency"], o["geography"], o["segment"])
        groups[(*key, o["status"], o["period_start"], o["period_end"])].append(o)
    out: dict[str, str] = {}
    for members in groups.values():
        if len({m["source_id"] for m in members}) < 2:
            continue
        dates = [m.get("as_of") for m in members]
        known = [d for d in dates if d is not None]
        if len(known) < len(dates):
            out |= {m["obs_id"]: "undated" for m in members}
            continue
        newest = max(known)
        out |= {m["obs_id"]: "latest" if m["as_of"] == newest else "superseded" for m in members}
    return out


def _convert(
    fx: FxRates, currency: str, target: str, start: date, end: date, *values: Any
) -> dict[str, Any]:
    from sectorlens.fx import FxError

    try:
        rate = fx.average_rate(currency, target, start, end)
    except FxError as exc:
        return {
            "note": f"not converted: {exc}",
            "original_currency": currency,
            "original_value": values[0],
        }
    value, low, high = (
        None if v is None else (Decimal(v) * rate.rate).quantize(_Q) for v in values
    )
    return {
        "value": value,
        "low": low,
        "high": high,
        "original_value": values[0],
        "original_currency": currency,
        "rate": rate.rate,
        "rate_label": rate.label,
    }


def _deal_amounts(
    fx: FxRates, rows: list[dict[str, Any]], target: str, start: date, end: date
) -> dict[str, Any]:
    total = {"value": Decimal(0), "low": Decimal(0), "high": Decimal(0)}
    at_deal_dates, labels, skipped, open_high = Decimal(0), [], [], 0
    for r in sorted(rows, key=lambda r: r["currency"]):
        if r["mid"] is None and r["low"] is None and r["high"] is None:
            continue
        conv = _convert(fx, r["currency"], target, start, end, r["mid"], r["low"], r["high"])
        if "rate" not in conv:
            skipped.append(f"{r['n']} {r['currency']} deals ({conv['note']})")
            continue
        for key in total:
            total[key] += conv[key] or Decimal(0)
        open_high += r["open_high"]
        at_deal_dates += Decimal(r["at_deal_dates"] or 0)
        if r["currency"] != target:
            labels.append(f"{r['currency']} {conv['rate']} ({conv['rate_label']})")
    if open_high:
        labels.append(f"no upper bound: {open_high} deals stated as 'at least'")
    note = "; ".join([*labels, *(f"left out: {s}" for s in skipped)]) or None
    return {
        **total,
        # Σ high over the other deals could fall below the low end: there is no upper bound
        "high": None if open_high else total["high"],
        "value_at_deal_date_rates": at_deal_dates.quantize(_Q),
        "note": note,
    }


_Q = Decimal("0.000001")
_SCHEMA: list[tuple[str, Any]] = [
    ("kind", pa.string()),
    ("source", pa.string()),
    ("publisher", pa.string()),
    ("as_of", pa.date32()),
    ("edition", pa.string()),
    ("metric", pa.string()),
    ("status", pa.string()),
    ("period_start", pa.date32()),
    ("period_end", pa.date32()),
    ("geography", pa.string()),
    ("segment", pa.string()),
    ("value", ARROW_AMOUNT),
    ("low", ARROW_AMOUNT),
    ("high", ARROW_AMOUNT),
    ("currency", pa.string()),
    ("original_value", ARROW_AMOUNT),
    ("original_currency", pa.string()),
    ("rate", pa.decimal128(28, 10)),
    ("rate_label", pa.string()),
    ("value_at_deal_date_rates", ARROW_AMOUNT),
    ("deals", pa.int64()),
    ("companies", pa.int64()),
    ("disclosed", pa.int64()),
    ("note", pa.string()),
]
