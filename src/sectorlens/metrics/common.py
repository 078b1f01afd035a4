"""Shared pieces of the metrics: deal amounts three ways, periods, exact ratios, Arrow output.

Deals keep their amounts in the stated currency; :func:`converted` puts them into the query's
currency at query time, from the store's ``fx_rates`` (see store.rates): each deal at the rate of
its own day (the last fixing on or before it), crossed through EUR (units of the target per EUR
× EUR per unit of the deal's currency, rounded to 12 places). A deal in the target currency is
taken as it is; one without a date or a rate is not converted (null, like an undisclosed amount
in sums). Products are exact (``DECIMAL(38, 18)``) and sums of them too, rounded to 6 places once
per figure (:func:`to_arrow`), so every engine gives the same digits however the deals are
grouped on the way. That is what lets metrics grouped by period sum first and convert after
(:func:`by_day`: per day and stated currency, whose rate is one, then the rate on those few
rows), at a fraction of the cost of converting every deal; medians and metrics grouped by
other fields convert each deal (one product per amount).

Why DECIMAL(38, ·) and not a narrower type: stated amounts may be trillions with 6 places (a
won or rupiah round: 13 + 6 digits, past DECIMAL(18, 6)) and a product has 6 + 12 places, so
only the 128-bit decimal holds them exactly; converting sums instead of deals cuts the number of
128-bit products rather than their width.

Amounts of one deal, converted (``fx_value/low/high``):

- ``exact`` — the stated point, only when the qualifier is ``exact`` (disclosed exact amounts);
- ``low`` / ``high`` — the ends of a range (``数千万`` → 10M..100M), the point where there is one;
  an ``at_least`` amount has no high end and an ``at_most`` amount no low end;
- ``mid`` — the midpoint of low and high where both are known, else the stated point.

Sums of amounts are exact ``DECIMAL(38, 6)`` on every engine; ratios are computed afterwards in
``Decimal`` (see registry), so DuckDB and Spark agree digit for digit.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sectorlens._lazy import lazy_module
from sectorlens.metrics import filters
from sectorlens.metrics.rate_lookup import RATE_TYPE, with_rate
from sectorlens.metrics.registry import TIME_GRAINS, Query

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")

AMOUNT_TYPE = "decimal(38, 6)"
EXACT_TYPE = "decimal(38, 18)"  # an amount × a rate, exactly
ARROW_AMOUNT = pa.decimal128(38, 6)
ARROW_PCT = pa.decimal128(20, 4)  # percentages, growth rates: 4 decimal places
ARROW_MONEY2 = pa.decimal128(38, 2)  # means and medians: to the cent
MEASURES = ("exact", "low", "high", "mid")
UNKNOWN = None  # a missing dimension value stays null in results (shown as "(unknown)")
_HALF = Decimal("0.5")
_MICRO = Decimal("0.000001")
# Sums of DECIMAL(38, 6) have up to 38 digits; the default context keeps 28.
_EXACT = Context(prec=80)


def times_rate(value: ir.Value, rate: ir.Value) -> ir.Value:
    """An amount (or a sum of amounts of one currency and day) × its rate, exactly.

    DuckDB types DECIMAL(38, 6) × DECIMAL(38, 12) as DECIMAL(38, 18) (exact: 6 + 12 places);
    the cast says so to Ibis (which would assume 12 places) and costs nothing.
    """
    return (value * rate).cast(EXACT_TYPE)


def converted(t: ir.Table, q: Query, engine: Any, fixings: bool = False) -> ir.Table:
    """Deals ``t`` with ``fx_value``, ``fx_low``, ``fx_high`` in ``q.currency`` (see above), the
    ``fx_rate`` and (with ``fixings``, else null) ``fx_fixed_on`` used (rate 1 and no fixing for
    deals in the target), and
    the converted per-deal amounts of :func:`amounts` (``fx_exact``, ``fx_lo``, ``fx_hi``,
    ``fx_mid_x2``).

    Each amount is the stated one times the rate, once (``(low + high) × rate`` is exactly
    ``low × rate + high × rate``); columns a query does not use cost nothing (DuckDB drops them).
    """
    if all(c == q.currency for c in engine.deal_currencies()):
        own = amounts_of(t, t.amount_value, t.amount_low, t.amount_high)
        return t.mutate(
            fx_rate=ibis.literal(Decimal(1), RATE_TYPE),
            fx_fixed_on=ibis.null("date"),
            fx_value=t.amount_value,
            fx_low=t.amount_low,
            fx_high=t.amount_high,
            **{f"fx_{k}": v for k, v in _as_columns(own).items()},
        )
    j = with_rate(t, q, engine, fixings=fixings)
    own = amounts_of(j, j.amount_value, j.amount_low, j.amount_high)
    return j.mutate(
        fx_value=times_rate(j.amount_value, j.fx_rate),
        fx_low=times_rate(j.amount_low, j.fx_rate),
        fx_high=times_rate(j.amount_high, j.fx_rate),
        **{f"fx_{k}": times_rate(v, j.fx_rate) for k, v in _as_columns(own).items()},
    )


def by_day(
    t: ir.Table,
    q: Query,
    engine: Any,
    keys: Mapping[str, ir.Value],
    sums: Mapping[str, ir.Value],
    counts: Mapping[str, ir.Value],
    *,
    collapse: bool = False,
) -> ir.Table:
    """Aggregate first, convert after: per ``keys``, stated currency and day, the ``sums`` of
    amounts in their stated currency and the ``counts`` (count aggregates), then the rate of
    that currency and day (:func:`with_rate`) on those few rows.

    Columns: ``keys``, ``fx_day`` (the deals' date), each of ``counts``, for each of ``sums``
    the converted sum under its name and ``n_<name>`` the deals it converted, and ``fx_known``
    (whether the row had a rate). Exact:
    the rate is the same for every deal of one currency and day, so Σ(amount × rate) =
    (Σ amount) × rate; a second aggregation over these rows gives the same sums as converting
    each deal, at the cost of a join over thousands of rows instead of millions of deals.

    With ``collapse``, deals in the query's currency (rate 1 whatever the day) are not split by
    day: their ``fx_day`` is null, so the caller's ``keys`` carry what it needs of the date
    (e.g. the year). Far fewer groups where most deals are in the query's currency.
    """
    if all(c == q.currency for c in engine.deal_currencies()):
        days = {} if collapse else {"fx_day": t.deal_date}
        p = t.group_by(**keys, **days).aggregate(
            **counts,
            **{k: v.sum() for k, v in sums.items()},
            **{f"n_{k}": v.count() for k, v in sums.items()},
        )
        if collapse:
            p = p.mutate(fx_day=ibis.null("date"))
        return p.mutate(fx_known=ibis.literal(True))
    day = t.deal_date
    if collapse:
        day = ibis.ifelse(t.currency == q.currency, ibis.null("date"), t.deal_date)
    p = t.group_by(**keys, fx_day_=day, fx_cur_=t.currency).aggregate(
        **counts,
        **{f"s_{k}": v.sum() for k, v in sums.items()},
        **{f"c_{k}": v.count() for k, v in sums.items()},
    )
    p = with_rate(p, q, engine, currency="fx_cur_", day="fx_day_")
    known = p.fx_rate.notnull()
    return p.select(
        *keys,
        fx_day=p.fx_day_,
        **{k: p[k] for k in counts},
        **{k: times_rate(p[f"s_{k}"], p.fx_rate) for k in sums},
        **{f"n_{k}": ibis.ifelse(known, p[f"c_{k}"], 0) for k in sums},
        fx_known=known,
    )


def _as_columns(a: dict[str, ir.Value]) -> dict[str, ir.Value]:
    """The per-deal amounts under their converted column names (``fx_`` + name)."""
    return {"exact": a["exact"], "lo": a["low"], "hi": a["high"], "mid_x2": a["mid_x2"]}


def amounts(t: ir.Table) -> dict[str, ir.Value]:
    """The per-deal amounts (see :func:`amounts_of`) of converted deals (:func:`converted`)."""
    return {"exact": t.fx_exact, "low": t.fx_lo, "high": t.fx_hi, "mid_x2": t.fx_mid_x2}


def amounts_of(t: ir.Table, value: ir.Value, low: ir.Value, high: ir.Value) -> dict[str, ir.Value]:
    """The per-deal amounts from one triple of value/low/high columns.

    ``exact``, ``low`` and ``high`` per row. The midpoint is never computed per row (halving a
    DECIMAL needs a rescaling cast, the costliest per-row step on DuckDB); instead ``mid_x2``,
    twice the midpoint (``low + high`` for a range, ``value + value`` otherwise; exact), whose
    sum (:func:`mid_sum`) and median are halved once per group; it is null exactly when the
    deal has no midpoint.
    """
    null = ibis.null(value.type())
    return {
        "exact": ibis.ifelse(t.amount_qualifier == "exact", value, null),
        # CASE, not COALESCE: the same values, a fifth cheaper on DuckDB's DECIMAL(38, 6)
        "low": ibis.ifelse(low.notnull(), low, value),
        "high": ibis.ifelse(high.notnull(), high, value),
        "mid_x2": mid_x2(t, value, low, high),
    }


def mid_x2(t: ir.Table, value: ir.Value, low: ir.Value, high: ir.Value) -> ir.Value:
    """Twice the midpoint of the amounts ``value``/``low``/``high`` of ``t``: the deals' stored
    ``amount_mid_x2`` (store schema 4, derived at load) when these are the deals' own stated
    amounts, which saves a CASE over three 128-bit columns per deal and query; else computed."""
    names = ("amount_value", "amount_low", "amount_high", "amount_mid_x2")
    if all(n in t.columns for n in names) and all(
        v.equals(t[n]) for v, n in zip((value, low, high), names[:3], strict=True)
    ):
        return t.amount_mid_x2
    return ibis.ifelse(low.notnull() & high.notnull(), low + high, value + value)


def mid_sum(
    a: dict[str, ir.Value], name: str, where: ir.BooleanValue | None = None
) -> dict[str, ir.Value]:
    """The exact sum of doubled midpoints, ``X__x2``; :func:`join_mid` halves it into ``X``.

    Σ mid = ½·Σ(low + high over ranges, 2·value otherwise): one halving per group instead of a
    rescaling DECIMAL cast per row (three times faster on DuckDB, and exact).
    """
    return {f"{name}__x2": a["mid_x2"].sum(where=where)}


def half(value: Any) -> Decimal | None:
    """Exactly half of ``value`` (None stays None)."""
    return None if value is None else _EXACT.multiply(Decimal(value), _HALF)


def join_mid(row: dict[str, Any]) -> dict[str, Any]:
    """Replace every ``X__x2`` of ``row`` with ``X``, the midpoint sum to 6 decimal places."""
    for key in [k for k in row if k.endswith("__x2")]:
        total = half(row.pop(key))
        row[key[:-4]] = (
            None if total is None else total.quantize(_MICRO, ROUND_HALF_UP, context=_EXACT)
        )
    return row


def rows_of(results: Mapping[str, pa.Table], key: str = "rows") -> list[dict[str, Any]]:
    """The rows of one executed expression, midpoint sums joined."""
    return [join_mid(r) for r in results[key].to_pylist()]


def deals(q: Query, engine: Any) -> ir.Table:
    """The deals table inside the query's scope, with its filters applied (deals flagged
    implausible left out unless a filter names ``implausible``)."""
    t = engine.table("deals")
    if q.scope is not None:
        t = q.scope.apply(t)
    return filters.apply(filters.plausible(t, q.where), q.where, "deals")


def by_time_only(by: Sequence[str]) -> bool:
    """Whether every grouping of ``by`` is a time grain (a function of the deal's day, so
    grouping by day first adds no groups: see :func:`by_day`)."""
    return all(b in TIME_GRAINS for b in by)


def time_columns(day: ir.DateValue, by: Sequence[str]) -> dict[str, ir.Value]:
    """The year/quarter/month columns of ``by`` (time grains only) from a date."""
    out: dict[str, ir.Value] = {}
    for b in by:
        out["year"] = day.year()
        if b == "quarter":
            out["quarter"] = day.quarter()
        elif b == "month":
            out["month"] = day.month()
    return out


def group_columns(t: ir.Table, by: Sequence[str]) -> dict[str, ir.Value]:
    """Named grouping values: time grains become integer year/quarter/month columns."""
    out: dict[str, ir.Value] = {}
    for b in by:
        if b in TIME_GRAINS:
            out["year"] = t.deal_date.year()
            if b == "quarter":
                out["quarter"] = t.deal_date.quarter()
            elif b == "month":
                out["month"] = t.deal_date.month()
        else:
            out[b] = filters.column(t, b)
    return out


def output_dims(by: Sequence[str]) -> list[str]:
    """The grouping columns of a result: a quarter or a month comes with its year."""
    out: list[str] = []
    for b in by:
        if b in ("quarter", "month") and "year" not in out:
            out.append("year")
        if b not in out:
            out.append(b)
    return out


def grain_of(by: Sequence[str]) -> str | None:
    """The time grain among ``by``, if any."""
    return next((b for b in by if b in TIME_GRAINS), None)


def period_bounds(grain: str, year: int, sub: int | None) -> tuple[date, date]:
    """First and last day of a year, quarter (sub=1..4) or month (sub=1..12)."""
    if grain == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if grain == "quarter":
        assert sub is not None
        first = 3 * (sub - 1) + 1
        return date(year, first, 1), date(year, first + 2, _last_day(year, first + 2))
    assert sub is not None
    return date(year, sub, 1), date(year, sub, _last_day(year, sub))


def period_label(grain: str, year: int, sub: int | None) -> str:
    """``2018``, ``2018-Q3`` or ``2018-07``."""
    if grain == "year":
        return str(year)
    if grain == "quarter":
        return f"{year}-Q{sub}"
    return f"{year}-{sub:02d}"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def pct(part: Any, whole: Any) -> Decimal | None:
    """``part / whole`` in percent, 4 decimal places; None when undefined."""
    if part is None or whole is None or Decimal(whole) == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def ratio(part: Any, whole: Any, places: str = "0.01") -> Decimal | None:
    """``part / whole`` rounded half-up to ``places``; None when undefined."""
    if part is None or whole is None or Decimal(whole) == 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal(places), ROUND_HALF_UP)


def growth(now: Any, before: Any) -> Decimal | None:
    """Percentage change from ``before`` to ``now``; None without a positive base."""
    if now is None or before is None or Decimal(before) <= 0:
        return None
    return pct(Decimal(now) - Decimal(before), before)


def cents(value: Any) -> Decimal | None:
    """A money value rounded half-up to two decimal places."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)


