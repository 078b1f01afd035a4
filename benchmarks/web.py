"""Load on the dashboard's endpoints: requests/s and p50/p95/p99 latency at 20 clients.

    .venv/bin/python benchmarks/web.py [--requests 3000] [--duration 30] [--clients 20]

Builds a store in a temporary folder (the bundled reference data plus the itjuzi export from
``../shared/data/itjuzi``), starts ``sectorlens serve`` in a separate process on 127.0.0.1 and
drives it with a small asyncio HTTP/1.1 client (keep-alive, one connection per client). Each
phase is bounded by a request count AND a duration, whichever ends first; loopback only.

Phases, in one run so that their ratios hold on a noisy machine:

1. ``cold`` — one client, each dashboard URL once on a fresh server: what a query costs.
2. ``floor`` — ``/api/charts`` (a constant JSON list, no query) at N clients: the HTTP stack
   alone, the baseline the dashboard phase is compared with.
3. ``dashboard`` — the URLs one dashboard view fetches (page, five charts, the table) under a
   set of filter combinations, at N clients, on the default server (answers cached: the store
   cannot change while it is served).
4. ``dashboard, no cache`` — the same on a server started with the cache off.

Goal: p95 under 50 ms at 20 clients for the dashboard phase.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ITJUZI = REPO.parent / "shared" / "data" / "itjuzi" / "companies_820_2018-12-25.csv"
CHARTS = ("deals_by_year", "amount_by_year", "by_region", "by_sector", "by_round")
FILTERS = (
    [],
    ["year>=2014"],
    ["year>=2014", "year<=2017"],
    ["province=CN-BJ"],
    ["province=CN-BJ,CN-SH,CN-GD", "year>=2015"],
    ["sector=robots"],
    ["round=a,b"],
)
SERVER = """
import sys
from pathlib import Path
import uvicorn
from sectorlens.web import Settings, create_app
app = create_app(Path(sys.argv[1]), Settings(cache_size=int(sys.argv[3])))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


def dashboard_urls() -> list[str]:
    """What the dashboard fetches for one view, for each filter combination and currency."""
    from urllib.parse import urlencode

    urls = []
    for i, where in enumerate(FILTERS):
        currency = ("CNY", "USD", "KRW")[i % 3]
        lang = ("ko", "en")[i % 2]
        q = [("where", w) for w in where] + [("currency", currency)]
        urls.append(f"/?lang={lang}")
        urls += [f"/api/charts/{c}.json?{urlencode([*q, ('lang', lang)])}" for c in CHARTS]
        urls.append(f"/api/deals.json?{urlencode([('by', 'year'), *q])}")
    return urls


def build_store(folder: Path) -> Path:
    """A store with the reference data and the itjuzi export (through the CLI)."""
    store = folder / "bench.duckdb"
    cli = [sys.executable, "-m", "sectorlens"]
    subprocess.run([*cli, "db", "init", "--db", str(store)], check=True, capture_output=True)
    subprocess.run(
        [*cli, "ingest", str(ITJUZI), "--db", str(store)], check=True, capture_output=True
    )
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


class Server:
    """The app in its own process (``cache_size`` 0 turns the answer cache off)."""

    def __init__(self, store: Path, cache_size: int) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(store), str(self.port), str(cache_size)],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@dataclass
class Phase:
    """One measured phase."""

    name: str
    latencies: list[float]
    errors: int
    seconds: float

    def line(self) -> str:
        lat = sorted(self.latencies)
        if not lat:
            return f"{self.name:<22} no answers ({self.errors} errors)"
        q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else lat * 99
        rps = len(lat) / self.seconds
        return (
            f"{self.name:<22} {len(lat):>6} req {self.errors:>3} err {rps:>8.1f} req/s   "
            f"p50 {q[49] * 1000:6.1f} ms  p95 {q[94] * 1000:6.1f} ms  "
            f"p99 {q[98] * 1000:6.1f} ms  max {lat[-1] * 1000:6.1f} ms"
        )

    def p95_ms(self) -> float:
        return statistics.quantiles(sorted(self.latencies), n=100, method="inclusive")[94] * 1000


async def _fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value:
            chunked = True
    if not chunked:
        await reader.readexactly(length)
        return status
    while (size := int((await reader.readline()).strip() or b"0", 16)) > 0:
        await reader.readexactly(size + 2)
    await reader.readline()
    return status


async def _load(port: int, urls: list[str], clients: int, count: int, seconds: float) -> Phase:
    latencies: list[float] = []
    errors = 0
    issued = 0
    start = time.perf_counter()
    stop_at = start + seconds

    async def client() -> None:
        nonlocal issued, errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while issued < count and time.perf_counter() < stop_at:
                path = urls[issued % len(urls)]
                issued += 1
                t0 = time.perf_counter()
                status = await _fetch(reader, writer, path)
                latencies.append(time.perf_counter() - t0)
                errors += status >= 400
        finally:
            writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return Phase("", latencies, errors, time.perf_counter() - start)


def measure(
    name: str, server: Server, urls: list[str], clients: int, count: int, seconds: float
) -> Phase:
    phase = asyncio.run(_load(server.port, urls, clients, count, seconds))
    phase.name = name
    print(phase.line(), flush=True)
    return phase


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=3000, help="per phase (at most)")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds per phase (at most)")
    ap.add_argument("--clients", type=int, default=20)
    args = ap.parse_args()
    if not ITJUZI.exists():
        raise SystemExit(f"{ITJUZI} is absent: the benchmark needs ../shared/data/itjuzi")
    urls = dashboard_urls()
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp))
        print(
            f"store: reference data + {ITJUZI.name}; {len(urls)} dashboard URLs; "
            f"{args.clients} clients, ≤ {args.requests} requests and ≤ {args.duration:g} s "
            f"per phase; {os.cpu_count()} CPUs (shared)"
        )
        server = Server(store, cache_size=512)
        try:
            measure("cold (1 client, 1 pass)", server, urls, 1, len(urls), args.duration)
            floor = measure(
                "floor /api/charts",
                server,
                ["/api/charts"],
                args.clients,
                args.requests,
                args.duration,
            )
            dash = measure(
                "dashboard (cached)", server, urls, args.clients, args.requests, args.duration
            )
        finally:
            server.stop()
        uncached = Server(store, cache_size=0)
        try:
            measure("warm-up (cache off)", uncached, urls[:1], 1, 1, args.duration)
            slow = measure(
                "dashboard (no cache)", uncached, urls, args.clients, args.requests, args.duration
            )
        finally:
            uncached.stop()
    print(
        f"dashboard p95 {dash.p95_ms():.1f} ms (goal < 50 ms): "
        f"{'met' if dash.p95_ms() < 50 else 'NOT met'}; "
        f"{dash.p95_ms() / floor.p95_ms():.1f}× the p95 of the HTTP floor; "
        f"cache off: p95 {slow.p95_ms():.1f} ms ({slow.p95_ms() / dash.p95_ms():.1f}× cached)"
    )


if __name__ == "__main__":
    main()
