"""Issue 16, second pass: relations the tables and the document establish themselves.

Each rule has examples that fire and examples that must not (written for these tests).
"""

from __future__ import annotations

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding, Severity

BAD = (Severity.ERROR, Severity.WARNING)


def run(text: str, rule: str | None = None, fmt: str = "txt") -> list[Finding]:
    found = check(extract(from_text(text, fmt=fmt)), lang="en")
    return [f for f in found if rule is None or f.rule.startswith(rule)]


def bad(text: str, rule: str | None = None, fmt: str = "txt") -> list[Finding]:
    return [f for f in run(text, rule, fmt) if f.severity in BAD]


# --- an unlabelled total row, shown to be one by another column ------------------------------

UNLABELLED = """Orders by region (in millions)

| Region | 2023 | 2022 |
|---|---:|---:|
| North | $ 410 | $ 380 |
| South | 220 | 205 |
| West | 130 | 118 |
| | $ {a} | $ {b} |
"""


def test_an_unlabelled_last_row_that_sums_in_one_column_is_checked_in_the_other() -> None:
    assert bad(UNLABELLED.format(a="760", b="703"), fmt="md") == []
    (f,) = bad(UNLABELLED.format(a="790", b="703"), "table.total", fmt="md")
    assert f.severity is Severity.ERROR and "total row" in f.message
    assert f.values[0] == "790000000"


@pytest.mark.parametrize(("a", "b"), [("790", "713"), ("51", "47")])
def test_an_unlabelled_last_row_no_column_adds_up_is_no_total(a: str, b: str) -> None:
    # an average row, or a row of other figures: nothing in the table says it is a total
    assert bad(UNLABELLED.format(a=a, b=b), fmt="md") == []


# --- fiscal calendars and spans ending on a stated day ---------------------------------------

FISCAL = (
    "Acme Corp reports results for its second quarter fiscal 2025 ended July 31, 2024.\n\n"
    "Second quarter revenue was $5.0 billion. Full year FY25 revenue guidance is $21 billion."
)


def _periods(text: str) -> dict[str, tuple[str, str]]:
    ex = extract(from_text(text))
    return {
        f.quantity.input: (f.period.start.isoformat(), f.period.end.isoformat())
        for f in ex.facts
        if f.period is not None
    }


def test_a_stated_fiscal_calendar_dates_fiscal_years_and_bare_quarters() -> None:
    got = _periods(FISCAL)
    assert got["$5.0 billion"] == ("2024-05-01", "2024-07-31")
    assert got["$21 billion"] == ("2024-02-01", "2025-01-31")


def test_without_a_stated_calendar_a_fiscal_year_stays_the_calendar_year() -> None:
    got = _periods("Full year FY25 revenue guidance is $21 billion. Q1 revenue was $4 billion.")
    assert got["$21 billion"] == ("2025-01-01", "2025-12-31")


def test_two_different_fiscal_statements_give_no_calendar() -> None:
    from sectorlens.facts.fiscal import fiscal_calendar

    assert fiscal_calendar(FISCAL) is not None
    both = FISCAL + " The first quarter fiscal 2025 ended March 31, 2024."
    assert fiscal_calendar(both) is None
    assert fiscal_calendar("Results for the fiscal year 2023 ended December 31, 2023.") is None


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("Three Months Ended April 30, 2023", "2023-02-01", "2023-04-30"),
        ("Six months ended June 30, 2022", "2022-01-01", "2022-06-30"),
        ("Year Ended January 28, 2024", "2023-01-29", "2024-01-28"),
        ("Year Ended / Jan 28, 2024", "2023-01-29", "2024-01-28"),  # two header rows joined
        ("Three Months / Ended April 30, / 2023", "2023-02-01", "2023-04-30"),
    ],
)
def test_months_ended_a_day_is_the_span_before_it(header: str, start: str, end: str) -> None:
    from sectorlens.facts.context import named_periods

    (n,) = named_periods(header, None)
    assert (n.period.start.isoformat(), n.period.end.isoformat()) == (start, end)


