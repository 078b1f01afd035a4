"""Constructions of long Korean and Chinese reports (annual reports, sustainability reports,
bank summaries) that rules misread or missed (issue 16), with tables and sentences written for
these tests. Each case pairs a text that must give no error or warning with the same text made
inconsistent by one figure, which must fire.
"""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def flagged(text: str, rule: str = "", fmt: str = "md") -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt=fmt)), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


# --- 营业收入构成: one share column, one whole per 分行业 / 分产品 / 分地区 section ---------------

REVENUE_MIX = """# 示例科技股份有限公司2022年年度报告

## 第三节 管理层讨论与分析

（1）营业收入构成

单位：万元

| | 2022年 | | 2021年 | | 同比增减 |
|---|---|---|---|---|---|
| | 金额 | 占营业收入比重 | 金额 | 占营业收入比重 | |
| 营业收入合计 | 84,000 | 100% | 70,000 | 100% | 20.00% |
| 分行业 | | | | | |
| 仪器制造 | 80,000 | 95.24% | 66,500 | 95.00% | 20.30% |
| 其他业务 | 4,000 | 4.76% | 3,500 | 5.00% | 14.29% |
| 分产品 | | | | | |
| 传感器 | 50,400 | 60.00% | 40,600 | 58.00% | 24.14% |
| 控制系统 | 21,000 | 25.00% | 19,600 | 28.00% | 7.14% |
| 其他 | 12,600 | 15.00% | 9,800 | 14.00% | 28.57% |
| 分地区 | | | | | |
| 境内 | 63,000 | 75.00% | 56,000 | 80.00% | 12.50% |
| 境外 | 21,000 | 25.00% | 14,000 | 20.00% | 50.00% |
"""


def test_shares_of_each_breakdown_section_are_summed_apart() -> None:
    # the column holds the total (100%) and three breakdowns of it: not one list adding to 400%
    assert flagged(REVENUE_MIX) == []


def test_a_share_off_inside_one_section_still_fires() -> None:
    bad = REVENUE_MIX.replace("| 传感器 | 50,400 | 60.00%", "| 传感器 | 50,400 | 70.00%")
    assert [f.rule for f in flagged(bad)] == ["table.shares"]


def test_an_amount_off_inside_one_section_still_fires() -> None:
    bad = REVENUE_MIX.replace("| 控制系统 | 21,000 | 25.00% |", "| 控制系统 | 23,000 | 25.00% |")
    assert "table.total" in {f.rule for f in flagged(bad)}


# --- key figures: the current year first (2022年 | 2021年 | 本年比上年增减) ---------------------

KEY_FIGURES = """### 五、主要会计数据和财务指标

| | 2022年 | 2021年 | 本年比上年增减 | 2020年 |
|---|---|---|---|---|
| 营业收入（元） | 840,000,000.00 | 700,000,000.00 | 20.00% | 650,000,000.00 |
| 归属于上市公司股东的净利润（元） | 66,000,000.00 | 60,000,000.00 | 10.00% | 52,000,000.00 |
| 经营活动产生的现金流量净额（元） | 45,000,000.00 | 50,000,000.00 | -10.00% | 41,000,000.00 |
| 财务费用（元） | -2,100,000.00 | 1,300,000.00 | -261.54% | 900,000.00 |
| 基本每股收益（元/股） | 0.66 | 0.60 | 10.00% | 0.52 |
"""


def test_a_change_column_after_current_and_prior_year_agrees() -> None:
    # 2022 stands before 2021: the change is read from 2021 to 2022, and a level that turns
    # negative (1,300,000 to -2,100,000 is -261.54%) is no contradiction
    assert flagged(KEY_FIGURES) == []


def test_a_wrong_change_among_agreeing_rows_fires() -> None:
    bad = KEY_FIGURES.replace("| 10.00% | 52,000,000.00 |", "| 14.00% | 52,000,000.00 |")
    found = flagged(bad)
    assert [f.rule for f in found] == ["table.change"]
    assert found[0].severity is Severity.ERROR


def test_a_change_column_that_agrees_nowhere_is_another_measure() -> None:
    # every row off: the column is not the change of these two years (points, another base)
    rows = [
        "| | 2022年 | 2021年 | 增减 |",
        "|---|---|---|---|",
        "| 毛利率 | 30.00% | 28.00% | 2.00% |",
        "| 净利率 | 12.00% | 10.00% | 2.00% |",
        "| 费用率 | 9.00% | 10.00% | -1.00% |",
    ]
    table = "\n".join(rows)
    assert flagged(table, "table.change") == []


