"""A trade balance is no part of the trade it balances, a sentence of 其中 states parts of the
whole before it (not its past), and a change against the month before and a rate against the
year before are two changes: sentences written for these tests (issue 16)."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity

BAD = (Severity.ERROR, Severity.WARNING)


def alarms(text: str) -> list[str]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f"{f.rule}: {f.message}" for f in found if f.severity in BAD]


def oks(text: str, rule: str) -> int:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return sum(1 for f in found if f.rule == rule and f.severity is Severity.OK)


TRADE = (
    "据海关统计，2019年前三季度外贸进出口总值为22.91万亿元，比去年同期增长2.8%。其中，出口"
    "{exports}万亿元，增长5.2%；进口10.43万亿元，下降0.1%；贸易顺差2.05万亿元，增长44.2%。"
)


def test_a_trade_surplus_is_no_part_of_the_trade_it_balances() -> None:
    assert alarms(TRADE.format(exports="12.48")) == []
    assert oks(TRADE.format(exports="12.48"), "breakdown.parts") == 1
    assert alarms(TRADE.format(exports="13.48"))


def test_a_sentence_of_qizhong_states_parts_not_the_past_of_the_level_before() -> None:
    text = (
        "数据显示，7月某车企累计实现销售262161辆新能源汽车，同比增长61%。其中，7月共销售"
        "261105辆新能源乘用车，环比增长3.74%，较去年同期更是保持了61%的增幅。"
    )
    assert alarms(text) == []


def test_a_change_on_the_month_and_a_rate_on_the_year_are_two_changes() -> None:
    text = "6月份，全国进口煤炭2529万吨，环比增加323万吨，同比下降6.7%。"
    assert alarms(text) == []
