"""API routes besides the metrics: metric list, filter options, companies, sources, health."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from sectorlens.metrics import describe
from sectorlens.web import records, schemas
from sectorlens.web.labels import Labels, load_labels
from sectorlens.web.output import attachment, csv_text, dumps
from sectorlens.web.provenance import load_rows, source_rows
from sectorlens.web.runner import Lease
from sectorlens.web.site import Site

Lang = Annotated[Literal["ko", "en"], Query(description="language of display names")]
Fmt = Literal["json", "csv"]
Search = Annotated[str | None, Query(max_length=200, description="part of the name")]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
CompanyId = Annotated[str, Path(max_length=200, description="company id")]


def site_of(request: Request) -> Site:
    """The app's shared state."""
    site: Site = request.app.state.site
    return site


def labels_of(site: Site) -> Labels:
    """Display names, read once per app."""
    return site.once("labels", lambda: site.runner.run(lambda lease: load_labels(lease.con)))


def facets_of(site: Site, lang: str) -> dict[str, Any]:
    """The dashboard filters' values in ``lang``, read once per app (the store cannot change
    while it is served)."""
    labels = labels_of(site)
    return site.once(
        f"facets:{lang}", lambda: site.runner.run(lambda lease: records.facets(lease, labels, lang))
    )


def _json(document: Any) -> Response:
    return Response(dumps(document), media_type="application/json")


def _csv(name: str, columns: tuple[str, ...] | list[str], rows: list[dict[str, Any]]) -> Response:
    body = csv_text(list(columns), ([r.get(c) for c in columns] for r in rows))
    headers = {"Content-Disposition": attachment(f"{name}.csv")}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


FORMATS = ("json", "csv")


def _content(fmt: str) -> dict[str, Any]:
    return {"json": schemas.OBJECT} if fmt == "json" else {"csv": True}


def _list_route(handler: Callable[..., Response], fmt: str) -> Callable[..., Response]:
    def companies_as(
        request: Request, q: Search = None, limit: Limit = 50, offset: Offset = 0
    ) -> Response:
        return handler(request, fmt, q, limit, offset)

    companies_as.__name__ = f"companies_{fmt}"
    return companies_as


def _company_route(handler: Callable[..., Response], fmt: str) -> Callable[..., Response]:
    def company_as(request: Request, company_id: CompanyId) -> Response:
        return handler(request, company_id, fmt)

    company_as.__name__ = f"company_{fmt}"
    return company_as


def router() -> APIRouter:
    """The routes of this module."""
    r = APIRouter(tags=["data"])

    @r.get(
        "/api/metrics",
        summary="Every metric: parameters, by options, filters",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    def metrics_list() -> Response:
        return _json({"metrics": describe()})

    @r.get(
        "/api/facets",
        summary="Values the dashboard's filters offer",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    def facets(request: Request, lang: Lang = "ko") -> Response:
        return _json(facets_of(site_of(request), lang))

    @r.get(
        "/api/sources",
        summary="Every load and source in the store",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    def sources(request: Request) -> Response:
        def work(lease: Lease) -> dict[str, Any]:
            ids = [x[0] for x in lease.con.execute("SELECT load_id FROM loads").fetchall()]
            srcs = [x[0] for x in lease.con.execute("SELECT source_id FROM sources").fetchall()]
            return {"loads": load_rows(lease.con, ids), "sources": source_rows(lease.con, srcs)}

        return _json(site_of(request).runner.cached(("sources",), work))

    def company_list(
        request: Request, fmt: Fmt, q: str | None, limit: int, offset: int
    ) -> Response:
        site = site_of(request)
        limit = min(limit, site.settings.row_cap)

        def work(lease: Lease) -> dict[str, Any]:
            rows, total = records.company_list(lease, q, limit, offset)
            loads = load_rows(lease.con, {row["load_id"] for row in rows})
            return {"total": total, "rows": rows, "loads": loads}

        doc = site.runner.cached(("companies", q, limit, offset), work)
        if fmt == "csv":
            return _csv("companies", records.LIST_COLUMNS, doc["rows"])
        return _json(doc)

    @r.get(
        "/api/companies",
        summary="Companies (name search), most deals first",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    def companies(
        request: Request, q: Search = None, limit: Limit = 50, offset: Offset = 0
    ) -> Response:
        return company_list(request, "json", q, limit, offset)

    for suffix in FORMATS:
        r.add_api_route(
            f"/api/companies.{suffix}",
            _list_route(company_list, suffix),
            methods=["GET"],
            summary=f"Companies ({suffix})",
            response_class=Response,
            responses=schemas.ok(**_content(suffix)),
        )

    def one_company(request: Request, company_id: str, fmt: Fmt) -> Response:
        site = site_of(request)

        def work(lease: Lease) -> dict[str, Any] | None:
            found = records.company(lease, company_id)
            if found is None:
                return None
            ids = {found["company"]["load_id"], *(d["load_id"] for d in found["rounds"])}
            return {**found, "loads": load_rows(lease.con, ids)}

        doc = site.runner.cached(("company", company_id), work)
        if doc is None:
            raise HTTPException(404, f"no company with id {company_id!r}")
        if fmt == "csv":
            return _csv(f"company-{company_id}-rounds", records.ROUND_COLUMNS, doc["rounds"])
        return _json(doc)

    # Literal suffixes first: ids may contain dots ("itjuzi:pony.ai") and slashes.
    for suffix in FORMATS:
        r.add_api_route(
            f"/api/companies/{{company_id:path}}.{suffix}",
            _company_route(one_company, suffix),
            methods=["GET"],
            summary=f"One company and its rounds ({suffix})",
            response_class=Response,
            responses={**schemas.ok(**_content(suffix)), **schemas.NOT_FOUND},
        )

    @r.get(
        "/api/companies/{company_id:path}",
        summary="One company and its rounds",
        responses={**schemas.ok(json=schemas.OBJECT), **schemas.NOT_FOUND},
    )
    def company(request: Request, company_id: CompanyId) -> Response:
        return one_company(request, company_id, "json")

    @r.get(
        "/healthz",
        summary="Liveness: the store answers",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    def health(request: Request) -> Response:
        site_of(request).runner.run(lambda lease: lease.con.execute("SELECT 1").fetchall())
        return _json({"ok": True})

    return r
