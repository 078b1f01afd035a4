"""The dashboard's layout in Chromium: charts fill their cards, axes stay readable at any span,
money in the data's scale, every stage counted, a localized table — at 1280 and 800 px."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import Page
from web_data import WIDE_ROUNDS, WIDE_YEARS

pytestmark = pytest.mark.browser
WIDTHS = (1280, 800)


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def wide_page(request: pytest.FixtureRequest, browser: Any, wide_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = Page(context.new_page(), wide_server)
    page.width = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    """A full-page screenshot (kept in $SECTORLENS_SCREENSHOTS when set, to be looked at)."""
    folder = Path(os.environ.get("SECTORLENS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"{name}-{page.width}px.png"  # type: ignore[attr-defined]
    page.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _boxes(page: Page, selector: str) -> list[dict[str, float]]:
    """Bounding boxes of the visible elements matching ``selector``."""
    return list(
        page.page.eval_on_selector_all(
            selector,
            """els => els.filter(e => getComputedStyle(e).opacity !== '0'
                                 && e.getAttribute('opacity') !== '0')
                      .map(e => { const r = e.getBoundingClientRect();
                                  return {x: r.x, y: r.y, w: r.width, h: r.height}; })""",
        )
    )


def test_charts_fill_their_cards(wide_page: Page, tmp_path: Path) -> None:
    wide_page.open("/?lang=ko")
    wide_page.ready()
    for chart_id in ("deals_by_year", "amount_by_year", "by_region", "by_round"):
        card = wide_page.page.locator(f"#chart-{chart_id} .vis").bounding_box()
        svg = wide_page.page.locator(f"#chart-{chart_id} .vis svg").first.bounding_box()
        assert card and svg
        assert svg["width"] >= card["width"] - 24, (chart_id, svg, card)
        assert svg["width"] <= card["width"] + 1, (chart_id, svg, card)  # no overflow either
    # nothing sticks out of the page sideways
    assert wide_page.page.evaluate("document.documentElement.scrollWidth") <= wide_page.width  # type: ignore[attr-defined]
    _shot(wide_page, "dashboard-ko", tmp_path)
    assert wide_page.problems == []


def test_a_66_year_axis_is_thinned_so_no_labels_overlap(wide_page: Page) -> None:
    wide_page.open("/?lang=en")
    wide_page.ready()
    for chart_id in ("deals_by_year", "amount_by_year"):
        labels = _boxes(
            wide_page, f"#chart-{chart_id} g[aria-label^='X-axis'] .role-axis-label text"
        )
        assert 2 <= len(labels) < len(WIDE_YEARS)  # thinned: not one label per year
        labels.sort(key=lambda b: b["x"])
        for left, right in itertools.pairwise(labels):
            assert left["x"] + left["w"] <= right["x"], (chart_id, left, right)
    assert wide_page.problems == []


def test_money_axes_are_in_the_data_s_scale(wide_page: Page) -> None:
    wide_page.open("/?lang=ko")
    wide_page.ready()
    texts = wide_page.chart_texts("amount_by_year")
    assert any("조 위안" in t for t in texts), texts  # trillions: 조, not 억
    assert not any("만" in t for t in texts), texts  # never "7.2만" on an axis in 억
    wide_page.open("/?lang=en")
    wide_page.ready()
    assert any("CNY tn" in t for t in wide_page.chart_texts("amount_by_year"))


def test_every_stage_is_counted_small_ones_as_other(wide_page: Page) -> None:
    wide_page.open("/?lang=en")
    wide_page.ready()
    texts = wide_page.chart_texts("by_round")
    other = [t for t in texts if re.fullmatch(r"Other \(\d+\)", t)]
    assert len(other) == 1
    counts = [
        int(m.group(1).replace(",", "")) for t in texts if (m := re.match(r"^([\d,]+) \(", t))
    ]
    assert sum(counts) == len(WIDE_ROUNDS)  # every deal is in one bar
    assert "Series A" in texts and "Private equity" not in texts  # 2 deals: in "other"


def test_the_table_is_localized(wide_page: Page) -> None:
    wide_page.open("/?lang=ko")
    wide_page.ready()
    headers = wide_page.page.locator("#data-table th").all_inner_texts()
    assert headers and not [h for h in headers if "_" in h]
    assert "건수" in headers
    cells = [c for row in wide_page.table() for c in row]
    assert not [c for c in cells if re.search(r"\.\d{3,}", c)]  # no 4–6 decimal tails
    assert any(re.fullmatch(r"\d+조( [\d,]+억)?", c) for c in cells), cells[:20]
    box = wide_page.page.locator("#table-view").bounding_box()
    assert box and box["x"] + box["width"] <= wide_page.width  # type: ignore[attr-defined]
    # the drawing before the change (read after it, a fast answer could already be drawn)
    drawn = wide_page.page.evaluate("document.body.dataset.ready")
    wide_page.page.select_option("#table-preset", "shares_province")
    wide_page.ready(after=drawn)
    assert "베이징" in wide_page.column("province") or "Beijing" in wide_page.column("province")
    assert wide_page.problems == []


def test_an_unknown_language_shows_the_default_page(wide_page: Page, tmp_path: Path) -> None:
    wide_page.open("/?lang=fr")
    wide_page.ready()
    assert wide_page.page.evaluate("document.documentElement.lang") == "ko"
    wide_page.open("/?lang=en")
    wide_page.ready()
    assert wide_page.page.evaluate("document.documentElement.scrollWidth") <= wide_page.width  # type: ignore[attr-defined]
    _shot(wide_page, "dashboard-en", tmp_path)
    assert wide_page.problems == []


def test_filters_stay_in_their_card_and_nav_links_do_not_break(wide_page: Page) -> None:
    wide_page.open("/?lang=ko")
    wide_page.ready()
    card = wide_page.page.locator(".filters").bounding_box()
    assert card
    for box in _boxes(wide_page, ".filters select, .filters button"):
        assert box["x"] + box["w"] <= card["x"] + card["width"] + 0.5, (box, card)
    heights = [b["h"] for b in _boxes(wide_page, "header nav a")]
    assert heights and max(heights) < 1.8 * min(heights)  # no link wraps onto a second line
    assert wide_page.problems == []
