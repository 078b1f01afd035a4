"""The place an English value is stated for, written after it: ``GDP rose by 0.9% in the euro
area and by 1.0% in the EU`` (the words between the values close the first one's place)."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.sentence_names import PERIODISH

_PHRASE = r"(?P<np>[A-Za-z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,3})"
# ``in the euro area and by``: a preposition, a name, and the link to the next value
_PLACE_OF_PREVIOUS = re.compile(
    rf"^\s*(?:in|for|among|across)\s+(?:the\s+)?{_PHRASE}\s+(?:and|or)\s+(?:by\s+|to\s+|at\s+)?$",
    re.I,
)
_PLACE_AFTER = re.compile(rf"^\s*(?:in|for|among|across)\s+(?:the\s+)?{_PHRASE}", re.I)
_PLACE_WORDS = re.compile(r"\b(?:area|region|zone|economies|countries|states|provinces)$", re.I)
_STOP = frozenset(["and", "or", "after", "compared", "than", "while", "which", "as"])


def _place(words: str) -> str | None:
    """The name ``words`` start with (up to a function word), where it names a place."""
    kept: list[str] = []
    for word in words.split():
        bare = word.rstrip(".,;:")
        if bare.startswith("(") or bare.lower() in lx.EN_FUNCTION or bare.lower() in _STOP:
            break
        kept.append(bare)
        if bare != word:
            break  # the phrase ends at its punctuation
    name = " ".join(kept)
    if not name or PERIODISH.search(name) or re.search(r"(?:ed|ing)$", kept[-1]):
        return None  # in the previous quarter, in 2024: a period; in growing: no name
    if not (name[0].isupper() or _PLACE_WORDS.search(name)):
        return None  # in total, in line with: no place
    return name


def place_of_previous(clause: str) -> bool:
    """``in the euro area and by``: a place closing the value before, and a link to this one."""
    m = _PLACE_OF_PREVIOUS.match(clause)
    return m is not None and _place(m.group("np")) is not None


def place_after(after: str) -> str | None:
    """``1.0% in the EU in the third quarter`` → ``EU``: the place a value is stated for."""
    m = _PLACE_AFTER.match(after)
    return _place(m.group("np")) if m else None
