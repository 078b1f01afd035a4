"""False alarms on fresh real texts (issue 16, fa16d): relations a rule assumed where the text
states none, and numbers misread, in ko, zh and en, with text written for these tests. Each
must-not-fire case is paired with one where the relation is stated and the rule still fires.
"""

from __future__ import annotations

from datetime import date

from check_findings import flagged
from sectorlens.facts import extract, from_text

# --- a level, its change amount and a rate: the rate must be the level's own ----------------------


def test_a_rate_of_another_measure_after_a_count_and_its_change_is_not_its_growth() -> None:
    ko = (
        "경기 지역의 취업자는 812만 3천명으로 전년동기대비 9만명 증가하였고, "
        "고용률은 64.1%로 0.4%p 상승하였음"
    )
    zh = "城镇就业人员4620万人，比上年增加85万人，城镇调查失业率为5.1%，下降0.2个百分点。"
    assert flagged(ko, "derived") == []
    assert flagged(zh, "derived") == []


def test_a_rate_level_after_its_point_change_is_not_the_counts_growth() -> None:
    ko = (
        "각 도 시 지역 취업자수는 1400만6000명으로 전년 동기 대비 17만 명 증가했으며 "
        "고용률은 0.6%p 상승한 62.5%로 나왔다."
    )
    assert flagged(ko, "derived") == []


def test_the_counts_own_rate_before_another_measure_is_still_checked() -> None:
    ko = (
        "경기 지역의 취업자는 812만 3천명으로 전년동기대비 9만명(4.5%) 증가하였고, "
        "고용률은 64.1%로 0.4%p 상승하였음"
    )
    zh = "城镇就业人员4620万人，比上年增加85万人，增长3.9%，城镇调查失业率为5.1%。"
    en = "Exports fell by $87.4 billion (26.2 percent) to $452.2 billion in 2009."
    for text in (ko, zh, en):
        assert [f.rule for f in flagged(text, "derived")] == ["derived.growth"], text


# --- the digits after 만/万 are part of the amount, not a year ------------------------------------


def _years(text: str) -> set[int]:
    ex = extract(from_text(text + "\n", fmt="txt"))
    return {f.period.start.year for f in ex.facts if f.period is not None}


def test_thousands_after_man_are_not_a_year() -> None:
    assert 2000 not in _years("취업자 수는 39만2000명으로 전년 대비 1만5000명 증가했다.")
    assert 2000 not in _years("취업자 수는 39만 2000명으로 전년 대비 1만5000명 증가했다.")
    assert 2000 not in _years("从业人员为3万2000人，比上年增加1500人。")


def test_a_year_after_a_sentence_start_is_still_a_year() -> None:
    ex = extract(from_text("2000년 취업자 수는 39만명으로 집계됐다.\n", fmt="txt"))
    periods = [f.period for f in ex.facts if f.period is not None]
    assert periods and periods[0].start == date(2000, 1, 1)


# --- 높아졌다/낮아졌다, 降低: the sign of a point change ------------------------------------------


def test_lowered_and_raised_give_the_sign_of_a_point_change() -> None:
    assert flagged("순이익률은 6.41%에서 4.12%로 2.29%p 낮아졌다.", "derived") == []
    assert flagged("순이익률은 4.12%에서 6.41%로 2.29%p 높아졌다.", "derived") == []
    assert flagged("毛利率由23.5%降低至21.2%，降低2.3个百分点。", "derived") == []


def test_a_point_change_that_its_levels_contradict_still_fires() -> None:
    for text in (
        "순이익률은 6.41%에서 4.12%로 3.29%p 낮아졌다.",
        "毛利率由23.5%降低至21.2%，降低3.3个百分点。",
        "The operating margin fell to 4.1% from 6.4%, down 3.3 percentage points.",
    ):
        assert [f.rule for f in flagged(text, "derived")] == ["derived.change"], text


# --- ❍ opens a list item: each bullet is its own statement --------------------------------------


def test_a_hollow_circle_bullet_starts_a_new_sentence() -> None:
    text = (
        "❍ 9개 도 시지역의 실업자는 39만 2천명으로 전년동기대비 1만 5천명 감소하였음\n"
        "❍ 9개 도 군지역의 실업자는 2만 6천명으로 전년동기대비 3천명 감소하였음\n"
    )
    ex = extract(from_text(text, fmt="txt"))
    county = [m for m in ex.mentions if m.fact.quantity.input == "2만 6천명"]
    assert county and county[0].metric is not None and "❍" not in county[0].metric
    assert len({m.sentence for m in ex.mentions if m.fact.quantity.unit == "명"}) == 2


# --- two bullets opening with one measure of two entities restate nothing ---------------------

