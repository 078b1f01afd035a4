"""``equivalents`` (the report's own currency conversions checked) and ``findings``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sectorlens.fx import FxError
from sectorlens.metrics.reference import common_range, implied_rate
from sectorlens.report.blocks import Finding, Items, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.fmt import significant
from sectorlens.report.numbering import with_reference
from sectorlens.report.sections.common import period_text


def equivalents(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """Stated equivalents: the rate each implies against the ECB average of its period."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt = ctx.words.say, ctx.fmt
    by_id = {o.obs_id: o for o in ctx.ref.observations}
    pairs = [(by_id[o.equivalent_of], o) for o in ctx.ref.observations if o.equivalent_of in by_id]
    pairs.sort(key=lambda p: (p[0].period_end or date.max, p[0].obs_id))
    if not pairs:
        sec.blocks.append(Note(say("common.no_data")))
        return sec
    rows, implied, gaps = [], [], []
    ecb_rates: list[Decimal] = []
    for base, eq in pairs:
        imp = implied_rate(base, eq)
        implied.append(imp)
        pair = (base.currency or "", eq.currency or "")
        try:
            conv = fmt.convert(
                base.value or Decimal(0), pair[0], pair[1], base.period_start, base.period_end
            )
        except FxError as exc:
            rows.append(
                (period_text(ctx, base), ctx.labels.metric(base.metric), "", "", str(exc), "", "")
            )
            continue
        ecb_rates.append(conv.rate.rate)
        gap = (eq.value or Decimal(0)) / conv.result.amount - 1
        gaps.append(gap)
        rows.append(
            (
                f"{ctx.labels.metric(base.metric)}, {period_text(ctx, base)}",
                fmt.money(base.value or Decimal(0), pair[0]),
                fmt.money(eq.value or Decimal(0), pair[1]),
                say(
                    "equiv.range",
                    rate=fmt.number(imp.rate, 1),
                    low=fmt.number(imp.low, 1),
                    high=fmt.number(imp.high, 1),
                ),
                fmt.number(conv.rate.rate, 2),
                fmt.money(significant(conv.result.amount), pair[1]),
                fmt.signed_pct_of(gap),
            )
        )
    base_cur, quote_cur = pairs[0][0].currency or "", pairs[0][1].currency or ""
    columns = (
        say("col.figure"),
        say("col.amount"),
        say("equiv.stated"),
        say("equiv.implied", base=base_cur, quote=quote_cur),
        say("equiv.ecb", base=base_cur, quote=quote_cur),
        say("equiv.at_ecb"),
        say("equiv.gap"),
    )
    cites = cites_of(*(o for pair in pairs for o in pair))
    sec.blocks.append(
        Table(columns, tuple(rows), (False, True, True, True, True, True, True), cites=cites)
    )
    if gaps and ecb_rates:
        common = common_range(implied)
        sentence = say(
            "equiv.summary",
            low=fmt.number(min(i.rate for i in implied), 1),
            high=fmt.number(max(i.rate for i in implied), 1),
            ecb_low=fmt.number(min(ecb_rates), 1),
            ecb_high=fmt.number(max(ecb_rates), 1),
            gap_low=fmt.pct_of(min(gaps)),
            gap_high=fmt.pct_of(max(gaps)),
            base=base_cur,
            quote=quote_cur,
            base_name=fmt.currency_name(base_cur),
            quote_name=fmt.currency_name(quote_cur),
            higher=min(gaps) > 0,
            common=(fmt.number(common[0], 1), fmt.number(common[1], 1)) if common else None,
            any_inside=any(i.low <= r <= i.high for i, r in zip(implied, ecb_rates, strict=False)),
        )
        sec.blocks.append(Paragraph(sentence, cites))
        sec.findings.append(Finding(sentence, cites))
    sec.blocks.append(Note(say("equiv.method")))
    return sec


def findings(
    ctx: ReportContext,
    cfg: dict[str, Any],
    done: list[Section],
    refs: dict[str, str] | None = None,
) -> Section:
    """The findings every earlier section wrote from its numbers, each with its sources.

    ``refs`` (section id → ``(표 1, 그림 1 참조)``) points each finding to its section's tables
    and figures; ``per_section`` (in the ``findings`` section's config) keeps each section's
    first N findings (sections put their most telling finding first).
    """
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    limit = int(cfg["per_section"]) if cfg.get("per_section") else None
    seen: set[str] = set()
    items, left = [], 0
    for section in done:
        see = (refs or {}).get(section.section_id)
        fresh = [f for f in section.findings if f.text not in seen]
        seen.update(f.text for f in fresh)
        left += len(fresh[limit:]) if limit else 0
        for finding in fresh[:limit]:
            text = with_reference(finding.text, see) if see else finding.text
            items.append(Paragraph(text, finding.cites))
    sec.blocks.append(Items(tuple(items)) if items else Note(ctx.words.say("common.no_data")))
    if left:  # the summary keeps each section's first findings; the rest are in the sections
        sec.blocks.append(Note(ctx.words.say("report.summary_more", n=left, per=limit)))
    return sec


def prose(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """A section of the data set's authored points only (``prose.yaml`` fills it)."""
    return Section(cfg["id"], ctx.loc(cfg["title"]))


__all__ = ["Finding", "equivalents", "findings", "prose"]
