"""Issue 16, session of 2026-12-07 (fifth): a Korean measure named by one word (``매출``,
``수출액``) is that of the sentence's first topic (은/는) when the topic is a name
(``넥슨은 지난해 매출이``), not a time (``올해는``), a measure (``수입은``), a rank (``2위는``),
what was said before (``이는``) or a body that reports the figures (``통계청은 … 밝혔다``).
Texts of our own."""

from __future__ import annotations

import pytest

from check_findings import fires
from fact_mentions import one


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("넥슨은 지난해 매출이 1조1920억원으로 36% 늘었다.", "1조1920억원", "넥슨 매출"),
        (
            "김밥 등 쌀 가공식품은 미국 등에서 인기를 얻으며 수출액이 1억9000만 달러로 17.9% "
            "늘었다.",
            "17.9%",
            "가공식품 수출액",
        ),
        ("삼성전자는 지난해 매출액이 300조원으로 늘었다.", "300조원", "삼성전자 매출액"),
        ("올해는 매출액이 300조원으로 늘었다.", "300조원", "매출액"),
        ("이는 매출액이 300조원으로 늘어난 덕분이다.", "300조원", "매출액"),
        ("2위는 영업이익이 4조원으로 늘었다.", "4조원", "영업이익"),
        (
            "해양수산부는 지난해 어업 생산량이 375만톤이었다고 밝혔다.",
            "375만톤",
            "어업 생산량",
        ),
    ],
)
def test_the_topic_holds_a_one_word_measure(text: str, value: str, subject: str) -> None:
    assert one(text, value).fact.subject == subject


def test_two_holders_measures_are_no_restatement() -> None:
    head = "라면 수출액 25.4% 증가\n\n라면은 수출액이 8억4000만 달러로 25.4% 증가했다.\n\n"
    ok = head + "쌀 가공식품은 수출액이 1억9000만 달러로 17.9% 늘었다."
    bad = head + "라면 수출액은 전년보다 17.9% 늘었다."
    fires(ok, bad, "restated")


def test_a_threshold_approached_is_no_figure_restated() -> None:
    body = (
        "\n\nCJ대한통운은 25억4273만개 물량 중 12억2440만개를 배송하며 48.2%의 점유율을 기록했다."
    )
    ok = "CJ대한통운 50% '문턱'" + body
    bad = "CJ대한통운 점유율 50%" + body
    fires(ok, bad, "restated")


def test_the_possessive_of_a_counted_noun_names_the_holder() -> None:
    text = "The 1,901 companies' attributable net income was $822 billion, up 27%."
    assert one(text, "$822 billion").fact.subject == "companies' attributable net income"
