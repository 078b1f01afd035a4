"""Issue 16, session of 2026-12-07 (second): English subjects around a move — the verb (``Net
profit surged``), a span of months (``for the April-June period``), a participle after the
clause that names the measure (``…experienced a notable increase, rising by 23.4 percent``) —
and an earlier event's period (``the last instance occurring in the third quarter of 2022``).
Texts of our own."""

from __future__ import annotations

from check_findings import flagged
from fact_mentions import one


def test_a_move_verb_is_no_part_of_the_subject() -> None:
    assert one("Net profit surged to 9.8 trillion won.", "9.8 trillion won").fact.subject == (
        "Net profit"
    )


def test_a_span_of_months_is_no_part_of_the_subject() -> None:
    text = "Its operating profit for the April-June period soared to 10.44 trillion won."
    assert one(text, "10.44 trillion won").fact.subject == "operating profit"


def test_a_participle_after_a_move_noun_takes_the_clause_s_subject() -> None:
    text = (
        "Sales for the company also experienced a notable increase, rising by 23.4 percent "
        "year-on-year to 74.06 trillion won."
    )
    assert one(text, "23.4 percent").fact.subject == "Sales for the company"


def test_the_period_of_an_earlier_instance_dates_no_figure() -> None:
    text = (
        "This is the first time in seven quarters that profit exceeded 10 trillion won, with the "
        "last instance occurring in the third quarter of 2022.\n\n"
        "Sales rose 23.4 percent to 74.06 trillion won."
    )
    assert one(text, "74.06 trillion won").fact.period is None


_REGIONS = (
    "Total capacity climbed 7.2%, causing load factor to slide 0.2 percentage points to 80.4%.\n\n"
    "• Middle East, 11.5%. Load factor dropped 1.5 percentage points to 73.9%.\n"
    "• Asia-Pacific, 8.6%. Load factor rose 0.7 percentage points to 77.9%.\n"
    "• Africa, 8%. Load factor was almost flat at 72.0%.\n"
)


def test_list_items_that_name_their_region_state_no_one_figure() -> None:
    assert flagged(_REGIONS, "restated") == []


def test_one_region_s_figure_stated_twice_differently_is_still_flagged() -> None:
    text = _REGIONS + "\nAfrica's load factor was 72.0% in September.\n\n"
    text += "In September, Africa's load factor stood at 75.0%.\n"
    assert flagged(text, "restated")
