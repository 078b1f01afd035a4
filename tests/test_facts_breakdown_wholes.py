"""Breakdowns whose whole and parts span sentences, where the text marks the span: a share list
the next sentence continues (이어, 其次, Next), lines under a lead (如下, as follows, 다음과 같다),
a dimension counted (按…统计), a whole named by the sentence (全市常住人口中), and the two sides of
one split (private and public, 城镇 and 乡村, 남성 and 여성). ko, zh, en."""

from __future__ import annotations

import pytest

from check_findings import findings, flagged
from sectorlens.model import Severity

# --- a share list continued by the next sentence --------------------------------------------

CONTINUED = {
    "ko": "2023년 조사에서 단독 점포가 {x}%로 가장 많았다. 이어 체인 점포(30.2%), "
    "온라인 점포(18.5%), 기타(9.1%) 순이었다.",
    "zh": "2023年，个体门店占比{x}%，居首位。"
    "其次为连锁门店（30.2%）、网店（18.5%）和其他（9.1%）。",
    "en": "In 2023, independent stores were {x}% of outlets, the largest group. Next came chains "
    "at 30.2%, online shops at 18.5% and others at 9.1%.",
}


@pytest.mark.parametrize("lang", CONTINUED)
def test_shares_continued_by_a_marker_over_100_warn(lang: str) -> None:
    got = flagged(CONTINUED[lang].format(x="45.2"), "breakdown.continued")
    assert [f.severity for f in got] == [Severity.WARNING]
    assert len(got[0].facts) == 4  # the share of the sentence before and the three after


@pytest.mark.parametrize("lang", CONTINUED)
def test_shares_continued_by_a_marker_adding_up_are_ok(lang: str) -> None:
    got = findings(CONTINUED[lang].format(x="42.2"), "breakdown.continued")
    assert [f.severity for f in got] == [Severity.OK]


UNMARKED = {
    "ko": "2023년 수출 중 반도체 비중은 45.2%였다. 수입 중 원유(30.2%), 가스(28.5%), "
    "석탄(9.1%)의 비중이 컸다.",
    "zh": "2023年，出口中机电产品占比45.2%。进口中原油占30.2%、天然气占28.5%、煤炭占9.1%。",
    "en": "In 2023, chips were 45.2% of exports. Of imports, crude oil was 30.2%, gas 28.5% and "
    "coal 9.1%.",
}


@pytest.mark.parametrize("lang", UNMARKED)
def test_shares_of_two_sentences_without_a_marker_are_not_joined(lang: str) -> None:
    assert findings(UNMARKED[lang], "breakdown.continued") == []


TWO_BASES = {
    "en": "In 2023, chips were 65.2% of exports. Next, crude oil was 60.2% of imports and gas "
    "28.5% of imports.",
    "zh": "2023年，机电产品占出口总额的65.2%。"
    "其次，原油占进口总额的60.2%，天然气占进口总额的28.5%。",
}


@pytest.mark.parametrize("lang", TWO_BASES)
def test_shares_of_two_named_wholes_are_not_joined(lang: str) -> None:
    assert not flagged(TWO_BASES[lang], "breakdown.continued")


def test_the_earlier_value_of_a_move_is_no_part_of_the_list() -> None:
    text = (
        "1인 가구 비율은 15.5%에서 35.5%로 늘었다. 이어 2인 가구는 19.1%에서 28.8%로, "
        "3인 가구는 20.9%에서 19.0%로 바뀌었다."
    )
    # now: 35.5 + 28.8 + 19.0 = 83.3; with the earlier values the sum would pass 100
    got = findings(text, "breakdown.continued")
    assert [f.severity for f in got] == [Severity.OK] and len(got[0].facts) == 3


CHANGES = {
    "ko": "석유화학 매출이 67조 원(44.4%) 늘어 증가액이 가장 컸다. 이어 IT가 45조 원(19.5%) "
    "증가하며 2위를 기록했고, 은행(45조 원·71.7%↑), 증권(41조 원·68.4%↑) 순이었다.",
    "zh": "石化行业营收67亿元，占比44.4%，增幅最大。其次，电子行业营收增长19.5%，"
    "银行业增长71.7%，证券业增长68.4%。",
    "en": "Chemicals sales were $67 billion, 44.4% of the total. Next came electronics, up 19.5%, "
    "banks, up 71.7%, and brokers, up 68.4%.",
}


@pytest.mark.parametrize("lang", CHANGES)
def test_rates_of_change_continued_are_no_shares(lang: str) -> None:
    assert findings(CHANGES[lang], "breakdown.continued") == []


# --- amounts listed one a line under a lead ----------------------------------------------------

BELOW = {
    "zh": "2023年末全省常住人口为1000.00万人。\n\n全省各市常住人口分布如下：\n\n甲市 {x}万人\n\n"
    "乙市 300.00万人\n\n丙市 250.00万人\n\n丁市 50.00万人\n",
    "ko": "2023년 말 도내 사업체는 1000개다.\n\n시군별 사업체 수는 다음과 같다.\n\n가시 {x}개\n\n"
    "나시 300개\n\n다군 250개\n\n라군 50개\n",
    "en": "The company had 1,000 employees at the end of 2023.\n\nThey were located as follows:\n\n"
    "Seoul {x} employees\n\nTokyo 300 employees\n\nParis 250 employees\n\nLima 50 employees\n",
}
BELOW_X = {"zh": ("400.00", "440.00"), "ko": ("400", "440"), "en": ("400", "440")}


