"""Sections over percent breakdowns: ``shares`` (one or several versions) and ``chain`` (layers)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from sectorlens.metrics.reference import BreakdownCheck, bounds, check_breakdown, select
from sectorlens.model import Observation
from sectorlens.report import charts
from sectorlens.report.blocks import Chart, Finding, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.sections.common import period_text, value_text

ROUNDING = Decimal("0.05")


def _low(obs: Observation) -> Decimal:
    return (bounds(obs) or (Decimal(0), Decimal(0)))[0]


def _pct(ctx: ReportContext, obs: Observation) -> str:
    """``12%`` or, for a published range, ``15–17%``."""
    low, high = bounds(obs) or (Decimal(0), Decimal(0))
    if low == high:
        return ctx.fmt.pct(low)
    return f"{ctx.fmt.number(low)}–{ctx.fmt.pct(high)}"


def _label(ctx: ReportContext, obs: Observation) -> str:
    return ctx.labels.segment(obs.segment_type, obs.segment)


def _specific_notes(ctx: ReportContext, observations: list[Observation]) -> dict[str, str]:
    """Notes that say something about one item (not the same remark on every item)."""
    notes = {o.obs_id: ctx.note(o) or "" for o in observations}
    counts = Counter(notes.values())
    return {k: v for k, v in notes.items() if v and counts[v] == 1}


def _total(ctx: ReportContext, check: BreakdownCheck) -> str:
    if check.total_high is None:
        return ctx.fmt.pct(check.total)
    return f"{ctx.fmt.number(check.total)}–{ctx.fmt.pct(check.total_high)}"


def _sum_sentences(ctx: ReportContext, check: BreakdownCheck, name: str) -> list[Note]:
    say, fmt = ctx.words.say, ctx.fmt
    out = []
    for group, parts_sum in check.groups:
        key = "shares.group_ok" if parts_sum == group.value else "shares.group_off"
        level = "info" if parts_sum == group.value else "warning"
        out.append(
            Note(
                say(
                    key,
                    group=_label(ctx, group),
                    stated=fmt.pct(group.value or Decimal(0)),
                    parts=fmt.pct(parts_sum),
                ),
                level,
            )
        )
    if check.status == "complete" and check.total_high is not None:
        out.append(Note(say("shares.complete_range", name=name, total=_total(ctx, check))))
    elif check.status == "complete":
        out.append(Note(say("shares.complete", name=name)))
    elif check.status == "partial":
        out.append(
            Note(
                say(
                    "shares.partial",
                    name=name,
                    total=_total(ctx, check),
                    rest=fmt.pct(check.rest),
                )
            )
        )
    else:
        text = say("shares.over", name=name, total=_total(ctx, check), excess=fmt.pp(-check.rest))
        if check.excess_item is not None:
            item = check.excess_item
            text += " " + say(
                "shares.excess_item",
                item=_label(ctx, item),
                value=fmt.pct(item.value or Decimal(0)),
            )
        out.append(Note(text, "warning", cites_of(*check.parts)))
    return out


Version = tuple[str, list[Observation], BreakdownCheck]


def shares(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """One breakdown, or several published versions of one breakdown side by side."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    versions: list[Version] = []
    for item in cfg["breakdowns"]:
        found = sorted(
            (o for o in select(ctx.ref.observations, item["where"]) if bounds(o) is not None),
            key=lambda o: (-_low(o), o.obs_id),
        )
        if found:
            versions.append((ctx.loc(item.get("label")) or "", found, check_breakdown(found)))
    if not versions:
        sec.blocks.append(Note(ctx.words.say("common.no_data")))
        return sec
    first = versions[0][1][0]
    metric = ctx.labels.metric(first.metric)
    period = period_text(ctx, first)
    when = period if first.period_end else None  # sentences leave out an unknown period
    if len(versions) == 1:
        chart = _single(ctx, sec, versions[0], metric, period, when)
    else:
        chart = _compared(ctx, sec, versions, metric, when)
    title = ctx.words.say("chart.shares_title", metric=metric, period=when)
    cites = cites_of(*(o for _, found, _ in versions for o in found))
    sec.blocks.append(
        Chart(cfg["id"], title, charts.spec(chart, title=title, font=ctx.font), cites)
    )
    return sec


