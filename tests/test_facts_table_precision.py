"""Precision of `check` on tables: a rule fires only on the relation a table states (issue 16 §4).

Synthetic ko/zh/en cases of the false-alarm classes seen on real documents: side-by-side tables
read as one, change columns on unlabelled rows, totals over "of which" sub-rows; and a unit
line above a table.
"""

from __future__ import annotations

from functools import partial

import pytest

from check_findings import findings, flagged
from sectorlens.facts import extract, from_text
from sectorlens.facts.tables import build_table
from sectorlens.model import Severity

run = partial(findings, fmt="md")
bad = partial(flagged, fmt="md")


# --- side-by-side tables ---------------------------------------------------------------------

SIDE_BY_SIDE = {
    "ko": ("구분", "매출", "비용", "투자", "합계", "인원", "지점", "설비", "평균"),
    "zh": ("项目", "收入", "成本", "投资", "合计", "人数", "网点", "设备", "平均"),
    "en": ("Item", "Sales", "Costs", "Capex", "Total", "Staff", "Branches", "Plants", "Average"),
}


def _side_by_side(lang: str, total: str = "180") -> str:
    h, a, b, c, t, x, y, z, avg = SIDE_BY_SIDE[lang]
    return (
        f"| {h} | 2022 | 2023 | {h} | 2022 | 2023 |\n|---|---|---|---|---|---|\n"
        f"| {a} | 100 | 120 | {x} | 50 | 55 |\n"
        f"| {b} | 40 | 45 | {y} | 20 | 22 |\n"
        f"| {c} | 15 | 15 | {z} | 30 | 32 |\n"
        f"| {t} | 155 | {total} | {avg} | 98 | 105 |\n"
    )


def test_a_label_column_in_the_middle_starts_a_second_table() -> None:
    grid = [
        ["Item", "2022", "2023", "Item", "2022", "2023"],
        ["Sales", "100", "120", "Staff", "50", "55"],
        ["Costs", "40", "45", "Branches", "20", "22"],
    ]
    built = build_table(grid)
    assert built is not None
    _, table = built
    assert table.parts == (3,)
    assert table.part_of(4) == (3, 6) and table.part_of(1) == (0, 3)
    assert table.row_label(2, 5) == "Branches" and table.row_label(2, 1) == "Costs"


def test_a_column_of_repeated_words_is_no_second_table() -> None:
    grid = [
        ["Item", "2022", "Rating", "2023"],
        ["Sales", "100", "Buy", "120"],
        ["Costs", "40", "Buy", "45"],
        ["Capex", "10", "Buy", "12"],
    ]
    built = build_table(grid)
    assert built is not None and built[1].parts == ()


@pytest.mark.parametrize("lang", SIDE_BY_SIDE)
def test_the_right_table_is_not_totalled_by_the_left_tables_total_row(lang: str) -> None:
    # 98 is within 5% of 50 + 20 + 30: read as one table, the 'Average' cell was a total.
    assert bad(_side_by_side(lang), "table.total") == []
    assert [f.severity for f in run(_side_by_side(lang), "table.total")] == [Severity.OK] * 2


@pytest.mark.parametrize("lang", SIDE_BY_SIDE)
def test_a_wrong_total_in_the_left_table_is_still_found(lang: str) -> None:
    (f,) = bad(_side_by_side(lang, total="185"), "table.total")
    assert f.severity is Severity.ERROR and f.values[0] == "185"


def test_a_header_that_starts_over_splits_the_grid_and_keeps_the_row_labels() -> None:
    grid = [
        ["", "2022", "2023", "2022", "2023"],
        ["Sales", "100", "120", "50", "55"],
        ["Costs", "40", "45", "20", "22"],
    ]
    built = build_table(grid)
    assert built is not None
    _, table = built
    assert table.parts == (3,)
    assert table.row_label(1, 4) == "Sales"


# --- change columns --------------------------------------------------------------------------

CHANGE = """| {seg} | 2022 | 2023 | {chg} |
|---|---|---|---|
| {a} | 1,000 | 1,200 | 20% |
| {b} | 500 | 450 | -10% |
| {c} | 100 | 110 | {x} |
"""


CHANGE_WORDS = {
    "ko": {"seg": "부문", "chg": "증감률", "a": "클라우드", "b": "기기"},
    "zh": {"seg": "分部", "chg": "同比增减", "a": "云", "b": "设备"},
    "en": {"seg": "Segment", "chg": "% Change", "a": "Cloud", "b": "Devices"},
}


