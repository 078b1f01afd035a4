"""Derived figures on fresh real text (issue 16, derived16d), continued: a level stated as a share
of another, an amount with its own rate, a named rate after a change amount, documents that call
their rates real, and changes marked by up/down or an arrow. Each case comes as the consistent
sentence and the same sentence with one figure changed, written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import checked, fires, flagged

# --- a level stated as a share of another is no change ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "이 모델의 학습 비용은 1만 달러로, 경쟁 모델(10만 달러) 대비 10% 수준이다.\n",
        "该模型训练成本为1万美元，仅为竞争模型10万美元的10%。\n",
        "The model cost $10,000 to train, compared with $100,000 for a rival model, or 10% of "
        "it.\n",
    ],
)
def test_a_level_as_a_share_of_the_other_is_not_a_change(text: str) -> None:
    assert flagged(text, "derived") == [], text


# --- an amount with a rate after it is a level, not the change of the pair before ------------


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "Revenue was $60.9 billion, up 126% from $27.0 billion a year ago, and Data Center "
            "revenue was $47.5 billion, up 217%.\n",
            "Revenue was $60.9 billion, up 146% from $27.0 billion a year ago, and Data Center "
            "revenue was $47.5 billion, up 217%.\n",
        ),
        (
            "营业收入609亿元，较上年同期的270亿元增长126%，其中数据中心收入475亿元，增长217%。\n",
            "营业收入609亿元，较上年同期的270亿元增长146%，其中数据中心收入475亿元，增长217%。\n",
        ),
        (
            "매출은 609억원으로 전년(270억원) 대비 126% 늘었고 데이터센터 매출은 475억원으로 "
            "217% 늘었다.\n",
            "매출은 609억원으로 전년(270억원) 대비 146% 늘었고 데이터센터 매출은 475억원으로 "
            "217% 늘었다.\n",
        ),
    ],
)
def test_an_amount_with_its_own_rate_is_no_change_amount(ok: str, bad: str) -> None:
    assert flagged(ok, "derived.difference") == [], ok
    fires(ok, bad, "derived.growth")


# --- a rate of another measure after a level and its change amount --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "취업자는 2,847만5천명으로 82만6천명 증가했으며 고용률은 62.9%로 1.2%p 상승했다.\n",
        "5月销量45.2万辆，同比增加3.6万辆，渗透率为35.2%。\n",
        "销售收入达到120亿元，比上年增加15亿元，利润率为8.5%。\n",
        "Revenue reached $12.0 billion, an increase of $1.5 billion, and gross margin was 45.2%.\n",
    ],
)
def test_a_named_rate_after_a_change_amount_is_not_its_rate(text: str) -> None:
    assert flagged(text, "derived.growth") == [], text


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "취업자는 2,591만7천명으로 45만1천명(1.8%) 증가했으며 고용률은 60.9%였다.\n",
            "취업자는 2,591만7천명으로 45만1천명(2.8%) 증가했으며 고용률은 60.9%였다.\n",
        ),
        (
            "销售收入达到120亿元，比上年增加15亿元，增长14.3%，利润率为8.5%。\n",
            "销售收入达到120亿元，比上年增加15亿元，增长16.3%，利润率为8.5%。\n",
        ),
        (
            "Revenue reached $12.0 billion (goods only), an increase of $1.5 billion, or 14.3%, "
            "and gross margin was 45.2%.\n",
            "Revenue reached $12.0 billion (goods only), an increase of $1.5 billion, or 16.3%, "
            "and gross margin was 45.2%.\n",
        ),
    ],
)
def test_the_change_rate_itself_is_still_checked(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.growth")


# --- a document that says its growth rates are in real terms ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "国内生产总值1260582亿元，比上年增加50375亿元，增长5.2%。注：绝对数按现价计算，增长速度按不变"
        "价格计算。\n",
        "国内生产总值1260582亿元，比上年增长5.2%，上年为1210207亿元。注：绝对数按现价计算，增长速度按"
        "不变价格计算。\n",
        "국내총생산은 2,401조원으로 전년(2,323조원) 대비 1.4% 성장했다. 이하 증감률은 실질 "
        "기준이다.\n",
        "GDP was $27.4 trillion, up 1.5% from $26.7 trillion. Growth rates are in real terms.\n",
    ],
)
def test_rates_the_document_calls_real_are_not_checked_against_amounts(text: str) -> None:
    assert flagged(text, "derived.growth") == [], text


@pytest.mark.parametrize(
    ("ok", "bad"),
    [
        (
            "社会消费品零售总额16129亿元，同比名义增长17.3%，上年同月为13750亿元。以下增加值增速均为"
            "扣除价格因素的实际增长率。\n",
            "社会消费品零售总额16129亿元，同比名义增长19.3%，上年同月为13750亿元。以下增加值增速均为"
            "扣除价格因素的实际增长率。\n",
        ),
        (
            "수출은 526억 달러로 전년(502억 달러) 대비 명목 4.8% 늘었다. 이하 증감률은 실질 "
            "기준이다.\n",
            "수출은 526억 달러로 전년(502억 달러) 대비 명목 6.8% 늘었다. 이하 증감률은 실질 "
            "기준이다.\n",
        ),
        (
            "Sales were $52.6 billion, a nominal increase of 4.8% from $50.2 billion. Growth rates "
            "are in real terms.\n",
            "Sales were $52.6 billion, a nominal increase of 6.8% from $50.2 billion. Growth rates "
            "are in real terms.\n",
        ),
    ],
)
def test_a_rate_marked_nominal_is_still_checked_in_such_a_document(ok: str, bad: str) -> None:
    fires(ok, bad, "derived.growth")


def test_a_share_heading_is_no_comparison() -> None:
    text = (
        "出口表现：5 月新能源汽车出口 21.2 万辆，同比 + 114.14%；2025 年以来累计出口 85.50 万辆，"
        "同比 + 64.6%。\n\n纯电动占比：5 月纯电动销量 83.40 万辆，同比 + 43.05%，环比 + 1.46%，"
        "占比 63.81%。\n"
    )
    assert flagged(text, "derived.growth") == [], text


def test_a_note_on_value_added_leaves_other_amounts_checked() -> None:
    head = "规模以上工业增加值同比实际增长5.0%（以下增加值增速均为扣除价格因素的实际增长率）。\n"
    ok = head + "工业企业实现出口交货值13120亿元，较上年同月的12800亿元增长2.5%。\n"
    fires(ok, ok.replace("增长2.5%", "增长4.5%"), "derived.growth")
    va = head + "规模以上工业增加值为3.2万亿元，比上年同月的3.0万亿元增长5.0%。\n"
    assert flagged(va, "derived.growth") == [], va


# --- 'were up $3.9 billion … from $441.3 billion': the amount after up/down is the change ----


def test_an_amount_after_up_is_the_change_not_the_later_level() -> None:
    ok = (
        "Sales in the third quarter of 2005, at $445.2 billion, were up $3.9 billion or "
        "0.9 percent from the $441.3 billion of the second quarter."
    )
    assert flagged(ok, "derived") == [] and flagged(ok, "trend") == []
    assert any("445.2" in m and "as stated" in m for m in checked(ok, "derived.growth"))
    fires(ok, ok.replace("$3.9 billion", "$9.9 billion"), "derived.change")
    fires(ok, ok.replace("0.9 percent", "2.9 percent"), "derived.growth")


def test_a_rate_after_down_or_up_is_the_change_of_a_rate() -> None:
    text = (
        "The return on equity in the third quarter of 2005 was 15.0 percent, down 1.4 percent "
        "from the 16.4 percent of the second quarter, but up 0.8 percent from the 14.2 percent "
        "of the third quarter of 2004."
    )
    assert flagged(text, "trend") == [] and flagged(text, "derived") == []
    fires(text, text.replace("was 15.0 percent", "was 18.0 percent"), "derived")


def test_rates_marked_with_an_arrow_are_changes_not_shares() -> None:
    text = (
        "업종별로는 화학 업종이 작년 50조 원에서 올해 70조 원으로 20조 원(40.0%) 늘었다. "
        "이어 유통이 12조3000억 원(9.5%) 증가하며 2위를 기록했고, 은행(11조 원·61.7%↑), "
        "보험(9조 원·58.4%↑), 건설(7조 원·14.7%↑) 등 순이었다."
    )
    assert flagged(text, "breakdown") == []
    shares = "매출 비중은 은행(55.5%), 증권(38.4%), 자동차·부품(14.7%) 순이었다."
    assert flagged(shares, "breakdown.sum")  # shares without arrows still add up
