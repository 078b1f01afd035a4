"""Section kinds: each builds one report section from the data set's config and the store.

A data set's ``subject.yaml`` lists its sections as ``{id, kind, title, …}``; ``KINDS`` maps a
kind to its builder ``(context, config, sections_done) -> Section``. Adding a kind (e.g. a
deal-based breakdown) is adding a builder here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from sectorlens.errors import InputError
from sectorlens.report.blocks import Note, Section
from sectorlens.report.context import ReportContext
from sectorlens.report.sections.crosssource import cross_source
from sectorlens.report.sections.ingested import (
    ingested_deal_size,
    ingested_segments,
    ingested_series,
    ingested_shares,
)
from sectorlens.report.sections.investment import deals_by_period
from sectorlens.report.sections.market import outlook, series
from sectorlens.report.sections.notes import equivalents, findings
from sectorlens.report.sections.policy import policies
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
        "equivalents": equivalents,
        "findings": findings,
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
) -> list[Section]:
    """Build the configured sections in order (each sees the ones built before it).

    ``on_section`` is called with each section as soon as it is built (to start its charts).
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
            if ctx.scope_note and str(cfg.get("kind")).startswith("ingested_"):
                # the first section from the store's deals says which deals the scope left out
                section.blocks.append(Note(ctx.scope_note))
                ctx.scope_note = None
            done.append(section)
            if on_section is not None:
                on_section(section)
    return done


__all__ = ["KINDS", "Builder", "build_sections"]
