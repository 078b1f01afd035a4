"""sectorlens.report: sections built from the store, worded in ko/en, rendered as HTML/MD/charts."""

from __future__ import annotations

from sectorlens.report.build import Report, build_report
from sectorlens.report.render import ReportFiles, check_writable, render_markdown, write_report
from sectorlens.report.sections import KINDS, build_sections
from sectorlens.report.wording import LANGS

__all__ = [
    "KINDS",
    "LANGS",
    "Report",
    "ReportFiles",
    "build_report",
    "build_sections",
    "check_writable",
    "render_markdown",
    "write_report",
]
