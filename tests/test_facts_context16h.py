"""Subjects and periods of report sentences (issue 16, facts16h): the measure a rate or an amount
is of where it is named after the number or in the clause before it, the sentence's subject
past an aside or a comparison, and periods written as a month without a year or as the span
ending on a day."""

from __future__ import annotations

from datetime import date

from fact_mentions import mentions, one, span

# -- Korean: the clause a rate belongs to ------------------------------------------------------


def test_ko_rate_of_the_amount_before_it_in_its_clause() -> None:
    text = "수출은 120억 달러로 5% 증가했고 수입은 100억 달러로 3% 줄었다."
    assert one(text, "100억 달러").fact.subject == "수입"  # not 증가했고 수입
    assert one(text, "3%").fact.subject == "수입"  # not the 수출 of the clause before
    assert one(text, "5%").fact.subject == "수출"


def test_ko_rate_after_a_comma_keeps_the_level_of_its_sentence() -> None:
    text = "매출액은 10조 원으로, 전년 대비 5% 늘었다."
    assert one(text, "5%").fact.subject == "매출액"


def test_ko_rate_of_the_amount_named_after_it() -> None:
    text = "현대차는 상반기에 지난해보다 12% 늘어난 2조 원의 영업이익을 기록했다."
    assert one(text, "12%").fact.subject == "현대차 영업이익"
    assert one(text, "2조 원").fact.subject == "현대차 영업이익"  # not 늘어난 영업이익


def test_ko_rate_without_an_amount_after_it_keeps_its_topic() -> None:
    text = "영업이익은 지난해보다 12% 늘어난 2조 원이었다."
    assert one(text, "12%").fact.subject == "영업이익"


def test_ko_verb_that_joins_two_clauses_is_no_subject() -> None:
    text = "소매판매는 8월 3.9% 증가해 크게 늘었다가 9월 -2.2%로 줄었다."
    assert one(text, "-2.2%").fact.subject == "소매판매"


# -- English: the measure after the amount, the subject past a comparison or an aside ----------


def test_en_amount_in_a_measure() -> None:
    text = "The company reported a record quarter with $2.6 billion in revenue, up 32 percent."
    assert one(text, "$2.6 billion").fact.subject == "revenue"
    assert one(text, "32 percent").fact.subject == "revenue"
    owned = "The Cloud division brought in $419 million in revenue."
    assert one(owned, "$419 million").fact.subject == "Cloud division revenue"


def test_en_amount_in_a_period_or_after_a_named_measure_keeps_its_subject() -> None:
    assert one("Revenue was $5 billion in the third quarter.", "$5 billion").fact.subject == (
        "Revenue"
    )
    text = "Net sales were $2 billion in product sales."
    assert one(text, "$2 billion").fact.subject == "Net sales"


def test_en_level_reached_after_a_change() -> None:
    text = "Earnings per share rose 60% year-on-year to $1.33."
    assert one(text, "60%").fact.subject == "Earnings per share"  # a measure per share
    assert one(text, "$1.33").fact.subject == "Earnings per share"  # not year-on-year


def test_en_verb_after_an_aside() -> None:
    text = (
        "Sales at furniture stores, which include sofa and bed retailers, rose 3.8 per cent. "
        "Sales rose 1.2 per cent."
    )
    assert "furniture stores" in (one(text, "3.8 per cent").fact.subject or "")
    assert one(text, "1.2 per cent").fact.subject == "Sales"


# -- periods ----------------------------------------------------------------------------------


def test_en_month_without_a_year_is_the_documents_last_such_month() -> None:
    text = (
        "Published April 18, 2019\n\nRetail sales rose 0.8 per cent in February to $50.6 billion."
    )
    assert span(one(text, "0.8 per cent")) == (date(2019, 2, 1), date(2019, 2, 28))
    assert span(one(text, "$50.6 billion")) == (date(2019, 2, 1), date(2019, 2, 28))
    january = "Published January 18, 2019\n\nSales in November rose 2 per cent."
    assert span(one(january, "2 per cent")) == (date(2018, 11, 1), date(2018, 11, 30))


