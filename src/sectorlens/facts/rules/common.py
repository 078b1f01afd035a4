"""What every rule shares: the context, value bounds with rounding, topics, wording."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from sectorlens.facts import lexicon as lx
from sectorlens.facts.extract import Extraction, Mention
from sectorlens.facts.rules.parts import PartPairing, parts_of
from sectorlens.fx import FxRates, Rate
from sectorlens.korean import resolve
from sectorlens.model import Finding, Kind, Period, Qualifier, Quantity, Severity
from sectorlens.parse import format_money, format_number, parse

# A direction as the report claims it (…고 하지만) and as the values show it, per language.
CLAIMED_DIRECTION = {
    ("up", "ko"): "늘었다",
    ("down", "ko"): "줄었다",
    ("up", "en"): "rose",
    ("down", "en"): "fell",
}
ACTUAL_DIRECTION = {
    ("up", "ko"): "늘었습니다",
    ("down", "ko"): "줄었습니다",
    ("up", "en"): "rose",
    ("down", "en"): "fell",
}


HUNDRED = Decimal(100)
_TOPICS = tuple((name, lx.compile_words(words)) for name, words in lx.TOPICS)
_AMOUNT = lx.compile_words(lx.AMOUNT_WORDS)
_COUNT = lx.compile_words(lx.COUNT_WORDS)


@dataclass(frozen=True)
class Context:
    """What the rules run over: the extraction, the wording language, FX rates, the store."""

    extraction: Extraction
    lang: str = "ko"
    fx: FxRates | None = None
    con: Any = None  # a duckdb connection to the store, for claims against it
    scope: Any = None  # a metrics.Scope: the store's deals the claims are checked against

    @cached_property
    def parts(self) -> PartPairing:
        """The document's top-level parts, for pairing facts across them (read once)."""
        return parts_of(self.extraction)

    @cached_property
    def openers(self) -> dict[int, Mention]:
        """The first fact with a metric of each sentence (what the sentence is about)."""
        out: dict[int, Mention] = {}
        for m in self.extraction.mentions:
            if m.sentence is not None and m.metric and m.sentence not in out:
                out[m.sentence] = m
        return out

    @cached_property
    def by_sentence(self) -> dict[int, tuple[Mention, ...]]:
        """The facts of each sentence, in document order (table cells and labels left out)."""
        out: dict[int, list[Mention]] = {}
        for m in self.extraction.mentions:
            if m.sentence is not None:
                out.setdefault(m.sentence, []).append(m)
        return {index: tuple(members) for index, members in out.items()}

    def say(self, texts: dict[str, str], **values: object) -> str:
        """The message in the context's language, with ``values`` filled in."""
        text = texts.get(self.lang, texts["en"]).format(**values)
        return josa(text) if self.lang == "ko" else text

    def money(self, value: Decimal, currency: str | None) -> str:
        """An amount written for the context's language."""
        if currency is None:
            return self.number(value)
        return format_money(_tidy(value), currency, self.lang, digits=_digits(value))

    def number(self, value: Decimal) -> str:
        """A number written for the context's language."""
        return format_number(_tidy(value), self.lang, digits=_digits(value))

    def quantity(self, q: Quantity, value: Decimal | None = None) -> str:
        """``value`` (default: the quantity's point) in the unit of ``q``."""
        v = point(q) if value is None else value
        if v is None:
            return q.input
        if q.kind in (Kind.PERCENT, Kind.PP):
            return f"{pct(v)}{'%p' if q.kind is Kind.PP else '%'}"
        if q.kind is Kind.MONEY:
            return self.money(v, q.currency)
        if self.lang == "ko":
            unit = f" {q.unit}" if q.unit and q.unit.isascii() else (q.unit or "")
        else:
            unit = f" {q.unit}" if q.unit and q.unit.isascii() else ""
        return f"{self.number(v)}{unit}"

    def period(self, p: Period | None) -> str:
        """``2018년``/``2018``, ``2014~2020년``/``2014–2020``, ``2021년 1~7월``/``Jan–Jul 2021``."""
        return period_label(p, self.lang)

    def rate_label(self, rate: Rate) -> str:
        """Where an ECB rate comes from: its date, or the period it averages."""
        if rate.on is not None or rate.start is None or rate.end is None:
            return f"ECB {rate.on}"
        span = period_label(Period(rate.start, rate.end), self.lang)
        if self.lang == "ko":
            return f"ECB {span} 평균, {rate.fixings}회 고시"
        return f"ECB mean of {rate.fixings} fixings, {span}"


def _digits(value: Decimal) -> int | None:
    return None if value == value.to_integral_value() else 2


