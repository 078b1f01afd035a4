"""Text layout of a report: paragraphs across line and page breaks, sentences, figure-label runs.

Text extracted from PDFs wraps lines in the middle of words and numbers (``861억1000만 위`` /
``안(16조원)``), breaks sentences across pages, and prints a chart's labels and values as
alternating lines. Every sentence keeps a map from its characters back to document offsets.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from sectorlens.facts import lexicon as lx
from sectorlens.facts.candidates import is_value_line
from sectorlens.facts.document import Document
from sectorlens.facts.sentences import joiner as _joiner
from sectorlens.facts.sentences import split_sentences as _segment

MAX_LABEL_LINES = 3
MAX_LABEL_CHARS = 30
MAX_ROW_LABEL_CHARS = 14
CAPTION_LOOKBACK = 6


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with line breaks resolved; ``offsets[i]`` is the offset of ``text[i]``."""

    index: int
    text: str
    offsets: tuple[int, ...]
    paragraph: int
    label: str | None = None  # the table row (e.g. a left-hand cell) the sentence sits in
    figure: str | None = None  # the caption of the table the sentence sits in

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of ``text[start:end]``."""
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class FigureItem:
    """One label and its value line in a figure-label run."""

    label: str
    label_line: int
    value: str
    value_line: int
    value_span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class FigureRun:
    """A chart printed as label/value lines, with the caption and unit line above it."""

    caption: str | None
    caption_line: int | None
    unit: str | None
    items: tuple[FigureItem, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """The sentences and figure runs of a document."""

    sentences: tuple[Sentence, ...]
    figures: tuple[FigureRun, ...]


def layout(doc: Document) -> Layout:
    """Split ``doc`` into figure runs and sentences of joined paragraphs."""
    lines = doc.lines
    kinds = [_classify(line) for line in lines]
    figures, used = _figure_runs(doc, lines, kinds)
    typical = _typical_length(lines)
    blocks = _blocks(lines, kinds, used, typical)
    labels, captions = _row_labels(lines, kinds, blocks)
    paragraphs = _paragraphs(lines, kinds, blocks, typical, _starts_item(doc, lines))
    sentences: list[Sentence] = []
    for p_index, para in enumerate(paragraphs):
        text, offsets = _join(doc, lines, para)
        first = para[0]
        for start, end in _segment(text):
            sentences.append(
                Sentence(
                    len(sentences),
                    text[start:end],
                    tuple(offsets[start:end]),
                    p_index,
                    labels.get(first),
                    captions.get(first),
                )
            )
    return Layout(tuple(sentences), tuple(figures))


def _classify(line: str) -> str:
    s = line.strip()
    if not s:
        return "blank"
    if lx.CAPTION.match(s):
        return "caption"
    if lx.UNIT_LINE.match(s):
        return "unit"
    if lx.SOURCE_LINE.match(s):
        return "source"
    if "\t" in s or (s.startswith("|") and s.count("|") >= 2):
        return "row"  # cells set with tabs, or a pipe table's row
    if is_value_line(s, bare_ok=False):
        return "value"
    if is_value_line(s, bare_ok=True):
        return "bare"
    return "text"


def _is_label(line: str, kind: str) -> bool:
    s = line.strip()
    return kind == "text" and len(s) <= MAX_LABEL_CHARS and not s.endswith(lx.TERMINAL)


def _figure_runs(
    doc: Document, lines: list[str], kinds: list[str]
) -> tuple[list[FigureRun], set[int]]:
    """Runs of at least two (label lines, value line) pairs; returns them and the lines used."""
    runs: list[FigureRun] = []
    used: set[int] = set()
    n = len(lines)
    i = 0
    while i < n:
        unit_line = _context_line(kinds, i, "unit")
        bare_ok = unit_line is not None
        items: list[FigureItem] = []
        j = i
        while True:
            k = _skip_blank(kinds, j)
            label_lines: list[int] = []
            while k < n and len(label_lines) < MAX_LABEL_LINES and _is_label(lines[k], kinds[k]):
                label_lines.append(k)
                k += 1
            if not label_lines:
                break
            k = _skip_blank(kinds, k)
            if k >= n or not (kinds[k] == "value" or (bare_ok and kinds[k] == "bare")):
                break
            start = doc.line_start(k + 1) + (len(lines[k]) - len(lines[k].lstrip()))
            value = lines[k].strip()
            items.append(
                FigureItem(
                    _join_label([lines[x] for x in label_lines]),
                    label_lines[0] + 1,
                    value,
                    k + 1,
                    (start, start + len(value)),
                )
            )
            j = k + 1
        if len(items) >= 2:
            cap = _context_line(kinds, i, "caption")
            unit = None
            if unit_line is not None:
                m = lx.UNIT_LINE.match(lines[unit_line].strip())
                unit = m.group(1) if m else None
            runs.append(
                FigureRun(
                    lines[cap].strip() if cap is not None else None,
                    cap + 1 if cap is not None else None,
                    unit,
                    tuple(items),
                )
            )
            used.update(range(i, j))
            i = j
        else:
            i += 1
    return runs, used


def _context_line(kinds: list[str], i: int, want: str) -> int | None:
    """The nearest line of kind ``want`` above ``i`` with only blank/caption/unit lines between."""
    for k in range(i - 1, max(-1, i - 1 - CAPTION_LOOKBACK), -1):
        if kinds[k] == want:
            return k
        if kinds[k] not in ("blank", "caption", "unit"):
            return None
    return None


def _skip_blank(kinds: list[str], k: int) -> int:
    while k < len(kinds) and kinds[k] == "blank":
        k += 1
    return k


def _join_label(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = _joined(text, part.lstrip()) if text else part.lstrip()
    return text.strip()


def _joined(prev: str, nxt: str) -> str:
    return prev.rstrip() + _joiner(prev, nxt) + nxt


def _blocks(lines: list[str], kinds: list[str], used: set[int], typical: int) -> list[list[int]]:
    """Runs of non-blank lines outside figure runs; bullets, captions, rows and headings split."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, kind in enumerate(kinds):
        if kind == "blank" or i in used:
            if current:
                blocks.append(current)
            current = []
            continue
        starts_new = kind in ("caption", "unit", "source", "row") or bool(lx.BULLET.match(lines[i]))
        ends_prev = bool(current) and (
            kinds[current[-1]] in ("caption", "unit", "row")
            or _is_heading(lines[current[-1]], typical)
        )
        if current and (starts_new or ends_prev):
            blocks.append(current)
            current = []
        current.append(i)
    if current:
        blocks.append(current)
    return blocks


