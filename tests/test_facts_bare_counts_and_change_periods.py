"""Chinese counts in 万/亿 whose unit is named before them (``出游人次48.91亿``), the period of an
amount of change (``比上年增加2.87万亿元`` is of this year, not of last), and a page's
``Last Updated`` line as its date, in text written for these tests (issue 16)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.dateline import reference_date
from sectorlens.model import Severity

BAD = (Severity.ERROR, Severity.WARNING)


def facts(text: str, fmt: str = "txt") -> dict[str, tuple[Decimal | None, str | None, str | None]]:
    ex = extract(from_text(text + "\n", fmt=fmt))
    return {
        f.quantity.input: (
            f.quantity.value,
            f.subject,
            None if f.period is None else f"{f.period.start}..{f.period.end}",
        )
        for f in ex.facts
    }


TRIPS = (
    "2022年全市接待游客人次3.12亿，比上年增加0.42亿，同比增长15.6%。其中，"
    "过夜游客人次1.10亿，同比增长12.0%；一日游游客人次{day}亿，同比增长17.6%。"
)


def test_a_chinese_count_in_yi_with_its_unit_named_before_it_is_read() -> None:
    got = facts(TRIPS.format(day="2.02"))
    assert got["3.12亿"][0] == Decimal("312000000")
    assert got["3.12亿"][1] == "全市接待游客人次"
    assert got["2.02亿"][0] == Decimal("202000000")


def test_the_parts_of_a_chinese_count_in_yi_are_checked_against_it() -> None:
    found = check(extract(from_text(TRIPS.format(day="2.32") + "\n", fmt="txt")), lang="en")
    assert [f for f in found if f.rule.startswith("breakdown") and f.severity in BAD]


def test_a_figure_in_yi_before_its_unit_is_not_read_bare() -> None:
    got = facts("2022年公司营业收入为3.12亿元，同比增长15.6%。")
    assert got["3.12亿元"][0] == Decimal("312000000")
    assert "3.12亿" not in got


def test_an_amount_of_change_is_of_the_period_in_context_not_the_one_compared_with() -> None:
    got = facts("2022年游客总花费1.05万亿元，比上年增加0.21万亿元，同比增长25.0%。")
    assert got["0.21万亿元"][2] == "2022-01-01..2022-12-31"
    got = facts("2022년 10월 취업자 감소폭은 전월(-4만9000명)보다 줄었다.")
    assert got["-4만9000명"][2] == "2022-09-01..2022-09-30"


def test_a_last_updated_line_dates_the_page() -> None:
    text = "Bank results\n\n2 min read Last Updated : Apr 12 2024 | 10:15 PM IST\n\nProfit rose.\n"
    assert reference_date(text) == date(2024, 4, 12)
    assert reference_date("Quarterly notes\n\nUpdated on March 3 2021\n\nSales rose.\n") == date(
        2021, 3, 3
    )


def test_a_year_compared_with_through_its_bracketed_figure_puts_an_undated_now_after_it() -> None:
    got = facts("지난해 국제선 여객은 7066만명으로 2022년(4576만여명) 대비 54.4% 늘었다.")
    assert got["7066만명"][2] == "2023-01-01..2023-12-31"


def test_ages_containers_and_trains_are_counted() -> None:
    got = facts("2022年人均预期寿命达到78.2岁。中欧班列共开行3186列，发送货物35万标箱。")
    assert got["78.2岁"][0] == Decimal("78.2")
    assert got["3186列"][0] == Decimal("3186")
    assert got["35万标箱"][0] == Decimal("350000")


def test_a_korean_amount_in_jo_and_cheon_eok_before_an_ellipsis_is_read() -> None:
    got = facts("2024년 2월 8일\n\n통신 3사 작년 영업이익 3조2천억…2년째 3조원 넘어")
    assert got["3조2천억"][0] == Decimal("3200000000000")
