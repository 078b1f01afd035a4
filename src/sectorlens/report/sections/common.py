"""Helpers the section builders share: value texts, rate notes, status words."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sectorlens.fx import Conversion
from sectorlens.model import Observation, Qualifier, Status
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

    With ``status``, a non-actual status goes right after the value: ``… 위안(추정) (약 … 원)``.
    """
    suffix = status_suffix(ctx, obs) if status else ""
    value = obs.value if obs.value is not None else Decimal(0)
    if obs.unit == "money" and obs.currency:
        if equivalent:
            conv = ctx.fmt.money_with_equivalent(
                value, obs.currency, obs.period_start, obs.period_end
            )
            if rates is not None:
                rates.add(ctx, conv.conversion)
            text = qualified(ctx, obs, conv.text) + suffix
            return f"{text} ({conv.equivalent})" if conv.equivalent else text
        return qualified(ctx, obs, ctx.fmt.money(value, obs.currency)) + suffix
    if obs.unit == "percent":
        return qualified(ctx, obs, ctx.fmt.pct(value)) + suffix
    return qualified(ctx, obs, ctx.fmt.count(value, obs.unit, ctx.labels.unit(obs.unit))) + suffix


def status_word(ctx: ReportContext, obs: Observation) -> str:
    """``실적`` / ``추정`` / … for the observation's status."""
    return ctx.words.say(f"status.{obs.status.value}")


def status_suffix(ctx: ReportContext, obs: Observation) -> str:
    """`` (추정)`` for anything but an actual figure, else empty."""
    if obs.status is Status.ACTUAL:
        return ""
    return ctx.words.say("status.suffix", status=status_word(ctx, obs))


def period_text(ctx: ReportContext, obs: Observation) -> str:
    """The observation's period written out."""
    return ctx.fmt.period(obs.period_start, obs.period_end)
