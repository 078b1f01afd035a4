"""Issue 16: the unit of a table cell's fact — unit lines and scale headers, a unit column,
counters with a scale, a bare table taking the unit of the figures it repeats; numbers in
headers and labels accounted for.

Every table here is written for these tests (ko, zh, en).
"""

from __future__ import annotations

import pytest

from sectorlens.facts import extract, from_text
from sectorlens.facts.table_counters import counter_of
from table_cell_facts import cells, span

# --- counters with a scale, and labels that are no counters; a unit header in a caption -----------


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("新能源汽车销量（万辆）", ("万", "辆")),
        ("판매량(천 대)", ("thousand", "대")),
        ("Bit shipments (Bil Gb)", ("billion", "Gb")),
        ("매출액 (억원)", None),  # money: the table's scale rules read it
        ("Revenue (in millions)", None),
        ("Weight (kg)", None),
        ("价格（万元 / 吨）", None),
    ],
)
def test_counter_units(label: str, want: tuple[str, str] | None) -> None:
    assert counter_of(label) == want


def test_zh_a_unit_header_scales_the_tables_money() -> None:
    text = (
        "表 1 主要财务数据（单位：亿元）\n\n| 项目 | 2023 年 | 2024 年 |\n|---|---|---|\n"
        "| 营业收入 | 120.5 | 150.2 |\n"
    )
    got = cells(from_text(text, fmt="md"))
    assert got["150.2"].quantity.value == 15_020_000_000
    assert got["150.2"].quantity.currency == "CNY"


# --- a table printed without its unit, repeating figures stated with one ------------------------

KO_BORROW = """## 요약

| 결산기 | 2023 | 2024 |
|---|---|---|
| 매출액 (십억원) | 4,210 | 5,330 |
| 영업이익 (십억원) | 610 | 880 |

## 분기 실적

| 구분 | 4Q23 | 1Q24 | 2023 | 2024 |
|---|---|---|---|---|
| 매출액 | 1,100 | 1,250 | 4,210 | 5,330 |
| 메모리 | 700 | 820 | 2,600 | 3,400 |
| 영업이익 | 150 | 190 | 610 | 880 |
| 영업이익률 | 13.6 | 15.2 | 14.5 | 16.5 |
"""


def test_ko_a_bare_table_takes_the_unit_of_the_figures_it_repeats() -> None:
    ex = extract(from_text(KO_BORROW, fmt="md"))
    last = max(m.cell[0] for m in ex.mentions if m.cell is not None)
    quarterly = {
        (m.cell[1], m.cell[2]): m.fact.quantity
        for m in ex.mentions
        if m.cell is not None and m.cell[0] == last
    }
    q1 = quarterly[(1, 2)]  # 매출액 1Q24
    assert (q1.value, q1.currency) == (1_250_000_000_000, "KRW")
    assert q1.assumptions and "unit" in q1.assumptions[-1]
    assert quarterly[(2, 1)].value == 700_000_000_000  # 메모리: an amount row too
    margin = quarterly[(4, 1)]  # 영업이익률: a rate keeps its bare number
    assert str(margin.value) == "13.6" and margin.currency is None and not margin.assumptions


def test_en_one_repeated_figure_or_a_disagreement_borrows_nothing() -> None:
    one = """Summary (in $ millions)

| Item | 2023 | 2024 |
|---|---|---|
| Revenue | 4,210 | 5,330 |

Quarterly detail

| Item | Q4 2023 | 2024 |
|---|---|---|
| Revenue | 1,100 | 5,330 |
| Units shipped | 900 | 4,100 |
"""
    ex = extract(from_text(one, fmt="md"))
    last = max(m.cell[0] for m in ex.mentions if m.cell is not None)
    bare = [m.fact.quantity for m in ex.mentions if m.cell is not None and m.cell[0] == last]
    assert bare and all(q.currency is None and not q.assumptions for q in bare)


