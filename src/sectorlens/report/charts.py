"""Chart specifications (Altair → Vega-Lite) and their rendering to SVG and PNG (vl-convert)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import altair as alt
import platformdirs
import vl_convert as vlc

from sectorlens.errors import SectorlensError

Rows = Sequence[dict[str, Any]]
PALETTE = ["#2f5d8a", "#e0912f", "#6b9e5a", "#b5475b", "#7e6bb3", "#8c8c8c", "#3c9bb0"]
WIDTH = 520
PNG_SCALE = 2
CACHE_ENV = "SECTORLENS_CACHE"


def _data(rows: Rows) -> alt.Data:
    return alt.Data(values=[dict(r) for r in rows])


def _color(field: str | None, domain: Sequence[str] | None, title: str | None) -> Any:
    if field is None:
        return alt.value(PALETTE[0])
    scale = alt.Scale(domain=list(domain), range=PALETTE[: len(domain)]) if domain else alt.Scale()
    return alt.Color(f"{field}:N", scale=scale, title=title, legend=alt.Legend(orient="bottom"))


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
) -> alt.Chart | alt.LayerChart:
    """Vertical bars in the order of ``rows``, each labelled with its ``text``."""
    order = list(dict.fromkeys(str(r[x]) for r in rows))
    base = alt.Chart(_data(rows)).encode(
        x=alt.X(f"{x}:N", sort=order, title=x_title, axis=alt.Axis(labelAngle=0, labelLimit=140)),
        y=alt.Y(f"{y}:Q", title=y_title),
    )
    if offset:
        base = base.encode(xOffset=alt.XOffset(f"{offset}:N", sort=color_domain))
    bars = base.mark_bar().encode(color=_color(color, color_domain, color_title))
    labels = base.mark_text(dy=-6, fontSize=10, color="#333").encode(text=f"{text}:N")
    return (bars + labels).properties(width=width, height=240)


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
) -> alt.LayerChart:
    """Horizontal bars in the order of ``rows`` (largest share first), labelled with ``text``."""
    order = list(dict.fromkeys(str(r[y]) for r in rows))
    per_bar = 22 if not offset else 30
    base = alt.Chart(_data(rows)).encode(
        y=alt.Y(f"{y}:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X(f"{x}:Q", title=x_title),
    )
    if offset:
        base = base.encode(yOffset=alt.YOffset(f"{offset}:N", sort=color_domain))
    chart = base.mark_bar().encode(color=_color(color, color_domain, color_title))
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#333").encode(text=f"{text}:N")
    return (chart + labels).properties(width=width - 160, height=max(60, per_bar * len(order)))


def timeline(rows: Rows, *, when: str, label: str, width: int = WIDTH) -> alt.LayerChart:
    """Dated events on a time axis, labels in alternating lanes above and below the line."""
    lanes = (1.0, -1.0, 1.8, -1.8)
    data = [dict(r, _lane=lanes[i % len(lanes)], _zero=0) for i, r in enumerate(rows)]
    scale = alt.Scale(domain=[-2.4, 2.4])
    base = alt.Chart(_data(data)).encode(
        x=alt.X(f"{when}:T", title=None, axis=alt.Axis(format="%Y", tickCount="year"))
    )
    line = base.mark_line(color="#999").encode(y=alt.Y("_zero:Q", scale=scale, axis=None))
    stems = base.mark_rule(color="#ccc").encode(y=alt.Y("_zero:Q", scale=scale), y2="_lane:Q")
    points = base.mark_point(filled=True, size=60, color=PALETTE[0], opacity=1).encode(
        y=alt.Y("_zero:Q", scale=scale)
    )
    text = base.mark_text(fontSize=10, color="#222").encode(
        y=alt.Y("_lane:Q", scale=scale), text=f"{label}:N"
    )
    return (line + stems + points + text).properties(width=width, height=180)


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
) -> alt.LayerChart:
    """Lines with points per series; series named in ``dashed`` are drawn dashed."""
    base = alt.Chart(_data(rows)).encode(
        x=alt.X(f"{x}:O", title=x_title, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title),
        color=_color(series, series_domain, None),
    )
    dash = alt.condition(
        alt.FieldOneOfPredicate(field=series, oneOf=list(dashed)),
        alt.value([5, 4]),
        alt.value([1, 0]),
    )
    layers: list[Any] = [base.mark_line().encode(strokeDash=dash), base.mark_point(filled=True)]
    if text:
        layers.append(base.mark_text(dy=-9, fontSize=10).encode(text=f"{text}:N"))
    return alt.LayerChart(layer=layers).properties(width=width, height=240)


def spec(chart: alt.TopLevelMixin, *, title: str, font: str) -> dict[str, Any]:
    """The Vega-Lite dict of ``chart`` with the report's title, font and look."""
    out: dict[str, Any] = chart.properties(title=title).to_dict(validate=False)
    out["config"] = {
        "font": font,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 11, "titleFontSize": 11, "gridColor": "#e6e6e6"},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 360},
        "title": {"fontSize": 13, "anchor": "start"},
        "background": "white",
    }
    return out


