"""Projection of one publisher's yearly series: a band from the growth rates it shows.

The method (``growth_band``), stated so a reader can redo it by hand:

1. Inputs are one publisher's figures for whole calendar years of one measure (one metric,
   unit and currency; status actual or estimate — forecasts, targets and projections are never
   inputs), plus the same publisher's published year-on-year growth rates of that measure.
   Figures of different publishers are never mixed in one projection (``ValueError``).
2. The observed growth rates are the compound annual growth rate (CAGR) between each pair of
   consecutive level figures, ``(V_b / V_a) ** (1 / (b − a)) − 1``, and each published rate.
3. From the latest level figure ``V0`` of year ``Y0``, year ``t`` is projected as
   ``V0 × (1 + g) ** (t − Y0)`` with ``g`` the lowest (low end), the median (central) and the
   highest (high end) observed rate.

Arithmetic is ``Decimal`` throughout (28 significant digits; the fractional powers of step 2
use ``Decimal.__pow__``, correctly rounded); the projected values are rounded to whole units
(``ROUND_HALF_EVEN``) and the rates to 6 decimal places. A figure published as a lower bound
(``at least``) enters at its stated value, so the band is then a band for the lower bound; the
inputs carry their qualifier so a report can say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from itertools import pairwise

from sectorlens.metrics.editions import publisher
from sectorlens.model import Observation, Qualifier, Status

METHOD = "growth_band"
_INPUT_STATUSES = (Status.ACTUAL, Status.ESTIMATE)
_RATE_PLACES = Decimal("0.000001")


@dataclass(frozen=True, slots=True)
class Rate:
    """One observed growth rate: a CAGR between two level figures, or a published rate."""

    value: Decimal  # 0.24 for 24%
    first: int
    last: int
    published: bool
    obs_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Point:
    """One projected year: low end, central value and high end of the band."""

    year: int
    low: Decimal
    central: Decimal
    high: Decimal


@dataclass(frozen=True, slots=True)
class Projection:
    """A projection of one publisher's series, with every input it used."""

    method: str
    publisher: str
    levels: tuple[Observation, ...]
    growth: tuple[Observation, ...]
    rates: tuple[Rate, ...]
    base: Observation
    points: tuple[Point, ...]

    @property
    def low_rate(self) -> Decimal:
        """The lowest observed rate (the band's low end)."""
        return min(r.value for r in self.rates)

    @property
    def high_rate(self) -> Decimal:
        """The highest observed rate (the band's high end)."""
        return max(r.value for r in self.rates)

    @property
    def central_rate(self) -> Decimal:
        """The median observed rate (the central line)."""
        return _median([r.value for r in self.rates])

    @property
    def lower_bound_inputs(self) -> bool:
        """True when a level figure was published as a lower bound (``at least``)."""
        return any(o.qualifier is Qualifier.AT_LEAST for o in self.levels)


class NotProjectable(ValueError):
    """Too few inputs for a band (the reason is the message)."""


def _year(obs: Observation) -> int | None:
    """The calendar year of a whole-year observation, else None."""
    start, end = obs.period_start, obs.period_end
    if not start or not end or start.year != end.year:
        return None
    if (start, end) != (date(start.year, 1, 1), date(start.year, 12, 31)):
        return None
    return start.year


def yearly_inputs(observations: Sequence[Observation]) -> list[Observation]:
    """The observations a projection may use: whole years, actual or estimate, with a value."""
    return sorted(
        (
            o
            for o in observations
            if o.status in _INPUT_STATUSES and o.value is not None and _year(o) is not None
        ),
        key=lambda o: (o.period_start, o.obs_id),
    )


def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def _one_series(levels: Sequence[Observation], growth: Sequence[Observation]) -> str:
    """The single publisher behind every input (``ValueError`` when they mix)."""
    who = {publisher(o) for o in (*levels, *growth)}
    measures = {(o.metric, o.unit, o.currency, o.geography, o.segment) for o in levels}
    if len(who) != 1:
        raise ValueError(f"a projection uses one publisher's series, got {sorted(who)}")
    if len(measures) != 1:
        raise ValueError("a projection uses one measure (metric, unit, currency, segment)")
    if any(o.unit != "percent" for o in growth):
        raise ValueError("growth rates must be percentages")
    return who.pop()


def growth_band(
    levels: Sequence[Observation], growth: Sequence[Observation] = (), *, until: int
) -> Projection:
    """Project ``levels`` (one publisher) to ``until`` with the band of its observed rates."""
    levels, growth = yearly_inputs(levels), yearly_inputs(growth)
    if not levels:
        raise NotProjectable("no whole-year figure to project from")
    who = _one_series(levels, growth)
    by_year: dict[int, Observation] = {}
    for obs in levels:
        year = _year(obs)
        if year in by_year:
            raise ValueError(f"two figures for {year} in one series: keep one edition")
        by_year[year or 0] = obs
    years = sorted(by_year)
    with localcontext(Context(prec=28)):
        rates = []
        for a, b in pairwise(years):
            ratio = (by_year[b].value or Decimal(0)) / (by_year[a].value or Decimal(1))
            if ratio <= 0:
                raise NotProjectable(f"a non-positive figure between {a} and {b}")
            cagr = ratio ** (Decimal(1) / Decimal(b - a)) - 1
            rates.append(
                Rate(
                    cagr.quantize(_RATE_PLACES, ROUND_HALF_EVEN),
                    a,
                    b,
                    False,
                    (by_year[a].obs_id, by_year[b].obs_id),
                )
            )
        for obs in growth:
            year = _year(obs) or 0
            value = (obs.value or Decimal(0)) / 100
            rates.append(Rate(value.quantize(_RATE_PLACES), year - 1, year, True, (obs.obs_id,)))
        if len(rates) < 2:
            raise NotProjectable(f"{len(rates)} observed growth rate(s): a band needs at least two")
        base = by_year[years[-1]]
        v0 = base.value or Decimal(0)
        low, high = min(r.value for r in rates), max(r.value for r in rates)
        mid = _median([r.value for r in rates])
        points = tuple(
            Point(
                year,
                _whole(v0 * (1 + low) ** (year - years[-1])),
                _whole(v0 * (1 + mid) ** (year - years[-1])),
                _whole(v0 * (1 + high) ** (year - years[-1])),
            )
            for year in range(years[-1] + 1, until + 1)
        )
    return Projection(METHOD, who, tuple(levels), tuple(growth), tuple(rates), base, points)


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), ROUND_HALF_EVEN)


def first_year_reaching(projection: Projection, value: Decimal) -> tuple[int | None, int | None]:
    """The first projected years the high end and the low end reach ``value`` (None: never)."""
    high = next((p.year for p in projection.points if p.high >= value), None)
    low = next((p.year for p in projection.points if p.low >= value), None)
    return high, low
