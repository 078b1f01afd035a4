"""Quantity as plain JSON-ready data, and cache control."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sectorlens.model import Quantity


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def as_dict(q: Quantity) -> dict[str, Any]:
    """The JSON shape of a Quantity: decimal strings, ISO dates, nested equivalent."""
    return {
        "input": q.input,
        "kind": q.kind.value,
        "value": _dec(q.value),
        "low": _dec(q.low),
        "high": _dec(q.high),
        "qualifier": None if q.qualifier is None else q.qualifier.value,
        "currency": q.currency,
        "unit": q.unit,
        "start": None if q.period is None else q.period.start.isoformat(),
        "end": None if q.period is None else q.period.end.isoformat(),
        "equivalent": None if q.equivalent is None else as_dict(q.equivalent),
        "reason": q.reason,
        "assumptions": list(q.assumptions),
        "low_open": q.low_open,
        "high_open": q.high_open,
    }


def clear_caches() -> None:
    """Empty the result caches (benchmarks measure cold reads with it)."""
    from sectorlens.parse import _core, general, periods, rounds

    for fn in (
        _core.read_quantity,
        general._parse,
        periods._parse_period,
        periods._parse_date,
        rounds._canonical_round,
    ):
        fn.cache_clear()


__all__ = ["as_dict", "clear_caches"]
