"""Proofs on a regular expression's parsed form, for the pre-filters that let a text go unscanned:
a pattern with ``(?!)`` put in place of a part can never match when every path through it needs
that part (so, on a text without what the part matches, the original pattern finds nothing)."""

from __future__ import annotations

import importlib
from typing import Any

_P: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")
FAIL = "(?!)"


def never_matches(pattern: str, flags: int = 0, words: tuple[str, ...] = ()) -> bool:
    """Every path through ``pattern`` meets a ``(?!)`` (an assertion that always fails) or, with
    ``words`` (in lower case), a run of literal characters that holds one of them, in any case:
    then the pattern cannot match a text that contains none of ``words``."""
    return _fails(list(_P.parse(pattern, flags)), words)


def _fails(items: list[Any], words: tuple[str, ...]) -> bool:
    run = ""  # the literal characters in a row so far
    for op, av in items:
        if op is _C.LITERAL:
            run += chr(av).lower()
            if any(w in run for w in words):
                return True
            continue
        run = ""
        if op is _C.IN and all(o is _C.LITERAL and chr(a).lower() in words for o, a in av):
            return True  # (?:월|月), parsed as the class [월月]: each member a word of its own
        if op is _C.ASSERT_NOT and not list(av[1]):
            return True
        if op is _C.SUBPATTERN and _fails(list(av[3]), words):
            return True
        if op is _C.BRANCH and all(_fails(list(alt), words) for alt in av[1]):
            return True
        repeated = op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)
        if repeated and av[0] > 0 and _fails(list(av[2]), words):
            return True
    return False