_KO_REGIONS = (
    "○ 9개 도 시지역의 취업자는 1,298만 1천명으로 전년동기대비 21만 4천명 증가하였고, "
    "고용률은 60.2%로 1.1%p 상승\n"
    "   - 가나시(70.1%), 다라시(68.2%) 등에서 높았음\n"
    "○ 9개 도 {where}의 취업자는 {count}으로 전년동기대비 {change} 증가하였고, "
    "고용률은 {rate}로 1.1%p 상승\n"
    "   - 마바군(80.2%), 사아군(77.5%) 등에서 높았음\n"
)
_ZH_REGIONS = (
    "○ 城镇地区就业人员1298万人，比上年同期增加21万人，就业率为60.2%，提高1.1个百分点。\n"
    "○ {where}就业人员{count}，比上年同期增加{change}，就业率为{rate}，提高1.1个百分点。\n"
)


def test_one_measure_of_two_regions_in_two_bullets_is_not_restated() -> None:
    ko = _KO_REGIONS.format(where="군지역", count="204만 7천명", change="1만 9천명", rate="66.9%")
    zh = _ZH_REGIONS.format(where="乡村地区", count="205万人", change="2万人", rate="66.9%")
    assert flagged(ko, "restated") == []
    assert flagged(zh, "restated") == []


def test_one_region_stated_twice_with_two_rates_is_still_restated() -> None:
    ko = _KO_REGIONS.format(
        where="시지역", count="1,298만 1천명", change="21만 4천명", rate="61.2%"
    )
    zh = _ZH_REGIONS.format(where="城镇地区", count="1298万人", change="21万人", rate="61.2%")
    for text in (ko, zh):
        assert [f.rule for f in flagged(text, "restated")] == ["restated"], text


# --- a subtotal of a share column must hold in every share column ---------------------------------

_SHARES = """Shipment market share (%)

| Vendor | 2021 Q1 | 2021 Q2 | 2021 Q3 |
|---|---|---|---|
| Alpha | 21% | 20% | 19% |
| Beta | 15% | 16% | 17% |
| Gamma | 7% | 8% | 9% |
| Delta | 5% | 7% | 8% |
| Epsilon | 11% | 15% | 12% |
| Others | 41% | 34% | 35% |
"""


def test_two_rows_that_happen_to_add_up_to_the_next_are_no_subtotal() -> None:
    # Gamma + Delta is Epsilon in Q1 (rounding) and Q2, not in Q3: three vendors, no subtotal
    assert flagged(_SHARES, "table.shares", fmt="md") == []


def test_shares_that_miss_100_still_fire_and_a_real_subtotal_still_collapses() -> None:
    bad = _SHARES.replace("| Others | 41% |", "| Others | 31% |")
    assert [f.rule for f in flagged(bad, "table.shares", fmt="md")] == ["table.shares"]
    regions = """Revenue share by region

| Region | 2021 | 2022 |
|---|---|---|
| China | 30% | 31% |
| Japan | 10% | 9% |
| Asia | 40% | 40% |
| Europe | 35% | 36% |
| Others | 25% | 24% |
"""
    assert flagged(regions, "table.shares", fmt="md") == []
    assert [f.rule for f in flagged(regions.replace("| 35% |", "| 45% |"), "table", fmt="md")]


# --- past ';', an item named like the whole is the whole's sibling, not one of its parts ----------


def test_the_wholes_sibling_after_a_semicolon_is_not_one_of_its_parts() -> None:
    for text in (
        "分产业看，第一产业投资8694亿元，增长16.5%；第二产业投资10.58万亿元，增长4%，"
        "其中制造业投资8.68万亿元，增长5.5%；第三产业投资16.61万亿元，增长11.3%。",
        "Tier 1 capital was $50.2 billion, of which common equity was $40.1 billion and "
        "preferred stock was $8.0 billion; Tier 2 capital was $12.5 billion.",
        "제1공장 생산량은 520만 톤이며, 이 중 철근은 210만 톤, 형강은 180만 톤이었다; "
        "제2공장 생산량은 340만 톤이었다.",
    ):
        assert flagged(text, "breakdown") == [], text


def test_parts_past_a_semicolon_and_parts_over_their_whole_still_fire() -> None:
    for text in (
        "全国一般公共预算收入135663亿元，同比下降3.9%，其中，税收收入111065亿元，"
        "同比下降5.5%；非税收入34598亿元，同比增长14%。",
        "Tier 1 capital was $50.2 billion, of which common equity was $40.1 billion and "
        "preferred stock was $18.0 billion; Tier 2 capital was $12.5 billion.",
        "제1공장 생산량은 520만 톤이며, 이 중 철근은 310만 톤, 형강은 280만 톤이었다; "
        "제2공장 생산량은 340만 톤이었다.",
    ):
        assert [f.rule for f in flagged(text, "breakdown")] == ["breakdown.parts"], text


