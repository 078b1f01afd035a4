"""Issue 16, session of 2026-12-07 (third): Chinese news on official statistics: ``前2个月`` counts
no things, ``央视网消息(新闻联播)：`` names who reports and no item, ``今年前两个月`` is no part of
a subject, and ``我国`` is the document's own country as ``本公司`` is its own company; shares of
different measures (完工量, 订单量; 보험료, 계약건수) are of as many wholes; a rate compared with
上年 (较上年, 較上年) is of the year in context, not of 上年. Texts of our own."""

from __future__ import annotations

from check_findings import fires, flagged
from fact_mentions import mentions, one

DATED = "2021年3月7日\n\n"


def test_months_counted_by_ge_are_a_span_of_time_not_a_count() -> None:
    text = "海关总署公布,比去年提前1个月突破万亿美元,今年前2个月出口3.06万亿元。"
    assert [m.fact.quantity.input for m in mentions(text)] == ["3.06万亿元"]


def test_a_news_credit_before_a_colon_is_no_item_name() -> None:
    m = one("央视网消息(新闻联播):海关总署公布,我国外贸进出口总值5.44万亿元。", "5.44万亿元")
    assert "央视网" not in (m.fact.subject or "")


def test_this_year_s_first_months_are_no_part_of_the_subject() -> None:
    m = one(DATED + "今年前两个月我国外贸进出口总值5.44万亿元,同比大幅增长。", "5.44万亿元")
    assert m.fact.subject == "我国外贸进出口总值"


def test_a_national_total_restated_with_and_without_our_country_is_one_figure() -> None:
    ok = (
        DATED + "海关总署公布,今年前两个月我国外贸进出口总值5.44万亿元,同比大幅增长。\n\n"
        "今年前2个月,我国进出口总值5.44万亿元,比去年同期增长32.2%。"
    )
    fires(ok, ok.replace("外贸进出口总值5.44", "外贸进出口总值5.64"), "restated")


def test_shares_of_completions_new_orders_and_order_book_are_of_three_wholes() -> None:
    text = (
        "2022年,全国造船完工量、新接订单量、手持订单量分别为3786万载重吨、4552万载重吨、"
        "10557万载重吨,分别占世界总量的47.3%、55.2%和49%。"
    )
    assert flagged(text, "breakdown") == []
    figure = (
        "2022年造船三大指标\n\n造船完工量\n占世界总量的\n45.6%\n新接订单量\n占世界总量的\n53.2%\n"
    )
    assert flagged(figure, "breakdown") == []


def test_a_share_of_premiums_and_a_share_of_contracts_are_of_two_wholes() -> None:
    text = (
        "민영보험이 2013년에 거둬들인 수입 보험료는 전체의 66.2%를 차지했고, "
        "보유 계약건수도 69.2%를 기록했다."
    )
    assert flagged(text, "breakdown") == []


def test_shares_of_one_measure_still_add_up_to_at_most_100() -> None:
    ok = "2022年,全国造船完工量中,散货船占45.6%,油船占23.2%,集装箱船占21.3%。"
    fires(ok, ok.replace("油船占23.2%", "油船占43.2%"), "breakdown")


def test_a_rate_compared_with_last_year_is_of_the_year_in_context() -> None:
    for text in (
        "2018年全国纸浆生产总量7201万吨,较上年增长9.41%。其中:木浆1147万吨,较上年增长9.24%;"
        "废纸浆5444万吨,较上年增长13.61%。",
        "2018年全國紙漿生產總量7201萬噸,較上年增長9.41%。其中:木漿1147萬噸,較上年增長9.24%;"
        "廢紙漿5444萬噸,較上年增長13.61%。",
    ):
        years = {m.fact.period.start.year for m in mentions(text) if m.fact.period}
        assert years == {2018}, text


def test_the_parts_of_a_traditional_chinese_breakdown_add_up() -> None:
    ok = (
        "2018年全國紙漿生產總量7201萬噸,較上年增長-9.41%。其中:木漿1147萬噸,較上年增長9.24%;"
        "廢紙漿5444萬噸,較上年增長-13.61%;非木漿610萬噸,較上年增長2.17%。"
    )
    fires(ok, ok.replace("木漿1147萬噸", "木漿1647萬噸"), "breakdown")
