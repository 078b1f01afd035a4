"""Section kinds: each builds one report section from the data set's config and the store.

A data set's ``subject.yaml`` lists its sections as ``{id, kind, title, …}``; ``KINDS`` maps a
kind to its builder ``(context, config, sections_done) -> Section``. Adding a kind (e.g. a
deal-based breakdown) is adding a builder here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from sectorlens.errors import InputError
from sectorlens.report.blocks import Block, Chart, Note, Prose, Section, Table
from sectorlens.report.context import ReportContext
from sectorlens.report.sections.bysource import by_source, target_status
from sectorlens.report.sections.changes import changes
from sectorlens.report.sections.crosssource import cross_source
from sectorlens.report.sections.ingested import (
    ingested_deal_size,
    ingested_segments,
    ingested_series,
    ingested_shares,
)
from sectorlens.report.sections.investment import deals_by_period
from sectorlens.report.sections.market import outlook, series
from sectorlens.report.sections.notes import equivalents, findings, prose
from sectorlens.report.sections.policy import policies
from sectorlens.report.sections.projection import projection
from sectorlens.report.sections.shares import chain, shares

# A builder may return None: a section that has nothing to show (no ingested deals) is left out.
Builder = Callable[[ReportContext, dict[str, Any], list[Section]], Section | None]

KINDS: Mapping[str, Builder] = MappingProxyType(
    {
        "series": series,
        "shares": shares,
        "deals_by_period": deals_by_period,
        "chain": chain,
        "policies": policies,
        "outlook": outlook,
        "cross_source": cross_source,
        "by_source": by_source,
        "target_status": target_status,
        "projection": projection,
        "changes": changes,
        "equivalents": equivalents,
        "findings": findings,
        "prose": prose,
        "ingested_shares": ingested_shares,
        "ingested_series": ingested_series,
        "ingested_segments": ingested_segments,
        "ingested_deal_size": ingested_deal_size,
    }
)


def build_sections(
    ctx: ReportContext,
    configs: list[dict[str, Any]],
    kinds: Mapping[str, Builder] = KINDS,
    on_section: Callable[[Section], None] | None = None,
    left_out: list[tuple[str, str]] | None = None,
) -> list[Section]:
    """Build the configured sections in order (each sees the ones built before it).

    ``on_section`` is called with each section as soon as it is built (to start its charts).
    A section with nothing to show (no table, chart or paragraph) is left out, and its title
    goes to ``left_out`` with the reason (``deals``: a section of ingested deals without any in
    scope; ``data``: nothing else to show) for the report's note.
    """
    done: list[Section] = []
    for cfg in configs:
        builder = kinds.get(str(cfg.get("kind")))
        if builder is None:
            known = ", ".join(sorted(kinds))
            raise InputError(
                f"section {cfg.get('id')!r}: unknown kind {cfg.get('kind')!r} ({known})"
            )
        section = builder(ctx, cfg, done)
        if section is not None:
            section.blocks += prose_blocks(ctx, section.section_id)
        if section is None or not any(not isinstance(b, Note) for b in section.blocks):
            if left_out is not None:
                reason = "deals" if str(cfg.get("kind")).startswith("ingested_") else "data"
                left_out.append((ctx.loc(cfg.get("title")) or str(cfg.get("id")), reason))
            continue
        if str(cfg.get("kind")).startswith("ingested_") and ctx.deal_sources:
            section.blocks = [_cite_loads(b, ctx.deal_sources) for b in section.blocks]
        if section is not None:
            if ctx.scope_note and str(cfg.get("kind")).startswith("ingested_"):
                # the first section from the store's deals says which deals the scope left out
                section.blocks.append(Note(ctx.scope_note))
                ctx.scope_note = None
            done.append(section)
            if on_section is not None:
                on_section(section)
    return done


def prose_blocks(ctx: ReportContext, section_id: str) -> list[Block]:
    """The data set's authored points (``prose.yaml``) that belong to section ``section_id``."""
    out: list[Block] = []
    for item in ctx.ref.presentation.get("prose") or ():
        if item.get("section") != section_id:
            continue
        out.append(
            Prose(
                text=ctx.loc(item.get("text")),
                cites=(str(item["source_id"]), *item.get("cites", ())),
                heading=ctx.loc(item.get("heading")),
                kind=str(item.get("kind") or "context"),
                locator=ctx.loc(item.get("locator")),
            )
        )
    return out


def _cite_loads(block: Block, loads: tuple[str, ...]) -> Block:
    """A table or chart of ingested deals cites the loads the deals came from."""
    if isinstance(block, Table | Chart):
        return replace(block, cites=tuple(dict.fromkeys((*block.cites, *loads))))
    return block


__all__ = ["KINDS", "Builder", "build_sections", "prose_blocks"]
