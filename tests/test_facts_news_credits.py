"""Issue 16, session of 2026-12-07 (second): the lines of a Korean news page that say who wrote
or compiled it (``• 박성민``, ``한국철강협회 / 페로타임즈정리``) name no section and do not
end the context a news story's lead gives. Texts of our own."""

from __future__ import annotations

from fact_mentions import mentions, one

_NEWS = (
    "韓 조강생산 3년 연속 7천만톤\n"
    "  • 박성민\n"
    "  • 승인 2020.02.17 03:00\n\n"
    "작년 7141만톤 기록...전년 대비 1.5% 감소\n"
    "포스코 현대제철 양대 고로 4872만톤 0.9%↑\n\n"
    "작년 1~12월 조강생산량은 7141만톤으로 3년 연속 7000만톤을 넘어섰다.\n\n"
    "한국철강협회 / 페로타임즈정리\n\n"
    "반면 전기로는 총 2270만톤으로 6.2%(149만톤) 감소했다.\n"
)


def test_a_reporter_s_name_under_the_title_is_no_section() -> None:
    subjects = [m.fact.subject or "" for m in mentions(_NEWS)]
    assert "조강생산량" in subjects
    assert not any("박성민" in s for s in subjects)


def test_a_credit_line_is_no_section() -> None:
    assert one(_NEWS, "2270만톤").fact.subject == "전기로"


def test_a_section_named_like_a_person_after_a_section_is_still_a_section() -> None:
    text = "시장 동향\n\n• 반도체\n\n반도체 수출은 100억 달러로 5% 증가했다.\n"
    assert one(text, "100억 달러").fact.subject is not None


def test_a_share_button_is_no_section() -> None:
    text = "이 기사를 공유합니다\n\n고로의 생산량은 4872만톤으로 0.9% 증가했다.\n"
    assert one(text, "4872만톤").fact.subject == "고로의 생산량"
