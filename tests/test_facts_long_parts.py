"""Long documents made of parts (issue 16, long16): facts of different top-level parts are
paired only when metric, entity and period are each established for both — never through the
document's date stated in another part, a short name of another part, or two ranked companies.
ko, zh and en; sentences written for these tests."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def flagged(text: str, rule: str = "") -> list[Finding]:
    found = check(extract(from_text(text, fmt="md")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


# --- two parts about different regions, the same metric words, different values ------------

REGIONS = {
    "ko": "# 1부 전국 수출\n\n발행일: 2023-03-02\n\n"
    "{y} 일평균수출액은 22억 8000만 달러로 전년 대비 9.5% 증가했다.\n\n"
    "# 2부 경남 수출\n\n{y} 일평균수출액은 17억 4000만 달러로 전년 대비 18.9% 올랐다.\n",
    "zh": "发布时间：2023年3月2日。\n\n# 第一部分 全国出口\n\n"
    "{y}全国日均出口额为22.8亿美元，同比增长9.5%。\n\n"
    "# 第二部分 广东出口\n\n{y}日均出口额为17.4亿美元，同比增长18.9%。\n",
    "en": "# Part 1 National exports\n\nPublished: March 2, 2023\n\n"
    "{y}, national average daily exports were $2.28 billion, up 9.5%.\n\n"
    "# Part 2 Texas exports\n\n{y}, average daily exports were $1.74 billion, up 18.9%.\n",
}
YEARS = {"ko": ("2022년", "지난해"), "zh": ("2022年", "去年"), "en": ("In 2022", "Last year")}


@pytest.mark.parametrize("lang", REGIONS)
@pytest.mark.parametrize("stated", [True, False], ids=["stated-year", "relative-year"])
def test_parts_about_other_regions_are_not_restatements(lang: str, stated: bool) -> None:
    year = YEARS[lang][0 if stated else 1]
    assert not flagged(REGIONS[lang].format(y=year))


SEGMENTS = {
    "ko": "# 소비자 부문\n\n발행일: 2023-03-02\n\n올해 영업이익률은 18.2%를 기록했다.\n\n"
    "# 산업 부문\n\n올해 영업이익률은 15.9%를 기록했다.\n",
    "zh": "# 消费者业务\n\n发布时间：2023-03-02\n\n今年营业利润率为18.2%。\n\n"
    "# 工业业务\n\n今年营业利润率为15.9%。\n",
    "en": "# Consumer segment\n\nPublished: March 2, 2023\n\n"
    "This year, operating margin was 18.2%.\n\n"
    "# Industrial segment\n\nThis year, operating margin was 15.9%.\n",
}


@pytest.mark.parametrize("lang", SEGMENTS)
def test_segments_dated_by_the_first_parts_date_are_not_paired(lang: str) -> None:
    assert not flagged(SEGMENTS[lang])


# --- a real restatement across parts: same metric, entity and stated period ----------------

RESTATED = {
    "ko": "# 1부 요약\n\n발행일: 2023-03-02\n\n"
    "한빛전자의 2022년 매출액은 5조 2000억 원을 기록했다.\n\n# 2부 실적\n\n"
    "한빛전자의 2022년 매출액은 5조 {x}000억 원으로 집계됐다.\n",
    "zh": "发布时间：2023年3月2日。\n\n# 第一部分 摘要\n\n2022年华远电子营业收入为520亿元。\n\n"
    "# 第二部分 经营情况\n\n2022年华远电子营业收入为5{x}0亿元。\n",
    "en": "# Part 1 Summary\n\nPublished: March 2, 2023\n\n"
    "Northway's revenue for 2022 was $5.2 billion.\n\n"
    "# Part 2 Results\n\nNorthway's revenue for 2022 was $5.{x} billion.\n",
}


@pytest.mark.parametrize("lang", RESTATED)
def test_a_figure_restated_differently_in_another_part_is_found(lang: str) -> None:
    got = flagged(RESTATED[lang].format(x="8"), "restated")
    assert len(got) == 1 and got[0].severity is Severity.WARNING
    assert not flagged(RESTATED[lang].format(x="2"), "restated")


# --- two companies under one metric: a table's rows, a ranking's items ----------------------

TABLE = {
    "ko": "# 영업이익률 상위 기업\n\n| 기업 | 2023년 1~9월 누적 영업이익률 |\n|---|---|\n"
    "| 가나바이오 | 48.92% |\n| 다라제약 | 41.47% |\n\n"
    "가나바이오의 2023년 1~9월 누적 영업이익률은 48.92%였다.\n",
    "zh": "# 营业利润率排名\n\n| 公司 | 2023年1-9月累计营业利润率 |\n|---|---|\n"
    "| 甲生物 | 48.92% |\n| 乙制药 | 41.47% |\n\n甲生物2023年1-9月累计营业利润率为48.92%。\n",
    "en": "# Operating margins\n\n| Company | Operating margin, 2023 |\n|---|---|\n"
    "| Acme | 48.92% |\n| Beta | 41.47% |\n\nAcme's operating margin for 2023 was 48.92%.\n",
}


@pytest.mark.parametrize("lang", TABLE)
def test_two_companies_rows_under_one_metric_header_are_no_restatement(lang: str) -> None:
    assert not flagged(TABLE[lang], "restated")


RANKED = {
    "ko": "# 3분기 실적\n\n발행일: 2023-11-17\n\n"
    "2위는 가나바이오다. 올해 누적 영업이익률은 48.92%로 전년 동기 대비 3.03%포인트 줄었다.\n\n"
    "3위 다라제약은 3분기까지 누적 영업이익률이 41.47%로 전년 동기보다 3.22%포인트 감소했다.\n",
    "zh": "# 三季度业绩\n\n发布时间：2023-11-17\n\n"
    "第二名是甲生物，前三季度累计营业利润率为48.92%，同比下降3.03个百分点。\n\n"
    "第三名乙制药前三季度累计营业利润率为41.47%，同比下降3.22个百分点。\n",
    "en": "# Third-quarter results\n\nPublished: November 17, 2023\n\n"
    "Second is Acme. Its operating margin for the nine months of 2023 was 48.92%.\n\n"
    "Third is Beta, whose operating margin for the nine months of 2023 was 41.47%.\n",
}


@pytest.mark.parametrize("lang", RANKED)
def test_items_of_a_ranking_are_two_entities(lang: str) -> None:
    assert not flagged(RANKED[lang], "restated")


# --- a CAGR's endpoints: not through another part's date ----------------------------------

CAGR_LEAK = (
    "# 1부\n\n발행일: 2023-01-18\n\n올해 반도체 시장은 둔화될 전망이다.\n\n# 2부\n\n"
    "IoT 반도체 매출도 작년 184억달러에서 1년 새 209억달러 규모로 커졌다. "
    "2021년에는 342억달러에 달할 것으로 내다봤다. "
    "지난해부터 2021년까지 5년간 연평균 성장률은 13%를 웃돈다.\n"
)
CAGR_OWN = (
    "# 1부\n\n발행일: 2023-01-18\n\n올해 반도체 시장은 둔화될 전망이다.\n\n# 2부\n\n"
    "IoT 반도체 매출은 2016년 184억달러에서 2021년 342억달러로 늘어 "
    "연평균 성장률이 {x}%에 달했다.\n"
)


def test_cagr_endpoints_dated_by_another_parts_date_are_not_judged() -> None:
    assert not flagged(CAGR_LEAK, "derived")


def test_cagr_against_its_own_endpoints_in_a_part_still_fires() -> None:
    assert flagged(CAGR_OWN.format(x="20"), "derived")
    assert not flagged(CAGR_OWN.format(x="13.2"), "derived")


# --- a heading's period ends at the next heading of its level -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# 2022년 실적\n\n매출액은 5조 원이다.\n\n# 사업 전망\n\n매출액은 6조 원이다.\n",
        "# 2022年业绩\n\n营业收入为500亿元。\n\n# 业务展望\n\n营业收入为600亿元。\n",
        "# Results for 2022\n\nRevenue was $5 billion.\n\n# Outlook\n\nRevenue is $6 billion.\n",
    ],
)
def test_a_headings_period_ends_at_the_next_heading_of_its_level(text: str) -> None:
    first, second = extract(from_text(text, fmt="md")).mentions
    assert first.fact.period is not None and first.fact.period.start.year == 2022
    assert second.fact.period is None or second.period_source != "heading"


# --- a trend word against the values of its own part --------------------------------------

TREND = {
    "ko": (
        "# 1부 {a}\n\n2018년 시장 규모는 7억 5000만 달러였다.\n\n# 2부 {b}\n\n"
        "2019년 시장 규모는 22억 달러였다. 2018~2019년 시장 규모는 감소했다.\n"
    ),
    "zh": (
        "# 第一部分 {a}\n\n2018年市场规模为7.5亿美元。\n\n# 第二部分 {b}\n\n"
        "2019年市场规模为22亿美元。2018-2019年市场规模下降。\n"
    ),
    "en": (
        "# Part 1 {a}\n\nIn 2018, the market size was $750 million.\n\n# Part 2 {b}\n\n"
        "In 2019, the market size was $2.2 billion. The market size fell over 2018-2019.\n"
    ),
}
NAMES = {"ko": ("가상자산", "수출"), "zh": ("加密货币", "出口"), "en": ("Crypto", "Exports")}


@pytest.mark.parametrize("lang", TREND)
def test_a_trend_word_is_not_judged_by_another_parts_values(lang: str) -> None:
    a, b = NAMES[lang]
    assert not flagged(TREND[lang].format(a=a, b=b), "trend")


@pytest.mark.parametrize("lang", TREND)
def test_a_trend_word_against_its_own_parts_values_still_fires(lang: str) -> None:
    one = TREND[lang].replace("\n\n# 2부 {b}", "").replace("\n\n# 第二部分 {b}", "")
    one = one.replace("\n\n# Part 2 {b}", "")
    assert flagged(one.format(a=NAMES[lang][0]), "trend")


# --- cumulative to date is not the quarter: 3분기까지 누적, 三季度末累计 ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "2023년 3분기까지 누적 영업이익률은 8.68%다.",
        "2023년 3분기 누적 매출은 5조 원이다.",
        "2023年三季度末累计营业收入为50亿元。",
    ],
)
def test_cumulative_to_a_quarter_runs_from_the_years_start(text: str) -> None:
    (m,) = extract(from_text(text)).mentions
    assert m.fact.period is not None
    assert (m.fact.period.start.month, m.fact.period.end.month) == (1, 9)


def test_a_deadline_day_is_not_widened() -> None:
    (m,) = extract(from_text("신청은 2023년 6월 11일까지 5000건 접수됐다.")).mentions
    assert m.fact.period is None or m.fact.period.start.month == 6


QUARTER_VS_CUMULATIVE = {
    "ko": "# 3분기 실적\n\n2023년 3분기 영업이익률은 9.13%로 전분기보다 0.59%포인트 올랐다.\n\n"
    "2023년 3분기까지 누적 영업이익률은 8.68%를 기록했다.\n",
    "zh": "# 三季度业绩\n\n2023年三季度营业利润率为9.13%。\n\n"
    "2023年三季度末累计营业利润率为8.68%。\n",
}


@pytest.mark.parametrize("lang", QUARTER_VS_CUMULATIVE)
def test_the_quarter_and_the_run_to_its_end_are_two_figures(lang: str) -> None:
    assert not flagged(QUARTER_VS_CUMULATIVE[lang])


# --- per day against the total: 일평균 수출액 is not 수출액 ---------------------------------

PER_DAY = {
    "ko": "2022년 일평균 수출액은 22억 8000만 달러였다.\n\n"
    "전체적으로 보면 2022년 수출액은 {x}억 달러로 집계됐다.\n",
    "zh": "2022年日均出口额为22.8亿美元。\n\n总体来看，2022年出口额为{x}亿美元。\n",
    "en": "In 2022, average daily exports were $2.28 billion.\n\n"
    "Overall, exports in 2022 were ${x} billion.\n",
}


@pytest.mark.parametrize("lang", PER_DAY)
def test_per_day_figures_are_not_restated_as_the_total(lang: str) -> None:
    x = "23.8" if lang != "ko" else "23"
    assert not flagged(PER_DAY[lang].format(x=x), "restated")


# --- the quarter's figure and the year's so far (누적, 累计, year-to-date) --------------------

LEAD_CUMULATIVE = {
    "ko": "상장사 3분기 영업이익률 9.13%\n\n"
    "3분기 상장사 영업이익률은 9.13%로 집계됐다. "
    "3분기까지 누적으로는 영업이익률이 {x}%를 기록했다.\n",
    "zh": "上市公司三季度营业利润率9.13%\n\n"
    "三季度上市公司营业利润率为9.13%。前三季度累计营业利润率为{x}%。\n",
    "en": "Listed companies' third-quarter operating margin 9.13%\n\n"
    "In the third quarter, the operating margin of listed companies was 9.13%. "
    "On a cumulative basis, the operating margin was {x}%.\n",
}


@pytest.mark.parametrize("lang", LEAD_CUMULATIVE)
def test_a_cumulative_figure_is_not_the_headlines_quarter(lang: str) -> None:
    assert not flagged(LEAD_CUMULATIVE[lang].format(x="8.68"), "restated")
