"""A fact's subject is the metric (and entity) its number measures, never a verb, an adverb or a
particle: Korean, Chinese and English constructions, each with cases that must not change."""

from __future__ import annotations

import pytest

from sectorlens.facts import extract, from_text
from sectorlens.facts.sentence_names import with_entity
from sectorlens.facts.subject_forms import of_level


def _subjects(text: str, fmt: str = "txt") -> dict[str, str | None]:
    return {f.quantity.input: f.subject for f in extract(from_text(text, fmt=fmt)).facts}


# --- Korean -------------------------------------------------------------------------------------


def test_korean_adverbs_between_a_noun_and_its_number_are_not_the_subject() -> None:
    got = _subjects("회사는 배당금을 기존 1,200원에서 1,500원으로 상향했다.")
    assert got["1,200원"] == "배당금"
    got = _subjects("올해와 내년 순이익 전망치를 각 12.5%, 30.1% 높였다.")
    assert got["12.5%"] == "순이익 전망치"


def test_a_korean_particle_left_of_a_number_belongs_to_the_number_before() -> None:
    got = _subjects("수출 단가를 5,000원에서 6,000원으로 20% 인상했다.")
    assert got["20%"] not in ("으", "으로", "로")
    assert "단가" in (got["20%"] or "")


def test_a_korean_comparison_word_is_skipped_to_reach_the_marked_noun() -> None:
    got = _subjects("업계의 설비투자는 작년대비 +12.4% 늘어날 전망이다.")
    assert "설비투자" in (got["+12.4%"] or "")


def test_a_value_alone_in_brackets_is_the_value_of_the_noun_before_them() -> None:
    got = _subjects("내년 출하량 증가율은 올해 출하량(+8.2%)보다 높을 것이다.")
    assert "출하량" in (got["+8.2%"] or "")


def test_a_korean_noun_marked_directly_before_its_number_is_unchanged() -> None:
    got = _subjects("부산의 고용률은 61.5%를 기록했다.")
    assert got["61.5%"] == "부산의 고용률"


# --- Chinese ------------------------------------------------------------------------------------


def test_each_value_of_a_respectively_list_gets_its_own_name_and_the_shared_measure() -> None:
    text = (
        "电池主要包括磷酸铁锂（含改性）、三元材料和钠离子三类，2023年它们的出货额分别为"
        "120亿元、45亿元和3亿元，市场份额分别为71%、27%和2%。"
    )
    got = _subjects(text)
    assert got["120亿元"] == "磷酸铁锂出货额"
    assert got["45亿元"] == "三元材料出货额"
    assert got["3亿元"] == "钠离子出货额"
    assert got["71%"] == "磷酸铁锂市场份额"
    assert got["2%"] == "钠离子市场份额"


def test_names_and_values_in_one_clause_are_paired_in_order() -> None:
    got = _subjects("2022年华东、华南和华北销售额约为80亿元、60亿元和40亿元。")
    assert got["80亿元"] == "华东销售额"
    assert got["40亿元"] == "华北销售额"


def test_a_measure_after_a_month_in_the_last_name_is_shared_by_the_list() -> None:
    got = _subjects("手机和平板电脑4月份出口额分别同比增长3.5%和9.1%。")
    assert got["3.5%"] == "手机出口额"
    assert got["9.1%"] == "平板电脑出口额"


def test_a_clause_without_a_noun_takes_the_topic_of_the_clause_before() -> None:
    text = "我国光伏组件出口额持续上升，由2015年的20亿美元上升至2022年的150亿美元。"
    got = _subjects(text)
    assert got["20亿美元"] == "我国光伏组件出口额"
    assert got["150亿美元"] == "我国光伏组件出口额"


def test_in_total_and_a_bare_verb_are_no_subjects() -> None:
    got = _subjects("日本和德国为主要供应国，合计占比为46.2%。")
    assert got["46.2%"] == "日本和德国占比"
    got = _subjects("2024年有望恢复5.1%的增长。")
    assert got["5.1%"] is None


