"""Claims against the store: the same metric and period in reference observations or in deals."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import (
    Context,
    bounds,
    finding,
    kind_measure,
    point,
    significant,
    topic_of,
)
from sectorlens.fx import FxError
from sectorlens.model import Finding, Quantity, Severity

RULE_OBS = "store.observation"
RULE_DEALS = "store.deals"
# Observation metric names by (topic, measure); names are the store's, matched loosely so that
# ``investment_amount``, ``vc_raised`` or ``financing_total`` all count as invested amounts.
METRICS: dict[tuple[str, str], re.Pattern[str]] = {
    ("investment", "amount"): re.compile(r"deal|invest|financ|funding|venture|\bvc|raised", re.I),
    ("investment", "count"): re.compile(r"deal|round|invest|financ|funding", re.I),
    ("market_size", "amount"): re.compile(r"market|industry_size|industry_value", re.I),
    ("revenue", "amount"): re.compile(r"revenue|sales|turnover", re.I),
}
_COUNTISH = re.compile(r"count|number|deals$|num_|_n$|rounds$", re.I)
_NOT_AMOUNT = re.compile(r"count|number|share|pct|percent|ratio|growth", re.I)

_OBS_SAME = {
    "ko": "{fact}({period})은(는) 저장소의 '{metric}' 값 {obs}({source})과(와) 일치합니다.",
    "en": "{fact} ({period}) matches the store's '{metric}' {obs} ({source}).",
}
_OBS_DIFF = {
    "ko": "{fact}({period})은(는) 저장소의 '{metric}' 값 {obs}({source})과(와) "
    "{diff}({rel}) 다릅니다.",
    "en": "{fact} ({period}) differs from the store's '{metric}' {obs} ({source}) by {diff} "
    "({rel}).",
}
_DEALS = {
    "ko": "저장소에는 {period} 거래 {n}건(금액 공개 {disclosed}건, 합계 {total})이 있습니다; "
    "보고서 값은 {fact}(으)로, 저장소가 {coverage}을(를) 담고 있습니다.",
    "en": "The store holds {n} deals for {period} ({disclosed} with amounts, totalling {total}); "
    "the report says {fact}, so the store covers {coverage} of it.",
}


def check(ctx: Context) -> list[Finding]:
    """Each money or count fact with a known topic and period, looked up in the store."""
    if ctx.con is None:
        return []
    out: list[Finding] = []
    seen: set[tuple[object, ...]] = set()
    for m in ctx.extraction.mentions:
        measure, topic, p = kind_measure(m), topic_of(ctx, m), m.fact.period
        if measure is None or topic is None or p is None or (topic, measure) not in METRICS:
            continue
        q = m.fact.quantity
        key = (topic, measure, point(q), q.currency, p)
        if key in seen:
            continue
        seen.add(key)
        out.extend(_observations(ctx, m, topic, measure))
        if topic == "investment":
            found = _deals(ctx, m, measure)
            if found is not None:
                out.append(found)
    return out


def _rows(ctx: Context, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = ctx.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _observations(ctx: Context, m: Mention, topic: str, measure: str) -> list[Finding]:
    p = m.fact.period
    assert p is not None
    rows = _rows(
        ctx,
        "SELECT o.*, s.title AS source_title FROM observations o "
        "LEFT JOIN sources s USING (source_id) "
        "WHERE o.period_start = ? AND o.period_end = ? AND o.equivalent_of IS NULL "
        # totals only: a segment of kind 'financing' (e.g. venture capital) is still a total
        "AND (o.segment IS NULL OR o.segment_type IN ('financing')) "
        "AND o.status IN ('actual', 'estimate') ORDER BY o.obs_id",
        [p.start, p.end],
    )
    q = m.fact.quantity
    rows = [r for r in rows if _measures(r, topic, measure)]
    home = _home(rows, q)
    if home:
        rows = [r for r in rows if (r["metric"], r["geography"]) in home]
    out = []
    for row in rows:
        value = row["value"] if row["value"] is not None else _mid(row["low"], row["high"])
        if value is None:
            continue
        value = Decimal(value)
        note = ""
        if measure == "amount" and row["currency"] != q.currency:
            converted = _convert(ctx, value, str(row["currency"]), str(q.currency), m)
            if converted is None:
                continue
            value, note = converted
        out.append(_compare(ctx, m, row, value, note, known=bool(home)))
    return out


def _measures(row: dict[str, Any], topic: str, measure: str) -> bool:
    """Whether an observation's metric can measure the same thing as the fact."""
    metric = str(row["metric"])
    if not METRICS[(topic, measure)].search(metric):
        return False
    if measure == "amount":
        return row["currency"] is not None and not _NOT_AMOUNT.search(metric)
    return row["currency"] is None and bool(_COUNTISH.search(metric))


