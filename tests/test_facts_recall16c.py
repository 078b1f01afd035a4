"""Issue 16 (recall16c): restatements, breakdowns and trend words on fresh real text.

Every sentence and table here is written for these tests (ko, zh, en), in the style of statistics
releases, results announcements and surveys: the consistent text gives no error or warning, the
text with one figure or word changed does, and a structure that establishes no relation gives
no finding."""

from __future__ import annotations

import pytest

from check_findings import findings, flagged
from sectorlens.model import Severity

# --- one sentence, two dimensions of one whole ------------------------------------------------

DIMENSIONS = {
    "ko": "응답 기업은 대기업 60개(30.0%), 중견기업 80개(40.0%), 중소기업 60개(30.0%)이며, "
    "업종별로는 자동차 50개(25.0%), 전자 40개(20.0%), 화학 30개(15.0%) 등으로 구성됐다.",
    "zh": "受访企业中大型企业60家（占30.0%）、中型企业80家（占40.0%）、小型企业60家（占30.0%），"
    "分行业看，汽车50家（占25.0%）、电子40家（占20.0%）、化工30家（占15.0%）。",
    "en": "Of the respondents, large firms accounted for 30.0%, mid-sized firms 40.0% and small "
    "firms 30.0%; by industry, autos accounted for 25.0%, electronics 20.0% and chemicals 15.0%.",
}


@pytest.mark.parametrize("lang", DIMENSIONS)
def test_two_dimensions_of_one_whole_are_two_breakdowns(lang: str) -> None:
    text = DIMENSIONS[lang]
    assert not flagged(text, "breakdown")
    bad = text.replace("40.0%", "43.0%", 1)
    hits = flagged(bad, "breakdown.sum")
    assert hits and "103" in hits[0].message


# --- answers of a question that allows several -----------------------------------------------

MULTIPLE = {
    "ko": "필요한 지원(복수응답)으로는 '자금 지원'이 60.0%로 가장 많았고, '인력 지원'(46.9%), "
    "'판로 지원'(32.2%), '기술 지원'(31.1%) 순이었다.",
    "zh": "企业最需要的支持（可多选）中，资金支持占60.0%，人才支持占46.9%，市场支持占32.2%，"
    "技术支持占31.1%。",
    "en": "Asked what support they need (multiple responses allowed), 60.0% said funding, "
    "46.9% staff, 32.2% market access and 31.1% technology, a share of respondents each.",
}


@pytest.mark.parametrize("lang", MULTIPLE)
def test_answers_of_a_multiple_choice_question_need_not_add_up(lang: str) -> None:
    assert not flagged(MULTIPLE[lang], "breakdown")


# --- one verb makes every listed percentage a change -------------------------------------------

LISTED_CHANGES = {
    "ko": "수출 품목별로 보면 반도체가 44.6%, 석유제품이 33.0%, 무선통신기기가 75.7%, "
    "자동차 부품이 99.2% 각각 증가했다.",
    "zh": "从出口品类看，半导体、成品油、通信设备出口分别增长44.6%、33.0%和75.7%。",
    "en": "By product, exports of chips, fuels and phones rose 44.6%, 33.0% and 75.7% "
    "respectively, accounting for most of the gain.",
}


@pytest.mark.parametrize("lang", LISTED_CHANGES)
def test_rates_of_change_listed_with_one_verb_are_no_shares(lang: str) -> None:
    assert not flagged(LISTED_CHANGES[lang], "breakdown")


# --- a table of shares whose total row says 100% -----------------------------------------------

