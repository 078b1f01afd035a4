"""Rendering Vega-Lite specs to SVG and PNG with vl-convert, beside the main process, cached.

vl-convert renders one chart at a time per process and holds the GIL while it does, and its
JavaScript runtime takes a good part of a second to start. So a ``ChartRenderer`` starts worker
processes (``_chartworker.py``) as soon as it is created, and they warm up while the main process
builds the report; then the workers turn specs into SVG while the main process turns the SVGs it
gets back into PNG. Without workers (``SECTORLENS_CHART_WORKERS=0``, or if one cannot start or
dies) the charts are rendered in-process, with the same result.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import platformdirs
import vl_convert as vlc

from sectorlens.errors import SectorlensError

PNG_SCALE = 2
CACHE_ENV = "SECTORLENS_CACHE"
WORKERS_ENV = "SECTORLENS_CHART_WORKERS"
DEFAULT_WORKERS = 1
WORKER_SCRIPT = Path(__file__).with_name("_chartworker.py")
Rendered = tuple[str, bytes]


def default_cache_dir() -> Path | None:
    """Where rendered charts are cached: ``$SECTORLENS_CACHE`` (``off`` disables) or per user."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip().lower() in {"", "off", "0", "no"} else Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("sectorlens")) / "charts"


def default_workers() -> int:
    """Number of chart worker processes: ``$SECTORLENS_CHART_WORKERS`` (0: render in-process)."""
    env = os.environ.get(WORKERS_ENV, "").strip()
    if not env:
        return DEFAULT_WORKERS
    try:
        return max(0, int(env))
    except ValueError:
        raise SectorlensError(f"{WORKERS_ENV} must be a whole number, not {env!r}") from None


def to_svg(chart_spec: dict[str, Any]) -> str:
    """SVG text of a Vega-Lite spec, rendered in this process."""
    try:
        return str(vlc.vegalite_to_svg(chart_spec))
    except Exception as exc:  # vl-convert raises plain ValueErrors with long JS traces
        raise SectorlensError(f"cannot render a chart: {_first_line(exc)}") from exc


def to_png(svg: str, scale: float = PNG_SCALE) -> bytes:
    """PNG bytes of an SVG drawn by vl-convert (same fonts as the SVG)."""
    try:
        return bytes(vlc.svg_to_png(svg, scale=scale))
    except Exception as exc:
        raise SectorlensError(f"cannot convert a chart to PNG: {_first_line(exc)}") from exc


def render_all(
    specs: Mapping[str, dict[str, Any]], cache_dir: Path | None = None, workers: int | None = None
) -> dict[str, Rendered]:
    """SVG and PNG of every spec, reusing earlier renders of identical specs from ``cache_dir``.

    The cache key is the whole spec (data, text, font) and the vl-convert version, so a change
    of any of them renders again. A cache that cannot be read or written is ignored.
    """
    with ChartRenderer(workers) as renderer:
        return renderer.submit(specs, cache_dir).result()


@dataclass(frozen=True, slots=True)
class _Job:
    chart_id: str
    key: str
    spec: dict[str, Any]


