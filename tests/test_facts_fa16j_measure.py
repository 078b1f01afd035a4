"""Issue 16, false alarms of fresh real text (fa16j): the parts of an 'of which' list belong to
the amount before it that names their measure, not to the amount stated last
(``农林牧渔业总产值69.93亿元，…增加值37.90亿元。其中，农业产值…、渔业产值…``: output, 产值,
not value added). Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import checked, fires

CASES = {
    "zh-next-sentence": (
        "全市实现农林牧渔业总产值69.93亿元，比上年增长2.5%，增加值37.90亿元，增长2.7%。其中，"
        "农业产值7.09亿元；林业产值0.11亿元；牧业产值1.14亿元；渔业产值{f}亿元；"
        "农林牧渔服务业产值0.84亿元。\n"
    ),
    "zh-one-sentence": (
        "全市实现农林牧渔业总产值69.93亿元，增加值37.90亿元，其中，农业产值7.09亿元，林业产值"
        "0.11亿元，牧业产值1.14亿元，渔业产值{f}亿元，农林牧渔服务业产值0.84亿元。\n"
    ),
    "ko": (
        "농림어업 총생산액은 699억원, 부가가치는 379억원이었다. 이 중 농업 생산액은 71억원, "
        "어업 생산액은 {f}억원, 축산 생산액은 20억원이었다.\n"
    ),
    "en": (
        "Farm output totaled $69.9 million and value added $37.9 million. Of this amount, crop "
        "output was $7.1 million, fishery output ${f} million and livestock output $2.0 million.\n"
    ),
}
GOOD = {"zh-next-sentence": "60.75", "zh-one-sentence": "60.75", "ko": "608", "en": "60.8"}
BAD = {"zh-next-sentence": "70.75", "zh-one-sentence": "70.75", "ko": "708", "en": "70.8"}


@pytest.mark.parametrize("case", list(CASES))
def test_parts_of_one_measure_are_checked_against_its_whole(case: str) -> None:
    ok, bad = CASES[case].format(f=GOOD[case]), CASES[case].format(f=BAD[case])
    fires(ok, bad, "breakdown.parts")
    assert any("matching" in m for m in checked(ok, "breakdown.parts")), ok


def test_parts_naming_the_last_whole_keep_it() -> None:
    ok = "全年一般公共预算收入135663亿元。其中，税收收入111065亿元；非税收入24598亿元。\n"
    bad = "全年一般公共预算收入135663亿元。其中，税收收入121065亿元；非税收入24598亿元。\n"
    fires(ok, bad, "breakdown.parts")
