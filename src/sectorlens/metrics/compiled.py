"""Metrics on DuckDB from compiled plans: the answers of :func:`sectorlens.metrics.compute`,
without Ibis at run time once a query's shape has been compiled (see ``plans``).

``Compiled(con)`` reads the store's facts (once per store state) and keeps the plans; its
:meth:`Compiled.compute` validates the request like ``compute``, runs the shape's SQL with the
request's filter values bound, and finishes the rows with the metric's own ``finish``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sectorlens.metrics.plans import Build, FixedResults, PlanCache, run_plan
from sectorlens.metrics.store_facts import StoreFacts, load_facts, query_cache_dir

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

    from sectorlens.fx import FxRates
    from sectorlens.metrics.filters import Filter
    from sectorlens.metrics.registry import MetricResult
    from sectorlens.metrics.scope import Scope, ScopeCounts

_DEFAULT = object()


class Compiled:
    """Compiled metric plans over one store (thread-safe; each call takes a connection).

    ``static``: the store cannot change while this object lives (the web serves it read-only),
    so statements without parameters run once, and counts and sums read kept cubes (built once
    per store state and currency: worth it for a server, not for one command).
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        folder: Path | object | None = _DEFAULT,
        *,
        facts: StoreFacts | None = None,
        static: bool = False,
    ) -> None:
        self.folder = query_cache_dir() if folder is _DEFAULT else cast("Path | None", folder)
        self.cache = PlanCache(self.folder)
        self.facts = facts if facts is not None else load_facts(con, self.folder)
        self.facts.cubes = static and self.facts.token is not None
        # a store that cannot change (served read-only): results without parameters are kept
        self.fixed = FixedResults() if static else None

    def run(
        self,
        con: duckdb.DuckDBPyConnection,
        parts: Mapping[str, Any],
        filters: Sequence[Filter],
        build: Build,
    ) -> dict[str, pa.Table]:
        """``build``'s expressions for ``filters`` run on ``con`` from the shape's plan."""
        return run_plan(con, self.facts, self.cache, parts, filters, build, self.fixed)

    def default_currency(self, con: duckdb.DuckDBPyConnection, scope: Scope | None) -> str:
        """The scope's currency, else the most common currency of its deals, else EUR."""
        if scope is not None and scope.currency:
            return str(scope.currency)
        key = repr(scope)
        found = self.facts.default_for(key)
        if found is None:
            from sectorlens.metrics.engine import top_currency

            rows = self.run(
                con,
                {"kind": "default_currency", "scope": key},
                (),
                lambda _w, engine: {"top": top_currency(engine, scope)},
            )["top"].to_pylist()
            found = str(rows[0]["currency"]) if rows else "EUR"
            self.facts.remember_default(key, found)
        return found

    def compute(
        self,
        con: duckdb.DuckDBPyConnection,
        name: str,
        *,
        by: Sequence[str] | None = None,
        where: Sequence[str | Filter] = (),
        currency: str | None = None,
        params: Mapping[str, Any] | None = None,
        fx: FxRates | None = None,
        scope: Scope | None = None,
    ) -> MetricResult:
        """What ``sectorlens.metrics.compute`` answers for the same request, from a plan."""
        from sectorlens.metrics import get_metric
        from sectorlens.metrics.registry import MetricResult

        metric = get_metric(name)
        query = metric.query(by=by, where=where, currency=currency, params=params, fx=fx)
        view = _StoreView(self, con)
        query = query.with_store(cast(Any, view), currency is None, scope)
        parts = {
            "kind": "metric",
            "metric": metric.name,
            "by": list(query.by),
            "currency": query.currency,
            "params": repr(sorted(query.params.items())),
            "scope": repr(scope),
        }

        def build(where: Sequence[Filter], engine: Any) -> dict[str, Any]:
            return metric.build(replace(query, where=tuple(where)), engine)

        results = self.run(con, parts, query.where, build)
        return MetricResult(metric.name, metric.finish(results, query), query, "duckdb")

    def scope_counts(self, con: duckdb.DuckDBPyConnection, scope: Scope | None) -> ScopeCounts:
        """:func:`sectorlens.metrics.scope.scope_counts` from a plan."""
        from sectorlens.metrics.scope import counts_expr, counts_of

        rows = self.run(
            con,
            {"kind": "scope_counts", "scope": repr(scope)},
            (),
            lambda _w, engine: {"row": counts_expr(engine, scope)},
        )
        return counts_of(rows["row"], scope)


class _StoreView:
    """What ``Query.with_store`` asks of an engine, answered from the store facts."""

    name = "duckdb"

    def __init__(self, compiled: Compiled, con: duckdb.DuckDBPyConnection) -> None:
        self.compiled = compiled
        self.con = con

    def currencies(self) -> list[str]:
        return self.compiled.facts.currencies()

    def deal_currencies(self) -> list[str]:
        return self.compiled.facts.deal_currencies()

    def default_currency(self, scope: Scope | None = None) -> str:
        return self.compiled.default_currency(self.con, scope)
