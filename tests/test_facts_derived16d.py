"""Derived figures on fresh real text (issue 16, derived16d): a stated change is checked against
two levels only where the text states it is their change — the same span of comparison, the same
basis, the same measure (per share or in total) — in ko, zh and en, with sentences written for
these tests.

Each case comes as the consistent sentence (no error or warning of the rule) and the same
sentence with one figure changed (the rule fires); the cases of another span or basis must not
fire even though their rate does not follow from the two levels.
"""

from __future__ import annotations

import pytest

from check_findings import checked, fires, flagged

# --- a rate of another span than the pair: 同比 against last month's level --------------------

SPAN_CASES = [
    (
        "5月新能源汽车销量为45.2万辆，同比增长25.3%，较上月的40.1万辆增长12.7%。\n",
        "5月新能源汽车销量为45.2万辆，同比增长25.3%，较上月的40.1万辆增长15.7%。\n",
    ),
    (
        "5월 수출은 520억 달러로 전년 동월 대비 15.2% 증가했고 전월(480억 달러)보다 8.3% 늘었다.\n",
        "5월 수출은 520억 달러로 전년 동월 대비 15.2% 증가했고 전월(480억 달러)보다 9.3% 늘었다.\n",
    ),
    (
        "Sales were $45.2 million, up 25.3% year over year and up 12.7% from $40.1 million in "
        "the prior quarter.\n",
        "Sales were $45.2 million, up 25.3% year over year and up 15.7% from $40.1 million in "
        "the prior quarter.\n",
    ),
]


