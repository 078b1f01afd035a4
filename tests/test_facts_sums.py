"""Sums a text establishes: parts by one dimension, shares beside their part, title figures
restated, table totals (rows, columns, sections, share columns, change columns). ko, zh, en."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.facts.readers import read_document
from sectorlens.model import Finding, Severity


def run(text: str, rule: str, name: str | None = None, tmp: object = None) -> list[Finding]:
    if name is not None:
        assert tmp is not None
        path = tmp / name  # type: ignore[operator]
        path.write_text(text, encoding="utf-8")
        extraction = extract(read_document(path))
    else:
        extraction = extract(from_text(text))
    return [f for f in check(extraction, lang="en") if f.rule.startswith(rule)]


def flagged(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


# --- parts listed by one dimension against the whole before them ----------------------------

BY = {
    "zh": "2021年前三季度，全市工业销售额5200亿元。按地区分，东部地区{x}亿元，西部地区1800亿元。",
    "ko": "2021년 국내 반도체 장비 매출액은 8조 2000억 원이었다. 분야별로는 전공정이 {x}억 원, "
    "후공정이 1조 7000억 원이었다.",
    "en": "Revenue for 2021 was $9.0 billion. By segment, hardware was ${x} billion and software "
    "was $3.0 billion.",
}
PARTS = {"zh": (3400, 3600), "ko": ("6조 5000", "6조 8000"), "en": ("6.0", "6.4")}


@pytest.mark.parametrize("lang", BY)
def test_parts_by_one_dimension_over_their_whole_warn(lang: str) -> None:
    got = flagged(run(BY[lang].format(x=PARTS[lang][1]), "breakdown.by"))
    assert len(got) == 1 and got[0].severity is Severity.WARNING
    assert len(got[0].facts) == 3  # the whole and its two parts, with their locators


@pytest.mark.parametrize("lang", BY)
def test_parts_by_one_dimension_making_up_their_whole_are_ok(lang: str) -> None:
    got = run(BY[lang].format(x=PARTS[lang][0]), "breakdown.by")
    assert [f.severity for f in got] == [Severity.OK]


def test_parts_short_of_a_whole_say_nothing() -> None:
    text = "2021年全市工业销售额5200亿元。按地区分，东部地区2000亿元，西部地区1800亿元。"
    assert not flagged(run(text, "breakdown.by"))


def test_rates_listed_by_one_dimension_are_no_parts() -> None:
    text = "2021年全市工业销售额5200亿元，增长8%。按地区分，东部地区增长6%，西部地区增长9%。"
    assert run(text, "breakdown.by") == []


# --- a share beside its part against the whole stated elsewhere -----------------------------

SHARE = {
    "zh": "2021年一季度全球手机出货量为3.00亿台。三星出货量为6000万台，市场份额为20.0%。"
    "苹果出货量为{x}万台，市场份额为15.0%。",
    "ko": "2021년 세계 반도체 시장 규모는 5000억 달러다. 한국의 점유율은 {x}%(1000억 달러)다.",
    "en": "Net sales for 2021 were $200.0 million. SG&A expenses for 2021 were ${x} million, or "
    "20.0% of net sales.",
}
SHARE_X = {"zh": (4500, 5100), "ko": ("20.0", "22.0"), "en": ("40.0", "44.0")}


@pytest.mark.parametrize("lang", SHARE)
def test_a_share_its_part_and_whole_contradict_warns(lang: str) -> None:
    got = flagged(run(SHARE[lang].format(x=SHARE_X[lang][1]), "breakdown.share_of"))
    assert len(got) == 1 and got[0].severity is Severity.WARNING
    assert len(got[0].facts) == 3


@pytest.mark.parametrize("lang", SHARE)
def test_a_share_matching_its_part_and_whole_is_ok(lang: str) -> None:
    got = run(SHARE[lang].format(x=SHARE_X[lang][0]), "breakdown.share_of")
    assert got and all(f.severity is Severity.OK for f in got)


def test_a_share_of_the_prior_year_is_not_checked_against_this_years_whole() -> None:
    text = (
        "Net sales for 2021 were $200.0 million. Operating income was $30.0 million, or 15.0% of "
        "sales. This compares with operating income of $25.0 million, or 14.0% of sales, in the "
        "prior year period."
    )
    assert not flagged(run(text, "breakdown.share_of"))


def test_shares_of_a_list_without_a_whole_imply_one() -> None:
    lines = ["华为出货量4000万台，份额40.0%。", "小米出货量2000万台，份额20.0%。"]
    lines += ["苹果出货量1500万台，份额{x}%。", "荣耀出货量1000万台，份额10.0%。"]
    text = "\n".join(lines)
    assert not flagged(run(text.format(x="15.0"), "breakdown.share_of"))
    assert len(flagged(run(text.format(x="19.0"), "breakdown.share_of"))) == 1


# --- a title figure restated in the body ---------------------------------------------------

TITLE = {
    "zh": "2021年9月份社会消费品零售总额增长4.4%\n\n2021年9月份，社会消费品零售总额36833亿元，"
    "同比增长{x}%。",
    "ko": "3분기 반도체 수출액 300억 달러\n\n올해 3분기 반도체 수출액은 {x}억 달러로 집계됐다.",
    "en": "Acme revenue reaches $5.2 billion\n\nIn 2021, Acme revenue was ${x} billion.",
}
TITLE_X = {"zh": ("4.4", "4.9"), "ko": ("300", "320"), "en": ("5.2", "5.6")}


@pytest.mark.parametrize("lang", TITLE)
def test_a_title_figure_the_body_restates_differently_warns(lang: str) -> None:
    got = flagged(run(TITLE[lang].format(x=TITLE_X[lang][1]), "restated.lead"))
    assert len(got) == 1 and got[0].severity is Severity.WARNING


@pytest.mark.parametrize("lang", TITLE)
def test_a_title_figure_the_body_restates_is_ok(lang: str) -> None:
    got = run(TITLE[lang].format(x=TITLE_X[lang][0]), "restated.lead")
    assert [f.severity for f in got] == [Severity.OK]


def test_a_title_figure_of_another_measure_is_no_restatement() -> None:
    text = "Acme revenue reaches $5.2 billion\n\nAcme said its net income was $5.6 billion."
    assert run(text, "restated.lead") == []


# --- tables ------------------------------------------------------------------------------------

TOTAL_ROW = """Segment revenue ($ in millions)