def sort_key(value: Any) -> tuple[int, Any]:
    """Sort nulls (unknown) last, values ascending."""
    return (1, "") if value is None else (0, value)


def to_arrow(rows: Iterable[Mapping[str, Any]], schema: Sequence[tuple[str, Any]]) -> pa.Table:
    """Rows as an Arrow table of exactly ``schema`` (name, type) pairs; decimals are rounded
    half up to their column's scale (exact sums of converted amounts have 18 places).

    A key a row lacks is null; keys the schema does not name are left out. The rows are
    converted as one struct array (a conversion per column cost more than the values did).
    """
    fields = pa.schema(list(schema))
    steps = [
        (f.name, Decimal(1).scaleb(-f.type.scale)) for f in fields if pa.types.is_decimal(f.type)
    ]
    records = []
    for r in rows:
        record = dict(r)
        for name, step in steps:
            v = record.get(name)
            if v is not None:
                record[name] = Decimal(v).quantize(step, ROUND_HALF_UP, context=_EXACT)
        records.append(record)
    values = pa.array(records, type=pa.struct(list(fields)))
    return pa.Table.from_batches([pa.RecordBatch.from_struct_array(values)], schema=fields)


def dim_type(name: str) -> pa.DataType:
    """The Arrow type of a grouping column."""
    return pa.int32() if name in (*TIME_GRAINS, "founded_year") else pa.string()
