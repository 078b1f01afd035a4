"""Issue 16, false alarms of fresh real text (fa16j): the stated dates, not the word 지난해 / last
year, say which of two levels came first (``2000년 163개국에서 지난해 190개국으로 27개국
늘었다``). Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import checked, flagged

# --- the dates of two levels give their order ---------------------------------------------

DATED = {
    "ko": "2016.07.15(금) 도정신문\n\n도의 수출 대상국은 2000년도 163개국에서 지난해에는 "
    "190개국으로 {d}개국 늘었다.\n",
    "zh": "2016年7月15日\n\n该省出口对象国由2000年的163个增至去年的190个，增加{d}个。\n",
    "en": "July 15, 2016\n\nThe province exported to 190 countries last year, up {d} from 163 "
    "countries in 2000.\n",
}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_dated_levels_in_order_are_no_false_alarm(lang: str) -> None:
    assert flagged(DATED[lang].format(d=27), "derived") == []


def test_the_dates_order_the_levels_the_word_would_swap() -> None:
    (message,) = checked(DATED["ko"].format(d=27), "derived.difference")
    assert "190" in message and "earlier 163" in message and "as stated" in message


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_a_wrong_change_between_dated_levels_still_fires(lang: str) -> None:
    assert flagged(DATED[lang].format(d=37), "derived")


def test_a_word_marked_earlier_level_keeps_its_role_without_other_dates() -> None:
    ok = "매출은 2023년 100억원으로 전년(80억원) 대비 20억원 증가했다.\n"
    bad = "매출은 2023년 100억원으로 전년(80억원) 대비 30억원 증가했다.\n"
    assert flagged(ok, "derived.difference") == []
    assert flagged(bad, "derived.difference")
