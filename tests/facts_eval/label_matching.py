"""Tolerant matching for the ``check`` evaluation: facts to labels, findings to the errors.

Everything here reads the fact model only through the public API (``fact_dict``,
``finding_dict``) and reads the dictionaries defensively: the document model and the fact fields
are being changed by other branches, so a fact is matched to a label by its value and by the
label's anchor words being near it, never by a locator format.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from labelled_corpus import Label, RealError

ANCHOR_SHARE = 0.6  # share of an anchor's character trigrams that must be near the fact
PERIOD_SLACK = timedelta(days=7)  # fiscal quarters and years end on a weekday near the month end


# ---------------------------------------------------------------------------- text matching


# A pinyin reading after a character (`產(chǎn)量`): a copy's ruby text, which the reader drops.
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def norm(text: str) -> str:
    """NFKC, lower case, without whitespace, Markdown emphasis and pinyin readings."""
    text = _PINYIN_GLOSS.sub("", unicodedata.normalize("NFKC", text).lower())
    return re.sub(r"[\s*_`\u200b]+", "", text)


def trigrams(text: str) -> set[str]:
    """Character trigrams of the normalized text (the text itself when shorter)."""
    t = norm(text)
    return {t[i : i + 3] for i in range(len(t) - 2)} if len(t) >= 3 else {t}


def overlap(anchor: str, context: str | set[str]) -> float:
    """Share of the anchor's trigrams that occur in ``context``."""
    want = trigrams(anchor)
    have = context if isinstance(context, set) else trigrams(context)
    short = norm(anchor)
    if 0 < len(short) < 3:  # no trigram of its own (存货): found inside one of the context's
        return 1.0 if any(short in t for t in have) else 0.0
    return len(want & have) / len(want) if want else 0.0


def strings(obj: Any) -> Iterator[str]:
    """Every string inside a JSON-like value (dict values, list items)."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, Mapping):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from strings(v)


def ints(obj: Any, keys: Iterable[str] = ("line", "lines", "line_start", "line_end")) -> set[int]:
    """Line numbers found under ``keys`` anywhere in a JSON-like value."""
    found: set[int] = set()
    if isinstance(obj, Mapping):
        for k, v in obj.items():
            if k in keys:
                if isinstance(v, int) and not isinstance(v, bool):
                    found.add(v)
                elif isinstance(v, (list, tuple)):
                    found.update(x for x in v if isinstance(x, int) and not isinstance(x, bool))
            found |= ints(v, keys)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            found |= ints(v, keys)
    return found


def doc_text(doc: Any) -> str:
    """The document's text (``.text`` or its blocks' texts joined)."""
    text = getattr(doc, "text", None)
    if isinstance(text, str):
        return text
    blocks = getattr(doc, "blocks", None) or ()
    return "\n".join(str(getattr(b, "text", "")) for b in blocks)


def line_of(text: str, offset: int) -> int:
    """1-based line of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


# ---------------------------------------------------------------------------- facts


def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _date(value: Any) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value if isinstance(value, date) else None


@dataclass(frozen=True)
class FactView:
    """What the evaluation reads from one ``fact_dict``."""

    values: frozenset[Decimal]
    subject: str
    start: date | None
    end: date | None
    context: frozenset[str]  # trigrams of the sentence and the lines around the fact
    lines: frozenset[int]


def fact_view(d: Mapping[str, Any], lines: list[str]) -> FactView:
    """Read a ``fact_dict`` defensively (any missing field is simply absent)."""
    values = {_dec(d.get(k)) for k in ("value", "low", "high")}
    eq = d.get("equivalent")
    if isinstance(eq, Mapping):
        values |= {_dec(eq.get(k)) for k in ("value", "low", "high")}
    # the subject, and for a figure's labels the figure caption that names what they measure
    subj = " ".join(s for k in ("subject", "figure") for s in strings(d.get(k)))
    period = d.get("period")
    start = end = None
    if isinstance(period, Mapping):
        start, end = _date(period.get("start")), _date(period.get("end"))
    found_lines = ints({k: v for k, v in d.items() if k != "equivalent"})
    parts = [s for k, v in d.items() if k not in ("subject", "equivalent") for s in strings(v)]
    for ln in found_lines:
        parts.extend(lines[max(ln - 2, 0) : ln + 1])
    context: set[str] = set()
    for p in parts:
        context |= trigrams(p)
    return FactView(
        frozenset(v for v in values if v is not None),
        subj,
        start,
        end,
        frozenset(context),
        frozenset(found_lines),
    )


def value_matches(label: Label, fact: FactView) -> bool:
    """The fact carries the label's value (a fact may sign a stated fall as negative)."""
    if label.value in fact.values:
        return True
    return label.value > 0 and -label.value in fact.values


