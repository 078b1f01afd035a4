"""The metric registry: name → builder, declared parameters, ``by`` options and filters.

A metric is two steps. ``build`` turns a validated :class:`Query` into named Ibis expressions
(the heavy, exact aggregation that runs on DuckDB or Spark); ``finish`` turns their small Arrow
results into the answer, doing the ratios (shares, means, growth) in ``Decimal`` so that every
engine gives the same digits. The web exposes each registered metric generically from
:meth:`Metric.describe`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from sectorlens.errors import NoAnswer, UsageError
from sectorlens.metrics.filters import DATE_PATTERN, FIELDS, WS, Filter, check_fields, parse_all

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pandas as pd
    import polars as pl

    from sectorlens.fx import FxRates
    from sectorlens.metrics.engine import Engine
    from sectorlens.metrics.scope import Scope

_CODE = re.compile(r"^[A-Z]{3}$")
INT_BOUNDS = (-(2**31), 2**31 - 1)  # an int parameter without its own bounds
TIME_GRAINS = ("year", "quarter", "month")
DIMENSIONS = (
    "province",
    "city",
    "cluster",
    "country",
    "region",
    "sector",
    "chain_layer",
    "round",
    "source_format",
)


@dataclass(frozen=True, slots=True)
class Param:
    """A declared metric parameter: name, type (str, int or date), default, allowed choices."""

    name: str
    type: type
    help: str
    default: Any = None
    choices: tuple[str, ...] = ()
    bounds: tuple[int, int] | None = None  # inclusive range of an int parameter
    pattern: str | None = None  # what a str or date parameter's text must match (re.search)
    required: bool = False

    def text_pattern(self) -> str | None:
        """The pattern the parameter's text must match (a date's is the calendar day's)."""
        return rf"^{WS}*{DATE_PATTERN}{WS}*$" if self.type is date else self.pattern

    def convert(self, value: Any) -> Any:
        """The value in this parameter's type; UsageError when it does not fit."""
        if value is None:
            if self.required:
                raise UsageError(f"parameter {self.name} is required: {self.help}")
            return self.default
        pattern = self.text_pattern()
        if pattern and isinstance(value, str) and not re.search(pattern, value):
            raise UsageError(f"parameter {self.name} takes {self.help}, not {value[:40]!r}")
        if self.type is int and not isinstance(value, int):
            try:
                value = int(str(value))
            except ValueError:
                raise UsageError(f"parameter {self.name} takes a whole number") from None
        low, high = self.bounds or INT_BOUNDS
        if self.type is int and not low <= value <= high:
            raise UsageError(f"parameter {self.name} is from {low} to {high}")
        elif self.type is date and not isinstance(value, date):
            try:
                value = date.fromisoformat(str(value).strip())
            except ValueError:
                raise UsageError(f"parameter {self.name} takes a date YYYY-MM-DD") from None
        elif self.type is str:
            value = str(value)
        if self.choices and value not in self.choices:
            raise UsageError(f"parameter {self.name} is one of {', '.join(self.choices)}")
        return value


@dataclass(frozen=True, slots=True)
class Query:
    """A validated request: grouping, filters, currency and parameters."""

    by: tuple[str, ...] = ()
    where: tuple[Filter, ...] = ()
    currency: str = "EUR"  # compute() sets the store's default and checks it against fx_rates
    params: Mapping[str, Any] = field(default_factory=dict)
    fx: FxRates | None = None
    scope: Scope | None = None

    def param(self, name: str) -> Any:
        """A parameter's value (its default when not given)."""
        return self.params.get(name)

    def with_store(self, engine: Engine, default_currency: bool, scope: Scope | None) -> Query:
        """This query with ``scope`` and its currency checked against the store's ``fx_rates``
        (or, when ``default_currency``, the scope's currency or the deals' most common one)."""
        code = self.currency
        if default_currency:
            code = engine.default_currency(scope)
        known = engine.currencies()
        if not known and code.isalpha():
            # no rates yet (loaded by the first ingest): only deals already in ``code`` count
            return replace(self, currency=code, scope=scope)
        if code not in known:
            # the deals' own currencies first, then EUR (the rates' base), then the others
            first = [*engine.deal_currencies(), "EUR"]
            shown = [c for c in dict.fromkeys(first) if c in known]
            shown += [c for c in known if c not in shown][: max(0, 8 - len(shown))]
            raise NoAnswer(  # a valid code this store cannot answer for (the web's 404)
                f"no exchange rates for currency {code!r} in this store; known: "
                f"{', '.join(shown)}{', …' if len(known) > len(shown) else ''} "
                f"({len(known)} in all)"
            )
        return replace(self, currency=code, scope=scope)


