"""``policies``: the dated policy milestones and the numbers the data set ties to them."""

from __future__ import annotations

from typing import Any

from sectorlens.metrics.reference import by_period, select
from sectorlens.report import charts
from sectorlens.report.blocks import Chart, Finding, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.sections.common import RateLog, period_text, value_text


def policies(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """A timeline table and chart of policies, then related figures (funding, programmes)."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt, labels = ctx.words.say, ctx.fmt, ctx.labels
    precision = ctx.ref.presentation.get("issued_precision", {})
    items = sorted(ctx.ref.policies, key=lambda p: (p.issued, p.policy_id))
    rows, data = [], []
    for p in items:
        when = fmt.issued(p.issued, precision.get(p.policy_id, "day"))
        local = p.title_ko if ctx.lang == "ko" and p.title_ko else p.title_en
        title = f"{local} ({p.title_zh})" if p.title_zh else local
        issuer = labels.text("policies", p.policy_id, "issuer", p.issuer) or ""
        note = labels.text("policies", p.policy_id, "note", p.note) or ""
        rows.append((when, issuer, title, note))
        short = labels.text("policies", p.policy_id, "short", local) or local
        data.append({"when": p.issued.isoformat(), "label": short})
    cites = tuple(dict.fromkeys(p.source_id for p in items))
    columns = tuple(say(f"col.{c}") for c in ("date", "issuer", "policy", "note"))
    sec.blocks.append(Table(columns, tuple(rows), (False, False, False, False), cites=cites))
    if items:
        first, last = items[0], items[-1]
        sentence = say(
            "policy.span",
            n=len(items),
            first=fmt.issued(first.issued, precision.get(first.policy_id, "day")),
            last=fmt.issued(last.issued, precision.get(last.policy_id, "day")),
        )
        sec.blocks.append(Paragraph(sentence, cites))
        chart = charts.timeline(data, when="when", label="label")
        title = say("chart.policy_title")
        sec.blocks.append(Chart(cfg["id"], title, charts.spec(chart, title=title, font=ctx.font)))
    facts = [
        o for where in cfg.get("facts", []) for o in by_period(select(ctx.ref.observations, where))
    ]
    if facts:
        rates = RateLog()
        parts = [
            (
                period_text(ctx, o),
                labels.metric(o.metric),
                value_text(ctx, o, rates=rates, status=True),
                o.period_start is not None and o.period_start == o.period_end,  # a day: "on"
            )
            for o in facts
        ]
        sentence = say("policy.facts", items=parts)
        sec.blocks.append(Paragraph(sentence, cites_of(*facts)))
        sec.findings.append(Finding(sentence, cites_of(*facts)))
        if rate_note := rates.note(ctx):
            sec.blocks.append(rate_note)
    return sec