# --- a chairman's letter quoting the key-figures table --------------------------------------------

LETTER = """# 示例银行2022年年度报告

## 4.财务概要

人民币百万元，另有标注除外

| 项目 | 2022年 | 2021年 | 2020年 |
|---|---|---|---|
| 营业收入 | 84,000 | 70,000 | 65,000 |
| 净利润 | 22,000 | 20,000 | 18,000 |

## 6.行长致辞

2022年，本行经营稳中有进。实现营业收入840.00亿元，同比增长20.00%；净利润220.00亿元，同比增长10.00%。
"""


def test_a_scale_line_without_unit_word_reads_the_table_in_millions() -> None:
    found = check(extract(from_text(LETTER, fmt="md")), lang="en")
    assert not [f for f in found if f.severity in BAD]


def test_a_rate_in_the_letter_against_the_table_year_before_fires() -> None:
    bad = LETTER.replace("同比增长20.00%", "同比增长24.00%")
    found = flagged(bad, "derived.growth")
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING  # the pairing across sections is inferred


def test_another_sections_figure_of_another_whole_is_no_base() -> None:
    # the segment table's 营业收入 is not the bank's: its 2022 value is not the letter's level
    row, segment = "| 营业收入 | 84,000 | 70,000 | 65,000 |", "| 营业收入 | 9,000 | 8,000 | 7,000 |"
    other = LETTER.replace(row, segment)
    assert flagged(other.replace("同比增长20.00%", "同比增长24.00%"), "derived.growth") == []


# --- an opening and a closing balance (期末余额 … 期初余额 …) ------------------------------------


def test_closing_and_opening_balance_with_their_change() -> None:
    ok = "长期股权投资期末余额4,520元，期初余额47,320元，下降90.45%，主要系联营企业亏损所致。"
    assert flagged(ok, fmt="txt") == []
    assert flagged(ok.replace("下降90.45%", "上升90.45%"), fmt="txt")
    ko = "장기투자자산은 기말 4,520억원으로 기초 잔액 4,730억원 대비 4.4% 감소했다."
    assert flagged(ko, fmt="txt") == []
    assert flagged(ko.replace("4.4% 감소", "14.4% 감소"), "derived.growth", fmt="txt")


# --- sustainability reports: emissions and energy units -------------------------------------------

ESG = """## 3. 환경 성과

| 구분 | 단위 | 2020 | 2021 | 2022 |
|---|---|---|---|---|
| 직접 배출량(Scope 1) | tCO2eq | 4,301,200 | 4,405,100 | 4,210,000 |
| 간접 배출량(Scope 2) | tCO2eq | 298,700 | 301,200 | 295,500 |
| 합계 | tCO2eq | 4,599,900 | 4,706,300 | 4,505,500 |

2022년 온실가스 총 배출량은 450만5500tCO2eq로 전년(470만6300tCO2eq)에 비해 4.3% 줄었다.
"""


def test_emissions_in_tco2eq_are_read_and_agree() -> None:
    found = check(extract(from_text(ESG, fmt="md")), lang="en")
    assert not [f for f in found if f.severity in BAD]
    assert any(f.rule == "table.total" for f in found)  # the table was read in tCO2eq


def test_emissions_off_in_the_table_or_the_text_fire() -> None:
    assert flagged(ESG.replace("| 4,405,100 |", "| 4,505,100 |"), "table.total")
    assert flagged(ESG.replace("4.3% 줄었다", "6.3% 줄었다"), "derived.growth")


def test_energy_in_terajoules_and_chinese_emission_units() -> None:
    ko = "총 에너지 사용량은 3만1018TJ로 전년(3만4430TJ) 대비 9.9% 감소했다."
    assert flagged(ko, fmt="txt") == []
    assert flagged(ko.replace("9.9%", "19.9%"), "derived.growth", fmt="txt")
    zh = "公司温室气体排放总量为12.5万吨二氧化碳当量，较上年的13.2万吨二氧化碳当量下降5.3%。"
    assert flagged(zh, fmt="txt") == []
    assert flagged(zh.replace("下降5.3%", "下降8.3%"), "derived.growth", fmt="txt")


# --- words that look like numbers with counters --------------------------------------------------


def test_a_scale_line_states_no_amount() -> None:
    doc = extract(from_text(LETTER, fmt="md"))
    values = {str(f.quantity.value) for f in doc.facts}
    assert "1000000" not in values  # 人民币百万元 is the table's scale, not a million yuan
    assert "84000000000" in values  # and the table's 84,000 is read in millions