@pytest.mark.parametrize("lang", BELOW)
def test_lines_under_a_lead_over_the_whole_warn(lang: str) -> None:
    got = flagged(BELOW[lang].format(x=BELOW_X[lang][1]), "breakdown.below")
    assert [f.severity for f in got] == [Severity.WARNING]
    assert len(got[0].facts) == 5  # the whole and the four lines


@pytest.mark.parametrize("lang", BELOW)
def test_lines_under_a_lead_making_up_the_whole_are_ok(lang: str) -> None:
    got = findings(BELOW[lang].format(x=BELOW_X[lang][0]), "breakdown.below")
    assert [f.severity for f in got] == [Severity.OK]


def test_lines_of_changes_under_a_lead_are_no_parts() -> None:
    text = (
        "2023年全省工业增加值1000亿元。\n\n各市增长情况如下：\n\n甲市增长400亿元\n\n"
        "乙市增长300亿元\n\n丙市增长450亿元\n"
    )
    assert findings(text, "breakdown.below") == []


def test_lines_short_of_the_whole_say_nothing() -> None:
    text = BELOW["en"].format(x="100")
    assert not flagged(text, "breakdown.below")


# --- a dimension counted, a whole named by the sentence ----------------------------------------


def test_parts_counted_by_one_dimension_over_their_whole_warn() -> None:
    text = (
        "全年社会消费品零售总额5000亿元。"
        "按经营地统计，城镇消费品零售额4300亿元；乡村消费品零售额800亿元。"
    )
    got = flagged(text, "breakdown.by")
    assert [f.severity for f in got] == [Severity.WARNING]


def test_parts_counted_by_one_dimension_making_up_their_whole_are_ok() -> None:
    text = (
        "全年社会消费品零售总额5000亿元。"
        "按经营地统计，城镇消费品零售额4200亿元；乡村消费品零售额800亿元。"
    )
    assert [f.severity for f in findings(text, "breakdown.by")] == [Severity.OK]


NAMED = (
    "一、常住人口\n\n全市常住人口为1000.0万人。\n\n二、家庭户\n\n全市共有家庭户300.0万户。\n\n"
    "三、户籍\n\n外来人口为200.0万人。\n\n四、性别构成\n\n全市常住人口中，男性为510.0万人；女性为{x}万人。\n"
)


def test_parts_of_a_whole_the_sentence_names_far_back_warn() -> None:
    got = flagged(NAMED.format(x="530.0"), "breakdown.by")
    assert [f.severity for f in got] == [Severity.WARNING]
    assert got[0].facts[0].quantity.value == 10_000_000


def test_parts_of_a_whole_the_sentence_names_far_back_are_ok() -> None:
    got = findings(NAMED.format(x="490.0"), "breakdown.by")
    assert [f.severity for f in got] == [Severity.OK]


def test_a_time_the_sentence_opens_with_names_no_whole() -> None:
    text = "全市常住人口为1000.0万人。\n\n在此过程中，新增人口为600.0万人，迁出人口为500.0万人。\n"
    assert findings(text, "breakdown.by") == []


# --- the two sides of one split in sentences of their own ------------------------------------

PAIRS = {
    "en": "Construction spending was $900.0 billion in May. Private construction was ${x} "
    "billion, 0.5% above the revised April estimate of $700.0 billion. Public construction was "
    "$200.0 billion.",
    "zh": "5月份，全省零售额900.0亿元。城镇零售额{x}亿元，增长5%。\n\n"
    "乡村零售额200.0亿元，增长3%。",
    "ko": "5월 취업자는 900만명이었다. 남성 취업자는 {x}만명으로 나타났다. "
    "여성 취업자는 200만명이었다.",
}
PAIRS_X = {"en": ("700.0", "740.0"), "zh": ("700.0", "740.0"), "ko": ("700", "740")}


@pytest.mark.parametrize("lang", PAIRS)
def test_two_sides_of_a_split_over_the_whole_before_them_warn(lang: str) -> None:
    got = flagged(PAIRS[lang].format(x=PAIRS_X[lang][1]), "breakdown.pair")
    assert [f.severity for f in got] == [Severity.WARNING]
    assert len(got[0].facts) == 3


@pytest.mark.parametrize("lang", PAIRS)
def test_two_sides_of_a_split_making_up_the_whole_are_ok(lang: str) -> None:
    got = findings(PAIRS[lang].format(x=PAIRS_X[lang][0]), "breakdown.pair")
    assert [f.severity for f in got] == [Severity.OK]


def test_sides_of_another_thing_are_no_pair() -> None:
    text = (
        "Construction spending was $900.0 billion in May. Private residential construction was "
        "$740.0 billion. Public construction was $200.0 billion."
    )
    assert findings(text, "breakdown.pair") == []


def test_an_amount_of_another_thing_before_the_sides_is_no_whole() -> None:
    text = (
        "Operating expenses were $900.0 million. Domestic sales were $740.0 million. "
        "International sales were $200.0 million."
    )
    assert findings(text, "breakdown.pair") == []


def test_a_figure_compared_with_is_no_whole() -> None:
    text = (
        "Private construction was $740.0 billion, above the revised April estimate of $930.0 "
        "billion. Public construction was $200.0 billion."
    )
    assert findings(text, "breakdown.pair") == []


def test_two_sides_short_of_the_whole_say_nothing() -> None:
    text = PAIRS["en"].format(x="500.0")
    assert not flagged(text, "breakdown.pair")
