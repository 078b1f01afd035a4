"""A chart's data for download: its numbers as CSV, a JSON metadata file and a README, zipped.

As Our World in Data's download does: the numbers the chart draws (``data.values`` of its
Vega-Lite spec: the same values, not recomputed), what each column is and its unit, the notes
of its section (definitions, caveats), its sources with their citation numbers in the report,
and the exchange rates behind any converted amount of its section. CSV cells go through the
same formula guard as every other CSV sectorlens writes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from sectorlens import __version__
from sectorlens.fx import Conversion
from sectorlens.metrics.output import cell_text, csv_text
from sectorlens.report.blocks import Chart, Note, Section
from sectorlens.report.build import Report
from sectorlens.report.wording import Wording

_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed entry times: the same chart gives the same bytes


def zip_name(chart_id: str) -> str:
    """The ZIP's file name for a chart: ``<id>-data.zip`` (characters outside a-z 0-9 _ . - → _)."""
    return f"{file_stem(chart_id)}-data.zip"


def file_stem(chart_id: str) -> str:
    """A chart id made safe as a file name."""
    return _SAFE.sub("_", chart_id).lstrip(".") or "chart"


def chart_packages(report: Report, view: dict[str, Any]) -> dict[str, bytes]:
    """Every chart of ``report`` as a ZIP (``view``: render.py's view, for citation numbers)."""
    numbers = {src["id"]: src for src in view["sources"]}
    out = {}
    for section, chart in _charts(report):
        out[chart.chart_id] = chart_zip(report, section, chart, numbers)
    return out


def _charts(report: Report) -> Iterator[tuple[Section, Chart]]:
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Chart):
                yield section, block


def chart_zip(
    report: Report, section: Section, chart: Chart, sources: dict[str, dict[str, Any]]
) -> bytes:
    """One chart's ZIP: ``<id>.csv``, ``<id>.json`` and ``README.txt``."""
    columns, rows = chart_table(chart.spec)
    meta = chart_metadata(report, section, chart, sources, columns, len(rows))
    return pack(chart.chart_id, columns, rows, meta, report.context.words)


def pack(
    chart_id: str,
    columns: list[dict[str, Any]],
    rows: list[list[Any]],
    meta: dict[str, Any],
    words: Wording,
) -> bytes:
    """The ZIP of a chart's table and metadata (``meta`` as ``chart_metadata`` makes it)."""
    stem = file_stem(chart_id)
    csv = csv_text([c["name"] for c in columns], rows, "\r\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            (f"{stem}.csv", "\ufeff" + csv),  # (a BOM, so spreadsheets read the CSV as UTF-8)
            (f"{stem}.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n"),
            ("README.txt", readme(meta, stem, words)),
        ):
            archive.writestr(zipfile.ZipInfo(name, _EPOCH), text.encode("utf-8"))
    return buffer.getvalue()


def chart_table(spec: dict[str, Any]) -> tuple[list[dict[str, Any]], list[list[Any]]]:
    """The columns (name, title, role, type) and rows of the numbers a chart draws.

    Fields whose names start with ``_`` are the chart's own layout helpers and are left out.
    A chart of several panes with their own data gets a ``panel`` column.
    """
    channels = _channels(spec)
    datasets = _datasets(spec)
    names: list[str] = []
    for values in datasets:
        for row in values:
            names += [k for k in row if not k.startswith("_") and k not in names]
    panel = len(datasets) > 1
    rows = []
    for i, values in enumerate(datasets, 1):
        for row in values:
            rows.append(([i] if panel else []) + [row.get(n) for n in names])
    columns = [{"name": "panel", "title": "", "roles": [], "type": "ordinal"}] if panel else []
    for name in names:
        seen = channels.get(name, [])
        titles = [t for _, t, _ in seen if t]
        columns.append(
            {
                "name": name,
                "title": titles[0] if titles else "",
                "roles": sorted({role for role, _, _ in seen}),
                "type": next((kind for _, _, kind in seen), "nominal"),
            }
        )
    return columns, rows


