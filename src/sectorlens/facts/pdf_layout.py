"""PDF page layout from positioned words: lines, segments, page furniture, reading order.

Coordinates are PDF points with y growing down the page (``top`` of the page is 0).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sectorlens.facts import lexicon as lx
from sectorlens.facts.document import Dropped

SEGMENT_GAP = 1.0  # a gap this many font sizes wide splits a line into segments ...
NUMBER_GAP = 0.5  # ... or this wide between two numbers (tight table columns)
MAX_COLUMN_DEPTH = 2  # gutters inside gutters: up to four columns
MIN_COLUMN_SHARE = 0.08  # each column holds at least this share of the page's prose
FURNITURE_ZONE = 0.09  # top and bottom share of the page where headers and footers live
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|·.]*(?:page|p\.|페이지|第)?\s*\d{1,4}\s*(?:(?:/|of|-)\s*\d{1,4})?\s*[页頁쪽]?[\s\-–—|·.]*$",
    re.I,
)
_NUMERIC_WORD = re.compile(r"^[\s$€£¥₩(（\-−–+△▲▽▼]*\d[\d,.]*(?:%|％|p|x|bp|bps)?[)）]?\*?$", re.I)
_DIGITS = re.compile(r"\d+")
_LEADER = re.compile(r"(?:\s*[.…·]){4,}\s*")  # dot leaders between a label and its value


@dataclass(slots=True)
class Word:
    """A run of characters without a gap, with its box, baseline and size."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    top: float
    sup: bool
    space_after: bool = False
    bold: bool = False


@dataclass(slots=True)
class Segment:
    """Part of a line between wide gaps: a column's line or a table cell."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    space_after: bool = False
    bold: bool = False


@dataclass(slots=True)
class Line:
    """The segments on one baseline, left to right."""

    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The line's text, segments separated by spaces."""
        return " ".join(s.text for s in self.segments)

    @property
    def top(self) -> float:
        """Top of the highest segment."""
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> float:
        """Bottom of the lowest segment."""
        return max(s.bottom for s in self.segments)


def _is_numeric(text: str) -> bool:
    return bool(_NUMERIC_WORD.match(text))


def _is_cell(text: str) -> bool:
    """A number or an empty-cell mark (``-``, ``n/a``): table cells set close together."""
    return _is_numeric(text) or text.lower() in _CELL_MARKS


_CELL_MARKS = frozenset({"-", "–", "—", "n/a", "n/m", "na", "nm", "$", "€", "£", "¥", "₩", "%"})


def lines_of(words: Sequence[Word], page: int, dropped: list[Dropped]) -> list[Line]:
    """Words grouped into lines (by baseline), superscripts attached to the word they follow."""
    normal = sorted((w for w in words if not w.sup), key=lambda w: (w.base, w.x0))
    hosts: dict[int, list[Word]] = {}
    for s in (w for w in words if w.sup):
        host = next(
            (
                w
                for w in normal
                if abs(w.x1 - s.x0) < 0.35 * w.size and 0 < w.base - s.base < w.size
            ),
            None,
        )
        if host is None:
            normal.append(s)
            s.sup = False
        else:
            hosts.setdefault(id(host), []).append(s)
            host.x1 = max(host.x1, s.x1)
    normal.sort(key=lambda w: (w.base, w.x0))
    groups: list[list[Word]] = []
    for w in normal:
        if groups and abs(w.base - groups[-1][0].base) <= 0.35 * max(w.size, groups[-1][0].size):
            groups[-1].append(w)
        else:
            groups.append([w])
    lines: list[Line] = []
    for group in groups:
        group.sort(key=lambda w: w.x0)
        line = Line()
        current: list[Word] = []
        for w in group:
            if current:
                prev = current[-1]
                gap = w.x0 - prev.x1
                size = min(w.size, prev.size)
                wide = gap > SEGMENT_GAP * size or (
                    gap > NUMBER_GAP * size and _is_cell(prev.text) and _is_cell(w.text)
                )
                if wide:
                    line.segments.append(_segment(current, hosts, page, dropped))
                    current = []
            current.append(w)
        if current:
            line.segments.append(_segment(current, hosts, page, dropped))
        lines.append(_bullets_joined(line))
    return lines


