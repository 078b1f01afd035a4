"""Issue 16 (context, fresh text): a news story's lead dates the paragraphs after it, datelines,
counts that look like years, fiscal-year ends, half-year words, running totals, subjects that
name an owner or an exclusion, comparisons closed by their period. Every sentence here is
written for the test, in the style of statistical releases, company results and news."""

from __future__ import annotations

from datetime import date

from fact_mentions import mentions, one, span
from sectorlens.facts import extract, from_text
from sectorlens.facts.context import named_periods
from sectorlens.facts.dateline import bare_date
from sectorlens.facts.extract import Mention
from sectorlens.facts.scope import metric_of
from sectorlens.facts.subjects_ko import ko_phrase


def month(y: int, m: int, last: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, last)


# --- a story's lead dates the paragraphs that name no period ------------------------------------

KO_STORY = (
    "입력 2019-06-01 10:00\n\n"
    "5월 수출이 450억 달러를 기록했다.\n\n"
    "수입은 400억 달러로 전년 동월 대비 3.1% 늘었다.\n\n"
    "누적 수입액은 2100억 달러였다.\n"
)
ZH_STORY = (
    "发布时间:2019-06-14\n\n5月份,全国规模以上工业增加值同比增长5.0%。\n\n其中,制造业增长5.2%。\n"
)
EN_STORY = (
    "Date: 2019-08-01\n\n"
    "In the second quarter of 2019, net sales rose 6% to $410 million.\n\n"
    "Operating income was $52 million.\n"
)


def test_ko_story_lead_dates_the_next_paragraphs() -> None:
    assert span(one(KO_STORY, "400억 달러")) == month(2019, 5, 31)
    assert span(one(KO_STORY, "3.1%")) == month(2019, 5, 31)


def test_zh_story_lead_dates_the_next_paragraphs() -> None:
    assert span(one(ZH_STORY, "5.2%")) == month(2019, 5, 31)


def test_en_story_lead_dates_the_next_paragraphs() -> None:
    assert span(one(EN_STORY, "$52 million")) == (date(2019, 4, 1), date(2019, 6, 30))


def test_running_total_lent_a_month_runs_from_january() -> None:
    assert span(one(KO_STORY, "2100억 달러")) == (date(2019, 1, 1), date(2019, 5, 31))


def test_lead_is_not_lent_past_a_heading() -> None:
    text = (
        "# Results\n\nIn the second quarter of 2019, net sales rose 6% to $410 million.\n\n"
        "# Outlook\n\nCapital spending will be $30 million.\n"
    )
    ms = extract(from_text(text, fmt="md")).mentions
    (m,) = [x for x in ms if x.fact.quantity.input == "$30 million"]
    assert span(m) != (date(2019, 4, 1), date(2019, 6, 30))


def test_today_is_the_documents_day_not_the_lead() -> None:
    text = (
        "Date: 2020-02-20\n\nIn 2019, premiums rose 8% to $9.1 billion.\n\n"
        "Today, the fleet is worth $2.0 billion.\n"
    )
    assert span(one(text, "$2.0 billion")) != (date(2019, 1, 1), date(2019, 12, 31))


def test_lead_comes_from_a_sentence_with_figures() -> None:
    # the lead's first period is a comparison without figures: it dates nothing after it
    text = (
        "Date: 2023-09-01\n\n"
        "Activity during the first semester continued along the lines of last year.\n\n"
        "Revenue was up 4.0% to CHF 300.0m.\n"
    )
    assert span(one(text, "CHF 300.0m")) != (date(2022, 1, 1), date(2022, 12, 31))


# --- datelines ----------------------------------------------------------------------------------


def test_a_date_alone_on_its_line_is_a_dateline() -> None:
    assert bare_date("2023.04.04 여성신문")
    assert bare_date("2024-07-11 /연합뉴스")
    assert bare_date("2020-08-14 10:01:01 来源:上海证券报")
    assert bare_date("Feb 3, 2023")


def test_a_date_with_words_is_no_dateline() -> None:
    assert not bare_date("2023-09-01 revenue rose 5%")
    assert not bare_date("December 31, 2022 balance")
    assert not bare_date("2019년 3월 5일 매출은 100억원")


def test_the_documents_date_line_dates_no_section() -> None:
    text = (
        "Half-Year Report 2023\n\n2023-09-01\n\n"
        "Revenue was CHF 552.4m compared with CHF 525.1m in the first half of 2022.\n"
    )
    assert span(one(text, "CHF 552.4m")) == (date(2023, 1, 1), date(2023, 6, 30))


# --- numbers that are no periods ------------------------------------------------------------------


