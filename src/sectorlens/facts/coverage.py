"""Coverage: every number in a document ends as a fact, ignored (with a reason) or unparsed.

``inventory(doc)`` lists every number token — in block texts, list markers and what readers
dropped (page numbers, running headers, footnote marks, link targets) — with its locator, and
decides what the layout alone can: page numbers, footnote marks, list indexes, figure labels
(chart ticks), identifiers (stock codes, phone numbers, ISBN, postcodes, URLs, e-mail). The
extractor decides the rest with ``resolve(tokens, facts=…, unparsed=…, periods=…)``: a token
inside a fact's span is ``fact``, inside an unreadable candidate ``unparsed`` (its reason),
inside a period ``ignored`` ("period"); anything left is ``unparsed`` ("not read as a
quantity"). No number vanishes silently: ``Coverage.counts()`` adds up to ``len(tokens)``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sectorlens.facts.document import Block, BlockKind, Document, Locator

NUMBER = re.compile(r"\d+(?:[,，.]\d+)*")
# Identifiers: (reason, pattern); every number inside a match is ignored with that reason.
_FIGURE_WORDS = (
    "Fig",
    "Table",
    "Chart",
    "Exhibit",
    "Appendix",
    "그림",
    "표",
    "부록",
    "图",
    "圖",
    "表",
    "附",
)
_PHONE_WORDS = ("Tel", "TEL", "Phone", "Fax", "FAX", "전화", "팩스", "电话", "傳真", "传真")
_EXCHANGES = ("NYSE", "NASDAQ", "Nasdaq", "KRX", "KOSPI", "KOSDAQ", "HKEX", "SSE", "SZSE")
# Identifiers: (reason, pattern, cues); every number inside a match is ignored with that reason.
# A pattern runs only on blocks holding one of its cues (None: always): each is a pass over the
# text, and a pattern that begins with a plain character class is scanned fastest.
IDENTIFIERS: tuple[tuple[str, re.Pattern[str], tuple[str, ...] | None], ...] = (
    ("url", re.compile(r"https?://\S+|www\.\S+", re.I), ("http", "www.", "WWW.")),
    ("e-mail address", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), ("@",)),
    ("isbn", re.compile(r"ISBN(?:-1[03])?[:\s]*[\d\- ]{10,17}[\dX]", re.I), ("ISBN", "isbn")),
    (
        "stock code",
        re.compile(r"\d{4,6}\.(?:SZ|SH|SS|KS|KQ|HK|T|TW|TWO)\b"),
        (".S", ".K", ".H", ".T"),
    ),
    ("stock code", re.compile(r"0(?<![\d,.]0)\d{3,5}(?![\d,]|\.\d)"), None),
    ("stock code", re.compile(rf"(?:{'|'.join(_EXCHANGES)})\s*[:：]\s*\w+"), _EXCHANGES),
    (
        "phone number",
        re.compile(rf"(?:{'|'.join(_PHONE_WORDS)})\.?\s*[:：]?\s*\+?[\d()][\d()\s.\-]{{6,}}\d"),
        _PHONE_WORDS,
    ),
    (
        "phone number",
        re.compile(r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}"),
        ("+",),
    ),
    (
        "phone number",
        re.compile(r"[0(](?<![\d.,][0(])0?\d{1,2}\)?[\s.-]\d{3,4}[\s.-]\d{4}(?![\d.,])"),
        None,
    ),
    ("phone number", re.compile(r"\d{3}-\d{3}-\d{4}(?![\d.,])"), ("-",)),
    ("postcode", re.compile(r"[A-Z]{2} \d{5}-\d{4}\b"), None),
    (
        "figure or table number",
        re.compile(
            r"\b(?:Figure|Fig\.|Table|Chart|Exhibit|Appendix)\s?\d{1,2}(?:[-.]\d{1,2})?(?![\d%])"
            r"|(?<![가-힣])(?:그림|표|도표|부록)\s?\d{1,2}(?:[-.]\d{1,2})?(?![\d%])"
            r"|(?<![^见如和及与、，,（(\s])(?:图表|图|圖|表|附表|附录)\s?\d{1,2}(?:[-.]\d{1,2})?"
            r"(?![\d%年月日])"
        ),
        _FIGURE_WORDS,
    ),
    (
        "document code",
        re.compile(r"\b(?:No|NO|Ref|REF)\.\s?[\w\-/]*\d[\w\-/]*"),
        ("No.", "NO.", "Ref.", "REF."),
    ),
)
# "1.", "2)", "3.2", "Item 1A." at the start of a heading: the section's number.
_SECTION = re.compile(
    r"^\s*(?:(?:Item|Part|Section|Chapter)\s+)?\d{1,2}(?:\.\d{1,2})*[A-Z]?[.)]?(?=\s)"
)
# Dropped things that are not text of the document: their digits are not numbers it states.
_NOT_TEXT = frozenset({"image", "link target"})
_DROP_REASONS = {
    "page number": "page number",
    "running header": "running header",
    "running footer": "running footer",
    "footnote mark": "footnote mark",
    "link target": "url",
    "image": "image",
    "code block": "code block",
}


class Status(StrEnum):
    """What became of a number."""

    FACT = "fact"
    IGNORED = "ignored"
    UNPARSED = "unparsed"


@dataclass(frozen=True, slots=True)
class NumberToken:
    """One number in the document; ``span`` in ``Document.text`` (None if dropped by a reader)."""

    text: str
    span: tuple[int, int] | None
    locator: Locator | None
    status: Status | None = None  # None until the extractor decides
    reason: str | None = None


@dataclass(frozen=True)
class Coverage:
    """Every number token of a document with its status."""

    tokens: tuple[NumberToken, ...]

    def counts(self) -> dict[str, Any]:
        """``{"numbers": n, "fact": n, "ignored": {reason: n}, "unparsed": {reason: n}}``."""
        ignored: Counter[str] = Counter()
        unparsed: Counter[str] = Counter()
        facts = 0
        for t in self.tokens:
            if t.status is Status.FACT:
                facts += 1
            elif t.status is Status.IGNORED:
                ignored[t.reason or "unknown"] += 1
            else:
                unparsed[t.reason or "undecided"] += 1
        return {
            "numbers": len(self.tokens),
            "fact": facts,
            "ignored": dict(sorted(ignored.items())),
            "unparsed": dict(sorted(unparsed.items())),
        }


def inventory(doc: Document) -> tuple[NumberToken, ...]:
    """Every number token with its locator; layout-level ignore reasons filled in."""
    out: list[NumberToken] = []
    for block in doc.blocks:
        if block.marker and NUMBER.search(block.marker):
            for m in NUMBER.finditer(block.marker):
                out.append(
                    NumberToken(
                        m.group(0),
                        None,
                        Locator(block.index, block.page),
                        Status.IGNORED,
                        "list index" if block.kind is BlockKind.LIST_ITEM else "footnote mark",
                    )
                )
        out.extend(_block_tokens(block))
    for d in doc.dropped:
        if d.reason in _NOT_TEXT:
            continue
        reason = _DROP_REASONS.get(d.reason, d.reason)
        for m in NUMBER.finditer(d.text):
            loc = None if d.block is None and d.page is None else Locator(d.block or 0, d.page)
            out.append(NumberToken(m.group(0), None, loc, Status.IGNORED, reason))
    return tuple(out)


def _block_tokens(block: Block) -> list[NumberToken]:
    text = block.text
    ids: list[tuple[int, int, str]] = []
    for why, pattern, cues in IDENTIFIERS:
        if cues is None or any(c in text for c in cues):
            ids.extend((m.start(), m.end(), why) for m in pattern.finditer(text))
    ids.sort()
    starts = [s.start for s in block.sentences]
    numbered = _SECTION.match(text) if block.kind is BlockKind.HEADING else None
    section = numbered.end() if numbered else None
    out = []
    for m in NUMBER.finditer(text):
        a, b = m.span()
        status: Status | None = None
        reason: str | None = None
        if not block.prose:
            status, reason = Status.IGNORED, "figure label"
        elif section is not None and a < section:
            status, reason = Status.IGNORED, "section number"
        else:
            hit = next((r for s, e, r in ids if s <= a and b <= e), None)
            if hit is not None:
                status, reason = Status.IGNORED, hit
        if block.table is None:
            k = bisect.bisect_right(starts, a) - 1
            loc = Locator(block.index, block.page, k if k >= 0 else None)
        else:
            loc = block.locate(a)
        out.append(NumberToken(m.group(0), block.doc_span(a, b), loc, status, reason))
    return out


class _Spans:
    """Sorted spans with a value; ``find(a, b)`` gives the value of one that holds [a, b)."""

    def __init__(self, items: Iterable[tuple[tuple[int, int], str]]) -> None:
        self.items = sorted(items)
        self.starts = [s for (s, _e), _v in self.items]

    def find(self, a: int, b: int) -> str | None:
        i = bisect.bisect_right(self.starts, a) - 1
        # spans may nest or overlap: look back a little for one that still covers [a, b)
        for k in range(i, max(-1, i - 8), -1):
            (s, e), value = self.items[k]
            if s <= a and b <= e:
                return value
        return None


def resolve(
    tokens: Sequence[NumberToken],
    *,
    facts: Iterable[tuple[int, int]] = (),
    unparsed: Iterable[tuple[tuple[int, int], str]] = (),
    periods: Iterable[tuple[int, int]] = (),
    ignored: Iterable[tuple[tuple[int, int], str]] = (),
) -> Coverage:
    """Statuses for the tokens the layout left open, from the extractor's spans."""
    fact_spans = _Spans((span, "fact") for span in facts)
    bad = _Spans(unparsed)
    period_spans = _Spans((span, "period") for span in periods)
    other = _Spans(ignored)
    out = []
    for t in tokens:
        if t.span is None:
            out.append(t if t.status else replace(t, status=Status.UNPARSED, reason="dropped"))
            continue
        a, b = t.span
        if fact_spans.find(a, b):
            out.append(replace(t, status=Status.FACT, reason=None))
        elif t.status is not None:
            out.append(t)
        elif (why := bad.find(a, b)) is not None:
            out.append(replace(t, status=Status.UNPARSED, reason=why))
        elif period_spans.find(a, b):
            out.append(replace(t, status=Status.IGNORED, reason="period"))
        elif (why := other.find(a, b)) is not None:
            out.append(replace(t, status=Status.IGNORED, reason=why))
        else:
            out.append(replace(t, status=Status.UNPARSED, reason="not read as a quantity"))
    return Coverage(tuple(out))


