"""Shares of one whole written as a colon ratio (gaps16i): ``三次产业结构为7.7:57.5:34.8`` is a
breakdown whose parts add up to 100 (within their rounding); a ratio of counts is not.

Texts written for these tests in the style of statistical releases and results news.
"""

from __future__ import annotations

from tests.check_findings import checked, fires, flagged

RULE = "breakdown.ratio"


def test_zh_three_sectors_as_a_ratio() -> None:
    ok = "前三季度，全县地区生产总值412.6亿元，同比增长5.1%。三次产业结构为8.3:41.9:49.8。"
    fires(ok, ok.replace("41.9:49.8", "43.9:49.8"), RULE)
    assert checked(ok, RULE)  # the ratio was read and found to add up


def test_zh_two_ratios_of_one_structure_and_other_colons() -> None:
    ok = "全市三次产业结构由2015年的9∶46.5∶44.5调整为2020年的6.8∶40.1∶53.1。"
    fires(ok, ok.replace("6.8∶40.1", "6.8∶42.1"), RULE)
    fires(ok, ok.replace("9∶46.5", "9∶48.5"), RULE)


def test_zh_a_ratio_of_counts_is_no_breakdown() -> None:
    for text in (
        "按1：2：3的比例配置资金。",
        "常住人口中男女性别比为104.8:100。",
        "班子结构按1:2:1配备。",  # a ratio of counts, far from 100
        "会议于9:30开始，主会场与分会场之比为3:1。",
    ):
        assert flagged(text, RULE) == [], text
        assert checked(text, RULE) == [], text


def test_a_ratio_no_structure_word_names_is_left_alone() -> None:
    text = "2023年，全市经济总量增长4.8%，一二三产业增加值之比为7.7:37.5:56.8。"
    assert checked(text, RULE) == []


def test_ko_composition_ratio() -> None:
    ok = "지난해 도내 산업 구성비는 2.4:35.1:62.5로 서비스업 비중이 가장 컸다."
    fires(ok, ok.replace("35.1:62.5", "38.1:62.5"), RULE)


def test_ko_a_ratio_of_counts() -> None:
    text = "위원회 구성은 정부 위원과 민간 위원을 1:2로 했다."
    assert checked(text, RULE) == []


def test_en_revenue_mix_with_percent_signs() -> None:
    ok = "The company's revenue mix was 62%:38% between products and services in 2024."
    fires(ok, ok.replace("62%:38%", "64%:38%"), RULE)


def test_en_whole_numbers_allow_their_rounding() -> None:
    # 33 + 33 + 33 = 99: each part rounded to a whole percent, within 1.5
    text = "The portfolio mix was 33:33:33 across equities, bonds and cash."
    assert flagged(text, RULE) == []
    assert checked(text, RULE)


def test_en_a_stock_split_is_no_breakdown() -> None:
    text = "The board approved a 3:1 stock split, and the new shares trade from May 2."
    assert checked(text, RULE) == []
