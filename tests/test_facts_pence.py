"""Issue 16, session of 2026-12-07 (third): ``79.4p`` in a document that counts in pounds is 79.4
pence (the reading noted on the fact); elsewhere ``2.3p`` stays unread; a dash between words
(``return of capital - 120p``) is no minus. Texts of our own."""

from __future__ import annotations

from decimal import Decimal

from check_findings import fires
from fact_mentions import mentions, one

UK = (
    "Revenue rose to £1.2bn in 2023.\n\n"
    "Full year dividend increased by 5.0% to 79.4p (2022: 75.6p).\n"
)


def test_pence_in_a_document_in_pounds_are_hundredths_of_a_pound() -> None:
    q = one(UK, "79.4p").fact.quantity
    assert (q.currency, q.value) == ("GBP", Decimal("0.794"))
    assert any("pence" in a for a in q.assumptions)


def test_a_growth_rate_of_amounts_in_pence_is_recomputed() -> None:
    fires(UK, UK.replace("5.0%", "8.0%"), "derived.growth")


def test_p_after_a_number_elsewhere_is_no_amount() -> None:
    assert mentions("코스피는 2023년 5월 2.3p 상승했다.") == []


def test_a_dash_between_words_is_no_minus() -> None:
    text = "Highlights for 2014: £91m return of capital - 120p per share special dividend."
    assert one(text, "120p").fact.quantity.value == Decimal("1.2")
