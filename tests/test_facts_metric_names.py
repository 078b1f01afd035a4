"""One measure under several names (gaps16i): a figure restated under an equivalent name
(``cash from operations`` / ``net cash provided by operating activities``, ``营收`` /
``营业收入``, ``영업현금흐름`` / ``영업활동현금흐름``) is paired; other measures are not.

Texts written for these tests in the style of results releases and news.
"""

from __future__ import annotations

import pytest
from tests.check_findings import checked, fires, flagged

from sectorlens.facts.rules.metric_names import canonical
from sectorlens.facts.rules.restated import _own

RULE = "restated"


def test_en_operating_cash_flow_under_two_names() -> None:
    ok = (
        "In the second quarter of 2024, cash from operations was $45.2 million.\n\n"
        "Net cash provided by operating activities was $45.2 million in the second quarter of "
        "2024, while capital spending was $9.0 million.\n"
    )
    fires(ok, ok.replace("activities was $45.2", "activities was $47.2"), RULE)


def test_en_diluted_earnings_per_share_both_ways() -> None:
    ok = (
        "Diluted earnings per share rose to $1.42 in the third quarter of 2024.\n\n"
        "Globex reported a 9% increase in earnings per diluted share to $1.42 for the third "
        "quarter of 2024.\n"
    )
    fires(ok, ok.replace("share to $1.42", "share to $1.24"), RULE)


def test_en_other_measures_are_not_paired() -> None:
    text = (
        "In the second quarter of 2024, cash from operations was $45.2 million.\n\n"
        "Cash used in investing activities was $47.2 million in the second quarter of 2024.\n\n"
        "Segment operating profit was $12.0 million in the second quarter of 2024.\n\n"
        "Operating income was $15.0 million in the second quarter of 2024.\n"
    )
    assert flagged(text, RULE) == []


def test_zh_revenue_short_and_full_name() -> None:
    ok = (
        "2024年上半年，公司营收52.3亿元，同比增长8.1%。\n\n"
        "2024年上半年，公司实现营业收入52.3亿元，归母净利润6.1亿元。\n"
    )
    fires(ok, ok.replace("实现营业收入52.3亿元", "实现营业收入55.3亿元"), RULE)
    assert checked(ok, RULE)  # paired, and found to agree


def test_zh_net_profit_is_not_the_parent_share() -> None:
    text = (
        "2024年上半年，公司净利润6.8亿元。\n\n"
        "2024年上半年，公司归属于上市公司股东的净利润6.1亿元。\n"
    )
    assert flagged(text, RULE) == []


def test_ko_operating_cash_flow_short_and_full_name() -> None:
    ok = (
        "2024년 1분기 영업현금흐름은 3200억원을 기록했다.\n\n"
        "2024년 1분기 영업활동현금흐름은 3200억원으로 전년 동기보다 늘었다.\n"
    )
    fires(ok, ok.replace("영업활동현금흐름은 3200억원", "영업활동현금흐름은 3500억원"), RULE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("in earnings per diluted share", "Diluted earnings per share"),
        ("cash flow from operations", "Net cash provided by operating activities"),
        ("Europe operating profit", "Europe operating income"),
        ("营收", "营业收入"),
        ("归母净利", "归属于母公司股东的净利润"),
        ("영업익", "영업 이익"),
    ],
)
def test_equivalent_names_compare_equal(a: str, b: str) -> None:
    assert _own(a) == _own(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Europe operating income", "operating income"),
        ("净利润", "归母净利润"),
        ("income", "income from operations"),
    ],
)
def test_other_names_stay_apart(a: str, b: str) -> None:
    assert _own(a) != _own(b)


def test_a_name_no_group_holds_is_kept() -> None:
    assert canonical("grossmargin") == "grossmargin"


# --- a comparison with another period's value of the same measure under another name ----------


def test_en_comparison_with_last_years_value_under_another_name() -> None:
    ok = (
        "In 2023, net cash provided by operating activities was $52 million.\n\n"
        "In 2024, cash from operations was $58 million, higher than in 2023.\n"
    )
    fires(ok, ok.replace("$58 million", "$48 million"), "comparison")
    other = ok.replace("net cash provided by operating activities", "cash used in investing")
    assert flagged(other.replace("$58 million", "$48 million"), "comparison") == []


def test_zh_comparison_with_last_years_revenue_under_the_full_name() -> None:
    ok = "2023年，公司营业收入48.2亿元。\n\n2024年，公司营收50.1亿元，高于上年。\n"
    fires(ok, ok.replace("50.1亿元", "45.1亿元"), "comparison")
