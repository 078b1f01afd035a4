"""The DuckDB store: schema, connection, loading."""

from __future__ import annotations

from sectorlens.store.connection import connect, default_db_path, ensure_schema
from sectorlens.store.schema import SCHEMA_VERSION, TABLES

__all__ = ["SCHEMA_VERSION", "TABLES", "connect", "default_db_path", "ensure_schema"]
