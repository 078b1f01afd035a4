"""Figures on two bases (연결/별도, 合并/母公司, GAAP/non-GAAP) are two figures, never a
restatement of one another; on one basis a changed figure is still found. ko, zh, en; text
written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pattern_proofs import FAIL, never_matches
from sectorlens.facts import basis, check, extract, from_text
from sectorlens.facts.basis import basis_of, names_a_basis, section_basis
from sectorlens.facts.readers import read_document
from sectorlens.model import Finding, Severity


def flagged(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def checked(text: str) -> list[Finding]:
    return flagged(check(extract(from_text(text)), lang="en"))


ON_BASES = "Gross margin was 34.2% on a GAAP basis and 38.4% on a non-GAAP basis."


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("GAAP gross margin was 34.2%; non-GAAP gross margin was 38.4%.", "34.2", None),
        ("GAAP gross margin was 34.2%; non-GAAP gross margin was 38.4%.", "38.4", "adjusted"),
        (ON_BASES, "34.2", None),
        (ON_BASES, "38.4", "adjusted"),
        ("별도 기준 매출액은 1조 1,000억 원, 영업이익은 900억 원이다.", "900", "separate"),
        ("연결 기준 영업이익은 1,200억 원이다.", "1,200", None),
        ("영업이익은 900억 원(별도 기준)이다.", "900", "separate"),
        ("归属于母公司股东的净利润4.6亿元。", "4.6", None),  # the consolidated headline metric
        ("母公司营业收入为6.2亿元。", "6.2", "separate"),
        ("扣非净利润为3.1亿元。", "3.1", "adjusted"),
        ("The seasonally adjusted unemployment rate was 3.5%.", "3.5", None),
        ("회사는 별도로 500억 원을 투자한다.", "500", None),  # 별도로: separately, no basis
    ],
)
def test_the_basis_a_figure_is_stated_on(sentence: str, number: str, expected: str | None) -> None:
    start = sentence.index(number)
    assert basis_of(sentence, start, start + len(number)) == expected


def test_a_heading_names_the_basis_of_its_tables() -> None:
    assert section_basis("三、母公司利润表") == "separate"
    assert section_basis("별도 재무제표") == "separate"
    assert section_basis("二、合并利润表") is None
    assert section_basis(None) is None


TWO_BASES = {
    "ko": "2022년 연결 기준 매출액은 1조 6,000억 원, 영업이익은 1,200억 원을 기록했다.\n\n"
    "2022년 {basis} 매출액은 1조 1,000억 원, 영업이익은 {x}억 원이다.\n",
    "zh": "2020年，公司合并报表营业收入为15.6亿元，净利润为4.6亿元。\n\n"
    "2020年，{basis}营业收入为6.2亿元，净利润为{x}亿元。\n",
    "en": "In fiscal 2023, GAAP operating income was $1.2 billion and revenue was $9.0 billion.\n\n"
    "In fiscal 2023, {basis} operating income was ${x} billion.\n",
}
SECONDARY = {"ko": "별도 기준", "zh": "母公司报表", "en": "non-GAAP"}
SAME = {"ko": "연결 기준", "zh": "合并报表", "en": "GAAP"}
VALUES = {"ko": ("900", "1,200", "1,100"), "zh": ("1.5", "4.6", "4.0"), "en": ("1.5", "1.2", "1.4")}


@pytest.mark.parametrize("lang", TWO_BASES)
def test_figures_on_two_bases_are_not_a_restatement(lang: str) -> None:
    other, _, _ = VALUES[lang]
    text = TWO_BASES[lang].format(basis=SECONDARY[lang], x=other)
    assert not [f for f in checked(text) if f.rule.startswith("restated")]


@pytest.mark.parametrize("lang", TWO_BASES)
def test_a_figure_restated_differently_on_one_basis_is_still_found(lang: str) -> None:
    _, same, changed = VALUES[lang]
    assert not checked(TWO_BASES[lang].format(basis=SAME[lang], x=same))
    got = [
        f
        for f in checked(TWO_BASES[lang].format(basis=SAME[lang], x=changed))
        if f.rule.startswith("restated")
    ]
    assert len(got) == 1


def test_a_parent_company_table_is_not_the_consolidated_one(tmp_path: Path) -> None:
    table = "| 项目 | 2020年度 | 2019年度 |\n|---|---|---|\n| 营业收入 | {a} | {b} |\n"
    text = (
        "# 2020年年度报告摘要\n\n2020年，公司实现营业收入15.6亿元。\n\n"
        f"## 二、合并利润表\n\n{table.format(a='1,560,000,000', b='1,090,000,000')}\n"
        f"## 三、母公司利润表\n\n{table.format(a='620,000,000', b='540,000,000')}\n"
        "2020年营业收入为7.2亿元。\n"
    )
    path = tmp_path / "annual.md"
    path.write_text(text, encoding="utf-8")
    findings = flagged(check(extract(read_document(path)), lang="en"))
    # 7.2亿 under the parent company's heading against its 620,000,000 is a real restatement;
    # against the consolidated table's 1,560,000,000, or 15.6亿 against 620,000,000, none is
    assert [f.rule for f in findings] == ["restated"]
    assert "7.2" in findings[0].message or "720" in findings[0].message


def test_every_basis_mark_names_one_of_its_words() -> None:
    """A sentence without any of ``MARK_WORDS`` is not searched for a basis: each form of a mark
    with ``(?!)`` in place of those words can never match."""
    words = "|".join(map(re.escape, sorted(basis.MARK_WORDS, key=len, reverse=True)))
    for forms in (basis._SEPARATE, basis._ADJUSTED, basis._HEADLINE):
        failing = re.sub(words, lambda _: FAIL, forms)
        assert failing != forms
        assert never_matches(failing, re.IGNORECASE), forms


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Adjusted EBITDA was $5.2 million.", True),
        ("NON-GAAP operating margin was 12%.", True),  # any case
        ("Like-for-like sales rose 3%.", True),
        ("별도기준 매출은 5조 원이다.", True),
        ("扣除非經常性損益後淨利潤為3億元。", True),
        ("Sales rose 3% in the quarter, adjusting for nothing.", False),
        ("매출은 5조 원이다.", False),
        ("净利润为3亿元。", False),
    ],
)
def test_a_sentence_that_names_no_basis_word_has_no_basis(sentence: str, named: bool) -> None:
    assert names_a_basis(sentence) is named
    if not named:
        start = next(i for i, ch in enumerate(sentence) if ch.isdigit())
        assert basis_of(sentence, start, start + 1) is None
