"""Korean amounts with a scale of two places (1천억원) and amounts "of that order" (100억원대)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sectorlens.facts import extract, from_text
from sectorlens.model import Kind


def _read(text: str) -> tuple[list[tuple[str, Decimal | None]], list[str]]:
    ex = extract(from_text(text, fmt="txt"))
    facts = [(f.quantity.input, f.quantity.value) for f in ex.facts]
    return facts, [u.quantity.input for u in ex.unparsed]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("올해 매출은 1천억원으로 늘었다.", "1천억원", Decimal("100000000000")),
        ("투자 규모는 3백억 원이다.", "3백억 원", Decimal("30000000000")),
        ("매출은 2천5백억 원이다.", "2천5백억 원", Decimal("250000000000")),
        ("매출 100억원 대비 10% 늘었다.", "100억원", Decimal("10000000000")),
    ],
)
def test_an_amount_with_a_scale_of_two_places_is_read(
    text: str, figure: str, value: Decimal
) -> None:
    facts, _ = _read(text)
    assert (figure, value) in facts


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("매출은 100억원대를 유지했다.", "100억원대"),
        ("3천만원대의 연봉을 받는다.", "3천만원대"),
        ("대만 매출이 1천억원대로 늘었다.", "1천억원대"),
    ],
)
def test_an_amount_of_that_order_is_not_read_as_the_amount(text: str, figure: str) -> None:
    facts, unparsed = _read(text)
    assert facts == []  # 100억원대 is 100억 to under 200억: not 100억 exactly
    assert unparsed == [figure]


def test_an_exact_amount_beside_it_stays_money() -> None:
    ex = extract(from_text("매출은 1천억원, 영업이익은 100억원대였다.", fmt="txt"))
    assert [f.quantity.kind for f in ex.facts] == [Kind.MONEY]
