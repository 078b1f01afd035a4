"""Issue 16, false alarms of fresh real text (fa16j): the whole of an 'of which' list is the total,
not the amount per head derived from it that the sentence states last (``生产总值951435万元，…，
人均地区生产总值为74331元。其中，第一产业增加值…``); a list carried past ';' stops at an item of
another measure (``存款余额…，其中住户存款余额…；…贷款余额…``). Texts written for these tests.
"""

from __future__ import annotations

import pytest

from check_findings import checked, fires, flagged

PER_HEAD = {
    "zh": (
        "全县实现生产总值951435万元，比上年下降4.1%，按常住人口计算人均地区生产总值为74331元。"
        "其中，第一产业增加值57116万元；第二产业增加值{p}万元；第三产业增加值448355万元。\n"
    ),
    "ko": (
        "지역내총생산은 951억원으로 1인당 지역내총생산은 2,310만원이었다. 이 중 농림어업 "
        "생산은 57억원, 제조업 생산은 {p}억원, 서비스업 생산은 448억원이었다.\n"
    ),
    "en": (
        "Gross regional product was $951 million, and gross regional product per capita was "
        "$23,100. Of this amount, farming output was $57 million, industry output ${p} million "
        "and services output $448 million.\n"
    ),
}
GOOD = {"zh": "445964", "ko": "446", "en": "446"}
BAD = {"zh": "545964", "ko": "546", "en": "546"}


@pytest.mark.parametrize("lang", list(PER_HEAD))
def test_parts_of_the_total_not_of_its_amount_per_head(lang: str) -> None:
    ok, bad = PER_HEAD[lang].format(p=GOOD[lang]), PER_HEAD[lang].format(p=BAD[lang])
    assert flagged(ok, "breakdown") == [], ok
    assert flagged(bad, "breakdown.parts"), bad


DEPOSITS = (
    "年末金融机构各项存款余额266.89亿元，增长10.02%，其中住户存款余额209.29亿元，增长11.98%；"
    "年末金融机构各项贷款余额140.92亿元，增长18.76%。其中：住户贷款余额35.57亿元；"
    "非金融企业贷款余额{p}亿元。\n"
)


def test_an_item_of_another_measure_ends_the_list() -> None:
    ok = DEPOSITS.format(p="105.35")
    assert flagged(ok, "breakdown") == [], ok
    assert any("matching" in m for m in checked(ok, "breakdown.parts")), ok


def test_the_next_list_is_still_checked() -> None:
    fires(DEPOSITS.format(p="105.35"), DEPOSITS.format(p="125.35"), "breakdown.parts")


def test_a_list_of_one_measure_goes_on_past_semicolons() -> None:
    text = (
        "Revenue was $135.7 billion, of which tax revenue was ${t} billion; other revenue "
        "$24.6 billion.\n"
    )
    fires(text.format(t="111.1"), text.format(t="121.1"), "breakdown.parts")
