"""The DuckDB store: schema, connection, loading."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sectorlens.store.connection import connect, default_db_path, ensure_schema, first_row
from sectorlens.store.keys import assign_company_keys
from sectorlens.store.refdata import ReferenceData, bundled_dataset, read_reference
from sectorlens.store.reference import (
    ReferenceLoad,
    StoredReference,
    ensure_reference,
    load_reference,
    reference_needed,
    stored_reference,
)
from sectorlens.store.schema import SCHEMA_VERSION, TABLES
from sectorlens.store.status import LoadInfo, StoreStatus, store_status

if TYPE_CHECKING:
    from sectorlens.store.load import LoadWriter

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "LoadInfo",
    "LoadWriter",
    "ReferenceData",
    "ReferenceLoad",
    "StoreStatus",
    "StoredReference",
    "assign_company_keys",
    "bundled_dataset",
    "connect",
    "default_db_path",
    "ensure_reference",
    "ensure_schema",
    "first_row",
    "load_reference",
    "read_reference",
    "reference_needed",
    "store_status",
    "stored_reference",
]


def __getattr__(name: str) -> Any:
    # LoadWriter needs Arrow; imported on first use so that reading the store does not pay for it.
    if name == "LoadWriter":
        from sectorlens.store.load import LoadWriter

        return LoadWriter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
