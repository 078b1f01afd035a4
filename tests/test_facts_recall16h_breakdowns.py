"""Breakdowns on fresh text (issue 16, recall16h): shares of a whole, sectors, changes.

Texts written for these tests in the style of statistical releases, results news and filings.
"""

from __future__ import annotations

from tests.check_findings import fires, flagged

# --- a part stated with its share of a whole stated before (breakdown.share_of)


def test_zh_share_of_the_whole_named_after_zhan() -> None:
    ok = (
        "1-4月累计原煤产量144777.8万吨，同比增长10.5%。"
        "山西、内蒙古等5省原煤产量合计为121281.8万吨，占全国总产量的83.8%。"
    )
    fires(ok, ok.replace("83.8%", "88.3%"), "breakdown.share_of")


def test_ko_share_of_the_whole_and_a_whole_on_one_basis() -> None:
    ok = (
        "별도 재무제표를 제출한 1539곳의 1분기 매출액은 311조4756억원으로 집계됐다. "
        "이 중 10대 그룹 상장사의 매출액은 159조203억원으로 전체의 51%에 달했다. "
        "현대차그룹은 34조1472억원으로 11.0%를 차지했다."
    )
    fires(ok, ok.replace("전체의 51%", "전체의 57%"), "breakdown.share_of")
    fires(ok, ok.replace("11.0%를", "13.0%를"), "breakdown.share_of")


def test_approximate_share_is_read_loosely() -> None:
    text = (
        "1분기 매출액은 311조4756억원으로 집계됐다. 이 중 10대 그룹의 매출액은 159조203억원으로 "
        "전체의 51%에 달했다. 삼성그룹 매출액은 52조42억원으로 전체의 17.0%가량이었다."
    )
    assert flagged(text, "breakdown.share_of") == []
    assert flagged(text.replace("17.0%가량", "19.0%가량"), "breakdown.share_of")


def test_en_approximate_share_of_net_sales() -> None:
    ok = (
        "Net sales were $311.5 million in the quarter. Cable sales were $52.0 million, "
        "or about 17% of net sales."
    )
    fires(ok, ok.replace("about 17%", "about 19%"), "breakdown.share_of")


# --- the three sectors of an economy after the whole


def test_zh_three_sectors_in_the_next_paragraph() -> None:
    ok = (
        "一季度，全市实现地区生产总值545.0亿元，同比增长10.2%。\n\n"
        "一、产业结构不断优化。第一产业实现增加值41.99亿元，增长3.6%；第二产业实现增加值"
        "313.14亿元，增长10.8%；第三产业实现增加值189.87亿元，增长10.6%。"
    )
    fires(ok, ok.replace("189.87亿元", "199.87亿元"), "breakdown.sectors")


def test_ko_three_sectors() -> None:
    ok = (
        "2023년 지역내총생산은 52조3천억원으로 집계됐다. 1차 산업 부가가치는 2조1천억원, "
        "2차 산업 부가가치는 20조4천억원, 3차 산업 부가가치는 29조8천억원이었다."
    )
    fires(ok, ok.replace("29조8천억원", "32조8천억원"), "breakdown.sectors")


def test_en_three_sectors() -> None:
    ok = (
        "Gross domestic product reached $850.0 billion in 2023. Value added of the primary "
        "sector was $42.5 billion, of the secondary sector $310.2 billion and of the tertiary "
        "sector $497.3 billion."
    )
    fires(ok, ok.replace("$497.3 billion", "$527.3 billion"), "breakdown.sectors")


def test_sectors_short_of_a_larger_amount_say_nothing() -> None:
    text = (
        "全市实现地区生产总值845.0亿元。第一产业实现增加值41.99亿元；第二产业实现增加值"
        "313.14亿元；第三产业实现增加值189.87亿元。"
    )
    assert flagged(text, "breakdown.sectors") == []


# --- the changes of the parts of a breakdown against the whole's change (breakdown.by)


def test_ko_increases_of_the_parts_against_the_increase_of_the_whole() -> None:
    ok = (
        "지난해 전국 건축물은 전년보다 4만76동 증가한 735만4천340동이다. 지역별로는 수도권은 "
        "1만6천89동 증가한 205만1천614동, 지방은 2만3천987동 증가한 530만2천726동이다."
    )
    fires(ok, ok.replace("1만6천89동 증가한", "1만9천89동 증가한"), "breakdown.by")


def test_zh_increases_of_the_parts_by_kind() -> None:
    ok = (
        "全年粮食产量500万吨，比上年增加20万吨。分品种看，稻谷300万吨，增加12万吨；"
        "小麦200万吨，增加8万吨。"
    )
    fires(ok, ok.replace("增加12万吨", "增加15万吨"), "breakdown.by")


def test_en_increases_of_the_segments() -> None:
    ok = (
        "Revenue was $8.2 billion, up $0.52 billion from a year ago. By segment, Devices "
        "revenue was $5.0 billion, up $0.32 billion, and Services revenue was $3.2 billion, "
        "up $0.20 billion."
    )
    fires(ok, ok.replace("up $0.32 billion", "up $0.40 billion"), "breakdown.by")


def test_parts_moving_both_ways_are_not_summed_as_the_change() -> None:
    text = (
        "全市常住人口1000万人，比上年增加12万人。按城乡分，城镇人口700万人，增加13万人；"
        "乡村人口300万人，减少1万人。"
    )
    assert flagged(text, "breakdown.by") == []


def test_changes_in_percentage_points_of_the_parts_are_not_summed() -> None:
    # the parts' growth rates eased by 4.5 and 6 points, the whole's by 9.1: rates do not add
    text = (
        "上半年农村投资4238亿元，增长17.3%，回落9.1个百分点。分三次产业看，第一产业投资212亿元，"
        "增长7.2%，回落4.5个百分点；第二产业投资8791亿元，增长41.8%，回落6个百分点。"
    )
    assert flagged(text, "breakdown.by") == []
    ko = (
        "전체 취업자 증가율은 2.1%로 0.9%p 하락했다. 산업별로는 제조업은 1.2%로 0.5%p 하락했고, "
        "서비스업은 2.5%로 0.6%p 하락했다."
    )
    assert flagged(ko, "breakdown.by") == []


def test_en_shares_in_parentheses_after_next() -> None:
    ok = (
        "Total shipments were 500.0 million units. Samsung shipped 110.0 million units, a 22.0% "
        "share of the market. Next, Apple shipped 80.0 million units (16.0%) and Xiaomi 60.0 "
        "million units (12.0%)."
    )
    fires(ok, ok.replace("(16.0%)", "(18.0%)"), "breakdown.share_of")


def test_zh_share_names_a_whole_other_than_the_amount_before() -> None:
    text = (
        "全市共有家庭户668.1万户，家庭户人口为1639.0万人。"
        "全市常住人口中，15-64岁的人口为1621.6万人，占常住人口的82.7%。"
    )
    assert flagged(text, "breakdown.share_of") == []
