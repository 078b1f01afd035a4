"""Tables pasted as plain text in the shapes real pages give them (issue 16, tables16i): a
Markdown rule row inside a pasted table, a header that lost its corner cell, a title row of one
cell, thousands set apart by a space, dashes for empty cells, footnote marks on the header's
years, long row labels, ``(€m)`` over the columns, ``nine months ended 30 September``, and a
table whose index and share blocks repeat the rows of its amounts.

Texts written for these tests in the style of statistical releases, budgets and filings.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.fact_mentions import cells, one_cell, span

from sectorlens.facts import from_text
from sectorlens.facts.text_cells import header_tokens, regroup
from sectorlens.model import Kind


def _values(text: str) -> set[Decimal]:
    return {m.fact.quantity.value for m in cells(text) if m.fact.quantity.value is not None}


# --- pipe tables: a rule row anywhere, the corner cell, a one-cell title


_BUDGET_KO = """(단위 : 백만원)
구분 | 2024년 | 2023년 |
---|---|---|
합계 | 5,300 | 5,000 |
지방세수입 | 1,200 | 1,100 |
세외수입 | 4,100 | 3,900 |
"""


def test_rule_row_of_a_pasted_table_is_no_row_ko() -> None:
    read = cells(_BUDGET_KO)
    assert not any("---" in (m.fact.sentence or "") for m in read)
    m = one_cell(_BUDGET_KO, "1200000000")
    assert m.fact.quantity.currency == "KRW"
    assert span(m) == (date(2024, 1, 1), date(2024, 12, 31))


def test_dash_cells_of_a_pasted_table_stay_cells_ko() -> None:
    text = _BUDGET_KO.replace("지방세수입 | 1,200 | 1,100 |", "지방세수입 | - | 1,100 |")
    assert Decimal("1100000000") in _values(text)
    assert Decimal("1200000000") not in _values(text)


_GDP_ZH = """全市地区生产总值核算数据 |
| 绝对额(万元) | 同比增长(%) |
GDP | 2500000 | 6.1 |
第一产业 | 300000 | 3.2 |
第二产业 | 1000000 | 7.5 |
第三产业 | 1200000 | 5.6 |
"""


def test_header_that_lost_its_corner_names_the_value_columns_zh() -> None:
    gdp = one_cell(_GDP_ZH, "25000000000")  # 2500000万元
    assert gdp.fact.quantity.currency == "CNY"
    rate = [m for m in cells(_GDP_ZH) if m.fact.quantity.input.startswith("6.1")]
    assert [m.fact.quantity.kind for m in rate] == [Kind.PERCENT]
    assert "全市地区生产总值核算数据" not in {m.fact.subject for m in cells(_GDP_ZH)}


def test_header_with_its_corner_is_not_shifted_zh() -> None:
    text = _GDP_ZH.replace("| 绝对额", "| 指标 | 绝对额").replace("\nGDP", "\n| GDP")
    text = text.replace("\n第", "\n| 第")
    # every row opens with a pipe and the header has its own first cell: nothing moves
    gdp = one_cell(text, "25000000000")
    assert gdp.fact.quantity.currency == "CNY"


# --- single-space text tables: space-set thousands, dashes, footnote marks, long labels


_REVENUE_EN = """Revenue breaks down as follows:
  2021 2020 (*)
