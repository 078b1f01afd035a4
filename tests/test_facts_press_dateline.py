"""A press release's dateline dates the document, and periods a figure is measured against
(``above the October 2019 results``, ``of October 2019 levels``, ``compared to the same month a
year ago``) are the comparison's, not the figure's."""

from __future__ import annotations

from datetime import date

import pytest

from fact_mentions import one, span
from sectorlens.facts import extract, from_text

OCTOBER_2023 = (date(2023, 10, 1), date(2023, 10, 31))


@pytest.mark.parametrize(
    "text",
    [
        "SINGAPORE, 14 December 2023 (Geneva): Globally, air traffic rose 31.2% in October.",
        "NEW YORK, Dec. 14, 2023 /PRNewswire/ -- Revenue rose 12% to $5.2 billion in the quarter.",
        "SEOUL, Korea, December 14, 2023 -- Shipments rose 8% to 1.2 million units in October.",
    ],
)
def test_a_press_dateline_is_the_documents_date(text: str) -> None:
    extraction = extract(from_text(text, fmt="txt"))
    assert extraction.reference == date(2023, 12, 14)
    # the dateline is a sentence of its own: the date is no subject or period of the news
    assert extraction.layout.sentences[0].text.endswith(("--", ":"))
    assert len(extraction.layout.sentences) == 2


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Domestic traffic for October 2023 rose 33.7% versus October 2022, and was 4.8% above "
            "the October 2019 results.",
            "4.8%",
        ),
        (
            "International traffic in October 2023 climbed 29.7% compared to the same month a "
            "year ago.",
            "29.7%",
        ),
        ("International RPKs in October 2023 reached 94.4% of October 2019 levels.", "94.4%"),
    ],
)
def test_a_figure_measured_against_another_period_keeps_its_own(text: str, value: str) -> None:
    assert span(one(text, value)) == OCTOBER_2023
