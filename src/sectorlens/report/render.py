"""Writing a built report: self-contained HTML, Markdown, PDF, the charts and their data."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2

from sectorlens import __version__
from sectorlens.errors import UsageError
from sectorlens.report import chartrender
from sectorlens.report.blocks import Chart, Items, Note, Paragraph, Prose, Section, Table
from sectorlens.report.build import Report
from sectorlens.report.chartdata import chart_packages, zip_name
from sectorlens.report.context import Citations

if TYPE_CHECKING:
    from sectorlens.report.pdf import PdfResult

Progress = Callable[[str], None]
FORMATS = ("html", "md", "pdf")
DEFAULT_FORMATS = ("html", "md")


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """What ``write_report`` wrote."""

    out: Path
    html: Path | None
    markdown: Path | None
    charts: tuple[Path, ...]
    chart_data: tuple[Path, ...] = ()  # one ZIP per chart: CSV, JSON metadata, README
    pdf: PdfResult | None = None


def check_writable(out: Path) -> None:
    """Create ``out`` if needed and make sure files can be written there (UsageError if not)."""
    try:
        if out.exists() and not out.is_dir():
            raise UsageError(f"--out {out} is a file, not a folder")
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise UsageError(f"cannot write the report to {out}: {exc.strerror or exc}") from exc


def render_markdown(report: Report) -> str:
    """The report as Markdown (charts referenced as ``charts/<id>.png``)."""
    view = _view(report)
    return _env(False).get_template("report.md.j2").render(**view)


def write_report(
    report: Report,
    out: Path,
    *,
    cache_dir: Path | Literal["default"] | None = "default",
    progress: Progress | None = None,
    renderer: chartrender.ChartRenderer | None = None,
    formats: Collection[str] = DEFAULT_FORMATS,
) -> ReportFiles:
    """Render charts, their data ZIPs and ``formats`` (html, md, pdf) into ``out``.

    Charts are reused from ``cache_dir``. ``renderer`` is one the caller started early (its
    workers warm up meanwhile); by default one is started here.
    """
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise UsageError(f"unknown report format {unknown[0]!r}: use {', '.join(FORMATS)}")
    out = Path(out)
    check_writable(out)
    chart_dir = out / "charts"
    chart_dir.mkdir(exist_ok=True)
    svgs: dict[str, str] = {}
    written: list[Path] = []
    specs = {b.chart_id: b.spec for s in report.sections for b in s.blocks if isinstance(b, Chart)}
    if progress:
        progress(f"rendering {len(specs)} charts")
    cache = chartrender.default_cache_dir() if cache_dir == "default" else cache_dir
    own = renderer is None
    renderer = renderer or chartrender.ChartRenderer()
    try:
        batch = renderer.submit(specs, cache)
        # Typst reads the installed fonts meanwhile (in a thread: it releases the GIL)
        compiler = start_compiler(out) if "pdf" in formats else None
        # The text is rendered while the charts are (in the worker processes).
        view = _view(report)
        markdown = _env(False).get_template("report.md.j2").render(**view)
        page = _env(True).get_template("report.html.j2")
        rendered = batch.result()
    finally:
        if own:
            renderer.close()
    for chart_id, (svg, png) in rendered.items():
        (chart_dir / f"{chart_id}.svg").write_text(svg, encoding="utf-8")
        (chart_dir / f"{chart_id}.png").write_bytes(png)
        written += [chart_dir / f"{chart_id}.svg", chart_dir / f"{chart_id}.png"]
        svgs[chart_id] = _scope_ids(svg, chart_id)
    data_files = []
    for chart_id, package in chart_packages(report, view).items():
        path = chart_dir / zip_name(chart_id)
        path.write_bytes(package)
        data_files.append(path)
    md_path = html_path = None
    if "md" in formats:
        md_path = out / "report.md"
        _write(md_path, markdown)
    if "html" in formats:
        html_path = out / "index.html"
        _write(html_path, page.render(**view, svgs=svgs))
    pdf = None
    if "pdf" in formats:
        if progress:
            progress("typesetting the PDF")
        from sectorlens.report.pdf import write_pdf

        pdf = write_pdf(view, out, set(rendered), compiler=compiler)
    return ReportFiles(out, html_path, md_path, tuple(written), tuple(data_files), pdf)


def start_compiler(out: Path) -> Future[Any]:
    """A Typst compiler for ``out`` being made in a thread (font discovery takes a while)."""
    from sectorlens.report.pdf import compiler_for

    pool = ThreadPoolExecutor(1, thread_name_prefix="typst")
    try:
        return pool.submit(compiler_for, out)
    finally:
        pool.shutdown(wait=False)  # (the thread ends with its one task)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _scope_ids(svg: str, prefix: str) -> str:
    """Prefix the ids inside one SVG so several can live in one HTML page."""
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    for name in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{name}"
        svg = svg.replace(f'id="{name}"', f'id="{new}"')
        svg = svg.replace(f"url(#{name})", f"url(#{new})").replace(
            f'href="#{name}"', f'href="#{new}"'
        )
    return svg


def report_view(report: Report) -> dict[str, Any]:
    """What the templates (HTML, Markdown, PDF) and the chart data read from a report."""
    return _view(report)


def _view(report: Report) -> dict[str, Any]:
    """Everything the templates need, with citations numbered in reading order."""
    ctx = report.context
    citations = Citations()

    def cite(ids: tuple[str, ...]) -> list[int]:
        return citations.mark(ids)

    def blocks_of(section: Section) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                blocks.append({"kind": "paragraph", "text": block.text, "cites": cite(block.cites)})
            elif isinstance(block, Note):
                blocks.append(
                    {
                        "kind": "note",
                        "text": block.text,
                        "level": block.level,
                        "cites": cite(block.cites),
                    }
                )
            elif isinstance(block, Prose):
                numbers = cite(block.cites)
                first = citations.mark(block.cites[:1])
                blocks.append(
                    {
                        "kind": "prose",
                        "text": block.text,
                        "heading": block.heading,
                        "prose_kind": block.kind,
                        "cites": numbers,
                        "locator": block.locator,
                        "first": first[0] if first else None,
                    }
                )
            elif isinstance(block, Table):
                blocks.append(
                    {
                        "kind": "table",
                        "table": block,
                        "cites": cite(block.cites),
                        "numeric": block.numeric or tuple(False for _ in block.columns),
                    }
                )
            elif isinstance(block, Chart):
                blocks.append({"kind": "chart", "chart": block, "cites": cite(block.cites)})
            elif isinstance(block, Items):
                items = [(p.text, cite(p.cites)) for p in block.items]
                blocks.append({"kind": "items", "entries": items})
        return blocks

    summary = None
    if report.summary is not None:
        summary = {
            "id": report.summary.section_id,
            "title": report.summary.title,
            "blocks": blocks_of(report.summary),
        }
    intro = [(p.text, cite(p.cites)) for p in report.intro]
    sections = [
        {"number": n, "id": s.section_id, "title": s.title, "blocks": blocks_of(s)}
        for n, s in enumerate(report.sections, 1)
    ]
    sources = []
    for number, sid in enumerate(citations.order, 1):
        src = ctx.ref.sources.get(sid)
        if src is None:
            sources.append({"number": number, "id": sid, "short": sid, "title": sid, "rest": ""})
            continue
        title_en = ctx.labels.text("sources", sid, "title", None) if ctx.lang == "en" else None
        title = src.title if not title_en or title_en == src.title else f"{src.title} ({title_en})"
        rest = [src.publisher or "", src.published.strftime("%Y-%m") if src.published else ""]
        note = ctx.labels.text("sources", sid, "note", src.note) or ""
        sources.append(
            {
                "number": number,
                "id": sid,
                "short": ctx.labels.cite_as(sid, sid),
                "title": title,
                "rest": ", ".join(r for r in rest if r),
                "url": src.url,
                "note": note,
            }
        )
    say = ctx.words.say
    return {
        "lang": report.lang,
        "title": report.title,
        "subtitle": report.subtitle,
        "intro": intro,
        "sections": sections,
        "sources": sources,
        "warnings": report.warnings,
        "footer": report.footer,
        "version": __version__,
        "font": ctx.font,
        "cover": report.cover,
        "summary": summary,
        "words": {
            **{k: say(f"report.{k}") for k in ("contents", "sources", "table_sources", "about")},
            "chart_data": say("chartdata.link"),
            "pdf_generated": say("pdf.generated"),
            "warning": say("pdf.warning"),
        },
        "chart_zip": lambda cid: f"charts/{zip_name(cid)}",
    }


def _env(html: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sectorlens.report", "templates"),
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = _md_cell
    env.filters["cap"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    env.filters["refs"] = lambda numbers: (
        " [" + ", ".join(str(n) for n in numbers) + "]" if numbers else ""
    )
    env.filters["prose_refs"] = prose_refs
    return env


def prose_refs(block: dict[str, Any]) -> str:
    """`` [1: §4 첫째; 3; 6]``: a prose block's references, the locator beside its first source."""
    parts = [
        f"{n}: {block['locator']}" if n == block["first"] and block["locator"] else str(n)
        for n in block["cites"]
    ]
    return " [" + "; ".join(parts) + "]" if parts else ""


def _md_cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
