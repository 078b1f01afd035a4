"""Every rule on short ko, zh and en texts: the firing case and the not-firing case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.rules.common import josa
from sectorlens.fx import FxRates
from sectorlens.model import Finding, Severity


@pytest.fixture(scope="module")
def fx() -> FxRates:
    return FxRates()


def run(
    text: str, fx: FxRates | None = None, rule: str | None = None, con: object = None
) -> list[Finding]:
    extraction = extract(from_text(text))
    findings = check(extraction, lang="en", fx=fx, con=con)
    return [f for f in findings if rule is None or f.rule.startswith(rule)]


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# --- breakdown: shares over 100% -------------------------------------------------------------

SHARES = {
    "ko": "2020년 매출 구성을 보면 반도체가 45%, 디스플레이가 35%, 기타가 {x}%를 차지했다.",
    "zh": "2020年收入构成中，芯片占45%，显示屏占35%，其他占{x}%。",
    "en": "By sector, software accounted for 45%, hardware 35% and services {x}% of revenue.",
}


@pytest.mark.parametrize("lang", SHARES)
def test_shares_over_100_percent_are_an_error(lang: str) -> None:
    f = only(run(SHARES[lang].format(x=30), rule="breakdown"))
    assert f.severity is Severity.ERROR
    assert f.values == ("45", "35", "30", "110")
    assert "110%" in f.message


@pytest.mark.parametrize("lang", SHARES)
def test_shares_that_add_up_are_ok(lang: str) -> None:
    f = only(run(SHARES[lang].format(x=20), rule="breakdown"))
    assert f.severity is Severity.OK
    assert f.values[-1] == "100"


def test_rounded_shares_summing_to_100_1_are_ok_not_an_error() -> None:
    text = "Beijing accounted for 33.4%, Shanghai 33.4% and Shenzhen 33.3% of deals."
    assert only(run(text, rule="breakdown")).severity is Severity.OK


def test_growth_rates_are_not_a_breakdown() -> None:
    assert run("매출은 전년 대비 70% 증가했고, 이익은 60% 증가했다.", rule="breakdown") == []
    assert run("Revenue grew 70% and profit grew 60% year-on-year.", rule="breakdown") == []


def test_a_figure_run_over_100_percent_names_its_caption_and_the_other_share() -> None:
    text = (
        "그림 2 2020년 분야별 기업 분포\n\n(단위: %)\n\n하드웨어\n40.0%\n\n소프트웨어\n45.5%\n\n"
        "기타\n30.0%\n\n"
        "본문은 여기에서 다시 시작되어 충분히 길게 이어지는 하나의 문장으로 끝난다.\n"
    )
    f = only(run(text, rule="breakdown"))
    assert f.severity is Severity.ERROR
    assert f.values[-1] == "115.5"
    assert "그림 2" in f.message and "'기타' would be 14.5%" in f.message
    assert f.lines == (6, 9, 12)


def test_a_figure_run_that_adds_up_is_ok() -> None:
    text = "Figure 1 Deals by city\n\nBeijing\n55%\n\nShanghai\n45%\n"
    assert only(run(text, rule="breakdown")).severity is Severity.OK


# --- breakdown: parts against their whole ----------------------------------------------------

PARTS = {
    "ko": "전체 투자의 60%가 세 지역에 집중되었으며, "
    "이 중 서울이 30%, 부산 20%, 대구가 {x}%를 차지했다.",
    "zh": "三地占全国融资的60%，其中北京30%、上海20%、广东{x}%。",
    "en": "Three cities took 60% of deals, of which Beijing 30%, Shanghai 20% and Shenzhen {x}%.",
}


@pytest.mark.parametrize("lang", PARTS)
def test_parts_larger_than_their_whole_are_an_error(lang: str) -> None:
    f = only(run(PARTS[lang].format(x=20), rule="breakdown"))
    assert (f.rule, f.severity) == ("breakdown.parts", Severity.ERROR)
    assert f.values == ("60", "30", "20", "20", "70")


@pytest.mark.parametrize("lang", PARTS)
def test_parts_matching_their_whole_are_ok(lang: str) -> None:
    f = only(run(PARTS[lang].format(x=10), rule="breakdown"))
    assert (f.rule, f.severity) == ("breakdown.parts", Severity.OK)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("A사가 30억 원, B사가 20억 원, 총 60억 원을 투자했다.", Severity.ERROR),
        ("A사가 30억 원, B사가 20억 원, 총 50억 원을 투자했다.", Severity.OK),
        ("A公司投资30亿元，B公司投资20亿元，合计60亿元。", Severity.ERROR),
        (
            "Fund A invested USD 30 million and Fund B USD 20 million, a total of USD 50 million.",
            Severity.OK,
        ),
    ],
)
def test_amounts_against_a_stated_total(text: str, severity: Severity) -> None:
    f = only(run(text, rule="breakdown"))
    assert (f.rule, f.severity) == ("breakdown.parts", severity)


# --- trend words -----------------------------------------------------------------------------

TREND = {
    "ko": "2018년 투자 금액은 100억 위안이었다. 2020년 투자 금액은 {x}억 위안이었다. "
    "2019~2020년 투자 금액은 지속적으로 증가했다.",
    "zh": "2018年融资金额为100亿元。2020年融资金额为{x}亿元。2019-2020年融资金额持续增长。",
    "en": "Funding was CNY 100 bn in 2018. Funding was CNY {x} bn in 2020. "
    "The funding amount increased steadily over 2019-2020.",
}


def _trend(lang: str, x: int) -> str:
    return TREND[lang].format(x=x)


@pytest.mark.parametrize("lang", TREND)
def test_a_rise_the_reports_own_values_contradict_is_an_error(lang: str) -> None:
    f = only(run(_trend(lang, 90), rule="trend"))
    assert f.severity is Severity.ERROR
    assert f.values[2] == "-10"
    assert "fell" in f.message


@pytest.mark.parametrize("lang", TREND)
def test_a_rise_the_values_confirm_is_ok(lang: str) -> None:
    f = only(run(_trend(lang, 120), rule="trend"))
    assert f.severity is Severity.OK


def test_a_fall_that_happened_is_ok_and_one_that_did_not_is_an_error() -> None:
    text = (
        "There were {a} deals in 2018 and {b} deals in 2020. "
        "The number of deals declined in 2018-2020."
    )
    assert only(run(text.format(a=965, b=723), rule="trend")).severity is Severity.OK
    assert only(run(text.format(a=723, b=965), rule="trend")).severity is Severity.ERROR


def test_a_baseline_outside_the_claimed_period_only_warns_without_continuity() -> None:
    text = (
        "2018년 매출 금액은 100억 원이었다. 2020년 매출 금액은 90억 원이었다. "
        "2019~2020년 매출 금액은 증가했다."
    )
    f = only(run(text, rule="trend"))
    assert f.severity is Severity.WARNING
    assert "2019" in f.message


def test_a_trend_without_values_for_its_period_says_nothing() -> None:
    text = (
        "2015~2017년에는 거래 건수와 거래 금액이 함께 꾸준히 성장했다. "
        "2017년 거래 건수는 812건이다."
    )
    assert run(text, rule="trend") == []


# --- comparisons -----------------------------------------------------------------------------

COMPARE = {
    "ko": "2021년 1~6월 투자 금액은 200억 위안으로 이미 2020년의 총 금액을 초과했다. "
    "2020년 투자 금액은 {x}억 위안이었다.",
    "zh": "2021年上半年融资金额为200亿元，已超过2020年全年。2020年融资金额为{x}亿元。",
    "en": "Funding of CNY 20 bn in H1 2021 already exceeded the 2020 total. "
    "Funding in 2020 was CNY {x10} bn.",
}


@pytest.mark.parametrize("lang", COMPARE)
def test_a_comparison_that_holds_is_ok(lang: str) -> None:
    f = only(run(COMPARE[lang].format(x=150, x10=15), rule="comparison"))
    assert f.severity is Severity.OK


@pytest.mark.parametrize("lang", COMPARE)
def test_a_comparison_that_fails_is_an_error(lang: str) -> None:
    f = only(run(COMPARE[lang].format(x=250, x10=25), rule="comparison"))
    assert f.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("올해 매출 50억 원은 작년 매출 40억 원을 넘어섰다.", Severity.OK),
        ("올해 매출 30억 원은 작년 매출 40억 원을 넘어섰다.", Severity.ERROR),
        ("Revenue of USD 5 million was more than the USD 3 million of 2019.", Severity.OK),
    ],
)
def test_comparisons_of_two_written_values(text: str, severity: Severity) -> None:
    assert only(run(text, rule="comparison")).severity is severity


def test_a_bound_is_not_a_comparison() -> None:
    assert run("핵심 산업 규모는 4000억 위안을 초과할 것이다.", rule="comparison") == []
    assert run("There were more than 1,200 deals in 2020.", rule="comparison") == []
    assert run("2021年融资金额超过1500亿元。", rule="comparison") == []


# --- stated equivalents and ECB rates ---------------------------------------------------------


def test_equivalents_at_one_rate_matching_the_ecb_are_ok(fx: FxRates) -> None:
    text = "2019년 투자액은 100억 위안(1.7조원)이었고, 2020년 투자액은 200억 위안(3.4조원)이었다."
    found = run(text, fx, rule="fx")
    assert [(f.rule, f.severity) for f in found] == [
        ("fx.consistent", Severity.OK),
        ("fx.ecb", Severity.OK),
        ("fx.ecb", Severity.OK),
    ]


def test_an_equivalent_at_another_rate_warns_twice(fx: FxRates) -> None:
    text = "2019년 투자액은 100억 위안(1.7조원)이었고, 2020년 투자액은 200억 위안(4.0조원)이었다."
    found = run(text, fx, rule="fx")
    consistent = [f for f in found if f.rule == "fx.consistent"]
    assert [f.severity for f in consistent] == [Severity.WARNING]
    assert consistent[0].lines == (1,)
    ecb = {f.values[0]: f for f in found if f.rule == "fx.ecb"}
    assert ecb["200"].severity is Severity.WARNING  # 4조 / 200억 = 200 KRW per CNY
    expected = fx.average_rate("CNY", "KRW", date(2020, 1, 1), date(2020, 12, 31)).rate
    assert Decimal(ecb["200"].values[1]) == expected.quantize(Decimal("0.000001"))


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("2020年融资额为100亿元（约14.5亿美元）。", Severity.OK),
        ("2020年融资额为100亿元（约20亿美元）。", Severity.WARNING),
        ("Funding reached CNY 100 bn (USD 14.5 bn) in 2020.", Severity.OK),
        ("Funding reached CNY 100 bn (USD 20 bn) in 2020.", Severity.WARNING),
    ],
)
def test_chinese_and_english_equivalents_against_the_ecb(
    fx: FxRates, text: str, severity: Severity
) -> None:
    assert only(run(text, fx, rule="fx.ecb")).severity is severity


def test_without_fx_rates_only_consistency_is_checked() -> None:
    text = "2019년 투자액은 100억 위안(1.7조원)이었다."
    assert run(text, None, rule="fx") == []


# --- derived: average deal size ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2020년 투자 금액은 100억 위안, 투자 건수는 50건이었다.",
        "2020年共发生50笔融资，融资金额为100亿元。",
        "In 2020, 50 deals raised CNY 10 bn.",
    ],
)
def test_average_deal_size_is_info(text: str) -> None:
    f = only(run(text, rule="derived"))
    assert f.severity is Severity.INFO
    assert Decimal(f.values[2]) == Decimal(f.values[0]) / Decimal(f.values[1])


@pytest.mark.parametrize(
    "text",
    [
        "2020년 시장 규모는 100억 위안이고 기업 수는 50개다.",
        "2020年市场规模为100亿元，企业数量为50家。",
        "In 2020 the market size was CNY 10 bn and 50 companies were active.",
    ],
)
def test_no_average_without_a_deal_count(text: str) -> None:
    assert run(text, rule="derived") == []


# --- wording ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("금액이(가) 늘었다", "금액이 늘었다"),
        ("건수이(가) 줄었다", "건수가 줄었다"),
        ("74.29%은(는) 맞다", "74.29%는 맞다"),
        ("2018년)에서 3,700만 위안(2020년)(으)로", "2018년)에서 3,700만 위안(2020년)으로"),
        ("1,468억 원(으)로", "1,468억 원으로"),
        ("2021년 1~7월)이(가)", "2021년 1~7월)이"),
        ("7(으)로 10과(와) 2과(와)", "7로 10과 2와"),
    ],
)
def test_korean_particles_follow_the_sound_before_them(text: str, expected: str) -> None:
    assert josa(text) == expected


def test_korean_messages(fx: FxRates) -> None:
    extraction = extract(from_text(SHARES["ko"].format(x=30)))
    (f,) = check(extraction, lang="ko", fx=fx)
    assert "110%로 100%를 넘습니다" in f.message


# --- restated figures ------------------------------------------------------------------------

RESTATED = {
    "ko": "2020년 매출 금액은 120억 원이었다.\n\n요약하면 2020년 매출 금액은 {x}억 원이다.\n",
    "zh": "2020年营收为120亿元。\n\n总结：2020年营收为{x}亿元。\n",
    "en": "Revenue was USD 120 million in 2020.\n\n"
    "In summary, revenue was USD {x} million in 2020.\n",
}


@pytest.mark.parametrize("lang", RESTATED)
def test_a_figure_restated_alike_is_ok_and_otherwise_an_error(lang: str) -> None:
    same = only(run(RESTATED[lang].format(x=120), rule="restated"))
    assert (same.severity, same.lines) == (Severity.OK, (1, 3))
    other = only(run(RESTATED[lang].format(x=130), rule="restated"))
    # the same metric words and the same year stated in each sentence: the identity is certain;
    # the zh summary's label (总结：) opens a section of its own, so there it is inferred
    assert other.severity is (Severity.WARNING if lang == "zh" else Severity.ERROR)
    assert other.values[1] in ("13000000000", "130000000")


def test_text_and_figure_shares_agree_within_rounding() -> None:
    text = (
        "기술 분포를 보면 센서 7.64%, 클라우드 12.5%의 순이었다.\n\n"
        "그림 1 2020년 기술 분포\n\n센서\n{x}%\n\n클라우드\n12.5%\n\n기타\n79.9%\n"
    )
    found = run(text.format(x="7.6"), rule="restated")
    assert [f.severity for f in found] == [Severity.OK, Severity.OK]
    found = run(text.format(x="8.6"), rule="restated")
    assert sorted(f.severity.value for f in found) == ["ok", "warning"]


def test_different_periods_or_subjects_are_not_restatements() -> None:
    text = "2019년 매출 금액은 100억 원이었다.\n\n2020년 매출 금액은 120억 원이었다.\n"
    assert run(text, rule="restated") == []
    text = "2020년 핵심 산업 규모는 100억 원이다.\n\n2020년 관련 산업 규모는 900억 원이다.\n"
    assert run(text, rule="restated") == []
