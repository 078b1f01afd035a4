"""Derived figures, trend words and stated equivalents: the relations found in the ways reports
write them (issue 16), in ko, zh and en, with sentences written for these tests.

Each case comes as the consistent sentence (no error or warning) and the same sentence with one
figure or word changed (the rule fires).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Kind, Severity
from sectorlens.parse import parse

BAD = (Severity.ERROR, Severity.WARNING)


def flagged(text: str, rule: str, fx: object = None) -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en", fx=fx)  # type: ignore[arg-type]
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


def fires(ok: str, bad: str, rule: str, fx: object = None) -> list[Finding]:
    """No finding of ``rule`` on ``ok``; at least one on ``bad`` (returned)."""
    assert flagged(ok, rule, fx) == [], ok
    found = flagged(bad, rule, fx)
    assert found, bad
    return found


# --- numbers: the rest below 천 written as digits (Korean news) ----------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1천840억 달러", Decimal("184000000000")),
        ("73조2천47억원", Decimal("73204700000000")),
        ("1천282조7천736억원", Decimal("1282773600000000")),
        ("3千500万", Decimal("35000000")),
        ("1조5천억원", Decimal("1500000000000")),
    ],
)
def test_digits_below_a_small_unit_are_the_rest_of_the_number(text: str, value: Decimal) -> None:
    assert parse(text).value == value


@pytest.mark.parametrize("text", ["3千50万", "2천5", "1천5.5억"])
def test_digits_after_a_small_unit_that_may_mean_two_numbers_stay_unparsed(text: str) -> None:
    assert parse(text).kind is Kind.UNPARSED


def test_a_compound_korean_amount_is_one_fact() -> None:
    ex = extract(from_text("상반기 매출은 1천282조7천736억원이었다.\n", fmt="txt"))
    assert [m.fact.quantity.value for m in ex.mentions] == [Decimal("1282773600000000")]


# --- a level with its earlier level marked in the sentence -----------------------------------

PRIOR = {
    "ko": (
        "일평균 수출액은 25억 달러로 전년(20억 달러)대비 25% 증가했다.",
        "일평균 수출액은 25억 달러로 전년(20억 달러)대비 35% 증가했다.",
    ),
    "zh": (
        "该集团一季度营业利润为5.2万亿韩元,同比减少60%(去年第一季度为13万亿韩元)。",
        "该集团一季度营业利润为5.2万亿韩元,同比减少50%(去年第一季度为13万亿韩元)。",
    ),
    "en": (
        "Net sales were $150 million, up 25% from the previous estimate of $120 million.",
        "Net sales were $150 million, up 35% from the previous estimate of $120 million.",
    ),
}


@pytest.mark.parametrize("lang", PRIOR)
def test_a_growth_rate_against_the_earlier_level_in_parentheses_or_after_from(lang: str) -> None:
    (f,) = fires(*PRIOR[lang], "derived.growth")
    assert f.severity is Severity.ERROR
    assert len(f.facts) == 3  # the two levels and the stated rate


THAN = {
    "ko": (
        "합산 매출액은 840조원으로, 전년 동기 800조원보다 40조원, 5% 늘었다.",
        "합산 매출액은 840조원으로, 전년 동기 800조원보다 40조원, 8% 늘었다.",
    ),
    "zh": (
        "一季度出货量为3.3亿部,与去年第一季度的3.0亿部相比增长了10%。",
        "一季度出货量为3.3亿部,与去年第一季度的3.0亿部相比增长了20%。",
    ),
    "en": (
        "Revenue was $330 million in 2019, compared with $300 million in 2018, an increase of 10%.",
        "Revenue was $330 million in 2019, compared with $300 million in 2018, an increase of 20%.",
    ),
}


@pytest.mark.parametrize("lang", THAN)
def test_a_growth_rate_against_the_level_it_is_compared_with(lang: str) -> None:
    fires(*THAN[lang], "derived.growth")


POINTS = {
    "ko": (
        "누적 영업이익률은 9.5%를 기록해 전년 동기 7.5%보다 2.0%포인트 올랐다.",
        "누적 영업이익률은 9.5%를 기록해 전년 동기 7.5%보다 3.0%포인트 올랐다.",
    ),
    "zh": (
        "营业利润率由去年的13.4%降至今年的7.7%,下降5.7个百分点。",
        "营业利润率由去年的13.4%降至今年的7.7%,下降4.7个百分点。",
    ),
    "en": (
        "The margin fell to 4.4% from 8.3% a year earlier, down 3.9 percentage points.",
        "The margin fell to 4.4% from 8.3% a year earlier, down 2.9 percentage points.",
    ),
}


@pytest.mark.parametrize("lang", POINTS)
def test_a_change_in_points_against_the_two_rates(lang: str) -> None:
    fires(*POINTS[lang], "derived.change")


# --- a level, its change as an amount and as a rate, the earlier level implicit -----------------

TRIPLES = {
    "ko": (
        "수출액은 330억 달러로 전년 동기 대비 20%(55억 달러) 증가했다.",
        "수출액은 330억 달러로 전년 동기 대비 20%(75억 달러) 증가했다.",
    ),
    "zh": (
        "全国夏粮总产量12000万吨,比上年减少300万吨,下降2.4%。",
        "全国夏粮总产量12000万吨,比上年减少300万吨,下降4.4%。",
    ),
    "en": (
        "Imports from the region fell by $80 billion (15 percent) to $453 billion.",
        "Imports from the region fell by $80 billion (19 percent) to $453 billion.",
    ),
}


@pytest.mark.parametrize("lang", TRIPLES)
def test_a_rate_against_its_change_amount_and_the_level_reached(lang: str) -> None:
    (f,) = fires(*TRIPLES[lang], "derived.growth")
    assert f.severity is Severity.ERROR
    assert {fact.quantity.kind for fact in f.facts} >= {Kind.PERCENT}


def test_a_contribution_in_points_is_not_the_change_between_the_rates() -> None:
    text = (
        "공업제품은 10월(2.0%)보다 상승폭이 줄었지만 11월 1.5% 올라 전체 물가를 0.47%포인트 올렸다."
    )
    assert flagged(text, "derived") == []


# --- across two sentences ------------------------------------------------------------------------

ACROSS = {
    "ko": (
        "3위 업체의 3분기 영업이익률은 40.9%였다. 전분기 37.8%보다 3.1%포인트 증가했다.",
        "3위 업체의 3분기 영업이익률은 40.9%였다. 전분기 37.8%보다 3.1%포인트 감소했다.",
    ),
    "zh": (
        "今年营收为12亿元,去年为10亿元。这一增长为20%。",
        "今年营收为12亿元,去年为10亿元。这一增长为30%。",
    ),
    "en": (
        "Segment sales were $250 million in 2003 compared to $100 million in 2002. This "
        "increase of 150% was due to acquisitions.",
        "Segment sales were $250 million in 2003 compared to $100 million in 2002. This "
        "increase of 110% was due to acquisitions.",
    ),
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_change_stated_in_the_next_sentence(lang: str) -> None:
    fires(*ACROSS[lang], "derived")


def test_a_figure_up_from_the_estimate_in_the_sentence_before() -> None:
    ok = (
        "The estimate was revised upward to 2.6%. "
        "The figure is up from the previous estimate of 2.5%."
    )
    bad = ok.replace("is up from", "is down from")
    fires(ok, bad, "trend.levels")


# --- rates compared as levels, and the size of a move -------------------------------------------

RATES = {
    "ko": (
        "석유류는 11월 6.5% 올랐다. 역시 10월(11.8%)보다 상승 폭이 축소됐다.",
        "석유류는 11월 6.5% 올랐다. 역시 10월(11.8%)보다 상승 폭이 확대됐다.",
    ),
    "en": (
        "In July, the unemployment rate was 9.1 percent, down from 9.2 percent in June.",
        "In July, the unemployment rate was 9.1 percent, up from 9.2 percent in June.",
    ),
    "zh": (
        "华为市场份额从去年同期的10.0%上升到11.8%,位居第三。",
        "华为市场份额从去年同期的10.0%下降到11.8%,位居第三。",
    ),
}


@pytest.mark.parametrize("lang", RATES)
def test_a_trend_word_against_two_rates(lang: str) -> None:
    fires(*RATES[lang], "trend.levels")


def test_increased_is_not_read_as_eased() -> None:
    text = (
        "Gross margin increased to 42.2% in the fourth quarter, compared to 41.1% a year earlier."
    )
    assert flagged(text, "trend") == []
    assert flagged(text.replace("increased", "eased"), "trend")


# --- one change stated twice in prose ----------------------------------------------------------

TWICE = {
    "ko": (
        "수출 1~20일 28.4% 증가\n\n이달 1~20일 수출액은 304억 달러로 1년 전보다 28.4% 올랐다.",
        "수출 1~20일 28.4% 증가\n\n이달 1~20일 수출액은 304억 달러로 1년 전보다 28.4% 내렸다.",
    ),
    "en": (
        "Oil prices rose 14.4% in March.\n\nOil prices jumped 14.4% and lifted the index.",
        "Oil prices rose 14.4% in March.\n\nOil prices fell 14.4% and lifted the index.",
    ),
}


@pytest.mark.parametrize("lang", TWICE)
def test_one_change_twice_with_opposite_directions(lang: str) -> None:
    (f,) = fires(*TWICE[lang], "restated.direction")
    assert f.severity is Severity.WARNING


def test_two_items_moving_by_a_round_size_are_not_one_change() -> None:
    text = "석유류는 전년 동월 대비 10.0% 올랐다.\n\n신선채소는 전월 대비 10.0% 하락했다."
    assert flagged(text, "restated.direction") == []


# --- CAGR: the level it grows to, its span's years in other sentences or bullets ----------------

CAGR = {
    "ko": (
        "국내 시장은 2019년 1조5천억원으로 커졌으며, 2025년까지 연평균 38.4% 성장해 "
        "10조5천억원의 시장을 형성할 전망이다.",
        "국내 시장은 2019년 1조5천억원으로 커졌으며, 2025년까지 연평균 28.4% 성장해 "
        "10조5천억원의 시장을 형성할 전망이다.",
    ),
    "zh": (
        "截至2014年底,行业收入为3,500亿元。\n\n预计到2020年行业收入达到8,020亿元,"
        "2014~2020年期间年均复合增速为15%。",
        "截至2014年底,行业收入为3,500亿元。\n\n预计到2020年行业收入达到8,020亿元,"
        "2014~2020年期间年均复合增速为25%。",
    ),
    "en": (
        "The market will grow at a CAGR of 30% from 2017 to 2025.\n\n"
        "• The 2017 market size was $500 million.\n• In 2025, the market will be worth "
        "$4.08 billion.",
        "The market will grow at a CAGR of 30% from 2017 to 2025.\n\n"
        "• The 2017 market size was $500 million.\n• In 2025, the market will be worth "
        "$6.5 billion.",
    ),
}


@pytest.mark.parametrize("lang", CAGR)
def test_a_cagr_against_endpoints_written_apart(lang: str) -> None:
    (f,) = fires(*CAGR[lang], "derived.cagr")
    assert len(f.facts) == 3


# --- stated equivalents -------------------------------------------------------------------------


def test_an_equivalent_after_yuegou_renminbi_is_read() -> None:
    ex = extract(from_text("营业利润为14.9万亿韩元(约合人民币863.52亿元)。\n", fmt="txt"))
    (m,) = ex.mentions
    eq = m.fact.quantity.equivalent
    assert eq is not None and (eq.currency, eq.value) == ("CNY", Decimal("86352000000"))


def test_two_equivalents_that_disagree_are_one_warning_naming_both() -> None:
    ok = "올해 시장은 52억달러(약 5조7천억원)지만, 2020년이면 1천620억달러(약 177조원)에 달한다."
    bad = ok.replace("약 177조원", "약 17조7천억원")
    (f,) = fires(ok, bad, "fx.consistent")
    assert len(f.facts) == 2


def test_approximate_equivalents_round_loosely() -> None:
    text = (
        "시장 규모는 7260억 달러(약 818조 원)로, 전년 6460억 달러(약 718조 원)보다 커졌다. "
        "2022년 1조 달러(약 1126조 원)를 돌파할 전망이다."
    )
    assert flagged(text, "fx.consistent") == []
    assert flagged(text.replace("약 718조 원", "약 618조 원"), "fx.consistent")


# --- reading: a word then an amount on the next line, a Korean sentence end at a line break -----


def test_a_wrapped_amount_keeps_its_space_and_a_korean_line_end_ends_the_sentence() -> None:
    ex = extract(
        from_text("Net sales were $250 million compared to\n$100 million in 2002.\n", "txt")
    )
    assert [m.fact.quantity.value for m in ex.mentions] == [
        Decimal("250000000"),
        Decimal("100000000"),
    ]
    ex = extract(from_text("전망이 나왔다.\n10일 보고서에 따르면 매출은 5억원이다.\n", "txt"))
    assert len(ex.layout.sentences) == 2


def test_rates_compared_from_one_to_another_take_the_verb_before_from() -> None:
    ok = (
        "Core inflation fell from a monthly increase of 0.3 percent in June to 0.2 percent in July."
    )
    fires(ok, ok.replace("fell from", "rose from"), "trend.levels")


# --- a table's change column, a share column between the two years ------------------------------

TABLE = (
    "| 2024 Rank | Vendor | 2024 Revenue | 2024 Share (%) | 2023 Revenue | 2024-2023 Growth (%) |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Alpha | 7,669 | 11.7 | 3,484 | 120.1 |\n"
    "| 2 | Beta | 6,569 | 10.0 | 4,086 | {g} |\n"
)


def _md(text: str, rule: str) -> list[Finding]:
    found = check(extract(from_text(text, fmt="md")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


def test_a_change_column_against_its_years_with_a_share_column_between() -> None:
    assert _md(TABLE.format(g="60.8"), "table.change") == []
    (f,) = _md(TABLE.format(g="66.8"), "table.change")
    assert f.severity is Severity.ERROR


def test_a_change_in_the_text_against_the_same_change_in_a_row_named_by_one_word() -> None:
    table = TABLE.format(g="60.8")
    assert _md("Beta's revenue grew 60.8% in 2024.\n\n" + table, "restated.direction") == []
    assert _md("Beta's revenue fell 60.8% in 2024.\n\n" + table, "restated.direction")


def test_an_amount_then_the_same_in_another_currency_is_an_equivalent() -> None:
    ok = (
        "Revenue was KRW9.8 billion (South Korean Won), or around $9 million. Of that, "
        "KRW6.1 billion ($5.6 million) came from phones. Net profit was KRW3.8 billion KRW "
        "($3.5 million)."
    )
    fires(ok, ok.replace("($5.6 million)", "($6.5 million)"), "fx.consistent")


EARLIER_YEAR = {
    "en": (
        "The $10.5 billion exported is a 19% increase from 2017, when the city exported "
        "$8.8 billion.",
        "The $10.5 billion exported is a 29% increase from 2017, when the city exported "
        "$8.8 billion.",
    ),
    "zh": (
        "今年一季度出货量为2800万部,较去年同期增长75%,去年同期为1600万部。",
        "今年一季度出货量为2800万部,较去年同期增长95%,去年同期为1600万部。",
    ),
}


@pytest.mark.parametrize("lang", EARLIER_YEAR)
def test_the_earlier_level_named_by_its_year(lang: str) -> None:
    fires(*EARLIER_YEAR[lang], "derived.growth")
