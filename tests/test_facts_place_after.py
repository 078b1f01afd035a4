"""Issue 16: ``rose by 2.4% in the north and by 3.1% in the south``: the words before the second
value are the place of the first, so the second value is the sentence's measure for the place
named after it (``industrial output · southern region``), never a bare place. Two measures of
one place are then not one figure restated. Texts written for these tests.
"""

from __future__ import annotations

from check_findings import flagged
from fact_mentions import one
from sectorlens.model import Severity

OUTPUT = (
    "Compared with a year earlier, industrial output rose by 2.4% in the northern region and by "
    "3.1% in the southern region in the second quarter of 2023."
)
JOBS = (
    "Compared with a year earlier, employment rose by 1.1% in the northern region and by 2.9% in "
    "the southern region in the second quarter of 2023."
)
REVISED = (
    "Industrial output rose by 2.4% in the northern region and by 3.4% in the southern region in "
    "the second quarter of 2023, the office said in a revised note."
)


def test_the_second_value_is_the_measure_of_the_place_after_it() -> None:
    m = one(OUTPUT, "3.1%")
    assert m.metric == "industrial output · southern region"
    assert m.fact.subject == "industrial output · southern region"


def test_a_value_after_it_of_no_place_named_is_not_that_place_s() -> None:
    text = (
        "Exports rose by 0.6% in the euro area and by 0.5% in the EU, after +1.2% and +1.5% "
        "respectively in the previous quarter."
    )
    assert one(text, "0.5%").metric == "Exports · EU"
    assert "EU" not in (one(text, "+1.2%").metric or "")


def test_a_period_or_a_phrase_after_the_value_is_no_place() -> None:
    text = "Sales rose by 4% in the first quarter and by 6% in the second quarter of 2023."
    assert "quarter" not in (one(text, "6%").metric or "")
    text = "Sales rose by 4% in Canada and by 6% in total."
    assert "total" not in (one(text, "6%").metric or "")


def test_two_measures_of_one_place_are_not_restated() -> None:
    assert flagged(f"{OUTPUT}\n\n{JOBS}", "restated") == []


def test_one_measure_of_one_place_stated_twice_still_disagrees() -> None:
    found = flagged(f"{OUTPUT}\n\n{REVISED}", "restated")
    assert [f.severity for f in found] in ([Severity.ERROR], [Severity.WARNING])
    assert "3.1%" in found[0].message and "3.4%" in found[0].message


def test_an_aside_after_the_place_is_not_part_of_its_name() -> None:
    text = "Output rose by 0.4% in the euro area and by 0.5% in the Union (EU27), after 0.3%."
    assert one(text, "0.5%").metric == "Output · Union"
