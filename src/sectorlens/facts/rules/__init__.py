"""Consistency rules over the facts of one report; each returns findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sectorlens.facts.rules import (
    balance,
    breakdown,
    breakdown_brackets,
    breakdown_by,
    breakdown_continued,
    breakdown_pairs,
    breakdown_periods,
    breakdown_sectors,
    breakdown_segments,
    comparison,
    count_parts,
    derived,
    difference,
    direction,
    equivalents,
    growth,
    headline,
    items,
    lead,
    margin,
    ratio_shares,
    restated,
    share_of,
    signs,
    store,
    table_cagr,
    table_sections,
    tables,
    translated,
    trend,
)
from sectorlens.facts.rules.common import Context
from sectorlens.model import Finding, Severity

Rule = Callable[[Context], list[Finding]]

RULES: dict[str, Rule] = {
    "breakdown": breakdown.check,
    "breakdown_brackets": breakdown_brackets.check,
    "breakdown_by": breakdown_by.check,
    "breakdown_continued": breakdown_continued.check,
    "breakdown_pairs": breakdown_pairs.check,
    "breakdown_periods": breakdown_periods.check,
    "breakdown_segments": breakdown_segments.check,
    "breakdown_sectors": breakdown_sectors.check,
    "breakdown_ratio": ratio_shares.check,
    "share_of": share_of.check,
    "count_parts": count_parts.check,
    "trend": trend.check,
    "sign": signs.check,
    "comparison": comparison.check,
    "fx": equivalents.check,
    "derived": derived.check,
    "difference": difference.check,
    "growth": growth.check,
    "tables": tables.check,
    "table_cagr": table_cagr.check,
    "table_sections": table_sections.check,
    "balance": balance.check,
    "restated": restated.check,
    "headline": headline.check,
    "lead": lead.check,
    "margin": margin.check,
    "direction": direction.check,
    "translation": translated.check,
    "store": store.check,
}
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2, Severity.OK: 3}


def run(ctx: Context, names: Iterable[str] | None = None) -> list[Finding]:
    """Run the named rules (default: all): findings by severity, then in document order."""
    chosen = list(RULES) if names is None else list(names)
    findings: list[Finding] = []
    for name in chosen:
        findings.extend(RULES[name](ctx))
    findings = items.within_items(ctx, share_of.unchecked(findings))
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], min(f.lines, default=0)))


__all__ = ["RULES", "Context", "run"]