def test_a_bare_year_after_a_span_ended_names_the_same_span_that_year() -> None:
    from sectorlens.facts.context import named_periods

    a, b = named_periods("Three Months Ended April 30, 2023\n2022", None)
    assert (b.period.start.isoformat(), b.period.end.isoformat()) == ("2022-02-01", "2022-04-30")
    assert a.period.end.isoformat() == "2023-04-30"


# --- a table with its column headers and unit line set above it ------------------------------

SET_APART = """Statements of Operations (in millions, except per share data) (Unaudited)

Three Months Ended April 30, 2023

2022

Revenues:

| Item | | |
|---|---:|---:|
| Product | $ 700 | $ 600 |
| Services | 300 | 300 |
| Total revenues | 1,000 | 900 |
| Diluted net income per share | $ 0.20 | $ 0.03 |
| Shares used in computing diluted net income per share | 988 | 1,001 |

In the three months ended April 30, 2023, total revenues were $1.0 billion,
an increase of {x}% Y/Y, and 12% in constant currency.
"""


def test_column_periods_and_unit_line_above_a_table_apply_to_its_cells() -> None:
    ex = extract(from_text(SET_APART.format(x=11), fmt="md"))
    cells = {f.quantity.input: f for f in ex.facts if " | " in f.sentence}
    assert cells["USD 700 million"].period is not None
    assert cells["USD 700 million"].period.start.isoformat() == "2023-02-01"
    assert cells["USD 600 million"].period is not None
    assert cells["USD 600 million"].period.end.isoformat() == "2022-04-30"
    assert "USD 0.20" in cells  # per share: not scaled to millions
    assert "988" in cells  # a count of shares: no currency


def test_a_yoy_rate_is_recomputed_from_the_table_and_constant_currency_is_not() -> None:
    assert bad(SET_APART.format(x=11), fmt="md") == []
    (f,) = bad(SET_APART.format(x=-11).replace("increase of -11%", "decrease of 11%"), fmt="md")
    assert f.rule == "derived.growth" and f.severity is Severity.WARNING
    assert "-11%" in f.message and "+11.11%" in f.message


# --- a sign against the trend word next to it ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "업계의 Capex는 작년 대비 +48.3% 감소할 것으로 전망된다.",
        "公司净利润同比下降+12.5%，主要由于成本上升。",
        "Operating costs were 4.1 billion dollars, a change of -7% increase on last year.",
    ],
)
def test_a_sign_contradicting_its_trend_word_is_a_warning(text: str) -> None:
    (f,) = bad(text, "trend.sign")
    assert f.severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "업계의 Capex는 작년 대비 +48.3% 증가할 것으로 전망된다.",
        "수출은 전년 대비 -5.2% 감소했다.",  # a minus before a fall word: redundant, not wrong
        "영업이익은 ▲3.2% 감소했다.",  # ▲ can mean minus in Korean financial writing
        "公司净利润同比增长+12.5%。",
        "Revenue for 2021-2022 grew 8% to $3 billion.",
    ],
)
def test_a_sign_agreeing_with_its_word_or_no_sign_is_quiet(text: str) -> None:
    assert bad(text, "trend.sign") == []


# --- a table row restated in prose ------------------------------------------------------------

RESTATED = """Results (in millions)

| Item | 2023 | 2022 |
|---|---:|---:|
| Revenues: | | |
| Licences | $ 640 | $ 600 |
| Support | 180 | 170 |
| Cost of revenues: | | |
| Licences | 600 | 560 |
| Support | 90 | 85 |

In 2023, licences revenues were ${x} million.
"""


def test_a_table_row_restated_in_prose_by_its_words_and_label_row() -> None:
    assert bad(RESTATED.format(x=640), fmt="md") == []
    (f,) = bad(RESTATED.format(x=690), fmt="md")
    assert f.rule == "restated" and {"640000000", "690000000"} <= set(f.values)


def test_a_row_under_another_label_row_is_not_the_figure_restated() -> None:
    # the cost of licences (600) is close in value but under 'Cost of revenues:'
    (f,) = bad(RESTATED.format(x=690), fmt="md")
    assert len(f.facts) == 2 and "600000000" not in f.values


# --- energy amounts and parts that end with their clause --------------------------------------


