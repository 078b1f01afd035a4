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


class _Job:
    """One distinct spec to render (charts with identical specs share a job)."""

    def __init__(self, key: str, spec: dict[str, Any], cache_dir: Path | None) -> None:
        self.key = key
        self.spec = spec
        self.cache_dir = cache_dir
        self.svg: str | None = None
        self.png: bytes | None = None
        self.error: SectorlensError | None = None
        self.orphan = False  # its worker died: this process renders it

    @property
    def done(self) -> bool:
        return self.png is not None or self.error is not None


class _WorkerGone(Exception):
    """The worker process ended or answered out of turn."""


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

    def send(self, job: _Job) -> None:
        """Queue a job (_WorkerGone if the worker is gone)."""
        try:
            self._in.write(json.dumps({"id": job.key, "spec": job.spec}).encode() + b"\n")
            self._in.flush()
        except (OSError, ValueError):
            raise _WorkerGone from None

    def receive(self, job: _Job) -> dict[str, str]:
        """The reply to ``job`` (_WorkerGone if the worker is gone)."""
        try:
            line = self._out.readline()
            reply = json.loads(line) if line else None
        except (OSError, ValueError):
            reply = None
        if not isinstance(reply, dict) or reply.get("id") != job.key:
            raise _WorkerGone
        return reply

    def close(self) -> None:
        """End the worker (it holds no unfinished work by then) and reap it."""
        self.proc.kill()  # at once, even mid warm-up: waiting for it would gain nothing
        self.proc.wait()
        for pipe in (self._in, self._out):
            with contextlib.suppress(OSError, ValueError):
                pipe.close()


class ChartRenderer:
    """Renders chart specs; its worker processes start (and warm up) when it is created.

    ``prefetch(spec)`` hands a chart over as soon as it is built; ``submit(specs)`` names all
    the charts wanted and ``.result()`` on what it returns waits for them.
    """

    def __init__(self, workers: int | None = None) -> None:
        self._cond = threading.Condition()
        self._queue: deque[_Job] = deque()
        self._jobs: dict[str, _Job] = {}
        self._closing = False
        self._workers: list[_Worker] = []
        self._threads: list[threading.Thread] = []
        count = default_workers() if workers is None else workers
        for _ in range(count if sys.executable else 0):  # no interpreter to start: in-process
            try:
                worker = _Worker()
            except OSError:
                break  # no worker: render in-process
            thread = threading.Thread(target=self._serve, args=(worker,), daemon=True)
            self._workers.append(worker)
            self._threads.append(thread)
            thread.start()

    def __enter__(self) -> ChartRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)

    def close(self, kill: bool = False) -> None:
        """Stop the workers (at once with ``kill``, else once their current charts are done)."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
            workers = list(self._workers)
        if kill:
            for worker in workers:
                worker.proc.kill()
        for thread in self._threads:
            thread.join()
        self._threads.clear()

    def prefetch(self, spec: dict[str, Any], cache_dir: Path | None) -> None:
        """Start rendering ``spec`` unless it is cached or already on its way."""
        self._job(spec, cache_dir)

    def submit(self, specs: Mapping[str, dict[str, Any]], cache_dir: Path | None) -> Batch:
        """Render every spec not yet prefetched; ``.result()`` on the answer waits for all."""
        jobs = {chart_id: self._job(spec, cache_dir) for chart_id, spec in specs.items()}
        with self._cond:
            if not self._queue and all(j.done for j in self._jobs.values()):
                self._closing = True  # nothing (more) to render: free the CPU of idle workers
                self._cond.notify_all()
        return Batch(self, jobs)

    def _job(self, spec: dict[str, Any], cache_dir: Path | None) -> _Job:
        key = _cache_key(spec)
        with self._cond:
            job = self._jobs.get(key)
            if job is not None:
                return job
            job = self._jobs[key] = _Job(key, spec, cache_dir)
        cached = _cache_get(cache_dir, key)
        with self._cond:
            if cached is not None:
                job.svg, job.png = cached
            else:
                self._queue.append(job)
            self._cond.notify_all()
        return job

    def _serve(self, worker: _Worker) -> None:
        """Feed ``worker`` (two jobs ahead) and turn each SVG it returns into PNG here."""
        inflight: deque[_Job] = deque()
        try:
            while True:
                fresh: list[_Job] = []
                with self._cond:
                    while not inflight and not self._queue:
                        if self._closing:
                            return
                        self._cond.wait()
                    while len(inflight) + len(fresh) < 2 and self._queue:
                        fresh.append(self._queue.popleft())
                for job in fresh:
                    inflight.append(job)
                    worker.send(job)
                reply = worker.receive(inflight[0])
                job = inflight.popleft()
                if "error" in reply:
                    self._settle(job, error=f"cannot render a chart: {reply['error']}")
                else:
                    svg = str(reply.get("svg", ""))
                    self._settle(job, svg=svg)
        except _WorkerGone:
            with self._cond:
                for job in inflight:
                    job.orphan = True
                self._cond.notify_all()
        finally:
            with self._cond:
                self._workers.remove(worker)
                self._cond.notify_all()
            worker.close()

    def _settle(self, job: _Job, svg: str | None = None, error: str | None = None) -> None:
        """Finish ``job``: its PNG (drawn here) or its error; cache the result."""
        png: bytes | None = None
        failure = SectorlensError(error) if error else None
        if svg is not None:
            try:
                png = to_png(svg)
            except SectorlensError as exc:
                failure = exc
        with self._cond:
            job.svg, job.png, job.error = svg, png, failure
            self._cond.notify_all()
        if png is not None and svg is not None:
            _cache_put(job.cache_dir, job.key, (svg, png))

    def _wait(self, jobs: list[_Job]) -> None:
        """Wait for ``jobs``; render here what no worker will."""
        while True:
            with self._cond:
                while not all(j.done or j.orphan for j in jobs) and self._workers:
                    self._cond.wait()
                left = [j for j in jobs if not j.done]
                for job in left:  # orphans, or queued with no worker left
                    with contextlib.suppress(ValueError):
                        self._queue.remove(job)
            if not left:
                return
            for job in left:
                try:
                    svg = to_svg(job.spec)
                except SectorlensError as exc:
                    self._settle(job, error=str(exc))
                else:
                    self._settle(job, svg=svg)


class Batch:
    """Charts being rendered; ``result()`` returns them once all are done."""

    def __init__(self, renderer: ChartRenderer, jobs: dict[str, _Job]) -> None:
        self._renderer = renderer
        self._jobs = jobs
        self.pending = [j for j in jobs.values() if not j.done]

    def result(self) -> dict[str, Rendered]:
        """SVG and PNG of every spec, in the order given; SectorlensError if one fails."""
        self._renderer._wait(list(self._jobs.values()))
        out: dict[str, Rendered] = {}
        for chart_id, job in self._jobs.items():
            if job.error is not None:
                raise job.error
            assert job.svg is not None and job.png is not None
            out[chart_id] = (job.svg, job.png)
        return out


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
