"""Facts right in value, subject and period: tables in text and Markdown files (pipe tables,
single-space tables, scale lines, period headers, row labels) and prose periods and subjects,
in ko, zh and en (tables and sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sectorlens.facts import extract, read_document
from sectorlens.facts.context import named_periods
from sectorlens.facts.fiscal import Fiscal, fiscal_calendar
from sectorlens.facts.flows import is_balance, is_flow, row_period, series_months
from sectorlens.facts.text_tables import text_tables
from sectorlens.model import Fact, Period
from sectorlens.parse import parse


def _facts(tmp_path: Path, name: str, text: str) -> list[Fact]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(extract(read_document(path)).facts)


def _one(facts: list[Fact], value: str, *, where: str = "") -> Fact:
    got = [f for f in facts if f.quantity.value == Decimal(value) and where in (f.sentence or "")]
    assert got, f"no fact of {value} ({where!r}) among {[str(f.quantity.value) for f in facts]}"
    return got[0]


def _period(f: Fact) -> tuple[date, date] | None:
    return None if f.period is None else (f.period.start, f.period.end)


# --- Markdown and pipe tables ----------------------------------------------------------------

KO_MD = """# 손익계산서

(단위 : 억원)

| 구분 | 2024 | 2023 | 2022 |
|---|---|---|---|
| 매출액 | 1,250 | 1,100 | 980 |
| 영업이익 | 75 | 60 | 41 |
| (%) | 6.0 | 5.5 | 4.2 |
"""


def test_markdown_table_keeps_its_pipes_and_scale_and_year_columns(tmp_path: Path) -> None:
    path = tmp_path / "ko.md"
    path.write_text(KO_MD, encoding="utf-8")
    doc = read_document(path)
    assert "| 매출액 | 1,250 |" in doc.text  # the source's characters, offsets kept
    facts = list(extract(doc).facts)
    sales = _one(facts, "125000000000")  # 1,250 억원
    assert "매출액" in (sales.subject or "")
    assert _period(sales) == (date(2024, 1, 1), date(2024, 12, 31))
    assert not [f for f in facts if f.quantity.value == Decimal("1250")]  # never unscaled
    margin = _one(facts, "5.5")
    assert "영업이익" in (margin.subject or "")  # the (%) row: the margin of the row above
    assert _period(margin) == (date(2023, 1, 1), date(2023, 12, 31))


ZH_REPORTS = """| | 2024年三季报 | 2024年中报 | 2023年年报 | 2023年一季报 |
|---|---|---|---|---|
| 每股收益(元) | 0.42 | 0.30 | 0.61 | 0.15 |
| 每股净资产(元) | 8.10 | 7.95 | 7.80 | 7.60 |
"""


def test_periodic_report_columns_date_flows_as_spans_and_balances_at_their_end(
    tmp_path: Path,
) -> None:
    facts = _facts(tmp_path, "zh.md", ZH_REPORTS)
    assert _period(_one(facts, "0.42")) == (date(2024, 1, 1), date(2024, 9, 30))
    assert _period(_one(facts, "0.30")) == (date(2024, 1, 1), date(2024, 6, 30))
    assert _period(_one(facts, "0.15")) == (date(2023, 1, 1), date(2023, 3, 31))
    assert _period(_one(facts, "7.95")) == (date(2024, 6, 30), date(2024, 6, 30))  # a balance
    assert _period(_one(facts, "7.80")) == (date(2023, 12, 31), date(2023, 12, 31))


EN_DAYS = """Financials in millions USD.

| Breakdown | 12/31/2024 | 12/31/2023 | 12/31/2022 |
|---|---|---|---|
| Revenue | 8,266 | 8,006 | 7,959 |
| Total Assets | 9,100 | 8,700 | 8,650 |
"""


def test_a_flow_under_a_yearly_series_of_days_spans_the_year(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "en.md", EN_DAYS)
    revenue = _one(facts, "8266000000")
    assert _period(revenue) == (date(2024, 1, 1), date(2024, 12, 31))
    assets = _one(facts, "9100000000")
    assert _period(assets) == (date(2024, 12, 31), date(2024, 12, 31))  # stays a balance


ZH_OWN_UNITS = """|年份|营业总收入(百万元)|同比增长率(%)|每股收益(元/股)|市盈率|
| ---- | ---- | ---- | ---- | ---- |
|2023|20,655|-3.9|0.35|68|
|2024E|21,237|2.8|0.72|33|
"""


def test_units_stated_column_by_column_scale_only_their_column(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "zh_units.txt", ZH_OWN_UNITS)
    assert _one(facts, "20655000000").subject == "营业总收入(百万元)"
    eps = _one(facts, "0.72")
    assert _period(eps) == (date(2024, 1, 1), date(2024, 12, 31))
    assert "E" not in (eps.subject or "").split(" · ")
    values = {f.quantity.value for f in facts}
    assert Decimal("720000") not in values and Decimal("33000000") not in values  # never scaled


ZH_PASTED = """2018年3月份消费品零售主要数据
指 标 | 3月 | 1-3月 | ||
絕對量 (億元) | 同比增長 (%) | 絕對量 (億元) | 同比增長 (%) | |
零售總額 | 2919 | 10.1 | 9027 | 9.8 |
鄉村 | 414 | 10.9 | 1317 | 10.7 |
"""


def test_a_pasted_table_gets_its_lost_header_spans_back(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "zh_pasted.txt", ZH_PASTED)
    march = _one(facts, "10.9")
    assert _period(march) == (date(2018, 3, 1), date(2018, 3, 31))
    quarter = _one(facts, "10.7")
    assert _period(quarter) == (date(2018, 1, 1), date(2018, 3, 31))
    assert _one(facts, "131700000000")  # 億元 of the sub-header scales its column


EN_RANKS = """Table 1: Top Vendors by Revenue, Worldwide (Millions of U.S. Dollars)

