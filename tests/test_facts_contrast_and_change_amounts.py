"""Issue 16, session of 2026-12-07 (fourth): a direction word before ``반면``/``but`` is its own
clause's (``11.1% 감소한 반면 온라인 광고는 14.9% 성장``: the 14.9% is a rise); ``증가액`` names a
measure (the amount of an increase), no move (``1분기(16조 6천억원), 2분기(28조 8천억원)보다
증가액이 많았다``). Texts of our own."""

from __future__ import annotations

from check_findings import fires, flagged

_AD = (
    "2018년 12월 21일\n"
    "지난해 지상파TV 광고매출은 전년대비 11.1% 감소한 반면 온라인과 모바일 광고는 14.9% 성장한 "
    "것으로 나타났다.\n"
    "2017년 온라인과 모바일 광고 시장규모는 4조7751억원으로 2016년보다 14.9% 증가했다.\n"
)


def test_a_direction_before_a_contrast_is_not_the_next_clauses() -> None:
    assert flagged(_AD, "restated") == []
    fires(_AD, _AD.replace("광고는 14.9% 성장한", "광고는 14.9% 감소한"), "restated.direction")


def test_an_amount_of_increase_is_no_move() -> None:
    text = (
        "2023년 10월 5일\n3분기 가계대출 증가액은 36조원으로 1분기(16조 6천억원), "
        "2분기(28조 8천억원)보다 증가액이 많았다."
    )
    assert flagged(text, "trend") == []


def test_a_place_named_alone_in_two_sections_is_no_restatement() -> None:
    text = (
        "2024년 3월 14일\n\n이번주 전국 아파트 매매가격은 0.12% 상승했다.\n\n"
        "2024년 3월 11일 기준 경기(0.16%)와 인천(0.15%)은 상승폭을 키웠다.\n\n"
        "전국 아파트 전셋값은 0.17% 오르며 상승폭이 커졌다.\n\n"
        "2024년 3월 11일 기준 경기(0.24%)와 인천(0.21%)에서도 상승폭이 확대됐다.\n"
    )
    assert flagged(text, "restated") == []
    named = text.replace("인천(0.15%)은", "인천 매매가격(0.15%)은").replace(
        "인천(0.21%)에서도", "인천 매매가격(0.21%)에서도"
    )
    assert [f.rule for f in flagged(named, "restated")] == ["restated"]
