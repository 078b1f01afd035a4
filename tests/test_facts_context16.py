"""Issue 16 (context): subjects and periods of facts in ko, zh and en, and relations no rule may
infer. Every sentence here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from check_findings import flagged
from fact_mentions import mentions, one, span
from sectorlens.facts import extract, from_text
from sectorlens.facts.context import Dating, named_periods
from sectorlens.facts.document import BlockKind
from sectorlens.facts.scope import metric_of
from sectorlens.model import Period, Severity
from sectorlens.parse import parse

BAD = (Severity.ERROR, Severity.WARNING)


# --- no metric: framing phrases, verbs, comparisons ---------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "按可比价格计算",
        "分季度看",
        "從環比看",
        "同比增長",
        "同比名义增长",
        "보다",
        "늘어난",
        "비교해",
        "record",
        "annual basis",
        "prior-year period",
    ],
)
def test_words_that_frame_or_compare_name_no_metric(words: str) -> None:
    assert metric_of(words) is None


@pytest.mark.parametrize("words", ["国内生产总值", "國內生產總值", "영업이익", "Total revenue"])
def test_a_metric_stays_a_metric(words: str) -> None:
    assert metric_of(words) == words


# --- subjects carried: the level before in the clause, the sentence before, a list in order ----


def test_a_rate_after_a_framing_clause_is_the_rate_of_the_amount_before_zh() -> None:
    text = (
        "初步核算，2025年前三季度甲省生产总值1200亿元，按可比价格计算，同比增长5.1%。"
        "分季度看，一季度同比增长4.8%，二季度增长5.0%，三季度增长5.3%。"
        "分产业看，第一产业增加值100亿元，增长3.1%。"
    )
    assert "生产总值" in (one(text, "5.1%").fact.subject or "")
    q1 = one(text, "4.8%")
    assert "生产总值" in (q1.fact.subject or "")
    assert span(q1) == (date(2025, 1, 1), date(2025, 3, 31))
    # the quarters listed are parts of 前三季度: the sentence after keeps January-September
    first = one(text, "100亿元")
    assert first.fact.period is not None
    assert (first.fact.period.start.month, first.fact.period.end.month) == (1, 9)


def test_a_traditional_chinese_rate_after_its_amount_keeps_the_amount_metric() -> None:
    m = one("前三季度，第一產業增加值48123億元，同比增長2.3%。", "2.3%")
    assert "第一產業" in (m.fact.subject or "")


def test_rates_listed_after_fenbie_are_those_of_the_amounts_before_in_order() -> None:
    text = (
        "2023年公司实现营业收入10亿元、利润总额2亿元、净利润1.5亿元，"
        "同比分别增长10.1%、8.2%及6.3%。"
    )
    subjects = [one(text, v).fact.subject or "" for v in ("10.1%", "8.2%", "6.3%")]
    assert [
        s.endswith(w) for s, w in zip(subjects, ("营业收入", "利润总额", "净利润"), strict=True)
    ] == [
        True,
        True,
        True,
    ]


def test_rates_with_a_measure_of_their_own_after_fenbie_keep_it() -> None:
    text = "2019年甲、乙两类产品市场规模为10亿美元和20亿美元，市场占比分别为13%和26%。"
    assert "市场占比" in (one(text, "13%").fact.subject or "")


def test_amounts_of_one_clause_share_the_metric_en() -> None:
    text = "Total revenue increased 39.7% year over year to $49.1 million from $35.1 million."
    assert one(text, "$49.1 million").metric == "Total revenue"
    assert one(text, "$35.1 million").metric == "Total revenue"


def test_korean_comparisons_are_skipped_whole_and_the_noun_before_is_the_subject() -> None:
    text = (
        "2023년 3월 생활물가지수는 1년 전보다 2.8% 올랐고, "
        "신선식품지수는 전년 동기 대비 7.5% 올랐다."
    )
    assert one(text, "2.8%").metric == "생활물가지수"
    assert one(text, "7.5%").metric == "신선식품지수"


def test_a_segment_the_sentence_names_is_the_entity_of_its_facts() -> None:
    text = (
        "Net sales in the Frozen Products segment increased 8.4% in fiscal 2019, "
        "primarily due to a 5.3% increase in unit volume."
    )
    assert "Frozen Products segment" in (one(text, "5.3%").fact.subject or "")


# --- periods ---------------------------------------------------------------------------------


def test_a_month_range_with_a_long_dash_is_a_period() -> None:
    (n,) = named_periods("2023年1—2月份，零售总额7.7万亿元", None)
    assert (n.period.start, n.period.end) == (date(2023, 1, 1), date(2023, 2, 28))


def test_the_base_year_of_an_index_is_no_period_ko_en() -> None:
    text = "소비자물가지수는 108.2(2020년 100 기준)로 나타났다"
    assert named_periods(text, 2023) == ()
    assert named_periods("The index (2015=100) rose", 2023) == ()


def test_a_relative_year_before_its_month_is_the_month_s_year() -> None:
    found = named_periods("작년 11월보다 2.0% 올랐다", 2018)
    assert [(n.period.start, n.compared) for n in found] == [(date(2017, 11, 1), True)]


@pytest.mark.parametrize(
    "text",
    [
        "This compares with prior year period net income of $74.4 million",
        "versus $180 million in the year-earlier quarter",
        "작년 같은 기간(116조원)과 비교해",
    ],
)
def test_the_prior_year_period_is_the_context_span_a_year_before(text: str) -> None:
    q4 = Period(date(2022, 10, 1), date(2022, 12, 31))
    found = named_periods(text, 2022, Dating(None, q4.end, False, None, q4))
    assert [(n.period.start, n.period.end) for n in found] == [
        (date(2021, 10, 1), date(2021, 12, 31))
    ]


def test_a_bare_prior_year_without_a_span_in_context_stays_a_year() -> None:
    found = named_periods("net income rose from the prior year", 2022)
    assert [(n.period.start, n.period.end) for n in found] == [
        (date(2021, 1, 1), date(2021, 12, 31))
    ]


def test_a_quarter_ended_on_a_day_with_its_ordinal_is_that_quarter() -> None:
    text = "net income for the fiscal fourth quarter ended Dec. 27, 2015, was a loss"
    (n,) = named_periods(text, 2015)
    assert (n.period.start, n.period.end) == (date(2015, 9, 28), date(2015, 12, 27))


def test_a_month_range_without_a_year_takes_the_context_year_and_is_no_comparison() -> None:
    (n,) = named_periods("GDP grew at a rate of 2% from July through September", 2010)
    assert (n.period.start, n.period.end, n.compared) == (
        date(2010, 7, 1),
        date(2010, 9, 30),
        False,
    )


@pytest.mark.parametrize(
    "text",
    ["석유류는 2011년 11월 이후 5년 만에 가장 크게 올랐다", "出口额创2015年以来新高"],
)
def test_the_point_a_record_is_counted_from_is_a_compared_period(text: str) -> None:
    assert all(n.compared for n in named_periods(text, 2017))


def test_year_end_results_name_no_day() -> None:
    assert [
        n.period.start for n in named_periods("posts fourth quarter and year-end results", 2002)
    ] == [date(2002, 10, 1)]


def test_an_aside_on_earlier_months_does_not_pass_its_period_on() -> None:
    text = (
        "2017년 3월 소비자물가지수는 1년 전보다 2.2% 상승했다. "
        "앞서 1월 상승률은 2.0%, 2월은 1.9%였다. "
        "휘발유 가격은 12.4% 올랐다."
    )
    assert span(one(text, "12.4%")) == (date(2017, 3, 1), date(2017, 3, 31))


# --- the layout of plain text ------------------------------------------------------------------


def test_a_short_line_between_paragraph_lines_is_a_heading() -> None:
    doc = from_text(
        "一、农业生产稳定\n粮食产量300万吨，比上年增加2.1%。\n二、工业生产平稳\n工业增加值增长5.0%。\n"
    )
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_a_title_between_lines_of_figures_is_a_heading_en() -> None:
    doc = from_text(
        "Fourth Quarter 2022 Highlights\nNet sales increase 10% to $930.9 million\n"
        "Full Year 2022 Highlights\nNet sales increase 16% to $3.8 billion\n"
    )
    heads = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert heads == ["Fourth Quarter 2022 Highlights", "Full Year 2022 Highlights"]
    text = doc.text
    ms = extract(doc).mentions
    year = next(m for m in ms if m.fact.quantity.input == "$3.8 billion")
    assert span(year) == (date(2022, 1, 1), date(2022, 12, 31)), text


def test_lines_of_a_wrapped_paragraph_are_no_headings_ko() -> None:
    doc = from_text(
        "2014~2020년 기간 동안 중국 AI 산업은 총 4,796건의\n"
        "투자가 진행되었다. 이 중 총 융자 금액은 7685억 위안\n"
        "최근 2019~2020년 기간 중국 AI 산업 시장은 상대적으로\n"
        "차분해진 모습을 보이고 있다.\n"
    )
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH]


def test_a_word_and_an_amount_on_two_lines_are_two_words() -> None:
    doc = from_text("net sales of $257.9 million compared to\n$111.2 million in 2002.\n")
    assert "compared to $111.2 million" in doc.blocks[0].text


# --- numbers read whole ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7천736억원", 773600000000),
        ("1천282조7천736억원", 1282773600000000),
        ("32조9천54억원", 32905400000000),
        ("3만7103MWh", 37103),
        ("43163万头", 431630000),
    ],
)
def test_korean_thousands_before_a_big_unit_and_counters_read_whole(text: str, value: int) -> None:
    assert parse(text).value == value


@pytest.mark.parametrize("text", ["1천5.5억원", "三千5亿元"])
def test_digits_after_a_small_unit_that_could_mean_two_things_stay_unparsed(text: str) -> None:
    assert parse(text).value is None


def test_an_amount_after_man_with_its_units_is_one_span() -> None:
    ms = mentions("2022년 재생전력은 3만91MWh였다.")
    assert [m.fact.quantity.input for m in ms] == ["3만91MWh"]


# --- relations a rule may not infer ------------------------------------------------------------

TWO_METRICS = (
    "Total revenue rose from $35.1 million to $49.1 million, up {r}%, while total operating "
    "expenses rose 42.2% to $51.7 million."
)


def test_a_change_of_another_metric_is_not_paired_with_a_level_en() -> None:
    assert flagged(TWO_METRICS.format(r="39.9"), "derived.growth") == []
    assert flagged(TWO_METRICS.format(r="30.7"), "derived.growth") != []


NEW_STATEMENT = "재생전력은 2021년 281MWh에서 2022년 3만91MWh로 크게 늘어난 뒤 2023년에도 {r}"


def test_a_change_after_a_new_period_is_not_the_pair_s_before_it_ko() -> None:
    assert flagged(NEW_STATEMENT.format(r="23.3% 늘어난 3만7103MWh를 기록했다."), "derived") == []
    fires = "재생전력은 2021년 281MWh에서 2022년 3만91MWh로 23.3% 늘었다."
    assert flagged(fires, "derived.growth") != []


def test_one_part_s_shares_of_a_count_and_of_an_amount_are_no_breakdown_zh() -> None:
    assert flagged("4月，战略融资轮事件数量约占60%，金额约占79.5%。", "breakdown") == []
    assert flagged("4月，战略融资轮金额约占60%，A轮金额约占59.5%。", "breakdown") != []


SEGMENTS = (
    "Net sales in the Frozen segment increased 8.4% in fiscal 2019, due to a {a}% increase in "
    "unit sales volume.\n\n"
    "Net sales in the {seg} segment increased 8.3% in fiscal 2019, due to a 7.3% increase in "
    "unit sales volume.\n"
)


def test_figures_of_two_segments_are_no_restatement_en() -> None:
    assert flagged(SEGMENTS.format(a="5.3", seg="Snack"), "restated") == []
    assert flagged(SEGMENTS.format(a="5.3", seg="Frozen"), "restated") != []


# --- relative years in a part-year context --------------------------------------------------


def test_last_year_set_against_this_year_in_a_half_year_context_is_that_half_ko() -> None:
    text = (
        "2022년 8월 17일\n\n"
        "올해 상반기 매출은 1천641조원으로 집계됐다. "
        "석유화학 업종의 매출이 작년 152조원에서 올해 220조원으로 늘었다.\n"
    )
    assert span(one(text, "152조원")) == (date(2021, 1, 1), date(2021, 6, 30))
    assert span(one(text, "220조원")) == (date(2022, 1, 1), date(2022, 6, 30))


def test_this_year_as_a_whole_stays_the_whole_year_ko() -> None:
    text = (
        "2022년 8월 17일\n\n올해 상반기 매출은 100조원이다. "
        "올해 연간 매출은 작년보다 늘어 210조원으로 예상된다.\n"
    )
    assert span(one(text, "210조원")) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_half_after_last_year_and_this_year_takes_the_nearest_year_ko() -> None:
    found = named_periods("매출은 지난해 상반기 28조원에서 올해 상반기 27조원으로 줄었다", 2022)
    assert [(n.period.start, n.period.end) for n in found] == [
        (date(2021, 1, 1), date(2021, 6, 30)),
        (date(2022, 1, 1), date(2022, 6, 30)),
    ]


def test_the_same_period_in_a_year_is_the_context_span_in_that_year_en() -> None:
    q4 = Period(date(2002, 10, 1), date(2002, 12, 31))
    found = named_periods(
        "For the same period in 2001, net income was $2.8 million",
        2002,
        Dating(None, q4.end, False, None, q4),
    )
    assert [(n.period.start, n.period.end) for n in found] == [
        (date(2001, 10, 1), date(2001, 12, 31))
    ]


def test_figures_of_a_comparison_sentence_take_its_period_en() -> None:
    text = (
        "Fourth quarter 2022 net income was $109.1 million. "
        "This compares with net income of $74.4 million, or $1.25 per share, in the prior year "
        "period. Operating income was $141.5 million.\n"
    )
    assert span(one(text, "$74.4 million")) == (date(2021, 10, 1), date(2021, 12, 31))
    assert span(one(text, "$141.5 million")) == (date(2022, 10, 1), date(2022, 12, 31))


def test_without_a_document_date_a_sentence_of_words_keeps_the_period_ko() -> None:
    text = (
        "2017년 3월 소비자물가지수는 1년 전보다 2.2% 상승했다. 장바구니 물가도 다시 올랐다. "
        "신선과실은 15.7% 올랐다.\n"
    )
    assert span(one(text, "15.7%")) == (date(2017, 3, 1), date(2017, 3, 31))


@pytest.mark.parametrize(
    "text",
    [
        "지수는 전년동월대비 1.4% 올랐다",
        "2월 지수는 전년비 4.8% 올랐다",
        "전년 동월 대비 1.2% 올랐다",
    ],
)
def test_korean_abbreviated_comparisons_name_a_compared_period(text: str) -> None:
    assert [n.compared for n in named_periods(text, 2017) if n.period.start.year == 2016] == [True]


def test_a_registration_date_line_dates_the_document_not_a_section_ko() -> None:
    text = (
        "2021년도 1분기 중소기업 수출 동향\n\n등록일 2021-04-22\n\n"
        "반도체(32.9%↑)의 수출이 선전했다.\n"
    )
    assert span(one(text, "32.9%")) == (date(2021, 1, 1), date(2021, 3, 31))
