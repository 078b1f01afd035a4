"""Issue 16, session of 2026-12-07: relations read from real research summaries and results
highlights nobody tuned ``check`` on, each written here as a text of our own that must stay quiet
and the same passage with a real inconsistency that must fire: last year's figure in brackets
(``£139.5m (2022: £129.9m)``), a direction word before ``at``, a rate written in basis points
in a table, a Korean level reached after the rate's verb, and a CAGR whose endpoints stand in
other sentences only when they are of its own market."""

from __future__ import annotations

from datetime import date

from check_findings import findings, fires, flagged
from fact_mentions import mentions, one, span


def test_last_years_figure_in_brackets_is_the_prior_level_of_the_year_before() -> None:
    text = "Statutory profit before tax {rate}% higher at £139.5m (2022: £129.9m)."
    current, prior = (
        one(text.format(rate="7.4"), "£139.5m"),
        one(text.format(rate="7.4"), "£129.9m"),
    )
    assert span(current) is not None and span(current)[0].year == 2023
    assert span(prior) is not None and span(prior)[0].year == 2022
    assert prior.change == "from" and current.change is None
    assert current.metric == "Statutory profit before tax"
    fires(text.format(rate="7.4"), text.format(rate="9.4"), "derived.growth")


def test_a_direction_before_at_is_checked_against_the_bracketed_prior_figure() -> None:
    fires(
        "Net debt lower at £20.2m (2022: £36.2m).",
        "Net debt higher at £20.2m (2022: £36.2m).",
        "trend.levels",
    )


def test_basis_points_in_a_table_are_hundredths_of_a_point() -> None:
    table = (
        "| | 2023 | 2022 | Change |\n|---|---|---|---|\n"
        "| Operating margin | 6.3% | 7.0% | {bps} |\n"
    )
    (cell,) = [m for m in mentions(table.format(bps="-69bps")) if "bps" in m.fact.quantity.input]
    assert str(cell.fact.quantity.value) == "-0.69"
    assert flagged(table.format(bps="-69bps"), "table") == []
    assert flagged(table.format(bps="-169bps"), "table")


def test_a_korean_level_after_the_rate_verb_is_the_level_reached() -> None:
    text = (
        "글로벌 반려동물 사료 시장은 지난 2022년 1,200억 달러 규모를 형성했다.\n\n"
        "이 시장은 2022~2030년 기간 동안 연평균 {rate}% 성장을 거듭해 오는 2030년에 이르면 "
        "1,772억 달러 규모로 확대될 것으로 전망됐다."
    )
    assert one(text.format(rate="5.0"), "1,772억 달러").change is None
    assert any(f.severity.value == "ok" for f in findings(text.format(rate="5.0"), "derived.cagr"))
    fires(text.format(rate="5.0"), text.format(rate="7.0"), "derived.cagr")


_MARKETS = (
    "글로벌 반려동물 사료 시장은 지난 2022년 1,200억 달러 규모를 형성했다.\n\n"
    "이 시장은 2022~2030년 기간 동안 연평균 5.0% 성장을 거듭해 오는 2030년에 이르면 "
    "1,772억 달러 규모로 확대될 것으로 전망됐다.\n\n"
    "보고서에 따르면 최대 부문인 건식 사료가 같은 기간 연평균 6.1% 확대될 것으로 예상됐다.\n\n"
    "국가별로 보면 미국 반려동물 사료 시장이 지난해 420억 달러 규모를 형성했다.\n\n"
    "캐나다의 경우 2022~2030년 기간에 연평균 7.3% 확대를 거듭해 오는 2030년이면 "
    "{canada}억 달러 규모로 팽창할 것으로 예상됐다."
)


def test_a_cagr_is_not_held_to_the_endpoints_of_another_market() -> None:
    # 6.1% is the dry food segment's, 7.3% Canada's: neither runs from the whole market's or the
    # United States' level of 2022, whatever the years say
    assert flagged(_MARKETS.format(canada="95"), "derived.cagr") == []


