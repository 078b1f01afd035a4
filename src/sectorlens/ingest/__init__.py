"""Ingest: files → adapter → normalized tables → store (``run``), and where each row ends
(``dispositions``)."""

from __future__ import annotations

from sectorlens.ingest.run import Context, LoadResult, ProgressFn, choose_adapter, ingest

__all__ = ["Context", "LoadResult", "ProgressFn", "choose_adapter", "ingest"]
