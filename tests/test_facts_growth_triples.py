"""Growth rates paired with the levels they link, in the ways releases write them (issue 16):
a change as an amount and a rate in apposition (``by $2.6 million, or 0.6%, to``), revenue up
or down by an amount (``增收``, ``减收``), a share between a level and its change, and Korean
amounts written place by place (``6천8백96억달러``). Sentences written for these tests.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def findings(text: str, rule: str) -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f for f in found if f.rule.startswith(rule)]


def flagged(text: str, rule: str) -> list[Finding]:
    return [f for f in findings(text, rule) if f.severity in BAD]


def fires(ok: str, bad: str, rule: str) -> list[Finding]:
    """The consistent sentence is checked and holds; the changed one is flagged."""
    assert [f for f in findings(ok, rule) if f.severity is Severity.OK], ok
    assert flagged(ok, rule) == [], ok
    found = flagged(bad, rule)
    assert found, bad
    return found


# --- en: the change as an amount and a rate, set off by commas -----------------------------------

_EN = (
    "Garden Tools net sales increased by $2.6 million, or 0.6%, to $413.8 million, compared to "
    "$411.2 million in the prior year quarter."
)


def test_a_rate_in_apposition_is_checked_against_the_two_levels() -> None:
    found = fires(_EN, _EN.replace("0.6%", "1.6%"), "derived.growth")
    assert found[0].severity is Severity.ERROR


def test_an_amount_in_apposition_is_checked_against_the_two_levels() -> None:
    fires(_EN, _EN.replace("$2.6 million", "$3.6 million"), "derived.change")


def test_a_rate_that_the_stated_change_explains_is_no_error() -> None:
    # 50.0 / 25.3 is +97.6% at most +98.2% with rounding, but 24.8 / 25.3 is 98.0%, up to 98.4%:
    # the rate was computed from the unrounded change, which the text states
    text = (
        "Other net sales increased by $24.8 million, or 98.3%, to $50.0 million, compared to "
        "$25.3 million in the prior year quarter."
    )
    assert flagged(text, "derived") == []
    assert findings(text, "derived.growth")


def test_a_rate_neither_the_levels_nor_the_change_explain_is_flagged() -> None:
    text = (
        "Other net sales increased by $24.8 million, or 89.3%, to $50.0 million, compared to "
        "$25.3 million in the prior year quarter."
    )
    assert flagged(text, "derived.growth")


# --- zh: 增收 / 减收, a share between the level and its change ------------------------------------


def test_zh_revenue_up_by_an_amount_and_a_rate_after_a_list_mark() -> None:
    ok = "一季度,全市一般公共预算总收入312.74亿元,增收34.96亿元、增长12.6%。"
    found = fires(ok, ok.replace("12.6%", "14.6%"), "derived.growth")
    assert found[0].severity is Severity.ERROR


def test_zh_a_share_of_the_budget_between_the_level_and_its_change() -> None:
    ok = "全区完成财政收入29612万元,占年初预算的27.7%,较上年同期增收1735万元,同比增长6.2%。"
    fires(ok, ok.replace("6.2%", "8.2%"), "derived.growth")


def test_zh_revenue_down_by_an_amount() -> None:
    ok = "地税完成14796万元,占年初预算的30.1%,较上年同期减收1941万元,同比下降11.6%。"
    fires(ok, ok.replace("11.6%", "13.6%"), "derived.growth")


def test_zh_a_list_mark_before_another_measure_ends_the_change() -> None:
    # 、 then a noun: the next item's own figures, not the rate of the first change
    text = "全市财政收入110亿元,增收10亿元、税收收入80亿元增长30%。"
    assert flagged(text, "derived") == []


def test_zh_the_share_itself_is_not_taken_for_the_rate() -> None:
    text = "全区完成财政收入100亿元,占全省的20%,较上年同期增收10亿元,同比增长11.1%。"
    assert flagged(text, "derived") == []
    assert findings(text, "derived.growth")


# --- ko: amounts written place by place -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("지난해 시장은 6천8백96억달러였다.", Decimal("689600000000")),
        ("2000년에는 1조1천3백14억달러에 이를 전망이다.", Decimal("1131400000000")),
        ("수요는 5천7백39억달러에서 늘었다.", Decimal("573900000000")),
    ],
)
def test_ko_thousands_and_hundreds_before_eok_are_one_amount(text: str, value: Decimal) -> None:
    ex = extract(from_text(text + "\n", fmt="txt"))
    assert [m.fact.quantity.value for m in ex.mentions] == [value]


def test_ko_a_hundred_after_another_figure_is_not_joined_to_it() -> None:
    ex = extract(from_text("매출은 2천5백억원, 직원은 3백명이다.\n", fmt="txt"))
    assert [m.fact.quantity.value for m in ex.mentions] == [Decimal("250000000000")]


# --- ko: one change counted in two units (명 and 건) -------------------------------------------

_KO = "올해 사망자 수는 598명(584건)으로 전년 644명(611건) 대비 46명(7.1%), 27건(4.4%) 감소했다."


def test_ko_the_first_units_rate_is_checked_past_the_other_units_figures() -> None:
    fires(_KO, _KO.replace("46명(7.1%)", "46명(9.1%)"), "derived.growth")


def test_ko_the_second_units_rate_is_checked_past_the_first_units_change() -> None:
    found = fires(_KO, _KO.replace("27건(4.4%)", "27건(6.4%)"), "derived.growth")
    assert "611" in found[0].message and "584" in found[0].message


def test_ko_a_change_amount_with_its_verb_after_the_other_unit_is_no_error() -> None:
    # 46명 has no trend word beside it (감소 follows 27건): its size is checked, not a sign
    assert flagged(_KO, "derived") == []
    assert flagged(_KO.replace("대비 46명", "대비 56명"), "derived.change")


def test_ko_a_change_after_a_list_lead_by_dimension_is_the_items() -> None:
    # 업종별로는: the lead of a list by industry names no measure of its own
    ok = "업종별로는 건설업 303명으로 전년 대비 38명(11.1%) 감소했다."
    fires(ok, ok.replace("11.1%", "13.1%"), "derived.growth")


def test_ko_a_level_with_its_change_in_two_units_and_the_verb_at_the_end() -> None:
    ok = "건설업은 303명(297건)으로 전년 대비 38명(11.1%), 31건(9.5%) 감소했다."
    found = fires(ok, ok.replace("38명(11.1%)", "38명(13.1%)"), "derived.growth")
    assert "303" in found[0].message
    bad = ok.replace("31건(9.5%)", "31건(7.5%)")
    assert any("297" in f.message for f in flagged(bad, "derived.growth"))


# --- a change stated with its rate in one sentence and with its levels in another ---------------

_EN_TWO = (
    "For 2016, the trade deficit increased $1.9 billion, or 0.4 percent, from 2015.\n\n"
    "For 2016, the trade deficit was $502.3 billion, up $1.9 billion from $500.4 billion in 2015."
)
_ZH_TWO = (
    "2023年,全市财政收入增加2.5亿元,增长5.2%。\n"
    "2023年,全市财政收入完成50.6亿元,比上年的48.1亿元增加2.5亿元。"
)


@pytest.mark.parametrize(
    ("ok", "old", "new"), [(_EN_TWO, "0.4 percent", "0.9 percent"), (_ZH_TWO, "5.2%", "7.2%")]
)
def test_a_rate_beside_a_change_is_checked_against_the_levels_of_that_change(
    ok: str, old: str, new: str
) -> None:
    found = fires(ok, ok.replace(old, new), "derived.growth")
    assert found[0].severity is Severity.WARNING  # the pairing is inferred


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        (_EN_TWO, "increased $1.9", "increased $2.5"),
        (_ZH_TWO, "增加2.5亿元,增长", "增加3.5亿元,增长"),
    ],
)
def test_a_rate_beside_another_change_is_not_paired_with_those_levels(
    text: str, old: str, new: str
) -> None:
    changed = text.replace(old, new).replace("0.4 percent", "0.9 percent").replace("5.2%", "7.2%")
    assert flagged(changed, "derived.growth") == []


# --- en: the earlier level's own period words, a possessive before it -----------------------------


def test_a_rate_after_the_earlier_levels_period_words_is_the_pairs() -> None:
    ok = (
        "Revenue was $4.1 billion, compared with $3.65 billion a year earlier, "
        "an increase of 12.3%."
    )
    found = fires(ok, ok.replace("12.3%", "15.3%"), "derived.growth")
    assert found[0].severity is Severity.ERROR


def test_a_rate_after_another_clause_is_not_the_pairs() -> None:
    text = (
        "Revenue was $4.1 billion, compared with $3.65 billion a year earlier, and margin rose 2%."
    )
    assert flagged(text, "derived") == []


def test_more_than_last_years_level_is_the_earlier_level() -> None:
    ok = "Sales reached a record $9.4 million, $1.4 million more than last year's $8.0 million."
    fires(ok, ok.replace("$1.4 million more", "$1.2 million more"), "derived.change")


# --- ko: two-digit years of older news, a CAGR that runs on to a dated level --------------------

_KO_CAGR = (
    "세계 전자제품 수요는 93년 5천7백39억달러에서 연평균 4.7%씩 증가, 2000년에는 "
    "7천8백89억달러에 달할 것이라고 예상했다.\n(1995년 5월 26일자)"
)


def test_ko_a_cagr_from_a_two_digit_year_to_a_later_level() -> None:
    found = fires(_KO_CAGR, _KO_CAGR.replace("4.7%", "3.7%"), "derived.cagr")
    assert "1993" in found[0].message and "2000" in found[0].message


def test_ko_a_two_digit_year_before_an_amount_dates_it_in_the_documents_century() -> None:
    ex = extract(from_text(_KO_CAGR + "\n", fmt="txt"))
    first = ex.mentions[0]
    assert first.fact.period is not None and first.fact.period.start.year == 1993
    assert first.metric == "세계 전자제품 수요"  # the year is not part of the subject


def test_ko_a_span_of_years_is_not_a_year() -> None:
    ex = extract(
        from_text("수출은 10년 만에 6천2백억달러를 넘었다.\n(2024년 5월 26일자)\n", fmt="txt")
    )
    for m in ex.mentions:
        assert m.fact.period is None or m.fact.period.start.year != 2010


# --- a sharp-move verb, and the change in the sentence after its level -------------------------

_JUMPED = "2021년 11월 15일\n\n영업이익의 경우는 570억원으로 133.7%(326억원) 뛰었다."


def test_a_sharp_move_verb_states_the_change_of_the_level_before_it() -> None:
    found = fires(_JUMPED, _JUMPED.replace("570억원", "590억원"), "derived.growth")
    assert found[0].severity is Severity.ERROR


def test_in_the_case_of_names_the_noun_before_it() -> None:
    facts = extract(from_text(_JUMPED + "\n", fmt="txt")).facts
    assert {f.subject for f in facts if f.quantity.input == "570억원"} == {"영업이익"}


_CARRIED = {
    "ko": "2021년 11월 15일\n\n4개사의 올해 3분기 합산매출은 2220억원이다. 작년 같은 기간보다 "
    "46.4%(704억원) 증가했다.",
    "zh": "2023年3月2日\n\n全年营业收入为2220亿元。同比增长46.4%，增加704亿元。",
    "en": "March 2, 2023\n\nRevenue was $2,220 million. That was up 46.4%, or $704 million, from "
    "a year earlier.",
}


@pytest.mark.parametrize("lang", sorted(_CARRIED))
def test_a_change_in_the_next_sentence_is_the_change_of_the_level_that_ended_the_last(
    lang: str,
) -> None:
    ok = _CARRIED[lang]
    found = fires(ok, ok.replace("46.4%", "56.4%"), "derived.growth")
    assert [f.severity for f in found] == [Severity.WARNING]  # the link crosses a sentence end


@pytest.mark.parametrize(
    "text",
    [
        # two levels before: which one changed is not said (the change is 2019's)
        "2020년 1월 5일\n\n2017년, 2018년은 각각 7103만톤, 7246만톤을 기록했다. 전년 대비로는 "
        "1.5%(105만톤) 감소했다.",
        # a sentence of its own subject is no going on
        "2021년 11월 15일\n\n합산매출은 2220억원이다. 수출은 56.4%(704억원) 증가했다.",
        # a sentence that does not open with the time compared with
        "2021년 11월 15일\n\n합산매출은 2220억원이다. 2020년에는 56.4%(704억원) 증가했다.",
    ],
)
def test_a_change_is_not_carried_to_a_level_it_may_not_be_of(text: str) -> None:
    assert flagged(text, "derived.growth") == [], text


# --- present-tense move verbs of headlines and wires (climbs, falls, jumps, slumps) -------------


@pytest.mark.parametrize(
    ("up", "down"),
    [("climbs", "falls"), ("rises", "drops"), ("jumps", "slumps"), ("surges", "plunges")],
)
def test_a_present_tense_move_verb_gives_the_direction_of_the_change(up: str, down: str) -> None:
    ok = (
        f"Results 2023\n\n- Revenue for the full year 2023 {up} by 25 percent to 20.7 billion "
        "euros (previous year: 16.5 billion euros)"
    )
    found = fires(ok, ok.replace(up, down), "derived.growth")
    assert found[0].severity is Severity.ERROR
