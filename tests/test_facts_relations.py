"""Relations before rules: each rule fires where the text establishes its relation, and only there.

Every rule has a firing case and a case that must not fire, in ko, zh and en; the not-firing cases
are the false alarms real documents produced (rates of regions summed, growth rates added up as
parts, two segments' changes called a restatement, shares of two years summed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def run(text: str, rule: str | None = None, fmt: str = "txt") -> list[Finding]:
    found = check(extract(from_text(text, fmt=fmt)), lang="en")
    return [f for f in found if rule is None or f.rule.startswith(rule)]


def bad(text: str, fmt: str = "txt") -> list[Finding]:
    return [f for f in run(text, fmt=fmt) if f.severity in BAD]


# --- derived figures: growth, change, CAGR -------------------------------------------------------

GROWTH = {
    "ko": "매출은 2019년 120억 원에서 2020년 150억 원으로 {x}% 증가했다.",
    "zh": "营收从2019年的120亿元增至2020年的150亿元，增长{x}%。",
    "en": "Revenue rose from USD 120 million in 2019 to USD 150 million in 2020, "
    "an increase of {x}%.",
}


@pytest.mark.parametrize("lang", GROWTH)
def test_a_growth_rate_is_recomputed_from_its_two_levels(lang: str) -> None:
    (ok,) = run(GROWTH[lang].format(x=25), "derived.growth")
    assert ok.severity is Severity.OK
    (f,) = run(GROWTH[lang].format(x=35), "derived.growth")
    assert f.severity is Severity.ERROR
    assert f.values == ("12000000000", "15000000000", "35", "25") or f.values[2:] == ("35", "25")
    assert len(f.facts) == 3 and f.why


CAGR = {
    "ko": "시장 규모는 2020년 100억 원에서 2025년 200억 원으로 연평균 {x}% 성장할 전망이다.",
    "zh": "中国市场规模将从2020年的100亿元增长到2025年的200亿元，年复合增长率为{x}%。",
    "en": "The market will grow from USD 10 billion in 2020 to USD 20 billion in 2025, "
    "a CAGR of {x}%.",
}


@pytest.mark.parametrize("lang", CAGR)
def test_a_stated_cagr_against_its_endpoints_and_span(lang: str) -> None:
    (ok,) = run(CAGR[lang].format(x="14.9"), "derived.cagr")
    assert ok.severity is Severity.OK
    (f,) = run(CAGR[lang].format(x="18.9"), "derived.cagr")
    assert f.severity is Severity.ERROR
    assert f.values[2] == "5" and f.values[-1] == "14.87"


TREND_LEVELS = {
    "ko": "수출은 2019년 50억 달러에서 2020년 40억 달러로 {w}했다.",
    "zh": "出口额由2019年的50亿美元{w}至2020年的40亿美元。",
    "en": "Exports {w} to USD 4.2 billion in 2020 from USD 5.1 billion in 2019.",
}
WORDS = {"ko": ("감소", "증가"), "zh": ("下降", "上升"), "en": ("fell", "rose")}


@pytest.mark.parametrize("lang", TREND_LEVELS)
def test_a_trend_word_against_the_two_levels_of_its_sentence(lang: str) -> None:
    right, wrong = WORDS[lang]
    assert run(TREND_LEVELS[lang].format(w=right), "trend.levels") == []
    (f,) = run(TREND_LEVELS[lang].format(w=wrong), "trend.levels")
    assert f.severity is Severity.ERROR


def test_a_yoy_rate_against_last_years_level_elsewhere_is_a_warning() -> None:
    text = (
        "2022 年：销量 687.26 万辆，同比 + 95.96%。\n\n2023 年：销量 944.81 万辆，同比 + {x}%。\n"
    )
    assert [f for f in run(text.format(x="37.48"), "derived") if f.severity in BAD] == []
    (f,) = [f for f in run(text.format(x="31.48"), "derived") if f.severity in BAD]
    assert f.severity is Severity.WARNING and f.values[-1] == "37.47"


# --- breakdowns: relations required --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # rates of three regions are not shares of one whole
        "고용률은 서울 62.1%, 부산 55.3%, 대구 57.8%로 나타났다.",
        # one share in two years, respectively
        "Sales outside the United States accounted for 56% and 69% of total revenue for "
        "fiscal years 2024 and 2023, respectively.",
        # growth rates after 其中 are no parts of the growth rate before it
        "汽车出口 55.12 万辆，同比 + 14.52%；其中乘用车出口 46.78 万辆，同比 + 17.68%，"
        "商用车出口 8.34 万辆，同比 - 0.47%。",
        # one share at two times
        "투입 석회석 비중을 90%에서 55%로 낮췄다.",
        # shares of this month and of the year to date
        "纯电动占比 63.81%；2025 年以来累计占比 63.86%。",
    ],
)
def test_no_breakdown_without_one_whole(text: str) -> None:
    assert [f for f in run(text, "breakdown") if f.severity in BAD] == []


PARTS = {
    "ko": "2020년 수출은 100억 달러였으며, 이 중 반도체 {x}억 달러, 휴대폰 30억 달러였다.",
    "zh": "2020年出口100亿美元，其中芯片{x}亿美元，手机30亿美元。",
    "en": "Exports were USD 100 million in 2020, of which chips USD {x} million and "
    "phones USD 30 million.",
}


@pytest.mark.parametrize("lang", PARTS)
def test_parts_of_a_stated_whole(lang: str) -> None:
    (ok,) = run(PARTS[lang].format(x=70), "breakdown.parts")
    assert ok.severity is Severity.OK
    (f,) = run(PARTS[lang].format(x=80), "breakdown.parts")
    assert f.severity is Severity.ERROR


# --- restatements: same metric, entity and period -----------------------------------------------


def test_two_companies_figures_are_not_a_restatement() -> None:
    text = (
        "## 1. 甲公司\n\n- 2024 年：营收 82.07 亿元，毛利率 8.81%。\n\n"
        "## 2. 乙公司\n\n- 2024 年：营收 17.54 亿元，毛利率 9.93%。\n"
    )
    assert bad(text, fmt="md") == []


def test_a_series_on_one_line_is_not_a_restatement() -> None:
    text = "Expected volatility was 51.28%, 51.77% and 57.87% in 2020.\n"
    assert bad(text) == []


def test_a_generic_remainder_of_two_wholes_is_not_restated() -> None:
    text = (
        "2020년 투자 금액 비중에 제시된 항목의 합은 75%이며, 나머지 25%는 나누어 제시되지 "
        "않았다.\n\n2020년 본문에 제시된 항목의 합은 77%이며, 나머지 23%는 나누어 제시되지 "
        "않았다.\n"
    )
    assert bad(text) == []


# --- comparisons ---------------------------------------------------------------------------------


def test_a_negated_bound_is_no_comparison() -> None:
    text = "2020年净利润同比增长83.76%，完成净利润增长率不低于80%的考核目标。"
    assert [f for f in run(text, "comparison") if f.severity in BAD] == []


# --- tables --------------------------------------------------------------------------------------

TABLE = """Revenue by segment (in millions)

