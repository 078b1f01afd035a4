"""Korean amounts spaced by 만 (13만 430tCO2eq) read whole in a sentence, not as their last part."""

from __future__ import annotations

import pytest

from check_findings import flagged
from sectorlens.facts import extract, from_text


def read(text: str) -> list[tuple[str, int]]:
    facts = [m.fact for m in extract(from_text(text, fmt="txt")).mentions]
    return [(f.quantity.input, int(f.quantity.value or 0)) for f in facts]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("배출량은 2021년 13만 430tCO2eq로 줄었다.", "13만 430tCO2eq", 130430),
        ("배출량은 13만 430 tCO2eq이다.", "13만 430 tCO2eq", 130430),
        ("직원은 32만 6339명이다.", "32만 6339명", 326339),
        ("매출은 1,234만 5,678원이다.", "1,234만 5,678원", 12345678),
        ("매출은 1억 2000만 원이다.", "1억 2000만 원", 120000000),
    ],
)
def test_units_below_man_after_a_space_belong_to_the_amount(
    sentence: str, text: str, value: int
) -> None:
    assert (text, value) in read(sentence)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("관객 5만 명은 2019년 기록이다.", ("5만 명", 50000)),
        ("매출은 5만 원, 점유율은 3만 2% 아니다.", ("5만 원", 50000)),
    ],
)
def test_a_year_or_a_percentage_after_man_is_not_its_units(
    sentence: str, kept: tuple[str, int]
) -> None:
    assert kept in read(sentence)


def test_a_stated_change_between_spaced_amounts_is_judged_on_the_whole_amounts() -> None:
    holds = (
        "Scope1 배출량은 2021년 13만 430tCO2eq로 2020년 11만8766tCO2eq보다 1만1664tCO2eq 늘었다."
    )
    assert flagged(holds, "derived") == []
    off = holds.replace("1만1664", "2만1664")
    assert flagged(off, "derived") != []