@pytest.mark.parametrize(("text", "value"), [("19.0GWh", "19"), ("1,200 TWh", "1200")])
def test_energy_amounts_are_read_with_their_unit(text: str, value: str) -> None:
    from sectorlens.parse import parse

    q = parse(text)
    assert q.kind.value == "count" and str(q.value) == value and q.unit in ("GWh", "TWh")


PARTS_CLAUSE = (
    "5 月出口 19.0GWh，占当月产量 15.4%，其中甲类电池出口 {a}GWh（占比 37.89%），"
    "乙类电池出口 11.7GWh（占比 61.58%）；1-5 月累计出口 102.90GWh，同比 + 68.0%。"
)


def test_parts_after_of_which_end_with_their_clause() -> None:
    assert bad(PARTS_CLAUSE.format(a="7.2")) == []
    found = bad(PARTS_CLAUSE.format(a="9.2"))
    assert {f.rule for f in found} == {"breakdown.parts", "breakdown.share"}
    assert all(f.severity is Severity.ERROR for f in found)


# --- a paragraph and its translation ----------------------------------------------------------

BILINGUAL = {
    "zh": (
        "In 2022 sales rose by nearly 12% to $4 billion, margins reached 31% and the company "
        "spent ${x} billion on new plants.\n\n"
        "2022 年销售额增长近 12%，达到 40 亿美元，利润率达到 31%，公司在新工厂上花费了 "
        "15 亿美元。\n"
    ),
    "ko": (
        "In 2022 sales rose by nearly 12% to $4 billion, margins reached 31% and the company "
        "spent ${x} billion on new plants.\n\n"
        "2022년 매출은 12% 가까이 늘어 40억 달러에 이르렀고, 이익률은 31%였으며, 회사는 새 "
        "공장에 15억 달러를 썼다.\n"
    ),
}


@pytest.mark.parametrize("lang", BILINGUAL)
def test_a_figure_differing_from_its_translation_is_a_warning(lang: str) -> None:
    assert bad(BILINGUAL[lang].format(x="1.5"), "restated.translation") == []
    (f,) = bad(BILINGUAL[lang].format(x="2.5"), "restated.translation")
    assert f.severity is Severity.WARNING and set(f.values) == {"2500000000", "1500000000"}


def test_paragraphs_whose_figures_do_not_line_up_are_no_translation() -> None:
    text = (
        "In 2022 sales rose by 12% to $4 billion, margins reached 31% and capex was "
        "$2.5 billion.\n\n"
        "2023 年销售额增长 8%，达到 43 亿美元，利润率为 29%，资本开支为 15 亿美元。\n"
    )
    assert bad(text, "restated.translation") == []


# --- a headline restating a body figure -------------------------------------------------------

HEADLINES = {
    "zh": (
        "# 某国5月对华出口增5.6%达61.7亿美元\n\n"
        + "据报道，该国5月份出口总额同比增长4.7%，达到133.8亿美元，连续第20个月增长。" * 3
        + "\n\n5月对中国出口的产品金额为{level}亿美元，同比{word}5.6%。\n"
    ),
    "en": (
        "# Acme exports to China rose 5.6% to $6.17 billion in May 2011\n\n"
        + "Total exports of the country grew 4.7% in May 2011, reaching $13.38 billion. " * 3
        + "\n\nIn May 2011, Acme exports to China were ${level} billion, "
        "{word} 5.6% year on year.\n"
    ),
}
WORDS = {"zh": ("增长", "下降"), "en": ("up", "down")}
LEVELS = {"zh": ("61.7", "66.7"), "en": ("6.17", "6.67")}


@pytest.mark.parametrize("lang", HEADLINES)
def test_a_headline_level_and_change_restated_in_the_body(lang: str) -> None:
    up, down = WORDS[lang]
    same, other = LEVELS[lang]
    assert bad(HEADLINES[lang].format(level=same, word=up), "restated.headline", fmt="md") == []
    (f,) = bad(HEADLINES[lang].format(level=other, word=up), "restated.headline", fmt="md")
    assert f.severity is Severity.WARNING
    (g,) = bad(HEADLINES[lang].format(level=same, word=down), "restated.headline", fmt="md")
    assert g.severity is Severity.WARNING and "-5.6%" in g.message


