"""What the dashboard shows: its charts and table views, each one metric request."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class View:
    """One metric request the dashboard makes: ``metric`` grouped ``by``, titled ``title``."""

    view_id: str
    metric: str
    by: tuple[str, ...]
    title: str  # a key of strings.STRINGS


CHARTS: tuple[View, ...] = (
    View("deals_by_year", "deals", ("year",), "chart.deals_by_year"),
    View("amount_by_year", "deals", ("year",), "chart.amount_by_year"),
    View("by_region", "shares", ("province",), "chart.by_region"),
    # deal and amount shares per sector (what the chart draws: the same figures as segments',
    # without its distinct companies, which no cube holds)
    View("by_sector", "shares", ("sector",), "chart.by_sector"),
    View("by_round", "shares", ("round",), "chart.stage_mix"),
)

TABLES: tuple[View, ...] = (
    View("deals_year", "deals", ("year",), "chart.deals_by_year"),
    View("shares_province", "shares", ("province",), "chart.by_region"),
    View("segments_sector", "segments", ("sector",), "chart.by_sector"),
    View("shares_round", "shares", ("round",), "chart.stage_mix"),
)


def chart_ids() -> list[str]:
    """The dashboard's chart ids, in display order."""
    return [c.view_id for c in CHARTS]


def chart(view_id: str) -> View | None:
    """The chart ``view_id``, if there is one."""
    return next((c for c in CHARTS if c.view_id == view_id), None)
