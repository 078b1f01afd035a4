"""Running the app with uvicorn (what ``sectorlens serve`` calls)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import uvicorn

from sectorlens.errors import UsageError
from sectorlens.web.app import create_app
from sectorlens.web.site import Settings


def serve(
    store: Path | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the dashboard and API over ``store`` until interrupted; ``announce`` gets the URL."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port}: use a port from 0 to 65535")
    if settings and settings.reference_text and not settings.reference_text.is_file():
        raise UsageError(f"--reference-text {settings.reference_text}: no such file")
    app = create_app(store, settings)
    try:
        if announce:
            shown = f"[{host}]" if ":" in host else host
            announce(f"sectorlens dashboard on http://{shown}:{port}/ (read-only; Ctrl+C stops)")
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        app.state.site.close()
