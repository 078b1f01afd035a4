"""Relations before rules (2): levels pair only within their own clause and kind of amount; a
comparison's period, a change word or a report's date do not make two figures one; found as
false alarms on new real documents.

Each case has a sentence that must fire and one that must not, in ko, zh and en (sentences written
for these tests).
"""

from __future__ import annotations

import pytest

from check_findings import BAD
from check_findings import flagged as run
from sectorlens.facts import check, extract, from_text
from sectorlens.facts.rules.levels import per_unit
from sectorlens.facts.rules.restated import _change_only
from sectorlens.model import Severity

# --- two pairs in one sentence: 'from A' takes its 'to B' from its own clause -------------------

TWO_PAIRS = {
    "en": "Revenue in the Americas {w} to $40.3 billion from $37.3 billion, in Europe to "
    "$24.5 billion from $24.1 billion.",
    "ko": "미주 매출은 373억 달러에서 {w}고, 유럽 매출은 245억 달러로 늘었다.",
    "zh": "美洲营收从373亿美元{w}，欧洲营收增至245亿美元。",
}


TWO_WORDS = {
    "en": ("rose", "fell"),
    "ko": ("늘었", "줄었"),
    "zh": ("增长至403亿美元", "下降至403亿美元"),
}


@pytest.mark.parametrize("lang", TWO_PAIRS)
def test_the_from_level_pairs_with_the_level_of_its_own_clause(lang: str) -> None:
    right, wrong = TWO_WORDS[lang]
    assert run(TWO_PAIRS[lang].format(w=right), "trend.levels") == []
    if lang == "ko":
        return  # the first clause names no later level: nothing to contradict
    (f,) = run(TWO_PAIRS[lang].format(w=wrong), "trend.levels")
    assert f.severity is Severity.ERROR


# --- per-share amounts are not levels of the total ------------------------------------------------

PER_SHARE = (
    "Net income was $1.71 billion, or $5.36 per share, {w} from $1.47 billion, or $4.63 per "
    "share, a year earlier."
)


def test_an_amount_per_share_does_not_pair_with_the_total() -> None:
    assert run(PER_SHARE.format(w="up"), "trend.levels") == []
    (f,) = run(PER_SHARE.format(w="down"), "trend.levels")
    assert f.severity is Severity.ERROR
    assert f.values == ("1470000000", "1710000000")


def test_a_sentence_end_stops_a_to_level() -> None:
    text = (
        "Revenue grew to $95.4 billion, up from $90.8 billion the previous year.\n"
        "Analysts had expected earnings to average $1.62 per share.\n"
    )
    assert run(text, "trend.levels") == []


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("Net income was $24.8 billion, or $1.65 per share.", "$1.65", True),
        ("Net income was $24.8 billion, or $1.65 per diluted share.", "$1.65", True),
        ("The dividend rose to $0.26 a share.", "$0.26", True),
        ("Net income was $24.8 billion, or $1.65 per share.", "$24.8 billion", False),
        ("基本每股收益0.25元，净利润4.41亿元。", "0.25元", True),
        ("基本每股收益0.25元，净利润4.41亿元。", "4.41亿元", False),
        ("주당 배당금은 1,000원, 순이익은 3조 원이다.", "1,000원", True),
        ("주당 배당금은 1,000원, 순이익은 3조 원이다.", "3조 원", False),
    ],
)
def test_per_unit_amounts_are_told_from_totals(sentence: str, number: str, expected: bool) -> None:
    ex = extract(from_text(sentence + "\n", fmt="txt"))
    text = ex.layout.sentences[0].text
    (m,) = [m for m in ex.mentions if text[m.local[0] : m.local[1]].startswith(number[:4])]
    assert per_unit(text, m) is expected


# --- currency equivalents: a report's own date is a conversion date too -------------------------

DATED = {
    "zh": "2021年3月2日发布。2011年欧洲风投总额为12亿欧元，约合14.6亿美元。",
    "ko": "2021년 3월 2일 발표. 2011년 유럽 벤처투자는 12억 유로, 우리 돈 약 14.6억 달러였다.",
    "en": "Published March 2, 2021. In 2011 European venture funding was EUR 1.2 billion, "
    "or about USD 1.46 billion.",
}


def ecb(text: str, fx: object) -> list[Severity]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en", fx=fx)  # type: ignore[arg-type]
    return sorted((f.severity for f in found if f.rule == "fx.ecb"), key=lambda s: s.value)


@pytest.mark.parametrize("lang", DATED)
def test_an_equivalent_at_the_rate_of_the_reports_own_date_is_no_warning(
    lang: str, fx: object
) -> None:
    assert not set(ecb(DATED[lang], fx)) & set(BAD)
    undated = DATED[lang].split("。", 1)[-1].split(". ", 1)[-1]
    assert ecb(undated, fx) == [Severity.WARNING]


# --- restatements: one figure's own period and a name, not a comparison's period or a verb ------

VERSUS = {
    "en": "Off-price sales rose 4.3% versus 2015 in the fourth quarter.\n\n"
    "Off-price sales rose 4.5% versus 2015 for the full year.",
    "ko": "4분기 아울렛 부문 판매는 2015년 대비 4.3% 늘었다.\n\n"
    "연간 아울렛 부문 판매는 2015년 대비 4.5% 늘었다.",
    "zh": "四季度奥特莱斯部门销售较2015年增长4.3%。\n\n全年奥特莱斯部门销售较2015年增长4.5%。",
}


