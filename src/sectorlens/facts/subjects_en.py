"""The English noun phrase a number measures: before it (``Operating income was $2.1 billion``),
or after it where the words before are a verb (``used $3 billion of cash``, ``a 12% increase in
Cloud segment revenue``, ``spent $40 million last year on research``)."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.places_en import place_of_previous
from sectorlens.facts.sentence_names import PERIODISH
from sectorlens.facts.subjects_en_phrase import (
    comma_segments,
    en_words,
    ends_with_verb,
    noun_phrase,
    refers_back,
    strip_lead,
    verb_only,
    verbish,
)
from sectorlens.facts.subjects_en_words import (
    A_MOVE_OF,
    EN_LINKS,
    EN_VERBS,
    EXPERIENCING,
    HOLDER_MOVED_BY,
    HOLDER_SAW,
    MANNER,
    MOVE_NOUNS,
    MOVE_VERBS,
    PART_OF_WHOLE,
)

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
    ends_verb = bool(raw) and (raw[-1].lower() in EN_VERBS or verbish(raw[-1]))
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