| Segment | 2022 | 2023 | Change |
|---|---|---|---|
| Cloud | 1,000 | 1,200 | 20% |
| Devices | 500 | 450 | {change}% |
| Services | 100 | 110 | 10% |
| Total | 1,600 | {total} | 10% |
"""


def test_a_table_total_within_rounding_is_ok_and_otherwise_an_error() -> None:
    found = run(TABLE.format(total="1,760", change="-10"), "table", fmt="md")
    assert [f.severity for f in found if f.rule == "table.total"] == [Severity.OK, Severity.OK]
    assert [f for f in found if f.severity in BAD] == []
    found = run(TABLE.format(total="1,810", change="-10"), "table.total", fmt="md")
    (f,) = [f for f in found if f.severity in BAD]
    assert f.severity is Severity.ERROR and f.values[0] == "1810000000"


def test_a_table_change_column_is_recomputed() -> None:
    (f,) = run(TABLE.format(total="1,760", change="10"), "table.change", fmt="md")
    assert f.severity is Severity.ERROR and f.values[2:] == ("10", "-10")


# --- output: accept file, default language -------------------------------------------------------


def test_accepted_findings_are_dismissed(cli, tmp_path: Path) -> None:
    doc = tmp_path / "r.txt"
    doc.write_text(PARTS["en"].format(x=80) + "\n", encoding="utf-8")
    first = json.loads(cli("check", str(doc), "--json").stdout)
    (error,) = [f for f in first["findings"] if f["severity"] == "error"]
    accept = tmp_path / "reviewed.yaml"
    accept.write_text(f"- {error['id']}\n", encoding="utf-8")
    again = cli("check", str(doc), "--json", "--accept", str(accept))
    assert again.exit_code == 0
    data = json.loads(again.stdout)
    assert data["accepted"] == [error["id"]] and data["summary"]["error"] == 0
    by_rule = tmp_path / "reviewed.json"
    by_rule.write_text(json.dumps([{"rule": "breakdown.parts", "line": 1}]), encoding="utf-8")
    assert cli("check", str(doc), "--accept", str(by_rule)).exit_code == 0
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    result = cli("check", str(doc), "--accept", str(broken))
    assert result.exit_code != 0 and result.stderr.startswith("error: ")


def test_messages_default_to_the_documents_language(cli, tmp_path: Path) -> None:
    ko = tmp_path / "ko.txt"
    ko.write_text(PARTS["ko"].format(x=80) + "\n", encoding="utf-8")
    assert "전체" in cli("check", str(ko)).stdout
    zh = tmp_path / "zh.txt"
    zh.write_text(PARTS["zh"].format(x=80) + "\n", encoding="utf-8")
    assert "The parts of" in cli("check", str(zh)).stdout  # zh: messages in English


def test_html_highlights_the_paired_numbers(cli, tmp_path: Path) -> None:
    doc = tmp_path / "r.txt"
    doc.write_text(PARTS["en"].format(x=80) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    cli("check", str(doc), "--html", str(out))
    html = out.read_text(encoding="utf-8")
    assert "<mark>USD 80 million</mark>" in html and "<mark>USD 100 million</mark>" in html


PART_SHARES = {
    "ko": "2020년 수출은 100억 달러였으며, 이 중 반도체 60억 달러(비중 {x}%), 휴대폰 30억 달러"
    "(비중 30%)였다.",
    "zh": "5 月出口 190 万辆，其中三元电池出口 72 万辆（占比 {x}%），磷酸铁锂出口 117 万辆"
    "（占比 61.58%）。",
    "en": "Exports were USD 100 million in 2020, of which chips USD 60 million (a share of {x}%) "
    "and phones USD 30 million (a share of 30%).",
}
RIGHT = {"ko": "60", "zh": "37.89", "en": "60"}


@pytest.mark.parametrize("lang", PART_SHARES)
def test_a_parts_stated_share_of_its_whole_is_recomputed(lang: str) -> None:
    ok = run(PART_SHARES[lang].format(x=RIGHT[lang]), "breakdown.share")
    assert ok and all(f.severity is Severity.OK for f in ok)
    found = run(PART_SHARES[lang].format(x="45"), "breakdown.share")
    assert [f.severity for f in found].count(Severity.ERROR) == 1


def test_a_trend_word_against_the_compared_value_in_parentheses() -> None:
    text = "2025 年 1-5 月三元电池占比 18.51%，较 2024 年（25.31%）显著{w}。"
    assert run(text.format(w="下滑"), "trend.levels") == []
    (f,) = run(text.format(w="上升"), "trend.levels")
    assert f.severity is Severity.ERROR and f.values == ("25.31", "18.51")


def test_a_lone_numeral_before_yuan_inside_a_word_is_no_money() -> None:
    ex = extract(from_text("三元电池装机 10.50 万辆，售价五元。"))
    assert [m.fact.quantity.input for m in ex.mentions if m.fact.quantity.currency] == ["五元"]


BALANCE = {
    "ko": "2011년 5월 수출은 133.8억 달러였다.\n\n2011년 5월 수입은 69.4억 달러였다.\n\n"
    "2011년 5월 무역수지 흑자는 {x}억 달러였다.\n",
    "zh": "2011年5月出口133.8亿美元。\n\n2011年5月进口69.4亿美元。\n\n"
    "2011年5月贸易顺差达到了{x}亿美元。\n",
    "en": "Exports were USD 13.38 billion in May 2011.\n\nImports were USD 6.94 billion in "
    "May 2011.\n\nThe trade surplus was USD {x} billion in May 2011.\n",
}
GOOD_BALANCE = {"ko": "64.4", "zh": "64.4", "en": "6.44"}
BAD_BALANCE = {"ko": "68.4", "zh": "68.4", "en": "6.84"}


@pytest.mark.parametrize("lang", BALANCE)
def test_a_trade_balance_against_its_exports_and_imports(lang: str) -> None:
    (ok,) = run(BALANCE[lang].format(x=GOOD_BALANCE[lang]), "derived.balance")
    assert ok.severity is Severity.OK
    (f,) = run(BALANCE[lang].format(x=BAD_BALANCE[lang]), "derived.balance")
    assert f.severity is Severity.WARNING
    # far from any exports minus imports: no relation, nothing said
    assert run(BALANCE[lang].format(x="30"), "derived.balance") == []
