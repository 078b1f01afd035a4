"""The report as a PDF, typeset by Typst (the ``typst`` package: no TeX, no browser).

The Typst source is ``templates/report.typ``; the report's text reaches it as one JSON document
in ``sys.inputs`` and is placed as strings, never parsed as markup, so hostile data text stays
text. Charts are the SVGs the renderer already wrote under ``charts/`` (vector, text kept as
text); Typst may read files only inside the report folder.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from sectorlens.errors import UsageError
from sectorlens.report.fonts import cjk_font
from sectorlens.report.pdfcheck import missing_glyphs

SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,100}$")
EMBEDDED_FONT = "Libertinus Serif"  # ships inside Typst: Latin text even without a CJK font
_URL = re.compile(r"^https?://[^\s]+$")


@dataclass(frozen=True, slots=True)
class PdfResult:
    """What ``write_pdf`` wrote, and what Typst said about it."""

    path: Path
    pages: int
    warnings: tuple[str, ...]
    missing_glyphs: int


def _aspect(svg: Path) -> float:
    """Height ÷ width of an SVG chart (from its root element), 0.6 if unreadable."""
    try:
        with svg.open("rb") as f:
            head = f.read(2048)
    except OSError:
        return 0.6
    w = re.search(rb'<svg[^>]*?\swidth="([\d.]+)', head)
    h = re.search(rb'<svg[^>]*?\sheight="([\d.]+)', head)
    if not (w and h) or float(w.group(1)) <= 0:
        return 0.6
    return float(h.group(1)) / float(w.group(1))


def compiler_for(out: Path) -> Any:
    """A Typst compiler that may read files inside ``out`` only (it finds the system fonts)."""
    import typst  # imported here: only a PDF needs it

    return typst.Compiler(root=str(out.resolve()))


def write_pdf(
    view: dict[str, Any],
    out: Path,
    charts: set[str],
    *,
    today: date | None = None,
    compiler: Future[Any] | None = None,
) -> PdfResult:
    """Typeset ``view`` (render.py's view of a report) into ``out/report.pdf``.

    ``charts`` are the chart ids whose ``charts/<id>.svg`` exist in ``out``; ``compiler`` one
    ``compiler_for(out)`` being made meanwhile.
    """
    import typst

    aspects = {cid: _aspect(out / "charts" / f"{cid}.svg") for cid in charts if SAFE_ID.match(cid)}
    doc = pdf_document(view, aspects, today=today)
    source = (files("sectorlens.report") / "templates" / "report.typ").read_bytes()
    path = out / "report.pdf"
    tmp = out / ".report.pdf.tmp"
    try:
        typesetter = compiler.result() if compiler is not None else compiler_for(out)
        pdf, warnings = typesetter.compile_with_warnings(
            input=source, format="pdf", sys_inputs={"data": json.dumps(doc)}
        )
    except typst.TypstError as exc:  # a bug of ours (the data cannot break the template)
        raise UsageError(f"the PDF could not be typeset: {exc.message}") from exc
    assert isinstance(pdf, bytes)
    tmp.write_bytes(pdf)
    tmp.replace(path)
    return PdfResult(
        path,
        _pages(pdf),
        tuple(str(w.message) for w in warnings),
        missing_glyphs(pdf),
    )


def _pages(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def pdf_document(
    view: dict[str, Any], charts: dict[str, float], *, today: date | None = None
) -> dict[str, Any]:
    """The JSON document the Typst template reads: every text as a plain string.

    ``charts``: the chart ids whose SVG is in ``charts/``, with their height ÷ width.
    """
    words = view["words"]
    sections = []
    summary = view.get("summary")
    if summary:  # the numbered key findings come first, unnumbered
        sections.append({"heading": str(summary["title"]), "blocks": _blocks(summary, charts)})
    if view["intro"]:
        intro = [{"kind": "paragraph", "text": str(t), "cites": list(n)} for t, n in view["intro"]]
        sections.append({"heading": str(words.get("about") or ""), "blocks": intro})
    for s in view["sections"]:
        sections.append({"heading": f"{s['number']}. {s['title']}", "blocks": _blocks(s, charts)})
    sources = [
        {
            "number": src["number"],
            "short": str(src["short"]),
            "title": str(src["title"]),
            "rest": str(src.get("rest") or ""),
            "url": src["url"] if _URL.match(str(src.get("url") or "")) else None,
            "note": str(src.get("note") or ""),
        }
        for src in view["sources"]
    ]
    cover = view.get("cover")
    lines = [[str(label), str(value)] for label, value in (cover.lines if cover else ())]
    if not cover:
        day = today or datetime.now(UTC).date()
        lines.append([words["pdf_generated"], day.isoformat()])
    edition = lines[0][1] if cover and lines else ""  # (the running header: edition or date)
    return {
        "lang": view["lang"],
        "title": str(cover.title if cover else view["title"]),
        "subtitle": str((cover.subtitle if cover else view.get("subtitle")) or ""),
        "edition": edition,
        "author": f"sectorlens {view['version']}",
        "fonts": [f for f in (cjk_font(), EMBEDDED_FONT) if f],
        "cover": lines,
        "warnings": [str(w) for w in view["warnings"]],
        "sections": sections,
        "sources": sources,
        "footer": f"{view['footer']} · sectorlens {view['version']}",
        "words": {k: str(v) for k, v in words.items()},
    }


def _blocks(section: dict[str, Any], charts: dict[str, float]) -> list[dict[str, Any]]:
    return [b for b in (_block(b, charts) for b in section["blocks"]) if b is not None]


def _label(label: Any, text: Any) -> str:
    """``표 2. caption`` (or either alone)."""
    return ". ".join(str(x) for x in (label, text) if x)


def _block(b: dict[str, Any], charts: dict[str, float]) -> dict[str, Any] | None:
    kind = b["kind"]
    cites = list(b.get("cites") or ())
    if kind in ("paragraph", "note"):
        return {"kind": kind, "text": str(b["text"]), "level": b.get("level", ""), "cites": cites}
    if kind == "prose":
        from sectorlens.report.render import prose_refs

        return {
            "kind": "prose",
            "heading": str(b.get("heading") or ""),
            "text": str(b["text"]),
            "refs": prose_refs(b),
        }
    if kind == "table":
        table = b["table"]
        numeric = [bool(n) for n in b["numeric"]]
        rows = [[str(c) for c in row] for row in table.rows]
        columns = [_cap(c) for c in table.columns]
        return {
            "kind": "table",
            "columns": columns,
            "rows": rows,
            "numeric": numeric,
            "caption": _label(getattr(table, "label", ""), table.caption) or None,
            "cites": cites,
        }
    if kind == "chart":
        chart = b["chart"]
        cid = str(chart.chart_id)
        shown = cid in charts and SAFE_ID.match(cid)
        return {
            "kind": "chart",
            "title": str(chart.title),
            "image": f"/charts/{cid}.svg" if shown else None,
            "aspect": charts.get(cid, 0.6),
            "caption": _label(getattr(chart, "label", ""), chart.title),
            "cites": cites,
        }
    if kind == "items":
        return {
            "kind": "items",
            "entries": [{"text": str(t), "cites": list(n)} for t, n in b["entries"]],
        }
    return None  # a block kind this renderer does not know yet is left out, not guessed


def _cap(text: Any) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]
