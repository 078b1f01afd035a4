"""The dashboard's charts: metric rows drawn with the report's chart builders (Vega-Lite).

Nothing here defines a chart type: ``report.charts`` (columns, bars) and ``report.charts.spec``
(title, font, look) do, as in the written report; this module only maps a metric's rows onto
them, with display names and money units in the page's language. Float conversion happens only
for the chart's coordinates; labels are written from the exact ``Decimal`` values.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pyarrow as pa

from sectorlens.parse import format_number
from sectorlens.report import charts
from sectorlens.report.fmt import significant
from sectorlens.report.wording import Wording
from sectorlens.web.labels import Labels
from sectorlens.web.presets import View
from sectorlens.web.records import stage_rank
from sectorlens.web.strings import STRINGS

MAX_BARS = 20  # horizontal bar charts show the largest values; the table has them all
WIDTH = 420


class ChartText:
    """Words and numbers for one language."""

    def __init__(self, lang: str, labels: Labels) -> None:
        self.lang = lang
        self.labels = labels
        self.words = Wording(lang)

    def t(self, key: str) -> str:
        """A dashboard string."""
        return STRINGS[key][self.lang]

    def number(self, value: Any, digits: int | None = None) -> str:
        """A count or amount written for the language (digits: decimals kept)."""
        return format_number(Decimal(value), "en" if self.lang == "en" else "ko", digits=digits)

    def amount(self, scaled: Decimal) -> str:
        """A money value already in chart units: one decimal, or 3 significant digits if small."""
        if abs(scaled) >= 100:
            return self.number(scaled, 1)
        return self.number(significant(scaled, 3).normalize())

    def money_scale(self) -> Decimal:
        """The unit money is charted in (the report's: 10^8 in ko, 10^9 in en)."""
        return Decimal(self.words.say("chart.money_scale"))

    def money_axis(self, currency: str) -> str:
        """``억 위안`` / ``CNY bn`` (the report's wording)."""
        key = f"currency.{currency}"
        name = self.words.say(key) if self.words.has(key) else currency
        return self.words.say("chart.money_axis", currency=name)


def _pct(value: Any) -> str:
    return "" if value is None else f"{Decimal(value).quantize(Decimal('0.1'))}%"


def _deals_by_year(rows: list[dict[str, Any]], text: ChartText, currency: str) -> Any:
    data = [
        {"period": r["period"], "value": int(r["deals"]), "label": text.number(r["deals"])}
        for r in rows
        if r["period"] is not None
    ]
    return charts.columns(
        data,
        x="period",
        y="value",
        text="label",
        x_title=text.t("axis.year"),
        y_title=text.t("axis.deals"),
        width=WIDTH,
    )


def _amount_by_year(rows: list[dict[str, Any]], text: ChartText, currency: str) -> Any:
    unit = text.money_scale()
    data = []
    for r in rows:
        if r["period"] is None or r["amount_mid"] is None:
            continue
        scaled = Decimal(r["amount_mid"]) / unit
        data.append(
            {
                "period": r["period"],
                "value": float(scaled),
                "label": text.amount(scaled),
            }
        )
    return charts.columns(
        data,
        x="period",
        y="value",
        text="label",
        x_title=text.t("axis.year"),
        y_title=text.money_axis(currency),
        width=WIDTH,
    )


def _share_bars(dim: str) -> Callable[[list[dict[str, Any]], ChartText, str], Any]:
    def build(rows: list[dict[str, Any]], text: ChartText, currency: str) -> Any:
        known = [r for r in rows if r[dim] is not None]
        if dim == "round":
            known.sort(key=lambda r: stage_rank(r[dim]))
        data = [
            {
                "name": text.labels.name(dim, r[dim], text.lang),
                "value": int(r["deals"]),
                "label": f"{text.number(r['deals'])} ({_pct(r['deal_share_pct'])})",
            }
            for r in known[:MAX_BARS]
        ]
        return charts.bars(
            data, y="name", x="value", text="label", x_title=text.t("axis.deals"), width=WIDTH + 80
        )

    return build


def _sector_shares(rows: list[dict[str, Any]], text: ChartText, currency: str) -> Any:
    measures = (
        ("deal_share_pct", text.t("axis.share_deals")),
        ("amount_share_pct", text.t("axis.share_amount")),
    )
    data = [
        {
            "name": text.labels.name("sector", r["sector"], text.lang),
            "measure": title,
            "value": float(r[key] or 0),
            "label": _pct(r[key]),
        }
        for r in rows[:MAX_BARS]
        if r["sector"] is not None
        for key, title in measures
    ]
    return charts.bars(
        data,
        y="name",
        x="value",
        text="label",
        x_title=text.t("axis.share"),
        color="measure",
        color_domain=[title for _, title in measures],
        offset="measure",
        width=WIDTH + 80,
    )


BUILDERS: dict[str, Callable[[list[dict[str, Any]], ChartText, str], Any]] = {
    "deals_by_year": _deals_by_year,
    "amount_by_year": _amount_by_year,
    "by_region": _share_bars("province"),
    "by_sector": _sector_shares,
    "by_round": _share_bars("round"),
}


def chart_spec(
    view: View, table: pa.Table, *, lang: str, currency: str, labels: Labels, font: str
) -> dict[str, Any]:
    """The Vega-Lite spec of dashboard chart ``view`` over a metric's rows."""
    text = ChartText(lang, labels)
    chart = BUILDERS[view.view_id](table.to_pylist(), text, currency)
    title = text.t(view.title)
    if view.view_id == "amount_by_year":
        title = f"{title} ({text.money_axis(currency)})"
    out = charts.spec(chart, title=title, font=font)
    dimension = {"year": "axis.year", "province": "filters.regions", "sector": "filters.sectors"}
    category = text.t(dimension.get(view.by[0], "filters.rounds"))
    value = text.money_axis(currency) if view.view_id == "amount_by_year" else text.t("axis.deals")
    fields = [("period" if view.by == ("year",) else "name", category)]
    if view.view_id == "by_sector":
        fields.append(("measure", text.t("table.metric")))
        value = text.t("axis.share")
    return with_tooltips(out, [*fields, ("label", value)])


def with_tooltips(spec: dict[str, Any], fields: list[tuple[str, str]]) -> dict[str, Any]:
    """``spec`` with a tooltip on every layer showing ``fields`` (field, title) of the datum."""
    tooltip = [{"field": f, "type": "nominal", "title": t or f} for f, t in fields]

    def visit(node: dict[str, Any]) -> None:
        for key in ("layer", "hconcat", "vconcat", "concat"):
            for child in node.get(key, []):
                visit(child)
        if "mark" in node:
            node.setdefault("encoding", {})["tooltip"] = tooltip

    visit(spec)
    return spec


def report_chart_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A chart of the written report, interactive: tooltips show each mark's own data."""
    out = dict(spec)
    out["config"] = {**spec.get("config", {}), "mark": {"tooltip": {"content": "data"}}}
    return out


__all__ = ["BUILDERS", "ChartText", "chart_spec", "report_chart_spec", "with_tooltips"]