@pytest.mark.parametrize("lang", CHANGE_WORDS)
def test_a_change_on_a_labelled_row_is_recomputed(lang: str) -> None:
    text = CHANGE.format(**CHANGE_WORDS[lang], c="X", x="30%")
    (f,) = bad(text, "table.change")
    assert f.severity is Severity.ERROR and f.values[2:] == ("30", "10")


@pytest.mark.parametrize("lang", CHANGE_WORDS)
def test_no_change_finding_on_an_unlabelled_row(lang: str) -> None:
    text = CHANGE.format(**CHANGE_WORDS[lang], c=" ", x="30%")
    assert bad(text, "table.change") == []


def test_a_signed_cell_outside_a_change_column_is_no_stated_change() -> None:
    text = CHANGE.format(**CHANGE_WORDS["en"], c="X", x="+30%").replace("% Change", "Share")
    assert bad(text, "table.change") == []


def test_a_change_column_compares_levels_of_its_own_part_only() -> None:
    text = (
        "| Item | 2022 | 2023 | Item | 2023 | Change |\n|---|---|---|---|---|---|\n"
        "| Sales | 100 | 120 | Staff | 50 | 10% |\n| Costs | 40 | 45 | Branches | 20 | 5% |\n"
    )
    assert bad(text, "table.change") == []


# --- totals over sub-rows --------------------------------------------------------------------

SUB_ROWS = {
    "zh": ("项目", "营业收入", "其中：主营业务", "其他业务", "营业外收入", "合计"),
    "ko": ("구분", "매출액", "이 중 제품", "상품", "기타수익", "합계"),
    "en": ("Item", "Revenue", "of which: products", "services", "Other income", "Total"),
}


def _sub_rows(lang: str, total: str) -> str:
    h, rev, first, second, other, tot = SUB_ROWS[lang]
    return (
        f"| {h} | 2020 |\n|---|---|\n| {rev} | 1,000 |\n| {first} | 960 |\n| {second} | 40 |\n"
        f"| {other} | 60 |\n| {tot} | {total} |\n"
    )


@pytest.mark.parametrize("lang", SUB_ROWS)
def test_sub_rows_after_of_which_are_not_parts_of_a_later_total(lang: str) -> None:
    # 1,000 + 60 = 1,060 is right; counting the sub-row 40 as a part made it 'off by 40'.
    assert bad(_sub_rows(lang, "1,060"), "table.total") == []


def test_sub_rows_of_an_item_above_a_total_row_block_a_near_miss() -> None:
    text = "| Item | 2020 |\n|---|---|\n| A | 300 |\n| B | 200 |\n| C | 100 |\n| Total | 610 |\n"
    (f,) = bad(text, "table.total")
    # one column of figures: nothing else in the table bears the relation out, so it is
    # inferred (a warning, issue 16's rule for relations a table does not corroborate)
    assert f.severity is Severity.WARNING
    text = text.replace("| B | 200 |", "| of which: B | 200 |")
    assert bad(text, "table.total") == []


# --- a unit line applies to the table below it ----------------------------------------------------

UNIT_LINES = {
    "ko": ("(단위: 억 원)", "매출액", "10000000000", "KRW"),
    "zh": ("单位：亿元", "营业收入", "10000000000", "CNY"),
    "en": ("(USD million)", "Revenue", "100000000", "USD"),
}


@pytest.mark.parametrize("lang", UNIT_LINES)
def test_a_unit_line_applies_to_the_table_below_it(lang: str) -> None:
    unit, metric, value, currency = UNIT_LINES[lang]
    text = (
        f"## Table 1\n\n{unit}\n\nSource: company data\n\nNote: estimates\n\n"
        f"| | 2022 | 2023 |\n|---|---|---|\n| {metric} | 80 | 100 |\n| X | 1 | 2 |\n"
    )
    ex = extract(from_text(text, fmt="md"))
    cell = next(m for m in ex.mentions if m.cell is not None and m.cell[1:] == (1, 2))
    q = cell.fact.quantity
    assert (str(q.value), q.currency) == (value, currency)


def test_a_unit_line_does_not_reach_past_another_table() -> None:
    text = (
        "(단위: 억 원)\n\n| | 2023 |\n|---|---|\n| 매출액 | 100 |\n\n"
        "| | 2023 |\n|---|---|\n| 직원 수 | 100 |\n"
    )
    ex = extract(from_text(text, fmt="md"))
    values = [(m.fact.quantity.currency, str(m.fact.quantity.value)) for m in ex.mentions]
    assert values == [("KRW", "10000000000"), (None, "100")]
