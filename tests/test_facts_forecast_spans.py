"""Issue 16, session of 2026-12-07 (second): ``expected to rise from £319.79bn in 2022 to
£319.82bn`` — the year after the first level is that level's (the one compared with), not the
period of the level it moves to, nor of the sentences after it. Texts of our own."""

from __future__ import annotations

from datetime import date

from fact_mentions import one, span

_FORECAST = (
    "Total retail spending is expected to rise marginally from £{unit} in 2022 to £319.82bn. "
    "However, this rise will be a result of inflation.\n\n"
    "In the home and garden category sales are expected to drop by 2.9% to £37.43bn.\n"
)


def test_the_year_after_the_level_moved_from_is_that_level_s() -> None:
    for unit in ("319.79bn", "319.79 billion"):
        text = _FORECAST.format(unit=unit)
        assert span(one(text, f"£{unit}")) == (date(2022, 1, 1), date(2022, 12, 31))
        assert span(one(text, "£319.82bn")) != (date(2022, 1, 1), date(2022, 12, 31))
        assert span(one(text, "£37.43bn")) != (date(2022, 1, 1), date(2022, 12, 31))