def test_en_month_without_a_year_or_a_date_is_no_period() -> None:
    assert span(one("Sales in November rose 2 per cent.", "2 per cent")) is None
    may = "Published April 18, 2019\n\nWe may see sales rise 4 per cent."
    assert span(one(may, "4 per cent")) == (date(2019, 4, 18), date(2019, 4, 18))


def test_en_period_of_another_clause_after_the_number_is_not_the_facts() -> None:
    text = (
        "Published April 18, 2019\n\n"
        "Sales in February fell 1.6 per cent after posting gains in December and January."
    )
    assert span(one(text, "1.6 per cent")) == (date(2019, 2, 1), date(2019, 2, 28))
    plain = "Published April 18, 2019\n\nThe company made 723 deals in 2018."
    assert span(one(plain, "723 deals")) == (date(2018, 1, 1), date(2018, 12, 31))


def test_zh_span_ending_on_a_day() -> None:
    text = "截至2020年6月30日止六个月，本集团的收益为人民币658百万元，较去年同期减少12.6%。"
    m = one(text, "658百万元")
    assert m.fact.quantity.value == 658_000_000
    assert span(m) == (date(2020, 1, 1), date(2020, 6, 30))
    assert m.fact.subject == "本集团的收益"  # not 收益为人民币
    year = "截至2023年12月31日止年度，本集团收益为人民币5亿元。"
    assert span(one(year, "5亿元")) == (date(2023, 1, 1), date(2023, 12, 31))
    day = "截至2023年12月31日，本集团现金为人民币5亿元。"
    assert span(one(day, "5亿元")) == (date(2023, 12, 31), date(2023, 12, 31))


def test_year_written_before_a_part_of_it() -> None:
    zh = "2021-03-08\n\n今年前2个月，我国出口3.06万亿元。"
    assert span(one(zh, "3.06万亿元")) == (date(2021, 1, 1), date(2021, 2, 28))
    ko = "2021-03-08\n\n올해 1~2월 수출은 100억 달러였다."
    assert span(one(ko, "100억 달러")) == (date(2021, 1, 1), date(2021, 2, 28))


# -- Chinese lists read with 分别 ---------------------------------------------------------------


def test_zh_changes_in_points_are_those_of_the_rates() -> None:
    text = "本集团的毛利为人民币167百万元及毛利率为25.4%，较去年同期分别增长36.9%及9.2个百分点。"
    assert one(text, "36.9%").fact.subject == "本集团的毛利"
    assert "毛利率" in (one(text, "9.2个百分点").fact.subject or "")


def test_zh_rates_listed_after_a_second_marker() -> None:
    text = (
        "2021-03-08\n\n今年前2个月，我国对东盟、欧盟分别进出口7862亿元、7790.4亿元，"
        "同比分别增长32.9%、39.8%。"
    )
    assert one(text, "32.9%").fact.subject == "我国对东盟进出口"
    assert one(text, "39.8%").fact.subject == "欧盟进出口"


def test_zh_rates_listed_without_points_keep_the_amounts_order() -> None:
    text = "营业收入10亿元、净利润2亿元，同比分别增长3%、4%。"
    assert one(text, "3%").fact.subject == "营业收入"
    assert one(text, "4%").fact.subject == "净利润"


def test_zh_name_in_quotes_is_part_of_the_subject() -> None:
    text = "同期，我国与“一带一路”沿线国家进出口1.62万亿元。"
    assert "一带一路" in (one(text, "1.62万亿元").fact.subject or "")
    quoted = "他表示“销量很好”，销量为3万辆。"
    assert one(quoted, "3万辆").fact.subject == "销量"


def test_every_amount_of_millions_is_read() -> None:
    got = [m.fact.quantity.value for m in mentions("收益为658百万元，利润为3千万元。")]
    assert got == [658_000_000, 30_000_000]


# -- a document without a date of its own; a prior period before a value moved from ------------


