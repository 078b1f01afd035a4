"""One change stated twice with opposite directions (``decreased by 13%`` in the text, ``13.0`` in
the table's change column).

The relation: a sentence and a table cell stating a change of the same period and the same size
as written, the sentence's clause naming most of the table row's words. (Two sentences are not
paired: two items of a report may well move by the same size in opposite directions.)
Where one says the figure went up and the other that it went down, one of them is wrong: a
warning (the pairing is inferred from the words, the period and the size).
"""

from __future__ import annotations

import re
from decimal import Decimal

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, finding, point
from sectorlens.facts.rules.moves import CLAUSE, direction_word
from sectorlens.model import Finding, Kind, Severity

RULE = "restated.direction"
_UP = re.compile(rf"(?:{lx.TREND_UP})|(?:{lx.HEADLINE_UP})|\b(?:up|higher|gain(?:ed)?)\b", re.I)
_DOWN = re.compile(rf"(?:{lx.TREND_DOWN})|(?:{lx.HEADLINE_DOWN})|\b(?:down|lower|loss)\b", re.I)
_LEAD_END = re.compile(rf"[…⋯]|{CLAUSE.pattern}", re.I)  # (a headline's ellipsis too)
_STOP = frozenset(
    ["the", "and", "of", "our", "both", "for", "in", "from", "with", "annual", "percentage"]
)
_STOP |= frozenset(["change", "changes", "growth", "increase", "decrease", "rate", "total"])
_STOP |= frozenset(["increased", "decreased", "rose", "fell", "grew", "by", "was", "were", "year"])
_WHY = "a change in the text and in a table: same period and size, the row named in the clause"
_TEXTS = {
    "ko": "{what}의 {period} 변화가 한 곳에서는 {a}, 다른 곳에서는 {b}입니다.",
    "en": "The {period} change of {what} is {a} in one place and {b} in another.",
}


def check(ctx: Context) -> list[Finding]:
    """Pairs of stated changes that agree in size but not in direction."""
    changes = [c for m in ctx.extraction.mentions if (c := _change(ctx, m)) is not None]
    out = []
    for i, (a, da, wa) in enumerate(changes):
        for b, db, wb in changes[i + 1 :]:
            if da * db >= 0:
                continue
            if not (_paired(a, b) and _same_words(a, wa, wb)) and not _twice_in_prose(a, b, wa, wb):
                continue
            words = {
                "what": a.metric or b.metric or "?",
                "period": ctx.period(a.fact.period),
                "a": _signed(a, da),
                "b": _signed(b, db),
            }
            values = [point(a.fact.quantity), point(b.fact.quantity)]
            message = ctx.say(_TEXTS, **words)
            out.append(finding(RULE, Severity.WARNING, message, [a, b], values, why=_WHY))
    return out


def _change(ctx: Context, m: Mention) -> tuple[Mention, int, frozenset[str]] | None:
    """A stated change with its direction (+1, -1) and its metric's words."""
    q = m.fact.quantity
    v = point(q)
    if q.kind is not Kind.PERCENT or v is None or v == 0:
        return None
    sent = ctx.extraction.sentence(m)
    moved = sent is not None and direction_word(sent.text, m.local[0], m.local[1], 12) is not None
    if m.change not in ("change", "yoy") and not (m.cell is None and moved):
        return None  # a rate with no change word next to it (14.4% 뛰며 has one)
    if m.estimate or (m.fact.period is None and m.cell is not None):
        return None
    if m.fact.period is not None and m.period_source in ("reference", None):
        return None
    about = m.metric or m.fact.subject or ""
    if m.cell is not None:
        direction = 1 if v > 0 else -1
        if not about:  # a cell without a metric: its row's label names what changed
            block, row, col = m.cell
            table = ctx.extraction.document.blocks[block].table
            about = table.row_label(row, col) if table is not None else ""
    else:
        if sent is None:
            return None
        direction = -1 if v < 0 else _word(sent.text, m.local[0], m.local[1])
        if direction == 0:
            way = direction_word(sent.text, m.local[0], m.local[1], 12)
            direction = 0 if way is None else 1 if way == "up" else -1
        if direction == 0:
            return None
        clause = re.split(r"[,，;；。]", sent.text[max(0, m.local[0] - 120) : m.local[0]])[-1]
        about = f"{about} {clause}"  # the clause names what changed (its subject may be cut)
    return m, direction, _words(about) - _STOP


def _words(text: str) -> frozenset[str]:
    """Latin words (without plural s) and CJK character pairs of ``text``."""
    text = text.lower()
    words = {
        w[:-1] if len(w) > 3 and w.endswith("s") else w
        for w in re.findall(r"[a-z][a-z-]{2,}", text)
    }
    for chunk in re.sub(r"[^\u4e00-\u9fff\uac00-\ud7a3]", " ", text).split():
        words |= {chunk[i : i + 2] for i in range(len(chunk) - 1)}
    return frozenset(words)


def _word(text: str, start: int, end: int) -> int:
    """The direction the word right before the number (or right after it) gives."""
    # a headline's ellipsis ends a statement: 수출 소폭 감소…일평균 수출은 11.2% 증가
    # (and a contrast: 11.1% 감소한 반면 온라인 광고는 14.9% 성장)
    lead = _LEAD_END.split(text[max(0, start - 24) : start])[-1]
    ups, downs = list(_UP.finditer(lead)), list(_DOWN.finditer(lead))
    if ups or downs:
        last_up = ups[-1].end() if ups else -1
        last_down = downs[-1].end() if downs else -1
        return 1 if last_up > last_down else -1
    tail = re.split(r"[,，;；…⋯]", text[end : end + 10])[0]
    if _UP.search(tail) and not _DOWN.search(tail):
        return 1
    if _DOWN.search(tail) and not _UP.search(tail):
        return -1
    return 0


def _same_words(a: Mention, wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Most of the table row's words (at least two, or its one word) are in the sentence's
    clause."""
    cell, prose = (wa, wb) if a.cell is not None else (wb, wa)
    shared = cell & prose
    return len(shared) >= min(2, len(cell)) > 0 and len(shared) >= Decimal("0.6") * len(cell)


def _twice_in_prose(a: Mention, b: Mention, wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Two sentences stating one change: the same size written with three digits or more
    (``28.4%``: two items rarely move by exactly that much), the same period or none, and
    a word of what moved in common (a headline and its body, a summary and its section)."""
    if a.cell is not None or b.cell is not None or a.sentence == b.sentence:
        return False
    if None not in (a.fact.period, b.fact.period) and a.fact.period != b.fact.period:
        return False
    ta, tb = a.fact.quantity.input, b.fact.quantity.input
    digits = re.sub(r"\D", "", ta)
    if re.sub(r"[^\d.]", "", ta) != re.sub(r"[^\d.]", "", tb) or len(digits.strip("0")) < 3:
        return False
    return bool(wa & wb)


def _paired(a: Mention, b: Mention) -> bool:
    """A sentence and a table cell, the same period, the same size as written."""
    if (a.cell is None) == (b.cell is None):
        return False  # two sentences: two items may well move by the same size
    if a.sentence is not None and a.sentence == b.sentence:
        return False
    if a.fact.period != b.fact.period:
        return False
    va, vb = point(a.fact.quantity), point(b.fact.quantity)
    assert va is not None and vb is not None
    return abs(va) == abs(vb) and abs(va).normalize() != Decimal(0)


def _signed(m: Mention, direction: int) -> str:
    v = abs(point(m.fact.quantity) or Decimal(0))
    return f"{'+' if direction > 0 else '-'}{v.normalize():f}%"