DISTRIBUTION = {
    "en": "| | Answer | % |\n|---|---|---|\n| 1 | Below 25 | 2 |\n| 2 | 25 to 34 | 20 |\n"
    "| 3 | 35 to 44 | 23 |\n| 4 | 45 to 54 | {a} |\n| 5 | 55 to 64 | 33 |\n"
    "| 6 | 65 and over | 18 |\n| 7 | Refused | 1 |\n| | Total (%) | 100 |\n| | N | 812 |\n",
    "ko": "| | 응답 | % |\n|---|---|---|\n| 1 | 25세 미만 | 2 |\n| 2 | 25~34세 | 20 |\n"
    "| 3 | 35~44세 | 23 |\n| 4 | 45~54세 | {a} |\n| 5 | 55~64세 | 33 |\n"
    "| 6 | 65세 이상 | 18 |\n| 7 | 무응답 | 1 |\n| | 합계 | 100 |\n",
    "zh": "| | 回答 | % |\n|---|---|---|\n| 1 | 25岁以下 | 2 |\n| 2 | 25至34岁 | 20 |\n"
    "| 3 | 35至44岁 | 23 |\n| 4 | 45至54岁 | {a} |\n| 5 | 55至64岁 | 33 |\n"
    "| 6 | 65岁及以上 | 18 |\n| 7 | 未回答 | 1 |\n| | 合计 | 100 |\n",
}


@pytest.mark.parametrize("lang", DISTRIBUTION)
def test_a_percent_column_totalled_100_is_one_whole(lang: str) -> None:
    table = DISTRIBUTION[lang]
    good = findings(table.format(a="3"), "table.total", "md")
    assert good and all(f.severity is Severity.OK for f in good)
    # 2+20+23+8+33+18+1 = 105: a shorter run within the rounding of integers is no subtotal
    hits = flagged(table.format(a="8"), "table.total", "md")
    assert hits and "105" in hits[0].message


def test_a_percent_column_without_a_total_of_100_is_not_taken_as_shares() -> None:
    table = DISTRIBUTION["en"].format(a="8").replace("| Total (%) | 100 |", "| Total (%) | 812 |")
    assert not [f for f in flagged(table, "table.total", "md") if "105" in f.message]


# --- one figure stated twice, neither statement dated ------------------------------------------

UNDATED = {
    "ko": (
        "관세청에 따르면 이달 1~10일 수출은 127억 달러, 수입은 {a}억 달러로 집계됐다. "
        "반도체 수출이 크게 늘었다.\n"
        "같은 기간 수입은 {b}억 달러로 원유 수입이 늘었다."
    ),
    "zh": (
        "海关数据显示，本月1-10日出口127亿美元，进口{a}亿美元。半导体出口明显增加。\n"
        "同期进口{b}亿美元，原油进口增加较多。"
    ),
    "en": (
        "Payroll employment rose by 156,000 in September, and the unemployment rate was "
        "{a} percent.\n"
        "Health care added jobs. The unemployment rate, at {b} percent, changed little in "
        "September."
    ),
}
UNDATED_VALUES = {"ko": ("174", "184"), "zh": ("174", "184"), "en": ("5.0", "4.9")}


@pytest.mark.parametrize("lang", UNDATED)
def test_an_undated_figure_restated_differently(lang: str) -> None:
    a, b = UNDATED_VALUES[lang]
    text = UNDATED[lang]
    assert not flagged(text.format(a=a, b=a), "restated")
    hits = flagged(text.format(a=a, b=b), "restated")
    assert hits and all(f.severity is Severity.WARNING for f in hits)


SERIES = {
    "ko": "8월 수입은 174억 달러였다. 원유 수입이 늘었다.\n9월 수입은 184억 달러로 늘었다.",
    "zh": "8月进口174亿美元。原油进口增加。\n9月进口184亿美元，继续增加。",
    "en": "The unemployment rate was 5.0 percent in August.\n"
    "Health care added jobs. The unemployment rate was 4.9 percent in September.",
}


@pytest.mark.parametrize("lang", SERIES)
def test_undated_figures_of_two_named_periods_are_not_one_figure(lang: str) -> None:
    assert not flagged(SERIES[lang], "restated")


def test_a_figure_named_as_a_cause_does_not_restate_its_subject() -> None:
    text = (
        "The Company recorded an income tax benefit of $1.2 billion in 2020.\n"
        "The income tax benefit in 2020 was primarily due to $1.3 billion of tax benefit from "
        "the valuation allowance release."
    )
    assert not flagged(text, "restated")


# --- improved and worsened, for a measure whose better way is known ----------------------------