| 2024 Rank | Vendor | 2024 Revenue | 2023 Revenue | 2024-2023 Growth (%) |
|---|---|---|---|---|
| 1 | Acme | 7,600 | 3,500 | 117.1 |
| 2 | Globex | 6,500 | 4,100 | 58.5 |
| Others | | 27,000 | 26,900 | 0.4 |
"""


def test_rows_are_named_by_their_word_column_and_the_caption_scales_them(
    tmp_path: Path,
) -> None:
    facts = _facts(tmp_path, "en_ranks.md", EN_RANKS)
    acme = _one(facts, "7600000000")
    assert acme.quantity.currency == "USD"
    assert "Acme" in (acme.subject or "") and "Revenue" in (acme.subject or "")
    assert "Others" in (_one(facts, "27000000000").subject or "")
    assert "Globex" in (_one(facts, "58.5").subject or "")
    assert not [f for f in facts if f.quantity.value in (Decimal("1000000"), Decimal(2))]


EN_SECTION = """Segment information ($ in millions):

                    2015        2014
Revenue
Domestic            $36,055     $35,831
International       4,284       4,780
Total revenue       $40,339     $40,611
"""


def test_a_label_row_under_the_headers_is_a_section_not_a_header(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "en_section.txt", EN_SECTION)
    assert (_one(facts, "36055000000").subject or "").endswith("Revenue · Domestic")
    assert _period(_one(facts, "4780000000")) == (date(2014, 1, 1), date(2014, 12, 31))


EN_CHANGE = """Table 2. Exports by sector, 2016-18
Million $
Item | 2016 | 2017 | 2018 | Percent change, 2017-18
Forest products | 37,700 | 39,592 | 40,862 | 3.2
Chemicals | 217,979 | 227,526 | 243,436 | 7.0
"""


def test_a_change_over_two_years_is_the_later_years(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "en_change.txt", EN_CHANGE)
    change = _one(facts, "3.2")
    assert _period(change) == (date(2018, 1, 1), date(2018, 12, 31))
    assert _one(facts, "40862000000").quantity.currency == "USD"  # Million $ above the table


# --- single-space text tables ----------------------------------------------------------------

KO_SPACED = """연결 손익계산서
제 12 기 2023.01.01 부터 2023.12.31 까지
제 11 기 2022.01.01 부터 2022.12.31 까지
단위 : 원
구분 제 12기 제 11기
매출액 5,300,000,000 4,800,000,000
영업이익 410,000,000 -25,000,000
당기순이익 300,000,000 적자
"""


def test_a_single_space_table_with_numbered_terms(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "ko_spaced.txt", KO_SPACED)
    sales = _one(facts, "5300000000")
    assert "매출액" in (sales.subject or "")
    assert _period(sales) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(_one(facts, "-25000000")) == (date(2022, 1, 1), date(2022, 12, 31))


def test_single_space_tables_need_two_rows_alike() -> None:
    lines = ["구분 2023년 2022년", "매출액 1,000 900", "영업이익 120 80"]
    (found,) = text_tables(lines)
    assert found.header and found.grid[0] == ["구분", "2023년", "2022년"]
    assert found.grid[2] == ["영업이익", "120", "80"]
    prose = [
        "Revenue rose to 1,200 in the year.",
        "The company said it expects growth of 5 to 7 percent.",
    ]
    assert text_tables(prose) == []  # sentences with numbers are not rows
    assert text_tables(["매출액 1,000 900", "올해 실적은 좋았다."]) == []  # one row is no table


# --- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024年三季报", date(2024, 1, 1), date(2024, 9, 30)),
        ("2023年年报", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024年中报", date(2024, 1, 1), date(2024, 6, 30)),
        ("2024Q1 - 3", date(2024, 1, 1), date(2024, 9, 30)),
        ("Q1-Q3 2024", date(2024, 1, 1), date(2024, 9, 30)),
    ],
)
def test_report_and_quarter_range_periods(text: str, start: date, end: date) -> None:
    (n,) = named_periods(text, None)
    assert (n.period.start, n.period.end) == (start, end)


def test_a_quarter_then_a_decimal_is_no_quarter_range() -> None:
    (n,) = named_periods("2024Q1 - 3.5%", None)
    assert (n.period.start, n.period.end) == (date(2024, 1, 1), date(2024, 3, 31))


def test_a_fourth_quarter_ended_names_the_fiscal_year_named_elsewhere() -> None:
    text = "Results for Fourth Quarter and Fiscal 2024. The fourth quarter ended January 28, 2024."
    assert fiscal_calendar(text) == Fiscal(1, 0)
    assert fiscal_calendar("The fourth quarter ended January 28, 2024.") is None  # no FY named


def test_fiscal_year_and_for_the_quarter_in_prose(tmp_path: Path) -> None:
    text = (
        "Globex reports fourth quarter and fiscal 2024 results\n\n"
        "Globex today reported revenue for the fourth quarter ended January 28, 2024, "
        "of $9.5 billion.\n\n"
        "For the quarter, earnings per diluted share were $1.20.\n\n"
        "For fiscal 2024, revenue was up 40% to $31.0 billion.\n"
    )
    facts = _facts(tmp_path, "en_fiscal.txt", text)
    assert _period(_one(facts, "31000000000")) == (date(2023, 2, 1), date(2024, 1, 31))
    eps = _one(facts, "1.20")
    assert eps.period is not None and eps.period.start < eps.period.end  # a quarter, not a day
    assert eps.period.end.month == 1


def test_flows_and_balances() -> None:
    assert is_flow("Net Income") and is_flow("매출액") and is_flow("净资产收益率 - 加权(%)")
    assert is_balance("Total Assets") and is_balance("每股净资产(元)") and is_balance("부채총계")
    assert not is_flow("Total Assets") and not is_balance("Revenue")
    year = Period(date(2024, 1, 1), date(2024, 12, 31))
    assert row_period(year, "Goodwill", None) == year  # neither: the column's period as is
    days = [Period(date(y, 12, 31), date(y, 12, 31)) for y in (2022, 2023, 2024)]
    assert series_months(days) == 12
    assert series_months(days[:1]) is None  # one day is no series


# --- prose subjects --------------------------------------------------------------------------


def test_korean_rates_of_a_measure_and_names_listed_before_each(tmp_path: Path) -> None:
    text = (
        "2024년 3분기 갑사는 21%의 시장 점유율로 1위를 지켰다.\n\n"
        "2024년 3분기 을사와 병사는 각각 17%, 12%의 점유율로 뒤를 이었다.\n"
    )
    facts = _facts(tmp_path, "ko_share.txt", text)
    assert _one(facts, "21").subject == "갑사 시장 점유율"
    assert _one(facts, "17").subject == "을사 점유율"
    assert _one(facts, "12").subject == "병사 점유율"


def test_korean_rate_without_a_measure_after_it_keeps_its_subject(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "ko_rate.txt", "2024년 수출은 전년 대비 8% 늘었다.\n")
    assert "수출" in (_one(facts, "8").subject or "")


def test_korean_disclosure_amounts_in_millions_of_won() -> None:
    q = parse("86,378백만원")
    assert (q.value, q.currency) == (Decimal("86378000000"), "KRW")
    assert parse("1,234천원").value == Decimal("1234000")
    assert parse("3백만원").value == Decimal("3000000")
    assert parse("二十百").value is None  # still no number where the numerals do not compose


def test_a_numbered_label_and_value_line_is_read_not_taken_for_a_heading(tmp_path: Path) -> None:
    text = (
        "별도 기준 손익은 다음과 같습니다.\n\n1) 매출액 : 12,345백만원\n2) 영업이익 : 678백만원\n"
    )
    facts = _facts(tmp_path, "ko_colon.txt", text)
    assert _one(facts, "12345000000").subject == "매출액"
    assert _one(facts, "678000000").subject == "영업이익"


def test_a_title_case_line_with_years_is_a_heading_not_the_next_lines_subject(
    tmp_path: Path,
) -> None:
    text = (
        "Segment Results\n"
        "Fiscal Year 2024 Compared with Fiscal Year 2023\n"
        "Revenue increased $7.3 billion or 13%.\n"
    )
    path = tmp_path / "en_head.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    heads = [b.text for b in doc.blocks if b.kind.value == "heading"]
    assert "Fiscal Year 2024 Compared with Fiscal Year 2023" in heads
    revenue = _one(list(extract(doc).facts), "7300000000")
    assert revenue.subject == "Revenue"
    assert revenue.period is not None and revenue.period.end.year == 2024
