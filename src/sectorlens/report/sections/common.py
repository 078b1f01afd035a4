"""Helpers the section builders share: value texts, rates, status words, chart axes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sectorlens.fx import Conversion, FxError
from sectorlens.metrics.reference import bounds, is_range, whole_years
from sectorlens.model import Observation, Qualifier, Status, Target
from sectorlens.report import charts
from sectorlens.report.blocks import Note
from sectorlens.report.context import ReportContext


@dataclass
class RateLog:
    """The ECB rates a section used, for one note at its end."""

    used: dict[str, str] = field(default_factory=dict)

    def add(self, ctx: ReportContext, conversion: Conversion | None) -> None:
        """Remember the rate behind ``conversion``."""
        if conversion is None:
            return
        rate = conversion.rate
        start = rate.start or rate.on
        end = rate.end or rate.on
        period = ctx.fmt.period(start, end)
        self.used[period] = ctx.fmt.rate(rate, rate.base, rate.quote)

    def note(self, ctx: ReportContext) -> Note | None:
        """``Won equivalents at ECB average rates: 2018 166.41 KRW/CNY; …``, if any were used."""
        if not self.used:
            return None
        items = [ctx.words.say("fx.item", period=p, rate=r) for p, r in self.used.items()]
        return Note(ctx.words.say("fx.note", items="; ".join(items)))


def qualified(ctx: ReportContext, obs: Observation, text: str) -> str:
    """``text`` with the observation's qualifier (``약 …``, ``… 이상``)."""
    if obs.qualifier is Qualifier.EXACT or obs.qualifier is Qualifier.RANGE:
        return text
    return ctx.words.say(f"qualifier.{obs.qualifier.value}", v=text)


def value_text(
    ctx: ReportContext,
    obs: Observation,
    *,
    equivalent: bool = True,
    rates: RateLog | None = None,
    status: bool = False,
) -> str:
    """An observation's value written out, with a reader-currency equivalent for money.

    With ``status``, a non-actual status goes in one bracket with the equivalent:
    ``… 위안(추정, 약 … 원)``.
    A published range is written with both ends (``7,200–7,700``, ``15–17%``).
    """
    suffix = status_suffix(ctx, obs) if status else ""
    ends = bounds(obs) or (Decimal(0), Decimal(0))
    if obs.value is not None and not is_range(obs):
        ends = (obs.value, obs.value)
    one_sided = obs.value is None and (obs.low is None or obs.high is None)
    text = _ends_text(ctx, obs, ends)
    text = qualified(ctx, obs, text) if one_sided or ends[0] == ends[1] else text
    if obs.unit == "money" and obs.currency and equivalent:
        equivalents = []
        for end in dict.fromkeys(ends):
            conv = ctx.fmt.money_with_equivalent(
                end, obs.currency, obs.period_start, obs.period_end
            )
            if rates is not None:
                rates.add(ctx, conv.conversion)
            if conv.equivalent:
                equivalents.append(conv.equivalent)
        if len(equivalents) == 2:
            equivalents = [f"{equivalents[0]}–{equivalents[1].lstrip('≈약 ')}"]
        if equivalents and suffix:  # one bracket: ``… 위안(추정, 약 1,450억 원)``
            status_text = status_word(ctx, obs)
            return text + ctx.words.say("status.with", status=status_text, other=equivalents[0])
        text += suffix
        return f"{text} ({equivalents[0]})" if equivalents else text
    return text + suffix


def _ends_text(ctx: ReportContext, obs: Observation, ends: tuple[Decimal, Decimal]) -> str:
    """``low–high`` (or one value) in the observation's unit."""
    fmt = ctx.fmt
    low, high = ends
    if obs.unit == "money" and obs.currency:
        if low == high:
            return fmt.money(low, obs.currency)
        return f"{fmt.money(low, obs.currency)}–{fmt.money(high, obs.currency)}"
    number = fmt.number(low) if low == high else f"{fmt.number(low)}–{fmt.number(high)}"
    if obs.unit == "percent":
        return f"{number}%"
    label = ctx.labels.unit(obs.unit) or (
        ctx.words.say(f"units.{obs.unit}") if ctx.words.has(f"units.{obs.unit}") else obs.unit
    )
    return ctx.words.say("units.count", value=number, unit=label, one=low == high == 1)


