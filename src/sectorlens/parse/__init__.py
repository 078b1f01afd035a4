"""sectorlens.parse."""

from __future__ import annotations
