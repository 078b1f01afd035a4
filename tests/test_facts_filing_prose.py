"""Issue 16: relations in the prose of long filings — a level's share is not its change, one
whole per period, a growth pair across measures, a short name stated first is the whole.

Each case is written for these tests: the consistent text gives no error or warning, and the
same text with one figure changed does.
"""

from __future__ import annotations

from check_findings import BAD
from sectorlens.facts import check, extract, from_text
from sectorlens.model import Finding

# --- prose of long filings: a level's share is not a change; one whole per period ------------


def prose_flagged(text: str, rule: str) -> list[Finding]:
    found = check(extract(from_text(text + "\n", fmt="txt")), lang="en")
    return [f for f in found if f.rule.startswith(rule) and f.severity in BAD]


def test_a_share_set_after_a_level_with_or_is_not_its_change() -> None:
    ok = (
        "Services net sales were $24.2 billion in the third quarter, or 28% of total net "
        "sales, compared to $21.2 billion, or 26%, a year ago."
    )
    bad = "Services net sales grew to $24.2 billion, or 24%, from $21.2 billion a year ago."
    assert prose_flagged(ok, "derived.") == []
    assert prose_flagged(bad, "derived.growth")


MARGINS = "\n\n".join(
    [
        "Services net sales were $24.2 billion in the third quarter of 2024, or 28% of total "
        "net sales.",
        "Research and development expense was $8.0 billion in the third quarter of 2024, or 9% "
        "of net sales.",
        "Selling, general and administrative expense was $6.3 billion in the third quarter of "
        "2024, or {sga}% of net sales.",
        "Research and development expense was $23.6 billion in the first nine months of 2024, "
        "or 8% of net sales.",
    ]
)


def test_shares_of_sales_imply_one_whole_per_period() -> None:
    # the nine months' 8% implies nine months' sales, not the quarter's: no finding; a
    # quarter's share the other quarter's shares contradict is
    assert prose_flagged(MARGINS.format(sga=7), "breakdown.share_of") == []
    assert prose_flagged(MARGINS.format(sga=17), "breakdown.share_of")


def test_to_a_level_from_the_measure_of_another_is_a_growth_pair() -> None:
    text = (
        "Net sales for the 13-week fiscal quarter ended May 4, 2024 decreased {x} percent to "
        "$251.2 million from net sales of $262.4 million for the prior year 13-week fiscal "
        "quarter ended April 29, 2023."
    )
    assert prose_flagged(text.format(x="4.3"), "derived.") == []
    assert prose_flagged(text.format(x="6.3"), "derived.growth")
    # a source of revenue after the level is no earlier level
    other = (
        "Revenue increased 8 percent to $5.0 billion, driven by revenue from sales of cloud "
        "services of $1.2 billion."
    )
    assert prose_flagged(other, "derived.") == []


def test_a_share_after_or_without_a_comma_is_the_amounts_share() -> None:
    text = (
        "Net sales for the fourth quarter were $612.0 million while operating income was "
        "$36.1 million or {x} percent of net sales."
    )
    assert prose_flagged(text.format(x="5.9"), "breakdown.") == []
    assert prose_flagged(text.format(x="6.9"), "breakdown.share_of")


def test_a_short_name_stated_first_is_the_whole_not_a_later_segments_name() -> None:
    text = (
        "- Net revenues for fiscal year 2023 were $87.83 million, a decrease of 38.2% from "
        "$142.23 million in fiscal year 2022.\n"
        "- The Publishing division generated 2% of net revenues from national chain bookstores.\n"
        "- PaperPie net revenues decreased by $54.5 million, or 42.2%, to $74.5 million for the "
        "fiscal year ended February 28, 2023, compared to $129.0 million for the previous year."
    )
    assert prose_flagged(text, "restated") == []
    again = text + "\n- Net revenues for fiscal year 2023 were $85.83 million."
    assert prose_flagged(again, "restated")
