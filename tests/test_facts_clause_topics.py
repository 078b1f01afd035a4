"""A change word after a number belongs to that number: the next clause, with a topic of its
own, states a level (``13.8% 증가하였고, 영업이익은 122억원으로 54.5% 늘었다``)."""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.change_words import change_of
from sectorlens.model import Severity

KO = "2021년 매출액은 3,970억원으로 전년 대비 13.8% 증가하였고, 영업이익은 122억원으로 {r}% 늘었다."
TABLE = (
    "\n\n| 구분 | 2020년 | 2021년 |\n|---|---|---|\n"
    "| 매출액 | 3,490 | 3,970 |\n| 영업이익 | 79 | 122 |\n"
)


def _doc(rate: str) -> str:
    return "(단위: 억원)\n" + TABLE + "\n" + KO.format(r=rate) + "\n"


def _facts(text: str) -> dict[str, list[str | None]]:
    out: dict[str, list[str | None]] = {}
    for f in extract(from_text(text, "r.md")).facts:
        out.setdefault(f"{f.quantity.value}", []).append(f.subject)
    return out


def test_the_level_after_a_korean_clause_with_its_own_topic_is_a_level() -> None:
    text = KO.format(r="54.5")
    start = text.index("122억원")
    floor = text.index("13.8%") + len("13.8%")
    assert change_of(text, start, start + len("122억원"), floor) is None
    facts = _facts(text + "\n")
    assert facts["54.5"] == ["영업이익"]
    assert facts["13.8"] == ["매출액"]


def test_each_clauses_rate_is_checked_against_its_own_levels() -> None:
    ok = [
        f
        for f in check(extract(from_text(_doc("54.5"), "r.md", "md")))
        if f.rule == "derived.growth"
    ]
    assert {f.severity for f in ok} == {Severity.OK}
    assert any("영업이익" in f.message for f in ok)
    wrong = check(extract(from_text(_doc("64.5"), "r.md", "md")))
    alarms = [f for f in wrong if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert [f.rule for f in alarms] == ["derived.growth"]
    assert "영업이익" in alarms[0].message and "64.5" in alarms[0].message


def test_an_amount_after_an_english_or_chinese_change_stays_a_change() -> None:
    en = "Net sales rose by a 10% increase, or $63 million, to $987 million in 2022."
    start = en.index("$63")
    floor = en.index("10%") + 3
    assert change_of(en, start, start + len("$63 million"), floor) == "change"
    zh = "营业收入增长10%，增加6.3亿元，达到98.7亿元。"
    start = zh.index("6.3亿元")
    floor = zh.index("10%") + 3
    assert change_of(zh, start, start + len("6.3亿元"), floor) == "change"
