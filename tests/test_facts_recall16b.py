"""Issue 16 (recall16b): breakdowns, trend words and table totals found on documents the rules
were not tuned on. Every sentence and table here is written for these tests (ko, zh, en): the
consistent text gives no error or warning, the text with one figure or word changed does, and a
structure that establishes no relation gives no finding."""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def run(text: str, rule: str, fmt: str = "txt") -> list[Finding]:
    extraction = extract(from_text(text, fmt=fmt))
    return [f for f in check(extraction, lang="en") if f.rule.startswith(rule)]


def flagged(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in BAD]


REVERTED = pytest.mark.xfail(
    strict=True,
    reason="table reading withdrawn: on documents check was not tuned on it raised false alarms "
    "(a placeholder total row, a net total judged on its items' gross size); needs corroboration",
)

# --- a total row named in its first cell, a placeholder beside the figure -------------------

TOP5 = {
    "zh": (
        "| 序号 | 客户名称 | 销售额（元） | 占年度销售总额比例 |\n|---|---|---|---|\n"
        "| 1 | 甲公司 | {a} | 30.00% |\n| 2 | 乙公司 | 2,000,000.00 | 20.00% |\n"
        "| 3 | 丙公司 | 1,000,000.00 | 10.00% |\n| 合计 | -- | 6,000,000.00 | 60.00% |\n"
    ),
    "ko": (
        "| 순위 | 고객명 | 매출액(원) | 매출 비중 |\n|---|---|---|---|\n"
        "| 1 | 가사 | {a} | 30.0% |\n| 2 | 나사 | 2,000,000 | 20.0% |\n"
        "| 3 | 다사 | 1,000,000 | 10.0% |\n| 합계 | - | 6,000,000 | 60.0% |\n"
    ),
    "en": (
        "| Rank | Customer | Sales ($) | Share of sales |\n|---|---|---|---|\n"
        "| 1 | Alpha | {a} | 30.0% |\n| 2 | Beta | 2,000,000 | 20.0% |\n"
        "| 3 | Gamma | 1,000,000 | 10.0% |\n| Total | — | 6,000,000 | 60.0% |\n"
    ),
}


@REVERTED
@pytest.mark.parametrize("lang", TOP5)
def test_total_row_with_a_placeholder_name_cell(lang: str) -> None:
    good = "3,000,000.00" if lang == "zh" else "3,000,000"
    bad = "3,200,000.00" if lang == "zh" else "3,200,000"
    assert not flagged(run(TOP5[lang].format(a=good), "table.", "md"))
    hits = flagged(run(TOP5[lang].format(a=bad), "table.total", "md"))
    assert hits and hits[0].severity is Severity.ERROR


def test_placeholder_row_without_a_total_word_is_no_total() -> None:
    """A row whose name cell is blank and whose first cell is a number is no total row."""
    text = (
        "| 序号 | 客户名称 | 销售额（元） |\n|---|---|---|\n| 1 | 甲公司 | 3,200,000 |\n"
        "| 2 | 乙公司 | 2,000,000 |\n| 3 | 丙公司 | 1,000,000 |\n| 4 | -- | 6,000,000 |\n"
    )
    assert not flagged(run(text, "table.", "md"))


# --- a net total (income less expenses) corroborated by the table's other columns -----------

NET = (
    "| | Q1 | Q2 | Q3 | Q4 |\n|---|---|---|---|---|\n"
    "| Interest expense | (4,100) | (4,200) | (3,900) | (4,000) |\n"
    "| Gain on sale of assets | 2,600 | 50 | 20 | 100 |\n"
    "| Other income, net | {x} | (800) | 2,600 | 3,200 |\n"
    "| Total other income (expense), net | 1,900 | (4,950) | (1,280) | (700) |\n"
)


NET_LABELS = {
    "en": (
        "Interest expense",
        "Gain on sale of assets",
        "Other income, net",
        "Total other income (expense), net",
    ),
    "ko": ("이자비용", "자산처분이익", "기타손익", "영업외손익 합계"),
    "zh": ("利息支出", "资产处置收益", "其他收益", "营业外收支合计"),
}


@REVERTED
@pytest.mark.parametrize("lang", NET_LABELS)
def test_net_total_off_in_one_column_is_an_error(lang: str) -> None:
    table = NET
    for en, own in zip(NET_LABELS["en"], NET_LABELS[lang], strict=True):
        table = table.replace(en, own)
    assert not flagged(run(table.format(x="3,400"), "table.", "md"))
    hits = flagged(run(table.format(x="3,900"), "table.total", "md"))
    assert hits and hits[0].severity is Severity.ERROR


