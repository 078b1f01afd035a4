"""Charts for the dashboard, the written report's charts, and the checker's findings."""

from __future__ import annotations

import enum
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import Field

from sectorlens import __version__
from sectorlens.errors import SectorlensError, StoreError
from sectorlens.facts import check_file, finding_dict
from sectorlens.metrics import REGISTRY
from sectorlens.metrics.filters import FIELDS, clause_pattern
from sectorlens.report import build_report
from sectorlens.report.blocks import Chart
from sectorlens.report.build import Report
from sectorlens.report.chartdata import (
    chart_packages,
    chart_table,
    deal_rates,
    pack,
    unit_of,
    zip_name,
)
from sectorlens.report.fonts import chart_font
from sectorlens.report.wording import Wording
from sectorlens.web import schemas
from sectorlens.web.charts import chart_spec, report_chart_spec
from sectorlens.web.data_routes import labels_of, site_of
from sectorlens.web.metric_routes import CURRENCY, SUBJECT, compute_answer
from sectorlens.web.output import dumps
from sectorlens.web.presets import CHARTS, chart
from sectorlens.web.provenance import source_rows
from sectorlens.web.runner import Lease
from sectorlens.web.site import Site

Lang = Annotated[Literal["ko", "en"], Query(description="language of titles and labels")]
ChartId = enum.Enum("ChartId", {c.view_id: c.view_id for c in CHARTS}, type=str)  # type: ignore[misc]
DEAL_FIELDS = tuple(n for n, f in FIELDS.items() if "deals" in f.tables)  # the charts' table
Clause = Annotated[
    str, Field(max_length=500, json_schema_extra={"pattern": clause_pattern(DEAL_FIELDS)})
]
NO_REFERENCE = "the store holds no reference data set: run `sectorlens db init`"


ZIP_ANSWER = {
    "description": "OK: a ZIP of the chart's CSV, JSON metadata and README",
    "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
}


