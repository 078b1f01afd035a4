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
IDENTIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("url", re.compile(r"https?://\S+|www\.\S+", re.I)),
    ("e-mail address", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("isbn", re.compile(r"ISBN(?:-1[03])?[:\s]*[\d\- ]{10,17}[\dX]", re.I)),
    (
        "stock code",
        re.compile(
            r"\b\d{4,6}\.(?:SZ|SH|SS|KS|KQ|HK|T|TW|TWO)\b|(?<![\d,.])0\d{3,5}(?![\d,]|\.\d)"
            r"|(?:NYSE|NASDAQ|Nasdaq|KRX|KOSPI|KOSDAQ|HKEX|SSE|SZSE)\s*[:：]\s*\w+",
        ),
    ),
    (
        "phone number",
        re.compile(
            r"(?:(?:Tel|TEL|Phone|Fax|FAX|전화|팩스|电话|傳真|传真)\.?\s*[:：]?\s*)"
            r"\+?[\d()][\d()\s.\-]{6,}\d"
            r"|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}"
            r"|(?<![\d.,])\(?0\d{1,2}\)?[\s.-]\d{3,4}[\s.-]\d{4}(?![\d.,])"
            r"|(?<![\d.,])\d{3}-\d{3}-\d{4}(?![\d.,])"
        ),
    ),
    ("postcode", re.compile(r"\b[A-Z]{2} \d{5}(?:-\d{4})\b")),
    ("document code", re.compile(r"\b(?:No|NO|Ref|REF)\.\s?[\w\-/]*\d[\w\-/]*")),
)
_REASON_OF_GROUP = {f"g{i}": why for i, (why, _p) in enumerate(IDENTIFIERS)}
# One scan for all identifiers (each pattern alone is a pass over the text).
_IDENTIFIER = re.compile(
    "|".join(
        f"(?P<g{i}>(?i:{p.pattern}))" if p.flags & re.I else f"(?P<g{i}>{p.pattern})"
        for i, (_w, p) in enumerate(IDENTIFIERS)
    )
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
    for m in _IDENTIFIER.finditer(text):
        ids.append((m.start(), m.end(), _REASON_OF_GROUP[m.lastgroup or ""]))
    ids.sort()
    starts = [s.start for s in block.sentences]
    out = []
    for m in NUMBER.finditer(text):
        a, b = m.span()
        status: Status | None = None
        reason: str | None = None
        if not block.prose:
            status, reason = Status.IGNORED, "figure label"
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
    return resolve(
        inventory(doc),
        facts=(f.span for f in extraction.facts),
        unparsed=((f.span, f.quantity.reason or "unparsed") for f in extraction.unparsed),
        periods=periods,
    )


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
