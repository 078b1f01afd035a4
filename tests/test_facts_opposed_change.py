"""Issue 16, session of 2026-12-07 (third): a change stated as an amount and as a rate in one
clause, the amount a fall (``减少975千公顷``) and the rate a rise (``上升0.8%``): one of the two
words is wrong. Texts of our own."""

from __future__ import annotations

from check_findings import fires

CASES = (
    (
        "2019年全国粮食播种面积116064千公顷,比2018年减少975千公顷,下降0.8%。",
        ("下降0.8%", "上升0.8%"),
    ),
    (
        "2023년 수출은 6326억 달러로 전년보다 510억 달러(7.5%) 감소했다.",
        ("510억 달러(7.5%) 감소", "510억 달러 감소, 7.5% 증가"),
    ),
    (
        "2022年粮食总产量68653万吨,比上年增加368万吨,增长0.5%。",
        ("增长0.5%", "下降0.5%"),
    ),
)


def test_an_amount_and_a_rate_of_one_change_moving_apart_are_flagged() -> None:
    for ok, (old, new) in CASES:
        fires(ok, ok.replace(old, new), "derived.growth")