def test_a_count_before_a_counter_is_no_year() -> None:
    assert named_periods("1901家公司淨利潤同比增長25%", 2011) == ()
    assert named_periods("응답 기업 2000명 중", 2019) == ()
    assert named_periods("1500 companies reported", 2019) == ()


def test_a_year_stays_a_year() -> None:
    (n,) = named_periods("2019年营业收入", None)
    assert (n.period.start, n.period.end) == (date(2019, 1, 1), date(2019, 12, 31))
    (n,) = named_periods("in 2018 the firm", None)
    assert n.period.start == date(2018, 1, 1)


def test_the_month_a_fiscal_year_ends_is_no_period() -> None:
    assert named_periods("12월 결산법인 533곳", 2017) == ()
    assert named_periods("3月决算的公司", 2017) == ()
    (n,) = named_periods("12월 수출", 2017)
    assert n.period.start == date(2017, 12, 1)


def test_half_year_words() -> None:
    (n,) = named_periods("during the first semester", 2023)
    assert (n.period.start, n.period.end) == (date(2023, 1, 1), date(2023, 6, 30))
    (n,) = named_periods("Half-Year Report 2023", None)
    assert (n.period.start, n.period.end) == (date(2023, 1, 1), date(2023, 6, 30))
    (n,) = named_periods("half-year results 2021", None)
    assert n.period.end == date(2021, 6, 30)


# --- subjects -----------------------------------------------------------------------------------


def test_ko_subject_keeps_what_is_excluded() -> None:
    assert ko_phrase("삼성전자를 뺀 연결 매출은") == "삼성전자 제외 연결 매출"
    assert ko_phrase("한국전력(비중 2.5%)을 제외한 상장사들의 매출액은") == (
        "한국전력 제외 상장사들의 매출액"
    )


def test_ko_subject_keeps_its_owner_past_a_period_word() -> None:
    assert ko_phrase("SK하이닉스의 상반기 영업이익은") == "SK하이닉스의 영업이익"
    assert ko_phrase("삼성전자의 올해 상반기 영업이익은") == "삼성전자의 영업이익"


def test_ko_subject_is_no_time_word() -> None:
    assert ko_phrase("수출은 지난 3월") == "수출"
    assert ko_phrase("올해 상반기 영업이익은") == "영업이익"


def test_zh_rate_moves_name_no_metric() -> None:
    assert metric_of("降幅比1-6月份收窄") is None
    assert metric_of("增速比5月份加快") is None
    assert metric_of("利润总额") == "利润总额"


def test_zh_rate_move_takes_the_metric_before() -> None:
    text = "1-7月份,全国规模以上工业增加值同比下降0.4%,降幅比1-6月份收窄0.9个百分点。"
    assert "工业增加值" in (one(text, "0.9个百分点").fact.subject or "")


def test_zh_traditional_verbs_are_no_part_of_the_metric() -> None:
    text = "工商銀行上半年淨利潤達1094.81億元。"
    assert one(text, "1094.81億元").fact.subject == "工商銀行上半年淨利潤"


def test_en_including_keeps_the_noun_before_it() -> None:
    text = (
        "In the first half of 2023, the Group's revenue including the share of joint ventures "
        "was up 11.8% at constant exchange rates to CHF 552.4m."
    )
    assert "revenue" in (one(text, "11.8%").fact.subject or "")
    assert "revenue" in (one(text, "CHF 552.4m").fact.subject or "")


def test_en_against_compares_the_same_subject() -> None:
    text = (
        "In the first half of 2023, operating profit was CHF 74.0m against CHF 56.0m in H1 "
        "2022, up 41.9% at constant exchange rates."
    )
    assert one(text, "CHF 56.0m").fact.subject == "operating profit"
    assert span(one(text, "CHF 56.0m")) == (date(2022, 1, 1), date(2022, 6, 30))
    assert span(one(text, "41.9%")) == (date(2023, 1, 1), date(2023, 6, 30))


def test_en_moved_ahead_takes_the_clause_subject() -> None:
    text = (
        "In the first half of 2023, fees rose 3% to CHF 20.0m, while revenue from the online "
        "trading business (retail), was ahead 18.7% to CHF 18.4m."
    )
    assert one(text, "18.7%").fact.subject != "ahead"
    assert "revenue" in (one(text, "18.7%").fact.subject or "")


# --- comparisons closed by their period -------------------------------------------------------


def test_en_figure_inside_a_comparison_takes_its_period() -> None:
    text = (
        "In Q4 FY22, operating income decreased 27 per cent to $155.4 million, or 13.3 per cent "
        "of net sales, compared to operating income of $211.6 million, or 18.7 per cent of net "
        "sales, for Q4 FY21."
    )
    assert span(one(text, "$211.6 million")) == (date(2021, 10, 1), date(2021, 12, 31))
    assert span(one(text, "$155.4 million")) == (date(2022, 10, 1), date(2022, 12, 31))


