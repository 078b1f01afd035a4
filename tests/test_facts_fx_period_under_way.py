"""A stated equivalent of a period under way on the writer's date (올해, 今年, this year) is
checked against the ECB rates of the period as far as it has run, or of that date; a period that
starts after the writer's date is still not dated by it (ko, zh, en; sentences written for these
tests). Written on 2023-11-20: 1 USD ≈ 1307 KRW and 7.08 CNY on average since January, 1293 KRW
and 7.17 CNY that day."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.fx import FxRates
from sectorlens.model import Finding, Severity


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


def ecb(text: str, fx: FxRates, lang: str) -> list[Finding]:
    found = check(extract(from_text(text, fmt="txt")), lang="ko" if lang == "ko" else "en", fx=fx)
    return [f for f in found if f.rule == "fx.ecb"]


# The lead dates the paragraph after it (this year); the equivalent there was converted this year.
UNDER_WAY = {
    "ko": "입력 2023.11.20\n\n올해 국내 AI 스타트업 투자액은 50억 달러로 집계됐다.\n\n"
    "A사는 10억 달러(약 {x}조 원)를 유치했다.",
    "zh": "发布时间：2023-11-20\n\n今年A公司融资10亿美元（约合人民币{x}亿元）。",
    "en": "Published: November 20, 2023\n\nThis year Company A raised $2.35 billion "
    "(KRW {x} trillion).",
}
RIGHT = {"ko": "1.3", "zh": "71", "en": "3.07"}
OFF = {"ko": "1.5", "zh": "82", "en": "3.6"}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_an_equivalent_of_this_year_off_the_rate_so_far_warns(fx: FxRates, lang: str) -> None:
    (f,) = ecb(UNDER_WAY[lang].format(x=OFF[lang]), fx, lang)
    assert f.severity is Severity.WARNING
    assert f.facts[0].period is not None and f.facts[0].period.start.isoformat() == "2023-01-01"


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_an_equivalent_of_this_year_at_the_rate_so_far_is_ok(fx: FxRates, lang: str) -> None:
    (f,) = ecb(UNDER_WAY[lang].format(x=RIGHT[lang]), fx, lang)
    assert f.severity is Severity.OK


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_period_after_the_writers_date_is_still_not_dated_by_it(fx: FxRates, lang: str) -> None:
    text = {
        "ko": "입력 2023.11.20\n\n2024년 A사 매출은 10억 달러(약 1조5000억 원)였다.",
        "en": "Published: November 20, 2023\n\nCompany A's revenue was $1 billion "
        "(KRW 1.5 trillion) in 2024.",
    }[lang]
    (f,) = ecb(text, fx, lang)
    assert f.severity is Severity.INFO
