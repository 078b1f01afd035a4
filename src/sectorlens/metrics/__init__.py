"""Deal analytics as Ibis expressions over the store, on DuckDB or PySpark.

``compute(engine, "shares", by=["province"], where=["year>=2014"], currency="USD")`` returns a
:class:`MetricResult` (an Arrow table; ``.to_pandas()`` / ``.to_polars()``). ``REGISTRY`` maps
each metric name to its declaration (parameters, ``by`` options, filters): see ``describe()``.

Ibis and Arrow are imported on first use of a name that needs them, so that code which only needs
``sectorlens.metrics.reference`` (the report's published figures) does not pay for them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sectorlens._lazy import lazy_attributes
from sectorlens.errors import UsageError

if TYPE_CHECKING:
    from sectorlens.fx import FxRates
    from sectorlens.metrics.catalog import REGISTRY
    from sectorlens.metrics.engine import ENGINES, Engine, from_duckdb, open_engine
    from sectorlens.metrics.filters import FIELDS, Filter, make_filter, parse_where
    from sectorlens.metrics.registry import Metric, MetricResult, Param, Query
    from sectorlens.metrics.scope import Scope

# Public name → the submodule that defines it (imported by ``__getattr__`` on first use).
_LAZY = {
    "REGISTRY": "catalog",
    "ENGINES": "engine",
    "Engine": "engine",
    "from_duckdb": "engine",
    "open_engine": "engine",
    "FIELDS": "filters",
    "Filter": "filters",
    "make_filter": "filters",
    "parse_where": "filters",
    "Scope": "scope",
    "Metric": "registry",
    "MetricResult": "registry",
    "Param": "registry",
    "Query": "registry",
}

__all__ = [
    "ENGINES",
    "FIELDS",
    "REGISTRY",
    "Engine",
    "Filter",
    "Metric",
    "MetricResult",
    "Param",
    "Query",
    "Scope",
    "compute",
    "describe",
    "from_duckdb",
    "get_metric",
    "make_filter",
    "open_engine",
    "parse_where",
    "sql",
]


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals(), __all__)


def get_metric(name: str) -> Metric:
    """The registered metric ``name``; UsageError lists the known ones."""
    from sectorlens.metrics.catalog import REGISTRY

    try:
        return REGISTRY[name]
    except KeyError:
        raise UsageError(f"unknown metric {name!r}; known: {', '.join(REGISTRY)}") from None


def compute(
    engine: Engine,
    name: str,
    *,
    by: Sequence[str] | None = None,
    where: Sequence[str | Filter] = (),
    currency: str | None = None,
    params: Mapping[str, Any] | None = None,
    fx: FxRates | None = None,
    scope: Scope | None = None,
) -> MetricResult:
    """Validate the request, run metric ``name`` on ``engine`` and return its rows.

    ``currency`` is any currency of the store's ``fx_rates`` (default: the scope's currency,
    else the most common currency of the deals); ``scope`` keeps only the subject's deals.
    """
    from sectorlens.metrics.registry import run

    metric = get_metric(name)
    query = metric.query(by=by, where=where, currency=currency, params=params, fx=fx)
    query = query.with_store(engine, currency is None, scope)
    return run(metric, engine, query)


def sql(engine: Engine, name: str, **request: Any) -> dict[str, str]:
    """The SQL Ibis generates for metric ``name`` on ``engine``'s dialect, per expression."""
    import ibis

    metric = get_metric(name)
    scope = request.pop("scope", None)
    default = request.get("currency") is None
    query = metric.query(**request).with_store(engine, default, scope)
    dialect = "duckdb" if engine.name == "duckdb" else "spark"
    return {
        key: str(ibis.to_sql(expr, dialect=dialect))
        for key, expr in metric.build(query, engine).items()
    }


def describe() -> list[dict[str, Any]]:
    """Every metric's declaration, JSON-ready (for ``/api/metrics``)."""
    from sectorlens.metrics.catalog import REGISTRY

    return [m.describe() for m in REGISTRY.values()]
