"""Names a sentence opens on or sets apart: its entity (``At Acme, …``), the one segment it
names (``the Frozen Food Products segment``, ``반도체 부문은``), and headings that name a time;
and the entity a fact's subject gets from them or from its section (``with_entity``)."""

from __future__ import annotations

import re

PERIODISH = re.compile(
    r"\b(?:quarter|year|month|fiscal|half|period|week|Q[1-4]|FY\d*|H[12])\b|\d|"
    r"\b(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b",
    re.I,
)
_LEAD_NAME = re.compile(r"^(?:At|For|In|Within)\s+((?:[A-Z][\w&.’'-]*\s){0,3}[A-Z][\w&.’'-]*),")


_PERIOD_HEAD = re.compile(r"(?:[年月季周日]|上半年|下半年|[상하]반기)")


def is_period_name(text: str) -> bool:
    """``Year Ended``, ``月数据``, ``상반기``: a heading that names a time, not a thing."""
    return bool(PERIODISH.search(text) or _PERIOD_HEAD.match(text))


def lead_name(sentence: str) -> str | None:
    """``At Acme, for example, we spent …``: the name a sentence opens on (its entity)."""
    m = _LEAD_NAME.match(sentence.lstrip())
    return m.group(1) if m and not PERIODISH.search(m.group(1)) else None


# what every match of _SEGMENT contains (tests/test_facts_scan_guards.py proves it)
SEGMENT_WORDS = ("segment", "division", "부문", "사업부")
_SEGMENT = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir)\s((?:[A-Za-z][\w&'-]*\s){1,4}?)(segment|division)\b"
    r"|([가-힣A-Za-z]{2,12})\s?(부문|사업부)(?=[은는이가의에\s])"
)


# a fact's own name that names its segment (business segment revenue, 반도체 부문 매출)
_OWN_SEGMENT = re.compile(
    r"^(?:the\s)?((?:[A-Za-z][\w&'-]*\s){1,3}?)(segment|division)\s[a-z]"
    r"|^([가-힣A-Za-z]{2,12})\s?(부문|사업부)\s?[가-힣]"
)


def own_segment(metric: str | None) -> str | None:
    """The segment a fact's metric names where its sentence names several: ``business segment
    revenue`` → ``business segment``."""
    m = _OWN_SEGMENT.match((metric or "").strip())
    if m is None:
        return None
    return " ".join([*(m.group(1) or m.group(3) or "").split(), m.group(2) or m.group(4)])


def segment_name(sentence: str) -> str | None:
    """``in the Frozen Food Products segment``, ``반도체 부문은``: the one segment a sentence
    names (None where it names none or several)."""
    if not any(word in sentence for word in SEGMENT_WORDS):
        return None
    names = {
        " ".join([*(m.group(1) or m.group(3) or "").split(), m.group(2) or m.group(4)])
        for m in _SEGMENT.finditer(sentence)
    }
    names = {n for n in names if not re.match(r"(?i)(?:each|every|both|all|other|same)\b", n)}
    return names.pop() if len(names) == 1 else None


_SPACES = re.compile(r"\s+")


def with_entity(subject: str | None, section: str | None, sentence: str = "") -> str | None:
    """``销量`` under ``甲汽车销售情况 / 5 月数据`` → ``销量 · 甲汽车销售情况``: the sentence's lead
    (``At Acme, …``), else the heading or list item a fact sits under, names the entity the
    subject leaves unnamed (dated, long or already named parts skipped)."""
    return entity_named(subject, section, lead_name(sentence), segment_name(sentence))


def entity_named(
    subject: str | None, section: str | None, lead: str | None, segment: str | None
) -> str | None:
    """``with_entity`` given the name its sentence opens on (``lead_name``) and the one segment it
    names (``segment_name``), read once for all the figures of the sentence."""
    if not subject:
        return subject
    have = _SPACES.sub("", subject).lower()
    if lead and lead.replace(" ", "").lower() not in have:
        return f"{subject} · {lead}"  # At Acme, we spent …: the sentence names its entity
    if segment and not _names_segment(have, segment):
        return f"{subject} · {segment}"  # net sales in the Frozen Food Products segment … volume
    parts = []
    for part in (section or "").split(" / "):
        part = part.strip(" *#")
        key = _SPACES.sub("", part).lower()
        if len(key) < 2 or len(part) > 12 or len(part.split()) > 3 or key in have:
            continue  # a title (AI 산업의 투자 규모와 구조) describes; a name is short
        if part.startswith(("/", "©", "ⓒ")):
            continue  # /통계청, ⓒ News1: a source credit, no entity
        if re.search(r"[\d:：]", part) or is_period_name(part):
            continue  # 5 月数据, Year Ended, 发布时间：…: a period or a dateline, no entity
        parts.append(part)
    return " · ".join([subject, *parts[-2:]])


def _names_segment(have: str, segment: str) -> bool:
    """The subject already names the segment (its name without the word segment)."""
    key = re.sub(r"\s+|segment|division|부문|사업부", "", segment.lower())
    return not key or key in have
