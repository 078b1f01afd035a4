"""``changes``: what changed since a baseline subject (an earlier edition), from the numbers.

For each item, the baseline's latest full-year figure of one measure is set against the latest
full-year figure of each configured series of this subject, converted into the baseline figure's
currency at each period's ECB average; the sentence says how many years lie between them, the
ratio, and whether the measure or the publisher differs (so the ratio mixes definitions).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sectorlens.metrics.editions import publisher
from sectorlens.metrics.reference import cagr, select
from sectorlens.model import Observation, Status
from sectorlens.report.blocks import Finding, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.fmt import significant
from sectorlens.report.sections.common import aside, in_quote, period_text, value_text

_SHOWN = (Status.ACTUAL, Status.ESTIMATE)


def latest_full_year(observations: list[Observation]) -> Observation | None:
    """The latest figure for one whole calendar year (actual or estimate) among ``observations``."""
    full = [
        o
        for o in observations
        if o.status in _SHOWN
        and o.value is not None
        and o.period_start
        and o.period_end
        and o.period_start.year == o.period_end.year
        and (o.period_start.month, o.period_start.day, o.period_end.month, o.period_end.day)
        == (1, 1, 12, 31)
        and not o.equivalent_of
    ]
    return max(full, key=lambda o: (o.period_end, o.obs_id), default=None)


def changes(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """The baseline's latest figure of each measure against this subject's latest ones."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt = ctx.words.say, ctx.fmt
    base_ref = ctx.baselines.get(str(cfg["baseline"]))
    if base_ref is None:
        sec.blocks.append(Note(say("changes.no_baseline", baseline=cfg["baseline"]), "warning"))
        return sec
    spec = base_ref.presentation.get("subject") or {}
    base_source = str(spec.get("base_source") or "")
    brief = ctx.labels.cite_as(base_source, "") or ctx.loc(spec.get("title")) or base_ref.dataset_id
    rows = []
    ranked: list[tuple[int, int, Finding]] = []
    for item in cfg.get("items") or []:
        label = ctx.loc(item["label"])
        before = latest_full_year(list(select(base_ref.observations, item["before"])))
        if before is None or not before.value:
            continue
        before_year = before.period_start.year if before.period_start else 0
        currency = before.currency or ""
        afters = item["after"] if isinstance(item["after"], list) else [item["after"]]
        for rank, where in enumerate(afters):
            after = latest_full_year(list(select(ctx.ref.observations, where)))
            if after is None or after.period_start is None:
                continue
            value = in_quote(ctx, after, currency) if currency else after.value
            if value is None:
                continue
            years = after.period_start.year - before_year
            ratio = value / before.value
            who = ctx.labels.cite_as(publisher(after), publisher(after))
            after_text = value_text(ctx, after, equivalent=False)
            if currency and after.currency and after.currency != currency:
                after_text += " " + say(
                    "changes.converted", v=fmt.money(significant(value, 4), currency)
                )
            rate = cagr(before.value, value, Decimal(years)) if years > 0 and value > 0 else None
            caveats = []
            if after.metric != before.metric:
                caveats.append(
                    say(
                        "changes.other_measure",
                        before=ctx.labels.metric(before.metric),
                        after=ctx.labels.metric(after.metric),
                    )
                )
            if publisher(after) not in (publisher(before), *before.cites):
                caveats.append(say("changes.other_publisher"))
            sentence = say(
                "changes.sentence",
                label=label,
                brief=brief,
                before=value_text(ctx, before, equivalent=False, status=True),
                before_year=period_text(ctx, before),
                who=who,
                after=after_text,
                after_year=period_text(ctx, after),
                ratio=fmt.ratio(ratio),
                up=ratio >= 1,
                years=years,
                rate=fmt.pct(rate * 100, 1) if rate is not None else "",
                caveats=" ".join(caveats),
            )
            cites = cites_of(before, after)
            what = ctx.labels.segment(after.segment_type, after.segment) or ctx.labels.metric(
                after.metric
            )
            rows.append(
                (
                    label,
                    f"{value_text(ctx, before, equivalent=False)} ({period_text(ctx, before)})",
                    aside(after_text, period_text(ctx, after)),
                    f"{who}: {what}",
                    fmt.ratio(ratio),
                    say("changes.same") if not caveats else say("changes.differs"),
                )
            )
            sec.blocks.append(Paragraph(sentence, cites))
            ranked.append((rank, len(ranked), Finding(sentence, cites)))
    # each measure's first comparison before any measure's second (a summary keeps the first)
    sec.findings += [finding for _, _, finding in sorted(ranked, key=lambda r: r[:2])]
    if rows:
        sec.blocks.insert(
            0,
            Table(
                (
                    say("changes.what"),
                    say("changes.before", brief=brief),
                    say("changes.after"),
                    say("changes.by"),
                    say("col.ratio"),
                    say("changes.comparable"),
                ),
                tuple(rows),
                (False, True, True, False, True, False),
            ),
        )
    return sec