def test_a_fiscal_year_is_no_count_of_times() -> None:
    text = "’19회계연도 적정의견 비율은 97.2%로 ’15회계연도(99.4%) 이후 하락했다. 회의는 3회 열렸다"
    facts = extract(from_text(text + "\n", fmt="txt")).facts
    counts = sorted(str(f.quantity.value) for f in facts if f.quantity.kind.name == "COUNT")
    assert counts == ["3"]  # 회계연도 (fiscal year) holds no 회 (times); 3회 does


# --- a statistics release: items' rates in brackets, the trend word after 'and the like' --------


def test_an_items_bracketed_rate_against_the_word_after_its_list() -> None:
    ok = "광공업생산은 화학제품(-0.6%) 등에서 감소하였으나, 반도체(3.6%) 등이 늘어 1.4% 증가했다."
    assert flagged(ok, fmt="txt") == []
    bad = ok.replace("등에서 감소하였으나", "등에서 증가하였으나")
    assert [f.rule for f in flagged(bad, fmt="txt")] == ["trend.sign"]
    zh = "工业生产中，化学制品（-0.6%）等下降，电子（3.6%）等增长。"
    assert flagged(zh, fmt="txt") == []
    assert [f.rule for f in flagged(zh.replace("等下降", "等增长"), fmt="txt")] == ["trend.sign"]


# --- a group row naming the unit of the rows below it (盈利能力(%)) -------------------------------

RATIOS = """财务指标

| 项目 | 2022年 | 2021年 |
|---|---|---|
| 盈利能力(%) | | |
| 平均总资产回报率 | 0.62 | 0.57 |
| 成本收入比 | 56.57 | 56.41 |
| 资产质量(%) | | |
| 不良贷款率 | 0.86 | 0.86 |
"""


def test_a_group_rows_percent_unit_reaches_its_rows() -> None:
    facts = extract(from_text(RATIOS, fmt="md")).facts
    kinds = {f.quantity.kind.name for f in facts}
    assert kinds == {"PERCENT"}  # 0.62 under 盈利能力(%) is 0.62%, not the number 0.62


# --- change columns of undated levels: 本期 / 上期, 제56기 / 제55기 ------------------------------

PROFIT = """| 项目 | 本期发生额 | 上期发生额 | 变动比例 |
|---|---|---|---|
| 营业收入 | 5,231,000,000 | 4,656,000,000 | 12.35% |
| 销售费用 | 123,000,000 | 101,000,000 | 21.78% |
| 研发费用 | 256,000,000 | 204,000,000 | 25.49% |
| 利息收入 | 12,000,000 | 24,000,000 | -50.00% |
"""

TERMS = """(단위 : 백만원)

| 구 분 | 제56기 | 제55기 | 증감률 |
|---|---|---|---|
| 매출액 | 1,250,000 | 1,100,000 | 13.6% |
| 영업이익 | 95,000 | 80,000 | 18.8% |
| 당기순이익 | 61,000 | 66,000 | -7.6% |
"""


def test_current_and_prior_named_by_their_headers() -> None:
    assert flagged(PROFIT) == []
    assert [f.rule for f in flagged(PROFIT.replace("25.49%", "35.49%"))] == ["table.change"]
    assert flagged(TERMS) == []
    assert [f.rule for f in flagged(TERMS.replace("18.8%", "28.8%"))] == ["table.change"]


def test_a_numbered_heading_is_no_part_of_the_tables_subject() -> None:
    table = "| 구분 | 2021 | 2022 |\n|---|---|---|\n| 연료 | 28,100 | 27,300 |\n"
    text = f"### 3.2 에너지 사용량\n\n(단위: TJ)\n\n{table}"
    subjects = {f.subject for f in extract(from_text(text, fmt="md")).facts}
    assert subjects == {"에너지 사용량 · 연료"}  # not '2 에너지 사용량' (3.2 read as 3. and 2)


def test_a_tables_header_row_is_no_heading_for_the_prose_after_it() -> None:
    # the table's last column (2020年) must not become the period of the letter below it
    facts = extract(from_text(LETTER.replace("2022年，本行经营稳中有进。", ""), fmt="md")).facts
    letter = [f for f in facts if f.subject and "行长致辞" in f.subject]
    assert letter
    assert {f.period.end.year for f in letter if f.period} == {2022}
