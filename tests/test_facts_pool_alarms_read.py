"""Issue 16, session of 2026-12-07 (fifth): readings that had made alarms on clean published text.

A share of a named whole is no rate of change (``占规模以上企业原煤产量的53.8%``); the third rate
of a dated series is a level (``2021년 53.2%에서 2022년 45.4%, 2023년 32.8%로``); a rate may be cut
rather than rounded (22만5000 of 419만7000 is 5.36%, written 5.3%); a CAGR whose sentence names
an amount of money is no CAGR of the head counts nearby; ``최근 5년 동안`` is no name; shares held
in each place listed (``… 등에서 높은 점유율``, ``…等市场占有率``) are no parts of one whole; a
margin of some products is not the whole company's; values listed 分别 for a span of years take a
year each; two counts each over half of their whole overlap; ``below 5%`` is a bound; a level and
the earlier one it is compared with are converted at two rates. Texts of our own.
"""

from __future__ import annotations

from check_findings import fires
from fact_mentions import one
from sectorlens.model import Qualifier


def test_a_share_of_a_named_whole_is_no_rate_of_the_change() -> None:
    ok = (
        "2022年1-5月，排名前10家企业原煤产量合计为9.4亿吨，同比增加0.4亿吨，"
        "占规模以上企业原煤产量的51.9%。"
    )
    bad = "2022年1-5月，排名前10家企业原煤产量合计为9.4亿吨，同比增加0.4亿吨，增长51.9%。"
    fires(ok, bad, "derived.growth")


def test_the_third_rate_of_a_dated_series_is_a_level() -> None:
    ok = "중국의 수출 비중은 2021년 53.2%에서 2022년 45.4%, 2023년 32.8%로 갈수록 줄어들고 있다."
    bad = "중국의 수출 비중은 2021년 53.2%에서 2022년 45.4%로 32.8% 줄어들었다."
    fires(ok, bad, "derived.growth")


def test_a_rate_cut_rather_than_rounded_holds() -> None:
    ok = "올해 쌀 생산량은 397만2000톤으로 전년보다 22만5000톤(5.3%) 감소했다."
    bad = "올해 쌀 생산량은 397만2000톤으로 전년보다 22만5000톤(4.3%) 감소했다."
    fires(ok, bad, "derived.growth")


_CAGR = (
    "택배업 종사자는 2014년 3만3000명에서 2020년 5만4000명으로 증가했다. 배달업 종사자는 같은 "
    "기간 1만3000명에서 8만2000명으로 6배 이상 늘었다.\n\n"
    "2014~2020년의 매출액과 연평균증가율을 비교했을 때 매출액(4조4000억→9조8500억원)은 "
    "연평균 {rate}의 증가율을 나타냈다."
)


def test_a_cagr_of_money_is_not_checked_against_head_counts() -> None:
    ok = _CAGR.format(rate="14.4%")
    bad = (
        "택배업 종사자는 2014년 3만3000명에서 2020년 5만4000명으로 증가했다.\n\n"
        "2014~2020년 택배업 종사자는 연평균 14.4% 증가했다."
    )
    fires(ok, bad, "derived.cagr")


_SHARES = (
    "완제의약품 가운데 전문의약품은 14조 5,949억원({a}), 일반의약품은 2조 9,562억원(16.8%)이 "
    "생산되었으며, 전문의약품이 차지하는 비중은 최근 5년 동안 83%대를 유지하였다."
)


def test_a_span_of_years_is_no_name_and_the_share_is_its_holders() -> None:
    assert one(_SHARES.format(a="83.2%"), "83%").fact.subject == "전문의약품 비중"
    bad = "완제의약품 생산액 비중은 전문의약품 83.2%, 일반의약품 26.8%로 나타났다."
    fires(_SHARES.format(a="83.2%"), bad, "breakdown.sum")


def test_shares_held_in_each_place_listed_are_no_parts() -> None:
    ok = (
        "한국 콘텐츠는 인도네시아(38%), 베트남(38%), 홍콩(34%), 싱가포르(33%), 대만(33%) "
        "등에서 높은 점유율을 가지고 있다."
    )
    bad = (
        "한국 콘텐츠의 지역별 점유율은 인도네시아(38%), 베트남(38%), 홍콩(34%), 싱가포르(33%), "
        "대만(33%) 순이다."
    )
    fires(ok, bad, "breakdown")


def test_a_margin_of_some_products_is_not_the_companys() -> None:
    tail = " 한편 포스코는 올해 매출액을 32조9000억원으로, 영업이익은 5조2000억원으로 조정했다."
    ok = "이와 같은 세계 최고 제품의 영업이익률은 20.9%에 달한다." + tail
    bad = "포스코의 올해 영업이익률은 20.9%에 달한다." + tail
    fires(ok, bad, "derived.margin")


def test_a_value_listed_for_each_year_of_a_span_takes_its_year() -> None:
    text = "2020-2023年中国光伏装机规模占全球装机的比重分别为37.08%、32.28%、38.00%、55.61%。"
    years = [one(text, v).fact.period for v in ("37.08%", "32.28%", "38.00%", "55.61%")]
    assert [p.start.year for p in years if p] == [2020, 2021, 2022, 2023]
    assert all(p is not None and p.start.year == p.end.year for p in years)
    assert one(text, "37.08%").base == "全球装机"
    short = "2021~2023년 매출은 각각 10조원, 12조원이었다."  # two values, three years: unknown
    p = one(short, "10조원").fact.period
    assert p is not None and (p.start.year, p.end.year) == (2021, 2023)
    bad = text.replace("2020-2023年", "2023年")  # four shares of one year: over 100%
    fires(text, bad, "breakdown.sum")


def test_counts_meeting_two_criteria_overlap() -> None:
    ok = "20家白酒企业中，18家实现了营收同比增长，17家实现了净利润同比增长。"
    bad = "20家白酒企业中，14家为国有企业，9家为民营企业。"
    fires(ok, bad, "breakdown.count")


def test_below_and_above_are_bounds() -> None:
    text = "China's cement production decline is below 5%, its imports above $18 billion."
    below, above = one(text, "below 5%").fact.quantity, one(text, "above $18 billion").fact.quantity
    assert below.qualifier is Qualifier.AT_MOST and below.value is None
    assert above.qualifier is Qualifier.AT_LEAST and above.value is None


def test_an_earlier_level_compared_with_is_converted_at_its_own_rate() -> None:
    ok = (
        "의약품 수출은 2016년 31억2040만달러(3조6209억원) 대비 30.5% 증가한 "
        "40억7126만달러(4조6025억원)를 기록했다."
    )
    bad = (
        "의약품 수출은 40억7126만달러(4조6025억원)이며 그 가운데 31억2040만달러(3조6209억원)가 "
        "완제의약품이다."
    )
    fires(ok, bad, "fx.consistent")


def test_shares_held_in_each_market_listed_zh() -> None:
    ok = "韩国内容在印尼（38%）、越南（38%）、香港（34%）等市场占有率较高。"
    bad = "全省总产出中，福建（55.8%）、江西（39.3%）、上海（21.6%）占比较高。"
    fires(ok, bad, "breakdown")


def test_a_long_chinese_name_keeps_its_first_characters() -> None:
    text = "2023年中国新增光伏装机全球占比55.6%,中国光伏产业链供应能力可以满足全球约90%的装机需求。"
    assert (one(text, "约90%").fact.subject or "").startswith("中国光伏")
