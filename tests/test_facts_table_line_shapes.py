"""Plain-text tables in the shapes PDF-to-text and web pages give them (issue 16, tables16j):
one cell per line (between pipes or not) under a unit line that heads the row labels.

Texts written for these tests in the style of quarterly reports, filings and yearbooks.
"""

from __future__ import annotations

from datetime import date

from tests.fact_mentions import cells, one_cell, span

from check_findings import BAD
from sectorlens.facts import check, extract, from_text
from sectorlens.facts.stacked_tables import cell_lines
from sectorlens.facts.text_cells import header_tokens


def _bad(text: str, lang: str) -> list[str]:
    found = check(extract(from_text(text, fmt="txt")), lang=lang)
    return [f.message for f in found if f.severity in BAD and f.rule.startswith("table")]


# --- one cell per line, between pipes, under a unit line


def _orders_en(parts: str = "210.4") -> str:
    return f"""Order intake by segment |
|||
in € million |
Q2 2024 |
Q2 2023 |
H1 2024 |
Materials |
520.0 |
498.1 |
1,010.2 |
Services |
400.5 |
380.0 |
790.0 |
– Repairs |
{parts} |
200.0 |
415.0 |
– Spare parts |
190.1 |
180.0 |
375.0 |
Total |
920.5 |
878.1 |
1,800.2 |
"""


def test_one_cell_per_line_between_pipes_reads_as_a_table_en() -> None:
    m = one_cell(_orders_en(), "520000000")
    assert m.fact.quantity.currency == "EUR"
    assert "Materials" in (m.fact.subject or "")
    assert span(m) == (date(2024, 4, 1), date(2024, 6, 30))
    old = one_cell(_orders_en(), "498100000")
    assert span(old) == (date(2023, 4, 1), date(2023, 6, 30))


def test_one_cell_per_line_subtotal_over_its_dash_items_en() -> None:
    assert _bad(_orders_en(), "en") == []
    assert _bad(_orders_en("201.4"), "en") != []  # 201.4 + 190.1 is not the 400.5 stated
    h1 = one_cell(_orders_en(), "790000000")
    assert span(h1) == (date(2024, 1, 1), date(2024, 6, 30))


_SALES_KO = """부문별 매출 |
(단위: 억원) |
2024년 |
2023년 |
소재 |
1,200 |
1,100 |
부품 |
800 |
700 |
합계 |
2,000 |
1,800 |
"""


def test_one_cell_per_line_under_a_unit_line_ko() -> None:
    m = one_cell(_SALES_KO, "120000000000")
    assert m.fact.quantity.currency == "KRW"
    assert "소재" in (m.fact.subject or "")
    assert span(m) == (date(2024, 1, 1), date(2024, 12, 31))
    assert _bad(_SALES_KO, "ko") == []
    assert _bad(_SALES_KO.replace("부품 |\n800 |", "부품 |\n900 |"), "ko") != []


_OUTPUT_ZH = """单位：万元 |
2023年 |
2022年 |
第一产业 |
300 |
280 |
第二产业 |
900 |
850 |
合计 |
1,200 |
1,130 |
"""


def test_one_cell_per_line_under_a_unit_line_zh() -> None:
    m = one_cell(_OUTPUT_ZH, "9000000")
    assert m.fact.quantity.currency == "CNY"
    assert "第二产业" in (m.fact.subject or "")
    assert span(m) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_pipe_row_of_several_cells_is_no_cell_line() -> None:
    lines = _orders_en().splitlines()
    assert cell_lines(lines) is not None
    assert cell_lines([*lines[:5], "Materials | 520.0 | 498.1 |", *lines[8:]]) is None


def test_a_title_line_above_the_column_names_is_no_corner_en() -> None:
    # seven lines above three values: the first is a title, not a unit line; no dated column
    # may come of a wrong alignment
    text = """Orders |
Q2 2024 |
Q2 2023 |
Q1 2024 |
Materials |
520.0 |
498.1 |
Services |
400.5 |
380.0 |
Total |
920.5 |
878.1 |
"""
    m = one_cell(text, "520.0")
    assert span(m) is None or span(m) != (date(2023, 4, 1), date(2023, 6, 30))


# --- footnote digits glued to the header's years, a section row with a footnote mark


_KEY_EN = """Five-year summary
(in millions of euros)
2023 2022 20211 20202 2019
Results
Revenue 5,100 4,900 4,700 4,500 4,300
Operating profit 1,020 980 940 900 860
Cash and capital 3
Net cash from operating activities 1,210 1,150 1,090 1,030 970
Net debt 2,400 2,300 2,200 2,100 2,000
"""


def test_footnote_digit_glued_to_a_year_in_a_run_of_years_en() -> None:
    m = one_cell(_KEY_EN, "4500000000")
    assert span(m) == (date(2020, 1, 1), date(2020, 12, 31))
    assert one_cell(_KEY_EN, "4700000000").fact.period is not None


def test_section_row_with_a_footnote_mark_keeps_the_table_whole_en() -> None:
    m = one_cell(_KEY_EN, "1030000000")
    assert "Net cash from operating activities" in (m.fact.subject or "")
    assert span(m) == (date(2020, 1, 1), date(2020, 12, 31))  # a flow over the year


def test_a_glued_token_that_breaks_the_run_is_no_year_en() -> None:
    # 20151 after 2022 is not the next year: the header stays unread, no column is dated 2015
    text = _KEY_EN.replace("2023 2022 20211 20202 2019", "2023 2022 20151 20202 2019")
    dated = {span(m) for m in cells(text) if m.fact.period is not None}
    assert (date(2015, 1, 1), date(2015, 12, 31)) not in dated


def test_header_tokens_unglue_only_a_fitting_year() -> None:
    assert header_tokens(["2024", "2023", "20221", "20212"]) == ["2024", "2023", "2022", "2021"]
    assert header_tokens(["2020", "2021", "20222"]) == ["2020", "2021", "2022"]
    assert header_tokens(["20241", "20232"]) == ["20241", "20232"]  # no plain year to fit
    assert header_tokens(["Sales", "2023", "2022", "12345"])[-1] == "12345"


_KEY_KO = """(단위: 억원)
구분 2024 2023 20221
매출액 5,100 4,900 4,700
영업이익 1,020 980 940
영업활동 현금유입 1,210 1,150 1,090
"""


def test_footnote_digit_glued_to_a_year_ko() -> None:
    m = one_cell(_KEY_KO, "470000000000")
    assert span(m) == (date(2022, 1, 1), date(2022, 12, 31))
    cash = one_cell(_KEY_KO, "109000000000")
    assert span(cash) == (date(2022, 1, 1), date(2022, 12, 31))


_KEY_ZH = """单位：亿元
项目 2024年 2023年 20221
营业收入 510 490 470
经营活动现金净额 121 115 109
"""


def test_footnote_digit_glued_only_to_a_bare_year_zh() -> None:
    # 2024年 2023年 are not bare years: 20221 stays unread rather than guessed
    dated = {span(m) for m in cells(_KEY_ZH) if m.fact.period is not None}
    assert (date(2022, 1, 1), date(2022, 12, 31)) not in dated
