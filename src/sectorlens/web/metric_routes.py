"""Every registered metric at ``/api/<metric>``, ``.json`` and ``.csv`` by suffix (Datasette).

The query parameters are those of ``sectorlens query``: ``by`` and ``where`` (repeatable),
``currency``, and each of the metric's declared parameters under its own name. The routes are
generated from the registry, with enums for the ``by`` options and choices and the patterns the
metrics check (``clause_pattern``, ``Param.text_pattern``), so the OpenAPI schema says exactly
what each metric accepts.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import Field, StringConstraints

from sectorlens.errors import UsageError
from sectorlens.metrics import REGISTRY, Metric
from sectorlens.metrics.filters import clause_pattern
from sectorlens.metrics.output import cell_text
from sectorlens.metrics.registry import TIME_GRAINS
from sectorlens.web import schemas
from sectorlens.web.output import (
    attachment,
    dumps,
    header_list,
    table_columns,
    table_csv,
    table_rows,
)
from sectorlens.web.provenance import behind, every_load
from sectorlens.web.runner import Lease
from sectorlens.web.site import Site

RESERVED = ("by", "where", "currency", "subject", "lang")
# A currency code (checked against the store's rate table) and a subject id (never a path).
CURRENCY = Annotated[str | None, StringConstraints(pattern=r"^[A-Za-z]{3}$")]
SUBJECT = Annotated[str | None, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,100}$")]
FORMATS = ("json", "csv")


def _choices(name: str, values: tuple[str, ...] | list[str]) -> type[enum.Enum]:
    return enum.Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


def _parameters(metric: Metric) -> list[inspect.Parameter]:
    kw = inspect.Parameter.KEYWORD_ONLY
    params = [inspect.Parameter("request", kw, annotation=Request)]
    if metric.by:
        by_enum = _choices(f"{metric.name}_by", metric.by)
        help_by = f"group by (repeatable, up to {metric.max_by}); default: " + (
            ", ".join(metric.default_by) or "none"
        )
        params.append(
            inspect.Parameter(
                "by",
                kw,
                default=None,
                annotation=Annotated[
                    list[by_enum] | None,  # type: ignore[valid-type]
                    Query(description=help_by, json_schema_extra=_by_schema(metric)),
                ],
            )
        )
    fields = tuple(metric.describe()["filters"])
    item = Field(max_length=500, json_schema_extra={"pattern": clause_pattern(fields)})
    params.append(
        inspect.Parameter(
            "where",
            kw,
            default=None,
            annotation=Annotated[
                list[Annotated[str, item]] | None,
                Query(
                    description="filter FIELD OP VALUE, e.g. year>=2014 (repeatable); OP is one "
                    "of = != >= <= > <; = and != take a comma-separated list or null; "
                    f"fields: {', '.join(fields)}",
                    max_length=50,
                ),
            ],
        )
    )
    if metric.money:
        params.append(
            inspect.Parameter(
                "currency",
                kw,
                default=None,
                annotation=Annotated[
                    CURRENCY,
                    Query(
                        description="currency of amounts: any of the store's rate table "
                        "(default: the subject's, else the deals' most common currency)"
                    ),
                ],
            )
        )
    params.append(
        inspect.Parameter(
            "subject",
            kw,
            default=None,
            annotation=Annotated[
                SUBJECT, Query(description="only the deals in this subject's scope (its id)")
            ],
        )
    )
    for p in metric.params:
        if p.name in RESERVED:
            raise UsageError(f"metric {metric.name}: parameter {p.name!r} clashes with {RESERVED}")
        typ: Any = str
        extra: dict[str, Any] = {}
        if p.choices:
            typ = _choices(f"{metric.name}_{p.name}", p.choices)
        elif p.type is int:
            low, high = p.bounds or (-(2**31), 2**31 - 1)
            typ, extra = int, {"ge": low, "le": high}
        else:
            # A string (a date too: pydantic would also take numbers as timestamps). Its pattern
            # is checked by the metric (Param.convert) and stated in the schema.
            extra = {"max_length": 200}
            if p.text_pattern():
                extra["json_schema_extra"] = {"pattern": p.text_pattern()}
        params.append(
            inspect.Parameter(
                p.name,
                kw,
                default=inspect.Parameter.empty if p.required else None,
                annotation=Annotated[
                    typ if p.required else typ | None, Query(description=p.help, **extra)
                ],
            )
        )
    return params


def _by_schema(metric: Metric) -> dict[str, Any]:
    """What ``by`` takes beyond its values: distinct, how many, one time grain (or exactly one)."""
    extra: dict[str, Any] = {"uniqueItems": True, "maxItems": min(metric.max_by, len(metric.by))}
    if metric.min_by:
        extra["minItems"] = metric.min_by
    grains = [g for g in metric.by if g in TIME_GRAINS]
    if grains:
        extra["contains"] = {"enum": grains}
        extra["maxContains"] = 1
        extra["minContains"] = 1 if metric.needs_grain else 0
    return extra


def _value(v: Any) -> Any:
    return v.value if isinstance(v, enum.Enum) else v


def answer(site: Site, metric: Metric, fmt: str, request: dict[str, Any]) -> Response:
    """Compute ``metric`` for the validated query parameters and render it as ``fmt``."""
    by = [_value(b) for b in request.pop("by", None) or []] or None
    where = list(request.pop("where", None) or [])
    currency = request.pop("currency", None)
    subject = request.pop("subject", None)
    params = {k: _value(v) for k, v in request.items() if v is not None}
    data = compute_answer(
        site, metric, by=by, where=where, currency=currency, params=params, subject=subject
    )
    return render(data, fmt, metric.name)


def subject_scope(site: Site, subject: str | None) -> Any:
    """The scope of subject ``subject`` (None: every deal), found once per app."""
    if subject is None:
        return None
    from sectorlens.metrics import Scope
    from sectorlens.metrics.scope import find_subject

    def make() -> Any:
        return Scope.from_subject(find_subject(site.con.cursor(), subject, folders=False))

    return site.once(f"scope:{subject}", make)


def implausible_meta(site: Site, lease: Lease, scope: Any, where: Any) -> dict[str, Any]:
    """How many deals under these filters are flagged implausible_amount, whether the answer
    keeps them (a ``where`` naming ``implausible``) and the largest (in euros). A store without
    any such deal (asked once per app) costs no query per answer; one with them, one query
    from a compiled plan (the latest rates are read once per app)."""
    from sectorlens.metrics.scope import (
        any_implausible,
        implausible_clauses,
        implausible_expr,
        implausible_of,
        latest_rates,
        latest_rates_expr,
    )

    included = any(f.field == "implausible" for f in where)
    if not site.once("implausible:any", lambda: any_implausible(lease.engine)):
        return {"count": 0, "included": included, "largest": None}
    compiled = site.compiled
    rows = compiled.run(
        lease.con,
        {"kind": "implausible", "scope": repr(scope)},
        implausible_clauses(where),
        lambda w, engine: {"rows": implausible_expr(engine, scope, w)},
    )["rows"].to_pylist()
    rates = site.once(
        "latest_rates",
        lambda: latest_rates(
            compiled.run(
                lease.con,
                {"kind": "latest_rates"},
                (),
                lambda _w, engine: {"rates": latest_rates_expr(engine)},
            )["rates"]
        ),
    )
    found = implausible_of(rows, rates)
    top = found.largest[0] if found.largest else None
    largest = None
    if top is not None and top["amount"] is not None:
        largest = {
            "amount": cell_text(top["amount"]),
            "currency": top["currency"],
            "company_name": top["company_name"],
            "year": top["deal_date"].year if top["deal_date"] else None,
        }
    return {
        "count": found.count,
        "included": included,
        "largest": largest,
    }


def compute_answer(
    site: Site,
    metric: Metric,
    *,
    by: list[str] | None,
    where: list[str],
    currency: str | None,
    params: dict[str, Any],
    subject: str | None = None,
) -> dict[str, Any]:
    """``{"table", "meta", "loads", "sources"}`` of one metric request (cached per app)."""
    key = (
        "metric",
        metric.name,
        tuple(by or ()),
        tuple(where),
        currency,
        subject,
        tuple(sorted(params.items())),
    )
    scope = subject_scope(site, subject)

    def work(lease: Lease) -> dict[str, Any]:
        result = site.compiled.compute(
            lease.con,
            metric.name,
            by=by,
            where=where,
            currency=currency,
            params=params,
            fx=site.fx,
            scope=scope,
        )
        q = result.query
        table = result.table
        truncated = table.num_rows > site.settings.row_cap
        if truncated:
            table = table.slice(0, site.settings.row_cap)
        meta = {
            "metric": metric.name,
            "title": metric.title,
            "by": list(q.by),
            "where": [str(f) for f in q.where],
            "currency": q.currency,
            "subject": subject,
            "params": {k: cell_text(v) for k, v in q.params.items()},
            "engine": result.engine,
            "row_count": table.num_rows,
            "truncated": truncated,
            "row_cap": site.settings.row_cap,
            # the same for every chart of one view (same filters): kept per scope and filters
            "implausible": site.runner.remember(
                ("implausible", repr(scope), tuple(q.where)),
                lambda: implausible_meta(site, lease, scope, q.where),
            ),
        }
        all_loads = site.once("loads", lambda: every_load(lease.con))
        provenance = behind(
            site.compiled,
            lease,
            metric,
            q.where,
            result.table,
            all_loads,
            site.runner.remember,
        )
        return {"table": table, "meta": meta, **provenance}

    return site.runner.cached(key, work)


def render(data: dict[str, Any], fmt: str, name: str) -> Response:
    """A computed answer as JSON or CSV (CSV names its loads and sources in headers)."""
    table = data["table"]
    loads = [load["load_id"] for load in data["loads"]]
    sources = [s["source_id"] for s in data["sources"]]
    if fmt == "csv":
        headers = {
            "Content-Disposition": attachment(f"{name}.csv"),
            "X-Sectorlens-Loads": header_list(loads),
            "X-Sectorlens-Sources": header_list(sources),
            "X-Sectorlens-Truncated": str(data["meta"]["truncated"]).lower(),
        }
        return Response(table_csv(table), media_type="text/csv; charset=utf-8", headers=headers)
    document = {
        "meta": data["meta"],
        "columns": table_columns(table),
        "rows": table_rows(table),
        "loads": data["loads"],
        "sources": data["sources"],
    }
    return Response(dumps(document), media_type="application/json")


def _endpoint(metric: Metric, fmt: str | None) -> Callable[..., Awaitable[Response]]:
    async def endpoint(request: Request, **query: Any) -> Response:
        site: Site = request.app.state.site
        return await site.runner.call(lambda: answer(site, metric, fmt or "json", dict(query)))

    endpoint.__signature__ = inspect.Signature(_parameters(metric))  # type: ignore[attr-defined]
    endpoint.__name__ = f"metric_{metric.name}_{fmt or 'default'}"
    return endpoint


def router() -> APIRouter:
    """The metric routes, generated from the registry."""
    r = APIRouter(tags=["metrics"])
    for metric in REGISTRY.values():
        json_ok, csv_ok = schemas.ok(json=schemas.METRIC), schemas.ok(csv=True)
        for suffix, fmt, responses in (
            ("", None, json_ok),
            (".json", "json", json_ok),
            (".csv", "csv", csv_ok),
        ):
            r.add_api_route(
                f"/api/{metric.name}{suffix}",
                _endpoint(metric, fmt),
                methods=["GET"],
                summary=f"{metric.title}{' (' + fmt + ')' if fmt else ''}",
                description=metric.help,
                response_class=Response,
                responses=responses,
            )
    return r