BETTER = {
    "ko": "매출액 대비 영업이익률은 5.41%로 지난해 같은 기간 5.10%에 비해 {w}됐다.",
    "zh": "营业利润率从5.10%变为5.41%，明显{w}。",
    "en": "The operating margin went from 5.10% to 5.41%, a margin that {w}.",
}
WORDS = {"ko": ("개선", "악화"), "zh": ("改善", "恶化"), "en": ("improved", "worsened")}


@pytest.mark.parametrize("lang", BETTER)
def test_a_margin_said_to_worsen_while_it_rose(lang: str) -> None:
    good, bad = WORDS[lang]
    assert not flagged(BETTER[lang].format(w=good), "trend")
    hits = flagged(BETTER[lang].format(w=bad), "trend")
    assert hits and hits[0].severity is Severity.WARNING


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_a_lower_is_better_rate_that_fell_improved(lang: str) -> None:
    text = {
        "ko": "실업률은 4.1%에서 3.8%로 {w}됐다.",
        "zh": "失业率从4.1%变为3.8%，有所{w}。",
        "en": "The unemployment rate went from 4.1% to 3.8%, and it {w}.",
    }[lang]
    good, bad = WORDS[lang]
    assert not flagged(text.format(w=good), "trend")
    assert flagged(text.format(w=bad), "trend")


def test_improved_says_nothing_of_a_measure_of_unknown_better_way() -> None:
    assert not flagged("재고 수준은 120억원에서 150억원으로 개선됐다.", "trend")
    assert not flagged("库存由120亿元增至150亿元，结构有所改善。", "trend")


# --- a sign against its word -------------------------------------------------------------------

SIGNS = {
    "ko": "2분기 영업이익(-5.99%) 및 분기순이익(-6.57%)은 1분기 대비 {w}했다.",
    "ko-arrow": "누계는 각각 784억 달러와 759억 달러로 전년 대비 13.4%(92억8000만 달러↑)와 "
    "11.3%(76억8000만 달러↑) {w}했다.",
}


@pytest.mark.parametrize(
    ("case", "good", "bad"), [("ko", "감소", "증가"), ("ko-arrow", "증가", "감소")]
)
def test_a_bracketed_sign_against_the_verb_of_its_list(case: str, good: str, bad: str) -> None:
    assert not flagged(SIGNS[case].format(w=good), "trend.sign")
    assert flagged(SIGNS[case].format(w=bad), "trend.sign")


PAIRED = "全国夏粮总产量13926万吨，比上年{a}162万吨，{b}1.2%。"


@pytest.mark.parametrize(("good", "bad"), [(("减少", "下降"), ("增加", "下降"))])
def test_an_amount_and_a_rate_of_one_change_go_opposite_ways(
    good: tuple[str, str], bad: tuple[str, str]
) -> None:
    assert not flagged(PAIRED.format(a=good[0], b=good[1]), "trend.sign")
    hits = flagged(PAIRED.format(a=bad[0], b=bad[1]), "trend.sign")
    assert hits and hits[0].severity is Severity.WARNING


def test_an_amount_and_a_rate_of_two_measures_are_not_paired() -> None:
    text = "出口增加162万吨，进口下降1.2%。"  # two measures, each with its own word: no pair
    assert not flagged(text, "trend.sign")


# --- counts taken from a counted whole ---------------------------------------------------------

COUNTS = {
    "ko": "17개 업종 가운데 전기전자 등 11개 업종의 영업이익이 증가했다. "
    "반면 영업이익이 줄어든 업종은 철강금속, 화학 등 {n}개다.",
    "zh": "在38家受访企业中，22家表示订单增加，{n}家表示订单减少。",
    "en": "Of the 38 firms surveyed, 22 firms reported higher orders and {n} firms reported "
    "lower orders.",
}
COUNT_VALUES = {"ko": ("6", "8"), "zh": ("16", "18"), "en": ("16", "18")}


