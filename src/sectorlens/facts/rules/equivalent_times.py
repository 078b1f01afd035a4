"""When a stated equivalent was converted: which equivalents were converted at one time (and so
must imply one rate), and why no ECB rate is known for a figure (a forecast without a date, a
period past the data or past the writer's date)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from sectorlens.facts.mentions import Mention
from sectorlens.facts.relative import NO_DOCUMENT_DATE
from sectorlens.facts.rules.common import Context, point
from sectorlens.facts.rules.pairs import is_prior
from sectorlens.facts.rules.rounded import converted_half, padded_half
from sectorlens.fx import FxError
from sectorlens.model import Kind, Period, Qualifier

Item = tuple[Mention, tuple[Decimal, Decimal, Decimal]]  # a mention and its implied rate range

NEAR = 3000  # characters: equivalents this close, none with a period of its own, are one text's


def same_time(ctx: Context, a: Mention, b: Mention) -> bool:
    """Two equivalents converted at one time: in one sentence (but for a level and the earlier
    one it is compared with, whose rates lie a year's move apart); both without a period of their
    own in one part or close together (one writer's, at the writer's date); or of one stated
    period — where they stand in different top-level parts, neither a forecast (converted when
    made) nor of a year counted from the document's date."""
    if a.sentence is not None and a.sentence == b.sentence:
        sentence = ctx.extraction.layout.sentences[a.sentence].text
        # 2016년 31억 달러(3조6209억원) 대비 … 40억 달러(4조6025억원): each at its own year's rate
        compared = is_prior(sentence, a) != is_prior(sentence, b)
        return not (compared and _a_years_move(a, b))
    parts = ctx.extraction.parts
    here = parts.index(a.fact.span[0]) == parts.index(b.fact.span[0])
    if _stated(a) is None and _stated(b) is None:
        return here or abs(a.fact.span[0] - b.fact.span[0]) < NEAR
    if _stated(a) is None or _stated(a) != _stated(b):
        return False
    return here or not any(counted(ctx, x) or forecast(ctx, x) for x in (a, b))


# how far a currency pair's rate moves in a year, at most as a rule (the won, the yuan, the euro
# against the dollar: under 10% in most years)
_YEARS_MOVE = Decimal("0.10")


def _a_years_move(a: Mention, b: Mention) -> bool:
    """The rates the two equivalents imply lie within a year's move of each other."""
    ra, rb = implied_rate(a), implied_rate(b)
    return ra is not None and rb is not None and abs(ra[1] / rb[1] - 1) <= _YEARS_MOVE


APPROX_SLACK = Decimal("0.015")  # an approximate equivalent (약, 约合, about) is rounded loosely
RATE_SLACK = Decimal("0.003")  # any equivalent: converted at a rate rounded to its fourth digit


def implied_rate(m: Mention) -> tuple[Decimal, Decimal, Decimal] | None:
    """(low, point, high) of the rate quote-per-base a stated equivalent implies, with rounding."""
    q = m.fact.quantity
    eq = q.equivalent
    if q.kind is not Kind.MONEY or eq is None or eq.kind is not Kind.MONEY:
        return None
    a, b = point(q), point(eq)
    if a is None or b is None or a <= 0 or not q.currency or not eq.currency:
        return None
    ha, hb = padded_half(q), max(padded_half(eq), converted_half(eq))
    lo, mid, hi = (b - hb) / (a + ha), b / a, (b + hb) / max(a - ha, a / 2)
    # a conversion is made at a rate itself rounded (1,345 or 1,350 won to the euro); 약
    # 5조7천억원, an approximate one, is rounded beyond its last digit
    exact = eq.qualifier is Qualifier.EXACT and q.qualifier is Qualifier.EXACT
    slack = RATE_SLACK if exact else APPROX_SLACK
    return lo * (1 - slack), mid, hi * (1 + slack)


def counted(ctx: Context, m: Mention) -> bool:
    """The mention's period was counted from the document's date (``今年`` read as 2025)."""
    return _noted(ctx, m, "document's date")


def guessed(ctx: Context, m: Mention) -> bool:
    """The mention's period is a deictic year (``작년``) read without a document date."""
    return _noted(ctx, m, NO_DOCUMENT_DATE)


def _noted(ctx: Context, m: Mention, words: str) -> bool:
    """The period the mention's sentence named for it carries a note with ``words``."""
    named = ctx.extraction.named.get(m.sentence, ()) if m.sentence is not None else ()
    return any(n.period == m.fact.period and n.note and words in n.note for n in named)


def never_at(
    ctx: Context, base: str, quote: str, m: Mention, implied: tuple[Decimal, Decimal, Decimal]
) -> tuple[Decimal, Decimal, date, date] | None:
    """(lowest, highest, first day, last day) of the ECB rates from the figure's period to the
    last fixing, where the rate its equivalent implies lies beyond all of them (by more than a
    rounding): converted on no day since the figure, whatever its period's own rate. A period
    read from a deictic word without a document date is widened to every fixing; a forecast
    (converted before its period) is not judged."""
    p = m.fact.period
    if ctx.fx is None or p is None or forecast(ctx, m):
        return None
    try:
        first = max(ctx.fx.bounds(base)[0], ctx.fx.bounds(quote)[0])
        last = min(ctx.fx.bounds(base)[1], ctx.fx.bounds(quote)[1])
        start = first if guessed(ctx, m) else max(first, p.start)
        low, high = ctx.fx.rate_range(base, quote, start, last)
    except FxError:
        return None
    if implied[2] < low * (1 - _NEVER) or implied[0] > high * (1 + _NEVER):
        return low, high, start, last
    return None


_NEVER = Decimal("0.05")  # beyond every fixing by this much: no rounding of the day explains it


def one_rate_for_all(ctx: Context, m: Mention, inliers: list[Item]) -> bool:
    """The equivalents agreeing on one rate span several periods, in ``m``'s own part or in
    several parts: the writer converted at one rate whatever the period (there, or throughout),
    and ``m`` (no forecast, its period stated) should be at it too."""
    if forecast(ctx, m) or counted(ctx, m):
        return False
    parts = ctx.extraction.parts
    dated = [(parts.index(x.fact.span[0]), p) for x, _ in inliers if (p := _stated(x))]
    here = parts.index(m.fact.span[0])
    if len({p for i, p in dated if i == here}) > 1:
        return True
    return len({p for _, p in dated}) > 1 and len({i for i, _ in dated}) > 1


def _stated(m: Mention) -> Period | None:
    """The mention's period where the text gives one (not the document's date standing in)."""
    return None if m.period_source == "reference" else m.fact.period


def meet(a: tuple[Decimal, Decimal, Decimal], b: tuple[Decimal, Decimal, Decimal]) -> bool:
    """Two implied rates that agree within their rounding."""
    return a[0] <= b[2] and b[0] <= a[2]


def unknown_rate(
    ctx: Context, base: str, quote: str, p: Period, day: date | None, forecast: bool
) -> str | None:
    """Why no ECB rate is known for a figure of ``p`` written on ``day``, or None.

    A forecast in a text (or part of one) that states no date of its own was converted on a day
    nobody knows; a period that runs past the last bundled fixing has no rate yet; nor has a
    forecast whose writer's date lies past the data. A period that starts after the writer's
    date and is not predicted is not dated by that date; one under way on it (this year) is.
    """
    assert ctx.fx is not None
    try:
        last = min(ctx.fx.bounds(base)[1], ctx.fx.bounds(quote)[1])
    except FxError as exc:
        return str(exc)
    ko = ctx.lang == "ko"
    if day is None and forecast:
        return (
            "작성일이 없는 글의 전망치라 환산한 날짜를 알 수 없음"
            if ko
            else "a forecast in a text that states no date of its own: the day it was converted "
            "is unknown"
        )
    if day is None and p.end > last:
        return (
            f"기간이 마지막 ECB 환율({last.isoformat()}) 이후까지 이어짐"
            if ko
            else f"the period runs past the last ECB rate ({last.isoformat()})"
        )
    if day is not None and p.start > day and not forecast:
        # (a period under way on that day, 올해 or this year, is checked as far as it has run)
        return (
            f"작성일 {day.isoformat()} 이후의 기간인데 전망으로 쓰이지 않음: 그 날짜의 글이 아님"
            if ko
            else f"the period ends after the date {day.isoformat()} yet the text does not predict "
            "it: that date does not date this figure"
        )
    if day is not None and p.end > day and day > last:
        return (
            f"작성일 {day.isoformat()}의 ECB 환율이 아직 없음"
            if ko
            else f"no ECB rate yet for the writer's date {day.isoformat()}"
        )
    return None


# Words that predict (not 추정, an estimate of a past figure): 전망, 预计, expected, will.
_FORECAST = re.compile(
    r"전망|예상|예측|것이라|것으로|预计|预测|预期|有望|将|"
    r"\b(?:forecast|expected|projected|will|estimated\sto|set\sto)\b",
    re.I,
)


def forecast(ctx: Context, m: Mention) -> bool:
    """True when the equivalent's sentence predicts (``…에 달할 전망이다``)."""
    sent = ctx.extraction.sentence(m)
    return sent is not None and bool(_FORECAST.search(sent.text))
