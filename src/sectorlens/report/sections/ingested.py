"""Sections computed from the ingested deals (``sectorlens.metrics``), beside the published figures.

Each builder returns None when the store holds no deals, so a report built from reference data
alone is unchanged. The section config (``subject.yaml``) names the metric's grouping, an optional
year window (``years: [2014, 2018]``) and the published observations to compare with
(``compare: {metric: …, segment_type: …}``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sectorlens.metrics.reference import select
from sectorlens.model import Observation
from sectorlens.report import charts
from sectorlens.report.blocks import Chart, Finding, Note, Paragraph, Section, Table
from sectorlens.report.context import ReportContext, cites_of
from sectorlens.report.sections.common import (
    money_axis,
    period_columns,
    period_text,
    scale,
    value_text,
)

if TYPE_CHECKING:
    from sectorlens.metrics import Engine, MetricResult


def compute(engine: Engine, name: str, **request: Any) -> MetricResult:
    """``sectorlens.metrics.compute``, imported on first use (Ibis only when there are deals)."""
    from sectorlens.metrics import compute as run

    return run(engine, name, **request)


def _compute(ctx: ReportContext, name: str, **request: Any) -> MetricResult:
    """A metric over the store's deals inside the subject's scope."""
    assert ctx.deals is not None
    if ctx.include_implausible:
        request["where"] = [*(request.get("where") or ()), "implausible=true,false"]
    return compute(ctx.deals, name, scope=ctx.scope, **request)


def _deal_rates(ctx: ReportContext, result: MetricResult) -> list[dict[str, Any]]:
    """The ``fx`` metric's rows for ``result``'s deals and currency: the rates its amounts used."""
    assert ctx.deals is not None
    query = result.query
    rates = compute(ctx.deals, "fx", where=query.where, currency=query.currency, scope=ctx.scope)
    return rates.to_pylist()


def _where(cfg: dict[str, Any]) -> list[str]:
    years = cfg.get("years")
    where = [f"{k}={v}" for k, v in (cfg.get("where") or {}).items()]
    if years:
        where += [f"year>={int(years[0])}", f"year<={int(years[1])}"]
    return where


def _scope(ctx: ReportContext, cfg: dict[str, Any]) -> dict[str, str]:
    """What the ingested figures cover: sources, years, number of rounds."""
    assert ctx.deals is not None
    where = _where(cfg)
    sources = _compute(ctx, "shares", by=["source_format"], where=where).to_pylist()
    years = [r for r in _compute(ctx, "growth", where=where).to_pylist()]
    first = years[0]["year"] if years else None
    last = years[-1]["year"] if years else None
    period = ctx.fmt.period(date(first, 1, 1), date(last, 12, 31)) if first and last else ""
    return {
        "sources": ", ".join(str(r["source_format"]) for r in sources if r["source_format"]),
        "period": period,
        "deals": ctx.fmt.count(Decimal(sum(r["deals"] for r in sources)), "deals"),
    }


def _label(ctx: ReportContext, segment_type: str, code: str | None) -> str:
    """The data set's label of a code, else the name of a place it knows, else the code."""
    if code is None:
        return ctx.words.say("ingested.unknown")
    label = ctx.labels.segment(segment_type, code) or code
    if label == code and segment_type in PLACE_TYPES:
        return ctx.labels.place(code)
    return label


PLACE_TYPES = ("country", "region", "province", "city", "district", "cluster")


def _published(ctx: ReportContext, cfg: dict[str, Any], segment: str | None) -> Observation | None:
    """The published figure for ``segment`` (the latest period if several)."""
    where = cfg.get("compare")
    if not where or segment is None:
        return None
    found = [o for o in select(ctx.ref.observations, where) if o.segment == segment]
    found = [o for o in found if o.value is not None and not o.equivalent_of]
    return max(found, key=lambda o: o.period_end or date.min, default=None)