@pytest.mark.parametrize(("ok", "bad"), SPAN_CASES)
def test_a_rate_naming_another_span_is_not_the_change_of_the_pair(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.growth")
    # the pair is judged with its own rate, not with the year-on-year one before it
    assert any("12.7" in m or "8.3" in m for m in checked(ok, "derived.growth")), ok


@pytest.mark.parametrize(
    "text",
    [
        "영업이익은 1조원으로 전분기 대비 10% 늘었으며 전년 동기(8000억원) 대비로는 25% "
        "증가했다.\n",
        "5月销量46.5万辆，较上月的41.5万辆增长12.0%，同比增长8%。\n",
        "Revenue was $5.2 billion, up 4% sequentially and up 13% from $4.6 billion a year ago.\n",
    ],
)
def test_the_matching_span_is_still_checked(text: str) -> None:
    assert flagged(text, "derived.growth") == [], text
    assert checked(text, "derived.growth"), text


# --- a rate in real terms, in volume or in constant currency against amounts as reported ------

OTHER_BASIS = [
    "国内生产总值1260582亿元，比上年增长5.2%（按不变价格计算），上年为1210207亿元。\n",
    "社会消费品零售总额16129亿元，扣除价格因素实际增长12.8%，上年同月为13750亿元。\n",
    "2023년 GDP는 2,400조원으로 전년(2,300조원) 대비 실질 1.4% 성장했다.\n",
    "In real terms, GDP grew 5.2% to 126 trillion yuan from 121 trillion yuan in 2022.\n",
    "On a currency-neutral basis, revenue grew 9% to $5.2 billion from $4.6 billion.\n",
    "Excluding the impact of currency, revenue rose 9% to $5.2 billion from $4.6 billion.\n",
]


@pytest.mark.parametrize("text", OTHER_BASIS)
def test_a_rate_on_another_basis_is_not_checked_against_the_amounts(text: str) -> None:
    assert flagged(text, "derived.growth") == [], text


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "社会消费品零售总额16129亿元，同比名义增长17.3%，上年同月为13750亿元。\n",
            "社会消费品零售总额16129亿元，同比名义增长19.3%，上年同月为13750亿元。\n",
        ),
        (
            "2023년 명목 GDP는 2,400조원으로 전년(2,300조원) 대비 4.3% 늘었다.\n",
            "2023년 명목 GDP는 2,400조원으로 전년(2,300조원) 대비 6.3% 늘었다.\n",
        ),
        (
            "Revenue rose 13% to $5.2 billion from $4.6 billion, or 15% in constant currency.\n",
            "Revenue rose 18% to $5.2 billion from $4.6 billion, or 15% in constant currency.\n",
        ),
    ],
)
def test_a_nominal_or_reported_rate_is_still_checked(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.growth")


# --- per share and in total: an earlier level right after an amount per share is per share ----


def test_an_earlier_level_after_an_amount_per_share_is_not_paired_with_a_total() -> None:
    ok = (
        "In the first quarter, GAAP operating profit was $2.5 billion and GAAP diluted earnings "
        "per share (EPS) was $0.75, down from $0.80 in the prior-year period.\n"
    )
    bad = ok.replace("down from $0.80", "up from $0.80")
    fires(ok, bad, "trend.levels")


def test_a_change_of_earnings_per_share_is_checked_per_share() -> None:
    ok = (
        "Diluted earnings per share decreased 7 per cent to $4.95, compared to diluted earnings "
        "per share of $5.33 in FY21.\n"
    )
    fires(ok, ok.replace("7 per cent", "17 per cent"), "derived.growth")


def test_a_total_named_after_an_amount_per_share_keeps_its_own_pair() -> None:
    ok = (
        "Net income decreased 20 per cent to $125.7 million, or $2.02 per diluted share, compared "
        "to net income of $157 million, or $2.39 per diluted share, in 2021.\n"
    )
    fires(ok, ok.replace("20 per cent", "10 per cent"), "derived.growth")


def test_a_rate_stated_in_the_next_sentence_that_refers_back() -> None:
    ok = (
        "Adjusted diluted earnings per share were $2.35, compared with $2.05 in the prior-year "
        "period. This represents an increase in adjusted diluted earnings per share of 14.6 "
        "percent, or 19.5 percent on a currency-neutral basis.\n"
    )
    fires(ok, ok.replace("of 14.6 percent", "of 16.6 percent"), "derived.growth")


# --- a level and its change with the same figures in another unit in brackets ----------------


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "全国粮食总产量61791万吨(12358亿斤)，比2016年增加166万吨(33亿斤)，增长0.3%。\n",
            "全国粮食总产量61791万吨(12358亿斤)，比2016年增加166万吨(33亿斤)，增长0.8%。\n",
        ),
        (
            "全国夏粮总产量13659.6万吨，比2013年增产474.8万吨，增长3.6%。\n",
            "全国夏粮总产量13659.6万吨，比2013年增产474.8万吨，增长4.6%。\n",
        ),
        (
            "9월 취업자는 2591만7000명(원계열)으로 작년 같은 달보다 45만1000명(1.8%) 증가했다.\n",
            "9월 취업자는 2591만7000명(원계열)으로 작년 같은 달보다 45만1000명(2.8%) 증가했다.\n",
        ),
        (
            "Exports reached $52.1 billion (goods only), an increase of $1.6 billion, or 3.2%.\n",
            "Exports reached $52.1 billion (goods only), an increase of $1.6 billion, or 5.2%.\n",
        ),
    ],
)
def test_a_bracketed_note_does_not_end_the_changes_of_a_level(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.growth")


# --- a %p change whose subject is only the period compared with -----------------------------


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "3분기 매출액영업이익률은 9.13%로 전분기 8.55% 대비 0.59%포인트 증가했다.\n",
            "3분기 매출액영업이익률은 9.13%로 전분기 8.55% 대비 0.89%포인트 증가했다.\n",
        ),
        (
            "5月新能源车渗透率达到47.0%，相比去年同期的33%，提升了14个百分点。\n",
            "5月新能源车渗透率达到47.0%，相比去年同期的33%，提升了16个百分点。\n",
        ),
        (
            "Gross margin was 49.4%, down 2.2 percentage points from 51.6% in the prior year.\n",
            "Gross margin was 49.4%, down 3.2 percentage points from 51.6% in the prior year.\n",
        ),
    ],
)
def test_a_point_change_against_the_period_compared_with(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.change")


# --- a CAGR with a span of its own, other than the years of the levels before it --------------


@pytest.mark.parametrize(
    ("other_span", "same_span"),
    [
        (
            "매출은 2020년 100억원에서 2023년 200억원으로 늘었으며, 2023~2028년 연평균 15% 성장할 "
            "전망이다.\n",
            "매출은 2020년 100억원에서 2023년 200억원으로 늘어, 2020~2023년 연평균 15% 성장했다.\n",
        ),
        (
            "市场规模从2020年的100亿元增长到2023年的200亿元，2023-2028年年均复合增长率预计为15%。\n",
            "市场规模从2020年的100亿元增长到2023年的200亿元，2020-2023年年均复合增长率为15%。\n",
        ),
        (
            "Revenue grew from $10 billion in 2020 to $20 billion in 2023 and is forecast to grow "
            "at a CAGR of 15% from 2023 to 2028.\n",
            "Revenue grew from $10 billion in 2020 to $20 billion in 2023, a CAGR of 15% from 2020 "
            "to 2023.\n",
        ),
    ],
)
def test_a_cagr_over_other_years_is_not_checked_against_the_levels(
    other_span: str, same_span: str
) -> None:
    assert flagged(other_span, "derived.cagr") == [], other_span
    assert flagged(same_span, "derived.cagr"), same_span  # 100 → 200 in 3 years is 26%


# --- lists stated 'respectively', and a Korean clause that ends with its verb ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Revenue and operating income were $5.2 billion and $1.1 billion, up 12% and 15% "
        "respectively, compared with $4.6 billion and $0.96 billion a year ago.\n",
        "营业收入和净利润分别为52亿元和11亿元，分别增长12%和15%，上年同期分别为46亿元和9.6亿元。\n",
        "매출과 영업이익은 각각 52억원과 11억원으로 전년(46억원, 9.6억원) 대비 각각 12%, 15% "
        "늘었다.\n",
    ],
)
def test_levels_listed_respectively_are_not_paired_across_measures(text: str) -> None:
    assert flagged(text, "derived.growth") == [], text
    assert flagged(text, "trend.levels") == [], text


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "3분기 중국 벤처투자는 21억 달러로 2분기(28억 달러)보다 25% 줄었고 유럽은 15억 "
            "달러로 10% 늘었다.\n",
            "3분기 중국 벤처투자는 21억 달러로 2분기(28억 달러)보다 35% 줄었고 유럽은 15억 "
            "달러로 10% 늘었다.\n",
        ),
        (
            "中国风险投资第三季度为21亿美元，较第二季度的28亿美元下降25%，而欧洲为15亿美元，增长10%。\n",
            "中国风险投资第三季度为21亿美元，较第二季度的28亿美元下降35%，而欧洲为15亿美元，增长10%。\n",
        ),
        (
            "Q3 venture investment in China was $2.1 billion, down 25% from $2.8 billion in Q2, "
            "while Europe drew $1.5 billion, up 10%.\n",
            "Q3 venture investment in China was $2.1 billion, down 35% from $2.8 billion in Q2, "
            "while Europe drew $1.5 billion, up 10%.\n",
        ),
    ],
)
def test_the_earlier_level_pairs_with_its_own_clause_not_the_next_item(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.growth")
    assert flagged(ok, "trend.levels") == [], ok


# --- a loss compared with a profit: figures of opposite sign written positive -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The net loss was $1.2 billion, compared with net income of $0.8 billion a year ago, a "
        "decrease of $2.0 billion.\n",
        "영업손실은 120억원으로 전년 동기(영업이익 80억원) 대비 200억원 감소했다.\n",
        "公司本期净亏损1.2亿元，上年同期的净利润0.8亿元，同比减少2.0亿元。\n",
    ],
)
def test_a_loss_is_not_paired_with_a_profit(text: str) -> None:
    assert flagged(text, "derived") == [], text
    assert flagged(text, "trend.levels") == [], text


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "Net loss narrowed to $1.5 billion from a net loss of $3.2 billion, down 53.1%.\n",
            "Net loss narrowed to $1.5 billion from a net loss of $3.2 billion, down 43.1%.\n",
        ),
        (
            "순손실은 150억원으로 전년(320억원) 대비 53.1% 줄었다.\n",
            "순손실은 150억원으로 전년(320억원) 대비 43.1% 줄었다.\n",
        ),
        (
            "净亏损为1.5亿元，较上年同期的净亏损3.2亿元减少53.1%。\n",
            "净亏损为1.5亿元，较上年同期的净亏损3.2亿元减少43.1%。\n",
        ),
    ],
)
def test_two_losses_are_still_paired(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.growth")


@pytest.mark.parametrize(
    "text",
    [
        "영업활동 현금흐름은 120억원 순유출로 전년(340억원 순유입) 대비 460억원 감소했다.\n",
        "经营活动现金净流出1.2亿元，上年同期为净流入3.4亿元，同比减少4.6亿元。\n",
        "Net cash used in operating activities was $1.2 billion, compared with net cash provided "
        "by operating activities of $3.4 billion a year earlier, a decrease of $4.6 billion.\n",
    ],
)
def test_an_outflow_is_not_paired_with_an_inflow(text: str) -> None:
    assert flagged(text, "derived") == [], text