def default_cache_dir() -> Path | None:
    """Where rendered charts are cached: ``$SECTORLENS_CACHE`` (``off`` disables) or per user."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip().lower() in {"", "off", "0", "no"} else Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("sectorlens")) / "charts"


def to_svg(chart_spec: dict[str, Any]) -> str:
    """SVG text of a Vega-Lite spec."""
    try:
        return str(vlc.vegalite_to_svg(chart_spec))
    except Exception as exc:  # vl-convert raises plain ValueErrors with long JS traces
        raise SectorlensError(f"cannot render a chart: {_first_line(exc)}") from exc


def to_png(svg: str, scale: float = PNG_SCALE) -> bytes:
    """PNG bytes of an SVG drawn by vl-convert (same fonts as the SVG)."""
    try:
        return bytes(vlc.svg_to_png(svg, scale=scale))
    except Exception as exc:
        raise SectorlensError(f"cannot convert a chart to PNG: {_first_line(exc)}") from exc


def render_all(
    specs: dict[str, dict[str, Any]], cache_dir: Path | None = None
) -> dict[str, tuple[str, bytes]]:
    """SVG and PNG of every spec, reusing earlier renders of identical specs from ``cache_dir``.

    The cache key is the whole spec (data, text, font) and the vl-convert version, so a change
    of any of them renders again. A cache that cannot be read or written is ignored.
    """
    out: dict[str, tuple[str, bytes]] = {}
    with ThreadPoolExecutor(max_workers=1) as png_pool:  # PNG of one chart beside the next SVG
        pending = {}
        for chart_id, spec in specs.items():
            key = _cache_key(spec)
            cached = _cache_get(cache_dir, key)
            if cached is not None:
                out[chart_id] = cached
                continue
            svg = to_svg(spec)
            pending[chart_id] = (key, svg, png_pool.submit(to_png, svg))
        for chart_id, (key, svg, png) in pending.items():
            out[chart_id] = (svg, png.result())
            _cache_put(cache_dir, key, out[chart_id])
    return {chart_id: out[chart_id] for chart_id in specs}


def _cache_key(spec: dict[str, Any]) -> str:
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    salt = f"vl-convert {getattr(vlc, '__version__', '?')} png×{PNG_SCALE}\n"
    return hashlib.sha256((salt + text).encode()).hexdigest()


def _cache_get(cache_dir: Path | None, key: str) -> tuple[str, bytes] | None:
    if cache_dir is None:
        return None
    try:
        svg = (cache_dir / f"{key}.svg").read_text(encoding="utf-8")
        png = (cache_dir / f"{key}.png").read_bytes()
    except (OSError, UnicodeDecodeError):
        return None
    return (svg, png) if svg.startswith("<svg") and png.startswith(b"\x89PNG") else None


def _cache_put(cache_dir: Path | None, key: str, rendered: tuple[str, bytes]) -> None:
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for suffix, data in ((".png", rendered[1]), (".svg", rendered[0].encode("utf-8"))):
            tmp = cache_dir / f".{key}{suffix}.{os.getpid()}"
            tmp.write_bytes(data)
            os.replace(tmp, cache_dir / f"{key}{suffix}")
    except OSError:
        return


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
