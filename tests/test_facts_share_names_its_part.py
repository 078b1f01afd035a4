"""Issue 16, session of 2026-12-07 (fourth): ``71% (£103.3bn) of sales from businesses in Wales
were goods`` is the goods' share of those sales; ``3 million shares of common stock were
purchased under the plan`` names no part. Texts of our own."""

from __future__ import annotations

from fact_mentions import one

_TEXT = (
    "Wales trade survey 2022\n\n"
    "- 71% (£103.3bn) of sales from businesses in Wales were goods and 29% (£41.4bn) were "
    "services.\n"
    "- In 2022, 3 million shares of common stock were purchased under the ESPP.\n"
)


def test_a_share_of_a_whole_that_was_a_part() -> None:
    assert one(_TEXT, "71%").fact.subject == "goods · sales from businesses in Wales"


def test_a_verb_after_the_whole_is_no_part() -> None:
    assert "ESPP" not in (one(_TEXT, "3 million shares").fact.subject or "")
