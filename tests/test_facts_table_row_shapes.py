"""Rows of plain-text and pasted tables in the shapes PDF-to-text and web pages give them
(issue 16, tables16j): a row label on a line of its own with its figures on the next line, a
note column, the header set apart above the rows by blank lines, a nil row of dashes among
the items, a rank column the header does not name, and items set in under their subtotal.

Texts written for these tests in the style of financial statements and statistical tables.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.fact_mentions import cells, one_cell, span

from check_findings import BAD
from sectorlens.facts import check, extract, from_text
from sectorlens.facts.pipe_rows import drop_rank
from sectorlens.facts.text_rows import drop_notes, joined_rows


def _findings(text: str, lang: str) -> list[str]:
    found = check(extract(from_text(text, fmt="txt")), lang=lang)
    return [f.message for f in found if f.rule.startswith("table")]


def _bad(text: str, lang: str) -> list[str]:
    found = check(extract(from_text(text, fmt="txt")), lang=lang)
    return [f.message for f in found if f.severity in BAD and f.rule.startswith("table")]


# --- a label on a line of its own, its figures on the next; a note column; header above


def _bs_ko(inventory: str = "30,000,000") -> str:
    return f"""재무상태표
제 12 기 2024년 12월 31일 현재
제 11 기 2023년 12월 31일 현재
(단위 : 원)
과  목 주석 12(당)기 11(전)기
자산


Ⅰ.유동자산
100,000,000 90,000,000
현금및현금성자산 4 50,000,000 45,000,000
매출채권 5 20,000,000 15,000,000
재고자산 6 {inventory} 30,000,000
Ⅱ.비유동자산
80,000,000 85,000,000
유형자산 7 60,000,000 62,000,000
확정급여자산 8 - -
무형자산 9 20,000,000 23,000,000
자  산  총  계
180,000,000 175,000,000
"""


def test_subtotal_label_on_its_own_line_joins_its_figures_ko() -> None:
    m = one_cell(_bs_ko(), "100000000")
    assert "유동자산" in (m.fact.subject or "")
    assert m.fact.quantity.currency == "KRW"
    assert span(m) == (date(2024, 12, 31), date(2024, 12, 31))


def test_note_column_is_no_figure_and_terms_date_the_columns_ko() -> None:
    assert Decimal(6) not in {m.fact.quantity.value for m in cells(_bs_ko())}
    m = one_cell(_bs_ko(), "15000000")
    assert m.fact.subject == "매출채권"  # no 11 기 from the header in it
    assert span(m) == (date(2023, 12, 31), date(2023, 12, 31))  # a balance at the day


def test_subtotal_over_its_items_with_a_nil_row_ko() -> None:
    assert _bad(_bs_ko(), "ko") == []
    assert any("비유동자산" in f for f in _findings(_bs_ko(), "ko"))
    assert _bad(_bs_ko("35,000,000"), "ko") != []


_BS_EN = """Balance sheet (in thousands of USD)
Note 2024 2023
Current assets
5,000 4,500
Cash 3 2,000 1,800
Receivables 4 1,800 1,500
Inventories 5 1,200 1,200
"""


def test_label_line_and_note_column_en() -> None:
    m = one_cell(_BS_EN, "5000000")
    assert "Current assets" in (m.fact.subject or "")
    assert span(m)[1] == date(2024, 12, 31)  # type: ignore[index]
    assert Decimal(3) not in {m.fact.quantity.value for m in cells(_BS_EN)}


_BS_ZH = """单位：元
项目 附注 2024年12月31日 2023年12月31日
流动资产合计
5,000,000 4,500,000
货币资金 七、1 2,000,000 1,800,000
"""


def test_label_line_zh() -> None:
    m = one_cell(_BS_ZH, "5000000")
    assert "流动资产合计" in (m.fact.subject or "")
    assert span(m) == (date(2024, 12, 31), date(2024, 12, 31))


def test_a_label_line_over_a_line_of_years_is_no_row() -> None:
    lines = ["Key figures", "2024 2023", "Revenue 1,200 1,100"]
    assert joined_rows(lines)[0] == lines
    lines = ["Segment A", "1,200 1,100", "Segment B 900 800"]
    assert joined_rows(lines) == (["Segment A 1,200 1,100", "Segment B 900 800"], [0, 2, 3])


def test_small_numbers_of_one_width_are_no_note_column() -> None:
    rows: list[tuple[str, list[str]] | None] = [
        ("Seoul", ["12", "1,200", "1,100"]),
        ("Busan", ["8", "900", "800"]),
        ("Daegu", ["5", "700", "650"]),
    ]
    assert drop_notes(["Region Stores 2024 2023"], rows) == rows
    assert drop_notes(["Region Note 2024 2023"], rows) == rows  # 900 is no amount of a statement
    rows = [("A", ["3", "1,200", "1,100"]), ("B", ["4", "9,000", "8,000"])]
    rows += [("C", ["5", "7,000", "6,500"]), ("D", ["1,000", "900"]), ("E", ["2,000", "1,900"])]
    assert drop_notes([], rows)[0] == ("A", ["1,200", "1,100"])


def test_a_line_of_words_above_is_no_header() -> None:
    text = """Revenue by product line

