"""Issue 16, session of 2026-12-07 (third): a headline's figure is not restated by the level the
body's rate grew from (``2010년(222조7000억원)에 비해 27.0% 증가``), nor by another entity's figure
that moved the other way (``ADR: +0.8% to US$128.29`` against a market's ``ADR (-31.0% to
US$125.43)``); two sentences that open with two holders (``국민은행의 …``, ``우리은행은 …``)
restate nothing. Texts of our own."""

from __future__ import annotations

from check_findings import flagged


def test_the_level_a_rate_grew_from_restates_no_headline_figure() -> None:
    text = (
        "국내 보험시장 수입보험료 283조원…3년새 27% 늘어\n2015-02-04 07:43\n"
        "보험시장 수입보험료가 3년 만에 27% 늘어난 것으로 나타났다.\n"
        "2013년 총 수입보험료는 282조9000억원에 달했다. 총 수입보험료는 3년 전인 "
        "2010년(222조7000억원)에 비해 27.0% 증가했고, 계약건수도 3년 전보다 19.8% 늘었다.\n"
    )
    assert flagged(text, "restated") == []


def test_a_lead_level_and_a_body_level_that_moved_the_other_way_are_two_figures() -> None:
    text = (
        "Hotel results for week ending 30 September\n"
        "In comparison with the week of 25 September 2016, the industry recorded the following:\n"
        "- Occupancy: +0.4% to 70.3%\n"
        "- Average daily rate (ADR): +0.8% to US$128.29\n"
        "Minneapolis posted the largest decreases in all three key metrics: occupancy (-11.6% to "
        "75.7%), ADR (-31.0% to US$125.43) and RevPAR (-39.0% to US$94.95).\n"
    )
    assert flagged(text, "restated") == []


def test_two_sentences_opening_with_two_holders_restate_nothing() -> None:
    text = (
        "2017년 3분기 국민은행의 3분기까지 누적 순이익은 1조8413억원으로 전년 동기 대비 증가했다.\n"
        "우리은행은 2017년 3분기 누적 순이익(연결 기준)으로 1조3785억원을 거뒀다.\n"
    )
    assert flagged(text, "restated") == []
