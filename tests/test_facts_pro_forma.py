"""Figures on a hypothetical basis (a pro forma table, 备考合并报表) restate nothing the
actual figures state: two values of one metric and period there are no contradiction."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity

CASES = {
    "en": (
        "Net revenue for 2022 was $23.6 billion, up 44% from 2021.",
        "{heading}",
        "The results of the Company and the acquired businesses {intro}.",
        "(In millions)",
        "|  | 2022 | 2021 |\n|---|---|---|\n| Net revenue | $24,117 | $20,150 |",
        ("Supplemental Unaudited Pro Forma Information", "Supplemental Information"),
        ("on an unaudited pro forma basis, as if the acquisitions had closed in 2021", "follow"),
    ),
    "zh": (
        "2022年公司营业收入为236亿元，同比增长44%。",
        "{heading}",
        "下表列示{intro}。",
        "单位：亿元",
        "| 项目 | 2022年 | 2021年 |\n|---|---|---|\n| 营业收入 | 241 | 202 |",
        ("备考合并利润表", "合并利润表"),
        ("假设收购于2021年初完成的备考数据", "本期及上期数据"),
    ),
}


def _alarms(lang: str, hypothetical: bool) -> list[str]:
    first, _, intro, scale, table, headings, intros = CASES[lang]
    k = 0 if hypothetical else 1
    text = f"{first}\n\n## {headings[k]}\n\n{intro.format(intro=intros[k])}\n\n{scale}\n\n{table}\n"
    findings = check(extract(from_text(text, "r.md", "md")))
    return [f.rule for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pro_forma_table_is_not_a_restatement_of_the_actual_figure(lang: str) -> None:
    assert "restated" not in _alarms(lang, hypothetical=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_same_table_of_actual_figures_is_one(lang: str) -> None:
    assert "restated" in _alarms(lang, hypothetical=False)
