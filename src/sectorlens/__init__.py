"""sectorlens: checked, cited, bilingual industry reports from data."""

from __future__ import annotations

__version__ = "0.1.0"