def ingested_shares(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section | None:
    """Shares of the ingested rounds by place (or segment), CR3/HHI, published shares beside."""
    if ctx.deals is None:
        return None
    say, fmt = ctx.words.say, ctx.fmt
    dim = str(cfg.get("by") or "province")
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    where = _where(cfg)
    result = _compute(ctx, "shares", by=[dim], where=where)
    rows = result.to_pylist()
    sec.deal_rates = _deal_rates(ctx, result)  # amount shares are of converted amounts
    if not rows:
        sec.blocks.append(Note(say("common.no_data")))
        return sec
    scope = _scope(ctx, cfg)
    seg_type = str(cfg.get("segment_type") or dim)
    table: list[tuple[str, ...]] = []
    cites: list[str] = []
    for r in rows[: int(cfg.get("top") or 10)]:
        obs = _published(ctx, cfg, r[dim])
        table.append(
            (
                str(r["rank"] or ""),
                _label(ctx, seg_type, r[dim]),
                fmt.count(Decimal(r["deals"]), "deals"),
                fmt.pct(r["deal_share_pct"], 2),
                value_text(ctx, obs) + f" ({period_text(ctx, obs)})" if obs else "—",
            )
        )
        if obs:
            cites.extend(cites_of(obs))
            sentence = say(
                "ingested.share_vs_published",
                item=_label(ctx, seg_type, r[dim]),
                published=value_text(ctx, obs),
                source=ctx.labels.cite_as(obs.source_id, obs.source_id),
                published_period=period_text(ctx, obs),
                ours=fmt.pct(r["deal_share_pct"], 2),
                **scope,
            )
            sec.blocks.append(Paragraph(sentence, cites_of(obs)))
            sec.findings.append(Finding(sentence, cites_of(obs)))
    columns = tuple(
        say(f"ingested.col.{k}") for k in ("rank", "item", "deals", "share", "published")
    )
    sec.blocks.insert(
        0,
        Table(
            columns,
            tuple(table),
            (True, False, True, True, False),
            caption=say("ingested.caption", **scope),
            cites=tuple(cites),
        ),
    )
    conc = _compute(ctx, "concentration", by=[dim], where=where).to_pylist()[0]
    if conc["cr3_pct"] is not None:
        sec.blocks.append(
            Paragraph(
                say(
                    "ingested.concentration",
                    cr3=fmt.pct(conc["cr3_pct"], 1),
                    cr5=fmt.pct(conc["cr5_pct"], 1),
                    hhi=fmt.number(conc["hhi"], 0),
                    groups=conc["groups"],
                    known=fmt.pct(conc["known_pct"], 1),
                )
            )
        )
    return sec


def ingested_series(ctx: ReportContext, cfg: dict[str, Any], done: list[Section]) -> Section | None:
    """Rounds and amounts per year from the ingested deals, published counts beside them."""
    if ctx.deals is None:
        return None
    say, fmt = ctx.words.say, ctx.fmt
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    currency = str(cfg.get("currency") or ctx.home_currency)
    result = _compute(ctx, "deals", where=_where(cfg), currency=currency)
    rows = result.to_pylist()
    sec.deal_rates = _deal_rates(ctx, result)
    published = {
        (o.period_start, o.period_end): o
        for o in select(ctx.ref.observations, cfg.get("compare") or {"metric": "-"})
        if o.value is not None and not o.equivalent_of
    }
    table: list[tuple[str, ...]] = []
    cites: list[str] = []
    for r in rows:
        if r["period"] is None:
            continue
        obs = published.get((r["period_start"], r["period_end"]))
        if obs:
            cites.extend(cites_of(obs))
        amount = "—"
        if r["amount_mid"] is not None:
            amount = fmt.money(r["amount_mid"], currency, rounded=True)
            if r["amount_low"] is not None and r["amount_high"] is not None:
                amount += " " + say(
                    "ingested.range",
                    low=fmt.money(r["amount_low"], currency, rounded=True),
                    high=fmt.money(r["amount_high"], currency, rounded=True),
                )
        table.append(
            (
                r["period"] + (" " + say("ingested.partial") if r["partial"] else ""),
                fmt.count(Decimal(r["deals"]), "deals"),
                amount,
                fmt.pct(r["undisclosed_share_pct"], 1),
                value_text(ctx, obs, equivalent=False) if obs else "—",
            )
        )
    if not table:
        sec.blocks.append(Note(say("common.no_data")))
        return sec
    scope = _scope(ctx, cfg)
    columns = tuple(
        say(f"ingested.col.{k}") for k in ("year", "deals", "amount", "undisclosed", "published")
    )
    sec.blocks.append(
        Table(
            columns,
            tuple(table),
            (False, True, True, True, True),
            caption=say("ingested.caption", **scope),
            cites=tuple(cites),
        )
    )
    sec.blocks.append(Note(say("ingested.amount_note", currency=fmt.currency_name(currency))))
    dated = [r for r in rows if r["period"] is not None]
    sec.blocks.append(_series_chart(ctx, cfg, dated, currency))
    return sec


def _series_chart(
    ctx: ReportContext, cfg: dict[str, Any], rows: list[dict[str, Any]], currency: str
) -> Chart:
    """Amount (midpoints) and number of rounds per year; years without rounds left as gaps."""
    say, fmt = ctx.words.say, ctx.fmt
    years = [r["period_start"].year for r in rows]
    domain = [str(y) for y in range(min(years), max(years) + 1)]
    kinds = [say("deals.full_year"), say("deals.partial")]
    unit = scale(ctx)
    amounts, counts = [], []
    for r in rows:
        kind = kinds[1] if r["partial"] else kinds[0]
        year = str(r["period_start"].year)
        if r["amount_mid"] is not None:
            value = r["amount_mid"] / unit
            amounts.append(
                {"period": year, "value": float(value), "label": fmt.number(value, 1), "kind": kind}
            )
        count = Decimal(r["deals"])
        counts.append(
            {"period": year, "value": float(count), "label": fmt.number(count), "kind": kind}
        )
    panes = [
        period_columns(amounts, money_axis(ctx, currency), kinds, domain),
        period_columns(counts, say("col.deals"), kinds, domain),
    ]
    title = say("chart.ingested_title")
    spec = charts.spec(charts.hconcat(*panes), title=title, font=ctx.font)
    return Chart(cfg["id"], title, spec, ())


def ingested_segments(
    ctx: ReportContext, cfg: dict[str, Any], done: list[Section]
) -> Section | None:
    """Count and amount shares per sector or chain layer, and the quadrant of each."""
    if ctx.deals is None:
        return None
    say, fmt = ctx.words.say, ctx.fmt
    dim = str(cfg.get("by") or "sector")
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    result = _compute(ctx, "segments", by=[dim], where=_where(cfg))
    rows = result.to_pylist()
    sec.deal_rates = _deal_rates(ctx, result)
    seg_type = str(cfg.get("segment_type") or dim)
    table = []
    for r in rows[: int(cfg.get("top") or 12)]:
        obs = _published(ctx, cfg, r[dim])
        table.append(
            (
                _label(ctx, seg_type, r[dim]),
                fmt.pct(r["deal_share_pct"], 1),
                fmt.pct(r["company_share_pct"], 1) if r["company_share_pct"] is not None else "—",
                fmt.pct(r["amount_share_pct"], 1) if r["amount_share_pct"] is not None else "—",
                say(f"ingested.quadrant.{r['quadrant']}") if r["quadrant"] else "—",
                value_text(ctx, obs) if obs else "—",
            )
        )
    if not table:
        sec.blocks.append(Note(say("common.no_data")))
        return sec
    columns = tuple(
        say(f"ingested.col.{k}")
        for k in ("item", "deal_share", "company_share", "amount_share", "quadrant", "published")
    )
    sec.blocks.append(
        Table(
            columns,
            tuple(table),
            (False, True, True, True, False, True),
            caption=say("ingested.caption", **_scope(ctx, cfg)),
        )
    )
    sec.blocks.append(Note(say("ingested.quadrant_note")))
    return sec


def ingested_deal_size(
    ctx: ReportContext, cfg: dict[str, Any], done: list[Section]
) -> Section | None:
    """Mean and median round three ways per year, with the undisclosed share beside them."""
    if ctx.deals is None:
        return None
    say, fmt = ctx.words.say, ctx.fmt
    sec = Section(cfg["id"], ctx.loc(cfg["title"]))
    currency = str(cfg.get("currency") or ctx.home_currency)
    result = _compute(ctx, "deal_size", where=_where(cfg), currency=currency)
    rows = result.to_pylist()
    sec.deal_rates = _deal_rates(ctx, result)

    def money(value: Decimal | None) -> str:
        return "—" if value is None else fmt.money(value, currency, rounded=True)

    table = [
        (
            str(r["year"]),
            fmt.count(Decimal(r["deals"]), "deals"),
            fmt.pct(r["undisclosed_share_pct"], 1),
            f"{money(r['exact_mean'])} / {money(r['exact_median'])}",
            f"{money(r['low_mean'])} – {money(r['high_mean'])}",
            f"{money(r['mid_mean'])} / {money(r['mid_median'])}",
        )
        for r in rows
        if r["year"] is not None
    ]
    if not table:
        sec.blocks.append(Note(say("common.no_data")))
        return sec
    columns = tuple(
        say(f"ingested.col.{k}") for k in ("year", "deals", "undisclosed", "exact", "range", "mid")
    )
    sec.blocks.append(
        Table(
            columns,
            tuple(table),
            (False, True, True, True, True, True),
            caption=say("ingested.caption", **_scope(ctx, cfg)),
        )
    )
    sec.blocks.append(Note(say("ingested.size_note")))
    return sec
