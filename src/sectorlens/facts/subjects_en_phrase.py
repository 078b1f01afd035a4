"""The words of an English clause that name a thing: its noun phrase, the lead-in and the verbs
that name none (``compared to``, ``we enthusiastically spent``), years and periods dropped."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.sentence_names import PERIODISH
from sectorlens.facts.subjects_en_words import (
    CAUSAL,
    DETERMINERS,
    EN_VERBS,
    LEAD_PRONOUNS,
    MANNER,
    MOVE_NOUNS,
    MOVE_VERBS,
    NP_STOP,
    OBJECT_VERBS,
    PARTICIPLE_LINK,
    PRONOUNS,
    REFERRING,
    SAW,
)
from sectorlens.facts.subjects_zh import PAREN

_EN_YEAR = re.compile(
    r"\b(?:(?:H[12]|Q[1-4]|FY)\s?)?(?:19|20)\d{2}(?:\s?[-–]\s?(?:19|20)?\d{2})?\b"
)
# Revenue for fiscal year 2023; Cloud revenue for the third quarter: the period, no name
_EN_PERIOD = re.compile(
    r"\b(?:for|in|during|over|of)\s+(?:the\s+)?(?:(?:first|second|third|fourth|full|fiscal|"
    r"last|prior|same|current|latest)\s+)+(?:year|quarter|half|period|month)s?\b"
    r"|\b(?:for|in|during)\s+(?:the\s+)?(?:fiscal\s+)?(?:year|quarter)\s*$"
    r"|\b(?:for|in|during|over)\s+the\s+[A-Z][a-z]{2,8}\s?[-–]\s?[A-Z][a-z]{2,8}\s+"
    r"(?:period|quarter|months?)\b",  # operating profit for the April-June period
    re.I,
)


def verbish(word: str) -> bool:
    """A verb form (not a hyphenated adjective nor a capitalised name)."""
    w = word.strip(",.;:")
    if w.lower() in OBJECT_VERBS:
        return True
    return w.islower() and "-" not in w and len(w) > 4 and w.endswith(("ed", "ing"))


def _adverb(word: str) -> bool:
    return word.islower() and len(word) > 4 and word.endswith("ly")


def noun_phrase(text: str, limit: int = 6) -> str | None:
    """The noun phrase ``text`` starts with: up to a stop word, without determiners."""
    words: list[str] = []
    for word in text.split():
        if word.lower() in NP_STOP or word.startswith(("--", "—", "–")):
            break
        words.append(word)
        if len(words) >= limit:
            break
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    while words and (words[-1].lower() in lx.EN_FUNCTION or words[-1].lower() in DETERMINERS):
        words.pop()
    return " ".join(words) or None


# the words of a comparison's time that end the clause before ``and`` (year to year and …)
_WHEN = frozenset(
    {
        "year",
        "to",
        "over",
        "on",
        "ago",
        "a",
        "the",
        "from",
        "prior",
        "last",
        "previous",
        "sequentially",
        "quarter",
        "period",
        "year-over-year",
        "year-on-year",
        "year-to-year",
        "basis",
        "compared",
        "with",
    }
)


def strip_lead(words: list[str]) -> list[str]:
    """Drop a clause's lead-in that is no noun: ``compared to``, ``primarily driven by``,
    ``versus``; and a verb followed by a determiner (``price implied a value`` → ``value``)."""
    out = list(words)
    while True:
        while out and _adverb(out[0]):
            out.pop(0)
        if len(out) >= 2 and verbish(out[0]) and out[1].lower() in PARTICIPLE_LINK:
            out = out[2:]
            continue
        if out and out[0].lower().rstrip(".") in ("versus", "vs", "as", "but", "yet", "whereas"):
            out.pop(0)
            continue
        if len(out) >= 3 and out[0].lower() in ("both", "either", "neither"):
            out.pop(0)  # Both the unemployment rate, at 3.5 percent, and …: the noun after it
            continue
        if len(out) >= 2 and (out[0].lower(), out[1].lower()) in CAUSAL:
            out = out[2:]  # primarily due to our net income of $0.9 billion
            continue
        if out and out[0].lower() in DETERMINERS and len(out) > 1:
            out.pop(0)
            continue
        joint = next((j for j, w in enumerate(out[:6]) if w.lower() == "and"), None)
        if joint and joint + 1 < len(out) and all(w.lower() in _WHEN for w in out[:joint]):
            out = out[joint + 1 :]  # (grew 5 percent) year to year and consumer revenue
            continue
        break
    for j in range(len(out) - 2, -1, -1):
        if out[j].lower() in ("including", "excluding") and j:
            return out[:j]  # revenue including the share of joint ventures: revenue
        if verbish(out[j]) and out[j + 1].lower() in DETERMINERS and j + 2 < len(out):
            rest = out[j + 2 :]
            if PERIODISH.search(" ".join(rest)):
                break  # ended the first quarter at $46.7 billion: a period, no noun
            return rest
    return out


def verb_only(words: list[str]) -> bool:
    """Words that name no thing: pronouns, adverbs and verbs (``we enthusiastically spent``)."""
    return bool(words) and all(
        w.lower() in PRONOUNS or _adverb(w) or verbish(w) or w.lower() in lx.EN_FUNCTION
        for w in words
    )


def ends_with_verb(words: list[str]) -> bool:
    """The words end with a verb whose object is the number (``… by spending``); not a noun
    in -ing after its modifier (``Net borrowing``, ``consumer spending``)."""
    if not words or not verbish(words[-1]):
        return False
    if len(words) >= 2 and words[-1].lower().endswith("ing"):
        before = words[-2].lower()
        return (
            before in PRONOUNS
            or before in lx.EN_FUNCTION
            or before in EN_VERBS
            or _adverb(before)
            or verbish(before)
        )
    return True


def refers_back(words: list[str]) -> bool:
    """``At quarter end these``: the words point at a thing named before (no subject here)."""
    return bool(words) and words[-1].lower() in REFERRING


def comma_segments(text: str) -> list[str]:
    """``text`` split at its commas (not those inside a number), asides in brackets blanked."""
    return _COMMA.split(PAREN.sub(" ", text))


_COMMA = re.compile(r"(?<!\d),|,(?!\d)")


def en_words(text: str) -> list[str]:
    """The words of a clause that name a thing: years, edge function words and a verb with
    what follows it dropped (``Operating income for 2022 was`` → Operating income)."""
    words = _EN_PERIOD.sub(" ", _EN_YEAR.sub(" ", text)).split()
    while words and words[-1].lower().strip(".") in lx.EN_FUNCTION:
        words.pop()
    while words and words[0].lower() in lx.EN_FUNCTION:
        words.pop(0)
    for i, w in enumerate(words):
        # Net profit surged to; luxury goods saw slow growth of (not ``…, saw a decrease``)
        if w.lower() in EN_VERBS or (i and w.lower() in MOVE_VERBS | SAW):
            before = words[:i]
            if before and all(x.lower() in LEAD_PRONOUNS for x in before):
                return en_words(" ".join(words[i + 1 :]))  # we had premiums of: the object
            if before and before[-1].lower() in ("we", "they", "he", "she", "i"):
                return []  # At year end we had $4 billion in cash: the object names it
            while before and before[-1].lower() in _BEFORE_VERB:
                before.pop()  # The income tax benefit in (2020) was; Whisky sales also soared
            return before
    if words and words[-1].lower() in ("we", "they", "it", "he", "she", "i"):
        return []  # At year end we (had): the object names what the number is
    while words and words[-1].lower() in _COMPARATIVES:
        words.pop()  # Net debt lower at £20.2m, 7.4% higher at: the move is no part of the name
    if words and words[-1].lower() in MOVE_NOUNS:
        # a substantial increase of £28.4 billion: the move of the sentence's subject; sales
        # increasing by £0.6 billion: the sales
        rest = words[:-1]
        # Sales for the company also experienced a notable increase: the words before the verb
        verb = next((i for i, w in enumerate(rest) if i and verbish(w)), None)
        if verb is not None:
            rest = rest[:verb]
            while rest and rest[-1].lower() in _BEFORE_VERB:
                rest.pop()
        return [] if all(w.lower() in MANNER for w in rest) else rest
    return words


_BEFORE_VERB = lx.EN_FUNCTION | {"also"}
_COMPARATIVES = lx.EN_MOVES - {"flat", "by"}  # the moves a level is stated after (lower at)
