"""A measure named in an absolute ``with`` clause: ``grocery spend is predicted to buck the
trend, with sales to rise by 3.3%`` (the sales of the grocery spend the clause before names)."""

from __future__ import annotations

import re

from sectorlens.facts.subjects_en_phrase import comma_segments, en_words, strip_lead, verbish

# with sales to rise by; with spend set to fall by; with sales increasing by; with sales amounting
# to: the measure, then how it moved, right before the figure
_WITH_MEASURE = re.compile(
    r"^\s*with\s+(?:its\s+|their\s+|the\s+)?(?P<measure>[a-z]+(?:\s(?!set\b|expected\b|forecast\b|to\b)[a-z]+)?)\s+"
    r"(?:(?:set|expected|forecast|projected|due)\s+to\s+\w+|to\s+\w+|rising|increasing|"
    r"growing|falling|declining|dropping|up|down|amounting\s+to|total(?:l)?ing|reaching)"
    r"(?:\s+by|\s+to|\s+at)?\s*$",
    re.I,
)
_NOT_A_MEASURE = frozenset({"it", "them", "this", "that", "which", "one", "each", "a", "an"})
_NAMES_AFTER = frozenset(
    {"include", "includes", "included", "including", "says", "said", "shows", "showed"}
)
_PREPOSITIONS = frozenset({"with", "of", "and", "for", "in", "by"})
_MEASURE_WORD = re.compile(
    r"^(?:sales|spend|spending|revenue|revenues|income|profit|profits|output|volume|volumes)$",
    re.I,
)


def with_measure(sentence: str, start: int, floor: int, clause: str) -> str | None:
    """The holder named before ``, with <measure> <moved>`` and the measure, or None."""
    m = _WITH_MEASURE.match(clause)
    if m is None or m.group("measure").split()[0].lower() in _NOT_A_MEASURE:
        return None
    segments = comma_segments(sentence[floor:start])
    if len(segments) < 2 or (floor and len(segments) == 2) or re.search(r"\d", segments[-2]):
        return None  # …, up 7 percent from last year, with containers up: no holder named
    raw = segments[-2].split()
    cut = max((i + 1 for i, w in enumerate(raw) if w.lower() in _NAMES_AFTER), default=0)
    words = en_words(" ".join(strip_lead(raw[cut:])))  # lines that grew include peas; says the X
    verb = next((i for i in range(1, len(words)) if _verb_after_noun(words, i)), None)
    words = words[:verb] if verb else words  # operations delivered solid results: operations
    while words and _MEASURE_WORD.match(words[-1]):
        words = words[:-1]  # grocery spend …, with sales: the grocery's sales
    if not words or len(words) > 6:
        return None
    return f"{' '.join(words)} {m.group('measure')}"


def _verb_after_noun(words: list[str], i: int) -> bool:
    """``words[i]`` is a verb after the name (not ``added`` in ``waters with added sugars``)."""
    return verbish(words[i]) and words[i - 1].lower() not in _PREPOSITIONS