def test_a_body_figure_with_another_change_is_no_restatement_of_the_headline() -> None:
    text = HEADLINES["en"].format(level="6.67", word="up").replace("up 5.6% year", "up 7.1% year")
    assert bad(text, "restated.headline", fmt="md") == []


# --- layout and dates -------------------------------------------------------------------------


def test_a_dateline_dates_the_document_not_the_section_below_it() -> None:
    from sectorlens.facts.dateline import is_dateline

    assert is_dateline("发布时间：2011-06-09 发布人：-")
    assert is_dateline("Published: May 31, 2023")
    assert not is_dateline("2023년 매출 현황")


def test_a_month_and_day_without_year_is_that_day_of_the_context_year() -> None:
    from sectorlens.facts.context import named_periods

    (n,) = named_periods("6 月 11 日价格 6.08 万元", 2025)
    assert n.period.start == n.period.end and n.period.start.isoformat() == "2025-06-11"
    assert named_periods("6 月 31 日", 2025) == ()


def test_list_items_are_sentences_of_their_own() -> None:
    text = (
        "Acme Reports Results\n\n"
        "- Revenue of $8.25 Billion for the quarter, up 11% Year-Over-Year with strong demand\n"
        "- Operating Margin of 27.6% for the quarter, a record for the company in any quarter\n"
        "- Guidance of $9 Billion for the full year, up about 10% on the current year\n"
    )
    ex = extract(from_text(text, fmt="md"))
    texts = {s.text.strip() for s in ex.layout.sentences}
    assert any(t.startswith("Operating Margin of 27.6%") for t in texts)


# --- a table's compound-rate column -----------------------------------------------------------

CAGR_TABLE = {
    "en": """| Year | Output per worker | Period | Compounded Annual Increase |
|---|---:|---|---:|
| 1990 | 100 | | |
| 2000 | 250 | 1990-2000 | {x}% |
| 2010 | 400 | 2000-2010 | 4.8% |
""",
    "zh": """| 年份 | 产量 | 期间 | 年复合增长率 |
|---|---:|---|---:|
| 2010 | 100 | | |
| 2015 | 180 | 2010-2015 | {x}% |
| 2020 | 300 | 2015-2020 | 10.8% |
""",
}
CAGR_RIGHT = {"en": "9.6", "zh": "12.5"}


@pytest.mark.parametrize("lang", CAGR_TABLE)
def test_a_tables_compound_rate_is_recomputed_from_its_levels(lang: str) -> None:
    assert bad(CAGR_TABLE[lang].format(x=CAGR_RIGHT[lang]), "table.cagr", fmt="md") == []
    (f,) = bad(CAGR_TABLE[lang].format(x="15.5"), "table.cagr", fmt="md")
    assert f.severity is Severity.ERROR


def test_no_compound_rate_check_without_one_level_column() -> None:
    text = CAGR_TABLE["en"].replace("| Year | Output per worker |", "| Year | Output | Jobs |")
    text = text.replace("| 100 |", "| 100 | 5 |").replace("| 250 |", "| 250 | 9 |")
    text = text.replace("| 400 |", "| 400 | 12 |").replace("|---|---:|", "|---|---:|---:|")
    assert bad(text.format(x="15.5"), "table.cagr", fmt="md") == []


# --- 'of this amount' takes its whole from the sentence before ---------------------------------

OF_THIS = {
    "en": "In 2010 we spent $6 billion on plants and equipment. Of this amount, ${x} billion "
    "-- or 90% of the total -- was spent at home.",
    "ko": "2010년 설비 투자는 60억 달러였다. 이 중 {x}억 달러(비중 90%)가 국내에 쓰였다.",
}
OF_THIS_X = {"en": ("5.4", "4.4"), "ko": ("54", "44")}


@pytest.mark.parametrize("lang", OF_THIS)
def test_a_share_of_the_amount_in_the_sentence_before_is_recomputed(lang: str) -> None:
    right, wrong = OF_THIS_X[lang]
    assert bad(OF_THIS[lang].format(x=right), "breakdown") == []
    (f,) = bad(OF_THIS[lang].format(x=wrong), "breakdown")
    assert f.rule == "breakdown.share" and f.severity is Severity.ERROR