def test_a_bare_growth_rate_is_the_rate_of_the_level_before_it() -> None:
    got = _subjects("我国风电投资额由2010年的30亿元上升至2020年的280亿元，年复合增长率为25.0%。")
    assert got["25.0%"] == "我国风电投资额年复合增长率"


def test_a_chinese_subject_named_in_the_clause_is_unchanged() -> None:
    got = _subjects("2021年深圳机器人行业营收为2345.6亿元。")
    assert got["2345.6亿元"] == "深圳机器人行业营收"


# --- English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("The merger used $3 billion of cash.", "$3 billion", "cash"),
        (
            "Last year we spent $40 million on research to build new plants.",
            "$40 million",
            "research",
        ),
        (
            "The gain was driven by a 12% increase in Cloud segment revenue.",
            "12%",
            "Cloud segment revenue",
        ),
        ("The firm is the largest lender, with a market share of 7.5%.", "7.5%", "market share"),
        ("The offer implied a value of $8 billion.", "$8 billion", "value"),
        (
            "Retail net sales of $2.0 billion rose 5%, compared to net sales of $1.9 billion.",
            "$1.9 billion",
            "net sales",
        ),
        ("Operating margin, as a share of sales for 2022, was 18%.", "18%", "Operating margin"),
    ],
)
def test_english_subject_is_the_noun_phrase_the_number_measures(
    text: str, number: str, expected: str
) -> None:
    assert _subjects(text)[number] == expected


def test_an_english_pronoun_is_no_subject() -> None:
    got = _subjects("At quarter end these totaled $12 billion.")
    assert got["$12 billion"] is None


def test_one_amount_of_several_things_takes_none_of_them_alone() -> None:
    got = _subjects(
        "The segment does not include $2.1 billion of amortization, stock compensation."
    )
    assert got["$2.1 billion"] != "amortization"


def test_an_english_subject_named_before_its_verb_is_unchanged() -> None:
    got = _subjects("Net cash provided by operating activities was $1.2 billion.")
    assert got["$1.2 billion"] == "Net cash provided by operating activities"
    got = _subjects("Sales in Europe were $5 billion.")
    assert got["$5 billion"] == "Sales in Europe"


def test_a_period_is_no_object() -> None:
    got = _subjects("Returned $2.1 billion in the first quarter.")
    assert got["$2.1 billion"] != "first quarter"


# --- the entity from the sentence lead or the heading -------------------------------------------


def test_the_name_a_sentence_opens_on_is_the_entity() -> None:
    got = _subjects("At Acme, we spent $300 million on advertising.")
    assert got["$300 million"] == "advertising · Acme"


def test_a_list_item_label_names_the_entity_of_its_facts() -> None:
    text = "## 企业动态\n\n- **星河汽车**：5 月销量 12.5 万辆，同比 + 8.0%。\n"
    got = _subjects(text, fmt="md")
    assert got["12.5 万辆"] is not None and "星河汽车" in got["12.5 万辆"]
    assert got["12.5 万辆"].startswith("销量")


def test_a_descriptive_title_is_no_entity() -> None:
    assert with_entity("투자 비중", "한국 반도체 산업의 투자 규모와 구조") == "투자 비중"
    assert with_entity("销量", "发布时间：2024-05-01") == "销量"
    assert with_entity("营收", "公司要闻 / 甲公司") == "营收 · 公司要闻 · 甲公司"
    assert with_entity("甲公司营收", "甲公司") == "甲公司营收"


def test_only_a_bare_rate_takes_the_level_before_it() -> None:
    assert of_level("年复合增长率", "进口额") == "进口额年复合增长率"
    assert of_level("a rate", "book value") == "a rate"  # not bare: left as it is
    assert of_level("rate", "book value") == "book value rate"
    assert of_level("毛利率", "营收") == "毛利率"


