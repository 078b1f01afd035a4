"""Relations that are not there (issue 16): an 'of which' list that is complete before the next
clause, a level whose scale was not read, and the year compared with named twice. Sentences
written for these tests; each quiet case has a loud twin where the relation does hold."""

from __future__ import annotations

from datetime import date

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def flagged(text: str, rule: str) -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


def test_an_of_which_list_complete_in_its_clause_takes_no_item_past_the_semicolon() -> None:
    text = (
        "2024年3月1日\n\n截至报告期末，项目储备总计容建筑面积约9189.1万平方米，其中在建项目总计容"
        "建筑面积约5885.6万平方米，规划中项目总计容建筑面积约3303.5万平方米；权益计容建筑面积约"
        "5808.1万平方米。"
    )
    assert flagged(text, "breakdown") == []
    # the clause's items off the whole: still an error
    assert flagged(text.replace("3303.5万平方米", "3603.5万平方米"), "breakdown")


def test_a_level_whose_scale_was_not_read_is_not_paired() -> None:
    text = (
        "March 2, 2023\n\nEBIT reached EUR233.5m, up 18.1 per cent compared to EUR197.8min the "
        "previous year."
    )
    assert flagged(text, "derived") == []
    loud = text.replace("EUR197.8min", "EUR197.8m in").replace("18.1 per cent", "28.1 per cent")
    assert flagged(loud, "derived")


def test_the_year_compared_with_named_twice_is_one_year() -> None:
    ex = extract(
        from_text(
            "2023년 중 동향\n\n주택담보대출은 +45.1조원 증가하여 전년(+27.0조원) 대비 증가폭이 "
            "확대되었으며, 기타대출은 35.0조원 감소하여 전년(35.8조원)과 유사한 감소폭을 보였다.\n",
            fmt="txt",
        )
    )
    periods = {f.quantity.input: f.period for f in ex.facts}
    for figure in ("+27.0조원", "35.8조원"):
        p = periods[figure]
        assert p is not None and (p.start, p.end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_sentence_on_a_time_of_its_own_does_not_take_the_level_before() -> None:
    text = (
        "D램 가격은 지난해 8월 1.30달러로 저점을 기록했다. 지난 4월에는 3월(1.8달러)보다 16.67% "
        "올라 2달러대를 회복했다."
    )
    assert flagged(text, "derived") == []
    # without a time of its own, the change is the level before's: still checked
    loud = "D램 가격은 2.1달러로 올랐다. 3월(1.8달러)보다 26.67% 오른 것이다."
    assert flagged(loud, "derived")


def test_shares_of_installations_and_of_supply_are_shares_of_two_wholes() -> None:
    text = (
        "2024年3月1日\n\n2023年中国新增光伏装机全球占比55.6%，中国光伏产业链供应能力可以满足全球"
        "约90%的装机需求。"
    )
    assert flagged(text, "breakdown") == []
    loud = "2024年3月1日\n\n2023年中国新增光伏装机全球占比55.6%，欧洲新增光伏装机全球占比50.2%。"
    assert flagged(loud, "breakdown")
