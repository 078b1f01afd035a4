"""Precision of `check` on prose: a rule fires only on the relation a text states (issue 16 §4).

Synthetic ko/zh/en cases of the false-alarm classes seen on real documents: one share at two
times summed as a breakdown, levels not linked by 'to' paired as stated; and general patterns
of recall (currency equivalents, short years, basis points).
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import pytest

from check_findings import flagged
from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity

bad = partial(flagged, fmt="md")


# --- one share at two times is no breakdown --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "线上销售占比达到65%，去年同期线下销售占比为58%。",
        "线上销售占比为65%，预计线下销售占比将达到58%。",
        "온라인 매출 비중은 65%로 전년 오프라인 매출 비중 58%보다 높았다.",
        "Online sales accounted for 65% of revenue in 2023, compared with store sales at 58% "
        "a year earlier.",
    ],
)
def test_shares_at_two_times_are_not_summed(text: str) -> None:
    assert bad(text, "breakdown", fmt="txt") == []


@pytest.mark.parametrize(
    "text",
    [
        "2023年收入构成中，线上销售占65%，线下销售占58%。",
        "2023년 매출 구성을 보면 온라인이 65%, 오프라인이 58%를 차지했다.",
        "In 2023 online sales accounted for 65% and store sales for 58% of revenue.",
    ],
)
def test_shares_of_one_whole_over_100_percent_are_still_an_error(text: str) -> None:
    (f,) = bad(text, "breakdown", fmt="txt")
    assert f.severity is Severity.ERROR and f.values[-1] == "123"


# --- derived growth: 'from A to B' is stated, 'from A …, B' is inferred ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Revenue grew from USD 120 million in 2019, reaching USD 150 million in 2020, "
        "an increase of 40%.",
        "营收从2019年的120亿元起步，2020年营收达150亿元，增长40%。",
    ],
)
def test_levels_not_linked_by_to_give_a_warning_at_most(text: str) -> None:
    (f,) = bad(text, "derived", fmt="txt")
    assert f.severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose from USD 120 million in 2019 to a record USD 150 million in 2020, "
        "an increase of 40%.",
        "营收从2019年的120亿元增至2020年的150亿元，增长40%。",
        "매출은 2019년 120억 원에서 2020년 150억 원으로 40% 증가했다.",
    ],
)
def test_levels_linked_from_to_give_an_error(text: str) -> None:
    (f,) = bad(text, "derived", fmt="txt")
    assert f.severity is Severity.ERROR and f.values[-1] == "25"


# --- recall: general patterns ----------------------------------------------------------------

EQUIVALENT = {
    "zh": "2011年第三季度欧洲风投总额为12亿欧元，约合{x}亿美元。",
    "ko": "2011년 3분기 유럽 벤처투자는 12억 유로, 우리 돈 약 {x}억 달러였다.",
    "en": "In the third quarter of 2011 European venture funding was EUR 1.2 billion, "
    "or about USD {x} billion.",
}


@pytest.mark.parametrize("lang", EQUIVALENT)
def test_an_equivalent_after_yuehe_or_about_is_checked_against_the_ecb(
    lang: str, fx: object
) -> None:
    x = {"zh": ("16.5", "26.5"), "ko": ("16.5", "26.5"), "en": ("1.65", "2.65")}[lang]
    ok = [f for f in check(extract(from_text(EQUIVALENT[lang].format(x=x[0]))), fx=fx)]
    assert [f.severity for f in ok if f.rule == "fx.ecb"] == [Severity.OK]
    off = [f for f in check(extract(from_text(EQUIVALENT[lang].format(x=x[1]))), fx=fx)]
    assert [f.severity for f in off if f.rule == "fx.ecb"] == [Severity.WARNING]


def test_two_amounts_in_a_list_are_no_equivalents(fx: object) -> None:
    text = "欧洲风投总额为12亿欧元，美国风投总额为86亿美元。"
    found = check(extract(from_text(text)), fx=fx)
    assert [f for f in found if f.rule.startswith("fx")] == []


@pytest.mark.parametrize(
    "text",
    [
        "10年期国债收益率下行2.5个基点至2.17%。",
        "近10年行业规模持续扩大，未来5年营收有望增长15%。",
        "30年期国债收益率为2.3%。",
    ],
)
def test_a_duration_in_years_is_no_short_year(text: str) -> None:
    ex = extract(from_text(text))
    assert all(m.fact.period is None or m.fact.period.start.year > 2020 for m in ex.mentions), [
        (m.fact.quantity.input, m.fact.period) for m in ex.mentions
    ]


def test_a_short_year_is_still_read() -> None:
    ex = extract(from_text("20年上半年营收增长15%。"))
    (m,) = ex.mentions
    assert m.fact.period is not None and m.fact.period.start.year == 2020


def test_basis_points_in_chinese_are_a_change_in_points() -> None:
    ex = extract(from_text("10年期国债收益率下行2.5个基点至2.17%。"))
    bp = next(m for m in ex.mentions if "基点" in m.fact.quantity.input)
    assert bp.fact.quantity.kind.value == "pp" and abs(bp.fact.quantity.value or 0) == Decimal(
        "0.025"
    )
    assert bp.change == "change"