def test_zh_a_unit_stated_for_the_bare_table_itself_is_kept() -> None:
    text = """表 1（单位：亿元）

| 项目 | 2023 年 | 2024 年 |
|---|---|---|
| 营业收入 | 120.5 | 150.2 |
| 净利润 | 10.1 | 12.3 |

表 2（单位：万元）

| 项目 | 2023 年 | 2024 年 |
|---|---|---|
| 营业收入 | 120.5 | 150.2 |
| 净利润 | 10.1 | 12.3 |
"""
    ex = extract(from_text(text, fmt="md"))
    last = max(m.cell[0] for m in ex.mentions if m.cell is not None)
    second = [m.fact.quantity for m in ex.mentions if m.cell is not None and m.cell[0] == last]
    assert {q.value for q in second} == {1_205_000, 1_502_000, 101_000, 123_000}


# --- numbers in headers and row labels are accounted for ------------------------------------------


def test_table_header_numbers_are_accounted_for_and_amounts_in_labels_stay_unread() -> None:
    from sectorlens.facts import extraction_coverage

    text = """| 항목 | 2023년 | 2024년 |
|---|---|---|
| 52주 최고가(원) | 241,000 | 250,000 |
| Operating expenses (including $1,362 of depreciation) | 62,225 | 59,509 |
"""
    cov = extraction_coverage(extract(from_text(text, fmt="md")))
    status = {t.text: (t.status.value if t.status else None, t.reason) for t in cov.tokens}
    assert status["2023"] == ("ignored", "period")
    assert status["52"] == ("ignored", "row label")
    assert status["241,000"] == ("fact", None)
    assert status["1,362"][0] == "unparsed"


# --- a unit column, unit lines and scale headers --------------------------------------------------

UNIT_COLUMN = """환경 성과

| 구분 | 단위 | 2022 | 2023 |
|---|---|---|---|
| 매출액 | 억 원 | 1,250 | 1,380 |
| 온실가스 배출량 | tCO2eq | 52,300 | 49,800 |
| 재활용률 | % | 71.5 | 74.2 |
| 임직원 수 | 명 | 1,020 | 1,045 |
"""


def test_ko_a_unit_column_gives_each_row_its_unit() -> None:
    got = cells(from_text(UNIT_COLUMN, fmt="md"))
    assert got["1,380"].quantity.value == 138_000_000_000
    assert got["1,380"].quantity.currency == "KRW"
    assert got["49,800"].quantity.unit == "tCO2eq"
    assert got["74.2"].quantity.kind.value == "percent"
    assert got["1,045"].quantity.value == 1_045 and got["1,045"].quantity.unit == "명"
    assert span(got["1,045"]) == ("2023-01-01", "2023-12-31")
    assert "억 원" not in got  # the unit cells are no facts


@pytest.mark.parametrize(
    ("unit_line", "value", "currency"),
    [
        ("($ in millions)", 1_250_000_000, "USD"),
        ("(in $ millions)", 1_250_000_000, "USD"),
        ("(In millions of U.S. dollars)", 1_250_000_000, "USD"),
        ("(단위: 억 원)", 125_000_000_000, "KRW"),
        ("(단위: 백만원)", 1_250_000_000, "KRW"),
        ("单位：亿元", 125_000_000_000, "CNY"),
        ("单位：万元", 12_500_000, "CNY"),
    ],
)
def test_scale_headers_apply_to_their_tables_cells(
    unit_line: str, value: int, currency: str
) -> None:
    text = f"{unit_line}\n\n| Item | 2024 |\n|---|---|\n| Sales | 1,250 |\n"
    q = cells(from_text(text, fmt="md"))["1,250"].quantity
    assert (q.value, q.currency) == (value, currency)


def test_a_scale_header_does_not_reach_the_next_table_after_a_heading() -> None:
    text = (
        "(단위: 억 원)\n\n| 항목 | 2024 |\n|---|---|\n| 매출 | 1,250 |\n\n## 인력\n\n"
        "| 항목 | 2024 |\n|---|---|\n| 직원 | 1,300 |\n"
    )
    q = cells(from_text(text, fmt="md"))["1,300"].quantity
    assert q.value == 1_300 and q.currency is None
