"""Issue 16, session of 2026-12-07 (sixth): a Korean name given a figure under a topic that is a
measure is that measure's (``국가별 수출액은 베트남이 31억 달러`` → ``베트남 수출액``;
``점유율 상위는 갑사(41.2%)`` → ``갑사 점유율``); a paragraph that opens a breakdown
(``업종별로는``) breaks down the measure the paragraph before named; ``20% 넘게`` is a bound.
English levels reached after a change (``amounting to``) and Chinese bare rates (``降幅为``) keep
the subject of what changed. Texts of our own."""

from __future__ import annotations

import pytest

from check_findings import fires
from fact_mentions import one


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        # -- a measure topic holds the name after it
        (
            "지난해 라면 국가별 수출액은 베트남이 약 31억 달러로 가장 많았다.",
            "약 31억 달러",
            "베트남 수출액",
        ),
        (
            "10월 국산 트럭 브랜드 점유율 상위는 갑사(41.2%), 을사(30.5%), 병사(9.1%) 순이다.",
            "30.5%",
            "을사 점유율",
        ),
        # a name before any topic, a time, or a topic that is no measure: left as it was
        ("베트남이 약 31억 달러로 수출액이 가장 많았다.", "약 31억 달러", "베트남"),
        ("지난주는 서울이 0.12% 올랐다.", "0.12%", "서울"),
        ("주요 수출국은 베트남(41.2%), 태국(12.5%) 순이다.", "41.2%", "베트남"),
        # the measure the aside names is named once (세종 시도별 합계출산율)
        (
            "시도별 합계출산율은 세종(1.82명), 전남(1.47명)이 높다.",
            "1.82명",
            "세종 시도별 합계출산율",
        ),
        # -- an english level reached keeps the subject
        # after a participle of what was seen: the clause's subject before it
        (
            "Moreover, cider sales also climbed, experiencing a sharp uplift of £0.6 billion "
            "or 14% to reach a total of £4.9 billion.",
            "£4.9 billion",
            "cider sales",
        ),
        (
            "In 2019, premium watches saw slow growth of 3%, reaching 41 billion euros.",
            "41 billion euros",
            "premium watches",
        ),
        # -- a basis or an adverb before the figure is no subject
        ("세계 제지 시장 규모는 2021년 기준 3512억달러였다.", "3512억달러", "세계 제지 시장 규모"),
        (
            "조사업체는 세계 로봇청소기 시장이 오는 2031년까지 미화 412억 달러에 이를 것으로 "
            "내다봤다.",
            "412억 달러",
            "세계 로봇청소기 시장",
        ),
        (
            "국내 전기차 충전기 시장 규모가 매년 12%씩 성장할 전망이다.",
            "12%",
            "국내 전기차 충전기 시장 규모",
        ),
        # -- a with clause names the measure of the holder before
        (
            "Toy retail is expected to suffer most this year, with spend set to fall by 4.2% to "
            "£3.1bn.",
            "4.2%",
            "Toy retail spend",
        ),
        (
            "However, pet food spend is forecast to hold up, with sales to rise by 2.1% to £5.5bn.",
            "£5.5bn",
            "pet food sales",
        ),
        (
            "Other lines that grew include frozen peas, with sales amounting to £0.7 billion.",
            "£0.7 billion",
            "frozen peas sales",
        ),
        # a figure before the clause names no holder: the measure alone, as before
        (
            "Volume rose 5 percent from last year, with trailers up 3.1 percent.",
            "3.1 percent",
            "trailers",
        ),
    ],
)
def test_the_subject_named_by_the_context(text: str, value: str, subject: str) -> None:
    assert one(text, value).fact.subject == subject


_LEAD = "지난해 해외직접투자액은 512억 달러로 전년보다 3.1% 늘었다."


def test_a_breakdown_by_kind_breaks_down_the_measure_before() -> None:
    text = f"{_LEAD}\n\n업종별로는 광업(212억 달러), 운수업(98억 달러) 순이었다."
    assert one(text, "212억 달러").fact.subject == "광업 해외직접투자액"


def test_a_paragraph_that_breaks_nothing_down_borrows_no_measure() -> None:
    text = f"{_LEAD}\n\n광업(212억 달러), 운수업(98억 달러)이 뒤를 이었다."
    assert one(text, "212억 달러").fact.subject != "광업 해외직접투자액"


def test_a_share_named_by_a_measure_topic_is_summed() -> None:
    ok = "10월 트럭 브랜드 점유율 상위는 갑사(41.2%), 을사(30.5%), 병사(9.1%) 순이다."
    bad = "10월 트럭 브랜드 점유율 상위는 갑사(61.2%), 을사(30.5%), 병사(19.1%) 순이다."
    fires(ok, bad, "breakdown")


def test_more_than_a_rate_is_a_bound_not_a_figure_restated() -> None:
    body = "\n\n작년 라면 국가별 수출액은 베트남이 31억 달러로 전년보다 23.1% 감소했다."
    ok = "라면 베트남 수출액 20% 넘게 감소" + body
    bad = "라면 베트남 수출액 20% 감소" + body
    fires(ok, bad, "restated")
    assert one(ok, "20%").fact.quantity.value is None


def test_the_level_a_change_amounted_to_is_of_the_same_thing() -> None:
    text = "The making of glass saw a steady increase of 12%, amounting to £3.4 billion."
    rate, level = one(text, "12%"), one(text, "£3.4 billion")
    assert rate.fact.subject and level.fact.subject == rate.fact.subject


def test_a_chinese_bare_rate_is_of_the_level_not_of_the_rate_before() -> None:
    text = (
        "其中，线材指数平均值为81.20点，环比上升1.10点，升幅为1.37%；同比下降3.30点，降幅为3.91%。"
    )
    assert one(text, "3.91%").fact.subject == "线材指数平均值降幅"


def test_a_korean_measure_named_right_after_an_amount_is_its_measure() -> None:
    text = "장비업체 갑사는 올해 1분기 31억2000만유로(4조원)매출, 5400만유로 영업손실을 기록했다."
    assert one(text, "5400만유로").fact.subject == "장비업체 갑사 영업손실"
    assert one(text, "31억2000만유로(4조원)").fact.subject == "장비업체 갑사 매출"


def test_a_chinese_company_reporting_its_figures_holds_a_bare_measure() -> None:
    text = "甲乙 Mart报告称，2024年第二季度的净营收为人民币812亿元，比2023年第二季度增长6.1%。"
    assert one(text, "812亿元").fact.subject == "甲乙 Mart净营收"
    said = "这篇报告称，今年前5个月甲国家电出口金额为41.5亿美元。"
    assert "这篇" not in (one(said, "41.5亿美元").fact.subject or "")
