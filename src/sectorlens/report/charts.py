"""Chart specifications: Vega-Lite dicts for the report's few chart shapes.

The dicts are written out directly (no Altair at run time: importing and validating through it
cost more than a second per report). They are what Altair 6 produced for the same calls, key
order included, so the rendered charts are unchanged; ``tests/golden/charts.*.json`` holds them.
Rendering to SVG and PNG is in ``sectorlens.report.chartrender``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Rows = Sequence[dict[str, Any]]


class Spec(dict[str, Any]):
    """A Vega-Lite dict (or a part of one)."""

    def to_dict(self, validate: bool = False) -> dict[str, Any]:
        """A plain copy: Altair's name for it, kept for code written against Altair charts."""
        return dict(self)


PALETTE = ["#2f5d8a", "#e0912f", "#6b9e5a", "#b5475b", "#7e6bb3", "#8c8c8c", "#3c9bb0"]
WIDTH = 520
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"


def _field(name: str, kind: str, **props: Any) -> dict[str, Any]:
    """A field channel: ``field``, the given properties and ``type``, keys in Vega-Lite order."""
    out = {"field": name, **props, "type": kind}
    return dict(sorted(out.items()))


def _mark(kind: str, **props: Any) -> dict[str, Any]:
    return {"type": kind, **dict(sorted(props.items()))}


def _layer(mark: dict[str, Any], **encoding: Any) -> dict[str, Any]:
    return {"mark": mark, "encoding": dict(sorted(encoding.items()))}


def _color(field: str | None, domain: Sequence[str] | None, title: str | None) -> Any:
    if field is None:
        return {"value": PALETTE[0]}
    scale = {"domain": list(domain), "range": PALETTE[: len(domain)]} if domain else {}
    return _field(field, "nominal", legend={"orient": "bottom"}, scale=scale, title=title)


def _chart(layers: list[dict[str, Any]], rows: Rows, width: int, height: int) -> Spec:
    data = {"values": [dict(r) for r in rows]}
    return Spec(layer=layers, data=data, height=height, width=width)


def columns(
    rows: Rows,
    *,
    x: str,
    y: str,
    text: str,
    x_title: str,
    y_title: str,
    color: str | None = None,
    color_domain: Sequence[str] | None = None,
    color_title: str | None = None,
    offset: str | None = None,
    width: int = WIDTH,
    y2: str | None = None,
    domain: Sequence[str] | None = None,
) -> Spec:
    """Vertical bars in the order of ``rows``, each labelled with its ``text``.

    ``domain`` lists every category of the x axis in order, those without a row included: a
    period missing from the data is left as a gap instead of being hidden.

    With ``y2``, rows holding that field are published ranges: the bar reaches the low end and
    a whisker runs from there to the high end.
    """
    order = list(dict.fromkeys(str(r[x]) for r in rows))
    x_props: dict[str, Any] = {"axis": {"labelAngle": 0, "labelLimit": 140}, "sort": order}
    if domain and list(domain) != order:
        x_props = {**x_props, "sort": list(domain), "scale": {"domain": list(domain)}}
    base: dict[str, Any] = {
        "x": _field(x, "nominal", title=x_title, **x_props),
        "y": _field(y, "quantitative", title=y_title),
    }
    if offset:
        base["xOffset"] = _field(offset, "nominal", sort=_list(color_domain))
    bars = _layer(_mark("bar"), color=_color(color, color_domain, color_title), **base)
    labels = _layer(
        _mark("text", dy=-6, fontSize=10, color="#333"), text=_field(text, "nominal"), **base
    )
    layers = [bars, labels]
    if y2:
        whisker = _layer(
            _mark("rule", color="#333", strokeWidth=2),
            x=base["x"],
            y=base["y"],
            y2={"field": y2},
        )
        labels["encoding"]["y"] = _field(y2, "quantitative")
        layers.insert(1, whisker)
    return _chart(layers, rows, width, 240)


def bars(
    rows: Rows,
    *,
    y: str,
    x: str,
    text: str,
    x_title: str,
    color: str | None = None,
    color_domain: Sequence[str] | None = None,
    color_title: str | None = None,
    offset: str | None = None,
    width: int = WIDTH,
) -> Spec:
    """Horizontal bars in the order of ``rows`` (largest share first), labelled with ``text``."""
    order = list(dict.fromkeys(str(r[y]) for r in rows))
    per_bar = 22 if not offset else 30
    base: dict[str, Any] = {
        "y": _field(y, "nominal", sort=order, title=None, axis={"labelLimit": 220}),
        "x": _field(x, "quantitative", title=x_title),
    }
    if offset:
        base["yOffset"] = _field(offset, "nominal", sort=_list(color_domain))
    chart = _layer(_mark("bar"), color=_color(color, color_domain, color_title), **base)
    labels = _layer(
        _mark("text", align="left", dx=3, fontSize=10, color="#333"),
        text=_field(text, "nominal"),
        **base,
    )
    return _chart([chart, labels], rows, width - 160, max(60, per_bar * len(order)))


