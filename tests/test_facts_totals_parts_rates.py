"""Issue 16, second pass: totals, parts and rates the tables and the text establish themselves —
an unlabelled total row, a sign against its trend word, parts after 'of which', a table's
compound-rate column, 'of this amount'.

Each rule has examples that fire and examples that must not (written for these tests).
"""

from __future__ import annotations

import pytest

from check_findings import flagged as bad
from sectorlens.model import Severity

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
