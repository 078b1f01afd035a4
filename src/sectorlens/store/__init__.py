"""The DuckDB store: schema, connection, loading."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sectorlens._lazy import lazy_attributes

if TYPE_CHECKING:
    from sectorlens.store.connection import connect, default_db_path, ensure_schema, first_row
    from sectorlens.store.keys import assign_company_keys
    from sectorlens.store.load import LoadWriter
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

# Public name → its submodule, imported on first use: opening the store (``connection``) does
# not pay for the reference data's readers, and LoadWriter's Arrow loads only for ingest.
_LAZY = {
    "connect": "connection",
    "default_db_path": "connection",
    "ensure_schema": "connection",
    "first_row": "connection",
    "assign_company_keys": "keys",
    "LoadWriter": "load",
    "ReferenceData": "refdata",
    "bundled_dataset": "refdata",
    "read_reference": "refdata",
    "ReferenceLoad": "reference",
    "StoredReference": "reference",
    "ensure_reference": "reference",
    "load_reference": "reference",
    "reference_needed": "reference",
    "stored_reference": "reference",
    "SCHEMA_VERSION": "schema",
    "TABLES": "schema",
    "LoadInfo": "status",
    "StoreStatus": "status",
    "store_status": "status",
}

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


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals(), __all__)
