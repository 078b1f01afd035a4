"""A subject's scope: which deals of the store it covers (countries; optionally sectors, years).

A store may hold deals of many subjects (every export ingested into one file). A report, the
dashboard, ``query --subject`` and ``check --store`` pass the subject's :class:`Scope` to the
metrics, which keep only the deals inside it; :func:`scope_counts` says how many deals of the
store were left out and why (each deal under the first reason that excludes it: country, then
sector, then years). A deal whose country is unknown is outside any scope that names countries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sectorlens._lazy import lazy_module
from sectorlens.errors import InputError, NoAnswer

if TYPE_CHECKING:
    import ibis
    import ibis.expr.types as ir
else:
    ibis = lazy_module("ibis")

REASONS = ("country", "sector", "years")


@dataclass(frozen=True, slots=True)
class Scope:
    """The deals of one subject; an empty tuple (or no years) leaves that field open."""

    subject: str | None = None
    countries: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    currency: str | None = None  # the subject's default currency for amounts

    @classmethod
    def from_subject(cls, subject: Mapping[str, Any]) -> Scope:
        """The scope a ``subject.yaml`` declares: ``scope: {countries, sectors, years}``.

        Without a ``scope`` block, the subject's ``country`` (if any) is its scope. The default
        currency is the subject's ``home_currency``.
        """
        name = str(subject.get("id") or "") or None
        raw = subject.get("scope")
        if raw is None:
            country = subject.get("country")
            raw = {"countries": [country]} if country else {}
        if not isinstance(raw, Mapping):
            raise InputError(f"subject {name}: scope must be a mapping of countries/sectors/years")
        unknown = set(raw) - {"countries", "sectors", "years"}
        if unknown:
            raise InputError(f"subject {name}: unknown scope key(s) {', '.join(sorted(unknown))}")
        countries = _codes(raw.get("countries"), name, "countries")
        sectors = _codes(raw.get("sectors"), name, "sectors")
        years = raw.get("years")
        span: tuple[int, int] | None = None
        if years is not None:
            if (
                not isinstance(years, list | tuple)
                or len(years) != 2
                or not all(isinstance(y, int) for y in years)
                or years[0] > years[1]
            ):
                raise InputError(f"subject {name}: scope years must be [first, last], got {years}")
            span = (int(years[0]), int(years[1]))
        # the figures' currency; ``currency`` may instead map report languages to reader
        # currencies ({ko: KRW, en: USD}), which is not the deals' default
        currency = subject.get("home_currency") or subject.get("currency")
        code = currency if isinstance(currency, str) and currency else None
        return cls(name, countries, sectors, span, code)

    @property
    def is_open(self) -> bool:
        """True when the scope keeps every deal."""
        return not self.countries and not self.sectors and self.years is None

    def tests(self, t: ir.Table, year: ir.Value | None = None) -> dict[str, ir.BooleanValue]:
        """Per reason, the predicate a deal of ``t`` must meet (only the declared ones);
        ``year``: the deals' year where ``t`` has no ``deal_date`` (a cube's ``year``)."""
        out: dict[str, ir.BooleanValue] = {}
        if self.countries:
            out["country"] = t.country.isin(list(self.countries)).fill_null(False)
        if self.sectors:
            out["sector"] = t.sector.isin(list(self.sectors)).fill_null(False)
        if self.years is not None:
            year = t.deal_date.year() if year is None else year
            out["years"] = year.between(self.years[0], self.years[1]).fill_null(False)
        return out

    def apply(self, t: ir.Table, year: ir.Value | None = None) -> ir.Table:
        """The deals of ``t`` inside the scope (``year``: see :meth:`tests`)."""
        preds = list(self.tests(t, year).values())
        return t.filter(*preds) if preds else t

    def apply_companies(self, t: ir.Table) -> ir.Table:
        """The companies of ``t`` inside the scope's countries and sectors."""
        preds = []
        if self.countries:
            preds.append(t.country.isin(list(self.countries)).fill_null(False))
        if self.sectors:
            preds.append(t.sector.isin(list(self.sectors)).fill_null(False))
        return t.filter(*preds) if preds else t

    def describe(self) -> str:
        """``countries CN; years 2014–2021`` (``all deals`` when open)."""
        parts = []
        if self.countries:
            parts.append("countries " + ", ".join(self.countries))
        if self.sectors:
            parts.append("sectors " + ", ".join(self.sectors))
        if self.years is not None:
            parts.append(f"years {self.years[0]}–{self.years[1]}")
        return "; ".join(parts) or "all deals"