BULLET = re.compile(
    r"^\s*(?:[•·∙▪▫○●◦■□※◆◇▶►▷➢✓❍\-–*]|[n£qüØ§](?=\s+[^\x00-\x7f])|\d{1,2}[.)]\s|[①-⑳]|[（(]\d{1,2}[)）])"
)


def _bullets_joined(line: Line) -> Line:
    """A bullet set apart from its text by a wide gap starts the segment after it."""
    segs = line.segments
    out: list[Segment] = []
    for seg in segs:
        if (
            out
            and len(out[-1].text) <= 2
            and BULLET.match(out[-1].text + " x")
            and not _is_cell(seg.text)
            and seg.x0 - out[-1].x1 < 3 * seg.size
        ):
            b = out.pop()
            seg = Segment(
                f"{b.text} {seg.text}",
                b.x0,
                seg.x1,
                min(b.top, seg.top),
                seg.bottom,
                seg.size,
                seg.space_after,
                seg.bold,
            )
        out.append(seg)
    line.segments = out
    return line


def _segment(
    words: list[Word], hosts: dict[int, list[Word]], page: int, dropped: list[Dropped]
) -> Segment:
    text = ""
    for i, w in enumerate(words):
        if i:
            prev = words[i - 1]
            han = lx.HAN.match(prev.text[-1]) and lx.HAN.match(w.text[0])
            gap = w.x0 - prev.x1
            if prev.space_after or gap > (0.6 if han else 0.15) * w.size:
                text += " "
        text += w.text
        for s in hosts.get(id(w), ()):
            text = _with_superscript(text, s.text, page, dropped)
    text = _LEADER.sub(" ", text).strip() or text
    return Segment(
        text,
        words[0].x0,
        max(w.x1 for w in words),
        min(w.top for w in words),
        max(w.base for w in words) + 0.2 * max(w.size for w in words),
        max(w.size for w in words),
        words[-1].space_after,
        all(w.bold for w in words),
    )


def _with_superscript(text: str, sup: str, page: int, dropped: list[Dropped]) -> str:
    """``10`` + ``26`` is a power of ten; a digit or symbol after anything else is a mark."""
    if re.search(r"(?:^|[^\d.,])10$", text) and sup.isdigit():
        return f"{text}^{sup}"
    if re.fullmatch(r"[\d,*†‡§)(]+", sup):
        dropped.append(Dropped(sup, "footnote mark", page))
        return text
    return text + sup


def drop_furniture(
    pages: list[list[Line]], sizes: Sequence[tuple[float, float]], dropped: list[Dropped]
) -> list[list[Line]]:
    """Running headers and footers (repeating across pages) and page numbers removed."""
    n = len(pages)
    keys: Counter[tuple[str, str]] = Counter()
    zone_lines: list[list[tuple[Line, str, str]]] = []
    for lines, (_w, height) in zip(pages, sizes, strict=True):
        found = []
        for line in lines[:3]:
            if line.top < FURNITURE_ZONE * height:
                found.append((line, "header", _key(line.text)))
        for line in lines[-3:]:
            if line.bottom > (1 - FURNITURE_ZONE) * height:
                found.append((line, "footer", _key(line.text)))
        zone_lines.append(found)
        for zone, key in {(z, k) for _, z, k in found}:
            keys[(zone, key)] += 1
    need = 3 if n >= 5 else 2
    out: list[list[Line]] = []
    for index, lines in enumerate(pages):
        drop: set[int] = set()
        for line, zone, key in zone_lines[index]:
            text = line.text.strip()
            if _PAGE_NUMBER.match(text):
                dropped.append(Dropped(text, "page number", index + 1))
                drop.add(id(line))
            elif n >= 2 and keys[(zone, key)] >= need:
                dropped.append(Dropped(text, f"running {zone}", index + 1))
                drop.add(id(line))
        out.append([line for line in lines if id(line) not in drop])
    return out


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def columns(
    segments: list[Segment], lo: float, hi: float, depth: int = 0
) -> list[tuple[float, float]]:
    """The x-ranges of the page's columns of prose, left to right (gutters found recursively)."""
    g = gutter(segments, lo, hi) if depth < MAX_COLUMN_DEPTH else None
    if g is None:
        return [(lo, hi)]
    left = [s for s in segments if s.x1 <= g + 2]
    right = [s for s in segments if s.x0 >= g - 2 and s.x1 > g + 2]
    return columns(left, lo, g, depth + 1) + columns(right, g, hi, depth + 1)


