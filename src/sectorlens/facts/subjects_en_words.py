"""The closed word classes the English subject reader stops at, skips or links through, and the
clause shapes that name a figure's holder or part."""

from __future__ import annotations

import re

NP_STOP = frozenset(
    [
        "to",
        "which",
        "that",
        "who",
        "whom",
        "for",
        "in",
        "at",
        "by",
        "from",
        "with",
        "was",
        "were",
        "is",
        "are",
        "primarily",
        "mainly",
        "due",
        "during",
        "compared",
        "as",
        "than",
        "when",
        "while",
        "because",
        "since",
        "over",
        "last",
        "this",
        "next",
        "partially",
        "offset",
        "driven",
        "reflecting",
        "including",
    ]
)
DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "our",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "your",
    ]
)
PRONOUNS = frozenset(["we", "it", "they", "us", "them", "he", "she", "i", "you"])
REFERRING = frozenset(["it", "they", "this", "these", "that", "those", "which"])
# Verbs whose object is the amount (the subject is the thing paid for, not the verb).
OBJECT_VERBS = frozenset(
    [
        "used",
        "spent",
        "paid",
        "cost",
        "invested",
        "earned",
        "generated",
        "recorded",
        "returned",
        "repurchased",
        "bought",
        "sold",
        "spend",
        "spends",
        "pay",
        "pays",
        "use",
        "uses",
        "invest",
        "invests",
        "consisted",
        "include",
        "includes",
        "included",
        "spending",
        "using",
        "paying",
        "investing",
        "buying",
        "selling",
        "raising",
        "borrowing",
        "lending",
    ]
)
PARTICIPLE_LINK = frozenset(["to", "with", "by", "from", "for", "in", "on"])
CAUSAL = (("due", "to"), ("because", "of"), ("owing", "to"), ("thanks", "to"), ("as", "a"))
EN_VERBS = frozenset(
    [
        "accounted",
        "reached",
        "raised",
        "was",
        "were",
        "is",
        "are",
        "totaled",
        "totalled",
        "made",
        "took",
        # a change or a level reached: the subject is what comes before (book value has grown)
        "has",
        "have",
        "had",
        "grew",
        "rose",
        "fell",
        "increased",
        "decreased",
        "declined",
        "amounted",
        "stood",
        "will",  # (a level expected: revenue will be, the market would reach)
        "would",
    ]
)
EN_LINKS = frozenset(["was", "were", "is", "are", "totaled", "totalled", "amounted", "to", "at"])
LEAD_PRONOUNS = frozenset(["we", "it", "they", "this", "these", "that", "which", "he", "she", "i"])


# 71% (£103.3bn) of sales from businesses in Wales were goods: a share that names its whole, then
# its part
PART_OF_WHOLE = re.compile(
    r"^\s*(?:[(（][^()（）]{0,30}[)）]\s*)?of\s+(?:the\s)?"
    r"(?P<whole>[A-Za-z][\w'’-]*(?:\s[A-Za-z][\w'’-]*){0,6}?)\s+"
    r"(?:were|was|are|is)\s+(?:the\s)?"
    # (not 3 million shares of common stock were purchased under …: a verb, no part)
    r"(?P<part>(?![a-z]+ed\b|in\b|at\b|on\b|by\b|not\b|also\b|to\b|from\b)[A-Za-z][\w'’-]*"
    r"(?:\s(?!and\b|or\b|in\b|at\b|to\b|by\b|from\b|for\b)[A-Za-z][\w'’-]*){0,3})(?=[\s,.;]|$)"
)
# Asia-Pacific airlines saw an, The group posted a: the holder of the change named after it
HOLDER_SAW = re.compile(
    r"(?:^|[,;]\s)((?:[A-Za-z][\w&'.-]*\s){1,4}?)(?:saw|posted|reported|recorded|registered|"
    r"achieved|delivered|experienced|booked|logged)\s(?:an?|the)\s?(?:\w+\s)?$"
)


# The manufacture of basic metals saw a noteworthy increase of: the holder of the change that
# the figure after it states
HOLDER_MOVED_BY = re.compile(
    r"(?:^|(?<=[\s,;]))((?:[A-Za-z][\w&'.-]*\s){1,6}?)(?:saw|posted|reported|recorded|"
    r"registered|achieved|delivered|experienced|booked|logged|demonstrated|showed|enjoyed|had)\s"
    r"(?:an?|the)\s"
    r"(?:[a-z-]+\s){0,2}(?:increase|rise|growth|decline|fall|boost|drop|gain|uplift|jump|surge|"
    r"decrease)\s(?:of|by)\s?$"
)


# the verbs and nouns of a move, and the words that qualify one (a noteworthy increase of)
MOVE_VERBS = frozenset(
    (
        *("rose", "fell", "grew", "increased", "decreased", "declined", "climbed", "dropped"),
        *("jumped", "gained", "advanced", "slipped", "edged", "eased", "slid", "surged"),
        *("soared", "plunged"),
    )
)
SAW = frozenset({"saw", "sees"})
MOVE_NOUNS = frozenset(
    {"increase", "decrease", "rise", "fall", "decline", "gain", "drop", "growth", "uplift"}
    | {"boost", "surge", "jump", "increasing", "decreasing", "rising", "falling", "growing"}
    | {"declining"}
)
EXPERIENCING = frozenset(
    {"experiencing", "seeing", "posting", "recording", "registering", "showing", "witnessing"}
)
A_MOVE_OF = frozenset({"a", "an", "of", "by"})
MANNER = frozenset(
    {"slow", "rapid", "steep", "substantial", "significant", "notable", "noteworthy", "marginal"}
    | {"slight", "sharp", "strong", "modest", "impressive", "considerable", "remarkable"}
    | {"further", "overall", "large", "small", "big", "total", "steady", "solid", "robust"}
    | {"healthy", "moderate"}
)
