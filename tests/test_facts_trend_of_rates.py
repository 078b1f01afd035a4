"""Issue 16, session of 2026-12-07 (third): a change word that says each rate is a rise (``26.7%
증가``, ``a 2 percent gain``, ``3.26%的正增长``) says nothing of whether the rate itself rose; a
direction word of the clause before ``지만``/``but`` is not the next clause's. Texts of our own."""

from __future__ import annotations

from check_findings import fires, flagged


def test_growth_rates_each_called_an_increase_are_no_claim_that_the_rate_rose() -> None:
    for text in (
        "2023년 보험료는 10조원으로 전년에 비해 26.7% 증가에 그쳐 성장률이 전년(28.6%)보다 "
        "1.9%포인트 낮아졌다.",
        "Sales grew by 2 percent in 2023. The 2 percent gain was lower than the 4 percent "
        "increase in 2022.",
        "实体书店销售额从2011年5.95%的增速,到2014年实现3.26%的正增长。",
    ):
        assert flagged(text, "trend") == [], text


def test_a_rate_said_to_narrow_while_it_widened_still_fires() -> None:
    ok = "2023년 5월 서울 아파트값은 0.17% 올라 4월(0.19%)보다 오름폭이 둔화됐다."
    fires(ok, ok.replace("오름폭이 둔화됐다", "오름폭이 확대됐다"), "trend")


def test_the_word_of_the_clause_before_but_is_not_the_later_clause_s() -> None:
    text = (
        "2016년 광고비는 전체적으로 감소했지만 모바일 광고 시장은 2015년 1조 3744억 원에서 "
        "2016년 1조 8042억 원으로 31.3% 성장했다."
    )
    assert flagged(text, "trend") == []
    en = "Total ad spend fell in 2016, but mobile ads rose from $1.2 billion to $1.5 billion."
    fires(en, en.replace("mobile ads rose", "mobile ads fell"), "trend")
