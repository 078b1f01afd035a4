"""Derived numbers over reference observations: selection, breakdown sums, growth, implied rates.

Reference data sets are small (hundreds of rows), so these are plain ``Decimal`` functions over
``Observation`` records read once from the store; deal-level metrics over large tables live
beside them as Ibis expressions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sectorlens.errors import InputError
from sectorlens.model import Observation

HUNDRED = Decimal(100)


FIELDS = frozenset(Observation.__slots__)


def select(observations: Iterable[Observation], where: Mapping[str, Any]) -> list[Observation]:
    """Observations whose fields equal ``where``'s values (``None`` matches an empty field).

    The match is exact: without ``segment_type`` or ``segment`` only unsegmented rows match,
    and without ``equivalent_of`` stated equivalents do not (a total is never silently swapped
    for one of its segments). ``cites`` matches when the value is among the sources an
    observation attributes its figure to (one publisher's series across the pages it was read in).
    """
    unknown = set(where) - FIELDS
    if unknown:
        raise InputError(f"cannot select observations by {', '.join(sorted(unknown))}")
    wanted = dict(where)
    if "segment_type" not in wanted and "segment" not in wanted:
        wanted |= {"segment_type": None, "segment": None}
    wanted.setdefault("equivalent_of", None)
    cited = wanted.pop("cites", None)
    out = []
    for obs in observations:
        if cited is not None and cited not in obs.cites:
            continue
        if all(getattr(obs, key) == (value or None) for key, value in wanted.items()):
            out.append(obs)
    return out


def bounds(obs: Observation) -> tuple[Decimal, Decimal] | None:
    """The figure as ``(low, high)``: a point gives ``(v, v)``; a published range its ends.

    A value given beside rounding bounds (a stated equivalent) is a point; a ``range`` with both
    ends, or a figure with no value, is its bounds. None when there is nothing to show.
    """
    low, high = obs.low, obs.high
    ranged = obs.value is None or (obs.qualifier.value == "range" and None not in (low, high))
    if not ranged and obs.value is not None:
        return obs.value, obs.value
    if low is None and high is None:
        return None
    return (low if low is not None else high), (high if high is not None else low)  # type: ignore[return-value]


def is_range(obs: Observation) -> bool:
    """True when the figure is published as two different ends (``7,200–7,700``)."""
    found = bounds(obs)
    return found is not None and found[0] != found[1]


def by_period(observations: Iterable[Observation]) -> list[Observation]:
    """Sorted by period (undated last), then by id."""
    return sorted(
        observations,
        key=lambda o: (o.period_start is None, o.period_end or date.max, o.period_start, o.obs_id),
    )


def whole_years(start: date | None, end: date | None) -> bool:
    """True for a period of whole calendar years (1 Jan .. 31 Dec)."""
    return bool(start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31))


def is_partial(start: date | None, end: date | None) -> bool:
    """True for a period shorter than the calendar year(s) it falls in (``2021-01..07``)."""
    return bool(start and end and start != end and not whole_years(start, end))


def years_between(earlier: date, later: date) -> Decimal:
    """Whole months from ``earlier`` to ``later`` in years (period ends, so 2018→2020 is 2)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return Decimal(months) / 12


def cagr(start_value: Decimal, end_value: Decimal, years: Decimal) -> Decimal:
    """Compound annual growth rate as a fraction (0.469 for 46.9 %)."""
    if start_value <= 0 or end_value <= 0 or years <= 0:
        raise ValueError("CAGR needs positive values and a positive number of years")
    return (end_value / start_value) ** (1 / years) - 1


def change(old: Decimal, new: Decimal) -> Decimal:
    """Relative change as a fraction (``-0.25`` for a quarter less)."""
    return (new - old) / old


@dataclass(frozen=True, slots=True)
class BreakdownCheck:
    """How the parts of one published breakdown add up."""

    parts: tuple[Observation, ...]
    groups: tuple[tuple[Observation, Decimal], ...]  # a stated group total and its parts' sum
    total: Decimal  # the sum (of the low ends, when items are published as ranges)
    excess_item: Observation | None  # an item whose value equals the excess over 100
    total_high: Decimal | None = None  # the sum of the high ends, when any item is a range

    @property
    def status(self) -> str:
        """``complete`` (100, or 100 within the ranges' sums), ``partial`` (< 100) or ``over``."""
        high = self.total if self.total_high is None else self.total_high
        if self.total <= HUNDRED <= high:
            return "complete"
        return "partial" if high < HUNDRED else "over"

    @property
    def rest(self) -> Decimal:
        """What the listed parts leave out of 100 (negative when over)."""
        return HUNDRED - self.total


def check_breakdown(observations: Sequence[Observation]) -> BreakdownCheck:
    """Sum a percent breakdown; segments written ``a+b`` are group totals checked against parts."""
    parts = tuple(o for o in observations if "+" not in (o.segment or ""))
    by_segment = {o.segment: o for o in parts}
    groups = []
    for group in (o for o in observations if "+" in (o.segment or "")):
        members = [by_segment.get(s) for s in (group.segment or "").split("+")]
        total = sum((m.value for m in members if m and m.value is not None), Decimal(0))
        groups.append((group, total))
    ends = [b for o in parts if (b := bounds(o)) is not None]
    total = sum((low for low, _ in ends), Decimal(0))
    high = sum((h for _, h in ends), Decimal(0))
    excess = total - HUNDRED
    item = next((o for o in parts if excess > 0 and o.value == excess), None)
    return BreakdownCheck(parts, tuple(groups), total, item, high if high != total else None)


def covered_sum(
    observations: Sequence[Observation], start: date, end: date
) -> tuple[Decimal, list[Observation]] | None:
    """Sum of whole-year observations tiling ``start..end`` exactly (None if a year lacks one)."""
    if not whole_years(start, end):
        return None
    by_year = {
        o.period_start.year: o
        for o in observations
        if o.period_start
        and whole_years(o.period_start, o.period_end)
        and o.period_end
        and o.period_start.year == o.period_end.year
    }
    used = [by_year.get(year) for year in range(start.year, end.year + 1)]
    if any(o is None or o.value is None for o in used):
        return None
    chosen = [o for o in used if o is not None]
    return sum((o.value for o in chosen if o.value is not None), Decimal(0)), chosen


@dataclass(frozen=True, slots=True)
class Remainder:
    """What a multi-year total leaves after the sub-periods that are itemized."""

    total: Observation
    itemized: tuple[Observation, ...]
    years: tuple[int, ...]  # whole years of the total not covered by an itemized observation
    value: Decimal


def remainder(total: Observation, others: Sequence[Observation]) -> Remainder | None:
    """The part of a multi-year total not covered by the whole-year observations inside it."""
    start, end = total.period_start, total.period_end
    if not (start and end and whole_years(start, end)) or start.year == end.year:
        return None
    inside = [
        o
        for o in others
        if o is not total
        and o.period_start
        and o.period_end
        and o.value is not None
        and whole_years(o.period_start, o.period_end)
        and start <= o.period_start
        and o.period_end <= end
        and o.period_start.year == o.period_end.year
    ]
    if not inside or total.value is None:
        return None
    covered = {o.period_start.year for o in inside if o.period_start}
    years = tuple(y for y in range(start.year, end.year + 1) if y not in covered)
    value = total.value - sum((o.value for o in inside if o.value is not None), Decimal(0))
    return Remainder(total, tuple(by_period(inside)), years, value)


@dataclass(frozen=True, slots=True)
class ImpliedRate:
    """The exchange rate a stated equivalent implies, with the range its rounding allows."""

    base: Observation
    equivalent: Observation
    rate: Decimal
    low: Decimal
    high: Decimal


def implied_rate(base: Observation, equivalent: Observation) -> ImpliedRate:
    """Units of the equivalent's currency per unit of the base currency."""
    if not base.value or equivalent.value is None:
        raise ValueError(f"{equivalent.obs_id}: no values to divide")
    low = (equivalent.low if equivalent.low is not None else equivalent.value) / base.value
    high = (equivalent.high if equivalent.high is not None else equivalent.value) / base.value
    return ImpliedRate(base, equivalent, equivalent.value / base.value, low, high)


def common_range(rates: Sequence[ImpliedRate]) -> tuple[Decimal, Decimal] | None:
    """The rates consistent with every implied range at once, or None if they do not overlap."""
    if not rates:
        return None
    low = max(r.low for r in rates)
    high = min(r.high for r in rates)
    return (low, high) if low <= high else None


def runs(years: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive years grouped: (2014, 2015, 2016, 2017, 2019) → [(2014, 2017), (2019, 2019)]."""
    out: list[tuple[int, int]] = []
    for year in sorted(years):
        if out and out[-1][1] == year - 1:
            out[-1] = (out[-1][0], year)
        else:
            out.append((year, year))
    return out
