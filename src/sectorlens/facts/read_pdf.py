"""Born-digital PDF into blocks: characters with positions from PDFium, then our own layout.

Characters (text, box, baseline; read by index, ``pdf_chars``) come from ``pypdfium2``
(pdfplumber's renderer; pdfminer's pure-Python parsing is ~10x slower, over the 2 s budget of
a 15-page report). From them:
words (gaps), lines (baselines), segments (lines split at wide gaps), running headers, footers
and page numbers dropped (``pdf_layout``), tables found from aligned numeric segments
(``pdf_tables``), two-column pages read column by column, superscripts kept apart from the
number before them (``10^26``; a footnote mark is dropped and recorded).
"""

from __future__ import annotations

import ctypes
import re
import statistics
from pathlib import Path
from typing import Any

from sectorlens.errors import InputError
from sectorlens.facts import lexicon as lx
from sectorlens.facts.assemble import RawBlock, assemble
from sectorlens.facts.document import BlockKind, Document, Dropped
from sectorlens.facts.pdf_chars import MARKS, SUP_GLYPH, char_at, raised, size_of
from sectorlens.facts.pdf_layout import (
    BULLET,
    Line,
    Segment,
    Word,
    columns,
    drop_furniture,
    gutter_gap,
    lines_of,
    reading_order,
    within,
)
from sectorlens.facts.pdf_tables import PageTable, find_tables, read_across
from sectorlens.facts.sentences import joiner

MAX_PAGES = 2000
BOLD_WEIGHT = 600
_BOLD_NAME = re.compile(rb"Bold|Black|Heavy|Semibold|SemiBold|Demi|,B\b|-B\b", re.I)
SUP_RATIO = 0.8  # a character this much smaller than the one before it ...
SUP_RAISE = 0.15  # ... and raised by this share of that one's size is a superscript