class _Worker:
    """One worker process and its pipes."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._in: IO[bytes] = self.proc.stdin  # type: ignore[assignment]
        self._out: IO[bytes] = self.proc.stdout  # type: ignore[assignment]

    def send(self, job: _Job) -> bool:
        """Queue a job; False if the worker is gone."""
        try:
            self._in.write(json.dumps({"id": job.chart_id, "spec": job.spec}).encode() + b"\n")
            self._in.flush()
        except (OSError, ValueError):
            return False
        return True

    def receive(self) -> dict[str, str] | None:
        """The next reply, or None if the worker is gone."""
        try:
            line = self._out.readline()
            reply = json.loads(line) if line else None
        except (OSError, ValueError):
            return None
        return reply if isinstance(reply, dict) else None

    def close(self, kill: bool = False) -> None:
        """Let the worker end (end of input) or kill it; reap it either way."""
        if not kill:
            try:
                self._in.close()
                self.proc.wait(timeout=5)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                kill = True
        if kill:
            self.proc.kill()
            self.proc.wait()
        for pipe in (self._in, self._out):
            with contextlib.suppress(OSError, ValueError):
                pipe.close()


class ChartRenderer:
    """Renders chart specs; its worker processes start (and warm up) when it is created."""

    def __init__(self, workers: int | None = None) -> None:
        self._workers: list[_Worker] = []
        for _ in range(default_workers() if workers is None else workers):
            try:
                self._workers.append(_Worker())
            except OSError:
                break  # no worker: render in-process

    def __enter__(self) -> ChartRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)

    def close(self, kill: bool = False) -> None:
        """Stop the workers."""
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.close(kill)

    def submit(self, specs: Mapping[str, dict[str, Any]], cache_dir: Path | None) -> Batch:
        """Start rendering ``specs`` (cached ones are read at once); ``.result()`` waits."""
        batch = Batch(specs, cache_dir)
        if not batch.jobs:
            self.close()  # nothing to render: free the CPU the workers would use
        else:
            workers, self._workers = self._workers, []
            batch.start(workers)
        return batch


class Batch:
    """Charts being rendered; ``result()`` returns them once all are done."""

    def __init__(self, specs: Mapping[str, dict[str, Any]], cache_dir: Path | None) -> None:
        self._order = list(specs)
        self._cache_dir = cache_dir
        self._done: dict[str, Rendered] = {}
        self.jobs: deque[_Job] = deque()
        for chart_id, spec in specs.items():
            key = _cache_key(spec)
            cached = _cache_get(cache_dir, key)
            if cached is not None:
                self._done[chart_id] = cached
            else:
                self.jobs.append(_Job(chart_id, key, spec))
        self._failed: list[_Job] = []  # jobs of workers that died: rendered in-process
        self._errors: dict[str, BaseException] = {}
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def start(self, workers: list[_Worker]) -> None:
        """Hand the jobs to ``workers``, one thread each."""
        for worker in workers:
            thread = threading.Thread(target=self._serve, args=(worker,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def result(self) -> dict[str, Rendered]:
        """SVG and PNG of every spec, in the order given; SectorlensError if one fails."""
        for thread in self._threads:
            thread.join()
        with self._lock:
            left = [*self._failed, *self.jobs]
            self._failed.clear()
            self.jobs.clear()
        for job in left:
            if job.chart_id not in self._errors:
                svg = to_svg(job.spec)
                self._finish(job, svg, to_png(svg))
        for chart_id in self._order:
            if chart_id in self._errors:
                raise self._errors[chart_id]
        return {chart_id: self._done[chart_id] for chart_id in self._order}

    def _next(self) -> _Job | None:
        with self._lock:
            return self.jobs.popleft() if self.jobs else None

    def _serve(self, worker: _Worker) -> None:
        """Keep ``worker`` two jobs ahead; turn each SVG it returns into PNG here."""
        inflight: deque[_Job] = deque()
        try:
            while True:
                while len(inflight) < 2 and (job := self._next()) is not None:
                    inflight.append(job)
                    if not worker.send(job):
                        break
                if not inflight:
                    return
                reply = worker.receive()
                if reply is None or reply.get("id") != inflight[0].chart_id:
                    with self._lock:
                        self._failed.extend(inflight)
                    return
                job = inflight.popleft()
                if "error" in reply:
                    message = f"cannot render a chart: {reply['error']}"
                    self._errors[job.chart_id] = SectorlensError(message)
                    continue
                svg = str(reply.get("svg", ""))
                try:
                    self._finish(job, svg, to_png(svg))
                except SectorlensError as exc:
                    self._errors[job.chart_id] = exc
        finally:
            worker.close(kill=bool(inflight))

    def _finish(self, job: _Job, svg: str, png: bytes) -> None:
        self._done[job.chart_id] = (svg, png)
        _cache_put(self._cache_dir, job.key, (svg, png))


def _cache_key(spec: dict[str, Any]) -> str:
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    salt = f"vl-convert {getattr(vlc, '__version__', '?')} png×{PNG_SCALE}\n"
    return hashlib.sha256((salt + text).encode()).hexdigest()


def _cache_get(cache_dir: Path | None, key: str) -> Rendered | None:
    if cache_dir is None:
        return None
    try:
        svg = (cache_dir / f"{key}.svg").read_text(encoding="utf-8")
        png = (cache_dir / f"{key}.png").read_bytes()
    except (OSError, UnicodeDecodeError):
        return None
    return (svg, png) if svg.startswith("<svg") and png.startswith(b"\x89PNG") else None


def _cache_put(cache_dir: Path | None, key: str, rendered: Rendered) -> None:
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for suffix, data in ((".png", rendered[1]), (".svg", rendered[0].encode("utf-8"))):
            tmp = cache_dir / f".{key}{suffix}.{os.getpid()}.{threading.get_ident()}"
            tmp.write_bytes(data)
            os.replace(tmp, cache_dir / f"{key}{suffix}")
    except OSError:
        return


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