def test_net_total_far_off_everywhere_is_no_finding() -> None:
    """No column adds up: the rows are not the total's items; nothing is said."""
    text = NET.replace("| 1,900 | (4,950) | (1,280) | (700) |", "| 9,000 | 7,000 | 8,000 | 6,000 |")
    assert not flagged(run(text.format(x="3,400"), "table.", "md"))


# --- signs: (△x%) in an item list, 등에서도 --------------------------------------------------

SIGNS_KO = "품목별로는 반도체(12.0%)는 늘었고 디스플레이(△8.1%), 선박(△40.2%) 등은 {word}했다."


def test_white_triangle_in_an_item_bracket_is_a_minus() -> None:
    assert not flagged(run(SIGNS_KO.format(word="감소"), "trend.sign"))
    assert flagged(run(SIGNS_KO.format(word="증가"), "trend.sign"))


def test_white_triangle_as_a_list_mark_is_no_sign() -> None:
    text = "배출량은 △전력부문 5만 t △연료부문 300 t 증가했다."
    assert not flagged(run(text, "trend.sign"))


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("승용차 수출은 줄었고 철강(-12.0%), 선박(-39.7%) 등에서도 줄었다.", False),
        ("승용차 수출은 줄었고 철강(-12.0%), 선박(-39.7%) 등에서도 늘었다.", True),
        ("钢材（-12.0%）、船舶（-39.7%）等增长。", True),
        ("Steel (-12.0%) and ships (-39.7%) declined.", False),
    ],
)
def test_item_list_closed_by_a_particle(text: str, bad: bool) -> None:
    assert bool(flagged(run(text, "trend.sign"))) is bad


# --- zh: 较2022年X%提升 marks the level compared with --------------------------------------


@pytest.mark.parametrize(
    ("word", "bad"),
    [("微幅提升", False), ("微幅下降", True), ("有所上升", False), ("明显回落", True)],
)
def test_zh_compared_level_before_the_verb(word: str, bad: bool) -> None:
    text = f"2023年上半年，早期融资合计占比64.72%，较2022年63.27%{word}。"
    assert bool(flagged(run(text, "trend.levels"))) is bad


def test_zh_change_after_the_comparison_word_is_no_level() -> None:
    """较上年增长5.2%: the rate is the change, not a level compared with."""
    text = "2023年营业收入120亿元，较上年增长5.2%。"
    assert not flagged(run(text, "trend.levels"))


# --- a stated change whose size fits but whose word says the other way ---------------------

DIFF = {
    "en": "Gross margin in the quarter was {w} $4.9 million to $199.8 million, compared with "
    "$194.9 million in the prior-year quarter.",
    "ko": "영업이익은 1,998억원으로 전년 동기(1,949억원) 대비 49억원 {w}했다.",
    "zh": "2023年营业利润199.8亿元，比上年的194.9亿元{w}4.9亿元。",
}
WORDS = {"en": ("up", "down"), "ko": ("증가", "감소"), "zh": ("增加", "减少")}


@pytest.mark.parametrize("lang", DIFF)
def test_difference_with_the_direction_flipped(lang: str) -> None:
    right, wrong = WORDS[lang]
    assert not flagged(run(DIFF[lang].format(w=right), "derived.difference"))
    hits = flagged(run(DIFF[lang].format(w=wrong), "derived.difference"))
    assert hits and hits[0].severity is Severity.WARNING


def test_difference_far_off_and_flipped_is_no_finding() -> None:
    text = (
        "Gross margin was down $14.9 million to $199.8 million, compared with $194.9 million a "
        "year earlier."
    )
    assert not flagged(run(text, "derived.difference"))


# --- parts of a period against the whole period ----------------------------------------

PERIODS = {
    "ko": "2024년 상반기 스타트업 투자 건수는 500건이었다. 다른 지표도 살펴보면 다음과 같다. "
    "1분기의 경우 투자 건수는 260건이었다. 2분기는 투자 건수 {x}건이었다.",
    "zh": "2024年上半年，公司实现营业收入500亿元。其中，2024年第一季度营业收入260亿元。"
    "2024年第二季度营业收入{x}亿元。",
    "en": "In the first half of 2024 the company reported revenue of $500 million. Revenue was "
    "$260 million in the first quarter of 2024. Revenue was ${x} million in the second quarter "
    "of 2024.",
}


