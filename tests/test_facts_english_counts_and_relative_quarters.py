"""English counts of things (``283,195,399 passengers``, ``968 hotels``) and periods told
relative to the figure's own (``the previous quarter``, ``a year ago``), in sentences written for
these tests (issue 16)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sectorlens.facts import check, extract, from_text
from sectorlens.model import Severity
from sectorlens.parse import parse


def facts(text: str) -> dict[str, tuple[str, Decimal | None, str | None]]:
    ex = extract(from_text(text + "\n", fmt="txt"))
    return {
        f.quantity.input: (
            f.quantity.kind.value,
            f.quantity.value,
            None if f.period is None else f"{f.period.start}..{f.period.end}",
        )
        for f in ex.facts
    }


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("183,211,004 passengers", "183211004", "passengers"),
        ("412 hotels", "412", "hotels"),
        ("1 start-up", "1", "start-up"),
        ("7,250 travellers", "7250", "travellers"),
    ],
)
def test_an_english_noun_counted_makes_a_count(written: str, value: str, unit: str) -> None:
    q = parse(written)
    assert (q.kind.value, q.value, q.unit) == ("count", Decimal(value), unit)


def test_counts_of_passengers_are_read_in_prose_and_a_year_before_a_noun_is_not() -> None:
    got = facts(
        "The group's airports closed 2022 with 183,211,004 passengers, up 11.4% from 2021. "
        "Comparing the Q4 2021 smartphones market, vendors shipped 412.5 million smartphones."
    )
    assert got["183,211,004 passengers"][:2] == ("count", Decimal("183211004"))
    assert got["412.5 million smartphones"][:2] == ("count", Decimal("412500000"))
    assert not any(text.startswith("2021 ") for text in got)


def test_parts_counted_in_passengers_are_checked_against_their_total() -> None:
    text = (
        "In 2022 the airports handled 183,211,004 passengers. Of these, {intl} passengers "
        "travelled internationally and 71,100,000 passengers travelled domestically."
    )
    found = check(extract(from_text(text.format(intl="142,111,004") + "\n", fmt="txt")))
    bad = [f for f in found if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert [f for f in bad if f.rule.startswith("breakdown")]
    found = check(extract(from_text(text.format(intl="112,111,004") + "\n", fmt="txt")))
    assert not [f for f in found if f.severity in (Severity.ERROR, Severity.WARNING)]


def test_the_previous_quarter_is_the_one_before_the_figures_own_not_the_compared_one() -> None:
    got = facts(
        "The average daily rate was RMB421 for the first quarter of 2024, compared with "
        "RMB350 for the first quarter of 2023 and RMB399 for the previous quarter."
    )
    assert got["RMB399"][2] == "2023-10-01..2023-12-31"
    assert got["RMB350"][2] == "2023-01-01..2023-03-31"


def test_a_year_ago_after_a_half_year_is_that_half_a_year_before() -> None:
    got = facts(
        "The insurer posted a profit of £2.1bn for the first half of 2024 as against a loss "
        "of £0.9bn a year ago."
    )
    assert got["£0.9bn"][2] == "2023-01-01..2023-06-30"


def test_a_typographic_apostrophe_keeps_the_name_in_the_subject() -> None:
    ex = extract(
        from_text("Acme’s purchases from the venture were $1.7 billion in 2022.\n", fmt="txt")
    )
    (fact,) = ex.facts
    assert fact.subject is not None and fact.subject.startswith("Acme's purchases")
