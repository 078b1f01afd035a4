"""The closed word classes the English subject reader stops at, skips or links through."""

from __future__ import annotations

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
