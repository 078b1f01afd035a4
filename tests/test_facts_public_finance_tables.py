"""Issue 16, session of 2026-12-07 (second): a statistical bulletin's table whose unit stands
on the line above it (``Not seasonally adjusted, £ billion1``) with a ``Difference`` column, a
flow named like a balance (``Net borrowing``), and a change stated before the level it ends
at (``by £0.6 billion or 12%, amounting to £5.4 billion``). Texts of our own."""

from __future__ import annotations

from check_findings import checked, fires, flagged
from fact_mentions import mentions, one, one_cell, span

_BULLETIN = (
    "Released: 21 September 2011\n\n"
    "Net borrowing of £15.9 billion in August 2011.\n\n"
    "Not seasonally adjusted, £ billion1\n\n"
    "|  | August 2011 | August 2010 | April – August 2011/12 | April – August 2010/11 "
    "| Difference |\n|---|---|---|---|---|---|\n"
    "| Current budget | -13.8 | -11.6 | -43.5 | -44.5 | {budget} |\n"
    "| Net borrowing | {borrowing} | 14.0 | 51.5 | 55.3 | -3.9 |\n"
    "| Net debt2 | 944.5 | 810.5 | : | : | {debt} |\n"
)


def _bulletin(budget: str = "1.0", borrowing: str = "15.9", debt: str = "134.0") -> str:
    return _BULLETIN.format(budget=budget, borrowing=borrowing, debt=debt)


def test_a_unit_line_ending_in_a_sign_and_a_scale_word_scales_the_table() -> None:
    debt = one_cell(_bulletin(), "944500000000")
    assert debt.fact.quantity.currency == "GBP"
    assert debt.fact.subject == "Net debt2"  # the unit line is no caption naming the measure


def test_net_borrowing_is_a_flow_over_the_month_and_net_debt_a_balance_at_its_end() -> None:
    borrowing = one_cell(_bulletin(), "15900000000")
    assert span(borrowing) is not None and span(borrowing)[0].day == 1
    debt = one_cell(_bulletin(), "944500000000")
    assert span(debt) is not None and span(debt)[0] == span(debt)[1]


def test_a_difference_column_is_checked_against_the_two_levels_before_it() -> None:
    fires(_bulletin(), _bulletin(debt="144.0"), "table.change")


def test_a_difference_far_from_its_levels_is_an_error_where_the_other_rows_agree() -> None:
    fires(_bulletin(), _bulletin(budget="3.0"), "table.change")


def test_a_difference_column_that_agrees_nowhere_says_nothing() -> None:
    table = (
        "| | 2011 | 2010 | Difference |\n|---|---|---|---|\n"
        "| Sales | 120 | 100 | 45 |\n| Costs | 80 | 70 | 33 |\n"
    )
    assert flagged(table, "table") == []


def test_a_noun_in_ing_after_its_modifier_is_the_subject() -> None:
    assert one(_bulletin(), "£15.9 billion").fact.subject == "Net borrowing"
    spent = one("The group increased its budget by spending £3 million on research.", "£3 million")
    assert spent.fact.subject == "research"


def test_a_month_after_the_amount_is_not_what_it_counts() -> None:
    m = one("Net lending of £2.1 billion in August 2011.", "£2.1 billion")
    assert m.fact.subject == "Net lending"


def test_prose_and_table_cell_of_one_month_are_one_restated_figure() -> None:
    fires(_bulletin(), _bulletin(borrowing="19.5"), "restated")


_CHANGE_THEN_LEVEL = (
    "Waters with added sugars also saw a considerable rise, with sales {way} by £0.6 billion or "
    "12%, amounting to £5.4 billion. Whisky sales soared, with an impressive uplift of £1.0 "
    "billion or {whisky} to reach a total of £5.1 billion."
)


def test_a_change_stated_before_the_level_it_ends_at_is_recomputed() -> None:
    ok = _CHANGE_THEN_LEVEL.format(way="increasing", whisky="25%")
    assert len(checked(ok, "derived.growth")) == 2
    fires(ok, _CHANGE_THEN_LEVEL.format(way="decreasing", whisky="25%"), "derived.growth")
    fires(ok, _CHANGE_THEN_LEVEL.format(way="increasing", whisky="35%"), "derived.growth")


def test_a_change_and_a_level_apart_in_other_clauses_are_not_a_triple() -> None:
    text = (
        "Sales rose by £0.6 billion or 12%. Separately, the group reported exports amounting "
        "to £9.4 billion."
    )
    assert checked(text, "derived.growth") == []
    assert len(mentions(text)) == 3


def test_a_difference_cell_is_of_the_period_of_the_levels_it_differences() -> None:
    cell = one_cell(_bulletin(), "-3900000000")
    assert span(cell) is not None and span(cell)[0].year == 2011 and span(cell)[0].month == 4
    assert "Difference" not in (cell.fact.subject or "")
