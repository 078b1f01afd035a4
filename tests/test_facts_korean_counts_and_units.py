"""Counts as Korean news writes them (``823만1,418대``, ``73만7천t``, ``492㎏``) and the relations
they open, in sentences written for these tests (issue 16)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Kind, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def facts_of(text: str) -> dict[str, tuple[Kind, Decimal | None, str | None, str | None]]:
    ex = extract(from_text(text + "\n", fmt="txt"))
    return {
        f.quantity.input: (f.quantity.kind, f.quantity.value, f.quantity.unit, f.subject)
        for f in ex.facts
    }


def flagged(text: str, rule: str) -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("823만1,418대", "8231418", "대"),
        ("228만500대", "2280500", "대"),
        ("73만7천t", "737000", "t"),
        ("492㎏", "492", "kg"),
        ("14만9천878㏊", "149878", "ha"),
    ],
)
def test_a_count_written_place_by_place_is_read_whole(written: str, value: str, unit: str) -> None:
    text = f"2019년 1월 2일\n\n지난해 전남의 생산 실적은 {written}로 집계됐다."
    kind, got, got_unit, _ = facts_of(text)[written]
    assert (kind, got, got_unit) == (Kind.COUNT, Decimal(value), unit)


def test_one_digit_after_a_large_unit_is_never_a_count_of_its_own() -> None:
    # 3만7천3대 is read whole or not at all: never 37,000, never 3 vehicles
    got = facts_of("2019년 1월 2일\n\n기아차는 내수 3만7천3대, 수출 6만9천70대를 판매했다.")
    assert "3대" not in got and "3만7천" not in got
    assert got["6만9천70대"][1] == Decimal("69070")


def test_a_source_credit_line_is_no_entity() -> None:
    got = facts_of("쌀 생산량 통계\n\n/통계청\n\n2023년 전남 쌀 생산량은 73만7천t으로 집계됐다.")
    assert got["73만7천t"][3] == "전남 쌀 생산량"


def test_a_list_that_holds_its_own_total_is_no_breakdown_of_the_whole_before() -> None:
    text = (
        "2006년 12월 2일\n\n11월 판매대수는 총 31만3천870대를 기록했다. 업체별로 현대차는 11월 "
        "판매대수가 내수 5만9천540대, 수출 9만7천658대 등 15만7천198대로 줄었다."
    )
    assert flagged(text, "breakdown") == []


def test_a_level_whose_clause_ends_with_its_own_verb_is_not_the_one_compared() -> None:
    quiet = (
        "2025년 1월 5일\n\n국내 완성차 판매량은 2023년 830만1천221대를 기록했다가 2024년부터 "
        "2년째 800만대를 밑돌고 있다."
    )
    assert flagged(quiet, "comparison") == []
    loud = "2025년 1월 5일\n\n국내 완성차 판매량은 830만1천221대로 800만대를 밑돌았다."
    assert flagged(loud, "comparison")


def test_parts_in_brackets_are_not_the_level_compared_with() -> None:
    quiet = (
        "2025년 1월 5일\n\n작년 판매량은 793만4천872대로 전년 794만7천181대(내수 135만8천842대·"
        "수출 658만8천339대)보다 0.2% 감소했다."
    )
    assert flagged(quiet, "derived") == []
    # one figure in the brackets is last year's, labelled: it is the level compared with
    found = check(
        extract(
            from_text(
                "Results 2023\n\n- Profit before tax 7.4% higher at £139.5m (2022: £129.9m)\n"
            )
        ),
        lang="en",
    )
    assert [f.severity for f in found if f.rule == "derived.growth"] == [Severity.OK]


def test_a_price_per_unit_is_not_the_level_a_total_changed_from() -> None:
    text = (
        "2024년 3월 10일\n\n2022년 유가는 배럴당 130달러를 넘기며 최고치를 기록했다. 당시 "
        "아람코의 순이익은 2021년 1100억 달러보다 46% 가량 급등했었다."
    )
    assert flagged(text, "derived") == []


def subjects_of(text: str) -> dict[str, str | None]:
    return {f.quantity.input: f.subject for f in extract(from_text(text + "\n", fmt="txt")).facts}


def test_a_paragraph_goes_on_about_the_name_it_is_about() -> None:
    text = (
        "2019년 1월 2일\n\n한국GM은 지난해 46만2,871대를 판매했다. 내수판매는 전년대비 29.5% "
        "감소한 9만3,317대에 그쳤으며 수출 역시 5.8% 감소한 36만9,554대로 집계됐다.\n\n"
        "내수판매는 154만5,604대를 기록했다. 르노삼성은 삼성전자 매출 22만7,577대를 냈다."
    )
    got = subjects_of(text)
    assert got["9만3,317대"] == "한국GM 내수판매"
    assert got["36만9,554대"] == "한국GM 수출"
    assert got["154만5,604대"] == "내수판매"  # a new paragraph, about no name yet
    assert got["22만7,577대"] == "삼성전자 매출"  # a holder of its own stays


def test_earlier_levels_of_several_measures_pair_with_the_levels_of_their_measures() -> None:
    ok = (
        "2024년 1월 25일\n\nLG전자는 2023년 연간 매출 84조2,278억 원, 영업이익 3조5,491억 원을 "
        "기록했다. 매출은 2022년(83조4,673억 원)보다 약간 늘었고 영업이익은 전년(3조5,510억 원)"
        "보다 줄었다."
    )
    assert flagged(ok, "trend") == [] and flagged(ok, "derived") == []
    found = flagged(ok.replace("보다 줄었다", "보다 늘었다"), "trend")
    assert len(found) == 1 and "영업이익" in found[0].message
