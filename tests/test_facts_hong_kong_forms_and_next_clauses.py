"""Hong Kong Chinese as financial news writes it (``第三季``, ``首三季``, ``按年升19%``) and a
change in the next clause of another subject (``…, operating income fell 23.3 percent``), in
sentences written for these tests (issue 16)."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity

BAD = (Severity.ERROR, Severity.WARNING)


def facts(text: str) -> dict[str, tuple[str | None, str | None]]:
    ex = extract(from_text(text + "\n", fmt="txt"))
    return {
        f.quantity.input: (
            f.subject,
            None if f.period is None else f"{f.period.start}..{f.period.end}",
        )
        for f in ex.facts
    }


def test_third_quarter_and_first_three_quarters_as_hong_kong_writes_them() -> None:
    got = facts(
        "發布日期：2024-11-14\n\n某集團公布第三季業績，純利512.6億元，按年升21%。\n\n"
        "某集團首三季純利1401.2億元，按年升18%。"
    )
    assert got["512.6億元"] == ("純利", "2024-07-01..2024-09-30")
    assert got["21%"][0] == "純利"
    assert got["1401.2億元"][1] == "2024-01-01..2024-09-30"


def test_a_quarters_rise_and_the_first_three_quarters_rise_are_two_figures() -> None:
    text = (
        "發布日期：2024-11-14\n\n某集團第三季經調整盈利升19%至605.5億元。\n\n"
        "某集團首三季經調整盈利按年升16%。"
    )
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    assert [f for f in found if f.severity in BAD] == []


SALES = (
    "However, although frozen food sales advanced {rate} percent to $1.46 billion from $1.40 "
    "billion a year ago, operating income fell 21.2 percent to $145 million from $184 million."
)


def test_a_change_in_the_next_clause_of_another_subject_is_not_the_pairs() -> None:
    found = check(extract(from_text(SALES.format(rate="4.3") + "\n", fmt="txt")), lang="en")
    assert [f for f in found if f.severity in BAD] == []
    growth = [f for f in found if f.rule == "derived.growth" and f.severity is Severity.OK]
    assert len(growth) == 2
    found = check(extract(from_text(SALES.format(rate="9.3") + "\n", fmt="txt")), lang="en")
    assert [f for f in found if f.severity in BAD]


def test_a_headlines_one_character_or_arrow_gives_the_direction_of_its_figure() -> None:
    zh = (
        "8月规模以上工业增加值同比增4.5% 汽车制造业{word}11.6%\n\n8月份，规模以上工业增加值"
        "同比增长4.5%。分行业看，纺织业下降2.5%，汽车制造业下降11.6%，电气机械和器材制造业增长10.3%。"
    )
    found = check(extract(from_text(zh.format(word="降") + "\n", fmt="txt")), lang="en")
    assert [f for f in found if f.severity in BAD] == []
    found = check(extract(from_text(zh.format(word="升") + "\n", fmt="txt")), lang="en")
    assert [f for f in found if f.rule == "restated.direction" and f.severity in BAD]
    ko = (
        "2023년 11월 17일\n\n3분기 누적 매출 전년比 0.6% 감소…영업익 17.6%{arrow}\n\n"
        "반면 영업이익은 93조6350억원으로 지난해 동기(79조6209억원) 대비 17.6% 증가했다."
    )
    found = check(extract(from_text(ko.format(arrow="↑") + "\n", fmt="txt")), lang="en")
    assert [f for f in found if f.severity in BAD] == []