def _tidy(value: Decimal) -> Decimal:
    """Round a computed value to 6 significant digits for wording (exact values stay)."""
    if value == value.to_integral_value() or value.adjusted() < -2:
        return value
    return round(value, max(0, 5 - value.adjusted()))


def significant(value: Decimal, digits: int) -> Decimal:
    """``value`` rounded to ``digits`` significant digits, written without exponent."""
    if value == 0:
        return value
    rounded = round(value, digits - 1 - value.adjusted())
    return rounded.quantize(Decimal(1)) if rounded.adjusted() >= digits - 1 else rounded


def pct(value: Decimal) -> str:
    """A percentage without trailing zeros beyond what was computed: ``118.52``."""
    text = f"{value.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")
    return text or "0"


def dec(value: Decimal | None) -> str:
    """A value as the decimal string findings carry (computed values to 6 decimals at most)."""
    if value is None:
        return ""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        value = value.quantize(Decimal("0.000001"))
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):f}"
    return f"{value.normalize():f}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_label(p: Period | None, lang: str = "en") -> str:
    """A short label for a period in ``lang`` (ko or en)."""
    if p is None:
        return "?"
    s, e = p.start, p.end
    ko = lang == "ko"
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        if s.year == e.year:
            return f"{s.year}년" if ko else f"{s.year}"
        return f"{s.year}~{e.year}년" if ko else f"{s.year}–{e.year}"
    if s == e:
        return f"{s.year}년 {s.month}월 {s.day}일" if ko else s.isoformat()
    if s.year == e.year and s.day == 1:
        if ko:
            return (
                f"{s.year}년 {s.month}~{e.month}월"
                if s.month != e.month
                else f"{s.year}년 {s.month}월"
            )
        months = _MONTHS[s.month - 1] + ("" if s.month == e.month else f"–{_MONTHS[e.month - 1]}")
        return f"{months} {s.year}"
    whole_months = s.day == 1 and (e + timedelta(days=1)).day == 1
    if whole_months:  # across years: 2012년 1월~2023년 6월 / Jan 2012–Jun 2023
        if ko:
            return f"{s.year}년 {s.month}월~{e.year}년 {e.month}월"
        return f"{_MONTHS[s.month - 1]} {s.year}–{_MONTHS[e.month - 1]} {e.year}"
    return f"{s.isoformat()}~{e.isoformat()}" if ko else f"{s.isoformat()}–{e.isoformat()}"


def josa(text: str) -> str:
    """Resolve ``이(가)``-style particles by the sound before them (``sectorlens.korean``)."""
    return resolve(text)


def full_year(p: Period | None) -> int | None:
    """The year of a period that is exactly one whole calendar year."""
    if p is None or p.partial or p.start.year != p.end.year:
        return None
    if (p.start.month, p.start.day, p.end.month, p.end.day) != (1, 1, 12, 31):
        return None
    return p.start.year


def point(q: Quantity) -> Decimal | None:
    """One value for a quantity: exact or approximate value, or the middle of a range."""
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return None


def half_unit(q: Quantity) -> Decimal:
    """Half a unit of the last digit written: the rounding a stated value may carry.

    The unit is measured by the parser itself: the last written digit is moved by one and the
    text read again (``30억`` → ``31억``: one unit is 1억; ``861억1000만`` → 1만; ``23.0%`` → 0.1).
    """
    v = point(q)
    if v is None:
        return Decimal(0)
    if (
        q.kind is Kind.COUNT
        and q.qualifier is Qualifier.EXACT
        and not re.search(r"[.万萬亿億만억천千百]|thousand|million|billion", q.input, re.IGNORECASE)
    ):
        return Decimal(0)  # 723 deals is exact; 687.26万辆 is rounded
    text = q.input.split("(")[0].split("（")[0]
    digits = [i for i, ch in enumerate(text) if ch.isascii() and ch.isdigit()]
    if digits:
        i = digits[-1]
        moved = str(int(text[i]) + 1 if text[i] != "9" else 8)
        other = parse(text[:i] + moved + text[i + 1 :])
        w = point(other)
        if other.kind is q.kind and w is not None and w != v:
            return abs(w - v) / 2
    if v == 0:
        return Decimal(0)
    exponent = v.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5) * Decimal(10) ** (exponent - 1)


def what_of(m: Mention) -> str:
    """What a finding names a figure by: its metric, else its subject."""
    return m.metric or m.fact.subject or "?"


def bounds(q: Quantity) -> tuple[Decimal | None, Decimal | None]:
    """The interval a quantity allows, with its rounding (None = unbounded)."""
    h = half_unit(q)
    if q.qualifier is Qualifier.AT_LEAST:
        return q.low, None
    if q.qualifier is Qualifier.AT_MOST:
        return None, q.high
    if q.qualifier is Qualifier.RANGE:
        return q.low, q.high
    v = point(q)
    if v is None:
        return None, None
    return v - h, v + h


