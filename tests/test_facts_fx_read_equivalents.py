"""Stated equivalents read where the text states them (亿元人民币(折合…), 折 before the amount,
折合 after the amount's own rate of change, 억 달러·약 …원), a balance of two converted flows set
aside, an outlier not excused by an equivalent rounded so loosely that it agrees with every
rate, and an exact equivalent of several months allowed any day's rate of them (ko, zh, en;
sentences written for these tests). Q1 2021: 1 USD ≈ 6.48 CNY and 1115 KRW on average, March
2021 1131 KRW."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.fx import FxRates
from sectorlens.model import Finding, Severity


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


def fx_findings(text: str, fx: FxRates, lang: str = "en") -> list[Finding]:
    found = check(extract(from_text(text, fmt="txt")), lang="ko" if lang == "ko" else "en", fx=fx)
    return [f for f in found if f.rule.startswith("fx.")]


def alarms(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.severity in (Severity.ERROR, Severity.WARNING)]


def equivalents(text: str) -> list[tuple[str | None, str | None]]:
    out = []
    for fact in extract(from_text(text, fmt="txt")).facts:
        q = fact.quantity
        if q.equivalent is not None:
            out.append((q.currency, q.equivalent.currency))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "2021年一季度，对外投资1200.5亿元人民币(折合185.2亿美元)，同比增长3.1%。",
        "2021年一季度，对外投资1200.5亿元人民币(折185.2亿美元)，同比增长3.1%。",
    ],
)
def test_a_conversion_after_yuan_renminbi_is_read_as_the_equivalent(text: str) -> None:
    assert equivalents(text) == [("CNY", "USD")]


def test_a_discount_is_still_no_amount() -> None:
    assert equivalents("全场商品打8折，会员再享9折。") == []


# Four equivalents of one quarter; the third is converted at 5.6 CNY per USD.
QUARTER = (
    "2021年一季度，A类投资1200.5亿元人民币(折合185.2亿美元)，同比增长3.1%；"
    "B类投资650.3亿元人民币(折合100.3亿美元)。C类投资810.6亿元人民币(折合{c}亿美元)，"
    "D类投资324.2亿元人民币(折合50.0亿美元)。"
)


def test_a_yuan_renminbi_equivalent_off_the_others_is_found(fx: FxRates) -> None:
    assert alarms(fx_findings(QUARTER.format(c="125.1"), fx, "zh")) == []
    found = alarms(fx_findings(QUARTER.format(c="144.8"), fx, "zh"))
    assert found
    assert all("810.6" in f.facts[0].sentence for f in found)


def test_a_conversion_after_the_amounts_own_rate_is_its_equivalent(fx: FxRates) -> None:
    text = (
        "2021年1-3月，对外投资1200.5亿元人民币，同比增长3.1%；折合{a}亿美元，同比增长5.2%。"
        "对外承包工程完成营业额650.3亿元人民币，同比增长2.0%；折合100.3亿美元。"
    )
    assert alarms(fx_findings(text.format(a="185.2"), fx, "zh")) == []
    (split,) = [
        f for f in fx_findings(text.format(a="215.2"), fx, "zh") if f.rule == "fx.consistent"
    ]
    assert split.severity is Severity.WARNING


def test_a_korean_equivalent_after_a_middle_dot_is_read(fx: FxRates) -> None:
    text = (
        "A사의 순이익은 2021년 1분기 40억 달러(약 4조4600억 원)였다. "
        "B사는 25억 달러·약 {b}조 원으로 뒤를 이었다."
    )
    assert alarms(fx_findings(text.format(b="2.79"), fx, "ko")) == []
    found = alarms(fx_findings(text.format(b="3.25"), fx, "ko"))
    assert found and all(f.rule.startswith("fx.") for f in found)


@pytest.mark.parametrize("lang", ["zh", "en", "ko"])
def test_a_balance_of_two_converted_flows_is_not_checked(fx: FxRates, lang: str) -> None:
    text = {
        "zh": "2021年一季度，收入1200.5亿元人民币(折合185.2亿美元)，支出1650.3亿元人民币"
        "(折合254.6亿美元)，逆差449.8亿元人民币(折合75.0亿美元)。",
        "en": "In the first quarter of 2021, receipts were CNY 120.05 billion ($18.52 billion) and "
        "payments CNY 165.03 billion ($25.46 billion), a deficit of CNY 44.98 billion "
        "($7.50 billion).",
        "ko": "2021년 1분기 수입은 185억 달러(20조6275억 원), 지출은 254억 달러"
        "(28조3210억 원)였고 수지 적자는 69억 달러(8조5000억 원)였다.",
    }[lang]
    found = fx_findings(text, fx, lang)
    assert alarms(found) == []
    assert all("75.0" not in f.message and "7.5" not in f.message for f in found)


# One coarse equivalent (4조 달러) agrees with any rate; the others are at 1115 KRW but one.
COARSE = {
    "ko": "세계 기업 순이익은 4조 달러(약 4460조 원)였다. A사는 484억 달러(약 54조 원), "
    "B사는 366억 달러(약 {b}조 원), C사는 483억 달러(약 53조9000억 원)였다.",
    "zh": "全球企业净利润为4万亿美元（约合人民币26万亿元）。"
    "A公司为484亿美元（约合人民币3137亿元），B公司为366亿美元（约合人民币{b}亿元），C公司为483亿美元（约合人民币3130亿元）。",
    "en": "Companies earned $4 trillion (KRW 4,460 trillion). A earned $48.4 billion "
    "(KRW 54.0 trillion), B $36.6 billion (KRW {b} trillion) and C $48.3 billion "
    "(KRW 53.9 trillion).",
}
RIGHT = {"ko": "40.8", "zh": "2372", "en": "40.8"}
OFF = {"ko": "45.2", "zh": "2630", "en": "45.2"}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_an_outlier_is_not_excused_by_a_loosely_rounded_equivalent(fx: FxRates, lang: str) -> None:
    assert alarms(fx_findings(COARSE[lang].format(b=RIGHT[lang]), fx, lang)) == []
    (warned,) = alarms(fx_findings(COARSE[lang].format(b=OFF[lang]), fx, lang))
    assert warned.rule == "fx.consistent"
    assert "366" in warned.facts[0].sentence or "36.6" in warned.facts[0].sentence


# An exact equivalent of a quarter 4% off the quarter's mean (1160 against 1115 KRW per USD) may
# be at one day's rate of it; 10% off is not; a month's 4% is too far.
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_exact_equivalent_of_several_months_may_use_one_days_rate(
    fx: FxRates, lang: str
) -> None:
    text = {
        "ko": "2021년 1분기 매출은 10억3000만 달러(1조 {x}억 원)였다.",
        "en": "Revenue was $1.000 billion (KRW {x} billion) in the first quarter of 2021.",
    }[lang]
    one = {"ko": "1950", "en": "1160"}
    far = {"ko": "2680", "en": "1230"}
    assert alarms(fx_findings(text.format(x=one[lang]), fx, lang)) == []
    assert alarms(fx_findings(text.format(x=far[lang]), fx, lang))
    month = {
        "ko": "2021년 3월 매출은 10억3000만 달러(1조 {x}억 원)였다.",
        "en": "Revenue was $1.000 billion (KRW {x} billion) in March 2021.",
    }[lang]
    assert alarms(fx_findings(month.format(x={"ko": "2160", "en": "1180"}[lang]), fx, lang))
