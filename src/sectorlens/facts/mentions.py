"""A fact as the rules see it: where it sits, its change, metric and the whole it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from sectorlens.model import Fact, Kind, Period

FACT_KINDS = frozenset({Kind.MONEY, Kind.PERCENT, Kind.PP, Kind.COUNT, Kind.NUMBER})


@dataclass(frozen=True, slots=True)
class Mention:
    """A fact with what the rules need besides: where it sits and the whole it is a share of."""

    fact: Fact
    sentence: int | None  # index in ``Extraction.layout.sentences``; None for figure items
    local: tuple[int, int]  # span inside the sentence text (figure items: inside the value)
    base: str | None
    lang: str
    estimate: bool
    figure_run: int | None = None
    change: str | None = None  # cagr, yoy, qoq, change; from, versus: an earlier level
    metric: str | None = None  # the subject without change words: 营收 for 营收 … 同比 -31.25%
    section: str | None = None  # the heading the fact sits under
    period_source: str | None = None  # sentence, context, heading, caption, reference
    compared: Period | None = None  # the period the sentence compares with (전년 대비, vs Q4 2018)
    level: tuple[int, int] | None = None  # a change's level (营收 82.07亿元 for 同比 -31%)
    cell: tuple[int, int, int] | None = None  # (block, row, col) of a table cell
    group: str | None = None  # a cell's label row above it (Cost of revenues:)
    segment: str | None = None  # the one segment its sentence names (the Frozen Food segment)
    basis: str | None = None  # separate (별도, 母公司报表) or adjusted (non-GAAP): facts.basis
