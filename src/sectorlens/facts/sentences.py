"""Sentence ends (ko/zh/en) and what a line break stands for; shared by readers and layout."""

from __future__ import annotations

import re

from sectorlens.facts import lexicon as lx
from sectorlens.facts.dateline import dateline_end

CLOSERS = "\"'”’」』)）]"
# A candidate end: CJK/full stops always; '.', '!' or '?' before a space, a closer or the end; a
# Korean '다.' (or any Hangul + '.') followed by a non-digit even without a space (text whose
# spaces were lost); a Chinese sentence ended by a '.' after a Han character, a percent sign or a
# closer and followed by a Han character (``增长8.3%.按经营单位所在地分``: lines joined without
# a space, since Chinese needs none).
_END = re.compile(
    r"[。！？]+"
    r"|[.!?]+(?=\s|[\"'”’」』)）\]]|$)"
    r"|(?<=[가-힣])\.(?=[^\d\s.])"
    r"|(?<=[\u4e00-\u9fff%％)）])\.(?=[\u4e00-\u9fff])"
)
_WORD_BEFORE = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` as (start, end) without edge spaces; never inside ``3.5``."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = dateline_end(text) or 0
    if start:
        spans.append((0, start))
    for m in _END.finditer(text, start):
        end = m.end()
        if end <= start:
            continue
        if m.group(0) == "." and not _ends_sentence(text, start, m.start()):
            continue
        while end < n and text[end] in CLOSERS:
            end += 1
        spans.append((start, end))
        start = end
    if start < n:
        spans.append((start, n))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# abbreviations whose period ends no sentence (e.g., Inc., Jan., U.S.)
_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "vs", "approx", "no", "nos", "fig", "figs", "inc", "ltd", "co", "corp"}
    | {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep"}
    | {"sept", "oct", "nov", "dec", "est", "u.s", "u.k", "p.a"}
)


def _ends_sentence(text: str, start: int, dot: int) -> bool:
    """False for a '.' after an abbreviation, an initial or a list number (``3.`` at the start)."""
    word = _WORD_BEFORE.search(text, max(start, dot - 40), dot)
    token = word.group(1).lower().lstrip("([{\"'“‘（") if word else ""
    if token in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha() and token.isascii():
        return False
    return not (token.isdigit() and len(token) <= 2 and not text[start:dot].strip(token).strip())


def joiner(prev: str, nxt: str) -> str:
    """What a line break between ``prev`` and ``nxt`` stands for: a space or nothing."""
    if not prev or not nxt:
        return ""
    if prev[-1].isspace():
        return " "
    a, b = prev[-1], nxt[0]
    if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
        return " "
    if ((a.isascii() and a.isalnum()) or a in "%$") and b in "$€£¥₩(\"'“‘#&+":
        return " "  # compared to / $111.2 million: a word and an amount
    if a == "%" and b.isascii() and b.isalnum():
        return " "
    if a in ",;:)]}»”’" and not is_cjk(b):
        return " "
    if a in ".!?" and b.isalpha() and not is_cjk(b):
        return " "  # 'last year.' / 'Revenue grew': a sentence ends at the line break
    if a in ".!?" and len(prev) > 1 and lx.HANGUL.match(prev[-2]) and not b.isspace():
        return " "  # '나왔다.' / '10일 …': a Korean sentence ends at the line break
    if a in ",;:.!?" and is_cjk(b):
        return " " if lx.HANGUL.match(b) else ""
    return ""


def is_cjk(ch: str) -> bool:
    """True for a Hangul or Han character."""
    return bool(lx.HANGUL.match(ch) or lx.HAN.match(ch))
