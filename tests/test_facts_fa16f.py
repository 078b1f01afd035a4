"""False alarms of issue 16 (fa16f): restatements and breakdowns on fresh texts. A rounded
mention restates the precise figure; ko, zh, en; sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.dateline import reference_date
from sectorlens.facts.rules.rounded import rounded_half
from sectorlens.model import Finding, Severity
from sectorlens.parse import parse


def run(text: str, rule: str) -> list[Finding]:
    return [f for f in check(extract(from_text(text)), lang="en") if f.rule.startswith(rule)]


def flagged(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


# --- a rounded mention is the precise figure, to the last significant digit shown ----------


def test_zeros_ending_a_whole_number_may_be_rounding() -> None:
    assert rounded_half(parse("550억 달러")) == parse("5억").value
    assert rounded_half(parse("30%")) == 5
    assert rounded_half(parse("23.0%")) == parse("0.05").value  # a decimal zero is shown
    assert rounded_half(parse("551억 달러")) == parse("5000만").value
    assert rounded_half(parse("300억 달러")) == parse("5억").value  # one zero, not two


ROUNDED = {
    "ko": "수출 {x} 증가한 {head} 달러 달성\n\n"
    "지난 10월 우리나라 수출은 전년 대비 5.1% 증가한 550억9000만 달러를 기록했다. "
    "수입은 9.7% 감소한 534억6000만 달러였다.\n",
    "zh": "出口增长{x}至{head}美元\n\n"
    "10月份我国出口同比增长5.1%，达到550.9亿美元。进口下降9.7%，为534.6亿美元。\n",
    "en": "Exports up {x} to ${head}\n\n"
    "In October, exports rose 5.1% from a year earlier to $55.09 billion.\n",
}
HEAD = {
    "ko": ("550억", "540억"),
    "zh": ("550亿", "540亿"),
    "en": ("55 billion", "54 billion"),
}


@pytest.mark.parametrize("lang", ROUNDED)
def test_a_headline_rounding_the_body_figure_is_no_restatement(lang: str) -> None:
    same, other = HEAD[lang]
    text = ROUNDED[lang]
    for rule in ("restated.headline", "restated.lead"):
        assert not flagged(run(text.format(x="5.1%", head=same), rule)), rule
    if lang == "en":
        return  # an English headline's level is not yet paired with the body's (left alone)
    wrong = text.format(x="5.1%", head=other)
    assert flagged(run(wrong, "restated.headline")) or flagged(run(wrong, "restated.lead"))


SHARE = {
    "ko": "1인 가구 비중 {x}% 육박\n\n전체 가구 중 1인 가구는 29.3%로 전년보다 늘었다.\n",
    "zh": "单人户占比升至{x}%\n\n2018年，单人户占比为29.3%，比上年提高0.7个百分点。\n",
    "en": "Single-person household share nears {x}%\n\n"
    "In 2018, the single-person household share was 29.3%, up 0.7 points.\n",
}


@pytest.mark.parametrize("lang", SHARE)
def test_a_round_share_in_the_title_restates_the_precise_one(lang: str) -> None:
    assert not flagged(run(SHARE[lang].format(x="30"), "restated.lead"))
    assert flagged(run(SHARE[lang].format(x="31"), "restated.lead"))


# --- a breakdown's whole is the total the text names, not a figure excluding something ------

EXCLUDING = {
    "zh": "{head}其中，除汽车以外的消费品零售额35497亿元。"
    "按消费类型分，商品零售34534亿元，餐饮收入{x}亿元。",
    "ko": "{head} 자동차를 제외한 소매판매액은 35조4970억원이었다. "
    "업태별로는 상품 판매가 34조5340억원, 음식 서비스가 {x}억원이다.",
    "en": "{head} Sales excluding autos were $354.97 billion. "
    "By category, goods sales were $345.34 billion and food services ${x} billion.",
}
EXCLUDING_HEAD = {
    "zh": ("11月份，社会消费品零售总额增长5.0%。", "11月份，社会消费品零售总额39514亿元。"),
    "ko": ("지난달 소매판매는 5.0% 늘었다.", "지난달 소매판매액은 39조5140억원이었다."),
    "en": ("Retail sales rose 5.0% in November.", "Retail sales were $395.14 billion in November."),
}
EXCLUDING_X = {"zh": ("4980", "5980"), "ko": ("4조9800", "5조9800"), "en": ("49.80", "59.80")}


@pytest.mark.parametrize("lang", EXCLUDING)
def test_an_amount_excluding_an_item_is_no_whole_of_a_breakdown(lang: str) -> None:
    no_total, total = EXCLUDING_HEAD[lang]
    right, wrong = EXCLUDING_X[lang]
    assert not flagged(run(EXCLUDING[lang].format(head=no_total, x=right), "breakdown.by"))
    assert len(flagged(run(EXCLUDING[lang].format(head=total, x=wrong), "breakdown.by"))) == 1


ASIDES = (
    "Second-quarter guidance has revenue of $3.04 billion to $3.16 billion (consensus $2.95 "
    "billion). Segment revenue: GPU, $2.78 billion; Tegra, $0.44 billion. Revenue by market: "
    "Gaming, $1.72 billion; Datacenter, $0.70 billion; OEM, $0.39 billion; Automotive, "
    "${x} billion."
)


def test_a_range_an_aside_or_an_item_of_a_list_is_no_whole() -> None:
    assert not flagged(run(ASIDES.format(x="0.40"), "breakdown.by"))
    total = "Revenue was $3.10 billion. " + ASIDES.split(". ", 1)[1]
    assert len(flagged(run(total.format(x="0.50"), "breakdown.by"))) == 1


# --- a sum marker sums the figures before only where it points back to them -----------------

OWN_WHOLE = {
    "zh": "前2个月，中欧贸易总值6795.9亿元，中美贸易总值为6277.5亿元。{x}",
    "ko": "1~2월 유럽과의 교역액은 67조9590억원, 미국과의 교역액은 62조7750억원이었다. {x}",
    "en": "Trade with Europe was $679.59 billion and trade with the US $627.75 billion. {x}",
}
OWN_WHOLE_X = {
    "zh": ("同时，中国对沿线国家合计进出口1.26万亿元。", "两者合计1.36万亿元。"),
    "ko": ("아세안과의 교역 합계는 126조원이었다.", "이들 교역액을 합치면 136조원이다."),
    "en": (
        "Trade with Asian partners combined was $1.26 trillion.",
        "Together they combined for $1.36 trillion.",
    ),
}


@pytest.mark.parametrize("lang", OWN_WHOLE)
def test_a_sentence_summing_its_own_whole_is_no_sum_of_the_figures_before(lang: str) -> None:
    own, back = OWN_WHOLE_X[lang]
    assert not run(OWN_WHOLE[lang].format(x=own), "breakdown.combined")
    assert len(flagged(run(OWN_WHOLE[lang].format(x=back), "breakdown.combined"))) == 1


# --- a document's date is a date the text states --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "평균 가구원 수는 2000년 3.12명에서 지난해 2.44명으로 줄었다.",
        "平均每户人口由2000年3.12人降至去年的2.44人。",
    ],
)
def test_a_year_then_a_decimal_is_no_date(text: str) -> None:
    """2000년 3.12명 (3.12 persons in 2000) mixes a year's word with a decimal: no date (en dates
    name the month or use one separator, as below)."""
    assert reference_date(text) is None


@pytest.mark.parametrize(
    "text,day",
    [
        ("2000년 3월 12일 통계청은 결과를 발표했다.", date(2000, 3, 12)),
        ("2000年3月12日，国家统计局发布数据。", date(2000, 3, 12)),
        ("2000.3.12 Statistics office release", date(2000, 3, 12)),
        ("2000/03/12 release", date(2000, 3, 12)),
    ],
)
def test_a_date_of_one_style_is_read(text: str, day: date) -> None:
    assert reference_date(text) == day


# --- a lone ellipsis of a headline joins two statements, not two items of one list ----------

HEADLINE_SHARES = {
    "ko": "아파트 거주 가구 비중 52%{sep}세종은 비중 73%\n\n올해 조사 결과가 나왔다.\n",
    "zh": "公寓住户占比52%{sep}世宗占比73%\n\n今年的调查结果公布。\n",
    "en": "Apartment share of households 52%{sep} Sejong share 73%\n\nThe survey was released.\n",
}


@pytest.mark.parametrize("lang", HEADLINE_SHARES)
def test_shares_either_side_of_a_headline_ellipsis_are_no_breakdown(lang: str) -> None:
    text = HEADLINE_SHARES[lang]
    sep = "..." if lang == "en" else "…"
    assert not flagged(run(text.format(sep=sep), "breakdown.sum"))
    listed = text.format(sep="，" if lang == "zh" else ",")
    assert len(flagged(run(listed, "breakdown.sum"))) == 1


# --- a lead's whole is not paired with a part the body names after 其中, 그중, of which ------

SUB_ITEM = {
    "zh": "今年夏粮增产474.8万吨\n\n全国夏粮产量增长3.6%。{part}夏粮谷物增产438.8万吨。\n",
    "ko": "반도체 수출 120억 달러\n\n지난달 반도체 수출은 8% 늘었다. {part}메모리 반도체 수출은 "
    "105억 달러였다.\n",
    "en": "Chip exports reach $12.0 billion\n\nChip exports rose 8% last month. {part}memory "
    "chip exports were $10.5 billion.\n",
}
PART_WORD = {"zh": "其中，", "ko": "그중 ", "en": "Of which, "}


@pytest.mark.parametrize("lang", SUB_ITEM)
def test_a_lead_whole_is_not_restated_by_a_part_of_it(lang: str) -> None:
    text = SUB_ITEM[lang]
    assert not flagged(run(text.format(part=PART_WORD[lang]), "restated.lead"))
    plain = text.format(part="").replace("memory chip", "Chip").replace("메모리 ", "")
    assert len(flagged(run(plain.replace("夏粮谷物", "夏粮"), "restated.lead"))) == 1


# --- a change's direction is read within its statement, not across a headline's ellipsis ----

DIRECTION = {
    "ko": "이달 수출 소폭 감소…일평균 수출은 {x}% 증가\n\n"
    "조업일수를 고려한 일평균 수출액은 11.2% 증가했다.\n",
    "zh": "本月出口小幅下降…日均出口增长{x}%\n\n考虑工作日因素，日均出口额增长11.2%。\n",
}


@pytest.mark.parametrize("lang", DIRECTION)
def test_a_direction_word_across_a_headline_ellipsis_is_not_the_changes(lang: str) -> None:
    assert not flagged(run(DIRECTION[lang].format(x="11.2"), "restated.direction"))
    body = DIRECTION[lang].split("\n\n")[1]
    turned = "일평균 수출 11.2% 감소\n\n" if lang == "ko" else "日均出口下降11.2%\n\n"
    assert len(flagged(run(turned + body, "restated.direction"))) == 1
