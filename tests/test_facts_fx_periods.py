"""Currency equivalents compared only with equivalents converted at the same time, and with the
ECB rate of a date the writer could have used (ko, zh, en; sentences written for these tests)."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.dateline import reference_found
from sectorlens.facts.parts import document_parts
from sectorlens.fx import FxRates
from sectorlens.model import Finding, Severity


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


def fx_findings(text: str, fx: FxRates, lang: str = "en") -> list[Finding]:
    return [
        f
        for f in check(extract(from_text(text, fmt="md")), lang=lang, fx=fx)
        if f.rule.startswith("fx.")
    ]


def alarms(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.severity in (Severity.ERROR, Severity.WARNING)]


# Two years, each converted at its own year's rate (ECB means: 2015 ≈ 1133 KRW, 6.29 CNY per USD;
# 2022 ≈ 1293 KRW, 6.73 CNY per USD).
TWO_YEARS = {
    "ko": "2015년 매출은 10억 달러(1조 1300억 원)였다.\n\n"
    "이후 사업이 커졌다.\n\n2022년 매출은 20억 달러(2조 5860억 원)였다.",
    "zh": "2015年收入为10亿美元（约合人民币62.9亿元）。\n\n此后业务扩大。\n\n"
    "2022年收入为20亿美元（约合人民币134.7亿元）。",
    "en": "Revenue was $1 billion (KRW 1.133 trillion) in 2015.\n\nThe business grew.\n\n"
    "Revenue was $2 billion (KRW 2.586 trillion) in 2022.",
}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_equivalents_of_two_years_at_their_own_rates_are_no_finding(fx: FxRates, lang: str) -> None:
    found = fx_findings(TWO_YEARS[lang], fx)
    assert alarms(found) == []
    assert [f.severity for f in found if f.rule == "fx.ecb"] == [Severity.OK, Severity.OK]


# One period, two companies: 1200 and 1400 KRW per USD — one of them is off.
SAME_PERIOD = {
    # (as written in each language: 1조 2000억 is 1.2조 written out, as precise as KRW 1.2 trillion)
    "ko": "2020년 A사 매출은 12억5000만 달러(1조 5000억 원)였다.\n\n"
    "2020년 B사 매출은 5억2000만 달러(7280억 원)였다.",
    "zh": "2020年A公司收入为10亿美元（约合人民币69亿元）。\n\n"
    "2020年B公司收入为5亿美元（约合人民币45亿元）。",
    "en": "Company A's revenue was $1.25 billion (KRW 1.5 trillion) in 2020.\n\n"
    "Company B's revenue was $520 million (KRW 728 billion) in 2020.",
}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_two_equivalents_of_one_period_at_two_rates_warn(fx: FxRates, lang: str) -> None:
    found = fx_findings(SAME_PERIOD[lang], fx)
    (split,) = [f for f in found if f.rule == "fx.consistent"]
    assert split.severity is Severity.WARNING
    assert len(split.facts) == 2


# Written on 2020-12-22 (1 USD ≈ 1106 KRW, 6.54 CNY): a 2025 forecast converted at that day's rate.
FORECAST = {
    "ko": "입력 2020.12.22\n\n세계 AI 시장은 2025년 1840억 달러(약 204조 원)에 달할 전망이다.",
    "zh": "发布时间：2020-12-22\n\n预计2025年全球AI市场将达到1840亿美元（约合人民币1.2万亿元）。",
    "en": "Published: December 22, 2020\n\nThe market is expected to reach $184 billion "
    "(KRW 204 trillion) in 2025.",
}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_a_forecast_converted_at_the_writers_date_is_no_warning(fx: FxRates, lang: str) -> None:
    found = fx_findings(FORECAST[lang], fx)
    assert alarms(found) == []
    assert [f.severity for f in found] == [Severity.OK]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_period_past_the_ecb_data_without_a_date_is_info_with_the_reason(
    fx: FxRates, lang: str
) -> None:
    text = {
        "ko": "정부의 2030년 투자 목표는 5000억 달러(약 700조 원)이다.",
        "en": "The 2030 investment target is $500 billion (KRW 700 trillion).",
    }[lang]
    (f,) = fx_findings(text, fx, lang)
    assert f.severity is Severity.INFO
    assert ("마지막 ECB" if lang == "ko" else "past the last ECB rate") in f.message


# Four equivalents of one year; the third is planted at 1500 KRW per USD (the others ≈ 1180).
PLANTED = {
    "ko": "2020년 A사 매출은 10억 달러(1조 1800억 원)였다.\n\n"
    "2020년 B사 매출은 20억 달러(2조 3600억 원)였다.\n\n"
    "2020년 C사 매출은 30억 달러(4조 5000억 원)였다.\n\n"
    "2020년 D사 매출은 40억 달러(4조 7200억 원)였다.",
    "zh": "2020年A公司收入为10亿美元（约合人民币69亿元）。\n\n"
    "2020年B公司收入为20亿美元（约合人民币138亿元）。\n\n"
    "2020年C公司收入为30亿美元（约合人民币250亿元）。\n\n"
    "2020年D公司收入为40亿美元（约合人民币276亿元）。",
    "en": "Company A's revenue was $1.25 billion (KRW 1.475 trillion) in 2020.\n\n"
    "Company B's revenue was $2.5 billion (KRW 2.95 trillion) in 2020.\n\n"
    "Company C's revenue was $3.25 billion (KRW 4.875 trillion) in 2020.\n\n"
    "Company D's revenue was $4.5 billion (KRW 5.31 trillion) in 2020.",
}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_a_wrong_equivalent_among_several_of_one_period_is_found(fx: FxRates, lang: str) -> None:
    found = alarms(fx_findings(PLANTED[lang], fx))
    assert {f.rule for f in found} == {"fx.consistent", "fx.ecb"}
    assert all(
        (
            "4조 5000억" in f.facts[0].sentence
            or "4.875 trillion" in f.facts[0].sentence
            or "250亿" in f.facts[0].sentence
        )
        for f in found
    )


# --- a compilation: items dated by their own datelines ---------------------------------------

ITEMS = (
    "# Part 1\n\n입력 2016.08.16\n\n올해 시장은 52억 달러(약 5조 7000억 원)이다. "
    "2020년이면 1620억 달러(약 177조 원)에 달할 전망이다.\n\n"
    "# Part 2\n\n세계 시장은 2025년 1840억 달러(약 204조 원)에 달할 전망이다.\n\n"
    "# Part 3\n\n입력 2023.01.18\n\n반도체 매출은 전년보다 늘었다.\n"
)


def test_items_of_a_compilation_are_dated_by_their_own_dateline(fx: FxRates) -> None:
    extraction = extract(from_text(ITEMS, fmt="md"))
    parts = extraction.parts
    assert parts.compilation
    first = ITEMS.index("52억")
    assert extraction.reference_at(first).isoformat() == "2016-08-16"
    assert extraction.reference_at(ITEMS.index("1840억")) is None  # no date of its own
    found = fx_findings(ITEMS, fx, "ko")
    # 2020 and 2025 are forecasts: the first at its item's own date (1091 KRW/USD), the
    # second has no date of its own (the 2023 dateline of another item does not date it)
    assert alarms(found) == []
    assert [f.severity for f in found if "1,840억" in f.message] == [Severity.INFO]


def test_a_single_report_with_chapters_is_no_compilation() -> None:
    text = (
        "# Annual report 2022\n\nPublished: February 27, 2023\n\n"
        "# Business\n\nRevenue grew.\n\n# Risks\n\nOn March 1, 2023 the board met.\n\n"
        "# Financials\n\nAs of December 31, 2022 cash was $4 billion.\n"
    )
    doc = from_text(text, fmt="md")
    parts = document_parts(doc, reference_found(doc.text))
    assert len(parts.starts) == 4
    assert not parts.compilation


def test_a_restatement_across_two_items_of_a_compilation_is_info() -> None:
    text = (
        "# Part 1\n\n입력 2016.08.16\n\n"
        "관세청에 따르면 2015년 일평균수출액은 22억 8000만 달러였다.\n\n"
        "# Part 2\n\n입력 2023.01.18\n\n"
        "관세청에 따르면 2015년 일평균수출액은 17억 4000만 달러였다.\n\n"
        "# Part 3\n\n입력 2020.05.01\n\n수출이 늘었다.\n"
    )
    found = check(extract(from_text(text, fmt="md")), lang="ko")
    restated = [f for f in found if f.rule.startswith("restated")]
    assert restated
    assert all(f.severity is Severity.INFO for f in restated)
    # the same two sentences in one undated text do pair
    alone = text.replace("# Part 2\n\n입력 2023.01.18\n\n", "").replace("입력 2016.08.16\n\n", "")
    found = check(extract(from_text(alone, fmt="md")), lang="ko")
    assert any(f.severity is not Severity.INFO for f in found if f.rule.startswith("restated"))


# One rate for every year (≈ 1100 KRW per USD, the writer's day), and one equivalent off it.
ONE_RATE = {
    "ko": "2018년 시장은 6460억 달러(약 711조 원)였다. 2019년에는 7260억 달러(약 799조 원)로 "
    "늘었다.\n\n2020년 시장은 8150억 달러(약 {x}조 원)였다.",
    "en": "The market was $646 billion (KRW 711 trillion) in 2018 and $726 billion (KRW 799 "
    "trillion) in 2019.\n\nIt was $815 billion (KRW {x} trillion) in 2020.",
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_equivalent_off_the_one_rate_used_for_every_year_is_found(
    fx: FxRates, lang: str
) -> None:
    ok = fx_findings(ONE_RATE[lang].format(x="897"), fx, lang)
    assert [f for f in ok if f.rule == "fx.consistent" and f.severity is not Severity.OK] == []
    off = fx_findings(ONE_RATE[lang].format(x="1100"), fx, lang)
    (warned,) = [f for f in off if f.rule == "fx.consistent"]
    assert warned.severity is Severity.WARNING
    assert "8150억" in warned.facts[0].sentence or "$815 billion" in warned.facts[0].sentence


def test_a_figure_of_a_period_after_the_writers_date_not_forecast_is_info(fx: FxRates) -> None:
    text = "Published: March 3, 2015\n\nRevenue was $2 billion (KRW 2.9 trillion) in 2020."
    (f,) = fx_findings(text, fx)
    assert f.severity is Severity.INFO
    assert "does not predict" in f.message


def test_a_date_stated_deep_in_a_long_document_dates_only_its_own_part() -> None:
    filler = "Revenue grew in the period under review. " * 150
    chapters = [f"# Chapter {i}\n\n{filler}\n\n" for i in range(1, 9)]
    chapters[2] = "# Chapter 3\n\nPublished: March 3, 2015\n\nThe board met.\n\n"
    text = "".join(chapters)
    extraction = extract(from_text(text, fmt="md"))
    assert extraction.reference is not None
    assert extraction.reference_at(text.index("The board met")) == extraction.reference
    assert extraction.reference_at(text.index("# Chapter 2")) == extraction.reference  # near
    assert extraction.reference_at(len(text) - 5) is None  # far, in another part
