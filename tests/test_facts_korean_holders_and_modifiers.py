"""Korean subjects and trend words in sentences written for these tests (issue 16): a topic that
ends like a measure (``녹십자는``) still holds the measure after it, a basis (``연결 기준``) is no
part of a subject, a trend word that modifies the subject (``매출 증가 업체의 비율은``) is not the
figure's direction, and two paragraphs' holders are two figures, not one restated."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity

BAD = (Severity.ERROR, Severity.WARNING)


def subjects(text: str) -> list[str | None]:
    return [f.subject for f in extract(from_text(text + "\n", fmt="txt")).facts]


def alarms(text: str, rule: str) -> list[str]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f.message for f in found if f.rule.startswith(rule) and f.severity in BAD]


def test_a_topic_ending_like_a_measure_holds_the_measure_named_after_it() -> None:
    text = "한일투자는 3분기 영업이익이 52억원으로 지난해 같은 기간보다 4.1% 늘었다."
    assert subjects(text) == ["한일투자 영업이익"] * 2


def test_a_topic_that_is_a_measure_holds_nothing() -> None:
    text = "수출은 3분기에 52억 달러로 지난해 같은 기간보다 4.1% 늘었다."
    assert all(s is None or not s.startswith("수출 ") for s in subjects(text))


def test_a_basis_before_the_measure_leaves_the_holder_in_the_subject() -> None:
    for basis in ("연결 기준", "연결재무제표 기준", "별도 기준"):
        text = f"한빛물산은 올 3분기 {basis} 영업이익이 1,210억원으로 작년보다 3.2% 증가했다."
        assert subjects(text) == ["한빛물산 영업이익"] * 2, basis


def test_a_trend_word_that_modifies_the_subject_is_not_the_direction_of_its_figures() -> None:
    quiet = [
        "2014년 2월 3일\n\n상장사 중 매출 증가 기업의 비중은 전년 71.2%에서 지난해 58.4%로 줄었다.",
        "2014년 2월 3일\n\n순이익이 늘어난 기업 비중은 지난해 44.1%로 2012년 46.0%보다 낮아졌다.",
    ]
    for text in quiet:
        assert alarms(text, "trend") == [], text
    flipped = (
        "2014년 2월 3일\n\n상장사 중 매출 증가 기업의 비중은 전년 71.2%에서 지난해 58.4%로 늘었다."
    )
    assert alarms(flipped, "trend")


PARAGRAPHS = (
    "한빛물산은 3분기 영업이익이 1,455억원으로 작년 동기대비 10.8% 늘었다. "
    "같은 기간 순이익은 1,171억원으로 29.4% 증가했다.\n"
    "두리해운은 3분기 영업이익이 1,698억원으로 작년 같은 기간보다 14.1% 증가했다. "
    "같은 기간 순이익은 {second}억원으로 22.1% 늘었다.\n"
)


def test_two_paragraphs_holders_state_two_figures_not_one_restated() -> None:
    assert alarms(PARAGRAPHS.format(second="1,498"), "restated") == []


def test_one_holders_figure_stated_twice_differently_is_still_found() -> None:
    text = PARAGRAPHS.format(second="1,498").replace("두리해운은", "한빛물산은")
    assert alarms(text, "restated")