def _zip(package: bytes, chart_id: str) -> Response:
    name = zip_name(chart_id)  # (letters, digits, _ . - only: safe in the header)
    return Response(
        package,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _json(document: Any) -> Response:
    return Response(dumps(document), media_type="application/json")


def chart_document(
    site: Site,
    chart_id: str,
    where: list[str],
    currency: str | None,
    lang: str,
    subject: str | None = None,
) -> dict[str, Any]:
    """A dashboard chart: its Vega-Lite spec and the loads and sources behind its numbers."""
    view = chart(chart_id)
    if view is None:
        raise HTTPException(404, f"no chart {chart_id!r}")
    metric = REGISTRY[view.metric]
    data = compute_answer(
        site, metric, by=list(view.by), where=where, currency=currency, params={}, subject=subject
    )
    currency = str(data["meta"]["currency"])
    labels = labels_of(site)
    font = site.once("font", chart_font)
    spec = chart_spec(view, data["table"], lang=lang, currency=currency, labels=labels, font=font)
    return {
        "chart_id": chart_id,
        "title": spec.get("title"),
        "empty": not spec.get("data", {}).get("values"),
        "metric": metric.name,
        "query": data["meta"],
        "spec": spec,
        "loads": data["loads"],
        "sources": data["sources"],
    }


def chart_data(
    site: Site,
    chart_id: str,
    where: list[str],
    currency: str | None,
    lang: str,
    subject: str | None = None,
) -> bytes:
    """A dashboard chart as data: the numbers it draws (CSV), metadata and a README, zipped.

    The metadata names the query, the metric's definition, the loads and sources behind the
    numbers and the exchange rates the amounts were converted at (the ``fx`` metric's rows).
    """
    doc = chart_document(site, chart_id, where, currency, lang, subject)
    metric = REGISTRY[doc["metric"]]
    columns, rows = chart_table(doc["spec"])
    fx = compute_answer(
        site, REGISTRY["fx"], by=None, where=where, currency=currency, params={}, subject=subject
    )
    sources = [
        {
            "id": str(s["source_id"]),
            "number": None,
            "citation": str(s.get("publisher") or s["source_id"]),
            "title": str(s.get("title") or s["source_id"]),
            "publisher": str(s.get("publisher") or ""),
            "published": s.get("published"),
            "url": s.get("url"),
            "note": "",
        }
        for s in doc["sources"]
    ]
    loads = [
        {
            "id": str(load["load_id"]),
            "number": None,
            "citation": f"{load.get('source_format')}: {load.get('file')}",
            "title": str(load.get("file") or load["load_id"]),
            "publisher": str(load.get("source_format") or ""),
            "published": load.get("finished_at"),
            "url": None,
            "note": f"sha256 {load.get('file_sha256')}, {load.get('deals')} deals",
        }
        for load in doc["loads"]
    ]
    meta = {
        "chart_id": chart_id,
        "title": str(doc["title"] or chart_id),
        "report": "sectorlens dashboard",
        "language": lang,
        "dataset": subject,
        "unit": unit_of(columns, doc["spec"]),
        "columns": columns,
        "rows": len(rows),
        "definitions": [f"{metric.title}: {metric.help}"],
        "sources": loads + sources,
        "fx_rates": deal_rates(fx["table"].to_pylist()),
        "query": {k: doc["query"].get(k) for k in ("metric", "by", "where", "currency", "subject")},
        "generator": f"sectorlens {__version__}",
    }
    return pack(chart_id, columns, rows, meta, Wording(lang))


def report_document(site: Site, lang: str) -> dict[str, Any] | None:
    """The reference report's charts with the sources each one cites (built once per language).

    None when the store holds no reference data set.
    """
    built = _built(site, lang)
    return built[0] if built else None


def report_chart_data(site: Site, lang: str) -> dict[str, bytes]:
    """The reference report's chart-data ZIPs by chart id (as ``sectorlens report`` writes)."""
    built = _built(site, lang)
    return built[1] if built else {}


def _built(site: Site, lang: str) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    """The reference report's document and chart-data ZIPs, built once per language."""

    def work(lease: Lease) -> tuple[dict[str, Any], dict[str, bytes]] | None:
        from sectorlens.report.render import report_view

        try:
            report = build_report(lease.con, lang, fx=site.fx, font=site.once("font", chart_font))
        except StoreError:  # no reference data set in the store
            return None
        items = []
        cited: set[str] = set()
        for section in report.sections:
            for block in section.blocks:
                if isinstance(block, Chart):
                    items.append(
                        {
                            "chart_id": block.chart_id,
                            "section": section.title,
                            "title": block.title,
                            "spec": report_chart_spec(block.spec),
                            "cites": list(block.cites),
                            "data_url": (
                                f"/api/report/charts/{quote(block.chart_id, safe='')}.zip"
                                f"?lang={lang}"
                            ),
                        }
                    )
                    cited.update(block.cites)
        doc = {
            "title": report.title,
            "subtitle": report.subtitle,
            "charts": items,
            "sources": _cited_sources(lease, report, cited),
        }
        return doc, chart_packages(report, report_view(report))

    return site.runner.cached(("report", lang), work)


def _cited_sources(lease: Lease, report: Report, cited: set[str]) -> list[dict[str, Any]]:
    """The store's rows of the cited sources, plus the loads deal charts cite (report-made)."""
    rows = source_rows(lease.con, cited)
    stored = {str(r["source_id"]) for r in rows}
    for sid in sorted(cited - stored):
        src = report.context.ref.sources.get(sid)
        if src is not None:
            rows.append(
                {
                    "source_id": sid,
                    "title": src.title,
                    "publisher": src.publisher,
                    "published": src.published.isoformat() if src.published else None,
                    "url": src.url,
                    "language": src.language,
                    "licence": src.licence,
                    "load_id": sid.removeprefix("load_"),
                }
            )
    return rows


def findings_document(site: Site, lang: str) -> dict[str, Any] | None:
    """The checker's findings on the reference report's text, or None when none was given."""
    path = site.settings.reference_text
    if path is None:
        return None

    def work(lease: Lease) -> dict[str, Any]:
        extraction, findings = check_file(path, lang=lang, fx=site.fx, con=lease.con)
        return {
            "document": path.name,
            "facts": len(extraction.facts),
            "findings": [finding_dict(f) for f in findings],
        }

    return site.runner.cached(("findings", lang), work)


def warm(site: Site, lang: str = "ko") -> None:
    """Answer the dashboard's first view (every chart, no filter) once: its plans compile and
    the kept tables it reads (cubes of the default currency, rates) are built before the first
    visitor asks. A store these charts cannot answer (no deals) is left as it is."""
    for view in CHARTS:
        try:
            chart_document(site, view.view_id, [], None, lang)
        except (SectorlensError, HTTPException):
            return


def router() -> APIRouter:
    """The routes of this module."""
    r = APIRouter(tags=["dashboard"])

    @r.get(
        "/api/charts",
        summary="The dashboard's charts",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    def chart_list() -> Response:
        return _json(
            {
                "charts": [
                    {"chart_id": c.view_id, "metric": c.metric, "by": list(c.by)} for c in CHARTS
                ]
            }
        )

    @r.get(
        "/api/charts/{chart_id}.json",
        summary="One dashboard chart: Vega-Lite spec, loads and sources",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    async def chart_json(
        request: Request,
        chart_id: ChartId,
        where: Annotated[list[Clause] | None, Query(max_length=50)] = None,
        currency: Annotated[CURRENCY, Query(description="currency of amounts")] = None,
        subject: Annotated[SUBJECT, Query(description="only this subject's deals")] = None,
        lang: Lang = "ko",
    ) -> Response:
        site = site_of(request)
        clauses = list(where or [])
        # kept as bytes: the cache sizes them at once (a spec's dictionaries item by item)
        key = ("chart.json", chart_id.value, lang, currency, subject, tuple(clauses))
        body = site.runner.peek(key)  # an answer kept: no thread needed
        if body is None:
            body = await site.runner.call(
                lambda: site.runner.remember(
                    key,
                    lambda: dumps(
                        chart_document(site, chart_id.value, clauses, currency, lang, subject)
                    ),
                )
            )
        return Response(body, media_type="application/json")

    @r.get(
        "/api/charts/{chart_id}.zip",
        summary="One dashboard chart as data: CSV, JSON metadata (sources, rates) and README",
        responses={**schemas.ok(), 200: ZIP_ANSWER},
    )
    def chart_zip(
        request: Request,
        chart_id: ChartId,
        where: Annotated[list[Clause] | None, Query(max_length=50)] = None,
        currency: Annotated[CURRENCY, Query(description="currency of amounts")] = None,
        subject: Annotated[SUBJECT, Query(description="only this subject's deals")] = None,
        lang: Lang = "ko",
    ) -> Response:
        package = chart_data(
            site_of(request), chart_id.value, list(where or []), currency, lang, subject
        )
        return _zip(package, chart_id.value)

    @r.get(
        "/api/report.json",
        summary="The reference report's charts and the sources they cite",
        responses={**schemas.ok(json=schemas.OBJECT), **schemas.NOT_FOUND},
    )
    def report_json(request: Request, lang: Lang = "ko") -> Response:
        doc = report_document(site_of(request), lang)
        if doc is None:
            raise HTTPException(404, NO_REFERENCE)
        return _json(doc)

    @r.get(
        "/api/report/charts/{chart_id}.zip",
        summary="One chart of the reference report as data: CSV, JSON metadata and README",
        responses={200: ZIP_ANSWER, **schemas.NOT_FOUND, 422: schemas.ERRORS[422]},
    )
    def report_chart_zip(
        request: Request,
        chart_id: Annotated[str, Path(max_length=200)],
        lang: Lang = "ko",
    ) -> Response:
        packages = report_chart_data(site_of(request), lang)
        if chart_id not in packages:
            raise HTTPException(404, f"no chart {chart_id!r} in the reference report")
        return _zip(packages[chart_id], chart_id)

    @r.get(
        "/api/findings.json",
        summary="The checker's findings on the reference report",
        responses={**schemas.ok(json=schemas.OBJECT), **schemas.NOT_FOUND},
    )
    def findings_json(request: Request, lang: Lang = "ko") -> Response:
        doc = findings_document(site_of(request), lang)
        if doc is None:
            raise HTTPException(404, "no reference report text was given (--reference-text)")
        return _json(doc)

    return r
