"""Issue 16 (recall16d): restatements and breakdowns that real releases write, read as such.

Every sentence here is written for these tests (ko, zh, en), in the style of statistics releases,
results announcements and survey reports: the consistent text gives no error or warning, the text
with one figure changed does, and a structure that establishes no relation gives no finding."""

from __future__ import annotations

import pytest

from check_findings import findings, flagged
from sectorlens.facts import extract, from_text
from sectorlens.facts.change_words import change_of
from sectorlens.model import Severity

# --- change words in traditional characters -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "want"),
    [
        ("分季度看,一季度同比下降6.8%,三季度增長4.9%。", "4.9%", "change"),
        ("出口總額減少3.2%,進口上漲5.1%。", "3.2%", "change"),
        ("出口總額減少3.2%,進口上漲5.1%。", "5.1%", "change"),
        ("全年銷售額為1200億元。", "1200億元", None),
        ("수출은 5.1% 증가했다.", "5.1%", "change"),
        ("Exports were $5.1 billion.", "$5.1 billion", None),
    ],
)
def test_change_words_read_in_traditional_characters_too(
    text: str, number: str, want: str | None
) -> None:
    start = text.index(number)
    floor = 0
    for other in ("6.8%", "3.2%"):
        at = text.find(other)
        if 0 <= at < start:
            floor = at + len(other)
    assert change_of(text, start, start + len(number), floor) == want


# --- an indicator named by its acronym in the headline, in full in the body --------------------

ACRONYM = {
    "zh": (
        "國家統計局:2020年三季度GDP同比增長4.9%\n\n初步核算,2020年前三季度國內生產總值722786億元,"
        "同比增長0.7%。分季度看,2020年一季度同比下降6.8%,二季度增長3.2%,三季度增長4.9%。\n",
        "三季度增長4.9%",
        "三季度增長5.9%",
    ),
    "ko": (
        "2023년 3분기 GDP 전년 동기 대비 2.1% 증가\n\n한국은행은 2023년 3분기 국내총생산이 전년 "
        "동기 대비 2.1% 증가했다고 밝혔다. 2분기에는 1.5% 증가했다.\n",
        "국내총생산이 전년 동기 대비 2.1%",
        "국내총생산이 전년 동기 대비 2.6%",
    ),
    "en": (
        "Third-quarter 2023 GDP up 2.1% from a year earlier\n\nGross domestic product grew 2.1% "
        "in the third quarter of 2023 from a year earlier, after 1.5% in the second quarter.\n",
        "product grew 2.1%",
        "product grew 2.6%",
    ),
}


@pytest.mark.parametrize("lang", ACRONYM)
def test_acronym_and_full_name_are_one_indicator(lang: str) -> None:
    text, old, new = ACRONYM[lang]
    assert not flagged(text)
    hits = flagged(text.replace(old, new), "restated")
    assert hits and hits[0].severity is Severity.WARNING


def test_an_acronym_does_not_join_two_indicators() -> None:
    text = (
        "2023年三季度GDP同比增长4.9%\n\n2023年三季度居民消费价格指数同比上涨5.9%,"
        "工业生产者出厂价格指数同比下降2.1%。\n"
    )
    assert not flagged(text, "restated")


# --- a highlight line: the measure's label, then each value's basis ---------------------------

HIGHLIGHTS = (
    "ACME REPORTS 2023 THIRD-QUARTER RESULTS\n\n"
    "- Diluted EPS from continuing operations: Operating (non-GAAP): $3.34, down 9 percent; "
    "GAAP: $3.02, down 13 percent;\n"
    "- Revenue: $19.3 billion, down 1 percent;\n\n"
    "ACME today announced third-quarter 2023 diluted earnings from continuing operations of "
    "$3.02 per share, down 13 percent compared to the third quarter of 2022.\n\n"
    # the body goes on (the highlights are the opening tenth of the release)
    + " ".join(
        f"The {unit} unit saw steady demand from enterprise clients during the quarter."
        for unit in (
            "cloud",
            "consulting",
            "software",
            "hardware",
            "financing",
            "security",
            "storage",
            "networking",
            "analytics",
            "automation",
            "mainframe",
            "services",
            "support",
            "research",
            "design",
            "training",
            "outsourcing",
            "hosting",
            "licensing",
            "data",
            "integration",
            "maintenance",
            "platform",
            "mobile",
            "retail",
            "banking",
        )
    )
    + "\n"
)


