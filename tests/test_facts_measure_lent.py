"""Issue 16, session of 2026-12-07 (fourth): a Korean figure whose subject is one word naming a
thing and no measure (``반도체는 104억6000만달러로``) is of the measure the paragraph named before
it (``3개 품목의 수출액이``), where the measure counts what the figure counts; a word that is a
measure itself (대손비용, 보험료) or no thing (항목별로) borrows none. ``한 달간`` is a span of
time, no subject. Texts of our own."""

from __future__ import annotations

from fact_mentions import one

_EXPORTS = (
    "2022년 2월 반도체와 디스플레이 등 3개 품목의 수출액이 두 자릿수 증가율을 기록했다. "
    "반도체는 지난해 대비 24% 증가한 104억6000만달러로 집계됐다. 시스템 반도체 실적도 크게 "
    "늘었다. 디스플레이는 39.3% 증가한 22억5000만달러를 기록했다. 컴퓨터·주변기기도 2월 한 "
    "달간 15억8000만달러를 수출했다."
)


def test_a_thing_named_alone_takes_the_measure_named_before() -> None:
    assert one(_EXPORTS, "104억6000만달러").fact.subject == "반도체 수출액"
    assert one(_EXPORTS, "24%").fact.subject == "반도체 수출액"
    assert one(_EXPORTS, "22억5000만달러").fact.subject == "디스플레이 수출액"
    assert one(_EXPORTS, "15억8000만달러").fact.subject == "컴퓨터·주변기기 수출액"


def test_a_measure_or_a_word_of_no_thing_borrows_none() -> None:
    text = (
        "2019년 국내 은행의 이자이익은 40조7000억 원이었다. 대손비용은 6000억 원 감소한 "
        "3조7000억 원으로 집계됐다."
    )
    assert one(text, "3조7000억 원").fact.subject == "대손비용"


def test_a_count_takes_no_measure_of_money() -> None:
    text = "2019년 공제 시장 규모는 12조 원이었다. 공제사업은 12개로 늘었다."
    assert one(text, "12개").fact.subject != "공제사업 규모"


def test_how_a_list_is_cut_is_no_part_of_a_name() -> None:
    text = (
        "2022년 해외직접투자액은 772억 달러였다. 업종별로는 금융보험업(297억 달러)이 가장 많았다."
    )
    assert one(text, "297억 달러").fact.subject == "금융보험업 해외직접투자액"
