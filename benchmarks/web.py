"""Load on the dashboard's endpoints: requests/s and p50/p95/p99 latency at 20 clients.

    .venv/bin/python benchmarks/web.py [--requests 3000] [--duration 30] [--clients 20]
        [--store FILE] [--baseline SRC] [--phases answers,cold,floor,dashboard,nocache,uncached]

Builds a store in a temporary folder (the bundled reference data plus the itjuzi export from
``../shared/data/itjuzi`` and the CSET export from ``../shared/data/cset``; ``--store`` serves an
existing store instead, e.g. a synthetic one of benchmarks/metrics_gen.py), starts the app in a
separate process on 127.0.0.1 and drives it with a small asyncio HTTP/1.1 client (keep-alive,
one connection per client). Each phase is bounded by a request count AND a duration, whichever
ends first; loopback only. ``--baseline SRC`` runs the ``uncached`` phase a second time on a
server of another source tree (``SRC`` is its ``src`` folder, e.g. ``git archive`` of main),
in the same run, so that the two compare on the same machine load (``--baseline-store``: the
same data in the store schema the baseline reads, when the schema has changed since).

Phases, in one run so that their ratios hold on a noisy machine:

0. ``answers`` (with ``--baseline``) — the answers of :func:`answer_urls` (about 200 filter
   combinations over the charts and the metric tables) from this tree and from the baseline,
   compared as parsed JSON: a faster server must give the same answers.
1. ``cold`` — one client, each dashboard URL once on a fresh server: what a query costs.
2. ``floor`` — ``/api/charts`` (a constant JSON list, no query) at N clients: the HTTP stack
   alone, the baseline the dashboard phase is compared with.
3. ``dashboard`` — the URLs one dashboard view fetches (page, five charts, the table) under a
   set of filter combinations, at N clients, on the default server (answers cached: the store
   cannot change while it is served).
4. ``dashboard, no cache`` — the same on a server started with the cache off.
5. ``uncached`` — every request a new filter combination (years, provinces, currency; the five
   charts and the deals table in turn), at N clients, on a fresh default server: what an
   analyst clicking through filters costs. With ``--baseline``, the same URLs on the baseline.

Goals: p95 under 50 ms at 20 clients for the dashboard phase; uncached p95 under 100 ms and at
least 300 req/s on the itjuzi + CSET store (issue 14: p95 under 1 s without errors at 10M deals).
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

from web_urls import answer_urls, dashboard_urls, shape_urls, uncached_urls

REPO = Path(__file__).resolve().parents[1]
ITJUZI = REPO.parent / "shared" / "data" / "itjuzi" / "companies_820_2018-12-25.csv"
CSET = REPO.parent / "shared" / "data" / "cset" / "amplyfi_investments_zh_usd.jsonl"
SERVER = """
import dataclasses, sys
from pathlib import Path
import uvicorn
from sectorlens.web import Settings, create_app
names = {f.name for f in dataclasses.fields(Settings)}
off = sys.argv[3] == "off"
settings = Settings()
if off:  # this tree's answer cache: bounded in bytes, or (before issue 14) in entries
    settings = Settings(**{"cache_bytes" if "cache_bytes" in names else "cache_size": 0})
app = create_app(Path(sys.argv[1]), settings)
try:  # what `sectorlens serve` does before listening (trees since issue 14's cubes)
    from sectorlens.web.report_routes import warm
except ImportError:
    pass
else:
    warm(app.state.site)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


def fetch_all(server: Server, urls: list[str]) -> list[tuple[int, object]]:
    """Status and parsed JSON body (or raw text) of every URL, one at a time."""
    import json
    import urllib.error

    out: list[tuple[int, object]] = []
    for url in urls:
        try:
            with urllib.request.urlopen(server.url(url), timeout=60) as r:
                status, body = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read()
        try:
            out.append((status, json.loads(body)))
        except ValueError:
            out.append((status, body.decode("utf-8", "replace")))
    return out


def compare_answers(store: Path, base_store: Path, src: Path) -> int:
    """Fetch :func:`answer_urls` from this tree and from ``src``; print and count differences."""
    urls = answer_urls()
    got = []
    for tree, served in ((None, store), (src, base_store)):
        server = Server(served, "on", tree)
        try:
            got.append(fetch_all(server, urls))
        finally:
            server.stop()
    differ = [u for u, a, b in zip(urls, got[0], got[1], strict=True) if a != b]
    for url in differ[:10]:
        print(f"  differs: {url}")
    ok = sum(status == 200 for status, _ in got[0])
    print(
        f"answers: {len(urls) - len(differ)} of {len(urls)} identical to the baseline's "
        f"({ok} answered 200)"
    )
    return len(differ)


def build_store(folder: Path) -> Path:
    """A store with the reference data, the itjuzi and the CSET exports (through the CLI)."""
    store = folder / "bench.duckdb"
    cli = [sys.executable, "-m", "sectorlens"]
    subprocess.run([*cli, "db", "init", "--db", str(store)], check=True, capture_output=True)
    for export in (ITJUZI, CSET):
        subprocess.run(
            [*cli, "ingest", str(export), "--db", str(store)], check=True, capture_output=True
        )
    return store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


