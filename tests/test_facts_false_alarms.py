"""False alarms seen on fresh real documents (issue 16): constructions a rule misread, in ko, zh
and en, with sentences written for these tests. Each case pairs a sentence that must give no
error or warning with the same sentence made inconsistent, which must still fire.
"""

from __future__ import annotations

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def flagged(text: str, rule: str = "") -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


# --- a trend word cut at the edge of a window is no trend word -----------------------------------


def test_increased_is_not_read_as_eased_at_a_window_edge() -> None:
    ok = (
        "As a share of sales, operating margins increased to 31.4% in fiscal 2024 from 22.8% "
        "in fiscal 2023 on a better product mix."
    )
    assert flagged(ok) == []
    bad = ok.replace("increased to", "decreased to")
    assert [f.rule for f in flagged(bad)] == ["trend.levels"]


def test_increased_to_from_with_a_rate_is_consistent() -> None:
    ok = "Total revenue increased 26.0% year over year to $63.0 million from $50.0 million."
    assert flagged(ok) == []
    bad = "Total revenue decreased to $63.0 million from $50.0 million."
    assert flagged(bad, "trend.levels")


# --- a difference 'higher than' is a change, not a level -----------------------------------------


def test_an_amount_or_rate_higher_than_is_a_difference() -> None:
    ok = (
        "Revenue was $220.0 million this quarter, $20.0 million or 10% higher than last quarter "
        "and $40.0 million or 22% higher than a year ago."
    )
    assert flagged(ok) == []
    # the Korean construction still compares the value before the word: X을 초과
    assert flagged("올해 매출은 30억원으로 지난해 매출 40억원을 초과했다.", "comparison")


def test_a_level_compared_with_an_estimate_is_the_comparison_base() -> None:
    ok = (
        "For the year, adjusted earnings were $2.50 per share, compared with the analysts' "
        "consensus earnings estimate of $2.90. Earnings declined 10.7% from $2.80 in the prior "
        "year."
    )
    assert flagged(ok) == []
    assert flagged(ok.replace("10.7%", "20.7%"), "derived.growth")


# --- a bullet mark starts a new statement ---------------------------------------------------------


def test_a_rate_of_the_previous_bullet_is_not_the_next_levels_change() -> None:
    ok = (
        "■ 청년층 실업률은 6.1%로 전년동월대비 0.4%p 하락 "
        "■ 취업자는 2,512만 5천명으로 전년동월대비 25만 1천명 증가"
    )
    assert flagged(ok, "derived.growth") == []


def test_a_level_its_change_and_rate_in_one_bullet_still_checked() -> None:
    ok = "■ 취업자는 2,000만명으로 전년동월대비 40만명(2.0%) 증가"
    assert flagged(ok, "derived.growth") == []
    assert flagged(ok.replace("(2.0%)", "(5.0%)"), "derived.growth")


# --- a contrast ends a clause ---------------------------------------------------------------------


def test_a_contrast_ends_the_clause_of_a_pair_and_its_trend_word() -> None:
    ok = (
        "대형 거래 비중은 42%로 전년 35.5% 대비 늘어난 데 비해 소형 거래 비중은 12.4%로 "
        "전년 20.6% 대비 크게 줄었다."
    )
    assert flagged(ok) == []
    bad = ok.replace("크게 줄었다", "크게 늘었다")
    assert flagged(bad, "trend.levels")


def test_a_zh_contrast_ends_the_clause() -> None:
    ok = "大型项目占比为42%，较上年的35.5%提高，而小型项目占比为12.4%，较上年的20.6%下降。"
    assert flagged(ok) == []


# --- rounding: a rate cut rather than rounded; a rate with no direction word ----------------------


def test_a_rate_cut_rather_than_rounded_is_no_error() -> None:
    ok = "상반기 투자 건수는 612건으로 지난해 상반기(1,047건)에 비해 41.5% 줄었다."
    # 612 / 1,047 - 1 = -41.55%: written -41.5 (cut), not -41.6 (rounded)
    assert flagged(ok) == []
    assert flagged(ok.replace("41.5%", "43.5%"), "derived.growth")


def test_a_rate_with_no_direction_word_beside_it_is_read_either_way() -> None:
    ok = (
        "이는 지난해 상반기 투자건수(1,047건)에 비해선 41.6%, 투자금액(6조2천억원)으로는 "
        "60.0%나 급감한 수치다. 올해 상반기 투자건수는 612건이었다."
    )
    assert flagged(ok, "derived.growth") == []


# --- one of several margins near two amounts holds ------------------------------------------------


def test_the_next_companys_margin_is_not_checked_against_these_amounts() -> None:
    ok = (
        "올해 누적으로 A사의 영업이익률은 40.00%로 가장 높았다. A사는 3분기까지 매출액 "
        "5조1234억원, 영업이익 2조493억원을 냈다. 2위는 3분기 영업이익률 36.10%를 기록한 B사다."
    )
    assert flagged(ok, "derived.margin") == []
    bad = ok.replace("40.00%", "44.00%")
    assert flagged(bad, "derived.margin")


# --- an average or a band is no item of a total stated beside it ---------------------------------


def test_a_daily_average_is_not_a_part_of_the_total() -> None:
    ok = (
        "일평균 수출액(22.6억달러)은 8개월 만에 22억달러대 진입, 총 수출액(475.3억달러)은 "
        "올해 들어 두 번째로 큰 규모다."
    )
    assert flagged(ok, "breakdown") == []
    en = (
        "Average daily sales were $2.3 million and the average order $0.4 million, while total "
        "sales reached $61.0 million."
    )
    assert flagged(en, "breakdown") == []


def test_items_of_a_stated_total_are_still_added() -> None:
    ok = "반도체 수출은 120억달러, 자동차 수출은 60억달러로 총 수출액은 180억달러였다."
    assert flagged(ok, "breakdown") == []
    assert flagged(ok.replace("180억", "200억"), "breakdown")
