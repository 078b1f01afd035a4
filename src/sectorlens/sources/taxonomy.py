"""Sectors: each source's own sector values mapped to the taxonomy's categories and chain layers.

All knowledge is in ``data/sectors.yaml``; a value that is not listed there stays unmapped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sectorlens.errors import InputError

_SEPARATORS = re.compile(r"[\s\-_/&,.]+|\band\b")


@dataclass(frozen=True, slots=True)
class SectorMatch:
    """A category code and chain layer for one raw value."""

    category: str
    layer: str


def _key(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).casefold()
    return _SEPARATORS.sub("", text)


class Taxonomy:
    """Categories, layers and per-source mappings; build with ``Taxonomy.load()``."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        try:
            self.layers: dict[str, dict[str, str]] = dict(spec["layers"])
            self.categories: dict[str, dict[str, str]] = dict(spec["categories"])
            sources = spec.get("sources") or {}
        except (KeyError, TypeError) as exc:
            raise InputError(f"sector taxonomy lacks {exc}") from exc
        self._maps: dict[tuple[str, str], dict[str, SectorMatch]] = {}
        for source, fields in sources.items():
            for field, mapping in (fields or {}).items():
                self._maps[(source, field)] = {
                    _key(str(raw)): self._match(source, str(raw), target)
                    for raw, target in (mapping or {}).items()
                }

    def _match(self, source: str, raw: str, target: Any) -> SectorMatch:
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
        layer = layer or self.categories[category].get("layer")
        if layer not in self.layers:
            raise InputError(f"sector taxonomy: {source} {raw!r} has unknown layer {layer!r}")
        return SectorMatch(str(category), str(layer))

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """Read ``data/sectors.yaml`` (or ``path``)."""
        if path is None:
            text = resources.files("sectorlens").joinpath("data/sectors.yaml").read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        return cls(yaml.safe_load(text))

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
