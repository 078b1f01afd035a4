"""Issue 16, false alarms of fresh real text (fa16j): rates listed under one change verb stay rates
when a multiple opens or closes the list (``分别增长1.1倍、44.6%和27.7%``, ``철강 64.6%, 화학
57.8%, 석유 1.2배 각각 증가``), and a share of another clause after them does not make them
shares. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import checked, flagged

# --- rates listed under one change verb, a multiple among them -----------------------------

RATES = [
    "另外，钢铁、建材、化工、石油开采、电力行业利润分别增长1.1倍、44.6%、27.7%、2.6倍和27.8%，"
    "对全部工业企业利润增长的贡献率近70%。\n",
    "1~5월 업종별 이익은 철강 64.6%, 화학 57.8%, 석유 1.2배 각각 증가했으며 전체 이익 증가의 "
    "70%를 차지했다.\n",
    "Profits at steel, chemicals and oil producers rose 1.2 times, 64.6% and 57.8%, "
    "respectively, accounting for 70% of the growth.\n",
]


@pytest.mark.parametrize("text", RATES)
def test_rates_listed_with_a_multiple_are_no_shares(text: str) -> None:
    assert checked(text, "breakdown.sum") == [], text


SHARES = [
    "其中，钢铁行业利润占64.6%，化工行业占57.8%，石油行业占12.5%。\n",
    "이 중 철강 업종이 64.6%, 화학 업종이 57.8%, 석유 업종이 12.5%를 차지했다.\n",
    "Steel accounted for 64.6% of profits, chemicals for 57.8% and oil for 12.5%.\n",
]


@pytest.mark.parametrize("text", SHARES)
def test_shares_of_one_whole_over_100_still_fire(text: str) -> None:
    assert flagged(text, "breakdown.sum"), text


def test_shares_after_a_list_of_rates_are_still_summed() -> None:
    text = (
        "钢铁、化工行业利润分别增长1.2倍和35.6%，钢铁行业利润占64.6%，化工行业占57.8%，"
        "石油行业占12.5%。\n"
    )
    assert flagged(text, "breakdown.sum"), text
