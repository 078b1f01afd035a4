"""sectorlens.web: the HTTP API and dashboard over the store (``sectorlens serve``).

- ``create_app(store, settings)`` → a FastAPI app (read-only store, time limit, row cap)
- ``Settings`` — its limits; ``serve(...)`` runs it with uvicorn
"""

from __future__ import annotations

from sectorlens.web.app import CSP, create_app
from sectorlens.web.site import Settings

__all__ = ["CSP", "Settings", "create_app"]
