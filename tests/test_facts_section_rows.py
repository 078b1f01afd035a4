"""Prose that names a table's row with the words of the heading the table sits under (a total
row ``합계`` under ``매출 현황`` is 매출; ``총 배출량`` under ``온실가스 배출량`` is
총 온실가스 배출량) is a restatement of that cell. ko and zh (an English row label keeps its own
words); text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sectorlens.facts import check, extract
from sectorlens.facts.readers import read_document
from sectorlens.model import Finding, Severity

DOCS = {
    "ko": "# 2022 보고서\n\n## {heading}\n\n(단위: 억 원)\n\n"
    "| 구분 | 2021 | 2022 |\n|---|---|---|\n"
    "| 국내 | 6,000 | 6,500 |\n| 해외 | 4,000 | 4,500 |\n| {total} | 10,000 | 11,000 |\n\n"
    "## 요약\n\n2022년 {said}은 {value} 원이었다.\n",
    "zh": "# 2022年报告\n\n## {heading}\n\n单位：亿元\n\n"
    "| 项目 | 2021年 | 2022年 |\n|---|---|---|\n"
    "| 国内 | 60 | 65 |\n| 海外 | 40 | 45 |\n| {total} | 100 | 110 |\n\n"
    "## 总结\n\n2022年{said}为{value}元。\n",
}
CASES = {
    # (heading, total row, metric said in prose, value as in the table, value changed)
    "ko": [
        ("매출 현황", "합계", "매출", "1조 1,000억", "1조 2,000억"),
        ("지역별 매출", "총 매출", "총 지역별 매출", "1조 1,000억", "1조 2,000억"),
    ],
    "zh": [
        ("营业收入情况", "合计", "营业收入", "110亿", "120亿"),
        ("地区收入", "收入总额", "地区收入总额", "110亿", "120亿"),
    ],
}


def findings(tmp_path: Path, text: str) -> list[Finding]:
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    got = check(extract(read_document(path)), lang="en")
    return [f for f in got if f.rule == "restated"]


@pytest.mark.parametrize(("lang", "case"), [(k, c) for k, v in CASES.items() for c in v])
def test_a_row_named_with_its_heading_words_is_restated(
    tmp_path: Path, lang: str, case: tuple[str, str, str, str, str]
) -> None:
    heading, total, said, same, changed = case
    doc = DOCS[lang]
    agree = findings(tmp_path, doc.format(heading=heading, total=total, said=said, value=same))
    assert [f.severity for f in agree] == [Severity.OK]
    off = findings(tmp_path, doc.format(heading=heading, total=total, said=said, value=changed))
    assert [f.severity for f in off] == [Severity.WARNING]


@pytest.mark.parametrize("lang", DOCS)
def test_a_row_under_another_heading_is_not_the_prose_metric(tmp_path: Path, lang: str) -> None:
    # the table is about costs; the prose states revenue of the same size: two figures
    heading, said, value = (
        ("비용 현황", "매출", "1조 2,000억") if lang == "ko" else ("成本情况", "营业收入", "120亿")
    )
    total = "합계" if lang == "ko" else "合计"
    text = DOCS[lang].format(heading=heading, total=total, said=said, value=value)
    assert not findings(tmp_path, text)


ESG = (
    "# 2022 지속가능경영보고서\n\n## 온실가스 배출량\n\n(단위: tCO2eq)\n\n"
    "| 구분 | 2021 | 2022 |\n|---|---|---|\n"
    "| 직접 배출(Scope 1) | 3,601,227 | 3,455,910 |\n| 간접 배출(Scope 2) | 198,302 | 190,114 |\n"
    "| 총 배출량 | 3,799,529 | {total} |\n| 배출 원단위 | 0.806 | 0.799 |\n\n"
    "## 요약\n\n2022년 총 온실가스 배출량은 364만 6,024 tCO2eq로 전년 대비 4.0% 감소했다.\n"
)


def test_a_unit_line_counter_makes_the_cells_counts_the_prose_restates(tmp_path: Path) -> None:
    path = tmp_path / "esg.md"
    path.write_text(ESG.format(total="3,646,024"), encoding="utf-8")
    cells = [m for m in extract(read_document(path)).mentions if m.cell is not None]
    units = {m.metric: m.fact.quantity.unit for m in cells}
    assert units["총 배출량"] == "tCO2eq"
    assert units["배출 원단위"] is None  # an intensity: the table's counter does not count it
    assert [f.severity for f in findings(tmp_path, ESG.format(total="3,646,024"))] == [Severity.OK]
    assert [f.severity for f in findings(tmp_path, ESG.format(total="3,746,024"))] == [
        Severity.WARNING
    ]