def _home(rows: list[dict[str, Any]], q: Quantity) -> set[tuple[Any, Any]]:
    """(metric, geography) of the rows that state this very value: the fact's own series.

    The fact names neither metric nor geography; the store's copy of the same number tells
    which ones it is, and other sources are then compared on that metric and geography only.
    """
    lo, hi = bounds(q)
    return {
        (r["metric"], r["geography"])
        for r in rows
        if r["currency"] == q.currency
        and r["value"] is not None
        and (lo is None or Decimal(r["value"]) >= lo)
        and (hi is None or Decimal(r["value"]) <= hi)
    }


def _mid(low: Any, high: Any) -> Decimal | None:
    if low is None or high is None:
        return None
    return (Decimal(low) + Decimal(high)) / 2


def _convert(
    ctx: Context, value: Decimal, base: str, quote: str, m: Mention
) -> tuple[Decimal, str] | None:
    p = m.fact.period
    if ctx.fx is None or p is None:
        return None
    try:
        rate = ctx.fx.average_rate(base, quote, p.start, p.end)
    except FxError:
        return None
    return value * rate.rate, f" ≈ {base}→{quote} {ctx.rate_label(rate)}"


def _compare(
    ctx: Context, m: Mention, row: dict[str, Any], value: Decimal, note: str, *, known: bool
) -> Finding:
    q = m.fact.quantity
    lo, hi = bounds(q)
    mine = point(q) or Decimal(0)
    source = str(row.get("source_title") or row["source_id"])
    source = source if len(source) <= 48 else source[:47] + "…"
    words = {
        "fact": ctx.quantity(q),
        "period": ctx.period(m.fact.period),
        "metric": row["metric"],
        "obs": ctx.quantity(q, significant(value, 6) if note else value) + note,
        "source": source,
    }
    if (lo is None or value >= lo) and (hi is None or value <= hi) and not note:
        return finding(RULE_OBS, Severity.OK, ctx.say(_OBS_SAME, **words), [m], [mine, value])
    diff = mine - value
    rel = (
        f"{'+' if diff > 0 else ''}{(diff / value * 100).quantize(Decimal('0.1'))}%"
        if value
        else "—"
    )
    words |= {"diff": ctx.quantity(q, abs(significant(diff, 4))), "rel": rel}
    # Another source's figure for the same series (or one seen through an exchange rate) is
    # context, not a contradiction; a store that lacks the report's figure and holds another
    # one in the same currency is worth a warning.
    severity = Severity.INFO if (known or note) else Severity.WARNING
    return finding(RULE_OBS, severity, ctx.say(_OBS_DIFF, **words), [m], [mine, value, diff])


def _deals(ctx: Context, m: Mention, measure: str) -> Finding | None:
    p = m.fact.period
    q = m.fact.quantity
    assert p is not None
    from sectorlens.metrics import compute, from_duckdb  # Ibis only for claims about deals

    engine = from_duckdb(ctx.con)
    # the claim's currency where the store has rates for it, else the store's default
    currency = q.currency if q.currency in engine.currencies() else None
    result = compute(
        engine,
        "deals",
        by=["year"],
        where=[f"deal_date>={p.start}", f"deal_date<={p.end}"],
        currency=currency,
        scope=ctx.scope,
    )
    years = result.to_pylist()
    row = {
        "n": sum(r["deals"] for r in years),
        "disclosed": sum(r["disclosed"] for r in years),
    }
    if not row["n"]:
        return None
    currency = result.query.currency
    mine = point(q) or Decimal(0)
    lo = sum((Decimal(r["amount_low"] or 0) for r in years), Decimal(0))
    hi = sum((Decimal(r["amount_high"] or 0) for r in years), Decimal(0))
    total = ctx.money(significant(lo, 4), currency)
    if hi != lo:
        total += f"~{ctx.money(significant(hi, 4), currency)}"
    store_value = Decimal(row["n"]) if measure == "count" else (lo + hi) / 2
    coverage = f"{(store_value / mine * 100).quantize(Decimal('0.1'))}%" if mine else "—"
    words = {
        "period": ctx.period(p),
        "n": row["n"],
        "disclosed": row["disclosed"],
        "total": total,
        "fact": ctx.quantity(q),
        "coverage": coverage,
    }
    values = [mine, Decimal(row["n"]), lo, hi]
    return finding(RULE_DEALS, Severity.INFO, ctx.say(_DEALS, **words), [m], values)
