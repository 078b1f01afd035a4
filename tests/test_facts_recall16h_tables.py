"""Table totals on fresh text (issue 16, recall16h): long stacked labels, sections, 100.0 rows.

Texts written for these tests in the style of statistical releases, results news and filings.
"""

from __future__ import annotations

from tests.check_findings import checked, fires, flagged

from sectorlens.facts import extract, from_text

# --- table totals


_SEGMENTS = """Consolidated net sales by segment:
In thousands
2017
2016
Performance Materials Segment:
Filtration
$
19,946
$
18,045
Thermal Insulation
7,283
7,081
Life Sciences Filtration
2,318
3,705
Performance Materials Segment net sales
29,547
28,831
Thermal/Acoustical Metals Segment:
Metal parts
41,522
39,807
Tooling
8,297
4,830
Thermal/Acoustical Metals Segment net sales
49,819
44,637
Consolidated Net Sales
$
79,366
$
73,468
"""


def test_stacked_table_keeps_long_row_labels_and_two_item_sections() -> None:
    assert flagged(_SEGMENTS, "table") == []
    assert any("Metals Segment net sales" in m for m in checked(_SEGMENTS, "table.total"))
    bad = flagged(_SEGMENTS.replace("8,297", "8,797"), "table")
    assert any("Thermal/Acoustical Metals Segment net sales" in f.message for f in bad)


_SECTIONED_ZH = """| 指标 | 2022年 | 2023年 |
|---|---|---|
| 分地区: | | |
| 东部 | 120.5 | 130.2 |
| 西部 | 80.1 | 85.3 |
| 地区合计 | 200.6 | 215.5 |
| 分行业: | | |
| 工业 | 150.0 | 160.1 |
| 服务业 | 50.6 | 55.4 |
| 行业合计 | 200.6 | 215.5 |
"""


def test_zh_two_items_under_a_section_label() -> None:
    assert flagged(_SECTIONED_ZH, "table", fmt="md") == []
    assert flagged(
        _SECTIONED_ZH.replace("| 服务业 | 50.6 |", "| 服务业 | 56.6 |"), "table", fmt="md"
    )


_CONTRIB = """2—7 三次产业对经济增长的贡献率 | | | | |
单位:% | | | | |
指标名称 | 2019 | 2020 | 2021 | 2022 |
地区生产总值 | 100.0 | 100.0 | 100.0 | 100.0 |
第一产业 | 0.6 | 1.3 | 0.9 | 2.2 |
第二产业 | 49.6 | 54.8 | 52.1 | 52.6 |
第三产业 | 49.8 | 43.9 | 47.0 | 45.2 |
工业 | 43.3 | 52.5 | 53.4 | 45.8 |
建筑业 | 6.3 | 2.3 | -1.1 | 6.9 |
"""


def test_zh_pipe_table_title_rows_are_no_header() -> None:
    ex = extract(from_text(_CONTRIB))
    cell = next(m for m in ex.mentions if m.fact.quantity.input == "54.8")
    assert cell.fact.period is not None and cell.fact.period.end.year == 2020


def test_zh_whole_at_100_first_then_its_items_and_sub_items() -> None:
    fires(_CONTRIB, _CONTRIB.replace("| 54.8 |", "| 57.8 |"), "table.total")


def test_hundred_first_row_without_items_that_add_up_says_nothing() -> None:
    text = _CONTRIB.replace(
        "第三产业 | 49.8 | 43.9 | 47.0 | 45.2 |", "第三产业 | 9.8 | 3.9 | 7.0 | 5.2 |"
    )
    assert flagged(text, "table.total") == []


_RESPONDENTS = """< 응답자 특성표 >
구분 | 사례수 | %
전 체 | 1044 | 100.0
성 별 | |
남 | 513 | 49.1
여 | 531 | 50.9
연 령 | |
20대 | 269 | 25.8
30대 | 323 | 30.9
40대 | 181 | 17.3
50세 이상 | 271 | 26.0
"""


def test_ko_each_section_of_a_respondents_table_adds_up_to_the_whole() -> None:
    fires(_RESPONDENTS, _RESPONDENTS.replace("| 513 |", "| 543 |"), "table.total")
    fires(_RESPONDENTS, _RESPONDENTS.replace("| 30.9", "| 33.9"), "table.total")


def test_en_sections_of_all_respondents() -> None:
    text = """Respondents | Count | Share
Total | 800 | 100.0
By sex | |
Men | 390 | 48.8
Women | 410 | 51.2
By age | |
Under 40 | 300 | 37.5
40 and over | 500 | 62.5
"""
    fires(text, text.replace("| 410 |", "| 440 |"), "table.total")


def test_sections_that_do_not_add_up_anywhere_are_no_breakdown() -> None:
    text = """구분 | 사례수
전 체 | 1044
성 별 |
남 | 300
여 | 200
연 령 |
20대 | 100
30대 | 150
"""
    assert flagged(text, "table.total") == []