def subject_matches(label: Label, fact: FactView) -> bool:
    """The fact's subject names the label's metric and, when stated, its entity."""
    subj = norm(fact.subject)
    if len(subj) < 2:
        return False
    metrics = [norm(m) for m in label.metrics]
    if not any(m in subj or subj in m for m in metrics):
        return False
    return not label.entities or any(norm(e) in subj for e in label.entities)


def period_matches(label: Label, fact: FactView) -> bool:
    """The fact's period is the label's (within a week at each end); ``-`` accepts any.

    A label on one day (a balance, a price at a date) also accepts a period of at most a quarter
    that ends on exactly that day ("二季度末 … 余额" read as the second quarter).
    """
    if label.start is None or label.end is None:
        return True
    if fact.start is None or fact.end is None:
        return False
    if label.start == label.end and fact.end == label.end:
        return fact.end - fact.start <= timedelta(days=92)
    start_ok = abs(fact.start - label.start) <= PERIOD_SLACK
    return start_ok and abs(fact.end - label.end) <= PERIOD_SLACK


@dataclass(frozen=True)
class LabelResult:
    """How one label fared."""

    label: Label
    found: bool  # value and anchor
    subject: bool
    period: bool

    @property
    def right(self) -> bool:
        """Value, subject and period all right."""
        return self.found and self.subject and self.period


def match_labels(labels: list[Label], facts: list[FactView]) -> list[LabelResult]:
    """Each label against the facts carrying its value with its anchor near them."""
    out = []
    for label in labels:
        best: tuple[float, int, FactView] | None = None
        for fact in facts:
            if not value_matches(label, fact):
                continue
            score = overlap(label.anchor, set(fact.context))
            if score < ANCHOR_SHARE:
                continue
            good = subject_matches(label, fact) + period_matches(label, fact)
            if best is None or (score, good) > best[:2]:
                best = (score, good, fact)
        if best is None:
            out.append(LabelResult(label, False, False, False))
        else:
            fact = best[2]
            out.append(
                LabelResult(label, True, subject_matches(label, fact), period_matches(label, fact))
            )
    return out


# ---------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class FindingView:
    """What the evaluation reads from one ``finding_dict``."""

    rule: str
    severity: str
    message: str
    text: frozenset[str]  # trigrams of every string in it (message, quotes, paired facts)
    lines: frozenset[int]
    raw: str
    numbers: frozenset[Decimal] = frozenset()  # stated in its values, message or paired facts

    @property
    def flagged(self) -> bool:
        """An error or a warning (what a checker is asked to look at)."""
        return self.severity in ("error", "warning")

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity used to tell a new finding from one the original already had."""
        return (self.rule, self.severity, self.message)


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def _numbers(d: Mapping[str, Any]) -> set[Decimal]:
    """Numbers a finding states: its values, the numbers in its message, paired facts' values."""
    found: set[Decimal] = set()

    def take(obj: Any, key: str = "") -> None:
        if isinstance(obj, Mapping):
            for k, v in obj.items():
                take(v, str(k))
        elif isinstance(obj, (list, tuple)):
            for v in obj:
                take(v, key)
        elif key in ("values", "value", "low", "high") and (x := _dec(obj)) is not None:
            found.add(x)
        elif key == "message" and isinstance(obj, str):
            found.update(
                x for m in _NUMBER.findall(obj) if (x := _dec(m.replace(",", ""))) is not None
            )

    take(d)
    return found


def finding_view(d: Mapping[str, Any]) -> FindingView:
    """Read a ``finding_dict`` defensively."""
    text: set[str] = set()
    for s in strings(d):
        text |= trigrams(s)
    return FindingView(
        str(d.get("rule", "")),
        str(d.get("severity", "")).lower(),
        str(d.get("message", "")),
        frozenset(text),
        frozenset(ints(d)),
        json.dumps(d, ensure_ascii=False, default=str),
        frozenset(_numbers(d)),
    )


def anchor_lines(text: str, anchor: str) -> set[int]:
    """Lines where the anchor occurs (whitespace- and width-insensitive), if it occurs whole."""
    flat, where = [], []
    for i, ch in enumerate(text):
        n = norm(ch)
        flat.append(n)
        where.extend([i] * len(n))
    hay, needle = "".join(flat), norm(anchor)
    found = set()
    start = hay.find(needle) if needle else -1
    while start >= 0:
        found.add(line_of(text, where[start]))
        found.add(line_of(text, where[start + len(needle) - 1]))
        start = hay.find(needle, start + 1)
    return found


def states(finding: FindingView, error: RealError) -> bool:
    """The finding states at least two of the numbers of the error (all of them if fewer)."""
    hits = sum(bool(alts & finding.numbers) for alts in error.values)
    return hits >= min(2, len(error.values))


def covers(finding: FindingView, anchor: str, lines: set[int]) -> bool:
    """The finding is about the passage: its text holds the anchor, or it names its line."""
    if overlap(anchor, set(finding.text)) >= 0.8:
        return True
    return bool(lines & finding.lines)
