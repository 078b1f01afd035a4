"""Alarms that published, consistent text raised (found by running ``check`` on unlabelled real
excerpts), each written here as a small text of our own: it must stay quiet, while the same
passage with a real inconsistency still fires."""

from __future__ import annotations

from check_findings import checked, fires, flagged
from fact_mentions import mentions


def test_items_of_a_ranking_in_one_paragraph_are_other_entities() -> None:
    ranking = (
        "9일 거래소에 따르면 코스닥 상장사의 올해 2분기 매출액영업이익률은 7.2%로 전분기 6.9% "
        "대비 0.3%포인트 늘었다.\n"
        "상반기 누적 영업이익률이 가장 높은 곳은 가나소재로 31.2%였다. 가나소재는 상반기 매출액 "
        "2100억원을 냈다.\n"
        "2위는 2분기 영업이익률 28.6%를 기록한 다라게임즈다. 매출액 1200억원, 영업이익 343억원을 "
        "거뒀다. 다만 전분기 영업이익률 30.1%보단 1.5%포인트 감소했다.\n"
        "3위 마바전자는 매출액 900억원, 영업이익 230억원으로 2분기 영업이익률 25.6%를 냈다. "
        "전분기 24.0%보다 1.6%포인트 증가했다."
    )
    assert flagged(ranking, "restated") == []


def test_a_title_may_cut_a_figure_short() -> None:
    body = "\n\n报告显示，2022年1-6月，中国游戏市场实际销售收入为1477.89亿元，同比下降1.8%。"
    assert flagged("中国游戏市场上半年收入1477亿元" + body, "restated.lead") == []
    assert flagged("中国游戏市场上半年收入1478亿元" + body, "restated.lead") == []
    assert flagged("中国游戏市场上半年收入1487亿元" + body, "restated.lead")


def test_a_narrowing_rise_is_a_fall_of_the_rate() -> None:
    fires(
        "서울(0.17%)은 호가 상승에 따른 부담으로 매수세가 줄면서 "
        "지난주(0.19%)보다 오름폭이 둔화됐다.",
        "서울(0.17%)은 호가 상승에 따른 부담으로 매수세가 줄면서 "
        "지난주(0.19%)보다 오름폭이 확대됐다.",
        "trend",
    )


def test_a_month_balance_is_no_average_of_exports_less_imports() -> None:
    fires(
        "The goods and services deficit was $55.2 billion in June 2019. Average exports decreased "
        "$1.7 billion to $207.8 billion in June 2019. Average imports decreased $0.6 billion to "
        "$261.7 billion in June 2019.",
        "The goods and services deficit was $55.2 billion in June 2019. Exports decreased "
        "$1.7 billion to $207.8 billion in June 2019. Imports decreased $0.6 billion to "
        "$261.7 billion in June 2019.",
        "derived.balance",
    )


def test_a_move_before_the_sentence_move_is_of_the_sentence_subject() -> None:
    text = (
        "Light vehicle sales rose 6.2% to 16.13 million units in September following a 5.3% "
        "August decline.\n\nAuto sales rose 8.2% to 3.30 million units in September following "
        "a 4.7% August decline."
    )
    subjects = {m.fact.quantity.input: m.fact.subject for m in mentions(text)}
    assert subjects["5.3%"] == "Light vehicle sales"
    assert subjects["4.7%"] == "Auto sales"
    assert flagged(text, "restated") == []


def test_from_a_level_in_one_year_to_a_level_in_the_next() -> None:
    text = "Solar generation rose by 24% (+245 TWh), from 1,039 TWh in 2021 to 1,284 TWh in 2022."
    assert [m.fact.quantity.input for m in mentions(text)] == [
        "24%",
        "+245 TWh",
        "1,039 TWh",
        "1,284 TWh",
    ]
    assert any("as stated" in msg for msg in checked(text, "derived.growth"))
    fires(text, text.replace("24%", "34%"), "derived.growth")
    fires(text, text.replace("+245", "+345"), "derived.change")


def test_a_year_on_year_rate_is_not_measured_against_a_forecast() -> None:
    fires(
        "PC games will increase 6.2% Y/Y to $37.4B in 2020, up from our previous forecast of "
        "$36.9B.",
        "PC games will increase 6.2% Y/Y to $37.4B in 2020, up from $36.9B in 2019.",
        "derived.growth",
    )