def test_a_basis_label_takes_the_measure_of_its_line() -> None:
    ex = extract(from_text(HIGHLIGHTS))
    subjects: dict[str, str | None] = {}
    for m in ex.mentions:
        subjects.setdefault(m.fact.quantity.input, m.fact.subject)
    assert subjects["$3.34"] == "Operating (non-GAAP) Diluted EPS from continuing operations"
    assert subjects["$3.02"] == "GAAP Diluted EPS from continuing operations"


def test_a_highlight_restated_in_the_body_is_checked() -> None:
    assert not flagged(HIGHLIGHTS)
    bad = HIGHLIGHTS.replace("operations of $3.02", "operations of $3.12")
    assert flagged(bad, "restated")


@pytest.mark.parametrize(
    "text",
    [
        "Revenue: $5.2 billion, up 3 percent; net income: $1.1 billion.",
        "- 매출액: 5조 2천억원, 3% 증가; 영업이익: 1조 1천억원",
        "- 营业收入：52亿元，同比增长3%；净利润：11亿元",
    ],
)
def test_a_second_measure_on_the_line_is_not_a_basis(text: str) -> None:
    ex = extract(from_text(text))
    for m in ex.mentions:
        subject = m.fact.subject or ""
        assert not (("income" in subject or "이익" in subject) and "Revenue" in subject)


# --- the answers listed under a question --------------------------------------------------------

ANSWERS = {
    "en": "# Outlook survey, third quarter 2023\n\n1. How would you describe the outlook for your "
    "firm?\n- Very positive – 15.0%\n- Somewhat positive – 60.0%\n- Somewhat negative – 24.0%\n"
    "- Very negative – 1.0%\n\nAverage expected sales growth = 3.3%\n",
    "ko": "# 2023년 3분기 경기전망 조사\n\n1. 향후 1년간 귀사의 매출 전망은?\n- 10% 이상 증가 – "
    "15.0%\n- 10% 미만 증가 – 60.0%\n- 감소 – 24.0%\n- 모름 – 1.0%\n\n"
    "평균 예상 매출 증가율은 3.3%였다.\n",
    "zh": "# 2023年三季度企业景气调查\n\n1. 您对未来一年企业经营前景的判断？\n- 非常乐观 – 15.0%\n"
    "- 比较乐观 – 60.0%\n- 比较悲观 – 24.0%\n- 非常悲观 – 1.0%\n\n预计销售收入平均增长3.3%。\n",
}


@pytest.mark.parametrize("lang", ANSWERS)
@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_the_answers_of_a_question_add_up_to_100(lang: str, fmt: str) -> None:
    text = ANSWERS[lang]
    assert not flagged(text, "breakdown", fmt=fmt)
    ok = [f for f in findings(text, "breakdown.sum", fmt=fmt) if f.severity is Severity.OK]
    assert ok if fmt == "md" else True
    hits = flagged(text.replace("60.0%", "64.0%"), "breakdown.sum", fmt=fmt)
    assert hits and hits[0].severity is Severity.ERROR and "104" in hits[0].message


