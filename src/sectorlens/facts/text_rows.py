"""Rows of a plain-text table in the shapes PDF-to-text gives them: a row label on a line of its
own with its figures on the next line (``Ⅰ.유동자산`` / ``220,920 179,223``), a label cut at the
end of its line (``Depreciation, amortisation and`` / ``impairment losses (410) (395)``), and a
note column between the label and the figures (``재고자산 7 59,740 78,883``: note 7).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sectorlens.facts import lexicon as lx
from sectorlens.facts.tables import is_number
from sectorlens.facts.text_cells import NIL

_TOKEN = re.compile(r"\S+")
_YEARISH = re.compile(r"^[(（]?(?:FY\s?)?(?:19|20)\d{2}")
_LABEL_MAX_CHARS = 40
_NOTE_HEAD = re.compile(r"^(?:주석|notes?|附注|注释|註釋)$", re.I)
_NOTE_REF = re.compile(r"^\d{1,2}(?:[,、]\d{1,2})*$")  # 7, 5,6 (no thousands: 5,600)
# a note in the label's words: 五、35, 七.1 (the chapter of the notes, then the note)
_WORDED_NOTE = re.compile(r"^[一二三四五六七八九十]+[、.]\d{1,2}(?:[、.]\d{1,2})?$")
_AMOUNT = re.compile(r"\d[\d,.]{3,}")
_MIN_NOTE_ROWS = 3


def _label_line(text: str) -> bool:
    """A line of words only, short, no sentence: a row label set on a line of its own."""
    body = " ".join(_TOKEN.findall(text))
    if not body or len(body) > _LABEL_MAX_CHARS or body.endswith((*lx.TERMINAL, ":", "：")):
        return False
    return any(c.isalpha() for c in body) and not any(ch.isdigit() for ch in body)


def _figure_line(text: str) -> bool:
    """A line of two figures or more and nothing else, none of them a year."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < 2 or any(_YEARISH.match(t) and len(t) <= 6 for t in tokens):
        return False
    return all(t in NIL or is_number(t) for t in tokens) and any(is_number(t) for t in tokens)


# a label cut short at the end of its line: Depreciation, amortisation and / impairment (410)
_CUT = re.compile(
    r"(?:[,&/-]|\b(?:and|or|of|for|from|to|in|on|the|before|after|net|attributable))$", re.I
)


def _continued(line: str, nxt: str) -> bool:
    """True where ``nxt`` goes on with the row ``line`` opens: its figures alone, or the rest
    of its label and its figures where the label was cut at a word that needs more (``and``,
    ``of``, a comma) and the next line goes on in lower case."""
    if _figure_line(nxt):
        return True
    tokens = _TOKEN.findall(nxt)
    if len(tokens) < 3 or not all(is_number(t) or t in NIL for t in tokens[-2:]):
        return False
    return bool(_CUT.search(line.rstrip())) and tokens[0][:1].islower()


def joined_rows(lines: Sequence[str]) -> tuple[list[str], list[int]]:
    """``lines`` with every label line joined to the figure line right below it, and where each
    resulting line starts among ``lines`` (one more entry: the end)."""
    out: list[str] = []
    at: list[int] = []
    n = 0
    while n < len(lines):
        at.append(n)
        if n + 1 < len(lines) and _label_line(lines[n]) and _continued(lines[n], lines[n + 1]):
            out.append(f"{lines[n].rstrip()} {lines[n + 1].strip()}")
            n += 2
        else:
            out.append(lines[n])
            n += 1
    at.append(len(lines))
    return out, at


Row = tuple[str, list[str]] | None


def squeezed(words: Sequence[str]) -> str:
    """A label's words joined; a Korean label set letter by letter to fill its cell
    (``자  산  총  계``) is one word again (``자산총계``)."""
    if len(words) >= 2 and all(len(w) == 1 and "가" <= w <= "힣" for w in words):
        return "".join(words)
    return " ".join(words)


def drop_notes(lines: Sequence[str], rows: list[Row]) -> list[Row]:
    """Rows without their note column: the first figure of every row one figure wider than
    others, where each such row's first figure is a note number (``7``) before amounts and the
    header names the column (주석, Note, 附注) or two rows or more have no note."""
    named = any(_NOTE_HEAD.match(t) for line in lines for t in _TOKEN.findall(line))
    if named:
        rows = [_unnoted(r) for r in rows]
    widths = {len(r[1]) for r in rows if r is not None}
    for w in sorted(widths, reverse=True):
        wide = [r for r in rows if r is not None and len(r[1]) == w]
        narrow = sum(1 for r in rows if r is not None and len(r[1]) == w - 1)
        if w < 3 or len(wide) < _MIN_NOTE_ROWS or not (named or narrow >= 2):
            continue
        if all(_NOTE_REF.match(r[1][0]) and _amounts(r[1][1:]) for r in wide):
            return [(r[0], r[1][1:]) if r is not None and len(r[1]) == w else r for r in rows]
    return rows


def _unnoted(row: Row) -> Row:
    """A row without the note its label ends with (``营业总收入 五、35`` → ``营业总收入``)."""
    if row is None:
        return None
    words = row[0].split()
    if len(words) >= 2 and _WORDED_NOTE.match(words[-1]):
        return " ".join(words[:-1]), row[1]
    return row


def _amounts(cells: Sequence[str]) -> bool:
    """True for cells that are amounts (``59,740,605,303``) or dashes only."""
    return all(_AMOUNT.match(x) or x in NIL for x in cells)


__all__ = ["drop_notes", "joined_rows", "squeezed"]
