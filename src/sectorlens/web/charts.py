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

MAX_BARS = 12  # bars shown by name; the rest are one "other" bar that says how many
MIN_SHARE = Decimal(2)  # a bar below this share of deals joins "other" (beyond MAX_BARS too)
MAX_VALUE_LABELS = 24  # more columns than this: values only in tooltips (labels would overlap)
WIDTH = 420
# Money units by language, largest first: an axis in the unit its largest value reaches.
MONEY_UNITS = {
    "ko": ((Decimal(10) ** 12, "조"), (Decimal(10) ** 8, "억"), (Decimal(10) ** 4, "만")),
    "en": ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "mn")),
}


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

    def money_unit(self, largest: Decimal) -> tuple[Decimal, str]:
        """The unit of an axis reaching ``largest``: ``(10^12, "조")``, ``(10^9, "bn")``."""
        units = MONEY_UNITS["en" if self.lang == "en" else "ko"]
        for size, name in units:
            if abs(largest) >= size:
                return size, name
        return Decimal(1), ""

    def money_axis(self, currency: str, unit: str = "") -> str:
        """``조 위안`` / ``CNY bn`` (``위안`` / ``CNY`` for small amounts); any currency."""
        key = f"currency.{currency}"
        word = self.words.say(key) if self.words.has(key) else currency
        if not unit:
            return word
        return f"{unit} {word}" if self.lang != "en" else f"{word} {unit}"


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
    known = [r for r in rows if r["period"] is not None and r["amount_mid"] is not None]
    unit, unit_name = text.money_unit(
        max((Decimal(r["amount_mid"]) for r in known), default=Decimal(0))
    )
    data = []
    for r in known:
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
        y_title=text.money_axis(currency, unit_name),
        width=WIDTH,
    )


def grouped(rows: list[dict[str, Any]], dim: str) -> tuple[list[dict[str, Any]], list[Any]]:
    """The rows shown as bars (every value down to :data:`MIN_SHARE`, at most :data:`MAX_BARS`)
    and the rows grouped as one "other" bar (smaller values, and the ``other`` code itself)."""
    known = sorted(
        (r for r in rows if r[dim] is not None), key=lambda r: -Decimal(r["deal_share_pct"] or 0)
    )
    shown = [
        r
        for i, r in enumerate(known)
        if i < MAX_BARS and Decimal(r["deal_share_pct"] or 0) >= MIN_SHARE and r[dim] != "other"
    ]
    rest = [r for r in known if r not in shown]
    if len(rest) == 1 and rest[0][dim] != "other":  # one small value: shown by its name
        shown, rest = [*shown, rest[0]], []
    if dim == "round":
        shown.sort(key=lambda r: stage_rank(r[dim]))
    return shown + [r for r in rows if r[dim] is None], rest


def _share_bars(dim: str) -> Callable[[list[dict[str, Any]], ChartText, str], Any]:
    def build(rows: list[dict[str, Any]], text: ChartText, currency: str) -> Any:
        shown, rest = grouped(rows, dim)
        data = [
            {
                "name": text.labels.name(dim, r[dim], text.lang),
                "value": int(r["deals"]),
                "label": f"{text.number(r['deals'])} ({_pct(r['deal_share_pct'])})",
            }
            for r in shown
        ]
        if rest:
            deals = sum(int(r["deals"]) for r in rest)
            share = sum(Decimal(r["deal_share_pct"] or 0) for r in rest)
            data.append(
                {
                    "name": text.t("chart.other").format(n=len(rest)),
                    "value": deals,
                    "label": f"{text.number(deals)} ({_pct(share)})",
                }
            )
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
        title = f"{title} ({_y_title(chart)})"
    out = fit(charts.spec(chart, title=title, font=font), table.num_rows)
    if view.view_id not in ("by_sector", "amount_by_year"):
        _whole_ticks(out, "y" if view.by[0] == "year" else "x")
    dimension = {"year": "axis.year", "province": "filters.regions", "sector": "filters.sectors"}
    category = text.t(dimension.get(view.by[0], "filters.rounds"))
    value = _y_title(chart) if view.view_id == "amount_by_year" else text.t("axis.deals")
    fields = [("period" if view.by == ("year",) else "name", category)]
    if view.view_id == "by_sector":
        fields.append(("measure", text.t("table.metric")))
        value = text.t("axis.share")
    return with_tooltips(out, [*fields, ("label", value)])


def _whole_ticks(spec: dict[str, Any], axis: str) -> None:
    """Count axes tick whole numbers only (no "1.5 deals"; few deals: every number)."""
    largest = max((v.get("value") or 0 for v in spec.get("data", {}).get("values", [])), default=0)
    extra: dict[str, Any] = {"tickMinStep": 1, "format": ",d"}
    if largest <= 10:
        extra["values"] = list(range(int(largest) + 1))
    for layer in spec.get("layer", []):
        enc = layer.get("encoding", {}).get(axis)
        if enc and enc.get("type") == "quantitative":
            enc.setdefault("axis", {}).update(extra)


def _y_title(chart: Any) -> str:
    """The y axis title of a columns chart (its money unit)."""
    layer = chart.to_dict(validate=False)["layer"][0]
    return str(layer["encoding"]["y"]["title"])


def fit(spec: dict[str, Any], n: int) -> dict[str, Any]:
    """``spec`` as wide as its card, with axis labels that never overlap.

    Category labels on x (years) are thinned to every other, fourth… as the span needs; with
    more than :data:`MAX_VALUE_LABELS` columns the value labels are left to the tooltips.
    """
    spec["width"] = "container"
    spec["autosize"] = {"type": "fit-x", "contains": "padding", "resize": True}
    layers = spec.get("layer", [])
    for layer in layers:
        x = layer.get("encoding", {}).get("x")
        if x and x.get("type") == "nominal":
            x.setdefault("axis", {}).update(
                {"labelOverlap": "parity", "labelSeparation": 6, "labelAngle": 0}
            )
    if n > MAX_VALUE_LABELS:
        spec["layer"] = [
            layer
            for layer in layers
            if not (
                layer.get("mark", {}).get("type") == "text"
                and "x" in layer["encoding"]
                and layer["encoding"]["x"].get("type") == "nominal"
            )
        ]
    return spec


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
