"""Proofs on a regular expression's parsed form, for the pre-filters that let a text go unscanned:
a pattern with ``(?!)`` put in place of a part can never match when every path through it needs
that part (so, on a text without what the part matches, the original pattern finds nothing)."""

from __future__ import annotations

import importlib
from typing import Any

_P: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")
FAIL = "(?!)"


def never_matches(pattern: str, flags: int = 0) -> bool:
    """Every path through ``pattern`` meets a ``(?!)`` (an assertion that always fails)."""
    return _fails(list(_P.parse(pattern, flags)))


def _fails(items: list[Any]) -> bool:
    for op, av in items:
        if op is _C.ASSERT_NOT and not list(av[1]):
            return True
        if op is _C.SUBPATTERN and _fails(list(av[3])):
            return True
        if op is _C.BRANCH and all(_fails(list(alt)) for alt in av[1]):
            return True
        repeated = op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)
        if repeated and av[0] > 0 and _fails(list(av[2])):
            return True
    return False
