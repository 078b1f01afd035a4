"""Each deal's rate into the query's currency, looked up per calendar day and currency from
the store's ``fx_rates`` (see common.py for the conversion conventions): a rate table built in
the query, per-day rate lists on DuckDB, or rates an engine keeps per store state."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sectorlens._lazy import lazy_module
from sectorlens.metrics.registry import Query

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")

RATE_TYPE = "decimal(38, 12)"


def rates_by_day(engine: Any, target: str, currencies: Sequence[str]) -> ir.Table:
    """Per day (``fx_day``): for each of ``currencies``, ``fx_rate_<i>`` (units of ``target``
    per unit) and ``fx_fixed_<i>`` (the older of the two fixings crossed through EUR)."""
    fx = engine.table("fx_rates")
    out = fx.filter(fx.currency == target).select(
        fx_day=fx.day, q_per_eur=fx.per_eur, q_fixed=fx.fixed_on
    )
    for i, code in enumerate(currencies):
        b = fx.filter(fx.currency == code)
        b = b.select(
            **{f"b_day_{i}": b.day, f"b_eur_per_{i}": b.eur_per, f"b_fixed_{i}": b.fixed_on}
        )
        out = out.left_join(b, out.fx_day == b[f"b_day_{i}"])
        out = out.mutate(
            **{
                f"fx_rate_{i}": (out.q_per_eur * out[f"b_eur_per_{i}"]).cast(RATE_TYPE),
                f"fx_fixed_{i}": ibis.least(out.q_fixed, out[f"b_fixed_{i}"]),
            }
        )
    cols = ["fx_day", *(f"fx_{k}_{i}" for i in range(len(currencies)) for k in ("rate", "fixed"))]
    return out.select(*cols)


def kept_rates(engine: Any, target: str, currencies: Sequence[str]) -> ir.Table | None:
    """The rates of :func:`rates_by_day`, one row per currency and day (``kr_cur``, ``kr_day``,
    ``kr_rate``, ``kr_fixed``), as a table the engine keeps for the store's state; None when
    the engine keeps no tables (an engine with ``keeps``, such as a compiled plan's, builds it
    once per store state and currency instead of in every query)."""
    if not getattr(engine, "keeps", False):
        return None
    r = rates_by_day(engine, target, currencies)
    parts = [
        r.select(
            kr_cur=ibis.literal(code, "string"),
            kr_day=r.fx_day,
            kr_rate=r[f"fx_rate_{i}"],
            kr_fixed=r[f"fx_fixed_{i}"],
        )
        for i, code in enumerate(currencies)
    ]
    long = parts[0].union(*parts[1:], distinct=False) if len(parts) > 1 else parts[0]
    return engine.keep(("rates", target, *currencies), long)


def with_rate(
    t: ir.Table,
    q: Query,
    engine: Any,
    currency: str = "currency",
    day: str = "deal_date",
    fixings: bool = False,
) -> ir.Table:
    """``t`` with ``fx_rate`` (units of ``q.currency`` per unit of the ``currency`` column on
    the ``day`` column's date: 1 in the target, null without a rate) and, with ``fixings``,
    ``fx_fixed_on`` (else null).

    The store's other currencies are known up front (``Engine.deal_currencies``), so each row
    picks its currency's rate of its day; with no other currency, no lookup at all. On DuckDB
    without ``fixings`` the rate is an index into a list of rates per calendar day (one scalar
    per currency, see :func:`_rate_lists`): no join, about a third of the cost of a hash join on
    the day over 10M deals. Otherwise each row joins one row of rates per day (a join on the date
    alone, about half the cost of a join on currency and date) and picks its currency's column.
    An engine that keeps tables (:func:`kept_rates`) joins its kept rates on currency and day
    instead: the same rates, no rate table to build and small expressions to plan.
    """
    target = q.currency
    foreign = [c for c in engine.deal_currencies() if c != target]
    one = ibis.literal(Decimal(1), RATE_TYPE)
    if not foreign:
        return t.mutate(fx_rate=one, fx_fixed_on=ibis.null("date"))
    kr = kept_rates(engine, target, foreign)
    if kr is not None:
        j = t.left_join(kr, (t[currency] == kr.kr_cur) & (t[day] == kr.kr_day))
        rate = ibis.cases((j[currency] == target, one), else_=j.kr_rate)
        fixed = j.kr_fixed if fixings or engine.name != "duckdb" else ibis.null("date")
        return j.mutate(fx_rate=rate, fx_fixed_on=fixed).drop(
            "kr_cur", "kr_day", "kr_rate", "kr_fixed"
        )
    r = rates_by_day(engine, target, foreign)
    code = t[currency]
    if not fixings and engine.name == "duckdb":
        first, lists = _rate_lists(r, len(foreign))
        # position in the lists (1-based); 0 (no element: null) before the first day
        at = ibis.greatest(t[day].delta(first, unit="day") + 1, 0)
        rate = ibis.cases(
            (code == target, one),
            *((code == c, _rate_at(lists[i], at)) for i, c in enumerate(foreign)),
        )
        return t.mutate(fx_rate=rate, fx_fixed_on=ibis.null("date"))
    j = t.left_join(r, t[day] == r.fx_day)
    code = j[currency]
    rate = ibis.cases(
        (code == target, one), *((code == c, j[f"fx_rate_{i}"]) for i, c in enumerate(foreign))
    )
    fixed = ibis.cases(*((code == c, j[f"fx_fixed_{i}"]) for i, c in enumerate(foreign)))
    return j.mutate(fx_rate=rate, fx_fixed_on=fixed).drop(
        "fx_day", *(f"fx_{k}_{i}" for i in range(len(foreign)) for k in ("rate", "fixed"))
    )


def _rate_at(rates: Any, position: Any) -> Any:
    """DuckDB: the element at a 1-based position of a list (null past either end at 0)."""
    return _list_extract()(rates, position)


@functools.cache
def _list_extract() -> Any:
    """DuckDB's ``list_extract`` on lists of rates, as an Ibis function (defined on first use,
    so that importing this module needs no Ibis)."""
    import ibis.expr.datatypes as dt

    @ibis.udf.scalar.builtin(
        name="list_extract",
        signature=((dt.Array(dt.Decimal(38, 12)), dt.int64), dt.Decimal(38, 12)),
    )
    def list_extract(rates: Any, position: Any) -> Any:
        """DuckDB: the element at a 1-based position of a list."""

    return list_extract


def _rate_lists(r: ir.Table, n: int) -> tuple[ir.Scalar, list[ir.Scalar]]:
    """The first day of the rates ``r`` (see :func:`rates_by_day`) and, for each of its ``n``
    currencies, the list of its rates on every calendar day from that one to the last (null
    on a day without a rate), as scalars."""
    b = r.aggregate(lo=r.fx_day.min(), hi=r.fx_day.max())
    cal = b.select(lo=b.lo, pos=ibis.range(0, b.hi.delta(b.lo, unit="day") + 1).unnest())
    cal = cal.select(cal_day=cal.lo + cal.pos.as_interval("D"), pos=cal.pos)
    j = cal.left_join(r, cal.cal_day == r.fx_day)
    out = j.aggregate(
        first=j.cal_day.min(),
        **{f"l{i}": j[f"fx_rate_{i}"].collect(order_by=j.pos, include_null=True) for i in range(n)},
    )
    return out.select("first").as_scalar(), [out.select(f"l{i}").as_scalar() for i in range(n)]