@pytest.mark.parametrize("lang", COUNTS)
def test_counts_of_a_counted_whole_add_up_to_no_more_than_it(lang: str) -> None:
    good, bad = COUNT_VALUES[lang]
    assert not flagged(COUNTS[lang].format(n=good), "breakdown.count")
    hits = flagged(COUNTS[lang].format(n=bad), "breakdown.count")
    assert hits and hits[0].severity is Severity.ERROR


def test_the_rest_of_an_earlier_counted_whole_is_a_warning() -> None:
    text = (
        "상장법인 540곳의 재무제표를 분석했다. 분석 대상 기업 중 402곳은 흑자를 냈으나 "
        "나머지 {n}곳은 적자였다."
    )
    assert not flagged(text.format(n="138"), "breakdown.count")
    hits = flagged(text.format(n="158"), "breakdown.count")
    assert hits and hits[0].severity is Severity.WARNING


def test_counts_without_a_counted_whole_are_not_summed() -> None:
    text = "올해 신규 상장 기업은 38곳이다. 이 가운데 코스닥 기업이 30곳, 코스피 기업이 12곳이다."
    # 이 가운데 names no count of its own here and no part is the rest: no relation is read
    assert not flagged(text, "breakdown.count")


# --- restatements whose pairing needed the sentence's own words --------------------------------

RESPECTIVE_PRIOR = {
    "ko": (
        "영업익 전년 대비 {h}% 늘어\n\n"
        "상장사의 실적이 크게 개선됐다. 영업이익은 155조6463억원, 순이익은 119조1222억원을 "
        "기록했다. 각각 전년 동기 대비 {b}%, 71% 늘었다."
    ),
    "zh": (
        "营业收入同比增长{h}%\n\n"
        "公司经营稳健。公司实现营业收入133亿元，净利润4.41亿元。分别同比增长{b}%和23%。"
    ),
}


@pytest.mark.parametrize("lang", RESPECTIVE_PRIOR)
def test_rates_listed_with_each_take_the_names_of_the_sentence_before(lang: str) -> None:
    text = RESPECTIVE_PRIOR[lang]
    assert not flagged(text.format(h="65", b="65"), "restated")
    hits = flagged(text.format(h="65", b="75"), "restated")
    assert hits and all(f.severity is Severity.WARNING for f in hits)


def test_each_leading_a_sentence_with_more_values_than_names_lends_nothing() -> None:
    text = "영업이익은 155조원, 순이익은 119조원을 기록했다. 각각 65%, 71%, 12% 늘었다."
    named = [f for f in findings(text) if "영업이익" in f.message and "12%" in f.message]
    assert not named


YOY_LIST = {
    "ko": "관세청은 지난해 같은 기간 대비 수출은 46.4%, 수입은 63.1% 각각 늘었다고 밝혔다. "
    "반도체 수출이 늘었다.\n같은 기간 수입은 전년 동기 대비 {b}% 증가했다.",
    "en": "Compared with a year earlier, exports rose 46.4% and imports rose 63.1% in the second "
    "quarter.\nChips led the gain.\nImports were up {b}% year over year in the second quarter.",
}


@pytest.mark.parametrize("lang", ["ko", "en"])  # zh: GDP and 国内生产总值 are not paired yet
def test_a_rate_of_a_year_on_year_sentence_is_restated_by_a_yoy_rate(lang: str) -> None:
    text = YOY_LIST[lang]
    assert not flagged(text.format(b="63.1"), "restated")
    assert flagged(text.format(b="53.1"), "restated")


def test_a_share_in_a_year_on_year_sentence_is_no_year_on_year_rate() -> None:
    text = (
        "今年以来累计出口80.20万辆，同比+60.5%。\n"
        "1-5月累计出口98.40GWh，同比+66.0%，三元/磷酸铁锂占比38.40%/61.60%。"
    )
    assert not flagged(text, "restated")


def test_a_korean_cause_phrase_leaves_the_topic_as_the_subject() -> None:
    from sectorlens.facts import extract, from_text

    text = "당기순이익은 전년도의 기고효과로 인해 9.71% 감소했다."
    got = [
        m for m in extract(from_text(text, fmt="txt")).mentions if "9.71" in m.fact.quantity.input
    ]
    assert got and got[0].metric == "당기순이익"