Hardware 1,200 1,100
Software 900 800
Services 700 650
"""
    m = one_cell(text, "900")
    assert (m.fact.subject or "").endswith("Software")
    assert m.fact.period is None  # no column named "product" or "line" dates or names it


# --- a rank column the header does not name


_RANKED_ZH = """| 地区 | 产量(万吨) | 增长(%) | |
|---|---|---|---|
| 1 | 北京市 | 1.20 | 3.5 |
| 2 | 天津市 | 2.40 | -1.2 |
| 3 | 河北省 | 3.60 | 8.0 |
"""


def test_rank_column_the_header_does_not_name_zh() -> None:
    m = one_cell(_RANKED_ZH, "24000")  # 2.40万吨
    assert "天津市" in (m.fact.subject or "")
    assert "产量" in (m.fact.subject or "")
    assert Decimal(2) not in {m.fact.quantity.value for m in cells(_RANKED_ZH)}


_RANKED_KO = """| 지역 | 매출(억원) | 증가율(%) | |
| 1 | 서울 | 120 | 3.5 |
| 2 | 부산 | 90 | 2.1 |
| 3 | 대구 | 70 | 1.0 |
"""


def test_rank_column_ko() -> None:
    m = one_cell(_RANKED_KO, "9000000000")
    assert "부산" in (m.fact.subject or "")
    assert m.fact.quantity.currency == "KRW"


def test_named_or_unordered_first_column_is_kept() -> None:
    named = [["Rank", "Country", "Sales", "Growth"], ["1", "US", "1.2", "3"]]
    named += [["2", "UK", "0.9", "2"], ["3", "DE", "0.7", "1"]]
    assert not drop_rank([list(r) for r in named])
    ids = [["Country", "Sales", "Growth", ""], ["7", "US", "1.2", "3"]]
    ids += [["3", "UK", "0.9", "2"], ["12", "DE", "0.7", "1"]]
    assert not drop_rank([list(r) for r in ids])  # not ranks: codes in no order


# --- items set in under their subtotal, with items of their own


def _income_en(oci: str = "1,500") -> str:
    return f"""(in thousands of USD)
Item 2024 2023 2022
Net profit 10,000 9,000 8,000
Other comprehensive income {oci} -700 900
    Items not reclassified 600 -300 400
        Remeasurement gains 900 -100 500
        Fair value losses -300 -200 -100
    Items reclassified 900 -400 500
        Translation differences 900 -400 500
Total comprehensive income 11,500 8,300 8,900
"""


def test_subtotal_over_items_set_in_en() -> None:
    assert any("Other comprehensive income" in f for f in _findings(_income_en(), "en"))
    assert _bad(_income_en(), "en") == []
    assert _bad(_income_en("1,600"), "en") != []


def test_items_set_in_that_do_not_add_up_give_no_finding_en() -> None:
    text = _income_en().replace("-700 900\n", "-900 700\n")  # two columns off: no breakdown
    assert not any("Other comprehensive income" in f for f in _findings(text, "en"))


def _income_ko(oci: str = "1,500") -> str:
    return f"""(단위: 백만원)
구분 2024 2023 2022
기타포괄손익 {oci} -700 900
    재분류되지 않는 항목 600 -300 400
        재측정손익 900 -100 500
        평가손익 -300 -200 -100
    재분류되는 항목 900 -400 500
        환산차이 900 -400 500
총포괄손익 11,500 8,300 8,900
"""


def test_subtotal_over_items_set_in_ko() -> None:
    assert _bad(_income_ko(), "ko") == []
    assert _bad(_income_ko("1,600"), "ko") != []


_INCOME_ZH = """单位：万元
项目 2024 2023 2022
其他综合收益 1,600 -700 900
    不能重分类的项目 600 -300 400
        重新计量变动 900 -100 500
        公允价值变动 -300 -200 -100
    将重分类的项目 900 -400 500
        外币折算差额 900 -400 500