def extraction_coverage(extraction: Any) -> Coverage:
    """Coverage of an ``Extraction`` of the line-based extractor (facts, unparsed, periods)."""
    doc = extraction.document
    periods: list[tuple[int, int]] = []
    for index, found in extraction.periods.items():
        sent = extraction.layout.sentences[index]
        periods.extend(sent.doc_span(s, e) for s, e, _p in found)
    labels: list[tuple[tuple[int, int], str]] = []
    for block in getattr(doc, "blocks", ()):
        if block.table is not None:
            got, named = _table_cells(block)
            periods.extend(got)
            labels.extend(named)
    return resolve(
        inventory(doc),
        facts=(f.span for f in extraction.facts),
        unparsed=((f.span, f.quantity.reason or "unparsed") for f in extraction.unparsed),
        periods=periods,
        ignored=labels,
    )


_AMOUNT_IN_LABEL = re.compile(r"[$€£¥₩%％]\s?\d|\d\s?[%％]|\d,\d{3}")


def _table_cells(
    block: Block,
) -> tuple[list[tuple[int, int]], list[tuple[tuple[int, int], str]]]:
    """A table's header and label cells: the periods they name (column headers ``2022``,
    ``3Q24F``, row labels of years) and, for the rest, their numbers as part of a label
    (``52주 최저가``, ``Cost of revenues (1)``); body cells are left to the facts."""
    from sectorlens.facts.context import named_periods

    table = block.table
    periods: list[tuple[int, int]] = []
    labels: list[tuple[tuple[int, int], str]] = []
    if table is None:
        return periods, labels
    for cell in table.cells:
        if not cell.header or not NUMBER.search(cell.text):
            continue
        for n in named_periods(cell.text, None):
            periods.append(block.doc_span(cell.start + n.start, cell.start + n.end))
        if _AMOUNT_IN_LABEL.search(cell.text):
            continue  # Operating expenses (including depreciation of $1,362): a figure, unread
        reason = "column header" if cell.row < table.header_rows else "row label"
        labels.append((block.doc_span(cell.start, cell.end), reason))
    return periods, labels


def coverage_dict(coverage: Coverage, *, numbers: bool = False) -> dict[str, Any]:
    """Counts per status and reason; with ``numbers`` also every token and its locator."""
    d: dict[str, Any] = coverage.counts()
    if numbers:
        d["tokens"] = [
            {
                "text": t.text,
                "span": list(t.span) if t.span else None,
                "locator": None if t.locator is None else str(t.locator),
                "status": t.status.value if t.status else None,
                "reason": t.reason,
            }
            for t in coverage.tokens
        ]
    return d
