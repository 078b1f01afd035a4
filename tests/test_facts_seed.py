"""The seed report: its facts, and the findings identified by reading it (text in ../shared)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sectorlens.facts import Extraction, check, extract_file
from sectorlens.fx import FxRates
from sectorlens.model import Finding, Kind, Severity

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(seed_text_path: Path) -> Extraction:
    return extract_file(seed_text_path)


@pytest.fixture(scope="module")
def findings(seed: Extraction) -> list[Finding]:
    return check(seed, lang="en", fx=FxRates())


def _by(findings: list[Finding], rule: str, severity: Severity | None = None) -> list[Finding]:
    return [f for f in findings if f.rule == rule and (severity is None or f.severity is severity)]


def test_numbers_broken_across_lines_and_pages_are_read_whole(seed: Extraction) -> None:
    money = {f.line: f.quantity for f in seed.facts if f.quantity.kind is Kind.MONEY}
    # 861억1000만 위 / 안(16조원): the currency is split over two lines
    assert money[59].value == Decimal("86110000000")
    assert money[59].equivalent is not None and money[59].equivalent.value == Decimal("16e12")
    # 약 1858억 / 2000만 위안: the amount itself is split
    assert money[62].value == Decimal("185820000000")
    # 1,839억 9200만 위안 after a blank line (a page break inside the sentence), Jan–Jul 2021
    jan_jul = next(f for f in seed.facts if f.line == 29)
    assert jan_jul.quantity.value == Decimal("183992000000")
    assert jan_jul.period is not None and jan_jul.period.partial
    assert (jan_jul.period.start.month, jan_jul.period.end.month) == (1, 7)


def test_figure_3_labels_become_facts_of_the_figure(seed: Extraction) -> None:
    items = [f for f in seed.facts if f.figure and f.figure.startswith("그림 3")]
    assert len(items) == 9
    labelled = {f.subject: f.quantity.value for f in items}
    assert labelled["육안 검사장비"] == Decimal("18.52")
    assert labelled["음성 인식 및 자연 언어 처리"] == Decimal("4.8")
    assert all(f.period is not None and f.period.start.year == 2020 for f in items)


def test_subjects(seed: Extraction) -> None:
    subjects = {(f.line, f.quantity.value): f.subject for f in seed.facts}
    # 이 중 베이징이 32.53%: a share of the whole stated before 이 중
    assert subjects[(3, Decimal("32.53"))] == "베이징 · 전국 AI 투자 및 융자 건수"
    assert subjects[(37, Decimal("23"))] == "컴퓨터 시각 인식 투자 비중"
    # a share names the whole it is taken of (응용 분야's share of 중국 AI 시장 규모)
    assert subjects[(206, Decimal("51"))] == "응용 분야 · 중국 AI 시장 규모"


def test_figure_3_adds_up_to_118_52_percent(findings: list[Finding]) -> None:
    (f,) = _by(findings, "breakdown.sum", Severity.ERROR)
    assert f.values[-1] == "118.52"
    assert f.lines[0] == 241 and f.lines[-1] == 267
    assert "'기타' would be 4.48%" in f.message


def test_regional_parts_match_their_74_29_percent_total(findings: list[Finding]) -> None:
    (f,) = _by(findings, "breakdown.parts")
    assert f.severity is Severity.OK
    assert f.values == ("74.29", "32.53", "21.76", "20", "74.29")


def test_industry_chain_shares_of_2018_add_up(findings: list[Finding]) -> None:
    oks = [f for f in _by(findings, "breakdown.sum", Severity.OK) if f.values[-1] == "100"]
    assert [f.values for f in oks] == [("51", "29", "20", "100")]


def test_growing_amount_claim_for_2019_2020_is_contradicted(findings: list[Finding]) -> None:
    errors = _by(findings, "trend", Severity.ERROR)
    (f,) = errors
    assert f.values == ("148246000000", "146837000000", "-0.95")
    assert f.lines[0] == 22  # the claim's sentence
    # while the falling deal count of the same sentence is confirmed
    (ok,) = _by(findings, "trend", Severity.OK)
    assert ok.values[:2] == ("965", "723")


def test_jan_jul_2021_exceeds_2020_as_claimed(findings: list[Finding]) -> None:
    (f,) = _by(findings, "comparison")
    assert f.severity is Severity.OK
    assert f.values[:2] == ("183992000000", "146837000000")


def test_krw_equivalents_share_one_rate_well_above_the_ecb(findings: list[Finding]) -> None:
    (consistent,) = _by(findings, "fx.consistent")
    assert consistent.severity is Severity.OK
    lo, hi = (Decimal(v) for v in consistent.values)
    # (the overlap of every equivalent's range, each widened by a rate rounded to four digits)
    assert Decimal(183) < lo < hi < Decimal(187)
    ecb = _by(findings, "fx.ecb")
    assert len(ecb) == 6 and all(f.severity is Severity.WARNING for f in ecb)
    implied = sorted(Decimal(f.values[0]).quantize(Decimal("0.01")) for f in ecb)
    assert implied == [
        Decimal(x) for x in ("182.13", "182.97", "183.88", "184.77", "184.79", "185.81")
    ]
    for f in ecb:
        assert Decimal(f.values[1]) < Decimal(175)  # ECB CNY/KRW averages of 2014–2021


def test_average_deal_sizes(findings: list[Finding]) -> None:
    averages = {f.values[1]: Decimal(f.values[2]) for f in _by(findings, "derived.average_deal")}
    assert averages == {
        "4796": Decimal("160245829.86"),  # 2014–2020
        "965": Decimal("153622797.93"),  # 2018
        "723": Decimal("203094052.56"),  # 2020
        "506": Decimal("363620553.36"),  # Jan–Jul 2021
    }


def test_no_other_errors_or_warnings(findings: list[Finding]) -> None:
    flagged = {
        (f.rule, f.severity) for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)
    }
    assert flagged == {
        ("breakdown.sum", Severity.ERROR),
        ("trend", Severity.ERROR),
        ("fx.ecb", Severity.WARNING),
    }