"""


def test_subtotal_over_items_set_in_zh() -> None:
    assert _bad(_INCOME_ZH, "en") != []
    assert _bad(_INCOME_ZH.replace("1,600", "1,500"), "en") == []


def test_a_sentence_ending_in_periods_above_is_no_header_en() -> None:
    text = """Revenue rose 5% in Q3 2024

Hardware 1,200 1,100
Software 900 800
Services 700 650
"""
    dated = [m for m in cells(text) if m.fact.period is not None]
    assert all(span(m) != (date(2024, 1, 1), date(2024, 12, 31)) for m in dated)


def test_a_dash_before_the_figures_is_no_nil_cell() -> None:
    # answers listed with a dash before their shares: a list, no table of two columns
    text = "Survey answers\nVery good – 15.0%\nGood – 60.0%\nPoor – 25.0%\n"
    assert cells(text) == []
    text_ko = "응답 비중\n매우 좋음 – 15.0%\n좋음 – 60.0%\n나쁨 – 25.0%\n"
    assert cells(text_ko) == []


# --- a label cut at the end of its line; periods one per line under a corner word; 五、35


_CUT_EN = """Consolidated income statement
(in millions of euros)
2024 2023
Revenue 5,100 4,900
Depreciation, amortisation and
impairment losses (410) (395)
Operating expenses
Selling 1,200 1,100
Operating profit 1,020 980
"""


def test_a_label_cut_at_the_end_of_its_line_goes_on_below_en() -> None:
    m = one_cell(_CUT_EN, "-410000000")
    assert (m.fact.subject or "").endswith("Depreciation, amortisation and impairment losses")
    assert "Depreciation" not in (one_cell(_CUT_EN, "1020000000").fact.subject or "")


def test_a_section_label_above_a_row_is_not_cut_en_ko() -> None:
    assert (one_cell(_CUT_EN, "1200000000").fact.subject or "").endswith(
        "Operating expenses · Selling"
    )
    lines = ["영업비용", "판매비 1,200 1,100", "관리비 800 700"]
    assert joined_rows(lines)[0] == lines


def _stacked_ko(first: str = "2024년") -> str:
    return f"""연결 손익계산서
(단위: 백만원)
구분
{first}
2023년
매출액
12,300
11,800
영업이익
1,230
1,100
당기순이익
900
850
"""


def test_periods_one_per_line_under_a_corner_word_ko() -> None:
    m = one_cell(_stacked_ko(), "12300000000")
    assert span(m) == (date(2024, 1, 1), date(2024, 12, 31))
    assert m.fact.quantity.currency == "KRW"
    assert span(one_cell(_stacked_ko(), "11800000000")) == (date(2023, 1, 1), date(2023, 12, 31))


def test_names_of_two_forms_date_no_column_ko() -> None:
    # 2024년 실적 over 2023년: not one form, the alignment is not shown; no column dated 2024
    text = _stacked_ko("2024년 실적")
    assert all(span(m) != (date(2024, 1, 1), date(2024, 12, 31)) for m in cells(text))


_STACKED_ZH = """项目
2024年
2023年
营业收入
12,300
11,800
营业成本
9,300
8,800
净利润
900
850
"""


def test_periods_one_per_line_under_a_corner_word_zh() -> None:
    assert span(one_cell(_STACKED_ZH, "9300")) == (date(2024, 1, 1), date(2024, 12, 31))
    assert "营业成本" in (one_cell(_STACKED_ZH, "8800").fact.subject or "")


_NOTED_ZH = """单位：元
项目 附注 2024年12月31日 2023年12月31日
货币资金 五、1 2,000,000.00 1,800,000.00
应收账款 五、3 1,500,000.00 1,200,000.00
存货 五、7 900,000.00 950,000.00
"""


def test_a_note_in_the_label_words_is_no_part_of_the_subject_zh() -> None:
    m = one_cell(_NOTED_ZH, "1500000")
    assert m.fact.subject == "应收账款"
    assert span(m) == (date(2024, 12, 31), date(2024, 12, 31))
    unnamed = _NOTED_ZH.replace("项目 附注", "项目")
    assert "五、3" in (one_cell(unnamed, "1500000").fact.subject or "")  # no note column named


def test_a_label_set_letter_by_letter_is_one_word_ko() -> None:
    m = one_cell(_bs_ko(), "175000000")
    assert m.fact.subject == "자산총계"
    text = "구분 2024 2023\n영업 이익 1,200 1,100\n순 이익 900 800\n"
    assert one_cell(text, "1200").fact.subject == "영업 이익"  # words of several letters stay apart
    text = "Class 2024 2023\nA B 1,200 1,100\nC D 900 800\n"
    assert one_cell(text, "1200").fact.subject == "A B"
