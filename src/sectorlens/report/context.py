"""What every section builder gets: the data, labels, wording, formatter and citations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sectorlens.model import Observation
from sectorlens.report.fmt import Formatter
from sectorlens.report.wording import Wording
from sectorlens.store.reference import StoredReference

if TYPE_CHECKING:
    from sectorlens.metrics import Engine, Scope


class Labels:
    """Display names of the data set's codes in one language (falls back to the code)."""

    def __init__(self, presentation: dict[str, Any], lang: str) -> None:
        self.lang = lang
        self._labels: dict[str, Any] = presentation.get("labels") or {}
        self._text: dict[str, Any] = presentation.get("text") or {}
        self._cite_as: dict[str, dict[str, str]] = presentation.get("cite_as") or {}
        self._places: dict[str, dict[str, str]] = presentation.get("places") or {}

    def _pick(self, entry: Any, key: str, fallback: str) -> str:
        if isinstance(entry, dict):
            return str(entry.get(key) or entry.get("en") or fallback)
        return str(entry) if entry else fallback

    def metric(self, code: str) -> str:
        """Name of a metric."""
        return self._pick(self._labels.get("metrics", {}).get(code), self.lang, code)

    def geography(self, code: str | None) -> str:
        """Name of a geography."""
        if not code:
            return ""
        return self._pick(self._labels.get("geographies", {}).get(code), self.lang, code)

    def segment(self, segment_type: str | None, code: str | None, *, native: bool = False) -> str:
        """Name of a segment; ``a+b`` groups are joined; ``native`` adds the zh name if known."""
        if not code:
            return ""
        names = self._labels.get("segments", {}).get(segment_type or "", {})
        parts = []
        for part in code.split("+"):
            fallback = self.place(part) if part in self._places else part
            name = self._pick(names.get(part), self.lang, fallback)
            zh = names.get(part, {}).get("zh") if isinstance(names.get(part), dict) else None
            parts.append(f"{name} {zh}" if native and zh and zh != name else name)
        return " + ".join(parts)

    def place(self, code: str) -> str:
        """Name of a place id the data set knows (its gazetteer), else the id."""
        names = self._places.get(code) or {}
        return names.get(self.lang) or names.get("en") or code

    def segment_about(self, segment_type: str, code: str) -> str:
        """A segment's short description (``about_ko`` / ``about_en``), if any."""
        entry = self._labels.get("segments", {}).get(segment_type, {}).get(code, {})
        return str(entry.get(f"about_{self.lang}", "")) if isinstance(entry, dict) else ""

    def unit(self, code: str) -> str | None:
        """A data-set-specific unit name, if the data set defines one."""
        entry = self._labels.get("units", {}).get(code)
        return self._pick(entry, self.lang, code) if entry else None

    def text(self, table: str, key: str, fld: str, default: str | None) -> str | None:
        """A display text of a record field in this language, else ``default``."""
        entry = self._text.get(table, {}).get(key, {}).get(fld, {})
        return entry.get(self.lang) or default

    def cite_as(self, source_id: str, default: str) -> str:
        """Short citation form of a source."""
        return self._cite_as.get(source_id, {}).get(self.lang) or default


@dataclass
class Citations:
    """Numbers sources in order of first citation."""

    order: list[str] = field(default_factory=list)

    def mark(self, source_ids: Iterable[str]) -> list[int]:
        """Reference numbers of ``source_ids`` (registering new ones)."""
        numbers = []
        for sid in source_ids:
            if sid not in self.order:
                self.order.append(sid)
            numbers.append(self.order.index(sid) + 1)
        return sorted(set(numbers))


@dataclass
class ReportContext:
    """Inputs of the section builders."""

    ref: StoredReference
    words: Wording
    fmt: Formatter
    labels: Labels
    subject: dict[str, Any]
    font: str = "sans-serif"
    deals: Engine | None = None  # the store's deals, when it holds any (ingested sections)
    deal_sources: tuple[str, ...] = ()  # source ids of the loads those deals came from
    scope: Scope | None = None  # the subject's deals among them (metrics.scope)
    scope_note: str | None = None  # how many deals the scope left out, said once
    # other subjects this one is compared with (``compare_with``), latest editions only
    baselines: dict[str, StoredReference] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        """Report language."""
        return self.words.lang

    @property
    def home_currency(self) -> str:
        """Currency of the data set's figures (``home_currency`` in subject.yaml; may be empty)."""
        return str(self.subject.get("home_currency") or "")

    def loc(self, value: Any) -> str:
        """A ``{ko: …, en: …}`` value of the subject file in this language."""
        if isinstance(value, dict):
            return str(value.get(self.lang) or value.get("en") or "")
        return str(value or "")

    def note(self, obs: Observation) -> str | None:
        """An observation's note in this language."""
        return self.labels.text("observations", obs.obs_id, "note", obs.note)


def cites_of(*observations: Observation) -> tuple[str, ...]:
    """Source ids behind observations: each publishing source, then what it attributes to."""
    out: list[str] = []
    for obs in observations:
        for sid in (obs.source_id, *obs.cites):
            if sid not in out:
                out.append(sid)
    return tuple(out)
