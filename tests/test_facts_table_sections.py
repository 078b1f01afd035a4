"""Plain-text tables cut at their section rows stay one table, and the rows of a section a
structure word names add up to 100 (gaps16i, tables.sections).

Tables written for these tests in the style of statistical yearbooks.
"""

from __future__ import annotations

from tests.check_findings import flagged

from sectorlens.facts import from_text
from sectorlens.facts.text_tables import text_tables

RULE = "tables.sections"

ZH = (
    "主要结构指标\n"
    "单位：%\n"
    "指  标 Item 2005 2015 2020 2024\n"
    "人口 Population\n"
    " 城乡结构   Urban and Rural Composition\n"
    "  城镇     Urban 48.2 60.1 66.3 70.4\n"
    "  乡村     Rural 51.8 39.9 33.7 29.6\n"
    " 年龄结构   Age Composition\n"
    "  0-14岁     Aged 0-14 20.1 17.2 16.9 15.8\n"
    "  15-64岁     Aged 15-64 71.5 72.9 70.4 69.9\n"
    "  65岁及以上     Aged 65 and over 8.4 9.9 12.7 14.3\n"
)


def test_a_table_cut_at_section_rows_is_one_table() -> None:
    lines = ZH.splitlines()
    (table,) = text_tables(lines)
    assert table.header and table.grid[0][1:] == ["2005", "2015", "2020", "2024"]
    assert table.start == 2 and table.end == len(lines)
    labels = [row[0] for row in table.grid[1:]]
    assert labels[1] == "城乡结构 Urban and Rural Composition"
    assert table.grid[2][1:] == [""] * 4  # a section row keeps its place, with no values


def test_zh_a_share_of_a_structure_section_off_in_one_column() -> None:
    assert flagged(ZH, RULE) == []
    bad = flagged(ZH.replace("Rural 51.8 39.9 33.7 29.6", "Rural 51.8 39.9 35.7 29.6"), RULE)
    assert len(bad) == 1 and "2020" in bad[0].message
    bad = flagged(ZH.replace("Aged 15-64 71.5 72.9", "Aged 15-64 71.5 74.9"), RULE)
    assert len(bad) == 1 and "2015" in bad[0].message


def test_en_sections_of_counts_or_rates_are_no_shares() -> None:
    text = (
        "Selected indicators\n"
        "Item 2021 2022 2023 2024\n"
        "Employment structure\n"
        "  Employed persons 410 415 420 431\n"
        "  Unemployed persons 22 20 19 18\n"
        "Growth\n"
        "  Exports 5.1 3.2 2.0 4.4\n"
        "  Imports 4.0 2.1 1.0 3.3\n"
    )
    assert flagged(text, RULE) == []


def test_ko_composition_section() -> None:
    ok = (
        "산업별 구성\n"
        "구분 2021 2022 2023 2024\n"
        "산업 구성비\n"
        "  농림어업 2.0 1.9 1.8 1.8\n"
        "  광공업 27.5 27.8 27.1 26.9\n"
        "  서비스업 70.5 70.3 71.1 71.3\n"
    )
    assert flagged(ok, RULE) == []
    assert flagged(ok.replace("서비스업 70.5 70.3 71.1", "서비스업 70.5 72.3 71.1"), RULE)


def test_the_table_is_read_as_one_block() -> None:
    doc = from_text(ZH)
    assert sum(1 for b in doc.blocks if b.table is not None) == 1


# --- rows set in under a row (tables.outline) ----------------------------------------------------

OUTLINE = (
    "支出法地区生产总值结构\n"
    "项目 2005 2015 2020 2024\n"
    "  最终消费     Final Consumption 55.1 51.6 54.3 55.0\n"
    "   居民消费       Household Consumption 40.2 38.0 39.9 40.1\n"
    "    城镇居民         Urban Households 30.0 29.8 31.6 32.2\n"
    "    农村居民         Rural Households 10.2 8.2 8.3 7.9\n"
    "   政府消费       Government Consumption 14.9 13.6 14.4 14.9\n"
    "  资本形成总额     Gross Capital Formation 40.3 44.1 42.9 41.0\n"
)


def test_zh_items_set_in_under_a_row_add_up_to_it() -> None:
    assert flagged(OUTLINE, "tables.outline") == []
    bad = flagged(OUTLINE.replace("Urban Households 30.0 29.8", "Urban Households 30.0 31.8"))
    (found,) = [f for f in bad if f.rule == "tables.outline"]
    assert "2015" in found.message and "Household Consumption" in found.message
    bad = flagged(
        OUTLINE.replace("Government Consumption 14.9 13.6", "Government Consumption 16.9 13.6")
    )
    assert [f.rule for f in bad] == ["tables.outline"]


def test_en_rows_set_in_that_never_add_up_are_no_items() -> None:
    text = (
        "Key ratios\n"
        "Item 2021 2022 2023 2024\n"
        "Operating margin 12.1 11.8 12.5 13.0\n"
        "  Cost ratio 61.0 60.2 59.9 58.8\n"
        "  Expense ratio 26.9 28.0 27.6 28.2\n"
    )
    assert flagged(text, "tables.outline") == []


def test_en_rows_of_amounts_and_change_columns_are_left_to_other_rules() -> None:
    amounts = (
        "Arrests by offense\n"
        "Offense 2021 2022 2023 2024\n"
        "Property crime 1,396.4 1,364.4 608.2 1,301.0\n"
        "  Burglary 240.9 234.6 230.1 221.7\n"
        "  Larceny-theft 1,080.1 1,056.5 1,040.2 1,010.3\n"
        "  Motor vehicle theft 65.6 63.9 61.0 59.4\n"
    )
    assert flagged(amounts, "tables.outline") == []
    changes = (
        "Demand outlook\n"
        "Item 2023 2024F 2025F Change\n"
        "Total demand 50.2 55.0 60.1 5.1\n"
        "  Mobile 30.1 33.0 36.0 1.0\n"
        "  Server 20.1 22.0 24.1 3.0\n"
    )
    assert flagged(changes, "tables.outline") == []
