"""Issue 16, session of 2026-12-07 (third): ``80조원보다 12조원 많은 92조원`` states a level, the
level it is compared with and the difference between them; ``3억3000여건`` is no reading of
3000 things. Texts of our own."""

from __future__ import annotations

from check_findings import fires, flagged
from fact_mentions import mentions, one


def test_the_amount_before_boda_is_compared_with_and_the_one_before_manheun_is_the_difference() -> (
    None
):
    text = "2023년 온라인 거래액은 앞서 발표한 80조원보다 12조원 많은 92조원으로 집계됐다."
    assert one(text, "80조원").change == "versus"
    assert one(text, "12조원").change == "change"
    assert one(text, "92조원").change is None


def test_a_difference_that_does_not_match_its_two_levels_is_flagged() -> None:
    ok = "2023년 온라인 거래액은 앞서 발표한 80조원보다 12조원 많은 92조원으로 집계됐다."
    fires(ok, ok.replace("12조원 많은", "15조원 많은"), "derived.difference")
    less = "2023년 수출은 전망치 500억 달러보다 20억 달러 적은 480억 달러였다."
    fires(less, less.replace("20억 달러 적은", "25억 달러 적은"), "derived.difference")


def test_a_deficit_after_an_amount_is_no_difference() -> None:
    text = "2023년 무역수지는 지난해 100억 달러보다 개선돼 56억 달러 적자를 기록했다."
    assert one(text, "56억 달러").change != "change"


def test_digits_right_after_eok_or_jo_are_no_figure_of_their_own() -> None:
    text = "2013년 계약건수는 3억3000여건에 달했고, 환산하면 약 29조1000원이다."
    assert [m.fact.quantity.input for m in mentions(text)] == []
    ok = "2013년 총 수입보험료는 282조9000억원, 계약건수는 3억3000만건에 달했다."
    assert [m.fact.quantity.value for m in mentions(ok)] == [282_900_000_000_000, 330_000_000]


def test_percent_points_written_with_a_space_are_points() -> None:
    text = (
        "2017년 3분기 순이자마진(NIM)은 1.74%로 전분기(1.72%)보다 0.02% 포인트, "
        "지난해 3분기(1.58%)보다 0.16% 포인트 상승했다."
    )
    assert flagged(text, "derived") == []
    assert one(text, "0.16% 포인트").fact.quantity.kind.value == "pp"