def _is_heading(line: str, typical: int) -> bool:
    """A short line that neither ends a sentence nor wraps (no trailing space) inside a block."""
    body = line.rstrip()
    return (
        len(body) < 0.6 * typical
        and body == line
        and not body.endswith(lx.TERMINAL)
        and not body.endswith((",", "，", "、"))
    )


def _typical_length(lines: list[str]) -> int:
    lengths = [len(line.rstrip()) for line in lines if len(line.strip()) > 10]
    return int(statistics.median(lengths)) if lengths else 0


def _row_labels(
    lines: list[str], kinds: list[str], blocks: list[list[int]]
) -> tuple[dict[int, str], dict[int, str]]:
    """Table rows printed as a short label line above bulleted text: label and caption by line."""
    labels: dict[int, str] = {}
    captions: dict[int, str] = {}
    label: str | None = None
    caption: str | None = None
    for b_index, block in enumerate(blocks):
        first = block[0]
        head = lines[first].strip()
        if kinds[first] == "caption":
            caption, label = head, None
            continue
        is_label = (
            kinds[first] == "text"
            and len(head) <= MAX_ROW_LABEL_CHARS
            and not re.search(r"\d", head)
            and not head.endswith(lx.TERMINAL)
            and not lx.BULLET.match(head)
        )
        following = blocks[b_index + 1][0] if b_index + 1 < len(blocks) else None
        if (
            is_label
            and len(block) == 1
            and following is not None
            and lx.BULLET_SYMBOL.match(lines[following])
        ):
            label = head
            continue
        if label is not None and lx.BULLET_SYMBOL.match(lines[first]):
            labels[first] = label
            if caption:
                captions[first] = caption
        elif kinds[first] == "text" and not lx.BULLET.match(lines[first]):
            label = None
            if len(head) > MAX_ROW_LABEL_CHARS * 2:
                caption = None
    return labels, captions


