"""Hostile cells: parse time grows linearly with the length of the text (issue 12 §7).

A cell of 40,000 dashes took 32 s (a quadratic scan for range separators). Each shape below is
read at 40,000 characters, and at 100,000 and 400,000, from empty caches (best of a few runs).
"""

from __future__ import annotations

import time

import pytest

from sectorlens.model import Kind
from sectorlens.parse import clear_caches, parse, parse_money

SHAPES = ["-", "- ", "1-", "一", "1万-", "~", "1到", "万", "约", "%", "1 ", "억", "元", "(1)"]


def _seconds(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        clear_caches()
        start = time.perf_counter()
        parse(text)
        parse_money(text, default_currency="USD")
        best = min(best, time.perf_counter() - start)
    return best


def _cell(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


@pytest.mark.parametrize("unit", SHAPES)
def test_a_40000_character_cell_is_read_quickly(unit: str) -> None:
    text = _cell(unit, 40_000)
    assert _seconds(text, runs=1) < 1.0
    assert parse(text).kind in (Kind.UNPARSED, Kind.MISSING)


@pytest.mark.parametrize("unit", ["- ", "一", "1到", "2021年1月~"])
def test_doubling_the_input_roughly_doubles_the_time(unit: str) -> None:
    """Twice doubled (100,000 -> 400,000 characters): linear is x4, quadratic x16.

    Below ~100,000 characters fixed costs and the allocator's switch to fresh pages for large
    strings dominate the timings, so the comparison starts there.
    """
    short, long = _seconds(_cell(unit, 100_000), 5), _seconds(_cell(unit, 400_000), 5)
    assert long / short < 11.0, (short, long)