def test_en_comparable_period_is_compared() -> None:
    text = (
        "In Q4 FY22, expenses rose 5 per cent to $405.1 million from $384 million for the "
        "comparable period in 2021. Net income was $125.7 million."
    )
    assert span(one(text, "$125.7 million")) == (date(2022, 10, 1), date(2022, 12, 31))


def test_en_comparable_period_is_the_facts_span_in_that_year() -> None:
    text = (
        "In Q4 FY22, net income decreased 20 per cent to $125.7 million, compared to net income "
        "of $157 million for the comparable period in 2021."
    )
    assert span(one(text, "$157 million")) == (date(2021, 10, 1), date(2021, 12, 31))


def test_en_a_year_compared_as_a_whole_stays_a_year() -> None:
    text = "In Q4 FY22, net income was $125.7 million, compared to $400 million in 2021."
    assert span(one(text, "$400 million")) == (date(2021, 1, 1), date(2021, 12, 31))


def test_ko_same_period_last_year_is_compared() -> None:
    text = "2018년 1~7월 누적수출액은 지난해 같은 기간보다 6.4% 증가한 3491억 달러였다."
    m = one(text, "3491억 달러")
    assert span(m) == (date(2018, 1, 1), date(2018, 7, 31))
    assert m.fact.subject == "누적수출액"


def test_ko_exclusion_after_an_aside_keeps_the_name() -> None:
    text = "삼성전자(12.26%)를 제외한 상장사들의 매출액은 799조원으로 7.85% 증가했다."
    assert one(text, "799조원").fact.subject == "삼성전자 제외 상장사들의 매출액"


# --- a results table under a title row, its columns dated by a day and the months to it ---------

RESULTS_MD = (
    "# Half-year figures\n\n"
    "| Income statement | | | |\n|---|---|---|---|\n"
    "| Key figures, not audited | | | |\n"
    "| (million euro) | June 30, 2024 | June 30, 2023 | Change |\n"
    "| | 6M | 6M | |\n"
    "| Revenue | 120.5 | 110.0 | 9.5% |\n"
    "| Number of shares (end of period) | 5,000,000 | 4,800,000 | 4.2% |\n\n"
    "| Balance sheet | | | |\n|---|---|---|---|\n"
    "| (million euro) | June 30, 2024 | Dec 31, 2023 | Change |\n"
    "| | 6M | 12M | |\n"
    "| Total assets | 300.0 | 280.0 | 7.1% |\n"
)


def cell(text: str, value: str) -> Mention:
    ms = extract(from_text(text, fmt="md")).mentions
    (m,) = [m for m in ms if f" {value} " in f" {m.fact.quantity.input} "]
    return m


def test_title_row_above_the_column_labels_keeps_the_scale_and_the_dates() -> None:
    m = cell(RESULTS_MD, "120.5")
    assert m.fact.quantity.value == 120_500_000
    assert span(m) == (date(2024, 1, 1), date(2024, 6, 30))
    assert span(cell(RESULTS_MD, "110.0")) == (date(2023, 1, 1), date(2023, 6, 30))


def test_months_under_a_day_date_a_balance_at_that_day() -> None:
    assert span(cell(RESULTS_MD, "300.0")) == (date(2024, 6, 30), date(2024, 6, 30))
    assert span(cell(RESULTS_MD, "280.0")) == (date(2023, 12, 31), date(2023, 12, 31))
    shares = cell(RESULTS_MD, "4800000")
    assert span(shares) == (date(2023, 6, 30), date(2023, 6, 30))


def test_share_count_in_full_takes_no_scale_of_the_amounts() -> None:
    assert cell(RESULTS_MD, "4800000").fact.quantity.value == 4_800_000


def test_a_row_of_values_under_a_title_row_is_no_header() -> None:
    text = (
        "| Sales by region | | |\n|---|---|---|\n| Europe | 10.0 | 12.0 |\n| Asia | 5.0 | 6.0 |\n"
    )
    ms = extract(from_text(text, fmt="md")).mentions
    assert {m.fact.quantity.input for m in ms} >= {"10.0", "5.0"}


# --- a fact the text does not date says so ----------------------------------------------------


def test_undated_fact_says_its_period_is_the_documents_day() -> None:
    m = one("Date: 2020-02-20\n\nRevenue was $5 million.\n", "$5 million")
    assert span(m) == (date(2020, 2, 20), date(2020, 2, 20))
    assert m.period_source == "reference"
    assert any("period not stated" in a for a in m.fact.quantity.assumptions)


