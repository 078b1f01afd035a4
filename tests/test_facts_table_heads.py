"""Rows that head the rows right below them (issue 16, tables16i): the run adds up to the head
in the table's other columns, so a column where it does not holds a wrong figure; a total row
under such heads is the sum of the heads.

Texts written for these tests in the style of annual reports, statistical yearbooks and budgets.
"""

from __future__ import annotations

from tests.check_findings import checked, flagged

_REVENUE_EN = """Revenue breaks down as follows (in € millions):
  2021 2020
Publishing 2,300 2,100
Education 500 450
Literature 1,200 1,100
Partworks 600 550
Retail 3,400 3,000
Travel Essentials 1,500 1,300
Foodservice 1,900 1,700
Other 150 140
Total 5,850 5,240
"""


def test_head_rows_add_up_and_total_of_heads_holds_en() -> None:
    assert flagged(_REVENUE_EN, "table") == []
    msgs = checked(_REVENUE_EN, "table.total")
    assert any("'Publishing'" in m and "sum of the 3 rows below" in m for m in msgs)
    assert any("'Total'" in m and "sum of the 3 rows above" in m for m in msgs)


def test_item_under_a_head_that_breaks_its_sum_en() -> None:
    bad = flagged(_REVENUE_EN.replace("Education 500 450", "Education 530 450"), "table")
    # only the figures say that Publishing heads the rows below it: a warning, not an error
    assert [f.severity.value for f in bad if "'Publishing'" in f.message] == ["warning"]


def test_total_of_heads_that_does_not_add_up_en() -> None:
    bad = flagged(_REVENUE_EN.replace("Total 5,850 5,240", "Total 5,850 5,040"), "table")
    assert [f.severity.value for f in bad if "'Total'" in f.message] == ["warning"]


_OUTPUT_ZH = """单位：亿元
| 项目 | 2019 | 2020 | 2021 |
|---|---|---|---|
| 总产出(亿元) | 1200.50 | 1310.20 | 1450.80 |
| 第一产业 | 150.20 | 160.10 | 170.30 |
| 第二产业 | 600.10 | 650.40 | 720.20 |
| 第三产业 | 450.20 | 499.70 | 560.30 |
| 按主要行业分 | | | |
| 工业 | 520.10 | 560.20 | 610.40 |
| 建筑业 | 70.00 | 80.10 | 95.20 |
"""


def test_head_row_over_its_section_zh() -> None:
    assert flagged(_OUTPUT_ZH, "table") == []
    bad = flagged(_OUTPUT_ZH.replace("| 600.10 |", "| 660.10 |"), "table")
    assert any("总产出" in f.message for f in bad)


def test_a_run_that_adds_up_in_one_column_of_three_is_no_relation_zh() -> None:
    # 第一产业 + 第二产业 + 第三产业 match 总产出 in 2019 only: nothing is established
    text = _OUTPUT_ZH.replace("| 160.10 |", "| 190.10 |").replace("| 170.30 |", "| 200.30 |")
    assert flagged(text, "table") == []


_BUDGET_KO = """(단위: 백만원)
구분 2023 2024
세외수입 4,394 4,500
경상적세외수입 3,516 3,600
임시적세외수입 599 620
지방행정제재·부과금 279 280
보조금 40,413 41,000
국고보조금 27,864 28,100
시도비보조금 12,549 12,900
"""


def test_head_rows_of_a_budget_ko() -> None:
    assert flagged(_BUDGET_KO, "table") == []
    bad = flagged(_BUDGET_KO.replace("임시적세외수입 599", "임시적세외수입 699"), "table")
    assert any("세외수입" in f.message for f in bad)


def test_two_items_need_every_column_ko() -> None:
    # two rows that add up in one column of two: a coincidence, not a breakdown
    text = _BUDGET_KO.replace("시도비보조금 12,549 12,900", "시도비보조금 12,549 11,900")
    text = text.replace("보조금 40,413 41,000", "보조금 40,413 41,700")
    assert not any("'보조금'" in f.message for f in flagged(text, "table"))


# --- the first row over two breakdowns of it, one after the other

