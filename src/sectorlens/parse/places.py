"""Structural splitting of place strings (no gazetteer: naming places is the caller's job).

``split_places`` returns one tuple per place, each from the broadest level to the narrowest:
``北京-海淀区`` -> ((北京, 海淀区),); ``Total -> Region -> Country`` -> ((Total, Region, Country),);
``Bengaluru and Gurugram`` -> ((Bengaluru,), (Gurugram,)). ``split_place`` flattens that.
Levels are split at ``->`` / ``>`` and at ``-`` next to CJK text or with spaces around it
(``Winston-Salem`` stays whole); places at ``/``, ``,``, ``;``, ``&``, ``、``, `` and ``.
Missing markers (``N/A``, ``nan``, ``-``, empty) give an empty tuple.
"""

from __future__ import annotations

import re

from sectorlens.parse._tokens import normalize

_MISSING = frozenset({"", "-", "n/a", "na", "nan", "none", "null", "unknown", "未知", "不详"})
_PLACES = re.compile(r"\s*(?:/|,|;|&|、|\band\b|\+)\s*", re.IGNORECASE)
_LEVELS = re.compile(r"\s*(?:->|>|→)\s*|\s+-\s+|(?<=[^\x00-\x7f])\s*-\s*|\s*-\s*(?=[^\x00-\x7f])")


def split_places(text: str) -> tuple[tuple[str, ...], ...]:
    """Places named in the text, each as its levels from broad to narrow."""
    norm = normalize(text)
    if norm.lower() in _MISSING:
        return ()
    out: list[tuple[str, ...]] = []
    for place in _PLACES.split(norm):
        levels = tuple(p.strip() for p in _LEVELS.split(place) if p.strip())
        if levels and levels[0].lower() not in _MISSING:
            out.append(levels)
    return tuple(out)


def split_place(text: str) -> tuple[str, ...]:
    """The parts of a place string, flattened (``北京-海淀区`` -> (北京, 海淀区))."""
    return tuple(part for place in split_places(text) for part in place)


__all__ = ["split_place", "split_places"]
