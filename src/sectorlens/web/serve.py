"""Running the app with uvicorn (what ``sectorlens serve`` calls)."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Callable
from pathlib import Path

import uvicorn

from sectorlens.errors import UsageError
from sectorlens.web.app import create_app
from sectorlens.web.report_routes import warm
from sectorlens.web.site import Settings

WILDCARDS = ("0.0.0.0", "::", "")


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening; UsageError says why it cannot be."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port}: use a port from 0 to 65535")
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host}: cannot resolve it ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc} (another server there? "
            "choose another --port)"
        ) from None
    sock.set_inheritable(True)
    return sock


class _Server(uvicorn.Server):
    """A uvicorn server that calls ``on_ready`` once it is listening."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            self._on_ready()


def url_of(host: str, port: int) -> str:
    """``http://host:port/`` (IPv6 addresses in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    store: Path | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the dashboard and API over ``store`` until interrupted; ``announce`` gets the URL.

    The address is announced only once the server is listening; a port in use is a UsageError.
    The host served on (unless a wildcard) is allowed as a ``Host`` header besides loopback.
    """
    settings = settings or Settings()
    if settings.reference_text and not settings.reference_text.is_file():
        raise UsageError(f"--reference-text {settings.reference_text}: no such file")
    if host not in WILDCARDS:
        settings = dataclasses.replace(settings, allowed_hosts=(*settings.allowed_hosts, host))
    sock = listen(host, port)
    try:
        app = create_app(store, settings)
        warm(app.state.site)  # before the first request: plans compiled, kept tables built
    except BaseException:
        sock.close()
        raise
    bound = sock.getsockname()[1]

    def ready() -> None:
        if announce:
            announce(f"sectorlens dashboard on {url_of(host, bound)} (read-only; Ctrl+C stops)")

    config = uvicorn.Config(app, log_level="warning", access_log=False)
    try:
        _Server(config, ready).run(sockets=[sock])
    finally:
        sock.close()
        app.state.site.close()