Publishing 3 120 2 980
Education 412 398
General Literature 1 508 1 402
Partworks 1 200 1 180
Retail 5 064 4 412
Regional Radio - 35
Total 8 184 7 427
(*) Restated.
"""


def test_thousands_set_apart_by_a_space_read_under_two_years_en() -> None:
    m = one_cell(_REVENUE_EN, "3120")
    assert span(m) == (date(2021, 1, 1), date(2021, 12, 31))
    assert one_cell(_REVENUE_EN, "2980").fact.period is not None
    assert {Decimal("1508"), Decimal("5064"), Decimal("7427"), Decimal("35")} <= _values(
        _REVENUE_EN
    )
    assert Decimal("3") not in _values(_REVENUE_EN)  # no cell of the digit groups alone


def test_ambiguous_space_grouping_stays_unread_en() -> None:
    # 1 234 567 under two columns: 1 234 | 567 or 1 | 234 567? Neither is read.
    text = _REVENUE_EN.replace("Education 412 398", "Education 1 234 567")
    assert not {Decimal("1234"), Decimal("567"), Decimal("234567")} & _values(text)
    assert regroup(["Education", "1", "234", "567"], 2) is None
    assert regroup(["Education", "1", "034", "998"], 2) == ["1 034", "998"]


_SALES_KO = """(단위: 억원)
구분 2023 2022
매출액 1 250 1 040
영업이익 310 280
순이익 205 198
"""


def test_space_set_thousands_ko() -> None:
    m = one_cell(_SALES_KO, "125000000000")
    assert m.fact.quantity.currency == "KRW"
    assert span(m) == (date(2023, 1, 1), date(2023, 12, 31))


def test_footnote_marks_on_header_years() -> None:
    assert header_tokens(["2019", "2018", "(*)"]) == ["2019", "2018"]
    assert header_tokens(["Item", "2018*", "(1)"]) == ["Item", "2018"]


_LONG_LABEL_EN = """Segment results
(€m) 2016 2015 Amount %
Revenue from sales and services 2,400 2,300 100 4.3%
Depreciation, amortisation and impairments 12 10 2 20.0%
Total costs 2,100 2,050 50 2.4%
"""


def test_long_row_label_keeps_the_table_whole_and_euro_m_scales_en() -> None:
    m = one_cell(_LONG_LABEL_EN, "12000000")
    assert m.fact.quantity.currency == "EUR"
    assert span(m) == (date(2016, 1, 1), date(2016, 12, 31))
    assert one_cell(_LONG_LABEL_EN, "2100000000").fact.quantity.currency == "EUR"


def test_sentence_ending_in_numbers_is_no_row_en() -> None:
    text = (
        "Overview\n"
        "Revenue rose as the group sold more, which the board expected 12 14\n"
        "Sales went up. Margins improved in both halves of the year 3 4\n"
    )
    assert cells(text) == []


def test_nine_months_ended_day_month_year_en() -> None:
    text = "For the nine months\nended 30 September\n" + _LONG_LABEL_EN.split("\n", 1)[1]
    m = one_cell(text, "2400000000")
    assert span(m) == (date(2016, 1, 1), date(2016, 9, 30))
    prior = one_cell(text, "2300000000")
    assert span(prior) == (date(2015, 1, 1), date(2015, 9, 30))


def test_as_of_a_day_month_year_is_that_day_en() -> None:
    from sectorlens.facts.table_context import column_period

    p = column_period("As of 31 December 2019", None)
    assert p is not None and (p.start, p.end) == (date(2019, 12, 31), date(2019, 12, 31))


# --- blocks of one table that measure different things


_OUTPUT_ZH = """| 总产出 | |||
| 单位:亿元 | |||
| 项目 | 2020 | 2021 |
| 总产出(亿元) | 1000.00 | 1100.00 |
| 第一产业 | 100.00 | 110.00 |
| 第二产业 | 400.00 | 440.00 |
| 第三产业 | 500.00 | 550.00 |
| 总产出指数(上年=100) | 105.20 | 106.10 |
| 第一产业 | 102.00 | 103.00 |
| 第二产业 | 106.00 | 107.00 |
| 第三产业 | 105.00 | 106.00 |
| 总产出构成(%) | 100.00 | 100.00 |
| 第一产业 | 10.00 | 10.00 |
| 第二产业 | 40.00 | 40.00 |
| 第三产业 | 50.00 | 50.00 |
"""


def _kinds_of(text: str, printed: str) -> list[tuple[Kind, str | None]]:
    doc = from_text(text, fmt="txt")
    assert doc.blocks
    return [
        (m.fact.quantity.kind, m.fact.quantity.currency)
        for m in cells(text)
        if m.fact.sentence and m.fact.sentence.endswith(f": {printed}")
    ]


def test_index_and_share_blocks_are_not_amounts_zh() -> None:
    assert _kinds_of(_OUTPUT_ZH, "400.00") == [(Kind.MONEY, "CNY")]
    assert (Kind.MONEY, "CNY") not in _kinds_of(_OUTPUT_ZH, "106.00")  # 第二产业 index, 第三产业
    assert _kinds_of(_OUTPUT_ZH, "105.20") == [(Kind.NUMBER, None)]
    assert _kinds_of(_OUTPUT_ZH, "40.00") == [(Kind.PERCENT, None), (Kind.PERCENT, None)]


_OUTPUT_KO = """(단위: 억원)
| 구분 | 2022 | 2023 |
|---|---|---|
| 생산액 | 900 | 990 |
| 제조업 | 600 | 660 |
| 서비스업 | 300 | 330 |
| 생산지수(2020=100) | 104.1 | 108.3 |
| 제조업 | 105.2 | 109.9 |
| 서비스업 | 102.0 | 105.1 |
"""


def test_index_block_ko() -> None:
    assert _kinds_of(_OUTPUT_KO, "600") == [(Kind.MONEY, "KRW")]
    assert _kinds_of(_OUTPUT_KO, "105.2") == [(Kind.NUMBER, None)]


def test_rows_that_do_not_repeat_keep_the_table_unit_en() -> None:
    text = """(in € millions)
| Item | 2022 | 2023 |
|---|---|---|
| Revenue | 900 | 990 |
| Services (net) | 300 | 330 |
| Products | 600 | 660 |
"""
    assert _kinds_of(text, "600") == [(Kind.MONEY, "EUR")]


# --- a flattened sub-header of repeated measures; a column of shares


_BUDGET_SPLIT_KO = """(단위 : 백만원)
구분 | 계 | 일반회계 | 특별회계 | |||
---|---|---|---|---|---|---|
예산액 | 구성비 | 예산액 | 구성비 | |||
합계 | 9,000 | 100 | 8,000 | 100 | 1,000 | 100 |
지방세수입 | 3,000 | 33.33 | 3,000 | 37.50 | - | - |
세외수입 | 6,000 | 66.67 | 5,000 | 62.50 | 1,000 | 100 |
"""


def test_flattened_subheader_sets_share_columns_apart_ko() -> None:
    shares = [m for m in cells(_BUDGET_SPLIT_KO) if m.fact.quantity.kind is Kind.PERCENT]
    assert {m.fact.quantity.value for m in shares} == {
        Decimal("100"),
        Decimal("33.33"),
        Decimal("37.50"),
        Decimal("66.67"),
        Decimal("62.50"),
    }
    money = [m for m in cells(_BUDGET_SPLIT_KO) if m.fact.quantity.kind is Kind.MONEY]
    assert Decimal("8000000000") in {m.fact.quantity.value for m in money}
    assert all(m.fact.quantity.currency == "KRW" for m in money)


def test_names_that_do_not_repeat_are_no_subheader_ko() -> None:
    text = _BUDGET_SPLIT_KO.replace(
        "예산액 | 구성비 | 예산액 | 구성비 |", "세입 | 세출 | 기금 | 채무 |"
    )
    assert not [m for m in cells(text) if m.fact.quantity.kind is Kind.PERCENT]
