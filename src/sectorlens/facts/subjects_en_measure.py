"""The measure an English amount is stated in, named after it: ``a record quarter with $2.64
billion in GAAP revenue``, ``the Americas segment reported $15.37 billion in revenue``."""

from __future__ import annotations

import re

from sectorlens.facts.sentence_names import PERIODISH
from sectorlens.facts.subjects_en_phrase import en_words, noun_phrase, strip_lead, verbish
from sectorlens.facts.subjects_en_words import EN_VERBS

# The measure an amount is stated in: $2.64 billion in GAAP revenue, $15 million in net income
_MEASURE_IN = re.compile(
    r"^\s+in\s+(?:the\s+|its\s+|our\s+|their\s+)?(?P<np>[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*){0,4})"
)
_MEASURE_NOUN = re.compile(
    r"\b(?:revenues?|sales|income|profits?|earnings|orders|bookings|deposits|loans|funding|"
    r"financing|proceeds|dividends|investments?|spending|expenses|costs|EBITDA|EBIT|"
    # held $36 billion in cash and cash equivalents: a balance is stated in what it holds
    r"cash|equivalents|debt)$",
    re.I,
)


_HELD = re.compile(r"\b(?:cash|equivalents|debt)$", re.I)
_LIST_AFTER = re.compile(r"\s*,\s*[A-Za-z][\w\s-]*?\b(?:and|or)\b")
_EARNED = frozenset(
    ["brought", "reported", "posted", "booked", "delivered", "contributed", "had", "held"]
)
_GENERIC_OWNERS = frozenset(["company", "the company", "group", "the group", "firm", "business"])


def measure_after(after: str, clause: str) -> str | None:
    """``$2.64 billion in GAAP revenue`` → ``GAAP revenue`` where the words before the amount
    name no measure of their own (``reported a record quarter with``); a name that ends them is
    the measure's owner (``the Americas segment reported $15 billion in revenue``)."""
    m = _MEASURE_IN.match(after)
    if m is None:
        return None
    np = noun_phrase(m.group("np"), 5)
    if not np or not _MEASURE_NOUN.search(np) or PERIODISH.search(np):
        return None
    if _HELD.search(np) and _LIST_AFTER.match(after, m.end()):
        return None  # $4.1 billion in cash, deposits and bonds: the whole list, named elsewhere
    before = en_words(" ".join(strip_lead(clause.split())))
    if any(_MEASURE_NOUN.search(w) for w in before):
        return None  # Revenue was $5 billion in product sales: the clause names it already
    owner: list[str] = []
    for w in before:
        if verbish(w) or w.lower() in EN_VERBS or w.lower() in _EARNED:
            break  # The Tegra business brought in $419 million in revenue: its owner ends here
        owner.append(w)
    if owner and len(owner) <= 5 and " ".join(owner).lower() not in _GENERIC_OWNERS:
        return f"{' '.join(owner)} {np}"
    return np