@dataclass(frozen=True, slots=True)
class ScopeCounts:
    """How many deals of the store a scope keeps, and how many it leaves out per reason."""

    total: int
    in_scope: int
    out: dict[str, int]

    @property
    def left_out(self) -> int:
        """Deals outside the scope, all reasons together."""
        return self.total - self.in_scope

    def describe(self) -> str:
        """``1,234 of 5,000 deals in scope; left out: 3,700 out of country, 66 out of years``."""
        reasons = [f"{n:,} out of {r}" for r, n in self.out.items() if n]
        text = f"{self.in_scope:,} of {self.total:,} deals in scope"
        return text + (f"; left out: {', '.join(reasons)}" if reasons else "")


def scope_counts(engine: Any, scope: Scope | None) -> ScopeCounts:
    """Count the store's deals in ``scope`` and those left out by reason (first failing)."""
    return counts_of(engine.execute(counts_expr(engine, scope)), scope)


def counts_expr(engine: Any, scope: Scope | None) -> ir.Table:
    """One row: the store's deals (``total``), those in ``scope`` and, per reason, those it
    leaves out (each deal under the first reason that excludes it)."""
    t = engine.table("deals")
    tests = scope.tests(t) if scope is not None else {}
    aggs: dict[str, ir.Value] = {"total": t.count()}
    passed: ir.BooleanValue = ibis.literal(True)
    for reason in REASONS:
        if reason in tests:
            aggs[reason] = t.count(where=passed & ~tests[reason])
            passed = passed & tests[reason]
    aggs["in_scope"] = t.count(where=passed)
    return t.aggregate(**aggs)


def counts_of(table: Any, scope: Scope | None) -> ScopeCounts:
    """The :class:`ScopeCounts` in the row of :func:`counts_expr`."""
    row = table.to_pylist()[0]
    declared = [r for r in REASONS if scope is not None and r in _declared(scope)]
    out = {r: int(row[r] or 0) for r in declared}
    return ScopeCounts(int(row["total"] or 0), int(row["in_scope"] or 0), out)


def _declared(scope: Scope) -> tuple[str, ...]:
    """The reasons ``scope`` can leave a deal out for (those it declares)."""
    found = (
        ("country", bool(scope.countries)),
        ("sector", bool(scope.sectors)),
        ("years", scope.years is not None),
    )
    return tuple(r for r, declared in found if declared)


@dataclass(frozen=True, slots=True)
class Implausible:
    """Deals flagged ``implausible_amount`` (in a scope, under filters): how many, and per
    currency the largest amount with its company and date, the largest in euros first (at each
    currency's latest rate in the store)."""

    count: int
    largest: tuple[dict[str, Any], ...]  # {currency, amount, company_name, deal_date, n}


def any_implausible(engine: Any) -> bool:
    """Whether any deal of the store is flagged implausible_amount."""
    from sectorlens.metrics import filters

    t = engine.table("deals")
    return bool(engine.execute(t.filter(filters.column(t, "implausible")).limit(1)).num_rows)


def implausible_deals(engine: Any, scope: Scope | None, where: Any = ()) -> Implausible:
    """The deals of ``scope`` (and of the ``where`` filters that apply to deals) flagged
    implausible_amount, whether or not a filter keeps them."""
    expr = implausible_expr(engine, scope, implausible_clauses(where))
    rows = engine.execute(expr).to_pylist()
    if not rows:
        return Implausible(0, ())
    found = [r["currency"] for r in rows if r["currency"]]
    rates = latest_rates(engine.execute(latest_rates_expr(engine, found)))
    return implausible_of(rows, rates)


def implausible_clauses(where: Any) -> list[Any]:
    """The filters of ``where`` that select implausible deals (those on deal fields, other
    than ``implausible`` itself)."""
    from sectorlens.metrics import filters

    return [
        f
        for f in filters.parse_all(where)
        if f.field != "implausible" and "deals" in filters.FIELDS[f.field].tables
    ]