def status_word(ctx: ReportContext, obs: Observation) -> str:
    """``실적`` / ``추정`` / … for the observation's status."""
    return ctx.words.say(f"status.{obs.status.value}")


def status_suffix(ctx: ReportContext, obs: Observation) -> str:
    """`` (추정)`` for anything but an actual figure, else empty."""
    if obs.status is Status.ACTUAL:
        return ""
    return ctx.words.say("status.suffix", status=status_word(ctx, obs))


def target_as_obs(target: Target) -> Observation:
    """A target as an observation of its value (for ``qualified`` and ``value_text``)."""
    return Observation(
        target.target_id,
        target.metric,
        target.value,
        target.unit,
        target.source_id,
        qualifier=target.qualifier,
        currency=target.currency,
    )


def aside(text: str, note: str) -> str:
    """``text (note)``, or ``text, note`` where brackets would nest or follow brackets."""
    if "(" in note or text.rstrip().endswith(")"):
        return f"{text}, {note}"
    return f"{text} ({note})"


def period_text(ctx: ReportContext, obs: Observation) -> str:
    """The observation's period written out."""
    return ctx.fmt.period(obs.period_start, obs.period_end)


def missing_years(periods: Iterable[tuple[date | None, date | None]]) -> list[int]:
    """Calendar years between the first and last whole-year period that have no period."""
    years = sorted(
        {s.year for s, e in periods if s and e and s.year == e.year and whole_years(s, e)}
    )
    if len(years) < 2:
        return []
    return [y for y in range(years[0], years[-1] + 1) if y not in years]


def in_quote(ctx: ReportContext, obs: Observation, quote: str) -> Decimal | None:
    """The observation's point value in ``quote`` at its period's ECB average (None if unknown)."""
    if obs.value is None:
        return None
    if obs.unit != "money" or not obs.currency or obs.currency == quote:
        return obs.value
    try:
        conv = ctx.fmt.convert(obs.value, obs.currency, quote, obs.period_start, obs.period_end)
    except FxError:
        return None
    return conv.result.amount


def scale(ctx: ReportContext) -> Decimal:
    """The unit money is charted in (10^8 in ko, 10^9 in en)."""
    return Decimal(ctx.words.say("chart.money_scale"))


def money_axis(ctx: ReportContext, currency: str) -> str:
    """Axis title of a money chart: ``억 위안`` / ``CNY bn``."""
    return ctx.words.say("chart.money_axis", currency=ctx.fmt.currency_name(currency))


def axis(ctx: ReportContext, obs: Observation) -> tuple[str, Decimal]:
    """Axis title and divisor for ``obs``'s unit: money (scaled), percent or a count."""
    if obs.unit == "money" and obs.currency:
        return money_axis(ctx, obs.currency), scale(ctx)
    metric = ctx.labels.metric(obs.metric)
    if obs.unit == "percent":
        return f"{metric} (%)", Decimal(1)
    unit = ctx.labels.unit(obs.unit) or (
        ctx.words.say(f"units.{obs.unit}") if ctx.words.has(f"units.{obs.unit}") else obs.unit
    )
    return f"{metric} ({unit})", Decimal(1)


def period_columns(
    rows: list[dict[str, Any]], y_title: str, kinds: list[str], domain: list[str]
) -> charts.Spec:
    """One pane of a two-pane chart per period (amount | count), bars coloured by ``kind``."""
    return charts.columns(
        rows,
        x="period",
        y="value",
        text="label",
        x_title="",
        y_title=y_title,
        color="kind",
        color_domain=kinds,
        color_title="",
        width=250,
        domain=domain,
    )
