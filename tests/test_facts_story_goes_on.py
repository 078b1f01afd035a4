"""Issue 16, session of 2026-12-07 (fourth): a news story goes on past a source's credit line
(``한국철강협회 / 페로타임즈 정리``: a caption, no heading) and past a paragraph that opens with
words only, in the period its recent lead states; a paragraph that opens with the comparison of
the figure before it (``전년 동기 대비로는``) and a sentence of periods only (``2017년, 2018년은
각각``) go on with the measure before them; ``3년 연속`` is no measure; ``Asia-Pacific airlines
saw an 80.3% increase in traffic`` is the airlines' traffic. Texts of our own."""

from __future__ import annotations

from datetime import date

from check_findings import checked, fires
from fact_mentions import one, span
from sectorlens.facts import from_text
from sectorlens.facts.document import BlockKind

_STORY = "\n".join(
    [
        "조강생산 3년 연속 7천만톤",
        "승인 2020.02.17 03:00",
        "",
        "한국철강협회 자료에 따르면 작년 1~12월 조강생산량은 7141만톤으로 3년 연속 7000만톤을 "
        "넘어섰다. 2017년, 2018년은 각각 7103만톤, 7246만톤을 기록했다.",
        "",
        "전년 동기 대비로는 1.5%(105만톤) 감소했다. 수요산업 침체 여파로 생산이 줄어든 영향이다.",
        "",
        "한국철강협회 / 페로타임즈 정리",
        "",
        "생산은 양대 고로사인 포스코 현대제철이 주도했다. 고로의 생산량은 4872만톤으로 "
        "0.9%(44만톤) "
        "증가했다.",
        "",
    ]
)

_2019 = (date(2019, 1, 1), date(2019, 12, 31))


def test_a_credit_line_is_a_caption() -> None:
    doc = from_text(_STORY, fmt="txt")
    credit = [b for b in doc.blocks if "페로타임즈" in b.text]
    assert [b.kind for b in credit] == [BlockKind.CAPTION]


def test_the_story_goes_on_in_its_leads_period() -> None:
    assert span(one(_STORY, "4872만톤")) == _2019
    assert span(one(_STORY, "0.9%")) == _2019


def test_a_story_long_after_its_lead_is_dated_by_its_document() -> None:
    old = _STORY.replace("작년 1~12월", "2009년")
    assert span(one(old, "4872만톤")) != (date(2009, 1, 1), date(2009, 12, 31))


def test_the_measure_goes_on_to_other_years_and_the_next_paragraphs_change() -> None:
    for value in ("7103만톤", "7246만톤", "1.5%"):
        assert one(_STORY, value).fact.subject == "조강생산량", value
    assert one(_STORY, "7000만톤").fact.subject != "3년 연속"


def test_a_sentence_opening_with_its_figure_takes_no_measure_from_before() -> None:
    text = "2023년 매출은 100억원이었다. 50억원이 연구개발에 쓰였다."
    assert one(text, "50억원").fact.subject != "매출"


def test_the_holder_of_a_change_named_before_saw_is_part_of_its_subject() -> None:
    text = (
        "GENEVA, 14 December 2023: Asia-Pacific airlines saw an 80.3% increase in traffic in "
        "October 2023 compared to October 2022. It posted a 5% rise in revenue in 2023."
    )
    assert one(text, "80.3%").fact.subject == "Asia-Pacific airlines traffic"
    assert one(text, "5%").fact.subject == "revenue"


def test_a_paragraphs_rate_of_the_level_before_is_checked_against_last_years_level() -> None:
    fires(_STORY, _STORY.replace("1.5%(105만톤) 감소", "1.5%(105만톤) 증가"), "derived.growth")
    assert checked(_STORY, "derived.growth") != []


def test_january_to_december_is_the_whole_year() -> None:
    p = one(_STORY, "7141만톤").fact.period
    assert p is not None and (p.start, p.end, p.partial) == (*_2019, False)


def test_the_holder_of_a_change_of_a_figure_is_its_subject() -> None:
    text = (
        "In 2022 the manufacture of basic metals saw a noteworthy increase of 17%. Similarly, "
        "the manufacture of wearing apparel demonstrated a substantial boost of 15% in sales."
    )
    assert one(text, "17%").fact.subject == "manufacture of basic metals"
    assert one(text, "15%").fact.subject == "manufacture of wearing apparel sales"