_GDP_ZH = """单位：万元
指标 | 绝对额 | 同比增长(%) |
地区生产总值 | 1250000 | 6.2 |
第一产业 | 150000 | 3.1 |
第二产业 | 520000 | 7.0 |
第三产业 | 580000 | 6.0 |
工业 | 450000 | 7.2 |
建筑业 | 70000 | 5.9 |
批发和零售业 | 210000 | 6.5 |
金融业 | 160000 | 4.4 |
其他服务业 | 360000 | 6.1 |
"""


def test_two_breakdowns_of_the_first_row_zh() -> None:
    assert flagged(_GDP_ZH, "table") == []
    assert len([m for m in checked(_GDP_ZH, "table.total") if "地区生产总值" in m]) == 2
    bad = flagged(_GDP_ZH.replace("金融业 | 160000", "金融业 | 190000"), "table")
    assert [f.severity.value for f in bad] == ["warning"]
    bad = flagged(_GDP_ZH.replace("第二产业 | 520000", "第二产业 | 540000"), "table")
    assert [f.severity.value for f in bad] == ["warning"]


def test_rest_far_from_the_whole_is_no_second_breakdown_zh() -> None:
    # the rows after 第三产业 are a few industries only (a fifth short of the whole): not checked
    text = _GDP_ZH.replace("其他服务业 | 360000 | 6.1 |\n", "")
    assert flagged(text, "table") == []


_SALES_EN = """(in $ millions)
Item | 2023 |
Net sales | 9,400 |
Americas | 4,100 |
Europe | 3,200 |
Asia | 2,100 |
Products | 6,300 |
Services | 3,100 |
"""


def test_two_breakdowns_en_and_ko() -> None:
    assert flagged(_SALES_EN, "table") == []
    bad = flagged(_SALES_EN.replace("Services | 3,100", "Services | 3,400"), "table")
    assert [f.severity.value for f in bad] == ["warning"]
    ko = _SALES_EN.replace("(in $ millions)", "(단위: 억원)").replace("Net sales", "매출액")
    ko = ko.replace("Item", "구분").replace("Americas", "미주").replace("Europe", "유럽")
    ko = ko.replace("Asia", "아시아").replace("Products", "제품").replace("Services", "서비스")
    assert flagged(ko, "table") == []
    assert flagged(ko.replace("서비스 | 3,100", "서비스 | 3,300"), "table")
    # the run that adds up has two rows only: no breakdown is established, nothing is said
    assert flagged(ko.replace("미주 | 4,100", "미주 | 4,400"), "table") == []


_CASH_FLOW_KO = """(단위: 십억원)
구분 2021 2022 2023 2024 2025
투자활동현금흐름 -1,200 -1,500 -1,800 -2,100 -2,400
유형자산의 증가 -1,000 -1,200 -1,500 -1,700 -2,000
무형자산의 증가 -150 -200 -250 -300 -330
투자자산의 증가 -50 -100 -50 -140 -40
재무활동현금흐름 300 400 -200 100 500
"""


def test_items_that_miss_in_two_columns_are_a_selection_ko() -> None:
    # the three main lines add up to the head in three years of five: other lines are left out
    assert flagged(_CASH_FLOW_KO, "table") == []
    one_off = _CASH_FLOW_KO.replace("-140 -40", "-100 -70")  # 2024 and 2025 now both add up
    assert flagged(one_off, "table") == []
    planted = one_off.replace("-1,500 -1,700", "-1,500 -1,750")
    assert any("투자활동현금흐름" in f.message for f in flagged(planted, "table"))


_GRANTS_KO = """(단위: 백만원)
구분 | 계 | 일반회계 | 특별회계 |
보조금 | 40,413 | 40,290 | 123 |
국고보조금 | 27,864 | 27,800 | 64 |
시도비보조금 | 12,549 | 12,490 | 59 |
"""


def test_two_items_in_three_columns_ko() -> None:
    assert flagged(_GRANTS_KO, "table") == []
    bad = flagged(_GRANTS_KO.replace("| 27,864 |", "| 28,864 |"), "table")
    assert any("보조금" in f.message for f in bad)
    # two columns of three off: no breakdown is established
    text = _GRANTS_KO.replace("| 27,864 |", "| 28,864 |").replace("| 27,800 |", "| 27,900 |")
    assert not any("'보조금'" in f.message for f in flagged(text, "table"))