# --- 물가상승률, 上涨率: a trend word inside a rate's name gives no direction -------------------


def test_a_trend_word_in_a_rates_name_is_no_direction() -> None:
    assert flagged("물가상승률도 3.6%에서 3.5%로 0.1%포인트 하향했다.") == []
    assert flagged("올해 경제성장률을 1.6%로 지난해 전망(1.7%)보다 0.1%포인트 하향했다.") == []
    assert flagged("居民消费价格上涨率由2.1%降至1.8%，下降0.3个百分点。") == []


def test_a_rate_named_with_a_trend_word_is_still_checked() -> None:
    assert [f.rule for f in flagged("물가상승률도 3.6%에서 3.5%로 0.3%포인트 하향했다.")] == [
        "derived.change"
    ]
    assert [f.rule for f in flagged("물가상승률은 3.6%에서 3.5%로 상승했다.")] == ["trend.levels"]
    assert [f.rule for f in flagged("居民消费价格上涨率由2.1%降至1.8%，下降0.5个百分点。")] == [
        "derived.change"
    ]


# --- shares of people who gave an answer are no parts of one whole --------------------------------


def test_answers_of_respondents_over_100_percent_are_not_one_breakdown() -> None:
    for text in (
        "In the survey, 68 percent of owners cited taxes, followed by regulation (52 percent) "
        "and health costs (41 percent).",
        "응답자의 64.2%가 인력난을 꼽았고, 이어 자금난(48.1%), 판로 부족(30.5%) 순이었다.",
        "三类群体中，企业主(93%)认为经营环境改善的比例高于专业人士(87%)和普通公众(81%)。",
    ):
        assert flagged(text, "breakdown") == [], text


def test_shares_of_one_stated_whole_still_fire() -> None:
    for text in (
        "Of total revenue, Asia accounted for 52%, Europe 31% and the Americas 27%.",
        "응답업체는 대기업 68개(34.2%), 중견기업 89개(47.7%), 중소기업 42개(21.1%)로 구성됐다.",
        "营业收入中，华东地区占比52.1%，华南地区占比31.4%，其他地区占比26.5%。",
    ):
        assert [f.rule for f in flagged(text, "breakdown")] == ["breakdown.sum"], text


# --- a headline's whole against an item of the body's breakdown by a dimension ------------------

_FILLER = {
    "zh": "据报道，该市一季度经济运行总体平稳，各项指标稳中有进，市场预期持续改善。" * 4,
    "en": "The city's economy was broadly stable in the quarter, and most indicators improved. "
    * 4,
}
_HEADLINE_ITEM = {
    "zh": "# 3月社会消费品零售总额增长10.9%达27864亿元\n\n{filler}\n\n按消费类型分，3月份，"
    "餐饮收入2945亿元，增长11.1%；{item}24919亿元，增长10.9%。\n",
    "en": "# Total retail sales rose 10.9% to $27.9 billion in March 2017\n\n{filler}\n\n"
    "By type, in March 2017 restaurant retail sales were $2.9 billion, up 11.1%, and "
    "{item} were $24.9 billion, up 10.9%.\n",
}
_ITEM = {
    "zh": ("商品零售", "社会消费品零售总额"),
    "en": ("goods retail sales", "total retail sales"),
}


def test_an_item_of_a_breakdown_by_type_does_not_restate_the_headlines_whole() -> None:
    for lang, text in _HEADLINE_ITEM.items():
        doc = text.format(filler=_FILLER[lang], item=_ITEM[lang][0])
        assert flagged(doc, "restated", fmt="md") == [], lang


def test_the_headlines_whole_named_again_in_a_breakdown_sentence_still_fires() -> None:
    for lang, text in _HEADLINE_ITEM.items():
        doc = text.format(filler=_FILLER[lang], item=_ITEM[lang][1])
        assert "restated.headline" in {f.rule for f in flagged(doc, "restated", fmt="md")}, lang


def test_a_dimension_named_at_length_opens_a_breakdown_too() -> None:
    text = (
        "# 全年社会消费品零售总额增长12.9%达9206亿元\n\n"
        + _FILLER["zh"]
        + "\n\n按经营地统计，全年城镇消费品零售额8418亿元，增长12.9%；乡村消费品零售额787亿元，"
        "增长13.5%。按经营单位所在地分，全年城镇网点零售额8102亿元，增长12.9%。\n"
    )
    assert flagged(text, "restated", fmt="md") == []
