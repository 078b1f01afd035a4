"""A data set's ``prose.yaml``: qualitative points (implications, priorities, risks), cited.

Each entry is a short paragraph in ko and en, written by the data set's author in their own
words, with the source that makes the point and where in it (``locator``). The report puts it at
the end of the section named by ``section``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sectorlens.errors import InputError
from sectorlens.store.subject import SCHEMA, check_keys
from sectorlens.subjects import where

PROSE_KINDS = ("implication", "priority", "risk", "context")
_LANGS = ("ko", "en")


def _texts(value: Any, place: str, key: str, *, required: bool) -> dict[str, str]:
    if value is None and not required:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in _LANGS
    ):
        raise InputError(f"{place}: `{key}` needs a text in each of {', '.join(_LANGS)}")
    return {lang: " ".join(str(value[lang]).split()) for lang in _LANGS}


def _locator(value: Any, place: str) -> str | dict[str, str]:
    """A locator: one string, or ``{ko: …, en: …}`` when it uses words."""
    if isinstance(value, Mapping):
        return _texts(value, place, "locator", required=True)
    return str(value or "")


def check_prose(
    path: Path, items: Any, sources: set[str], sections: set[str]
) -> list[dict[str, Any]]:
    """Check ``prose.yaml`` (ids, texts in ko and en, known sources and sections); return it."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise InputError(f"{path}: must be a list of prose blocks")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        place = where(path, [n])
        check_keys(path, [n], item, SCHEMA["prose.yaml"])
        if not isinstance(item, Mapping) or not item.get("prose_id"):
            raise InputError(f"{place}: needs prose_id, section, text and source_id")
        key = str(item["prose_id"])
        if key in seen:
            raise InputError(f"{place}: prose_id {key!r} appears twice")
        seen.add(key)
        if str(item.get("section")) not in sections:
            raise InputError(
                f"{place}: section {item.get('section')!r} is not a section id of subject.yaml"
            )
        kind = str(item.get("kind") or "context")
        if kind not in PROSE_KINDS:
            raise InputError(f"{place}: kind {kind!r} is not one of {', '.join(PROSE_KINDS)}")
        cites = item.get("cites") or []
        if not isinstance(cites, list):
            raise InputError(f"{place}: cites must be a list of source ids")
        for sid in (item.get("source_id"), *cites):
            if sid not in sources:
                raise InputError(f"{place}: unknown source {sid!r}")
        out.append(
            {
                "prose_id": key,
                "section": str(item["section"]),
                "kind": kind,
                "heading": _texts(item.get("heading"), place, "heading", required=False),
                "text": _texts(item.get("text"), place, "text", required=True),
                "source_id": str(item["source_id"]),
                "locator": _locator(item.get("locator"), place),
                "cites": [str(c) for c in cites],
            }
        )
    return out
