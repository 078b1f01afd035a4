"""Issue 16: percentages listed after a rate, or each after a share measure of its own, are of
several wholes and are not summed.

``전체 산업 부가가치율의 경우 제주(54.1%),강원(52.9%),서울(52.9%) 등``: each region's own rate;
``지역 내 수요 비중은 강원(75.9%)이, 타 지역 이출 비중은 서울(29.9%)이, 수출 비중은 울산(21.6%)이``:
the top region of three share measures. A list of one whole's shares still adds up. Texts
written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import flagged

OTHER_WHOLES = {
    "ko-rate": (
        "전체 산업 부가가치율의 경우 제주(54.1%),강원(52.9%),서울(52.9%) 등 서비스 비중이 큰 "
        "지역이 높은 것으로 나타났다."
    ),
    "ko-own": (
        "지역 내 수요 비중은 강원(75.9%)이, 타 지역 이출 비중은 서울(29.9%)이, 수출 비중은 "
        "울산(21.6%)이 각각 가장 높았다."
    ),
    "zh-rate": "工业增加值率以福建（54.1%）、江西（52.9%）、上海（52.9%）较高。",
    "zh-own": (
        "内需占比以江西（75.9%）最高，调出占比以上海（29.9%）最高，出口占比以广东（21.6%）最高。"
    ),
}
ONE_WHOLE = {
    "ko": "전체 산업 산출액 비중은 경기(55.8%), 서울(39.3%), 울산(21.6%) 순이었다.",
    "ko-items": "수도권 안에서는 경기(65.8%),서울(49.3%) 등의 순이었다.",
    "zh": "全省总产出中，福建（55.8%）、江西（39.3%）、上海（21.6%）占比较高。",
    "zh-items": "总产出构成中，第一产业占比15.1%，第二产业占比60.4%，第三产业占比34.5%。",
}


@pytest.mark.parametrize("key", OTHER_WHOLES)
def test_percentages_of_several_wholes_are_not_summed(key: str) -> None:
    assert flagged(OTHER_WHOLES[key], "breakdown") == []


@pytest.mark.parametrize("key", ONE_WHOLE)
def test_shares_of_one_whole_over_100_percent_still_fire(key: str) -> None:
    (found,) = flagged(ONE_WHOLE[key], "breakdown")
    assert found.rule == "breakdown.sum"