def within(lines: list[Line], lo: float, hi: float) -> list[Line]:
    """The lines' segments that lie inside the x-range [lo, hi]."""
    out = []
    for line in lines:
        segs = [s for s in line.segments if s.x0 >= lo - 2 and s.x1 <= hi + 2]
        if segs:
            out.append(Line(segs))
    return out


def reading_order(
    items: list[Any], guide: list[Segment], lo: float, hi: float, depth: int = 0
) -> list[Any]:
    """Segments and tables (objects with top/x0/x1) in reading order, column by column: what
    spans a gutter ends the band above it; inside a band the left column comes first.
    Gutters are looked for among ``guide`` (the page's segments before tables were taken)."""
    items = sorted(items, key=lambda it: (round(it.top, 1), it.x0))
    g = gutter(guide, lo, hi) if depth < MAX_COLUMN_DEPTH else None
    if g is None:
        return items
    out: list[Any] = []
    left: list[Any] = []
    right: list[Any] = []

    guide_left = [s for s in guide if s.x1 <= g + 2]
    guide_right = [s for s in guide if s.x0 >= g - 2 and s.x1 > g + 2]

    def flush() -> None:
        out.extend(reading_order(left, guide_left, lo, g, depth + 1))
        out.extend(reading_order(right, guide_right, g, hi, depth + 1))
        left.clear()
        right.clear()

    for it in items:
        if it.x0 < g - 2 and it.x1 > g + 2:
            flush()
            out.append(it)
        elif (it.x0 + it.x1) / 2 < g:
            left.append(it)
        else:
            right.append(it)
    flush()
    return out


def widest_free(segments: Sequence[Any], lo: float, hi: float) -> float | None:
    """The middle of the widest strip of [lo, hi] no segment (table cells too) lies across."""
    best: tuple[float, float] | None = None
    start: float | None = None
    for step in range(int(lo), int(hi) + 2):
        x = float(step)
        crossed = x > hi or any(s.x0 < x - 1 and s.x1 > x + 1 for s in segments)
        if not crossed and start is None:
            start = x
        elif crossed and start is not None:
            if best is None or x - 1 - start > best[1] - best[0]:
                best = (start, x - 1)
            start = None
    return None if best is None else (best[0] + best[1]) / 2


def gutter_gap(segments: list[Segment], lo: float, hi: float) -> tuple[float, float] | None:
    """The space between two columns of prose inside [lo, hi]: from the right edge of the
    left column's lines to the left edge of the right column's, if there are two columns."""
    g = gutter(segments, lo, hi)
    if g is None:
        return None
    long = [s for s in segments if len(s.text) >= 12 and not _is_numeric(s.text)]
    left = max((s.x1 for s in long if s.x1 <= g + 2), default=g)
    right = min((s.x0 for s in long if s.x0 >= g - 2), default=g)
    return (min(left, g), max(right, g))


def gutter(segments: list[Segment], lo: float, hi: float) -> float | None:
    """The x of a gap between two columns of prose inside [lo, hi], if there is one."""
    long = [s for s in segments if len(s.text) >= 12 and not _is_numeric(s.text)]
    if len(long) < 8:
        return None
    best: tuple[int, float] | None = None
    run: list[float] = []
    width = hi - lo
    for step in range(int(lo + 0.2 * width), int(lo + 0.8 * width), 2):
        x = float(step)
        crossing = sum(1 for s in long if s.x0 < x < s.x1)
        left = sum(1 for s in long if s.x1 <= x)
        right = sum(1 for s in long if s.x0 >= x)
        if left < 4 or right < 4:
            continue
        if best is None or crossing < best[0]:
            best, run = (crossing, x), [x]
        elif crossing == best[0] and run and x - run[-1] <= 2:
            run.append(x)
    if best is None or best[0] > 0.05 * len(long):
        return None
    x = widest_free(segments, run[0], run[-1]) or (run[0] + run[-1]) / 2
    total = sum(len(s.text) for s in long)
    left_chars = sum(len(s.text) for s in long if s.x1 <= x)
    right_chars = sum(len(s.text) for s in long if s.x0 >= x)
    if min(left_chars, right_chars) < MIN_COLUMN_SHARE * total:
        return None  # labels beside a table, not two columns of prose
    return x
