"""Source by source: each publisher's series with the edition of every figure, and the report's
side-by-side tables with their reconciliation per year (``/sources-compared``, its JSON twin).

The tables are the written report's own (its ``by_source`` sections), so the dashboard and the
report never disagree; every figure of the subject is listed with the date of the page it was
read in (its edition) and whether a later edition replaced it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from sectorlens.errors import StoreError
from sectorlens.metrics.editions import as_of, histories, publisher, superseded
from sectorlens.report import build_report
from sectorlens.report.blocks import Note, Table
from sectorlens.report.context import ReportContext
from sectorlens.report.fonts import chart_font
from sectorlens.report.sections.common import period_text, status_word, value_text
from sectorlens.store.reference import loaded_subjects, stored_reference
from sectorlens.web import schemas
from sectorlens.web.data_routes import site_of
from sectorlens.web.metric_routes import SUBJECT
from sectorlens.web.output import dumps
from sectorlens.web.provenance import source_rows
from sectorlens.web.runner import Lease
from sectorlens.web.site import Site

KIND = "by_source"
Lang = Annotated[str, Query(pattern=r"^(ko|en)$", description="language of titles and labels")]


class NoComparison(LookupError):
    """The store holds no subject with side-by-side sections (or not the one asked for)."""


def comparable_subjects(lease: Lease) -> list[str]:
    """Ids of the stored subjects whose report has a ``by_source`` section."""
    out = []
    for sid in loaded_subjects(lease.con):
        spec = stored_reference(lease.con, sid).presentation.get("subject") or {}
        if any(s.get("kind") == KIND for s in spec.get("sections") or []):
            out.append(sid)
    return sorted(out)


def compared_document(site: Site, subject: str | None, lang: str) -> dict[str, Any]:
    """The per-source series (with editions) and side-by-side tables of ``subject``.

    Raises :class:`NoComparison` when the store holds no such subject.
    """

    def work(lease: Lease) -> dict[str, Any]:
        subjects = comparable_subjects(lease)
        chosen = subject or (subjects[0] if subjects else None)
        if chosen is None or chosen not in subjects:
            known = ", ".join(subjects) or "none"
            raise NoComparison(f"no subject {chosen!r} with source-by-source tables ({known})")
        font = site.once("font", chart_font)
        report = build_report(lease.con, lang, fx=site.fx, font=font, subject=chosen)
        ctx = report.context
        kinds = {s.get("id"): s.get("kind") for s in ctx.subject.get("sections") or []}
        sections: list[dict[str, Any]] = []
        cited: set[str] = set()
        for section in report.sections:
            if kinds.get(section.section_id) != KIND:
                continue
            tables = [_table(b) for b in section.blocks if isinstance(b, Table)]
            notes = [b.text for b in section.blocks if isinstance(b, Note)]
            for block in section.blocks:
                if isinstance(block, Table | Note):
                    cited.update(block.cites)
            sections.append(
                {"id": section.section_id, "title": section.title, "tables": tables, "notes": notes}
            )
        series = _series(lease, ctx, chosen)
        cited.update(r["source_id"] for r in series)
        return {
            "subject": chosen,
            "subjects": subjects,
            "title": report.title,
            "series": series,
            "sections": sections,
            "sources": source_rows(lease.con, cited),
        }

    return site.runner.cached(("compared", subject, lang), work)


def _table(table: Table) -> dict[str, Any]:
    return {
        "caption": table.caption,
        "columns": list(table.columns),
        "numeric": list(table.numeric),
        "rows": [list(r) for r in table.rows],
    }


def _series(lease: Lease, ctx: ReportContext, subject: str) -> list[dict[str, Any]]:
    """Every figure of the subject, publisher by publisher, with its edition."""
    ref = stored_reference(lease.con, subject)
    sources = list(ref.sources.values())
    dropped = superseded(ref.observations, sources)
    several = {e.obs.obs_id for h in histories(ref.observations, sources) for e in h.editions}
    rows = []
    for obs in ref.observations:
        if obs.equivalent_of or (obs.value is None and obs.low is None and obs.high is None):
            continue
        who = publisher(obs)
        edition = as_of(obs, ref.sources)
        state = "superseded" if obs.obs_id in dropped else "latest" if obs.obs_id in several else ""
        page = ref.sources.get(obs.source_id)
        rows.append(
            {
                "obs_id": obs.obs_id,
                "publisher": ctx.labels.cite_as(who, who),
                "metric": ctx.labels.metric(obs.metric),
                "segment": ctx.labels.segment(obs.segment_type, obs.segment),
                "period": period_text(ctx, obs),
                "value": value_text(ctx, obs, equivalent=False),
                "status": status_word(ctx, obs),
                "edition": edition.isoformat() if edition else None,
                "edition_state": state,
                "source_id": obs.source_id,
                "url": page.url if page else None,
                "_start": (str(obs.period_start or ""), str(obs.period_end or ""), str(edition)),
            }
        )
    order = {id(r): (r["publisher"], r["metric"], r["segment"], r.pop("_start")) for r in rows}
    return sorted(rows, key=lambda r: order[id(r)])


def router() -> APIRouter:
    """The JSON route of this module (the page is in ``pages``)."""
    r = APIRouter(tags=["dashboard"])

    @r.get(
        "/api/sources-compared.json",
        summary="Each publisher's series with editions, and the side-by-side tables",
        responses=schemas.ok(json=schemas.OBJECT),
    )
    def compared_json(
        request: Request,
        subject: Annotated[
            SUBJECT, Query(description="a subject with source-by-source tables")
        ] = None,
        lang: Lang = "ko",
    ) -> Response:
        try:
            doc = compared_document(site_of(request), subject, lang)
        except (NoComparison, StoreError) as exc:
            raise HTTPException(404, str(exc)) from None
        return Response(dumps(doc), media_type="application/json")

    return r