def test_an_english_apposition_names_its_figure() -> None:
    from sectorlens.facts import extract, from_text

    text = "Both the number of jobless people and the unemployment rate, 3.8 percent, declined."
    got = [
        m for m in extract(from_text(text, fmt="txt")).mentions if "3.8" in m.fact.quantity.input
    ]
    assert got and got[0].metric == "unemployment rate"


def test_a_figure_dated_by_its_heading_is_restated_in_a_sentence_naming_its_month() -> None:
    text = (
        "THE EMPLOYMENT SITUATION: SEPTEMBER 2000\n\n"
        "Payroll employment rose by 252,000 in September, and the unemployment rate declined to "
        "3.9 percent.\n\n"
        "Unemployment\n\n"
        "Both the number of unemployed persons and the unemployment rate, {b} percent, declined "
        "in September."
    )
    assert not flagged(text.format(b="3.9"), "restated")
    assert flagged(text.format(b="3.8"), "restated")
    # another month named: no restatement of September's rate
    other = text.format(b="3.8").replace("declined in September.", "declined in August.")
    assert not flagged(other, "restated")


# --- a survey's sample size printed in its column of percentages -------------------------------

SAMPLE = {
    "en": "| | Answer | % |\n|---|---|---|\n| 1 | Yes | 61 |\n| 2 | No | 39 |\n"
    "| | Total (%) | 100 |\n| | N | 812 |\n",
    "ko": "| | 응답 | % |\n|---|---|---|\n| 1 | 예 | 61 |\n| 2 | 아니오 | 39 |\n"
    "| | 합계 | 100 |\n| | 사례수 | 812 |\n",
    "zh": "| | 回答 | % |\n|---|---|---|\n| 1 | 是 | 61 |\n| 2 | 否 | 39 |\n"
    "| | 合计 | 100 |\n| | 样本量 | 812 |\n",
}


@pytest.mark.parametrize("lang", SAMPLE)
def test_the_sample_size_row_is_a_count_not_a_percentage(lang: str) -> None:
    from sectorlens.facts import extract, from_text
    from sectorlens.model import Kind

    mentions = extract(from_text(SAMPLE[lang], fmt="md")).mentions
    sample = [m for m in mentions if m.fact.quantity.value == 812]
    shares = [m for m in mentions if m.fact.quantity.value == 61]
    assert sample and all(m.fact.quantity.kind is not Kind.PERCENT for m in sample)
    assert shares and shares[0].fact.quantity.kind is Kind.PERCENT


# --- nominal and real rates; 'both the X, at N percent' ----------------------------------------

NOMINAL_REAL = {
    "zh": "2019年一季度社会消费品零售总额增长8.3%\n\n"
    "2019年一季度，社会消费品零售总额97790亿元，同比名义增长8.3%（扣除价格因素实际增长6.9%）。",
    "ko": "1분기 소매판매액 8.3% 증가\n\n"
    "1분기 소매판매액은 97조원으로 전년 동기 대비 명목 기준 8.3% 증가했다(실질 6.9% 증가).",
    "en": "First-quarter retail sales up 8.3%\n\n"
    "In the first quarter of 2019, retail sales rose 8.3% year over year (real 6.9%).",
}


@pytest.mark.parametrize("lang", NOMINAL_REAL)
def test_a_real_rate_does_not_restate_the_nominal_one(lang: str) -> None:
    assert not [f for f in flagged(NOMINAL_REAL[lang], "restated") if "6.9" in f.message]


def test_both_the_rate_at_n_percent_restates_the_lead() -> None:
    text = (
        "Payroll employment rose by 266,000 in November, and the unemployment rate was little "
        "changed at 3.5 percent.\n\n"
        "Household Survey Data\n\n"
        "Both the unemployment rate, at {b} percent, and the number of unemployed persons, at 5.8 "
        "million, changed little in November."
    )
    assert not flagged(text.format(b="3.5"), "restated")
    assert flagged(text.format(b="3.6"), "restated")
