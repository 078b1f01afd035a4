"""Issue 16, second pass: one figure stated twice in a document — a table row in prose, a
paragraph and its translation, a headline and the body, a change in the text and in a table,
a projection's aside.

Each rule has examples that fire and examples that must not (written for these tests).
"""

from __future__ import annotations

import pytest

from check_findings import flagged as bad
from sectorlens.model import Severity

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


# --- a figure in an aside belongs to what is outside it -------------------------------------------

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
