"""sectorlens.report: sections built from the store, worded in ko/en, rendered as HTML/MD/charts.

The names below are imported on first use, so that ``sectorlens.report.chartrender`` can start
its chart workers before the rest of the report's modules (and the store's) are loaded.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