# --- more constructions: comparisons, achieved objects, asides, periods in the phrase ----------


def test_a_change_in_points_carries_the_rate_before_it() -> None:
    got = _subjects("광주 실업률은 3.4%로 전년동월대비 0.2%p 하락했다.")
    assert got["0.2%p"] == "광주 실업률"


def test_a_period_compared_with_is_skipped_to_reach_the_object() -> None:
    got = _subjects("공장은 용수 사용량을 작년 대비 6.1% 줄였다.")
    assert got["6.1%"] == "공장 용수 사용량"  # (the topic, 공장은, holds the measure)


def test_an_aside_right_after_a_number_is_about_that_number() -> None:
    got = _subjects("1분기 실적은 매출액 3.2조원(QoQ +4.5%)을 기록했다.")
    assert got["+4.5%"] == "매출액"
    # an aside after words keeps what is outside it (the central path of a projection)
    got = _subjects("Core sales would be CNY 2.4 tn in 2030 (central CNY 3.3 tn).")
    assert "Core sales" in (got["CNY 3.3 tn"] or "")


def test_what_a_chinese_company_achieved_is_the_metric() -> None:
    got = _subjects("报告期内，集团实现营业收入8.4亿元，同比增长6.2%。")
    assert got["8.4亿元"] == "集团营业收入"
    assert got["6.2%"] == "集团营业收入"


def test_respectively_and_the_verb_are_no_part_of_a_chinese_name() -> None:
    got = _subjects("4月，摩托车产销分别完成150.2万辆和151.0万辆，环比分别增长2.1%和3.3%。")
    assert got["150.2万辆"] == "摩托车产销"
    assert got["2.1%"] == "摩托车产销"


def test_a_zh_topic_keeps_its_share_and_stops_at_an_adverb() -> None:
    got = _subjects("韩国在全球出货量占比逐步提升，由2018年的12.5%提升至2022年的18.0%。")
    assert got["12.5%"] == "韩国在全球出货量占比"
    assert got["18.0%"] == "韩国在全球出货量占比"


def test_a_rate_after_a_reached_share_is_the_rate_of_that_share() -> None:
    got = _subjects("日本产能占比由2001年的3.5%上升至2016年的9.2%，年复合增长率为6.7%。")
    assert got["6.7%"] is not None and got["6.7%"].endswith("产能占比年复合增长率")


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Revenue for fiscal year 2023 was $12.1 billion.", "$12.1 billion", "Revenue"),
        (
            "Cloud revenue for the third quarter was $4.4 billion, up 9% from a year ago.",
            "9%",
            "Cloud revenue",
        ),
        (
            "Cash rose to $2 billion, primarily due to our net income of $0.9 billion in 2023.",
            "$0.9 billion",
            "net income",
        ),
        ("The tax benefit in 2021 was $0.4 billion.", "$0.4 billion", "tax benefit"),
    ],
)
def test_periods_and_causes_are_no_part_of_an_english_subject(
    text: str, number: str, expected: str
) -> None:
    assert _subjects(text)[number] == expected


def test_a_period_heading_is_no_entity() -> None:
    assert with_entity("Operating income", "Year Ended") == "Operating income"
    assert with_entity("销量", "比亚迪 / 月数据") == "销量 · 比亚迪"


def test_a_korean_comparison_with_a_span_of_time_is_skipped() -> None:
    got = _subjects("3월 수출액은 560억 달러로 1년 전보다 31억 달러 늘었다.")
    assert got["31억 달러"] == "수출액"


def test_a_korean_share_without_a_noun_of_its_own_is_the_topic_s() -> None:
    got = _subjects("반도체 부문은 약 40조 원으로, 전체 매출의 52%를 차지한다.")
    assert got["52%"] == "반도체 부문 · 매출"  # the part, and the whole it is a share of
    # a change without a noun of its own is left to its level, not given the topic
    got = _subjects("회사는 영업이익 3조 원을 기록했으며, 작년 대비 8% 늘었다.")
    assert got["8%"] != "회사"


