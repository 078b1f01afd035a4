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


def test_a_triangle_before_a_word_marks_a_list_item_not_a_subject() -> None:
    text = "업종별로는 △운수창고업 38.19% △의약품 24.27% △마약류 0.2% 순으로 늘었다.\n"
    subjects = {f.quantity.input: f.subject for f in extract(from_text(text, fmt="txt")).facts}
    assert subjects == {"38.19%": "운수창고업", "24.27%": "의약품", "0.2%": "마약류"}


def test_yak_at_the_end_of_a_word_is_no_qualifier() -> None:
    text = "약효군별 비중은 신경계용 의약품 15.6%, 마약 0.2% 순이었다. 수출액은 약 5조원이다.\n"
    got = {f.quantity.input: f for f in extract(from_text(text, fmt="txt")).facts}
    assert "0.2%" in got and got["0.2%"].subject == "마약"
    assert got["약 5조원"].quantity.qualifier is not None