Build = Callable[[Query, "Engine"], "dict[str, ir.Table]"]
Finish = Callable[[dict[str, pa.Table], Query], pa.Table]


@dataclass(frozen=True, slots=True)
class Metric:
    """One registered metric (see the module docstring)."""

    name: str
    title: str
    help: str
    build: Build
    finish: Finish
    table: str = "deals"
    by: tuple[str, ...] = ()  # the allowed ``by`` values
    default_by: tuple[str, ...] = ()
    max_by: int = 1
    min_by: int = 0
    params: tuple[Param, ...] = ()
    money: bool = True
    in_report: bool = True
    needs_grain: bool = False  # ``by`` must include a time grain

    def describe(self) -> dict[str, Any]:
        """A JSON-ready description (what the web API and ``--help`` show)."""
        return {
            "name": self.name,
            "title": self.title,
            "help": self.help,
            "by": list(self.by),
            "default_by": list(self.default_by),
            "max_by": min(self.max_by, len(self.by)),
            "money": self.money,
            "filters": [n for n, f in FIELDS.items() if self.table in f.tables],
            "params": [
                {
                    "name": p.name,
                    "type": p.type.__name__,
                    "help": p.help,
                    "default": None if p.default is None else str(p.default),
                    "choices": list(p.choices),
                }
                for p in self.params
            ],
        }

    def query(
        self,
        *,
        by: Sequence[str] | None = None,
        where: Sequence[str | Filter] = (),
        currency: str | None = None,
        params: Mapping[str, Any] | None = None,
        fx: FxRates | None = None,
    ) -> Query:
        """Validate user input into a Query; UsageError names the first problem."""
        chosen = tuple(self.default_by) if by is None else tuple(by)
        for b in chosen:
            if b not in self.by:
                allowed = ", ".join(self.by) or "nothing"
                raise UsageError(f"{self.name} cannot be grouped by {b!r}; allowed: {allowed}")
        if len(set(chosen)) != len(chosen):
            raise UsageError(f"{self.name}: --by repeats a field")
        if not self.min_by <= len(chosen) <= self.max_by:
            raise UsageError(f"{self.name} takes {self.min_by} to {self.max_by} --by fields")
        grains = [b for b in chosen if b in TIME_GRAINS]
        if len(grains) > 1:
            raise UsageError(f"{self.name}: choose one of {', '.join(TIME_GRAINS)}")
        if self.needs_grain and not grains:
            raise UsageError(f"{self.name} needs one of {', '.join(TIME_GRAINS)} in --by")
        code = "EUR" if currency is None else currency.strip().upper()
        if not _CODE.match(code):
            raise UsageError(f"currency {currency!r}: give an ISO 4217 code such as USD or EUR")
        filters = parse_all(where)
        check_fields(filters, self.table)
        given = dict(params or {})
        known = {p.name: p for p in self.params}
        for name in given:
            if name not in known:
                raise UsageError(f"{self.name} has no parameter {name!r}")
        values = {p.name: p.convert(given.get(p.name)) for p in self.params}
        return Query(chosen, filters, code, values, fx)


@dataclass(frozen=True, slots=True)
class MetricResult:
    """A metric's answer: an Arrow table plus what produced it."""

    metric: str
    table: pa.Table
    query: Query
    engine: str

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame (amounts stay ``Decimal``)."""
        return self.table.to_pandas()

    def to_polars(self) -> pl.DataFrame:
        """The rows as a Polars DataFrame (needs polars installed)."""
        import polars as pl

        return pl.from_arrow(self.table)  # type: ignore[return-value]

    def to_pylist(self) -> list[dict[str, Any]]:
        """The rows as dictionaries."""
        return self.table.to_pylist()


def run(metric: Metric, engine: Engine, query: Query) -> MetricResult:
    """Build, execute and finish ``metric`` for ``query`` on ``engine``."""
    exprs = metric.build(query, engine)
    results = {name: engine.execute(expr) for name, expr in exprs.items()}
    return MetricResult(metric.name, metric.finish(results, query), query, engine.name)