def test_a_korean_amount_of_a_noun_names_that_noun() -> None:
    got = _subjects("스타트업 A사는 최근 300억 원의 투자를 유치했다.")
    assert got["300억 원"] == "스타트업 A사 투자"


def test_one_amount_of_a_listed_whole_names_the_whole_list() -> None:
    got = _subjects("At year end we had $4.1 billion in cash, deposits and short-term bonds.")
    assert got["$4.1 billion"] == "cash, deposits and short-term bonds"


def test_a_chinese_week_is_no_name() -> None:
    got = _subjects("电池指数本周上涨1.8%。")
    assert got["1.8%"] != "本周上涨"


def test_a_share_names_the_whole_it_is_taken_of() -> None:
    got = _subjects("2022년 국내 배터리 시장 규모의 약 38%를 전기차 부문이 차지했다.")
    assert got["약 38%"] == "전기차 부문 · 국내 배터리 시장 규모"
    got = _subjects("其中，客车销量为2.1万辆，占汽车总销量的1.6%。")
    assert got["1.6%"] == "客车销量 · 汽车总销量"
    # a share without a stated whole is left as it is
    got = _subjects("Asia accounted for 41% of revenue, Europe 30%.")
    assert got["30%"] is not None and "·" not in got["30%"]


def test_a_compared_figure_after_its_year_is_the_comparison_s() -> None:
    from sectorlens.facts.context import change_of

    text = "Sales for 2023 were $9.1 billion, up 12%, compared to 2022 sales of $8.1 billion."
    at = text.index("$8.1")
    assert change_of(text, at, at + len("$8.1 billion"), text.index("12%") + 3) == "versus"
    # a figure of the year itself is no comparison
    at = text.index("$9.1")
    assert change_of(text, at, at + len("$9.1 billion"), 0) is None


def test_a_change_after_unitless_levels_takes_the_topic_of_the_clause_before() -> None:
    text = "全球显示面板出货量在2022年和2023年分别达到310和325，同比增长2.1%和4.8%。"
    got = _subjects(text)
    assert got["2.1%"] == "全球显示面板出货量"
    # a clause with a figure before its verb lends no topic
    got = _subjects("营收82亿元，同比增长5%。")
    assert got["5%"] == "营收"


def test_or_a_share_of_a_whole_restates_the_amount_before() -> None:
    got = _subjects("Selling expenses were $2.2 billion, or 9.5% of revenue.")
    assert got["9.5%"] == "Selling expenses · revenue"


def test_a_count_after_a_verb_is_named_by_its_own_noun() -> None:
    got = _subjects("The group employed approximately 12,400 people in 20 countries.")
    assert got["approximately 12,400 people"] == "people"


def test_korean_units_rate_adverbs_and_change_verbs_are_no_names() -> None:
    got = _subjects("2022년 폐기물 발생량은 총 8만 tCO2eq로 전년 대비 2.4% 감소했다.")
    assert got["2.4%"] == "폐기물 발생량"
    got = _subjects("국내 로봇 시장 규모는 연평균 9.5% 성장해 2028년 7조 원에 이를 전망이다.")
    assert got["9.5%"] == "국내 로봇 시장 규모"
    assert got["7조 원"] == "국내 로봇 시장 규모"
    got = _subjects("재활용률은 95.2%로 목표치 90%를 넘었다.")
    assert got["90%"] == "목표치"


def test_what_a_chinese_change_is_compared_with_is_not_its_metric() -> None:
    got = _subjects("截至报告期末，公司净资产为30.5亿元，较期初增长4.2%。")
    assert got["4.2%"] == "公司净资产"
    got = _subjects("第二季度日本创业公司共获得风险投资15亿美元，而韩国创业公司获得9亿美元。")
    assert got["15亿美元"] == "日本创业公司风险投资"
    assert got["9亿美元"] == "韩国创业公司"