class Server:
    """The app in its own process (``cache="off"`` turns the answer cache off), from this tree
    or from the source folder ``src``."""

    def __init__(self, store: Path, cache: str = "on", src: Path | None = None) -> None:
        self.port = free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if src is not None:
            env["PYTHONPATH"] = str(src)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(store), str(self.port), cache], env=env
        )
        deadline = time.monotonic() + 600
        while True:
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)

    def cpu(self) -> float:
        """CPU seconds the server process used so far (every thread; Linux /proc)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

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
    cpu: float = float("nan")  # CPU seconds of the server during the phase

    def line(self) -> str:
        lat = sorted(self.latencies)
        if not lat:
            return f"{self.name:<22} no answers ({self.errors} errors)"
        q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else lat * 99
        rps = len(lat) / self.seconds
        return (
            f"{self.name:<22} {len(lat):>6} req {self.errors:>3} err {rps:>8.1f} req/s   "
            f"p50 {q[49] * 1000:6.1f} ms  p95 {q[94] * 1000:6.1f} ms  "
            f"p99 {q[98] * 1000:6.1f} ms  max {lat[-1] * 1000:6.1f} ms  "
            f"server CPU {self.cpu / (len(lat) + self.errors) * 1000:5.1f} ms/req"
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
    cpu = server.cpu()
    phase = asyncio.run(_load(server.port, urls, clients, count, seconds))
    phase.name = name
    phase.cpu = server.cpu() - cpu
    print(phase.line(), flush=True)
    return phase


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=3000, help="per phase (at most)")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds per phase (at most)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--store", type=Path, help="serve this store (default: build one)")
    ap.add_argument("--baseline", type=Path, help="src folder of the code to compare with")
    ap.add_argument(
        "--baseline-store",
        type=Path,
        help="the store the baseline serves (default: the same; a copy in the schema the "
        "baseline reads, when the store's schema has moved on since)",
    )
    ap.add_argument("--phases", default="answers,cold,floor,dashboard,nocache,uncached")
    ap.add_argument("--warm", type=int, default=96, help="query shapes compiled before uncached")
    args = ap.parse_args()
    phases = set(args.phases.split(","))
    if args.store is None and not (ITJUZI.exists() and CSET.exists()):
        raise SystemExit("the benchmark needs ../shared/data/itjuzi and ../shared/data/cset")
    urls = dashboard_urls()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or build_store(Path(tmp))
        what = args.store or f"reference data + {ITJUZI.name} + {CSET.name}"
        print(
            f"store: {what}; {len(urls)} dashboard URLs; {args.clients} clients, "
            f"≤ {args.requests} requests and ≤ {args.duration:g} s per phase; "
            f"{os.cpu_count()} CPUs (shared), load average {os.getloadavg()[0]:.2f}"
        )
        results: dict[str, Phase] = {}
        load = (args.clients, args.requests, args.duration)
        differ = 0
        if "answers" in phases and args.baseline is not None:
            differ = compare_answers(store, args.baseline_store or store, args.baseline)
        if phases & {"cold", "floor", "dashboard"}:
            server = Server(store)
            try:
                if "cold" in phases:
                    measure("cold (1 client, 1 pass)", server, urls, 1, len(urls), args.duration)
                if "floor" in phases:
                    results["floor"] = measure(
                        "floor /api/charts",
                        server,
                        ["/api/charts"],
                        args.clients,
                        args.requests,
                        args.duration,
                    )
                if "dashboard" in phases:
                    results["dashboard"] = measure("dashboard (cached)", server, urls, *load)
            finally:
                server.stop()
        if "nocache" in phases:
            nocache = Server(store, "off")
            try:
                measure("warm-up (cache off)", nocache, urls[:1], 1, 1, args.duration)
                results["nocache"] = measure("dashboard (no cache)", nocache, urls, *load)
            finally:
                nocache.stop()
        if "uncached" in phases:
            fresh = uncached_urls(args.requests)
            trees: list[tuple[str, Path | None, Path]] = [("this tree", None, store)]
            if args.baseline is not None:
                trees.append(
                    (f"baseline {args.baseline}", args.baseline, args.baseline_store or store)
                )
            for name, src, served in trees:
                server = Server(served, "on", src)
                try:
                    # one request per query shape first (compiled once per shape, then kept)
                    shapes = shape_urls()[: args.warm]
                    measure(f"warm-up ({name})", server, shapes, 2, len(shapes), 600)
                    results[f"uncached {name}"] = measure(
                        f"uncached, {name}",
                        server,
                        fresh,
                        args.clients,
                        args.requests,
                        args.duration,
                    )
                finally:
                    server.stop()
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if "dashboard" in results and "floor" in results:
        dash = results["dashboard"]
        print(
            f"dashboard p95 {dash.p95_ms():.1f} ms (goal < 50 ms): "
            f"{'met' if dash.p95_ms() < 50 else 'NOT met'}; "
            f"{dash.p95_ms() / results['floor'].p95_ms():.1f}× the p95 of the HTTP floor"
        )
    for name, phase in results.items():
        if name.startswith("uncached") and phase.latencies:
            rps = len(phase.latencies) / phase.seconds
            print(
                f"{name}: p95 {phase.p95_ms():.1f} ms, {rps:.1f} req/s, {phase.errors} errors "
                f"(goal on itjuzi + CSET: p95 < 100 ms and ≥ 300 req/s; at 10M deals p95 < 1 s, "
                "no errors)"
            )
    if differ:
        raise SystemExit(f"{differ} answers differ from the baseline's")


if __name__ == "__main__":
    main()
