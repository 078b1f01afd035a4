"""The pairs of mentions that may state one figure twice (``restated``): found by metric and
period instead of trying every pair of a long document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from sectorlens.facts.extract import Mention


def candidate_pairs(
    mentions: Sequence[Mention], metric: Callable[[Mention], str]
) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) of mentions ``restated`` can take for one figure, without trying every
    pair of a long document: two sentences only where they name one ``metric``, a table cell
    with any sentence (a row is restated in prose by its words), never two cells; and only
    where the two periods are one or either is unstated."""
    prose: dict[str, list[int]] = defaultdict(list)
    cells: list[int] = []
    anywhere: list[int] = []  # sentences of any metric, for the cells to pair with
    for i, m in enumerate(mentions):
        name = metric(m)
        if not name:
            continue  # no metric named: never comparable
        if m.cell is None:
            prose[name].append(i)
            anywhere.append(i)
        else:
            cells.append(i)
    # the order of the pairs changes no group: a group is the set its pairs connect
    for same in prose.values():
        dated = _by_period(mentions, same)
        undated = dated.pop(None, [])
        for group in (*dated.values(), undated):
            yield from ((i, j) for n, i in enumerate(group) for j in group[n + 1 :])
        yield from (
            (min(i, j), max(i, j)) for i in undated for group in dated.values() for j in group
        )
    rows, lines = _by_period(mentions, cells), _by_period(mentions, anywhere)
    for period, row in rows.items():
        partners = anywhere if period is None else lines.get(period, []) + lines.get(None, [])
        yield from ((min(c, p), max(c, p)) for c in row for p in partners)


def _by_period(mentions: Sequence[Mention], indexes: list[int]) -> dict[object, list[int]]:
    out: dict[object, list[int]] = defaultdict(list)
    for i in indexes:
        period = mentions[i].fact.period
        out[None if period is None else (period.start, period.end)].append(i)
    return out
