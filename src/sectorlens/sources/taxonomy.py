"""Sectors: each source's own sector values mapped to the taxonomy's categories and chain layers.

All knowledge is in the subjects' ``sectors.yaml``; a value none lists stays unmapped. Several
subjects' taxonomies merge: for each export value the first subject (in id order) that maps it
decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sectorlens.errors import InputError
from sectorlens.subjects import sector_spec, world_directories

_SEPARATORS = re.compile(r"[\s\-_/&,.]+|\band\b")


@dataclass(frozen=True, slots=True)
class SectorMatch:
    """A category code and chain layer for one raw value."""

    category: str
    layer: str | None  # None in a taxonomy without chain layers


def _key(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).casefold()
    return _SEPARATORS.sub("", text)


class _Own:
    """One subject's categories and layers, to check and complete its own mappings."""

    def __init__(self, layers: dict[str, Any], categories: dict[str, Any]) -> None:
        self.layers, self.categories = layers, categories

    def match(self, source: str, raw: str, target: Any) -> SectorMatch:
        category: Any
        layer: Any
        if isinstance(target, str):
            category, layer = target, None
        elif isinstance(target, Mapping):
            category, layer = target.get("category"), target.get("layer")
        else:
            raise InputError(f"sector taxonomy: {source} {raw!r} maps to {target!r}")
        if category not in self.categories:
            raise InputError(f"sector taxonomy: {source} {raw!r} maps to unknown {category!r}")
        layer = layer or (self.categories[category] or {}).get("layer")
        if layer is not None and layer not in self.layers:
            raise InputError(f"sector taxonomy: {source} {raw!r} has unknown layer {layer!r}")
        return SectorMatch(str(category), str(layer) if layer else None)


class Taxonomy:
    """Categories, layers and per-source mappings; build with ``Taxonomy.load()``."""

    def __init__(self, spec: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> None:
        specs = [spec] if isinstance(spec, Mapping) else list(spec)
        self.layers: dict[str, dict[str, str]] = {}
        self.categories: dict[str, dict[str, str]] = {}
        self._maps: dict[tuple[str, str], dict[str, SectorMatch]] = {}
        for one in specs:
            self._add(one)

    def _add(self, spec: Mapping[str, Any]) -> None:
        try:
            layers: dict[str, dict[str, str]] = dict(spec.get("layers") or {})
            categories: dict[str, dict[str, str]] = dict(spec["categories"])
            sources = spec.get("sources") or {}
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"sector taxonomy lacks {exc}") from exc
        own = _Own(layers, categories)
        for source, fields in sources.items():
            for field, mapping in (fields or {}).items():
                known = self._maps.setdefault((source, field), {})
                for raw, target in (mapping or {}).items():
                    known.setdefault(_key(str(raw)), own.match(source, str(raw), target))
        for code, names in layers.items():
            self.layers.setdefault(code, names)
        for code, names in categories.items():
            self.categories.setdefault(code, names)

    @classmethod
    def load(cls, path: Path | None = None, *, subjects: Sequence[Path] | None = None) -> Taxonomy:
        """The merged taxonomies of ``subjects`` (default: the bundled ones), or one file."""
        if path is not None:
            return cls(yaml.safe_load(path.read_text("utf-8")))
        folders = world_directories() if subjects is None else subjects
        return cls([spec for d in folders if (spec := sector_spec(d)) is not None])

    def fields(self, source: str) -> tuple[str, ...]:
        """The fields the taxonomy maps for ``source`` (e.g. ``subsector``, ``sector``)."""
        return tuple(f for s, f in self._maps if s == source)

    def match(self, source: str, field: str, value: str | None) -> SectorMatch | None:
        """The category of ``value`` in ``source``'s ``field``; None when not listed."""
        if not value:
            return None
        mapping = self._maps.get((source, field))
        return mapping.get(_key(value)) if mapping else None

    def classify(self, source: str, values: Mapping[str, str | None]) -> SectorMatch | None:
        """The first match over ``values`` tried in the given order (most specific first)."""
        for field, value in values.items():
            found = self.match(source, field, value)
            if found is not None:
                return found
        return None

    def name(self, category: str, lang: str = "en") -> str:
        """Display name of a category in ``lang``."""
        names = self.categories.get(category, {})
        return names.get(lang) or names.get("en") or category