def implausible_expr(engine: Any, scope: Scope | None, clauses: Any) -> ir.Table:
    """Per currency, the flagged deals of ``scope`` under ``clauses``: how many, the largest
    amount, its company and date."""
    from sectorlens.metrics import arrow_forms, filters

    t = engine.table("deals")
    if getattr(engine, "cubes", False):  # the flagged deals, kept once per store state
        t = engine.keep(("implausible_deals",), t.filter(filters.column(t, "implausible")))
    name = arrow_forms.kept_name(t) if getattr(engine, "cubes", False) else None
    if scope is not None:
        t = scope.apply(t)
    t = filters.apply(t, clauses, "deals")
    t = t.filter(filters.column(t, "implausible"))
    amount = ibis.coalesce(t.amount_low, t.amount_value, t.amount_high)
    rows = t.group_by("currency").aggregate(
        n=t.count(),
        amount=amount.max(),
        company_name=t.company_name.argmax(amount),
        deal_date=t.deal_date.argmax(amount),
    )
    if name is not None and scope is None:
        arrow_forms.record(engine, rows, {"kind": "largest", "table": name})
    return rows


def latest_rates_expr(engine: Any, currencies: list[str] | None = None) -> ir.Table:
    """Per currency (of ``currencies``, or every one), EUR per unit at its latest fixing."""
    fx = engine.table("fx_rates")
    if currencies is not None:
        fx = fx.filter(fx.currency.isin(currencies))
    return fx.group_by("currency").aggregate(eur_per=fx.eur_per.argmax(fx.day))


def latest_rates(table: Any) -> dict[str, Any]:
    """The rows of :func:`latest_rates_expr` as a mapping."""
    return {r["currency"]: r["eur_per"] for r in table.to_pylist()}


def implausible_of(rows: list[dict[str, Any]], rates: dict[str, Any]) -> Implausible:
    """The :class:`Implausible` of the rows of :func:`implausible_expr`, the largest in euros
    first (at ``rates``)."""
    if not rows:
        return Implausible(0, ())

    def euros(row: dict[str, Any]) -> tuple[int, Any]:
        rate = rates.get(row["currency"])
        value = row["amount"] or 0
        return (1, value * rate) if rate is not None else (0, value)

    ordered = sorted(rows, key=euros, reverse=True)
    return Implausible(sum(int(r["n"]) for r in rows), tuple(ordered))


def known_subjects(con: Any, folder: Any = None) -> dict[str, dict[str, Any]]:
    """Subjects by id: the data set loaded in the store, then the bundled data sets (and the
    data set in ``folder``, when given, first of all)."""
    from importlib.resources import files
    from pathlib import Path

    import yaml

    from sectorlens.errors import StoreError
    from sectorlens.store import stored_reference

    found: dict[str, dict[str, Any]] = {}
    paths = [Path(folder) / "subject.yaml"] if folder is not None else []
    paths += sorted(Path(str(files("sectorlens") / "data")).rglob("subject.yaml"))
    for path in paths:
        try:
            subject = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(subject, dict) and subject.get("id"):
            found.setdefault(str(subject["id"]), {**subject, "_folder": path.parent.name})
    try:
        stored = stored_reference(con).presentation.get("subject") or {}
    except StoreError:
        stored = {}
    if stored.get("id") and str(stored["id"]) not in found:
        found = {str(stored["id"]): stored, **found}
    return found


def find_subject(con: Any, name: str, *, folders: bool = True) -> dict[str, Any]:
    """The ``subject.yaml`` of subject ``name``: the data set loaded in the store, a bundled
    data set with that id (or folder name), or (with ``folders``) a data set folder; InputError
    lists the known ones."""
    from pathlib import Path

    own = folders and (Path(name) / "subject.yaml").is_file()
    known = known_subjects(con, Path(name) if own else None)
    if own:
        return next(iter(known.values()))
    for sid, subject in known.items():
        if name in (sid, subject.get("_folder")):
            return subject
    raise NoAnswer(f"unknown subject {name!r}; known: {', '.join(sorted(known)) or 'none'}")


def _codes(value: Any, name: str | None, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        raise InputError(f"subject {name}: scope {key} must be a list of codes")
    return tuple(value)
