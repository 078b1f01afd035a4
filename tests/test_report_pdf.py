"""The PDF report: pages rendered, no missing glyphs, Korean text extractable, hostile text inert.

The page-render test needs poppler's ``pdftoppm``/``pdftotext``/``pdffonts`` and a CJK font;
where one is absent it skips with that reason, unless ``SECTORLENS_REQUIRE_PDF_TOOLS=1`` (CI),
which turns the skip into a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
import typst

from sectorlens.report.blocks import Table
from sectorlens.report.fonts import cjk_font
from sectorlens.report.pdf import pdf_document, write_pdf
from sectorlens.report.pdfcheck import missing_glyphs

TOOLS = ("pdftoppm", "pdftotext", "pdffonts")
HOSTILE = '#read("/etc/passwd") $x^2$ *bold* _it_ @ref <lab> \\ ] [ // /* `raw` = ~ #set'


def _need_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    reason = f"{', '.join(missing)} absent (apt-get install poppler-utils)" if missing else ""
    if not missing and cjk_font() is None:
        reason = "no CJK font installed (apt-get install fonts-noto-cjk)"
    if reason:
        if os.environ.get("SECTORLENS_REQUIRE_PDF_TOOLS") == "1":
            pytest.fail(f"SECTORLENS_REQUIRE_PDF_TOOLS=1 but {reason}")
        pytest.skip(reason)


def _report(root: Path, *args: str) -> tuple[Path, str]:
    """Run ``sectorlens report ARGS --out root`` in a fresh process; the folder and stderr."""
    env = {**os.environ, "SECTORLENS_DB": str(root.parent / "store.duckdb")}
    env["SECTORLENS_CACHE"] = str(root.parent / "chart-cache")
    done = subprocess.run(
        [sys.executable, "-m", "sectorlens", "report", *args, "--out", str(root)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return root, done.stderr


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each subject's report once: the seed subject in ko and en, the others in one language."""
    root = tmp_path_factory.mktemp("pdf")
    return {
        "ko": _report(root / "ko", "--format", "all"),
        "en": _report(root / "en", "--lang", "en", "--format", "pdf"),
        "cn_ai_2025": _report(root / "cn25", "--subject", "cn_ai_2025", "--format", "pdf"),
        "india": _report(
            root / "india", "--subject", "india_startups", "--lang", "en", "--format", "pdf"
        ),
    }


def test_every_subject_and_language_gives_a_pdf(reports: dict[str, tuple[Path, str]]) -> None:
    for name, (out, stderr) in reports.items():
        pdf = (out / "report.pdf").read_bytes()
        assert pdf.startswith(b"%PDF-"), name
        document = pypdfium2.PdfDocument(pdf)
        assert len(document) >= 3, name  # cover, contents, body
        width, height = document[0].get_size()
        assert (round(width), round(height)) == (595, 842), name  # A4 in points
        document.close()
        assert "warning: PDF" not in stderr, (name, stderr)  # Typst's warnings, missing glyphs
        if cjk_font() is not None:
            assert missing_glyphs(pdf) == 0, name


def test_pages_render_with_fonts_embedded_and_korean_text_extractable(
    reports: dict[str, tuple[Path, str]], tmp_path: Path
) -> None:
    _need_tools()
    out, _ = reports["ko"]
    pdf = out / "report.pdf"
    pages = len(pypdfium2.PdfDocument(pdf.read_bytes()))
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == pages
    assert all(p.read_bytes().startswith(b"\x89PNG") and p.stat().st_size > 1000 for p in pngs)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert any("CJK" in r for r in rows), fonts.stdout
    assert all(r.split()[-5] == "yes" for r in rows), fonts.stdout  # every font embedded
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    headings = re.findall(r"^## (.+)$", (out / "report.md").read_text(encoding="utf-8"), re.M)
    assert len(headings) >= 5
    for heading in [*headings, "목차", "시장 규모"]:
        assert re.sub(r"\s+", "", heading) in flat, heading
    assert "7,685억3,900만위안" in flat  # a figure of the body text
    assert "억 위안" in text or "억위안" in flat  # a chart's axis: SVG text stays text


def test_missing_glyphs_are_counted() -> None:
    plain = typst.compile(b'#set text(font: "Libertinus Serif")\nHello')
    tofu = typst.compile(
        b'#set text(font: "Libertinus Serif", fallback: false)\nA \xf0\x93\x80\x80 B'
    )
    assert missing_glyphs(plain) == 0
    assert missing_glyphs(tofu) == 1


def _view(blocks: list[dict], **extra: object) -> dict:
    words = {"contents": "Contents", "sources": "Sources", "table_sources": "Source"}
    words |= {"pdf_generated": "Generated", "warning": "!", "chart_data": "data"}
    view = {
        "lang": "en",
        "title": HOSTILE,
        "subtitle": HOSTILE,
        "intro": [(HOSTILE, [1])],
        "sections": [{"number": 1, "id": "s", "title": HOSTILE, "blocks": blocks}],
        "sources": [
            {
                "number": 1,
                "id": "x",
                "short": HOSTILE,
                "title": HOSTILE,
                "rest": HOSTILE,
                "url": 'javascript:alert("x")',
                "note": HOSTILE,
            },
        ],
        "warnings": [HOSTILE],
        "footer": HOSTILE,
        "version": "0",
        "words": words,
    }
    return view | extra


def _text(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    pages = [page.get_textpage().get_text_range() for page in document]
    document.close()
    return pages


def test_hostile_text_is_printed_not_interpreted(tmp_path: Path) -> None:
    table = Table(("a", HOSTILE), ((HOSTILE, "1"),), (False, True), caption=HOSTILE)
    blocks = [
        {"kind": "paragraph", "text": HOSTILE, "cites": [1]},
        {"kind": "note", "text": HOSTILE, "level": "warning", "cites": []},
        {"kind": "table", "table": table, "numeric": (False, True), "cites": [1]},
        {"kind": "items", "entries": [(HOSTILE, [1])]},
    ]
    result = write_pdf(_view(blocks), tmp_path, {})
    assert result.warnings == () and result.missing_glyphs == 0
    text = "".join(_text(result.path.read_bytes())).replace("\r\n", "\n")
    assert text.count("/etc/passwd") >= 10  # every place that shows data shows it as text
    assert "$x^2$ *bold* _it_ @ref <lab>" in text
    assert "root:" not in text  # the file was not read
    doc = pdf_document(_view(blocks), {})
    assert doc["sources"][0]["url"] is None  # only http(s) links become links


def test_long_tables_break_across_pages_with_their_header(tmp_path: Path) -> None:
    rows = tuple((f"row {i}", f"{i:,}") for i in range(150))
    table = Table(("Name of the row", "Value column"), rows, (False, True))
    blocks = [{"kind": "table", "table": table, "numeric": (False, True), "cites": []}]
    result = write_pdf(_view(blocks, title="T", subtitle=""), tmp_path, {})
    pages = [p for p in _text(result.path.read_bytes()) if "row " in p]
    assert len(pages) >= 3
    assert all("Value column" in p for p in pages)  # the header repeats on every page
    assert "row 149" in pages[-1]