def test_a_change_written_out_in_a_padded_group_is_rounded_as_written() -> None:
    said = (
        "영업외손익은 투자지분 손실 등으로 2018년(1조8000억 원) 대비 {} 줄어들어 "
        "손실(-5000억 원)로 전환했다."
    )
    fires(said.format("2조4000억 원"), said.format("2조9000억 원"), "derived.change")


def test_a_year_on_year_rate_written_with_its_sign_is_not_measured_against_a_forecast() -> None:
    fires(
        "Console games will generate +21% Y/Y to $51.2B in 2020, up from our previous forecast "
        "of $45.2B.",
        "Console games will generate +21% Y/Y to $51.2B in 2020, up from $45.2B in 2019.",
        "derived.growth",
    )


def test_a_headline_that_a_count_broke_through_is_a_lower_bound() -> None:
    body = (
        "\n\n8월 말 현재 가나텔레콤의 5G 가입자 수는 1천500만9천720명으로 한 달 전보다 "
        "18만2천490명 늘어났다. 전체 이동통신 가입자 수는 다라통신이 1천770만1천18명으로 "
        "집계됐다."
    )
    (lead,) = [
        m for m in mentions("가나텔레콤 5G 가입자 1천500만 명 돌파" + body) if m.fact.line == 1
    ]
    assert lead.fact.quantity.qualifier.value == "at_least"
    assert flagged("가나텔레콤 5G 가입자 1천500만 명 돌파" + body, "restated.lead") == []


def test_a_figure_right_before_of_these_is_a_part_not_the_whole() -> None:
    fires(
        "In 2015, 153 GW of new capacity became operational. Wind power represented over 40% "
        "(66 GW) of these additions, followed by solar PV (49 GW) and hydropower (31 GW).",
        "In 2015, new capacity reached 153 GW, of which wind power 86 GW, solar PV 49 GW and "
        "hydropower 31 GW.",
        "breakdown.parts",
    )


def test_parts_of_a_profit_above_it_are_a_warning_and_of_a_revenue_an_error() -> None:
    said = (
        "一季度，钢铁行业实现{0}181.3亿元，同比下降36%。其中，采选业{0}83.5亿元，下降49.3%；"
        "冶炼及加工业{0}103.1亿元，下降0.7%。"
    )
    (profit,) = flagged(said.format("利润"), "breakdown.parts")
    (revenue,) = flagged(said.format("营业收入"), "breakdown.parts")
    assert (profit.severity.value, revenue.severity.value) == ("warning", "error")


def test_equivalents_rounded_in_padded_groups_imply_one_rate() -> None:
    said = (
        "지난해 화장품 총 수출액은 41억7800만달러(4조7800억원)를 기록했으며 이 중 중국으로의 "
        "수출은 15억6000만달러({})였다."
    )
    fires(said.format("1조7800억원"), said.format("1조9800억원"), "fx.consistent")


def test_undated_levels_a_hundred_times_apart_are_no_move_of_one_measure() -> None:
    for text in (
        "지난해 공항 이용 여객 수는 1억 2005만명(국내선 3113명, 국제선 8892명)으로 "
        "전년(1억 50만명)보다 19.5% 증가했다.",
        "올해 보리 생산량이 2,150만섬(310만6,000톤)으로 "
        "지난해의 2,260만섬(326만톤)보다 4.9% 줄었다.",
    ):
        assert flagged(text, "derived") == [], text
        assert flagged(text, "trend") == [], text
    fires(
        "국제선 여객은 2022년 84.1만명에서 2023년 100.5만명으로 19.5% 증가했다.",
        "국제선 여객은 2022년 84.1만명에서 2023년 100.5만명으로 29.5% 증가했다.",
        "derived.growth",
    )


def test_parts_more_than_twice_their_whole_were_never_its_parts() -> None:
    rates = "城市供水水质综合合格率为99.84%，其中出厂水99.9%、管网水99.8%、二次供水99.7%。"
    assert flagged(rates, "breakdown.parts") == []
    fires(
        "全国用水总量为5900亿立方米，其中生活用水900亿立方米、工业用水1200亿立方米、"
        "农业用水3600亿立方米。",
        "全国用水总量为5900亿立方米，其中生活用水900亿立方米、工业用水1200亿立方米、"
        "农业用水4600亿立方米。",
        "breakdown.parts",
    )