SAME_YEAR = {
    "en": "Off-price sales rose 4.3% in 2016.\n\nOff-price sales rose 4.5% in 2016.",
    "ko": "2016년 아울렛 부문 판매 증가율은 4.3%였다.\n\n"
    "2016년 아울렛 부문 판매 증가율은 4.5%였다.",
    "zh": "2016年奥特莱斯部门销售增长4.3%。\n\n2016年奥特莱斯部门销售增长4.5%。",
}


@pytest.mark.parametrize("lang", VERSUS)
def test_a_comparisons_period_does_not_make_two_figures_one(lang: str) -> None:
    assert run(VERSUS[lang] + "\n", "restated") == []
    (f,) = run(SAME_YEAR[lang] + "\n", "restated")
    assert f.severity is Severity.ERROR  # the same metric words, each sentence states 2016


def test_a_change_word_is_no_metric_to_restate() -> None:
    text = (
        "2018年3月份，限額以上單位消費品零售額11832億元，增長9.0%。\n\n"
        "2018年3月份，餐飲收入3099億元，增長10.6%。\n"
    )
    assert run(text, "restated") == []


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("增長", True),
        ("同比增长", True),
        ("증가", True),
        ("grew by", True),
        ("营收增长", False),
        ("매출", False),
        ("Net sales", False),
    ],
)
def test_change_only_metrics(metric: str, expected: bool) -> None:
    assert _change_only(metric) is expected


# --- a signed growth rate written after the growth word is no contradiction ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "2020年一季度，营业收入82.07亿元，同比增长-31.25%。",
        "1-2月份，全国固定资产投资同比增长-24.5%，社会消费品零售总额增长-20.5%。",
        "前三季度，出口增速为-3.2%。",
        "매출 증가율은 -5.2%로 전분기 +3.1%에서 하락했다.",
        "Sales growth was -5.2% in the quarter, after growth of +3.1% in the prior quarter.",
    ],
)
def test_a_negative_growth_rate_is_not_a_flipped_sign(text: str) -> None:
    assert run(text, "trend.sign") == []


@pytest.mark.parametrize(
    "text",
    [
        "出口同比下降+5.2%。",
        "수출은 전년 대비 -5.2% 증가했다.",
        "Revenue rose -5.2% in the quarter.",
    ],
)
def test_a_sign_against_the_word_beside_it_still_warns(text: str) -> None:
    (f,) = run(text, "trend.sign")
    assert f.severity is Severity.WARNING


# --- a CAGR belongs to the levels of its own clause; a rate per year is no simple change --------

OTHER_CAGR = {
    "en": "The segment's revenue rose from $2.0 billion in 2015 to $3.0 billion in 2020, "
    "while the overall market grew at a CAGR of {x}% over the same period.",
    "ko": "사업부 매출은 2015년 20억 달러에서 2020년 30억 달러로 늘었고, 같은 기간 전체 시장은 "
    "연평균 {x}% 성장했다.",
    "zh": "该业务营收由2015年的20亿美元增至2020年的30亿美元，同期整体市场年均增长{x}%。",
}


OWN_CAGR = {
    "en": "The segment's revenue rose from $2.0 billion in 2015 to $3.0 billion in 2020, "
    "a CAGR of {x}%.",
    "ko": "사업부 매출은 2015년 20억 달러에서 2020년 30억 달러로 늘어, 연평균 {x}% 성장했다.",
    "zh": "该业务营收由2015年的20亿美元增至2020年的30亿美元，年均增长{x}%。",
}


@pytest.mark.parametrize("lang", OTHER_CAGR)
def test_a_cagr_of_another_subject_is_not_checked_against_these_levels(lang: str) -> None:
    assert run(OTHER_CAGR[lang].format(x=5), "derived") == []
    assert run(OWN_CAGR[lang].format(x="8.4"), "derived") == []
    (f,) = run(OWN_CAGR[lang].format(x=5), "derived")
    assert f.rule == "derived.cagr" and f.severity is Severity.ERROR


PER_YEAR = {
    "en": "Revenue grew from $100 million in 2020 to $150 million in 2022, {w} of 22.5%.",
    "ko": "매출은 2020년 100억 원에서 2022년 150억 원으로 늘어 {w} 22.5% 증가했다.",
    "zh": "营收由2020年的100亿元增至2022年的150亿元，{w}22.5%。",
}


PER_YEAR_WORDS = {
    "en": ("an average annual growth rate", "an increase"),
    "ko": ("연평균", "전체적으로"),
    "zh": ("年均增长", "增长"),
}


@pytest.mark.parametrize("lang", PER_YEAR)
def test_a_rate_per_year_is_not_read_as_the_whole_change(lang: str) -> None:
    per_year, whole = PER_YEAR_WORDS[lang]
    assert run(PER_YEAR[lang].format(w=per_year), "derived.growth") == []
    (f,) = run(PER_YEAR[lang].format(w=whole), "derived.growth")
    assert f.severity is Severity.ERROR


@pytest.mark.parametrize(
    "text",
    [
        "每股净资产由2000年的10元增长到2020年的50元，年复合增长率约为{x}%。",
        "주당순자산은 2000년 10,000원에서 2020년 50,000원으로 늘어, 연평균 약 {x}% 성장했다.",
        "Book value per share grew from $10 in 2000 to $50 in 2020, a rate of about {x}% "
        "compounded annually.",
    ],
)
def test_a_cagr_of_about_x_percent_in_its_own_clause_is_still_checked(text: str) -> None:
    assert run(text.format(x="8.4"), "derived") == []
    (f,) = run(text.format(x="9.4"), "derived")
    assert f.rule == "derived.cagr" and f.severity in BAD