def test_a_cagr_of_the_market_its_endpoints_name_is_still_checked() -> None:
    text = (
        "The global drone market is expected to grow at a CAGR of {rate}% from 2017 to 2025.\n\n"
        "• The 2017 global drone market size was $574.3 million.\n\n"
        "• In 2025, the market will be worth $6.702 billion."
    )
    fires(text.format(rate="35.9"), text.format(rate="31.3"), "derived.cagr")


def test_an_amount_more_than_another_is_the_excess_not_a_comparison() -> None:
    text = "Sales were $92 billion, ${d} billion more than the $80 billion of last year."
    assert flagged(text.format(d="12"), "comparison") == []
    fires(text.format(d="12"), text.format(d="15"), "derived.change")
    fires(
        "Sales of $92 billion were more than the $80 billion of last year.",
        "Sales of $72 billion were more than the $80 billion of last year.",
        "comparison",
    )


def test_a_korean_comparison_with_the_value_before_boda() -> None:
    text = (
        "온라인 판매 비중은 23.8%로 전년(20.1%)은 물론 역대 최대였던 지난해 11월(22.0%)보다도 "
        "{word}."
    )
    fires(text.format(word="높았다"), text.format(word="낮았다"), "comparison")
    fires(
        "매출은 500억원으로 지난해 400억원보다 많았다.",
        "매출은 300억원으로 지난해 400억원보다 많았다.",
        "comparison",
    )


def test_a_korean_amount_more_than_the_earlier_one_is_the_change() -> None:
    text = "거래액은 지난해 80조원보다 {d}조원 많은 92조원으로 집계됐다."
    fires(text.format(d="12"), text.format(d="15"), "derived.difference")


def test_a_chinese_level_moved_to_another_is_the_earlier_one() -> None:
    text = "统计标准由年主营业务收入500万元{verb}到2000万元。"
    before = one(text.format(verb="提高"), "500万元")
    after = one(text.format(verb="提高"), "2000万元")
    assert before.change == "from" and after.metric == before.metric
    fires(text.format(verb="提高"), text.format(verb="降低"), "trend.levels")


def test_a_rate_after_an_amount_of_change_is_the_same_change() -> None:
    text = (
        "Product sales in 2022 were £429.8 billion, a substantial increase of £28.4 billion "
        "or {rate}% from the previous year."
    )
    rate = one(text.format(rate="7"), "7%")
    assert rate.change == "change" and rate.metric == "Product sales"
    fires(text.format(rate="7"), text.format(rate="9"), "derived.growth")


def test_a_list_items_dash_is_no_minus() -> None:
    text = (
        "- The total value of sales from businesses in Wales was estimated to be £144.9bn.\n"
        "- {share}% (£103.3bn) of sales from businesses in Wales were goods."
    )
    assert one(text.format(share="71"), "71%").change is None
    fires(text.format(share="71"), text.format(share="61"), "breakdown.share_of")


def test_a_forecast_to_rise_from_one_level_to_another() -> None:
    text = (
        "Total retail spending is expected to {verb} marginally from £319.79bn in 2022 "
        "to £319.82bn."
    )
    fires(text.format(verb="rise"), text.format(verb="fall"), "trend.levels")


def test_the_last_month_of_a_streak_is_the_text_s_own_month() -> None:
    text = (
        "반도체는 지난해 대비 24% 증가한 104억6000만달러로 2021년 5월 이후 10개월 연속 "
        "100억달러를 넘어서는 진기록을 세웠다. 디스플레이는 지난해 대비 39.3% 증가한 "
        "22억5000만달러를 기록했다."
    )
    display = one(text, "22억5000만달러")
    assert span(display) == (date(2022, 2, 1), date(2022, 2, 28))
    assert span(one(text, "104억6000만달러")) == (date(2022, 2, 1), date(2022, 2, 28))
    zh = "出口额自2021年5月以来连续10个月超过100亿美元。其中手机出口额为50亿美元。"
    assert span(one(zh, "50亿美元")) == (date(2022, 2, 1), date(2022, 2, 28))


def test_a_record_since_a_month_is_no_streak() -> None:
    text = "2021년 11월 이후 5년4개월 만에 최대인 30억달러를 기록했다."
    assert span(one(text, "30억달러")) != (date(2022, 2, 1), date(2022, 2, 28))
