"""A year-on-year rate paired with the level of the year before that the report states elsewhere
for the same metric (``growth`` judges the pair; a ``warning``: the pairing is inferred)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sectorlens.facts.extract import Mention
from sectorlens.facts.rules.common import Context, half_unit, point
from sectorlens.facts.rules.levels import is_point_level, unit_key
from sectorlens.facts.rules.pairs import Pair, is_prior
from sectorlens.facts.rules.same_metric import same_metric
from sectorlens.model import Kind, Period


def _year_before(p: Period) -> Period | None:
    try:
        return Period(
            date(p.start.year - 1, p.start.month, p.start.day),
            date(p.end.year - 1, p.end.month, min(p.end.day, 28 if p.end.month == 2 else 31)),
            p.partial,
        )
    except ValueError:
        return None


def _restates(section: str, level: Mention, levels: Sequence[Mention]) -> bool:
    """The other section states ``level`` itself too, same metric, period and value within
    rounding (the key-figures table the chairman's letter quotes): its figure of the year before
    is the base of the letter's 同比 rate."""
    want = point(level.fact.quantity)
    if want is None or level.fact.period is None:
        return False
    for y in levels:
        got = point(y.fact.quantity)
        if (
            y.section == section
            and got is not None
            and y.fact.period == level.fact.period
            and unit_key(y) == unit_key(level)
            and same_metric(y, level)
            and abs(got - want) <= half_unit(y.fact.quantity) + half_unit(level.fact.quantity)
        ):
            return True
    return False


def year_on_year(ctx: Context, mentions: Sequence[Mention]) -> list[tuple[str, Pair, Mention]]:
    """YoY rates of a level, each with the same metric's level a year before stated elsewhere:
    (the rate's sentence, the two levels, the rate)."""
    by_span = {m.fact.span: m for m in mentions}
    sentences = ctx.extraction.layout.sentences
    levels = [
        m
        for m in ctx.extraction.mentions
        if is_point_level(m)
        and m.metric
        and not m.estimate
        # the earlier level of a comparison in its own sentence is that comparison's base
        and (m.sentence is None or not is_prior(sentences[m.sentence].text, m))
    ]
    out: list[tuple[str, Pair, Mention]] = []
    for m in mentions:
        if m.change not in ("yoy", "change") or m.level is None:
            continue
        level = by_span.get(m.level)
        if m.fact.quantity.kind is Kind.PP and level is not None:
            if level.fact.quantity.kind is not Kind.PERCENT:
                continue  # points of a rate (较去年末上升0.13个百分点), else nothing
        elif m.fact.quantity.kind is not Kind.PERCENT:
            continue
        if level is None or level.fact.period is None or level.period_source == "reference":
            continue
        if level.estimate:
            continue
        if m.fact.period is not None and m.fact.period != level.fact.period:
            continue  # 2022년 3만91MWh … 2023년에도 23.3% 늘어: a change of another period
        if m.change == "change" and level.fact.period.end.month != 12:
            continue  # a bare change of a part-year figure may be against the month before
        before = _year_before(level.fact.period)
        if before is None:
            continue
        found = [
            x
            for x in levels
            if x.fact.period == before
            and x.period_source != "reference"
            and unit_key(x) == unit_key(level)
            and same_metric(x, level)
            and ctx.parts.pairable(x, level)  # not dated by the date of another part
            and (
                x.section == level.section
                or not x.section
                or not level.section
                or _restates(x.section, level, levels)
            )
        ]
        values = {point(x.fact.quantity) for x in found}
        if len(values) != 1:
            continue
        sent = ctx.extraction.sentence(m)
        out.append((sent.text if sent is not None else "", Pair(found[0], level, False), m))
    return out
