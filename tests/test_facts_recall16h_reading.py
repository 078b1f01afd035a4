"""Reading and restatements on fresh text (issue 16, recall16h): Korean amounts, periods, EPS.

Texts written for these tests in the style of statistical releases, results news and filings.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.check_findings import fires, flagged

from sectorlens.facts import extract, from_text


def _amounts(text: str) -> list[tuple[str, Decimal | None, str | None]]:
    ex = extract(from_text(text))
    return [
        (m.fact.quantity.input, m.fact.quantity.value, m.fact.quantity.unit) for m in ex.mentions
    ]


# --- reading: Korean amounts with the units below 천 written on, and buildings counted in 동


def test_units_below_cheon_are_part_of_the_amount() -> None:
    assert _amounts("축구장 기준 약 2천852개와 같은 규모다.") == [
        ("약 2천852개", Decimal(2852), "개")
    ]
    assert _amounts("공장 수는 735만4천340개이다.")[0][1] == Decimal(7354340)


def test_buildings_are_counted_in_dong_after_a_large_unit() -> None:
    got = _amounts("전국 건축물은 735만4천340동, 지난해보다 4만76동 늘었다.")
    assert [(v, u) for _, v, u in got] == [(Decimal(7354340), "동"), (Decimal(40076), "동")]


@pytest.mark.parametrize(
    "text", ["역삼1동 주민센터에서 만났다.", "3동안 머물렀다.", "공장 5동을 지었다."]
)
def test_dong_alone_is_no_count(text: str) -> None:
    assert _amounts(text) == []


def test_parts_of_buildings_against_the_whole() -> None:
    ok = (
        "지난해 전국 건축물은 735만4천340동이다. 지역별로는 수도권은 205만1천614동, "
        "지방은 530만2천726동으로 나타났다."
    )
    fires(ok, ok.replace("530만2천726동", "560만2천726동"), "breakdown")


# --- restatements


def test_comparison_period_after_the_figure_is_not_passed_on() -> None:
    text = (
        "Lexmark announced results for the third quarter of 2007. Third-quarter revenue was "
        "$1.195 billion, down 3 percent compared to revenue of $1.235 billion last year. "
        "Third-quarter GAAP earnings per share were $0.48."
    )
    eps = next(m for m in extract(from_text(text)).mentions if m.fact.quantity.input == "$0.48")
    assert eps.fact.period is not None and eps.fact.period.end.year == 2007


def test_en_eps_and_earnings_per_share_are_one_figure() -> None:
    ok = (
        "- Lexmark reports third-quarter revenue of $1.195 billion, GAAP EPS of $0.48\n\n"
        "Lexmark announced results for the third quarter of 2007. Third-quarter GAAP earnings "
        "per share were $0.48."
    )
    fires(ok, ok.replace("GAAP EPS of $0.48", "GAAP EPS of $0.46"), "restated")


def test_eps_is_not_net_income() -> None:
    text = (
        "- Third-quarter GAAP EPS of $0.48\n\n"
        "In the third quarter of 2007, GAAP net income per employee was $0.46 thousand."
    )
    assert flagged(text, "restated") == []


def test_ko_shares_in_parentheses_go_on_from_the_sentence_before() -> None:
    ok = (
        "1분기 매출액은 311조4756억원으로 집계됐다. 현대차그룹은 34조1472억원으로 11.0%를 "
        "차지했다. 이어 LG그룹 24조6339억원(7.9%), SK그룹 16조9471억원(5.4%) 등의 순이었다."
    )
    fires(ok, ok.replace("(7.9%)", "(9.7%)"), "breakdown.share_of")


def test_zh_shares_in_parentheses_after_qici() -> None:
    ok = (
        "全年社会消费品零售总额5000.0亿元。其中，汽车类零售额800.0亿元，占全部零售额的比重为"
        "16.0%。其次，家电类零售额400.0亿元（8.0%），服装类零售额250.0亿元（5.0%）。"
    )
    fires(ok, ok.replace("（8.0%）", "（9.0%）"), "breakdown.share_of")


def test_parenthesised_rates_without_a_share_before_are_no_shares() -> None:
    text = (
        "1분기 매출액은 311조4756억원으로 집계됐다. 현대차그룹은 34조1472억원으로 11.0% "
        "늘었다. 이어 LG그룹 24조6339억원(9.7%), SK그룹 16조9471억원(5.4%) 등의 순이었다."
    )
    assert flagged(text, "breakdown.share_of") == []