def _starts_item(doc: Document, lines: list[str]) -> set[int]:
    """Lines that begin a list item or a heading of the document model (a bullet whose mark the
    reader dropped is no continuation of the line before)."""
    out: set[int] = set()
    n = len(lines)
    marked = doc.format in ("md", "html", "docx")
    for block in getattr(doc, "blocks", ()):
        if block.kind.value in ("list_item", "heading") and block.span[1] > block.span[0]:
            line = doc.line_of(block.span[0]) - 1
            if 0 <= line < n:
                out.add(line)
            # the line after a heading starts anew; so does the next line of text after a
            # heading the author marked (# …, <h2>) or a list item outside a PDF (- item, <li>)
            listed = block.kind.value == "list_item" and doc.format != "pdf"
            if block.kind.value == "heading" or listed:
                after = doc.line_of(block.span[1] - 1)
                while (marked or listed) and 0 <= after < n and not lines[after].strip():
                    after += 1
                if 0 <= after < n:
                    out.add(after)
    return out


def _paragraphs(
    lines: list[str],
    kinds: list[str],
    blocks: list[list[int]],
    typical: int,
    items: set[int] | None = None,
) -> list[list[int]]:
    """Blocks joined across blank lines and page breaks where a sentence runs on."""
    paragraphs: list[list[int]] = []
    starts = items or set()
    split: list[list[int]] = []
    for block in blocks:
        for line in block:
            if line == block[0] or line in starts:  # a list item starts a paragraph
                split.append([line])
            else:
                split[-1].append(line)
    for block in split:
        if block[0] in starts:
            paragraphs.append(list(block))
        elif paragraphs and _runs_on(lines, kinds, paragraphs[-1], block, typical):
            paragraphs[-1].extend(block)
        else:
            paragraphs.append(list(block))
    return paragraphs


def _runs_on(
    lines: list[str], kinds: list[str], prev: list[int], block: list[int], typical: int
) -> bool:
    last, first = prev[-1], block[0]
    if kinds[last] != "text" or kinds[first] != "text":
        return False
    tail = lines[last].rstrip().rstrip("”\"'’」』)）")
    if not tail or tail.endswith(lx.TERMINAL) or len(lines[last].rstrip()) < 0.75 * typical:
        return False
    head = lines[first].strip()
    if lx.BULLET.match(lines[first]) or lx.CAPTION.match(head):
        return False
    # A lone short line is a heading or a running header, not the rest of a sentence.
    return not (len(block) == 1 and len(head) < 0.6 * typical and not head.endswith(lx.TERMINAL))


def _last_two(parts: list[str]) -> str:
    """The last two characters of ``"".join(parts)``."""
    tail = ""
    for part in reversed(parts):
        tail = part[-2:] + tail
        if len(tail) >= 2:
            break
    return tail[-2:]


def _drop_last(parts: list[str]) -> None:
    """Drop the last character of ``"".join(parts)``."""
    for k in range(len(parts) - 1, -1, -1):
        if parts[k]:
            parts[k] = parts[k][:-1]
            return


def _join(doc: Document, lines: list[str], para: list[int]) -> tuple[str, list[int]]:
    """The paragraph's text with line breaks resolved, and each character's document offset."""
    parts: list[str] = []  # the text in pieces (a line's body, a joining space)
    offsets: list[int] = []  # one per character of the text
    for n, i in enumerate(para):
        line = lines[i]
        base = doc.line_start(i + 1)
        lead = len(line) - len(line.lstrip())
        body = line[lead:].rstrip()
        if offsets:
            prev = _last_two(parts)
            trailing = lines[para[n - 1]][-1:].isspace()
            joiner = _joiner(prev + (" " if trailing else ""), body)
            if prev.endswith("-") and prev[:-1][-1:].isalpha() and body[:1].islower():
                _drop_last(parts)  # the hyphen
                offsets.pop()
                joiner = ""
            if joiner:
                parts.append(" ")
                offsets.append(offsets[-1] + 1)
        parts.append(body)
        offsets.extend(range(base + lead, base + lead + len(body)))
    return "".join(parts), offsets