def test_of_this_after_a_paragraph_break_has_no_whole() -> None:
    text = OF_THIS["en"].format(x="4.4").replace(" Of this amount", "\n\nOf this amount")
    assert bad(text, "breakdown") == []


# --- subjects ----------------------------------------------------------------------------------


def _subjects(text: str, fmt: str = "txt") -> dict[str, str | None]:
    return {f.quantity.input: f.subject for f in extract(from_text(text, fmt=fmt)).facts}


def test_an_english_subject_stops_at_its_verb() -> None:
    got = _subjects("Since 1965, book value has grown from $19 to $95,453.")
    assert got["$19"] == "book value"


def test_a_change_without_words_of_its_own_takes_the_metric_of_its_level() -> None:
    got = _subjects("Gaming net revenue of $6.8 billion in 2022 increased by 21% from 2021.")
    assert got["21%"] is not None and "net revenue" in got["21%"]


def test_a_year_labelled_table_row_is_named_by_its_column() -> None:
    text = "| Year | Book value per share |\n|---|---:|\n| 2009 | 84,487 |\n| 2010 | 95,453 |\n"
    got = _subjects(text, fmt="md")
    assert got["95453"] == "Book value per share"


def test_a_connective_left_of_a_change_word_is_no_metric() -> None:
    from sectorlens.facts.scope import metric_of

    assert metric_of("上升至") is None
    assert metric_of("进口量") == "进口量"


# --- a change stated in the text and in a table, in opposite directions -----------------------

DIRECTION = """| Year | Percentage Change in Per-Share Book Value | Percentage Change in the Index |
|---|---:|---:|
| 2009 | 19.8 | 26.5 |
| 2010 | 13.0 | 15.1 |

The per-share book value of our stock {word} by 13% in 2010.
"""


def test_a_text_change_against_the_tables_change_in_the_other_direction() -> None:
    assert bad(DIRECTION.format(word="increased"), "restated.direction", fmt="md") == []
    (f,) = bad(DIRECTION.format(word="decreased"), "restated.direction", fmt="md")
    assert f.severity is Severity.WARNING and set(f.values) == {"13"}


def test_two_sentences_with_the_same_size_in_opposite_directions_are_two_items() -> None:
    text = (
        "In May 2011, IT product exports grew 4.7% year on year to $13.38 billion. "
        "In May 2011, semiconductor product exports fell 4.7% year on year to $4.18 billion."
    )
    assert bad(text, "restated.direction") == []


# --- a figure in an aside belongs to what is outside it; spans across years -------------------

PROJECTIONS = (
    "Core software sales would be CNY 2.4 tn in 2030 (central CNY 3.3 tn).\n\n"
    "Hardware sales would be CNY 2.1 tn in 2030 (central CNY {b} tn).\n\n"
    "Later, core software sales would be CNY 2.4 tn in 2030 (central CNY {a} tn)."
)


def test_an_aside_figure_is_a_part_of_its_clause_subject_not_a_subject_of_its_own() -> None:
    # two projections' central paths are two figures, not one restated differently
    assert bad(PROJECTIONS.format(a="3.3", b="3.1"), "restated") == []
    # the same projection's central path stated twice, differently, still is
    (f,) = bad(PROJECTIONS.format(a="3.5", b="3.1"), "restated")
    assert "core software sales" in f.message.lower()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("From 2012년 1월~2023년 6월 투자 금액은 7,862억 위안이다.", "2012-01-01", "2023-06-30"),
        ("Jan 2012 to Jun 2023, the fund raised USD 5 bn.", "2012-01-01", "2023-06-30"),
        ("2019年3月5日至2020年2月10日，融资金额为50亿元。", "2019-03-05", "2020-02-10"),
    ],
)
def test_a_span_from_one_month_or_day_to_another_is_one_period(
    text: str, start: str, end: str
) -> None:
    ex = extract(from_text(text))
    money = [f for f in ex.facts if f.quantity.currency]
    assert money and money[0].period is not None
    assert (money[0].period.start.isoformat(), money[0].period.end.isoformat()) == (start, end)
