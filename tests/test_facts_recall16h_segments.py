"""Segments named in one sentence, each by its own fact (issue 16, recall16h).

Texts written for these tests in the style of results releases and news.
"""

from __future__ import annotations

from tests.check_findings import fires, flagged

from sectorlens.facts import extract, from_text

_EN = (
    "Lexmark announced results for the third quarter of 2007. Third-quarter revenue was "
    "$1.195 billion.\n\n"
    "Third-quarter 2007 business segment revenue of $728 million grew 5 percent year to year "
    "and consumer segment revenue of $468 million declined 13 percent."
)


def test_time_words_before_and_are_no_part_of_the_next_subject() -> None:
    metrics = {m.fact.quantity.input: m.metric for m in extract(from_text(_EN)).mentions}
    assert metrics["$468 million"] == "consumer segment revenue"


def test_en_two_segments_of_one_sentence_against_the_whole() -> None:
    fires(_EN, _EN.replace("$468 million", "$498 million"), "breakdown.segments")


def test_ko_two_segments_of_one_sentence_against_the_whole() -> None:
    ok = (
        "2023년 3분기 매출은 12조3000억원이다.\n\n"
        "2023년 3분기 반도체 부문 매출은 8조1000억원, "
        "디스플레이 부문 매출은 4조2000억원을 기록했다."
    )
    fires(ok, ok.replace("4조2000억원", "4조9000억원"), "breakdown.segments")


def test_segments_of_another_measure_are_not_summed() -> None:
    text = (
        "Third-quarter 2007 revenue was $1.195 billion.\n\n"
        "In the third quarter of 2007 business segment operating income of $128 million rose and "
        "consumer segment operating income of $68 million fell."
    )
    assert flagged(text, "breakdown.segments") == []
