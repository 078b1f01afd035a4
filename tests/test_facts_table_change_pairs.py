"""A change column between two level columns that are not its nearest: the pair of columns is
found from the rows that agree (issue 16). Tables written for these tests."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)

TABLES = {
    "en": (
        "| | 2024 Current rates | 2024 Constant rates | 2023 | Change Current rates | "
        "Change Constant rates |\n|---|---|---|---|---|---|\n"
        "| Revenue | GBP13,971m | GBP15,682m | GBP15,260m | -8.4% | +2.8% |\n"
        "| Operating profit | GBP5,403m | GBP6,075m | GBP5,820m | -7.2% | +4.4% |\n"
        "| Profit before tax | GBP4,546m | GBP5,135m | GBP5,526m | -17.7% | -7.1% |\n",
        "-17.7%",
        "-12.7%",
    ),
    "ko": (
        "(단위: 억원)\n\n| 구분 | 2023년 연결 | 2023년 별도 | 2022년 연결 | 증감률 |\n"
        "|---|---|---|---|---|\n"
        "| 매출액 | 12,500 | 8,100 | 11,000 | 13.6% |\n"
        "| 영업이익 | 1,320 | 700 | 1,100 | 20.0% |\n"
        "| 순이익 | 980 | 520 | 1,010 | -3.0% |\n",
        "20.0%",
        "25.0%",
    ),
    "zh": (
        "单位：亿元\n\n| 项目 | 2024年 | 2024年（剔除汇率影响） | 2023年 | 同比 |\n"
        "|---|---|---|---|---|\n"
        "| 营业收入 | 385.4 | 392.0 | 337.4 | 14.2% |\n"
        "| 毛利 | 120.6 | 123.1 | 101.5 | 18.8% |\n"
        "| 净利润 | 40.2 | 41.0 | 44.5 | -9.7% |\n",
        "18.8%",
        "28.8%",
    ),
}


def flagged(text: str) -> list[Finding]:
    found = check(extract(from_text(text, fmt="md")), lang="en")
    return [f for f in found if f.rule == "table.change" and f.severity in BAD]


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_a_change_column_is_checked_against_the_pair_of_columns_its_rows_give(lang: str) -> None:
    table, old, new = TABLES[lang]
    assert flagged(table) == []
    found = flagged(table.replace(old, new))
    assert len(found) == 1
    assert found[0].severity is Severity.ERROR


def test_two_pairs_giving_the_column_as_well_leave_it_unjudged() -> None:
    # 2023 and 2022 hold the same figures: which pair the change is between is not known, so
    # the row no pair gives (Profit: 66 against 60 is 10%) is not called off
    table = (
        "| | 2024 | 2023 | 2022 | Change |\n|---|---|---|---|---|\n"
        "| Sales | $150m | $100m | $100m | 50% |\n"
        "| Costs | $300m | $200m | $200m | 50% |\n"
        "| Profit | $66m | $60m | $60m | 20% |\n"
    )
    assert flagged(table) == []


def test_a_column_no_pair_gives_is_another_measure() -> None:
    table = (
        "| | 2024 | 2024 adjusted | 2023 | Change |\n|---|---|---|---|---|\n"
        "| Sales | $200m | $210m | $150m | 3% |\n"
        "| Costs | $300m | $320m | $280m | 4% |\n"
        "| Profit | $90m | $95m | $70m | 5% |\n"
    )
    assert flagged(table) == []