def test_dated_fact_carries_no_such_note() -> None:
    m = one("Date: 2020-02-20\n\nIn 2019, revenue was $5 million.\n", "$5 million")
    assert not any("period not stated" in a for a in m.fact.quantity.assumptions)
    m = one(KO_STORY, "400억 달러")
    assert not any("period not stated" in a for a in m.fact.quantity.assumptions)


def test_ko_from_to_marks_the_level_it_moved_from() -> None:
    ms = mentions("매출은 120억 원에서 150억 원으로 늘었다.")
    assert [m.change for m in ms] == ["from", None]
    assert one("서울에서 30% 늘었다.", "30%").change != "from"


def test_level_moved_from_is_of_the_compared_year() -> None:
    text = (
        "입력 2023-04-04\n\n지난해 매출은 100억원이었다.\n\n"
        "순이익률도 6.86%에서 4.67%로 전년 보다 2.18%포인트 줄었다.\n"
    )
    assert span(one(text, "6.86%")) == (date(2021, 1, 1), date(2021, 12, 31))
    assert span(one(text, "4.67%")) == (date(2022, 1, 1), date(2022, 12, 31))


# --- this year's half, last year's half, the quarter before ------------------------------------


def test_ko_this_years_half_and_last_years_half() -> None:
    text = (
        "입력 2010-08-17\n\n올 상반기 매출은 392조원으로 작년 상반기보다 15.11% 증가했다. "
        "영업이익은 33조원이었다.\n"
    )
    h1 = (date(2010, 1, 1), date(2010, 6, 30))
    assert span(one(text, "392조원")) == h1
    assert span(one(text, "15.11%")) == h1
    assert span(one(text, "33조원")) == h1  # the year compared is lent to no sentence after


def test_a_year_with_its_half_is_not_a_half_of_another_year() -> None:
    (n,) = named_periods("2019년 상반기 매출", None)
    assert (n.period.start, n.period.end) == (date(2019, 1, 1), date(2019, 6, 30))


def test_en_quarter_before_and_a_year_ago() -> None:
    text = (
        "Sales in Q3 2005 were $445.2 billion, up 0.9 percent from the $441.3 billion of last "
        "quarter, but up 8.7 percent from $409.8 billion of the same quarter a year ago."
    )
    assert span(one(text, "$445.2 billion")) == (date(2005, 7, 1), date(2005, 9, 30))
    assert span(one(text, "$441.3 billion")) == (date(2005, 4, 1), date(2005, 6, 30))
    assert span(one(text, "$409.8 billion")) == (date(2004, 7, 1), date(2004, 9, 30))
    assert span(one(text, "8.7 percent")) == (date(2005, 7, 1), date(2005, 9, 30))
    assert one(text, "$441.3 billion").fact.subject == "Sales"
    assert one(text, "8.7 percent").fact.subject != "but"


def test_quarter_before_needs_a_quarter_in_context() -> None:
    assert named_periods("sales rose from last quarter", None) == ()


def test_a_byline_names_no_section() -> None:
    for byline in ("本報記者 邢萌", "홍길동 기자", "By Jane Doe"):
        text = f"{byline}\n2023年上半年,深市公司營業收入9.83萬億元。\n"
        assert "記者" not in (one(text, "9.83萬億元").fact.subject or "")
        assert byline not in (one(text, "9.83萬億元").fact.subject or "")


def test_ko_counter_gaesa_is_one_word() -> None:
    (m,) = [
        x for x in mentions("코스닥 811개사의 매출은 40조원이다.") if "811" in x.fact.quantity.input
    ]
    assert m.fact.quantity.input == "811개사"


def test_zh_later_metric_is_of_who_achieved_the_first() -> None:
    text = "上半年实体上市公司实现营业收入30.48万亿元,净利润1.83万亿元。"
    assert one(text, "1.83万亿元").fact.subject == "实体上市公司净利润"


def test_zh_change_clause_takes_no_who() -> None:
    text = "6月份,工业企业实现利润总额同比增长11.5%,增速比5月份加快5.5个百分点。"
    assert "利润总额" in (one(text, "5.5个百分点").fact.subject or "")


def test_en_from_a_figure_with_an_aside_for_the_comparable_period() -> None:
    text = (
        "In Q4 FY22, expenses increased 5 per cent to $405.1 million, or 34.6 per cent of net "
        "sales, from $384 million, or 34 per cent of net sales, for the comparable period in 2021."
    )
    assert span(one(text, "$384 million")) == (date(2021, 10, 1), date(2021, 12, 31))
    assert span(one(text, "$405.1 million")) == (date(2022, 10, 1), date(2022, 12, 31))