def _channels(spec: Any) -> dict[str, list[tuple[str, str, str]]]:
    """field → [(channel, title, type)] over every layer and pane."""
    found: dict[str, list[tuple[str, str, str]]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for channel, enc in (node.get("encoding") or {}).items():
                if isinstance(enc, dict) and "field" in enc:
                    entry = (channel, str(enc.get("title") or ""), str(enc.get("type") or ""))
                    if entry not in found.setdefault(str(enc["field"]), []):
                        found[str(enc["field"])].append(entry)
            for key in ("layer", "hconcat", "vconcat", "concat"):
                for child in node.get(key) or ():
                    walk(child)

    walk(spec)
    return found


def _datasets(spec: Any) -> list[list[dict[str, Any]]]:
    """The ``data.values`` lists of a spec: the top level's, else each pane's (in order)."""
    values = (spec.get("data") or {}).get("values") if isinstance(spec, dict) else None
    if values is not None:
        return [list(values)]
    out: list[list[dict[str, Any]]] = []
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for child in spec.get(key) or ():
            out += [v for v in _datasets(child) if v not in out]
    return out


def chart_metadata(
    report: Report,
    section: Section,
    chart: Chart,
    sources: dict[str, dict[str, Any]],
    columns: list[dict[str, Any]],
    n_rows: int,
) -> dict[str, Any]:
    """The JSON metadata of a chart's data."""
    cited = list(chart.cites) or _section_cites(section)
    return {
        "chart_id": chart.chart_id,
        "title": chart.title,
        "section": section.title,
        "report": report.title,
        "language": report.lang,
        "dataset": report.context.ref.dataset_id,
        "unit": unit_of(columns, chart.spec),
        "columns": columns,
        "rows": n_rows,
        "definitions": [b.text for b in section.blocks if isinstance(b, Note)],
        "sources": [_source(report, sid, sources.get(sid)) for sid in cited],
        "fx_rates": fx_rates(section.conversions) + deal_rates(section.deal_rates),
        "generator": f"sectorlens {__version__}",
    }


def unit_of(columns: list[dict[str, Any]], spec: dict[str, Any] | None = None) -> str:
    """The unit of a chart's values: its quantitative axis title (per panel, if it has panels)."""
    if spec is not None and len(_datasets(spec)) > 1:
        panes = [p for key in ("hconcat", "vconcat", "concat") for p in spec.get(key) or ()]
        units = [unit_of(chart_table(p)[0]) for p in panes]
        return "; ".join(f"panel {i}: {u}" for i, u in enumerate(units, 1) if u)
    return next((c["title"] for c in columns if c["type"] == "quantitative" and c["title"]), "")


def _section_cites(section: Section) -> list[str]:
    out: list[str] = []
    for block in section.blocks:
        for sid in getattr(block, "cites", ()):
            if sid not in out:
                out.append(sid)
    return out


def _source(report: Report, sid: str, cited: dict[str, Any] | None) -> dict[str, Any]:
    src = report.context.ref.sources.get(sid)
    return {
        "id": sid,
        "number": cited["number"] if cited else None,  # its [n] in the report's source list
        "citation": cited["short"] if cited else report.context.labels.cite_as(sid, sid),
        "title": src.title if src else sid,
        "publisher": (src.publisher or "") if src else "",
        "published": src.published.isoformat() if src and src.published else None,
        "url": (src.url or None) if src else None,
        "note": (cited or {}).get("note") or ((src.note or "") if src else ""),
    }


def fx_rates(conversions: list[Conversion]) -> list[dict[str, Any]]:
    """The distinct exchange rates behind ``conversions`` (ECB fixings or period averages)."""
    out: list[dict[str, Any]] = []
    for conv in conversions:
        rate = conv.rate
        entry = {
            "base": rate.base,
            "quote": rate.quote,
            "rate": format(rate.rate, "f"),
            "meaning": f"1 {rate.base} = {format(rate.rate, 'f')} {rate.quote}",
            "date": rate.on.isoformat() if rate.on else None,
            "period_start": rate.start.isoformat() if rate.start else None,
            "period_end": rate.end.isoformat() if rate.end else None,
            "fixings": rate.fixings,
            "source": rate.label,
        }
        if entry not in out:
            out.append(entry)
    return out


def deal_rates(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The ``fx`` metric's rows (rates behind amounts converted from deals) as text."""
    return [{k: cell_text(v) for k, v in row.items()} for row in rows]


def readme(meta: dict[str, Any], stem: str, words: Wording) -> str:
    """The README of a chart's ZIP, in the language of ``words``."""
    say = words.say
    where = " — ".join(str(meta[k]) for k in ("report", "section") if meta.get(k))
    lines = [
        f"{say('chartdata.readme_title')}: {meta['title']}",
        *([where] if where else []),
        "",
        say("chartdata.csv", file=f"{stem}.csv", rows=meta["rows"]),
        say("chartdata.json", file=f"{stem}.json"),
        "",
        say("chartdata.columns"),
    ]
    for c in meta["columns"]:
        title = f" — {c['title']}" if c["title"] else ""
        lines.append(f"  {c['name']} ({c['type']}){title}")
    if meta["unit"]:
        lines.append(say("chartdata.unit", unit=meta["unit"]))
    if meta["definitions"]:
        lines += ["", say("chartdata.notes"), *(f"  - {d}" for d in meta["definitions"])]
    lines += ["", say("chartdata.sources")]
    for s in meta["sources"]:
        number = f"[{s['number']}] " if s["number"] else ""
        where = ", ".join(x for x in (s["publisher"], s["published"] or "", s["url"] or "") if x)
        lines.append(f"  {number}{s['citation']} — {s['title']}" + (f", {where}" if where else ""))
    if meta["fx_rates"]:
        lines += ["", say("chartdata.rates")]
        for r in meta["fx_rates"]:
            said = f"{r['meaning']} ({r['source']})" if "meaning" in r else None
            lines.append("  " + (said or ", ".join(f"{k} {v}" for k, v in r.items() if v)))
    if meta.get("query"):
        lines += ["", say("chartdata.query")]
        lines += [f"  {k}: {v}" for k, v in meta["query"].items() if v]
    made = say("chartdata.made", generator=meta["generator"], dataset=meta.get("dataset") or "")
    return "\n".join([*lines, "", made, ""])