def timeline(rows: Rows, *, when: str, label: str, width: int = WIDTH) -> Spec:
    """Dated events on a time axis, labels in alternating lanes above and below the line."""
    lanes = (1.0, -1.0, 1.8, -1.8)
    data = [dict(r, _lane=lanes[i % len(lanes)], _zero=0) for i, r in enumerate(rows)]
    scale = {"domain": [-2.4, 2.4]}
    x = _field(when, "temporal", title=None, axis={"format": "%Y", "tickCount": "year"})
    zero = _field("_zero", "quantitative", scale=scale)
    layers = [
        _layer(
            _mark("line", color="#999"),
            x=x,
            y=_field("_zero", "quantitative", scale=scale, axis=None),
        ),
        _layer(_mark("rule", color="#ccc"), x=x, y=zero, y2={"field": "_lane"}),
        _layer(_mark("point", filled=True, size=60, color=PALETTE[0], opacity=1), x=x, y=zero),
        _layer(
            _mark("text", fontSize=10, color="#222"),
            x=x,
            y=_field("_lane", "quantitative", scale=scale),
            text=_field(label, "nominal"),
        ),
    ]
    return _chart(layers, data, width, 180)


def lines(
    rows: Rows,
    *,
    x: str,
    y: str,
    series: str,
    series_domain: Sequence[str],
    x_title: str,
    y_title: str,
    dashed: Sequence[str] = (),
    text: str | None = None,
    width: int = WIDTH,
) -> Spec:
    """Lines with points per series; series named in ``dashed`` are drawn dashed."""
    base = {
        "x": _field(x, "ordinal", title=x_title, axis={"labelAngle": 0}),
        "y": _field(y, "quantitative", title=y_title),
        "color": _color(series, series_domain, None),
    }
    test = {"field": series, "oneOf": list(dashed)}
    dash = {"condition": {"test": test, "value": [5, 4]}, "value": [1, 0]}
    layers = [
        _layer(_mark("line"), strokeDash=dash, **base),
        _layer(_mark("point", filled=True), **base),
    ]
    if text:
        layers.append(
            _layer(_mark("text", dy=-9, fontSize=10), text=_field(text, "nominal"), **base)
        )
    return _chart(layers, rows, width, 240)


def projection(
    rows: Rows,
    *,
    x: str,
    y: str,
    low: str,
    high: str,
    series: str,
    actual: str,
    projected: str,
    x_title: str,
    y_title: str,
    text: str | None = None,
    width: int = WIDTH,
) -> Spec:
    """Actual figures (solid line, points) and a projection (dashed line, a shaded band from
    ``low`` to ``high``), told apart by ``series`` and its legend."""
    xq = _field(x, "quantitative", title=x_title, axis={"format": "d", "tickMinStep": 1})
    xq["scale"] = {"zero": False}
    base = {
        "x": xq,
        "y": _field(y, "quantitative", title=y_title),
        "color": _color(series, [actual, projected], None),
    }
    only_projected = {"filter": {"field": series, "equal": projected}}
    only_actual = {"filter": {"field": series, "equal": actual}}
    dash = {
        "condition": {"test": {"field": series, "equal": projected}, "value": [6, 4]},
        "value": [1, 0],
    }
    band = _layer(
        _mark("area", opacity=0.15, color=PALETTE[1]),
        x=xq,
        y=_field(low, "quantitative", title=y_title),
        y2={"field": high},
    )
    band["transform"] = [only_projected]
    layers = [
        band,
        _layer(_mark("line"), strokeDash=dash, **base),
        {**_layer(_mark("point", filled=True), **base), "transform": [only_actual]},
    ]
    if text:
        layers.append(
            _layer(_mark("text", dy=-9, fontSize=10), text=_field(text, "nominal"), **base)
        )
    return _chart(layers, rows, width, 240)


def hconcat(*charts: Spec) -> Spec:
    """Charts side by side (data they all share is stated once, at the top)."""
    data = [c.get("data") for c in charts]
    if charts and data[0] is not None and all(d == data[0] for d in data):
        panes = [{k: v for k, v in c.items() if k != "data"} for c in charts]
        return Spec(hconcat=panes, data=data[0])
    return Spec(hconcat=list(charts))


def spec(chart: Spec, *, title: str, font: str) -> Spec:
    """The top-level Vega-Lite dict of ``chart`` with the report's title, font and look."""
    config = {
        "font": font,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 11, "titleFontSize": 11, "gridColor": "#e6e6e6"},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 360},
        "title": {"fontSize": 13, "anchor": "start"},
        "background": "white",
    }
    body = {**chart, "title": title}
    return Spec(config=config, **dict(sorted(body.items(), key=_top_order)), **{"$schema": SCHEMA})


def _top_order(item: tuple[str, Any]) -> tuple[int, str]:
    # Composition and data first, then the chart's properties alphabetically (as Altair wrote it).
    first = ("layer", "hconcat", "data")
    return (first.index(item[0]), "") if item[0] in first else (len(first), item[0])


def _list(values: Sequence[str] | None) -> list[str] | None:
    return None if values is None else list(values)