def test_undated_document_dates_its_yearless_months_by_the_last_month_it_names() -> None:
    ko = "한국은행은 ‘2018년 4월 국제수지’를 발표했다.\n\n지난 4월 경상수지는 17억 달러 흑자였다."
    assert span(one(ko, "17억 달러")) == (date(2018, 4, 1), date(2018, 4, 30))
    zh = "国家统计局发布2018年4月数据。\n\n4月份出口额为300亿元。"
    assert span(one(zh, "300亿元")) == (date(2018, 4, 1), date(2018, 4, 30))
    en = "The April 2018 release is out.\n\nSales rose 2 per cent in April."
    assert span(one(en, "2 per cent")) == (date(2018, 4, 1), date(2018, 4, 30))


def test_undated_document_naming_no_month_leaves_yearless_months_undated() -> None:
    assert span(one("지난 4월 수출은 5% 늘었다.", "5%")) is None
    assert span(one("Sales rose 2 per cent in April.", "2 per cent")) is None


def test_prior_period_before_a_value_moved_from_is_that_values() -> None:
    text = "2018-06-07\n\n4월 상품수지는 전년 동월 115.4억 달러에서 103.6억 달러로 축소됐다."
    assert span(one(text, "115.4억 달러")) == (date(2017, 4, 1), date(2017, 4, 30))
    assert span(one(text, "103.6억 달러")) == (date(2018, 4, 1), date(2018, 4, 30))
    zh = "2018-06-07\n\n4月份出口由上年同期的50亿元增至60亿元。"
    assert span(one(zh, "60亿元")) == (date(2018, 4, 1), date(2018, 4, 30))


def test_periods_before_values_moved_between_stay_their_own() -> None:
    text = "2021-03-08\n\n매출은 2019년 120억 원에서 2020년 150억 원으로 늘었다."
    assert span(one(text, "120억 원")) == (date(2019, 1, 1), date(2019, 12, 31))
    assert span(one(text, "150억 원")) == (date(2020, 1, 1), date(2020, 12, 31))
    rate = "2018-06-07\n\n4월 수출은 전년 동월 대비 5% 증가한 100억 달러였다."
    assert span(one(rate, "100억 달러")) == (date(2018, 4, 1), date(2018, 4, 30))


def test_ko_cause_listed_with_deung_is_no_subject() -> None:
    text = "본원소득수지 적자는 배당지급 증가 등으로 전년 동월 49.2억 달러에서 58억 달러로 늘었다."
    assert one(text, "49.2억 달러").fact.subject == "본원소득수지 적자"
    assert one("수출은 반도체 등으로 10% 늘었다.", "10%").fact.subject == "수출"
    # 등 naming the items of a subject is no cause: 반도체 등 수출은
    assert one("반도체 등 수출은 10% 늘었다.", "10%").fact.subject == "반도체 등 수출"


def test_ko_comparison_with_a_particle_is_no_subject() -> None:
    text = "세부 상품군별로는 음식서비스가 전년 동월 대비로 89.8%, 전월 대비로도 23.7% 급증했다."
    assert one(text, "89.8%").fact.subject == "음식서비스"
    assert one(text, "23.7%").fact.subject == "음식서비스"


def test_en_period_after_above_or_than_is_the_compared_figures() -> None:
    text = (
        "Published October 3, 2022\n\nSpending was $1,781.3 billion in August. The August figure "
        "is 8.5% above the August 2021 estimate of $1,641.6 billion.\n\n"
        "Spending on private construction was $1,426.0 billion."
    )
    assert span(one(text, "$1,641.6 billion")) == (date(2021, 8, 1), date(2021, 8, 31))
    assert span(one(text, "$1,426.0 billion")) == (date(2022, 8, 1), date(2022, 8, 31))
    own = "Published October 3, 2022\n\nSales were $5 billion in August 2021."
    assert span(one(own, "$5 billion")) == (date(2021, 8, 1), date(2021, 8, 31))


def test_undated_document_is_not_dated_by_a_month_it_compares_with() -> None:
    text = (
        "The figure is 2.0% higher than the September 2016 estimate.\n\n"
        "Spending was $9 billion in September."
    )
    assert span(one(text, "$9 billion")) is None
    ko = "수출은 2018년 4월 대비 5% 늘었다.\n\n지난 5월 수입은 10억 달러였다."
    assert span(one(ko, "10억 달러")) is None
