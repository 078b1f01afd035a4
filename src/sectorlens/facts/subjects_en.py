"""The English noun phrase a number measures: before it (``Operating income was $2.1 billion``),
or after it where the words before are a verb (``used $3 billion of cash``, ``a 12% increase in
Cloud segment revenue``, ``spent $40 million last year on research``)."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.places_en import place_of_previous
from sectorlens.facts.sentence_names import PERIODISH
from sectorlens.facts.subjects_en_words import (
    A_MOVE_OF,
    CAUSAL,
    DETERMINERS,
    EN_LINKS,
    EN_VERBS,
    EXPERIENCING,
    HOLDER_MOVED_BY,
    HOLDER_SAW,
    LEAD_PRONOUNS,
    MANNER,
    MOVE_NOUNS,
    MOVE_VERBS,
    NP_STOP,
    OBJECT_VERBS,
    PART_OF_WHOLE,
    PARTICIPLE_LINK,
    PRONOUNS,
    REFERRING,
    SAW,
)
from sectorlens.facts.subjects_zh import PAREN

# A change stated as a noun right after the number: the subject is what changed.
_CHANGE_IN = re.compile(
    r"^\s*(?:percentage[-\s]points?\s|points?\s)?(?:year[-\s]over[-\s]year\s)?"
    r"(?:increase|decrease|growth|decline|rise|drop|gain|reduction|improvement|jump|fall)s?"
    r"\s+in\s+(?:the\s+|our\s+|its\s+|their\s+)?(?P<np>[A-Za-z][^,.;:()\d]{0,80})",
    re.I,
)
# The object of a verb that ends the words before the number: spent $N (last year) on X.
_OBJECT = re.compile(
    r"^\s*(?:(?:last|this|next)\s+year\s+|in\s+(?:19|20)\d{2}\s+)?(?:of|on|in|for)\s+"
    r"(?:the\s+|our\s+|its\s+|their\s+)?(?P<np>[A-Za-z][^,.;:()\d]{0,80})",
    re.I,
)

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


def _verbish(word: str) -> bool:
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
        if len(out) >= 2 and _verbish(out[0]) and out[1].lower() in PARTICIPLE_LINK:
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
        if _verbish(out[j]) and out[j + 1].lower() in DETERMINERS and j + 2 < len(out):
            rest = out[j + 2 :]
            if PERIODISH.search(" ".join(rest)):
                break  # ended the first quarter at $46.7 billion: a period, no noun
            return rest
    return out


def verb_only(words: list[str]) -> bool:
    """Words that name no thing: pronouns, adverbs and verbs (``we enthusiastically spent``)."""
    return bool(words) and all(
        w.lower() in PRONOUNS or _adverb(w) or _verbish(w) or w.lower() in lx.EN_FUNCTION
        for w in words
    )


def ends_with_verb(words: list[str]) -> bool:
    """The words end with a verb whose object is the number (``… by spending``); not a noun
    in -ing after its modifier (``Net borrowing``, ``consumer spending``)."""
    if not words or not _verbish(words[-1]):
        return False
    if len(words) >= 2 and words[-1].lower().endswith("ing"):
        before = words[-2].lower()
        return (
            before in PRONOUNS
            or before in lx.EN_FUNCTION
            or before in EN_VERBS
            or _adverb(before)
            or _verbish(before)
        )
    return True


def refers_back(words: list[str]) -> bool:
    """``At quarter end these``: the words point at a thing named before (no subject here)."""
    return bool(words) and words[-1].lower() in REFERRING


_COUNTED = re.compile(r"^\s+(?P<np>[a-z][a-z-]+(?:\s[a-z][a-z-]+){0,3})")


def counted_thing(after: str) -> str | None:
    """``sold 12,345 new contracts at …`` → ``new policies`` (the noun a count counts)."""
    m = _COUNTED.match(after)
    return noun_phrase(m.group("np"), 4) if m else None


def _owner(holder: re.Match[str] | None) -> str | None:
    """The words of the holder a clause names before its verb (``Asia-Pacific airlines``)."""
    if holder is None:
        return None
    return " ".join(en_words(" ".join(strip_lead(holder.group(1).split())))) or None


def changed_thing(after: str) -> str | None:
    """``a 12% increase in Cloud segment revenue`` → ``Cloud segment revenue``."""
    m = _CHANGE_IN.match(after)
    return noun_phrase(m.group("np")) if m else None


_WORDS = r"[A-Za-z][\w&'-]*(?:\s[A-Za-z][\w&'-]*){0,5}"
_LIST_REST = re.compile(rf"^(?:\s*,\s*(?!and\b|which\b){_WORDS}){{0,4}},?\s+and\s+{_WORDS}")


def object_after(after: str) -> str | None:
    """``$3 billion of cash`` → ``cash``; ``$40 million last year on research``."""
    m = _OBJECT.match(after)
    if m is None:
        return None
    np = noun_phrase(m.group("np"))
    if not np or PERIODISH.search(np):
        return None  # in the first quarter
    rest = after[m.end("np") :]
    if re.match(r"^\s*,\s*[A-Za-z]", rest) and m.group("np").strip() == np:
        listed = _LIST_REST.match(rest)
        if listed is None:
            return None  # one amount of several things, not all of them named here
        return (np + listed.group(0)).strip()  # $26 billion in cash, … and securities
    return np


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
        verb = next((i for i, w in enumerate(rest) if i and _verbish(w)), None)
        if verb is not None:
            rest = rest[:verb]
            while rest and rest[-1].lower() in _BEFORE_VERB:
                rest.pop()
        return [] if all(w.lower() in MANNER for w in rest) else rest
    return words


_BEFORE_VERB = lx.EN_FUNCTION | {"also"}
_COMPARATIVES = lx.EN_MOVES - {"flat", "by"}  # the moves a level is stated after (lower at)


# …, marking a 12 percent rise; …, bringing the total to: a participle of result, whose figure
# is the main clause's (not including, excluding: prepositions that name a figure of their own)
_PARTICIPLE = re.compile(
    r"\s*(?:thus\s)?(?:marking|representing|reflecting|reaching|bringing|taking|pushing|lifting|"
    r"putting|making|amounting\sto|total(?:l)?ing)\s(?:an?\s)?",
    re.I,
)
# $230.9 million in fiscal year 2022 compared to $197.3 million: the compared figure, after the
# period of the one before it, is of the same subject
_PERIOD_THEN_AGAINST = re.compile(
    r"\s*(?:in|for|during|at)\s(?:the\s)?(?:(?:fiscal|first|second|third|fourth|full)\s)*"
    r"(?:year|quarter|half|FY)?\s?(?:(?:19|20)\d{2})?\s?,?\s?"
    r"(?:against|versus|vs\.?|compared\s(?:with|to))\s*",
    re.I,
)


_OF_AFTER = re.compile(r"^\s*of\s+(?:the\s+)?((?:[A-Za-z][\w-]*\s?){1,4})")
_COMMA_AFTER = re.compile(r"^\s?,")


_EARLIER_MOVE = re.compile(r"\b(?:following|after|on\s+the\s+heels\s+of)\s+an?\s*$", re.I)


def subject_en(
    sentence: str, start: int, end: int, floor: int, kind: str, clause: str
) -> tuple[str | None, str | None]:
    """(subject, base) of the English quantity at ``sentence[start:end]``; ``clause`` is the
    text before it since the last clause boundary."""
    after = sentence[end:]
    base = None
    mb = _OF_AFTER.match(after)
    if mb:
        kept = [w for w in mb.group(1).split() if w.lower() not in lx.EN_FUNCTION]
        base = " ".join(kept[:3]) or None
        if base is not None and PERIODISH.search(base):
            base = None  # $441.3 billion of last quarter: a period, not a whole
    part = PART_OF_WHOLE.match(after)
    if part and not en_words(" ".join(strip_lead(clause.strip(" -–•·*").split()))):
        # 71% (£103.3bn) of sales from businesses in Wales were goods: the part, of that whole
        return part.group("part"), part.group("whole")
    owner = _owner(HOLDER_MOVED_BY.search(clause))
    if owner:
        # the manufacture of wearing apparel demonstrated a substantial boost of 15% in sales:
        # the sales of the holder named before the verb
        measure = changed_thing(" increase" + after) if after.lstrip().startswith("in ") else None
        return (f"{owner} {measure}" if measure else owner), base
    changed = changed_thing(after)
    if changed:
        # driven by a 12% increase in Cloud segment revenue; Asia-Pacific airlines saw an 80.3%
        # increase in traffic: the traffic of the airlines the clause names
        owner = _owner(HOLDER_SAW.search(clause))
        return (f"{owner} {changed}" if owner else changed), base
    if place_of_previous(clause) or _EARLIER_MOVE.search(clause):
        # … in the euro area and by 1.0% in the EU; rose 6.2% in September following a 5.3%
        # August decline: the sentence's measure
        return None, base
    clause = lx.EN_MANNER.sub(" ", clause)  # at constant exchange rates, on an organic basis
    if (
        base is None
        and _PARTICIPLE.fullmatch(clause)
        and "," in sentence[max(0, floor - 1) : start]
    ):
        return None, base  # …, marking a 12 percent rise: the change of the clause before
    if lx.EN_AGAINST.fullmatch(clause) or _PERIOD_THEN_AGAINST.fullmatch(clause):
        return None, base  # $74.0m against $56.0m: the figure compared, of the same subject
    words = en_words(" ".join(strip_lead(clause.split())))
    if not clause.strip() and _COMMA_AFTER.match(after):
        # the unemployment rate, 3.9 percent, declined: a figure set off as an apposition
        prev = sentence[floor:start].rstrip()
        if prev.endswith(","):
            seg = comma_segments(prev[:-1])[-1]
            seg = re.split(r"\s(?=(?:and|or)\sthe\s)", seg)[-1]  # …persons and the rate, 3.8%
            if re.match(r"^\s*(?:and\s|or\s|both\s)?the\s", seg, re.IGNORECASE):
                words = en_words(" ".join(strip_lead(seg.split())))
    said = [w.lower() for w in clause.split()]
    links_only = bool(said) and not words and all(w in EN_LINKS for w in said)
    moved = any(w in ("was", "were", "is", "are") for w in said) and all(
        w in EN_LINKS or w in lx.EN_MOVES for w in said
    )
    if not moved and said and said[0] in MOVE_VERBS | MOVE_NOUNS and "," in sentence[floor:start]:
        # Sales at general merchandise stores, which include …, rose 3.8 per cent: the verb
        # alone after an aside (or a participle: …, rising by 23.4 percent); the subject is the
        # sentence's, before the aside
        moved = all(w in EN_LINKS or w in lx.EN_MOVES for w in said[1:])
    if (
        said
        and said[0] in EXPERIENCING
        and MOVE_NOUNS.intersection(said)
        and all(w in A_MOVE_OF or w in MANNER or w in MOVE_NOUNS for w in said[1:])
    ):
        # Whisky sales soared, experiencing an impressive uplift of £1.0 billion: the subject
        # of the clause before the participle
        segs = comma_segments(sentence[floor:start])
        lead = strip_lead(segs[-2].split()) if len(segs) > 1 else []
        holder = en_words(" ".join(lead)) if lead and lead[0].lower() not in EN_VERBS else []
        if holder:
            return " ".join(holder[-8:]), base
    if links_only or moved:
        # Operating margin, as a share of sales, was 18%: the sentence's own subject; revenue
        # from forex trading (Non-IDB), was ahead 18.7%: the clause's, before the aside
        segs = comma_segments(sentence[floor:start])
        earlier = [g for g in segs[:-1] if g.strip()]
        head = earlier[0] if earlier and not segs[0].strip() else segs[0]
        head = re.sub(
            r"^\s*(?:while|whereas|and|but)\s", " ", lx.EN_MANNER.sub(" ", head), flags=re.I
        )
        # (Sales … experienced a notable increase: a move after its verb, the words before it)
        words = en_words(" ".join(strip_lead(head.split()))) or en_words(head)
        if len(words) > 5 and "from" in words[1:4]:
            words = words[: words.index("from", 1) + 1 + 4]  # revenue from the online … business
    raw = clause.split()
    ends_verb = bool(raw) and (raw[-1].lower() in EN_VERBS or _verbish(raw[-1]))
    if verb_only(words) or ends_with_verb(words) or (not words and ends_verb):
        obj = object_after(after)
        if obj:
            return obj, base  # used $3 billion of cash; spent $40 million on research
        counted = counted_thing(after) if kind in ("count", "number") else None
        if counted:
            return counted, base  # we sold 12,345 new contracts
        named = re.search(r"[A-Za-z][a-z-]{2,}$", sentence[start:end]) if kind == "count" else None
        if named:
            return named.group(0), base  # the company employed about 29,600 people
    if base and [w.lower() for w in clause.split()] in (["or"], ["and"]):
        return None, base  # $11.3 billion, or 18.6% of revenue: the amount before, as a share
    if refers_back(words):
        return base, base  # At quarter end these totaled …: named in a sentence before
    if len(words) > 8 and "of" in words[:5]:
        words = words[: words.index("of")]  # the per-share book value of each of our … classes
    subject = " ".join(words[-8:]).strip() or None  # amounts payable to the ATMP JV
    return subject or base, base
