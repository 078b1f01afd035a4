"""Issue 16: a highlight the text dates by its heading is not restated by a body figure of
another period the text names.

A release lists ``Fourth Quarter 2022 Highlights`` and ``Full Year 2022 Highlights``; the body
then gives the quarter's margin (``Fourth quarter 2022 sales … 15.8% of sales``). The year's
16.8% under its heading is another figure than the quarter's 15.8%, not a restatement of it.
A headline figure whose period nothing states still pairs with the body, and a disagreement
still warns. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged

DATED = (
    "Acme Reports Fourth Quarter and Full Year 2022 Results\n\n"
    "Fourth Quarter 2022 Highlights\n\n"
    "Net sales increase 10% to record $930.9 million on 14% higher organic sales\n\n"
    "Operating income margin of 15.2%; Adjusted operating income margin of {q}%\n\n"
    "Adjusted EPS increases 21% to record $1.94\n\n"
    "Full Year 2022 Highlights\n\n"
    "Net sales increase 16% to record $3.8 billion on 20% higher organic sales\n\n"
    "Record Operating income margin of 16.3%; Record Adjusted operating income margin of 16.8%\n\n"
    "Adjusted EPS increases 33% to record $8.27\n\n"
    "CLEVELAND, Feb. 21, 2023 -- Acme Inc. today reported fourth quarter 2022 net income of "
    "$109.1 million.\n\n"
    "Fourth quarter 2022 sales increased 10% to $930.9 million. Excluding special items, "
    "Adjusted operating income was $146.8 million, or 15.8% of sales, as compared with "
    "$122.2 million in the prior year period.\n"
)
UNDATED = {
    "ko": (
        "에이스, 4분기 실적 발표\n\n조정 영업이익률 {q}%\n\n"
        "에이스는 21일 2022년 실적을 발표했다.\n\n"
        "2022년 4분기 매출은 9309억원으로 10% 증가했다. 특별항목을 제외한 조정 영업이익은 "
        "1468억원으로, 매출의 15.8%였다.\n"
    ),
    "zh": (
        "艾斯公司发布第四季度业绩\n\n经调整营业利润率{q}%\n\n"
        "艾斯公司21日公布2022年业绩。\n\n"
        "2022年第四季度销售额增长10%，达到93.09亿元。剔除特殊项目后，经调整营业利润为14.68亿元，"
        "经调整营业利润率为15.8%。\n"
    ),
}


def test_a_highlight_of_another_period_is_not_restated_by_the_body() -> None:
    assert flagged(DATED.format(q="15.8"), "restated.lead") == []


def test_a_highlight_of_the_same_period_still_warns() -> None:
    (found,) = flagged(DATED.format(q="14.9"), "restated.lead")
    assert "14.9" in found.message


@pytest.mark.parametrize("lang", UNDATED)
def test_an_undated_headline_still_warns(lang: str) -> None:
    (found,) = flagged(UNDATED[lang].format(q="16.8"), "restated.lead")
    assert found.rule == "restated.lead"