def read_pdf(p: Path) -> Document:
    """Blocks of a born-digital PDF; InputError for unreadable, encrypted or scanned files."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(p))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise InputError(f"{p}: the PDF is encrypted; decrypt it first") from exc
        raise InputError(f"{p}: not a readable PDF ({message})") from exc
    try:
        n_pages = len(pdf)
        if n_pages > MAX_PAGES:
            raise InputError(f"{p}: {n_pages} pages is more than the {MAX_PAGES} read")
        pages: list[list[Word]] = []
        sizes: list[tuple[float, float]] = []
        for index in range(n_pages):
            page = pdf[index]
            try:
                sizes.append((page.get_width(), page.get_height()))
                pages.append(_words(page, sizes[-1][1]))
            finally:
                page.close()
    finally:
        pdf.close()
    if not any(pages):
        raise InputError(f"{p}: the PDF has no text layer (a scan?); run OCR first")
    dropped: list[Dropped] = []
    page_lines = [lines_of(words, i + 1, dropped) for i, words in enumerate(pages)]
    page_lines = drop_furniture(page_lines, sizes, dropped)
    body = _body_size(page_lines)
    raw: list[RawBlock] = []
    for index, lines in enumerate(page_lines):
        width = sizes[index][0]
        # Tables over whole lines first (a row holds no run of prose), then columns of prose
        # among what is left, and tables inside each column.
        tables, used = find_tables(lines)
        gap = gutter_gap([s for ln in lines for s in ln.segments], 0.0, width)
        if gap is not None:
            # lines of two columns read across the gutter are read column by column
            apart = [t for t in tables if read_across(t, gap)]
            tables = [t for t in tables if t not in apart]
            for t in apart:
                used -= t.ids
        rest_lines = [Line([s for s in ln.segments if id(s) not in used]) for ln in lines]
        rest_lines = [ln for ln in rest_lines if ln.segments]
        guide = [s for ln in rest_lines for s in ln.segments]
        leaves = columns(guide, 0.0, width)
        if len(leaves) > 1:
            for lo, hi in leaves:
                more, more_used = find_tables(within(rest_lines, lo, hi))
                tables.extend(more)
                used |= more_used
        rest = [s for ln in rest_lines for s in ln.segments if id(s) not in used]
        items = reading_order([*rest, *tables], guide, 0.0, width)
        raw.extend(_blocks(items, index + 1, body, sizes[index][1]))
    return assemble(_merge_across_pages(raw), str(p), "pdf", pages=n_pages, dropped=dropped)


def _words(page: Any, height: float) -> list[Word]:
    """Words in content order: runs of characters on one baseline without a wide gap."""
    import pypdfium2.raw as raw

    tp = page.get_textpage()
    try:
        count = tp.count_chars()
        if count <= 0:
            return []
        x, y = ctypes.c_double(), ctypes.c_double()
        px, py = ctypes.byref(x), ctypes.byref(y)
        rect = raw.FS_RECTF()
        prect = ctypes.byref(rect)
        handle = tp.raw  # the raw FPDF_TEXTPAGE: one ctypes call per value, no wrapper
        font = ctypes.create_string_buffer(128)
        flags = ctypes.byref(ctypes.c_int())
        words: list[Word] = []
        cur: Word | None = None
        held: Word | None = None  # the word before a generated line break
        for i in range(count):
            ch = char_at(handle, i, count)
            if not ch:
                continue  # a glyph without a character (or a surrogate's second half)
            if ch in "\x02\ufffe\u00ad":  # PDFium's mark for a hyphen at a line end
                ch = "-"
            if ch.isspace() or ord(ch) < 32 or raw.FPDFText_IsGenerated(handle, i) == 1:
                if cur is not None and ch == " ":
                    cur.space_after = True
                # a break PDFium made up (a raised mark reads as a new line) keeps the word
                # before it for the superscript test; a space in the text does not
                held = (cur or held) if raw.FPDFText_IsGenerated(handle, i) == 1 else None
                cur = None
                continue
            raw.FPDFText_GetLooseCharBox(handle, i, prect)
            left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
            raw.FPDFText_GetCharOrigin(handle, i, px, py)
            size = size_of(top - bottom, raw.FPDFText_GetFontSize(handle, i))
            base = height - y.value
            if ch in MARKS:
                lift = raised(handle, i, y.value, size)
                if lift:  # a superscript glyph at full size (OpenType sups): its ink is high
                    base -= lift
                    size *= SUP_GLYPH
            x0 = min(left, x.value)
            if cur is None and held is not None and not held.sup:
                gap = x0 - held.x1
                if (
                    size < SUP_RATIO * held.size
                    and held.base - base > SUP_RAISE * held.size
                    and -0.3 * held.size < gap < 0.3 * held.size
                ):
                    cur = Word(ch, x0, right, base, size, height - top, True, False, held.bold)
                    words.append(cur)
                    held = None
                    continue
            held = None
            if cur is not None:
                gap = x0 - cur.x1
                same_line = abs(base - cur.base) < 0.3 * cur.size
                sup = (
                    size < SUP_RATIO * cur.size
                    and cur.base - base > SUP_RAISE * cur.size
                    and -0.3 * cur.size < gap < 0.3 * cur.size
                )
                back = cur.sup and size > cur.size / SUP_RATIO and base - cur.base > 0
                if sup and not cur.sup:
                    cur = Word(ch, x0, right, base, size, height - top, True, False, cur.bold)
                    words.append(cur)
                    continue
                if same_line and -0.5 * cur.size < gap < 0.25 * cur.size and not back:
                    cur.text += ch
                    cur.x1 = max(cur.x1, right)
                    continue
            bold = raw.FPDFText_GetFontWeight(handle, i) >= BOLD_WEIGHT or (
                raw.FPDFText_GetFontInfo(handle, i, font, len(font), flags) > 0
                and _BOLD_NAME.search(font.value) is not None
            )
            cur = Word(ch, x0, right, base, size, height - top, False, False, bold)
            words.append(cur)
        return words
    finally:
        tp.close()


def _body_size(pages: list[list[Any]]) -> float:
    sizes = [round(s.size, 1) for lines in pages for line in lines for s in line.segments]
    weights = [
        round(s.size, 1) for lines in pages for line in lines for s in line.segments for _ in s.text
    ]
    return statistics.median(weights or sizes or [10.0])


_FOOTNOTE_START = re.compile(
    r"^\s*(?:\d{1,2}[).]?\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡§]|\(\d{1,2}\)|주\s?\d|注\s?\d|주:|注:)"
    r"\s*(?=[^\d\s.,])"
)
_BARE = re.compile(r"^[-+−]?\d[\d,.]*$")


def _axis_labels(text: str) -> bool:
    """Bare numbers (and one name beside three or more): chart axis ticks or data labels."""
    tokens = text.split()
    bare = sum(1 for t in tokens if _BARE.match(t))
    words = len(tokens) - bare
    return len(text) <= 120 and bare >= 1 and (words == 0 or (words == 1 and bare >= 3))


def _blocks(items: list[Any], page: int, body: float, height: float) -> list[RawBlock]:
    """Paragraph-like blocks from segments in reading order; tables pass through."""
    out: list[RawBlock] = []
    current: list[Segment] = []

    def flush() -> None:
        if current:
            out.append(_block(current, page, body, height))
        current.clear()

    for item in items:
        if isinstance(item, PageTable):
            flush()
            if item.labelled:
                out.append(RawBlock(BlockKind.TABLE, item.block.text, page, table=item.block.table))
            else:  # axis ticks and data labels aligned like a table, without one word
                out.append(RawBlock(BlockKind.FIGURE_LABELS, item.block.text, page, prose=False))
            continue
        seg: Segment = item
        if current and not _continues(current[-1], seg, body):
            flush()
        current.append(seg)
    flush()
    return out


def _continues(prev: Segment, seg: Segment, body: float) -> bool:
    """True when ``seg`` is the next line of the paragraph ``prev`` ends."""
    gap = seg.top - prev.bottom
    if gap < -0.5 * prev.size and seg.x0 >= prev.x1 - 2:
        # the top of the next column: the paragraph goes on there if its sentence does
        return (
            abs(seg.size - prev.size) <= 0.15 * max(seg.size, prev.size)
            and prev.bold == seg.bold
            and not BULLET.match(seg.text)
            and _runs_on(prev.text, seg.text, full=prev.x1 - prev.x0 >= 0.9 * (seg.x1 - seg.x0))
        )
    if gap < -0.5 * prev.size or gap > 0.9 * max(prev.size, seg.size):
        return False
    if abs(seg.size - prev.size) > 0.15 * max(seg.size, prev.size):
        return False
    if BULLET.match(seg.text) or lx.CAPTION.match(seg.text):
        return False
    if prev.size >= 1.2 * body and seg.size < 1.2 * body:
        return False
    if prev.bold != seg.bold and (prev.bold or len(seg.text) < 0.5 * len(prev.text)):
        return False  # a bold line (a run-in heading) and the text after it
    # A short line that ends a sentence ends its paragraph.
    return not (prev.text.endswith(lx.TERMINAL) and prev.x1 - prev.x0 < 0.6 * seg.x1 - seg.x0)


def _block(segs: list[Segment], page: int, body: float, height: float) -> RawBlock:
    text = ""
    prev_space = False
    for seg in segs:
        piece = seg.text.strip()
        if not text:
            text = piece
        elif text.endswith(("-", "‐")) and text[-2:-1].isalnum():
            text = _hyphen_joined(text, piece)
        else:
            text += _line_joiner(text[-1], piece[0], prev_space)
            text += piece
        prev_space = seg.space_after
    first = segs[0]
    size = statistics.median(s.size for s in segs)
    marker = None
    kind = BlockKind.PARAGRAPH
    level = None
    prose = True
    if lx.CAPTION.match(text):
        kind = BlockKind.CAPTION
    elif _axis_labels(text):
        kind, prose = BlockKind.FIGURE_LABELS, False
    elif m := BULLET.match(text):
        kind, marker, text = BlockKind.LIST_ITEM, m.group(0).strip(), text[m.end() :].strip()
    elif size < 0.9 * body and first.top > 0.7 * height and _FOOTNOTE_START.match(text):
        kind = BlockKind.FOOTNOTE
    elif (
        (size >= 1.2 * body or all(s.bold for s in segs))
        and len(segs) <= 2
        and len(text) <= 100
        and not text.endswith((*lx.TERMINAL, ",", "，"))
    ):
        kind = BlockKind.HEADING
        level = (
            1
            if size >= 1.6 * body
            else 2
            if size >= 1.35 * body
            else 3
            if size >= 1.2 * body
            else None
        )
    return RawBlock(kind, text, page, level=level, marker=marker, prose=prose)


def _hyphen_joined(text: str, piece: str) -> str:
    """A line broken after a hyphen: a word hyphenated by the typesetter (``mil-`` + ``lion``)
    is one word again; a compound keeps its hyphen (``year-`` + ``over-year``, ``Non-`` +
    ``GAAP``, ``2023-`` + ``24``)."""
    word = piece.split(maxsplit=1)[0] if piece.strip() else ""
    if (
        text[-2:-1].isalpha()
        and text[-2:-1].isascii()
        and word[:1].islower()
        and word[:1].isascii()
        and "-" not in word
    ):
        return text[:-1] + piece
    return text + piece


def _line_joiner(a: str, b: str, space: bool) -> str:
    """A line break: nothing inside Han text; a space where the PDF had one or between words."""
    if lx.HAN.match(a) or lx.HAN.match(b):
        return ""
    if space or not (lx.HANGUL.match(a) and lx.HANGUL.match(b)):
        return " "
    return ""


def _runs_on(prev: str, nxt: str, *, full: bool = True) -> bool:
    """True when ``nxt`` (at the top of a column or page) goes on with the sentence ``prev``
    (at the bottom of the one before) leaves unfinished: a lower-case word, or Hangul or Han
    text after the last Hangul or Han character of a long paragraph (``full``: of a line set
    to the column's full measure)."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or prev.endswith((*lx.TERMINAL, ":", "：")):
        return False
    if nxt[0].islower():
        return True
    cjk = lx.HAN.match(prev[-1]) or lx.HANGUL.match(prev[-1])
    return bool(
        cjk and (lx.HAN.match(nxt[0]) or lx.HANGUL.match(nxt[0])) and full and len(prev) >= 12
    )


def _merge_across_pages(raw: list[RawBlock]) -> list[RawBlock]:
    """A paragraph that runs on over a page break is one block (its page is where it starts)."""
    out: list[RawBlock] = []
    for block in raw:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.page is not None
            and block.page == prev.page + 1
            and prev.kind is BlockKind.PARAGRAPH
            and block.kind is BlockKind.PARAGRAPH
            and _runs_on(prev.text, block.text, full=len(prev.text) >= 40)
        ):
            text = prev.text + joiner(prev.text[-1:], block.text) + block.text
            out[-1] = RawBlock(prev.kind, text, prev.page)
            continue
        out.append(block)
    return out
