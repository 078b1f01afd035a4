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