| Segment | 2022 | 2021 |
|---|---|---|
| Domestic | 36,055 | 35,831 |
| International | 4,284 | {x} |
| Total revenue | 40,339 | 40,611 |
"""


def test_a_two_item_total_confirmed_by_another_column_is_checked(tmp_path: object) -> None:
    ok = run(TOTAL_ROW.format(x="4,780"), "table.total", "a.md", tmp_path)
    assert ok and not flagged(ok)
    bad = flagged(run(TOTAL_ROW.format(x="4,980"), "table.total", "b.md", tmp_path))
    assert len(bad) == 1 and bad[0].severity is Severity.ERROR


TOTAL_COLUMN = """Quarterly results (in thousands)

                 First Quarter   Second Quarter   Third Quarter   Fourth Quarter   Total
Net sales        $260,394        $250,689         $198,624        $259,583         $969,290
Gross profit     $154,392        $151,086         ${x}        $144,738         $558,105
"""


def test_a_total_column_against_the_columns_before_it(tmp_path: object) -> None:
    ok = run(TOTAL_COLUMN.format(x="107,889"), "table.total", "a.txt", tmp_path)
    assert ok and not flagged(ok)
    bad = flagged(run(TOTAL_COLUMN.format(x="109,889"), "table.total", "b.txt", tmp_path))
    assert len(bad) == 1 and "columns" in bad[0].message


SECTIONS = """2021年社会消费品零售总额主要数据
指标 | 9月 | 1-9月 |
社会消费品零售总额 | 36833 | 318057 |
按经营地分 |
城镇 | 31967 | 275888 |
乡村 | 4866 | {x} |
"""


def test_sections_below_a_whole_add_up_to_it(tmp_path: object) -> None:
    ok = run(SECTIONS.format(x="42169"), "table.total", "a.txt", tmp_path)
    assert len(ok) == 2 and not flagged(ok)
    bad = flagged(run(SECTIONS.format(x="44169"), "table.total", "b.txt", tmp_path))
    assert len(bad) == 1


SHARE_COLUMNS = """# 스마트폰 시장 점유율

| 브랜드 | 2023년 2분기 | 2023년 3분기 |
|---|---|---|
| 삼성 | 20% | 21% |
| 애플 | 18% | {x}% |
| 샤오미 | 14% | 13% |
| 기타 | 48% | 47% |
"""


def test_a_share_column_with_others_adds_up_to_100(tmp_path: object) -> None:
    ok = run(SHARE_COLUMNS.format(x="19"), "table.shares", "a.md", tmp_path)
    assert ok and not flagged(ok)
    bad = flagged(run(SHARE_COLUMNS.format(x="25"), "table.shares", "b.md", tmp_path))
    assert len(bad) == 1 and "106%" in bad[0].message


def test_a_column_of_growth_rates_is_no_share_column(tmp_path: object) -> None:
    text = SHARE_COLUMNS.replace("시장 점유율", "매출 증가율").format(x="25")
    assert run(text, "table.shares", "c.md", tmp_path) == []


CHANGE = """Exports (million $)

