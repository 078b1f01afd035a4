"""The app factory: ``create_app(store)`` → a FastAPI app over the read-only store."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import sectorlens
from sectorlens.errors import NoAnswer, SectorlensError, StoreError
from sectorlens.web import data_routes, metric_routes, pages, report_routes, source_routes
from sectorlens.web.runner import Busy, QueryTimeout
from sectorlens.web.site import Settings, Site

# Scripts, styles, data and fonts only from this server; no inline script or style, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response (errors too)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def host_name(header: str) -> str:
    """A ``Host`` header's host, without its port, lower-case (``[::1]:80`` → ``::1``)."""
    text = header.strip().lower()
    if text.startswith("["):
        return text[1 : text.find("]")] if "]" in text else text
    return text.partition(":")[0] if text.count(":") == 1 else text


class HostCheck:
    """ASGI middleware answering 400 to a ``Host`` not in the allow-list (DNS rebinding)."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            host = host_name(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.allowed:
                shown = host[:60] or "(none)"
                message = (
                    f"host {shown!r} is not served here; start the server with "
                    f"--allow-host {shown} to serve it"
                )
                await _error(400, message)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SectorlensAPI(FastAPI):
    """FastAPI whose outermost layers check the Host and add the security headers.

    They wrap Starlette's own error middleware, so its 500 answers carry the headers too.
    """

    allowed_hosts: frozenset[str] = frozenset(LOOPBACK_HOSTS)

    def build_middleware_stack(self) -> ASGIApp:
        """The usual stack inside the host check and the security headers."""
        return SecurityHeaders(HostCheck(super().build_middleware_stack(), self.allowed_hosts))


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def create_app(
    store: Path | str | duckdb.DuckDBPyConnection | None = None,
    settings: Settings | None = None,
) -> FastAPI:
    """A FastAPI app over ``store`` (a path, opened read-only, or an open connection).

    The store is opened here, so a missing or unreadable store fails at once. Whoever creates
    the app closes it with ``app.state.site.close()`` (not at lifespan shutdown: test clients
    and fuzzers run the lifespan once per client, while the app lives on).
    """
    site = Site(store, settings or Settings())
    app = SectorlensAPI(
        title="sectorlens",
        version=sectorlens.__version__,
        description="Metrics over the sectorlens store: every number with the loads and "
        "sources behind it. Read-only.",
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN; the schema is enough
        redoc_url=None,
    )
    app.state.site = site
    app.allowed_hosts = frozenset(
        {*LOOPBACK_HOSTS, *(host_name(h) for h in site.settings.allowed_hosts)}
    )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc))

    @app.exception_handler(QueryTimeout)
    @app.exception_handler(Busy)
    @app.exception_handler(StoreError)
    async def _unavailable(_: Request, exc: Exception) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(NoAnswer)
    async def _no_answer(_: Request, exc: Exception) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(SectorlensError)
    async def _bad_request(_: Request, exc: Exception) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__}); the server log has more")

    static = resources.files("sectorlens.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    # routes are matched in order: the dashboard's charts and the metrics (most requests) first
    app.include_router(report_routes.router())
    app.include_router(metric_routes.router())
    app.include_router(data_routes.router())
    app.include_router(source_routes.router())
    app.include_router(pages.router())
    return app