def _single(
    ctx: ReportContext, sec: Section, version: Version, metric: str, period: str, when: str | None
) -> Any:
    say, fmt = ctx.words.say, ctx.fmt
    _, found, check = version
    cites = cites_of(*found)
    notes = _specific_notes(ctx, found)
    rows = [(_label(ctx, o), value_text(ctx, o), notes.get(o.obs_id, "")) for o in check.parts]
    rows += [
        (_label(ctx, g), value_text(ctx, g), say("shares.stated_total")) for g, _ in check.groups
    ]
    if check.status == "partial":
        rows.append((say("shares.rest_label"), fmt.pct(check.rest), say("shares.rest_note")))
    columns = (say("col.segment"), f"{metric} ({period})", say("col.note"))
    sec.blocks.append(Table(columns, tuple(rows), (False, True, False), cites=cites))
    sentence = say(
        "shares.top",
        period=when,
        metric=metric,
        geography=ctx.labels.geography(found[0].geography),
        items=[(_label(ctx, o), value_text(ctx, o)) for o in check.parts[:3]],
        groups=[(_label(ctx, g), value_text(ctx, g)) for g, _ in check.groups],
    )
    sec.blocks.append(Paragraph(sentence, cites))
    sec.findings.append(Finding(sentence, cites))
    sec.blocks += _sum_sentences(ctx, check, metric)
    listed, rest = say("shares.listed"), say("shares.rest_label")
    data = [
        {
            "segment": ctx.labels.segment(o.segment_type, o.segment, native=True),
            "value": float(_low(o)),
            "label": _pct(ctx, o),
            "kind": listed,
        }
        for o in check.parts
    ]
    if check.status == "partial":
        data.append(
            {
                "segment": rest,
                "value": float(check.rest),
                "label": fmt.pct(check.rest),
                "kind": rest,
            }
        )
    kinds = [listed, rest] if check.status == "partial" else [listed]
    return charts.bars(
        data,
        y="segment",
        x="value",
        text="label",
        x_title=f"{metric} (%)",
        color="kind" if len(kinds) > 1 else None,
        color_domain=kinds,
    )


def _compared(
    ctx: ReportContext, sec: Section, versions: list[Version], metric: str, when: str | None
) -> Any:
    say = ctx.words.say
    all_obs = [o for _, found, _ in versions for o in found]
    cites = cites_of(*all_obs)
    notes = _specific_notes(ctx, all_obs)
    names = [name for name, _, _ in versions]
    keys = list(dict.fromkeys(o.segment for o in all_obs))
    by_version = [{o.segment: o for o in found} for _, found, _ in versions]
    rows: list[tuple[str, ...]] = []
    for key in keys:
        cells = [by.get(key) for by in by_version]
        some = next(c for c in cells if c is not None)
        row_notes = " ".join(notes.get(c.obs_id, "") for c in cells if c is not None).strip()
        values = (value_text(ctx, c) if c else "—" for c in cells)
        rows.append((_label(ctx, some), *values, row_notes))
    rows.append((say("shares.sum_label"), *(_total(ctx, ch) for _, _, ch in versions), ""))
    columns = (say("col.segment"), *names, say("col.note"))
    numeric = (False, *(True for _ in names), False)
    sec.blocks.append(Table(columns, tuple(rows), numeric, cites=cites))
    lead = versions[0][2].parts[0]
    sentence = say(
        "shares.lead",
        period=when,
        metric=metric,
        item=_label(ctx, lead),
        value=value_text(ctx, lead),
        version=names[0],
    )
    sec.blocks.append(Paragraph(sentence, cites))
    sec.findings.append(Finding(sentence, cites))
    for name, _, check in versions:
        for note in _sum_sentences(ctx, check, name):
            sec.blocks.append(note)
            if note.level == "warning":
                sec.findings.append(Finding(note.text, cites_of(*check.parts)))
    only = [
        (names[i], _label(ctx, o))
        for i, by in enumerate(by_version)
        for o in by.values()
        if sum(o.segment in other for other in by_version) == 1
    ]
    if only:
        sec.blocks.append(Note(say("shares.only_in", items=only)))
    data = [
        {
            "segment": _label(ctx, o),
            "value": float(_low(o)),
            "label": _pct(ctx, o),
            "version": name,
        }
        for name, found, _ in versions
        for o in found
    ]
    return charts.bars(
        data,
        y="segment",
        x="value",
        text="label",
        x_title=f"{metric} (%)",
        color="version",
        color_domain=names,
        offset="version",
    )


