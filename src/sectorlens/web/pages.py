"""HTML pages: the dashboard, the company list and pages, the reference report.

Pages are Jinja templates with autoescaping on: every text from the data (company names and
descriptions scraped from the web) is escaped. Scripts live in static files only, so the
Content-Security-Policy can forbid inline script.
"""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

import sectorlens
from sectorlens.errors import StoreError
from sectorlens.parse import format_money
from sectorlens.web import records
from sectorlens.web.data_routes import facets_of, labels_of, site_of
from sectorlens.web.presets import TABLES, chart_ids
from sectorlens.web.report_routes import findings_document, report_document
from sectorlens.web.runner import Lease
from sectorlens.web.site import Site
from sectorlens.web.source_routes import NoComparison, compared_document
from sectorlens.web.strings import LANGS, words

# Pages take any ``lang``: an unknown one gets the default language's page, not an error.
Lang = Annotated[str, Query(max_length=20)]


def page_lang(lang: str) -> str:
    """``lang`` if the pages speak it, else the default language."""
    return lang if lang in LANGS else LANGS[0]


def _env() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: (
            resources.files("sectorlens.web").joinpath("templates", name).read_text("utf-8")
        )
    )
    env = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True
    )
    env.filters["segment"] = segment
    return env


def segment(text: Any) -> str:
    """``text`` as one percent-encoded path segment: ``/``, ``?``, ``#`` and ``..`` stay inside."""
    return quote(str(text), safe="")


def _page(
    request: Request,
    template: str,
    lang: str,
    status: int = 200,
    *,
    path: str | None = None,
    **view: Any,
) -> Response:
    env = request.app.state.site.once("jinja", _env)
    query = dict(request.query_params)
    # The page's own path, encoded (``request.url.path`` is decoded: an id "../../x" in it
    # would make the language links leave the site).
    own = path if path is not None else quote(request.url.path, safe="/")

    def with_lang(code: str) -> str:
        return own + "?" + urlencode({**query, "lang": code})

    html = env.get_template(template).render(
        t=words(lang),
        lang=lang,
        langs=LANGS,
        lang_url=with_lang,
        version=sectorlens.__version__,
        **view,
    )
    return HTMLResponse(html, status_code=status)


def currencies_of(site: Site) -> tuple[list[str], str]:
    """The store's convertible currencies and the default one (the deals' most common), read
    once per app."""

    def read(lease: Lease) -> tuple[list[str], str]:
        compiled = site.compiled
        return compiled.facts.currencies(), compiled.default_currency(lease.con, None)

    return site.once("currencies", lambda: site.runner.run(read))


def _subjects(lease: Lease) -> list[tuple[str, str]]:
    """(id, title) of every subject the store holds (a bundled subject it does not hold is not
    offered: a store of one subject names no other data set)."""
    from sectorlens.metrics.scope import known_subjects
    from sectorlens.store.reference import stored_subjects

    held = stored_subjects(lease.con)
    out = []
    for sid, subject in known_subjects(lease.con).items():
        if sid not in held:
            continue
        title = subject.get("title")
        if isinstance(title, dict):
            title = title.get("en") or next(iter(title.values()), "")
        out.append((sid, str(title or sid)))
    return out


def money_cell(deal: dict[str, Any], lang: str) -> str:
    """A deal's amount in its own currency: the point, the range or its open end."""
    value, low, high = (deal.get(f"amount_{part}") for part in ("value", "low", "high"))
    cur = deal.get("currency")
    if not cur:
        return ""

    def fmt(text: str) -> str:
        return format_money(Decimal(text), str(cur), lang, digits=2)

    if value is not None and (low is None or high is None or low == high):
        return fmt(value)
    if low is not None and high is not None:
        return f"{fmt(low)} – {fmt(high)}"
    if low is not None:
        return f"≥ {fmt(low)}"
    if high is not None:
        return f"≤ {fmt(high)}"
    return ""


def router() -> APIRouter:
    """The page routes (not part of the API schema)."""
    r = APIRouter(include_in_schema=False)

    @r.get("/")
    def dashboard(request: Request, lang: Lang = "ko") -> Response:
        lang = page_lang(lang)
        site = site_of(request)
        facets = facets_of(site, lang)
        currencies, default = currencies_of(site)
        subjects = site.once("subjects", lambda: site.runner.run(_subjects))
        return _page(
            request,
            "dashboard.html",
            lang,
            facets=facets,
            currencies=currencies,
            default_currency=default,
            subjects=subjects,
            charts=chart_ids(),
            tables=TABLES,
        )

    @r.get("/companies")
    def companies(
        request: Request,
        lang: Lang = "ko",
        q: Annotated[str | None, Query(max_length=200)] = None,
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> Response:
        lang = page_lang(lang)
        site = site_of(request)
        size = 50
        rows, total = site.runner.run(
            lambda lease: records.company_list(lease, q, size, (page - 1) * size)
        )
        labels = labels_of(site)
        return _page(
            request,
            "companies.html",
            lang,
            rows=rows,
            total=total,
            q=q or "",
            page=page,
            pages=max(1, -(-total // size)),
            place=lambda row: labels.name("province", row.get("province"), lang),
            sector=lambda row: labels.name("sector", row.get("sector"), lang),
        )

    @r.get("/companies/{company_id:path}")
    def company(
        request: Request,
        company_id: Annotated[str, Path(max_length=200)],
        lang: Lang = "ko",
    ) -> Response:
        lang = page_lang(lang)
        site = site_of(request)

        def work(lease: Lease) -> dict[str, Any] | None:
            return records.company(lease, company_id)

        found = site.runner.run(work)
        labels = labels_of(site)
        own = "/companies/" + segment(company_id)
        if found is None:
            return _page(
                request, "company.html", lang, status=404, path=own, found=None, labels=None
            )
        return _page(
            request,
            "company.html",
            lang,
            path=own,
            found=found,
            name_of=lambda dim, code: labels.name(dim, code, lang),
            money=lambda deal: money_cell(deal, lang),
        )

    @r.get("/report")
    def report(request: Request, lang: Lang = "ko") -> Response:
        lang = page_lang(lang)
        site = site_of(request)
        doc = report_document(site, lang)
        findings = findings_document(site, lang)
        order = ("error", "warning", "info", "ok")
        counts = []
        if findings:
            severities = [f["severity"] for f in findings["findings"]]
            counts = [(s, severities.count(s)) for s in order if s in severities]
        return _page(
            request,
            "report.html",
            lang,
            title=doc["title"] if doc else "",
            subtitle=doc["subtitle"] if doc else "",
            has_reference=doc is not None,
            findings=findings,
            counts=counts,
        )

    @r.get("/sources-compared")
    def compared(
        request: Request,
        lang: Lang = "ko",
        subject: Annotated[str | None, Query(max_length=100)] = None,
    ) -> Response:
        lang = page_lang(lang)
        try:
            doc = compared_document(site_of(request), subject, lang)
        except (NoComparison, StoreError):
            return _page(request, "compared.html", lang, status=404, doc=None)
        return _page(request, "compared.html", lang, doc=doc)

    return r
