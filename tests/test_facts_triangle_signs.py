"""Negative figures written with a triangle (``△120억원``, ``▽3.2%``), as Korean accounts and
statistics print them, in text written for these tests (issue 16): the sign is read, never
dropped."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity
from sectorlens.parse import parse


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [("△120억원", "-12000000000", "KRW"), ("▽3.2%", "-3.2", "%"), ("▼0.5%", "-0.5", "%")],
)
def test_a_triangle_before_a_figure_is_its_minus_sign(written: str, value: str, unit: str) -> None:
    q = parse(written)
    assert (q.value, q.currency or q.unit) == (Decimal(value), unit)


def test_a_black_up_triangle_stays_unread_a_rise_in_korean_a_minus_in_japanese() -> None:
    assert parse("▲3.2%").value is None


def test_a_loss_written_with_a_triangle_keeps_its_sign_and_its_subject() -> None:
    text = "2023년 실적\n\n2023년 영업이익은 △120억원으로 적자 전환했다.\n"
    (fact,) = [f for f in extract(from_text(text, fmt="txt")).facts if f.quantity.kind == "money"]
    assert fact.quantity.value == Decimal("-12000000000")
    assert fact.subject == "영업이익"


TABLE = """2024년 부문별 영업이익 (단위: 억원)

| 구분 | 2023년 | 2024년 |
|---|---|---|
| 반도체 | 300 | 250 |
| 가전 | 150 | △30 |
| 합계 | 450 | {total} |
"""


def _table_findings(total: str) -> list[tuple[str, Severity]]:
    ex = extract(from_text(TABLE.format(total=total), fmt="md"))
    return [(f.rule, f.severity) for f in check(ex, lang="en") if f.rule == "table.total"]


def test_a_negative_cell_counts_against_its_table_total() -> None:
    assert _table_findings("220").count(("table.total", Severity.OK)) == 2
    assert ("table.total", Severity.ERROR) in _table_findings("225")