def topic_of(ctx: Context, m: Mention) -> str | None:
    """What a fact measures, from its subject, then its clause, then its sentence."""
    sent = ctx.extraction.sentence(m)
    texts = [m.fact.subject or ""]
    if sent is not None:
        start = max(0, m.local[0] - 40)
        texts += [sent.text[start : m.local[1]], sent.text]
    for text in texts:
        found = classify_topic(text)
        if found:
            return found
    return None


def classify_topic(text: str) -> str | None:
    """The first topic (market_size, revenue, investment) named in ``text``."""
    for name, pattern in _TOPICS:
        if pattern.search(text):
            return name
    return None


def measure_of(text: str) -> str | None:
    """``count`` or ``amount`` by the measure noun in ``text`` (건수 → count, 금액 → amount)."""
    c, a = _COUNT.search(text), _AMOUNT.search(text)
    if c and (not a or c.start() >= a.start()):
        return "count"
    return "amount" if a else None


def kind_measure(m: Mention) -> str | None:
    """``amount`` for money, ``count`` for counts, else None."""
    kind = m.fact.quantity.kind
    return "amount" if kind is Kind.MONEY else "count" if kind is Kind.COUNT else None


def finding(
    rule: str,
    severity: Severity,
    message: str,
    mentions: Sequence[Mention],
    values: Iterable[Decimal | None] = (),
    ctx: Context | None = None,
    why: str = "",
) -> Finding:
    """A finding about ``mentions`` (lines and quoted sentences taken from them)."""
    lines = tuple(sorted({m.fact.line for m in mentions}))
    quotes: list[str] = []
    figures: dict[str, list[str]] = {}
    for m in mentions:
        if m.fact.figure and m.sentence is None:
            if m.fact.figure not in figures:
                figures[m.fact.figure] = []
                quotes.append(m.fact.figure)
            figures[m.fact.figure].append(m.fact.sentence)
        elif m.fact.sentence not in quotes:
            quotes.append(m.fact.sentence)
    # A figure is quoted once, with its labels and values: "그림 3 …: 하드웨어 7.6% · …".
    quotes = [f"{q}: {' · '.join(figures[q])}" if q in figures else q for q in quotes]
    return Finding(
        rule,
        severity,
        message,
        tuple(dec(v) for v in values),
        lines,
        tuple(quotes),
        tuple(m.fact for m in mentions),
        why or _WHY.get(rule.split(".")[0], ""),
    )


# Why a rule paired its facts: the relation it relies on.
_WHY = {
    "breakdown": "shares or parts listed as one breakdown (one list, figure or 'of which' clause)",
    "trend": "a trend word and the values of the same measure for the period it names",
    "comparison": "a comparison word between two values of the same measure",
    "fx": "an amount stated with its equivalent in another currency",
    "derived": "a figure stated as derived from others (growth, change, CAGR, average)",
    "restated": "the same metric, entity and period stated in more than one place",
    "table": "a table's total row or change column and the cells it is computed from",
    "store": "a figure the store holds for the same metric and period",
}


_GENERIC = re.compile(
    r"(?:합|합계|합산|총계|나머지|기타|그 ?외|remaining|remainder|rest|others?|total|sum|"
    r"其他|其它|其余|合计|总计|总和)$",
    re.IGNORECASE,
)
_SUM_WORD = re.compile(r"(?:합|합계|합산|총계|total|sum|合计|总计|总和)$", re.IGNORECASE)


def generic(metric: str | None) -> bool:
    """A metric that names no figure of its own: the rest, the others, the sum of some items."""
    return bool(metric) and bool(_GENERIC.search((metric or "").strip()))


def sum_word(metric: str | None) -> bool:
    """A metric that names a sum (합, total, 合计): a whole, not one of its parts."""
    return bool(metric) and bool(_SUM_WORD.search((metric or "").strip()))


@lru_cache(maxsize=1 << 16)
def norm(text: str | None) -> str:
    """A subject for comparison: no spaces or punctuation, lower case."""
    return re.sub(r"[\s·‧・,、()（）]", "", (text or "").lower())


def ranges_meet(a: Mention, b: Mention) -> bool:
    """Whether the two facts' value ranges overlap (the same figure, as far as shown)."""
    a_lo, a_hi = bounds(a.fact.quantity)
    b_lo, b_hi = bounds(b.fact.quantity)
    if a_lo is None or a_hi is None or b_lo is None or b_hi is None:
        return False
    return a_lo <= b_hi and b_lo <= a_hi