| Item | 2017 | 2018 | Absolute change, 2017-18 |
|---|---|---|---|
| Forest products | 39,592 | 40,862 | {x} |
| Chemicals | 227,526 | 243,436 | 15,910 |
"""


def test_an_absolute_change_column_is_the_difference_of_its_levels(tmp_path: object) -> None:
    assert not flagged(run(CHANGE.format(x="1,270"), "table.change", "a.md", tmp_path))
    bad = flagged(run(CHANGE.format(x="1,470"), "table.change", "b.md", tmp_path))
    assert len(bad) == 1 and bad[0].severity is Severity.ERROR


# --- a difference stated as a figure; a sum of the figures before ----------------------------

DIFFERENCE = {
    "ko": "3분기 영업이익은 73조2047억원으로 전년 동기(59조7992억원) 대비 13조{x}억원 증가했다.",
    "zh": "2021年营业收入为120亿元，比上年的100亿元增加{x}亿元。",
    "en": "Revenue was $987 million in 2021, up ${x} million from $924 million a year earlier.",
}
DIFFERENCE_X = {"ko": ("4055", "6055"), "zh": ("20", "24"), "en": ("63", "68")}


@pytest.mark.parametrize("lang", DIFFERENCE)
def test_a_change_its_two_levels_contradict_warns(lang: str) -> None:
    got = flagged(run(DIFFERENCE[lang].format(x=DIFFERENCE_X[lang][1]), "derived.difference"))
    assert len(got) == 1 and len(got[0].facts) == 3


@pytest.mark.parametrize("lang", DIFFERENCE)
def test_a_change_its_two_levels_confirm_is_ok(lang: str) -> None:
    got = run(DIFFERENCE[lang].format(x=DIFFERENCE_X[lang][0]), "derived.difference")
    assert [f.severity for f in got] == [Severity.OK]


def test_a_loss_of_last_year_is_no_earlier_level() -> None:
    text = "지난해 25조원의 적자를 낸 한전을 뺀 매출은 2743조원으로 484조원 증가했다."
    assert not flagged(run(text, "derived.difference"))


COMBINED = {
    "ko": "두 회사의 영업이익은 각각 2조9827억원, 4조3534억원 증가했다. 이들 증가분을 합치면 "
    "7조{x}억원이다.",
    "zh": "2021年甲公司营收50亿元，乙公司营收30亿元。两家公司合计{x}亿元。",
    "en": "Exports to Brazil rose $3.5 billion and exports to Belgium rose $3.3 billion. Combined, "
    "the two gains were ${x} billion.",
}
COMBINED_X = {"ko": ("3361", "5361"), "zh": ("80", "85"), "en": ("6.8", "7.2")}


@pytest.mark.parametrize("lang", COMBINED)
def test_a_stated_sum_of_the_figures_before(lang: str) -> None:
    right, wrong = COMBINED_X[lang]
    assert [f.severity for f in run(COMBINED[lang].format(x=right), "breakdown.combined")] == [
        Severity.OK
    ]
    assert len(flagged(run(COMBINED[lang].format(x=wrong), "breakdown.combined"))) == 1


# --- a margin against the two amounts it divides -------------------------------------------

MARGIN = {
    "ko": "A사는 3분기 매출액 5267억원, 영업이익 2495억원을 거뒀다. 3분기 영업이익률은 {x}%였다.",
    "zh": "2021年公司营业收入为200亿元，营业利润为30亿元，营业利润率为{x}%。",
    "en": "Revenue for 2021 was $930.9 million and operating income was $141.5 million, an "
    "operating margin of {x}%.",
}
MARGIN_X = {"ko": ("47.37", "49.37"), "zh": ("15.0", "17.0"), "en": ("15.2", "16.2")}


@pytest.mark.parametrize("lang", MARGIN)
def test_a_margin_its_two_amounts_contradict_warns(lang: str) -> None:
    got = flagged(run(MARGIN[lang].format(x=MARGIN_X[lang][1]), "derived.margin"))
    assert len(got) == 1 and len(got[0].facts) == 3


@pytest.mark.parametrize("lang", MARGIN)
def test_a_margin_its_two_amounts_confirm_is_ok(lang: str) -> None:
    got = run(MARGIN[lang].format(x=MARGIN_X[lang][0]), "derived.margin")
    assert [f.severity for f in got] == [Severity.OK]


def test_the_margin_of_an_earlier_period_is_not_checked() -> None:
    text = "A사는 매출액 5267억원, 영업이익 2495억원을 거뒀다. 전분기 영업이익률은 50.02%였다."
    assert run(text, "derived.margin") == []