@pytest.mark.parametrize(
    "text",
    [
        # several answers allowed: the shares of one question need not add up
        "1. Which support do you need (multiple responses)?\n- Funding – 60.0%\n"
        "- Staff – 46.9%\n- Market access – 32.2%\n",
        "1. 필요한 지원(복수응답)은?\n- 자금 지원 – 60.0%\n- 인력 지원 – 46.9%\n"
        "- 판로 지원 – 32.2%\n",
        "1. 企业最需要的支持（可多选）？\n- 资金支持 – 60.0%\n- 人才支持 – 46.9%\n"
        "- 市场支持 – 32.2%\n",
        # a colon lead that names no distribution: figures of their own
        "Key figures:\n- Gross margin – 45.0%\n- Operating margin – 30.0%\n- Net margin – 28.0%\n",
        "주요 지표:\n- 매출총이익률 – 45.0%\n- 영업이익률 – 30.0%\n- 순이익률 – 28.0%\n",
        "主要指标：\n- 毛利率 – 45.0%\n- 营业利润率 – 30.0%\n- 净利率 – 28.0%\n",
        # answers spread over a paragraph of prose are no listed answers
        "What did firms expect? Most were positive – 60.0%. Many were negative – 44.0%.\n",
    ],
)
def test_lists_that_are_no_answers_of_one_question_are_not_summed(text: str) -> None:
    assert not flagged(text, "breakdown", fmt="md")


def test_a_colon_lead_naming_the_respondents_is_a_warning() -> None:
    text = "Breakdown of respondents by size:\n- Small – 40.0%\n- Medium – 45.0%\n- Large – 20.0%\n"
    hits = flagged(text, "breakdown.sum", fmt="md")
    assert hits and hits[0].severity is Severity.WARNING and "105" in hits[0].message


# --- a marked list item ends before the paragraph after it -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "- Decrease more than 10 percent – 1.4%\n\nAverage expected increase in sales = 3.3%\n",
        "- 10% 이상 감소 – 1.4%\n\n평균 예상 매출 증가율 = 3.3%\n",
        "- 下降10%以上 – 1.4%\n\n预计销售收入平均增长 = 3.3%\n",
    ],
)
def test_a_markdown_list_item_is_a_sentence_of_its_own(text: str) -> None:
    layout = extract(from_text(text, fmt="md")).layout
    assert [s.text.endswith("1.4%") for s in layout.sentences][:1] == [True]
    assert len(layout.sentences) == 2


# --- a total named first, its parts listed right after it --------------------------------------

WHOLE_FIRST = {
    "ko": (
        "2023년 총 수출액은 500억 달러로, 반도체 250억 달러, 자동차 150억 달러, "
        "선박 100억 달러였다.",
        "자동차 150억",
        "자동차 200억",
    ),
    "zh": (
        "2023年出口总额500亿美元，集成电路250亿美元、汽车150亿美元、船舶100亿美元。",
        "汽车150亿",
        "汽车200亿",
    ),
    "en": (
        "Total capital return to shareholders of $8.7 billion in 2015; dividends of $4.7 billion "
        "and gross share repurchases of $4.0 billion.",
        "dividends of $4.7",
        "dividends of $5.7",
    ),
}


@pytest.mark.parametrize("lang", WHOLE_FIRST)
def test_parts_listed_after_a_named_total_must_not_exceed_it(lang: str) -> None:
    text, old, new = WHOLE_FIRST[lang]
    assert not flagged(text, "breakdown")
    assert [f for f in findings(text, "breakdown.parts") if f.severity is Severity.OK]
    hits = flagged(text.replace(old, new), "breakdown.parts")
    assert hits and hits[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # profits after total sales are other figures, not its parts
        "2023년 총 매출은 500억원으로, 영업이익 300억원, 순이익 250억원을 기록했다.",
        "2023年营业总收入500亿元，营业利润300亿元、净利润250亿元。",
        "Total revenue was $10 billion in 2023, gross profit $6 billion and operating "
        "expenses $5 billion.",
        # totals of their own listed after a total: none is its part
        "At year end total assets were $10 billion, total loans $7 billion and total deposits "
        "$8 billion.",
        # no total named: three amounts of a sentence are no breakdown
        "2023년 수출은 500억 달러로, 반도체 250억 달러, 자동차 300억 달러였다.",
        # the total's clause goes on with a change: the amounts after it are other figures
        "2023년 총 수출액은 500억 달러로 전년보다 50억 달러 늘었고, 수입은 450억 달러, "
        "무역수지는 60억 달러였다.",
    ],
)
def test_amounts_that_are_not_parts_of_a_named_total_are_not_summed(text: str) -> None:
    assert not flagged(text, "breakdown")