def chain(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section:
    """Layers of an industry chain: description and the shares published for each layer."""
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    say, fmt = ctx.words.say, ctx.fmt
    seg_type = cfg["segment_type"]
    columns_obs = [select(ctx.ref.observations, where) for where in cfg["columns"]]
    headers = []
    for found in columns_obs:
        o = found[0] if found else None
        headers.append(f"{ctx.labels.metric(o.metric)} ({period_text(ctx, o)})" if o else "")
    rows, used = [], []
    data = []
    for layer in cfg["layers"]:
        cells = []
        for header, found in zip(headers, columns_obs, strict=True):
            hit = next((o for o in found if o.segment == layer), None)
            cells.append(value_text(ctx, hit) if hit else "—")
            if hit:
                used.append(hit)
                data.append(
                    {
                        "layer": ctx.labels.segment(seg_type, layer),
                        "value": float(hit.value or 0),
                        "label": fmt.pct(hit.value or Decimal(0)),
                        "metric": header,
                    }
                )
        rows.append(
            (ctx.labels.segment(seg_type, layer), ctx.labels.segment_about(seg_type, layer), *cells)
        )
    cites = cites_of(*used)
    table_cols = (say("col.layer"), say("col.about"), *headers)
    sec.blocks.append(
        Table(table_cols, tuple(rows), (False, False, *(True for _ in headers)), cites=cites)
    )
    for layer in cfg["layers"]:
        hits = [next((o for o in found if o.segment == layer), None) for found in columns_obs]
        present = [h for h in hits if h is not None]
        if len(present) >= 2:
            sentence = say(
                "chain.contrast",
                layer=ctx.labels.segment(seg_type, layer),
                items=[
                    (value_text(ctx, h), ctx.labels.metric(h.metric), period_text(ctx, h))
                    for h in present
                ],
                less=(present[1].value or 0) < (present[0].value or 0),
            )
            sec.blocks.append(Paragraph(sentence, cites_of(*present)))
            sec.findings.append(Finding(sentence, cites_of(*present)))
    for found in columns_obs:
        if len(found) > 1:
            check = check_breakdown(found)
            sec.blocks += [
                n for n in _sum_sentences(ctx, check, ctx.labels.metric(found[0].metric))
            ]
    extras = [o for where in cfg.get("extras", []) for o in select(ctx.ref.observations, where)]
    if extras:
        items = [
            (
                ctx.labels.metric(o.metric),
                ctx.labels.segment(o.segment_type, o.segment),
                period_text(ctx, o) if o.period_end else "",
                value_text(ctx, o),
                (ctx.note(o) or "").rstrip("."),
            )
            for o in extras
        ]
        sec.blocks.append(Paragraph(say("chain.extras", items=items), cites_of(*extras)))
    metrics = [h for h in headers if h]
    chart = charts.columns(
        data,
        x="layer",
        y="value",
        text="label",
        x_title="",
        y_title="%",
        color="metric",
        color_domain=metrics,
        offset="metric",
    )
    title = say("chart.chain_title")
    sec.blocks.append(
        Chart(cfg["id"], title, charts.spec(chart, title=title, font=ctx.font), cites)
    )
    return sec
