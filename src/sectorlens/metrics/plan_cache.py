"""The compiled plans' cache: plans in memory and as JSON files on disk, keyed by shape and by
the code that compiled them (see plans.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    pass

PLAN_FORMAT = 3  # bump when the plan file's layout changes


@dataclass(frozen=True, slots=True)
class Statement:
    """One compiled expression: its SQL, the parameters it uses, its Arrow result schema and
    the Arrow form that answers it too (JSON, see ``arrow_forms``; ``""``: none)."""

    name: str
    sql: str
    params: tuple[str, ...]
    schema: pa.Schema
    form: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """The statements of one shape (``volatile``: valid for one store state only) and the kept
    tables they read (name, SQL; see ``StoreFacts.build_kept``)."""

    statements: tuple[Statement, ...]
    volatile: bool = False
    kept: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> str:
        """The plan as JSON text (schemas as Arrow IPC, base64)."""
        return json.dumps(
            {
                "format": PLAN_FORMAT,
                "volatile": self.volatile,
                "kept": [list(k) for k in self.kept],
                "statements": [
                    {
                        "name": s.name,
                        "sql": s.sql,
                        "params": list(s.params),
                        "schema": base64.b64encode(s.schema.serialize().to_pybytes()).decode(),
                        "form": s.form,
                    }
                    for s in self.statements
                ],
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Plan | None:
        """The plan in ``text``, or None when it is not a plan of this format."""
        import pyarrow.ipc as ipc

        try:
            doc = json.loads(text)
            if doc.get("format") != PLAN_FORMAT:
                return None
            statements = tuple(
                Statement(
                    str(s["name"]),
                    str(s["sql"]),
                    tuple(str(p) for p in s["params"]),
                    ipc.read_schema(pa.py_buffer(base64.b64decode(s["schema"]))),
                    str(s.get("form") or ""),
                )
                for s in doc["statements"]
            )
            kept = tuple((str(name), str(sql)) for name, sql in doc.get("kept") or ())
        except (ValueError, KeyError, TypeError, pa.ArrowInvalid):
            return None
        return cls(statements, bool(doc.get("volatile")), kept)


class PlanCache:
    """Plans by shape key: in memory, and on disk under ``folder`` (None: memory only).

    Thread-safe. Files are written atomically; a folder that cannot be written is used as far
    as it can be (the cache only ever saves time).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._plans: dict[str, Plan] = {}
        self._lock = threading.Lock()
        self.compiled = 0  # plans compiled by this cache (for tests and benchmarks)
        self._code: str | None = None

    @property
    def code(self) -> str:
        """The :func:`code_fingerprint` (read once per cache)."""
        if self._code is None:
            self._code = code_fingerprint()
        return self._code

    def get(self, key: str) -> Plan | None:
        """The plan of ``key`` (memory first, then disk), or None."""
        with self._lock:
            plan = self._plans.get(key)
        if plan is not None or self.folder is None:
            return plan
        try:
            text = (self.folder / f"{key}.json").read_text(encoding="utf-8")
        except OSError:
            return None
        plan = Plan.from_json(text)
        if plan is not None:
            with self._lock:
                self._plans[key] = plan
        return plan

    def get_memory(self, key: str) -> Plan | None:
        """The plan of ``key`` kept in memory, or None."""
        with self._lock:
            return self._plans.get(key)

    def put(self, key: str, plan: Plan, *, disk: bool = True) -> None:
        """Keep ``plan`` under ``key`` (on disk too, unless ``disk`` is false)."""
        with self._lock:
            self._plans[key] = plan
        if disk and self.folder is not None:
            write_atomic(self.folder / f"{key}.json", plan.to_json())


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file; OSError is ignored (a cache)."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def code_fingerprint() -> str:
    """What compiled plans depend on besides the store: sectorlens' version, the metrics
    package's files (size and time: a changed builder recompiles) and Ibis' version."""
    import importlib.util

    import sectorlens

    parts = [sectorlens.__version__, str(PLAN_FORMAT)]
    for path in sorted(Path(__file__).parent.glob("*.py")):
        st = path.stat()
        parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    spec = importlib.util.find_spec("ibis")
    if spec is not None and spec.origin:
        version = Path(spec.origin).with_name("__init__.py")
        st = version.stat()
        parts.append(f"ibis:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
