"""Every registered metric, by name (an immutable mapping: the web and CLI list it generically)."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

from sectorlens.metrics import cohorts, rates, reconcile, shares, sizes, timeseries
from sectorlens.metrics.reconcile import PERIOD_PATTERN
from sectorlens.metrics.registry import DIMENSIONS, TIME_GRAINS, Metric, Param
from sectorlens.metrics.timeseries import MONTH_DAY_PATTERN

GEO = ("province", "city", "cluster", "country", "region")
SEGMENTS = ("sector", "chain_layer")
_AS_OF = Param("as_of", date, "end of the data (default: the store's latest deal date)")

METRICS: tuple[Metric, ...] = (
    Metric(
        "deals",
        "Deals and amounts by period",
        "Deal count and amount (exact, low, high, midpoint) per year, quarter or month; "
        "periods that end after the data's as-of date are marked partial.",
        timeseries.build_deals,
        timeseries.finish_deals,
        by=(*TIME_GRAINS, *DIMENSIONS),
        default_by=("year",),
        min_by=1,
        max_by=2,
        params=(_AS_OF,),
        needs_grain=True,
    ),
    Metric(
        "ytd",
        "Year to date, like for like",
        "Each year's deals and amount from 1 January to the same cut-off day, compared with "
        "the same window of the year before (not with full years).",
        timeseries.build_ytd,
        timeseries.finish_ytd,
        params=(
            Param(
                "through",
                str,
                "cut-off day MM-DD (default: the as-of day)",
                pattern=MONTH_DAY_PATTERN,
            ),
            _AS_OF,
        ),
    ),
    Metric(
        "shares",
        "Shares by place or segment",
        "Share of deals and of amount per province, city, cluster (or other dimension), "
        "ranked, with the cumulative share.",
        shares.build_shares,
        shares.finish_shares,
        by=(*GEO, *SEGMENTS, "round", "source_format"),
        default_by=("province",),
        min_by=1,
    ),
    Metric(
        "concentration",
        "Concentration: CR3, CR5, HHI",
        "Concentration ratios and the Herfindahl–Hirschman index of deals and of amount "
        "across the values of one dimension.",
        shares.build_shares,
        shares.finish_concentration,
        by=(*GEO, *SEGMENTS),
        default_by=("province",),
        min_by=1,
    ),
    Metric(
        "segments",
        "Sectors and chain layers: count vs amount",
        "Deal, company and amount shares side by side per sector or chain layer, the mean "
        "deal and the quadrant (early, mature, leading, niche).",
        shares.build_segments,
        shares.finish_segments,
        by=SEGMENTS,
        default_by=("sector",),
        min_by=1,
    ),
    Metric(
        "stage_mix",
        "Stage mix by year",
        "Deals and amount per canonical round and year, with each round's share of the year.",
        sizes.build_stage_mix,
        sizes.finish_stage_mix,
    ),
    Metric(
        "deal_size",
        "Deal size three ways",
        "Mean and median deal: disclosed exact only, low and high ends of ranges, midpoint; "
        "with the undisclosed share beside them.",
        sizes.build_deal_size,
        sizes.finish_deal_size,
        by=(*TIME_GRAINS, *DIMENSIONS),
        default_by=("year",),
        max_by=2,
    ),
    Metric(
        "growth",
        "Year-on-year growth",
        "Deals and amount per year with the change on the year before; partial years flagged.",
        timeseries.build_yearly,
        timeseries.finish_growth,
        params=(_AS_OF,),
    ),
    Metric(
        "cagr",
        "Compound annual growth",
        "CAGR of deals and amount between two years (default: first to last complete year).",
        timeseries.build_yearly,
        timeseries.finish_cagr,
        params=(
            Param("start", int, "first year", bounds=(1, 9999)),
            Param("end", int, "last year", bounds=(1, 9999)),
            _AS_OF,
        ),
    ),
    Metric(
        "cohorts",
        "Company founding cohorts",
        "Companies per founding year, how many raised a round, their deals and amount.",
        cohorts.build_cohorts,
        cohorts.finish_cohorts,
        table="companies",
        by=(*GEO, *SEGMENTS, "source_format"),
    ),
    Metric(
        "reconcile",
        "Reconciliation with published figures",
        "For one measure and period: reference observations and deal aggregates side by side "
        "in one currency at the period's average ECB rate, with their coverage.",
        reconcile.build_reconcile,
        reconcile.finish_reconcile,
        params=(
            Param(
                "period",
                str,
                "2018, 2014-2018 or 2021-01-01..2021-07-31",
                pattern=PERIOD_PATTERN,
                required=True,
            ),
            Param("measure", str, "what to reconcile", "amount", ("amount", "deals")),
            Param("obs_metric", str, "only observations of this metric"),
            Param("geography", str, "only observations of this geography"),
        ),
        in_report=False,
    ),
    Metric(
        "fx",
        "Exchange rates used",
        "Per stated currency: deals with an amount, how many were converted into the chosen "
        "currency and how many could not be, and the rates and fixing days used (each deal at "
        "the last fixing on or before its date, crossed through EUR).",
        rates.build_rates,
        rates.finish_rates,
        in_report=False,
    ),
)

REGISTRY: MappingProxyType[str, Metric] = MappingProxyType({m.name: m for m in METRICS})