@pytest.mark.parametrize("lang", PERIODS)
def test_quarters_against_the_half(lang: str) -> None:
    ok = run(PERIODS[lang].format(x=240), "breakdown.periods")
    assert ok and not flagged(ok)
    hits = flagged(run(PERIODS[lang].format(x=250), "breakdown.periods"))
    assert hits and hits[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # a balance at each quarter's end does not add up over the half
        "2024年上半年末，贷款余额500亿元。2024年第一季度末贷款余额260亿元。"
        "2024年第二季度末贷款余额250亿元。",
        # a subset (one region) far below the whole: another scope
        "In the first half of 2024 revenue was $500 million. Revenue was $60 million in the first "
        "quarter of 2024. Revenue was $70 million in the second quarter of 2024.",
        # cumulative statistics: 1–6月 and 7月 against 1–7月 (revised in between)
        "2018年1-7月份，工业企业利润总额39000亿元。2018年1-6月份，工业企业利润总额33900亿元。"
        "2018年7月份，工业企业利润总额5200亿元。",
        # another metric in the quarters
        "2024년 상반기 매출액은 500억원이었다. 1분기 영업이익은 260억원이었다. "
        "2분기 영업이익은 250억원이었다.",
    ],
)
def test_no_period_breakdown_without_the_relation(text: str) -> None:
    assert not flagged(run(text, "breakdown.periods"))


# --- tables copied one cell per line -------------------------------------------------------

STACKED = {
    "en": (
        "First\nQuarter\nSecond\nQuarter\nThird\nQuarter\nTotal\n",
        "Net sales\nCost of sales\nGross profit\n",
        "$\n",
    ),
    "ko": ("1분기\n2분기\n3분기\n합계\n", "매출액\n매출원가\n매출총이익\n", ""),
    "zh": ("第一季度\n第二季度\n第三季度\n合计\n", "营业收入\n营业成本\n毛利\n", ""),
}


def _stacked(lang: str, first: str) -> str:
    head, labels, cur = STACKED[lang]
    rows = [
        [first, "200", "300", "600"],
        ["60", "80", "90", "230"],
        ["40", "120", "210", "370"],
    ]
    out = [head]
    for label, values in zip(labels.split("\n"), rows, strict=False):
        out.append(label + "\n" + "".join(f"{cur}{v}\n" for v in values))
    return "".join(out)


@pytest.mark.parametrize("lang", STACKED)
def test_one_cell_per_line_table_total(lang: str) -> None:
    assert not flagged(run(_stacked(lang, "100"), "table."))
    hits = flagged(run(_stacked(lang, "150"), "table.total"))
    assert hits and hits[0].severity is Severity.ERROR


def test_numbers_between_prose_lines_are_no_stacked_table() -> None:
    """Page numbers and short notes between paragraphs: one value per label is no table."""
    text = (
        "Revenue rose in every quarter.\n12\nNotes to the statements\n13\n"
        "Total revenue was strong\n14\nOutlook\n15\n"
    )
    extraction = extract(from_text(text))
    assert not any(b.table is not None for b in extraction.document.blocks)


# --- shares each stated as a share, and their stated combined share ------------------------

COMBINED = {
    "zh": "种子轮融资数量占比24.10%；A轮融资数量占比{x}%；早期融资合计占比64.72%。",
    "ko": "시드 투자 비중은 24.1%, 시리즈A 투자 비중은 {x}%로 초기 투자 합계 비중은 64.7%였다.",
    "en": "Seed rounds had a share of 24.1%, Series A rounds a share of {x}%, for a combined share "
    "of 64.7%.",
}


@pytest.mark.parametrize("lang", COMBINED)
def test_shares_against_their_combined_share(lang: str) -> None:
    ok = "40.62" if lang == "zh" else "40.6"
    bad = "41.62" if lang == "zh" else "41.6"
    assert not flagged(run(COMBINED[lang].format(x=ok), "breakdown"))
    hits = flagged(run(COMBINED[lang].format(x=bad), "breakdown"))
    assert hits and hits[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # the top five combined: the three listed need not be all of them
        "前三大客户销售占比分别为：客户一占比20.1%，客户二占比15.2%，客户三占比10.3%，"
        "前五大客户合计占比55.6%。",
        # rates of their own, not shares of one whole
        "毛利率为24.1%，净利率为10.2%，合计为40.6%。",
    ],
)
def test_no_combined_share_without_the_relation(text: str) -> None:
    assert not flagged(run(text, "breakdown"))
