"""Editions: one publisher's figure for one slot, read in several pages, over time.

The edition (``as_of``) of an observation is the ``published`` date of the source (page) it was
read in; its publisher is the organisation that page attributes it to (the first of ``cites``),
or the source itself. Two observations with the same publisher and slot (metric, unit,
currency, period, geography, segment, status) from different sources are two editions of one
figure: both are kept, the latest dated one is current and the others are superseded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sectorlens.model import Observation, Source

Slot = tuple[str | date | None, ...]


def publisher(obs: Observation) -> str:
    """Who the figure is attributed to: the first cited source, else the source read."""
    return obs.cites[0] if obs.cites else obs.source_id


def slot(obs: Observation) -> Slot:
    """What one figure of one publisher stands for, whatever page it was read in."""
    return (
        publisher(obs),
        obs.metric,
        obs.unit,
        obs.currency,
        obs.period_start,
        obs.period_end,
        obs.geography,
        obs.segment_type,
        obs.segment,
        obs.status.value,
        obs.equivalent_of,
    )


@dataclass(frozen=True, slots=True)
class Edition:
    """One reading of a figure: the observation and the date of the page it came from."""

    obs: Observation
    as_of: date | None


@dataclass(frozen=True, slots=True)
class History:
    """Every edition of one publisher's figure, oldest first (undated ones last)."""

    slot: Slot
    editions: tuple[Edition, ...]

    @property
    def dated(self) -> bool:
        """True when every edition has a date, so the order is known."""
        return all(e.as_of is not None for e in self.editions)

    @property
    def current(self) -> Edition | None:
        """The latest edition, or None when an undated edition makes the order unknown."""
        return self.editions[-1] if self.dated else None

    @property
    def revised(self) -> bool:
        """True when the editions do not all state the same figure."""
        figures = {(e.obs.value, e.obs.low, e.obs.high, e.obs.qualifier) for e in self.editions}
        return len(figures) > 1


def as_of(obs: Observation, sources: Mapping[str, Source]) -> date | None:
    """The edition date of ``obs``: its source's publication date (None when unknown)."""
    src = sources.get(obs.source_id)
    return src.published if src else None


def histories(observations: Iterable[Observation], sources: Iterable[Source]) -> list[History]:
    """Every slot read in more than one source, with its editions oldest first."""
    by_id = {s.source_id: s for s in sources}
    groups: dict[Slot, list[Observation]] = defaultdict(list)
    for obs in observations:
        groups[slot(obs)].append(obs)
    out = []
    for key, members in groups.items():
        if len({o.source_id for o in members}) < 2:
            continue
        editions = sorted(
            (Edition(o, as_of(o, by_id)) for o in members),
            key=lambda e: (e.as_of is None, e.as_of or date.max, e.obs.obs_id),
        )
        out.append(History(key, tuple(editions)))
    return sorted(out, key=lambda h: tuple(str(k) for k in h.slot))


def superseded(observations: Iterable[Observation], sources: Iterable[Source]) -> set[str]:
    """Ids of observations a later dated edition of the same figure replaces."""
    observations = list(observations)
    out: set[str] = set()
    for history in histories(observations, sources):
        current = history.current
        if current is None:
            continue  # an undated edition: the order is unknown, nothing is dropped
        out |= {
            e.obs.obs_id
            for e in history.editions
            if e.obs.obs_id != current.obs.obs_id and e.as_of != current.as_of
        }
    return out


def latest(observations: Iterable[Observation], sources: Iterable[Source]) -> list[Observation]:
    """``observations`` without the superseded editions (the default view of a data set)."""
    observations = list(observations)
    drop = superseded(observations, sources)
    return [o for o in observations if o.obs_id not in drop]
