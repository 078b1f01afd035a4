"""One period, one set of days: a period read from words (``fiscal year 2024``, ``the first
quarter of 2023``) is the period a table of the same document states by its exact dates
(``Year Ended Jan 28, 2024``, ``Three Months Ended April 1, 2023``) when both ends lie within a
week of it — fiscal periods end on a weekday near the month's end, so the words' month ends and
the table's dates name the same quarter or year. Without this, prose and the table it cites
never pair."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from sectorlens.facts.mentions import Mention
from sectorlens.model import Period

SLACK_DAYS = 7


def align_periods(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each period near exactly one table-stated period replaced by it."""
    stated = {m.fact.period for m in mentions if m.period_source == "table" and m.fact.period}
    if not stated:
        return list(mentions)
    out = []
    for m in mentions:
        period = m.fact.period
        if period is None or period in stated or m.period_source == "table":
            out.append(m)
            continue
        near = _near(period, stated)
        if near is None:
            out.append(m)
            continue
        out.append(dataclasses.replace(m, fact=dataclasses.replace(m.fact, period=near)))
    return out


def _near(period: Period, stated: Iterable[Period]) -> Period | None:
    """The one stated period whose start and end both lie within a week of ``period``'s."""
    found = [
        s
        for s in stated
        if abs((s.start - period.start).days) <= SLACK_DAYS
        and abs((s.end - period.end).days) <= SLACK_DAYS
        and s.partial == period.partial
    ]
    return found[0] if len(found) == 1 else None


__all__ = ["align_periods"]
