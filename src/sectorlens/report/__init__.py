"""sectorlens.report: sections built from the store, worded in ko/en, rendered as HTML/MD/charts.

The names below are imported on first use, so that ``sectorlens.report.chartrender`` can start
its chart workers before the rest of the report's modules (and the store's) are loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sectorlens._lazy import lazy_attributes

if TYPE_CHECKING:
    from sectorlens.report.build import Report, build_report
    from sectorlens.report.render import (
        ReportFiles,
        check_writable,
        render_markdown,
        write_report,
    )
    from sectorlens.report.sections import KINDS, build_sections
    from sectorlens.report.wording import LANGS

_LAZY = {
    "KINDS": "sections",
    "LANGS": "wording",
    "Report": "build",
    "ReportFiles": "render",
    "build_report": "build",
    "build_sections": "sections",
    "check_writable": "render",
    "render_markdown": "render",
    "write_report": "render",
}

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


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals(), __all__)
